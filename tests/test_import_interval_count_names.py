"""A billing export's interval count under a name the importer does not know is refused, naming it; a contract's
term under such a name (Zuora's "Initial Term" 12 beside a monthly price) is not (H14 finding 18: ``term_months``
3 beside interval ``month`` gave MRR 400 for 200, exit 0)."""

import csv
from pathlib import Path

import pytest

from xl_retention import cli

ERROR = "xl-retention: error: "


def run(tmp_path: Path, text: str, *extra: str) -> int:
    path = tmp_path / "subs.csv"
    path.write_text(text, encoding="utf-8")
    return cli.main(["import", "--subscriptions", str(path), *extra, "--to-csv", str(tmp_path / "out")])


def january(tmp_path: Path) -> float:
    with open(tmp_path / "out" / "movements.csv", newline="") as handle:
        return float(next(row["mrr_end"] for row in csv.DictReader(handle) if row["month"] == "2024-01"))


NAMES = ["billing_cycle_length", "cycle_length", "period_count", "periodicity", "months", "Duration (months)",
         "Laufzeit (Monate)", "durée (mois)", "term_months", "BillingCycleLength"]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_count_under_an_unknown_name_is_refused(tmp_path, capsys, name):
    text = f'customer_id,month,amount,interval,"{name}"\na,2024-01,300,month,3\nb,2024-01,100,month,1\n'
    assert run(tmp_path, text) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(ERROR) and "\n" not in err
    assert f"column '{name}' holds whole numbers beside the billing interval 'interval'" in err
    assert "interval_count=" in err and "contract's term" in err


def test_mapped_count_divides_the_mrr(tmp_path):
    text = "customer_id,month,amount,interval,billing_cycle_length\na,2024-01,300,month,3\nb,2024-01,100,month,1\n"
    assert run(tmp_path, text, "--columns", "interval_count=billing_cycle_length") == 0
    assert january(tmp_path) == 200.0


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        # Zuora: a year's or two years' contract billed monthly, quarterly or yearly
        ("Initial Term,Renewal Term", ["12,12", "24,12"]),
        ("Laufzeit (Monate),x", ["12,0", "24,0"]),
        ("term_months,x", ["36,0", "12,0"]),
        # the term in its own unit, said by a column beside it
        ("Initial Term,Initial Term Period Type", ["1,Year", "2,Year"]),
    ],
)
def test_contract_terms_are_not_refused(tmp_path, header, rows):
    text = f"customer_id,month,amount,Billing Period,{header}\na,2024-01,300,Quarter,{rows[0]}\n"
    text += f"b,2024-01,100,Month,{rows[1]}\n"
    assert run(tmp_path, text) == 0
    assert january(tmp_path) == 200.0  # 300 a quarter + 100 a month


def test_a_term_shorter_than_a_year_is_asked(tmp_path, capsys):
    # 3 beside a monthly price: billed every 3 months or a 3-month contract billed monthly?
    text = "customer_id,month,amount,Billing Period,Initial Term\na,2024-01,300,Month,3\nb,2024-01,100,Month,12\n"
    assert run(tmp_path, text) == 1
    assert "column 'Initial Term' holds whole numbers" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name",
    ["months_active", "remaining_billing_cycles", "Days Until Due", "term_years", "subscriptions.billing_cycles"],
)
def test_tenures_and_counts_left_are_no_interval_count(tmp_path, name):
    text = f'customer_id,month,amount,interval,"{name}"\na,2024-01,300,quarter,7\nb,2024-01,100,month,1\n'
    assert run(tmp_path, text) == 0
    assert january(tmp_path) == 200.0


@pytest.mark.parametrize(
    ("name", "ours"),
    [("BillingFrequency", "interval count"), ("billingFrequency", "interval count"), ("UserCount", "quantity"),
     ("LicenseCount", "quantity")],
)  # fmt: skip
def test_a_camel_case_count_is_named_as_what_it_is(tmp_path, capsys, name, ours):
    """'BillingFrequency' 3 was refused as a quantity (seats?): mapped so, as the message said, it multiplied the MRR
    by 3 where it divides it (H48)."""
    text = f"customer_id,month,amount,interval,{name}\na,2024-01,300,month,3\nb,2024-01,100,month,1\n"
    assert run(tmp_path, text) == 1
    err = capsys.readouterr().err
    assert f"column {name!r} looks like the billing {ours} but is not used" in err
    assert f"--columns {ours.replace(' ', '_')}={name}" in err
