"""A column saying a subscription's amounts include tax under the exports' other names and values (Paddle's
tax_mode 'internal', Xero's LineAmountTypes 'Inclusive', QuickBooks' 'Amounts Are' 'Tax Inclusive', 'Prices include
tax' yes, TTC oui, Bruttopreis ja), or the amount's own name saying so ('Price (incl. VAT)', 'Prix TTC', 'Gross Amount'
beside 'VAT Rate'), was ignored: gross amounts counted as MRR, Jan 240 for 200, exit 0 (H35 finding 03). Refused
naming the column and its first row; values saying the amounts exclude tax, a product's column holding 'Inclusive'
among other words, and a column of the tax beside the amount (reading.taxes) are read as before."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

HEAD = "Customer ID,Interval,Amount,Start,End,VAT Rate"
ROWS = ["A,month,120.00,2024-01-05,,20%", "B,month,120.00,2024-01-06,,20%"]


def run(tmp_path: Path, lines: list[str], *more: str) -> int:
    path = tmp_path / "subs.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), *more])


def flagged(name: str, values: list[str]) -> list[str]:
    return [f'{HEAD},"{name}"', *(f"{r},{v}" for r, v in zip(ROWS, values, strict=True))]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Prices include tax", "yes"),
        ("TTC", "oui"),
        ("tax_mode", "internal"),
        ("Tax Mode", "inclusive"),
        ("tax_type", "inclusive"),
        ("Amounts Are", "Tax Inclusive"),
        ("LineAmountTypes", "Inclusive"),
        ("Bruttopreis", "ja"),
    ],
)
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_flag_is_refused(tmp_path: Path, capsys, name: str, value: str, backend: str) -> None:
    assert run(tmp_path, flagged(name, ["", value]), "--columns", "customer_id=Customer ID", "--backend", backend) == 1
    err = capsys.readouterr().err
    assert f"subs.csv: column {name!r} says 'Amount' includes tax (row 3: {value!r}) and no column holds the tax" in err


@pytest.mark.parametrize("amount", ["Price (incl. VAT)", "Preis brutto", "Prix TTC", "Gross Amount"])
def test_the_amounts_own_name(tmp_path: Path, capsys: pytest.CaptureFixture[str], amount: str) -> None:
    lines = [HEAD.replace("Amount", f'"{amount}"'), *ROWS]
    assert run(tmp_path, lines, "--columns", f"customer_id=Customer ID,amount={amount}") == 1
    assert f"subs.csv: {amount!r} says by its name that it includes tax (beside 'VAT Rate')" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "values"),
    [("Tax Mode", ["exclusive", "exclusive"]), ("tax_mode", ["external", ""]),
     ("LineAmountTypes", ["NoTax", "Exclusive"])],
)  # fmt: skip
def test_exclusive_and_other_columns_pass(tmp_path: Path, name: str, values: list[str]) -> None:
    assert run(tmp_path, flagged(name, values), "--columns", "customer_id=Customer ID,amount=Amount") == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        assert next(csv.DictReader(f))["mrr_end"] == "240.0"


@pytest.mark.parametrize(("name", "values"), [("Plan", ["Inclusive support", "Basic"]), ("Gross Amount", ["5", "7"])])
def test_other_columns_are_no_flag_and_leave_the_rate_untold(
    tmp_path: Path, capsys, name: str, values: list[str]
) -> None:
    """No flag: the 'VAT Rate' beside 'Amount' is what stops (gross or net cannot be told, tests/test_h237_*)."""
    assert run(tmp_path, flagged(name, values), "--columns", "customer_id=Customer ID,amount=Amount") == 1
    assert (
        "subs.csv: column 'VAT Rate' holds tax rates (row 2: '20%' beside 'Amount' '120.00')" in capsys.readouterr().err
    )


def test_a_database_table_is_read_as_a_file(tmp_path: Path) -> None:
    import duckdb

    lines = flagged("LineAmountTypes", ["Inclusive", "Inclusive"])
    frame = pd.DataFrame([r.split(",") for r in lines[1:]], columns=[c.strip('"') for c in lines[0].split(",")])
    frame["Amount"] = frame["Amount"].astype("float64")
    database = tmp_path / "subs.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    args = ["--subscriptions", "table:subs", "--backend", "duckdb", "--connection", str(database)]
    assert cli.main(["import", *args, "--columns", "customer_id=Customer ID", "--to-csv", str(tmp_path / "o")]) == 1


# One check of a subscriptions and an orders file (H48): 'Taxes Included' and 'Tax Behavior' (reading.taxes' own
# check before) and the other flags above are read by reading.tax_flags alone, where no column holds a tax.


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_orders_amount_named_with_tax_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Email,Date,Amount (incl. VAT)\na@x.com,2024-01-05,119.00\nb@x.com,2024-02-05,238.00\n")
    args = ["--orders", str(path), "--columns", "customer_id=Email,date=Date,amount=Amount (incl. VAT)"]
    assert cli.main(["import", *args, "--backend", backend, "--to-csv", str(tmp_path / "o")]) == 1
    assert (
        "orders.csv: 'Amount (incl. VAT)' says by its name that it includes tax and no column holds the tax; revenue "
        "is net of tax" in capsys.readouterr().err
    )


def test_a_flag_beside_a_tax_column_left_blank_is_refused(tmp_path: Path, capsys) -> None:
    lines = [f"{HEAD},Tax,Prices include tax", *(f"{r},,yes" for r in ROWS)]
    assert run(tmp_path, lines, "--columns", "customer_id=Customer ID") == 1
    err = capsys.readouterr().err
    assert "subs.csv: column 'Prices include tax' says 'Amount' includes tax (row 2: 'yes') and no column holds" in err


def test_a_flag_beside_a_tax_of_0_passes(tmp_path: Path) -> None:
    lines = [f"{HEAD},Tax,Taxes Included", *(f"{r},0.00,true" for r in ROWS)]
    assert run(tmp_path, lines, "--columns", "customer_id=Customer ID") == 0
    with open(tmp_path / "o" / "movements.csv", newline="") as f:
        assert next(csv.DictReader(f))["mrr_end"] == "240.0"


@pytest.mark.parametrize(("name", "value"), [("Tax Behavior", " incl"), ("tax_behaviour", "Yes"), ("TaxIncluded", "1")])
def test_a_tax_behavior_saying_included_is_refused(tmp_path: Path, capsys, name: str, value: str) -> None:
    assert run(tmp_path, flagged(name, ["", value]), "--columns", "customer_id=Customer ID") == 1
    err = capsys.readouterr().err
    assert f"subs.csv: column {name!r} says 'Amount' includes tax (row 3: {value.strip()!r}) and no column" in err
