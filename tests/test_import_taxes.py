"""MRR is net of tax (docs/metrics.md): a tax column beside the amount is taken off where the file tells that the
amount includes it, used as it is where the amount is before it, and refused where it cannot be told
(H14 finding 21: ``amount`` 119 beside ``VAT`` 19 gave MRR 238 for 200, exit 0)."""

import csv
from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def imported(tmp_path: Path, text: str, *extra: str, backend: str = "pandas") -> dict[str, float]:
    path = tmp_path / "subs.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["import", "--subscriptions", str(path), *extra, "--backend", backend, "--to-csv", str(out)]
    assert cli.main(args) == 0
    with open(out / "movements.csv", newline="") as handle:
        return {row["month"]: round(float(row["mrr_end"]), 6) for row in csv.DictReader(handle)}


def refused(tmp_path: Path, text: str, capsys, *extra: str) -> str:
    path = tmp_path / "subs.csv"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["import", "--subscriptions", str(path), *extra, "--to-csv", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(ERROR) and "\n" not in err and "Traceback" not in err
    return err


@pytest.mark.parametrize("name", ["VAT", "MwSt", "TVA", "IVA", "Sales Tax", "tax", "tax_amount", "TaxAmount"])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_gross_billing_amount_has_its_tax_taken_off(tmp_path, capsys, name, backend):
    # 119 = 100 + 19 % VAT a month, 59.50 = 50 + 19 % (9.50), 321 a quarter = 300 + 7 % (21): gross by the rates
    text = (
        f'customer_id,month,amount,interval,"{name}"\n'
        "a,2024-01,119,month,19\nb,2024-01,59.50,month,9.50\nc,2024-01,321,quarter,21\n"
        "a,2024-02,119,month,19\nb,2024-02,59.50,month,9.50\nc,2024-02,321,quarter,21\n"
    )
    assert imported(tmp_path, text, backend=backend) == {"2024-01": 250.0, "2024-02": 250.0}
    assert f"'amount' includes the tax in '{name}'" in capsys.readouterr().out


def test_snapshots_mrr_beside_its_tax(tmp_path):
    text = "customer_id,month,mrr,tax\na,2024-01,119,19\nb,2024-01,120,20\n"  # 19 % of 100, 20 % of 100
    assert imported(tmp_path, text) == {"2024-01": 200.0}


def test_net_amount_beside_its_tax_is_kept(tmp_path):
    # 19 is 19 % of 100 (net); as gross it would be 23.46 % of 81, no tax rate: the amount is before tax
    text = "customer_id,month,amount,interval,VAT\na,2024-01,100,month,19\nb,2024-01,50,month,9.50\n"
    assert imported(tmp_path, text) == {"2024-01": 150.0}


def test_a_column_of_amount_plus_tax_says_the_amount_is_net(tmp_path):
    # 20 of 100 is 20 % net or 25 % gross by the rates alone; Total = amount + tax says net
    text = "customer_id,month,amount,interval,tax,Total\na,2024-01,100,month,20,120\nb,2024-01,200,month,40,240\n"
    assert imported(tmp_path, text) == {"2024-01": 300.0}


def test_a_column_of_total_less_tax_says_the_total_is_gross(tmp_path):
    text = "customer_id,start,end,Total,Tax,Subtotal\na,2024-01-01,2024-03-01,120,20,100\nb,2024-01-01,,240,40,200\n"
    got = imported(tmp_path, text, "--columns", "mrr=Total")
    assert (got["2024-01"], got["2024-02"], got["2024-03"]) == (300.0, 300.0, 200.0)


def test_a_name_that_says_gross(tmp_path):
    # 13.37 of 113.37 is no rate; "Total incl" says the tax is in it
    text = "customer_id,month,Amount incl,interval,Tax\na,2024-01,113.37,month,13.37\n"
    assert imported(tmp_path, text, "--columns", "amount=Amount incl") == {"2024-01": 100.0}


@pytest.mark.parametrize(("name", "expected"), [("Bruttobetrag", 100.0), ("Nettobetrag", 113.37)])
def test_german_compound_names(tmp_path, name, expected):
    text = f"customer_id,month,{name},interval,MwSt\na,2024-01,113.37,month,13.37\n"
    assert imported(tmp_path, text, "--columns", f"amount={name}") == {"2024-01": expected}


def test_ambiguous_tax_is_refused_naming_it(tmp_path, capsys):
    # 20 of 100: 20 % of the amount (net) or 25 % of 80 (gross): cannot be told
    text = "customer_id,month,amount,interval,tax\na,2024-01,100,month,20\nb,2024-01,200,month,40\n"
    err = refused(tmp_path, text, capsys)
    assert "column 'tax' holds taxes" in err and "--columns amount=NAME" in err and "remove the tax column" in err


def test_two_tax_columns_are_refused(tmp_path, capsys):
    text = "customer_id,month,amount,interval,GST,PST\na,2024-01,112,month,5,7\n"
    err = refused(tmp_path, text, capsys)
    assert "columns 'GST', 'PST' hold taxes" in err


def test_tax_rates_and_flags_change_nothing(tmp_path):
    text = "customer_id,month,amount,interval,VAT %,tax_exempt,VAT ID\na,2024-01,100,month,19%,false,DE123\n"
    assert imported(tmp_path, text) == {"2024-01": 100.0}


def test_a_zero_tax_changes_nothing(tmp_path):
    text = "customer_id,month,amount,interval,VAT\na,2024-01,100,month,0\nb,2024-01,50,month,\n"
    assert imported(tmp_path, text) == {"2024-01": 150.0}


@pytest.mark.parametrize(("name", "value"), [("Tax Behavior", "inclusive"), ("Taxes Included", "true")])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_flag_that_says_tax_included_without_the_tax_is_refused(tmp_path, capsys, name, value, backend):
    text = f"customer_id,month,amount,interval,{name}\na,2024-01,119,month,{value}\n"
    err = refused(tmp_path, text, capsys, "--backend", backend)
    assert f"column {name!r} says 'amount' includes tax (row 2: {value!r})" in err


def test_a_flag_that_says_tax_excluded_changes_nothing(tmp_path):
    text = "customer_id,month,amount,interval,Tax Behavior\na,2024-01,100,month,exclusive\n"
    assert imported(tmp_path, text) == {"2024-01": 100.0}
