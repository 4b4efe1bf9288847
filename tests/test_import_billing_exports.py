"""xl-retention import of real billing exports (Stripe, Chargebee, Recurly, Paddle, Shopify headers), mixed
currencies, future end dates, missing snapshot months: each built here, with its exact MRR or its refusal."""

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.tables import monthly_movements


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """The CLI in process: (exit status, stdout, stderr)."""
    status = cli.main([str(a) for a in args])
    out = capsys.readouterr()
    return status, out.out, out.err


def column(path: Path, name: str) -> list[tuple[str, str]]:
    with open(path, newline="") as handle:
        return [(row["month"], row[name]) for row in csv.DictReader(handle)]


def refused(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    """The one-line error of a refused import (exit 1, nothing else on stderr, no traceback)."""
    status, _, err = run(capsys, *args)
    assert status == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("xl-retention: error: "), err
    return err[len("xl-retention: error: ") :].rstrip("\n")


# -- billing headers -------------------------------------------------------------------------------------------------
STRIPE = (
    "Customer ID,Start Date (UTC),Ended At (UTC),Plan Amount,Plan Interval,Plan Interval Count,Quantity\n"
    "cus_1,2025-01-10,,1200,year,1,1\n"  # 100 a month
    "cus_2,2025-01-12,,100,month,1,3\n"  # 3 seats x 100
    "cus_3,2025-01-20,2025-03-02,300,month,3,1\n"  # 300 a quarter: 100 a month, January and February
)


def test_stripe_headers_are_recognised_and_the_first_hint_leads_to_the_right_mapping(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text(STRIPE)
    message = refused(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o")
    assert message == (
        "subs.csv: no dates of the subscriptions (columns found: 'Customer ID', 'Start Date (UTC)', 'Ended At (UTC)', "
        "'Plan Amount', 'Plan Interval', 'Plan Interval Count', 'Quantity'): a 'start' column (one row per "
        "subscription, 'end' when it stopped) or a 'month' column (one row per customer and month); 'Plan Interval' "
        "makes it a billing export (MRR from the price per interval: no 'mrr' needed); "
        "map them: --columns start=Start Date (UTC),end=Ended At (UTC)"
    )
    hint = message.rsplit("--columns ", 1)[1]
    status, _, err = run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--columns", hint,
                         "--to-csv", tmp_path / "out")  # fmt: skip
    assert status == 0, err
    assert column(tmp_path / "out" / "movements.csv", "mrr_end") == [
        ("2025-01", "500.0"),
        ("2025-02", "500.0"),
        ("2025-03", "400.0"),
    ]


def test_mrr_mapped_to_the_plan_amount_is_converted_by_the_recognised_interval(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text(STRIPE)
    columns = "customer_id=Customer ID,start=Start Date (UTC),end=Ended At (UTC),mrr=Plan Amount"
    status, _, err = run(capsys, "import", "--subscriptions", tmp_path / "subs.csv", "--columns", columns,
                         "--to-csv", tmp_path / "out")  # fmt: skip
    assert status == 0, err
    assert column(tmp_path / "out" / "movements.csv", "mrr_end")[0] == ("2025-01", "500.0")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Chargebee: billing_period is the count, billing_period_unit the unit
        ("customer_id,month,plan_unit_price,billing_period_unit,billing_period,plan_quantity", [700.0]),
        # Recurly
        ("customer_id,month,unit_amount,plan_interval_unit,plan_interval_length,quantity", [700.0]),
        # Paddle Billing
        ("customer_id,month,unit_price,billing_cycle.interval,billing_cycle.frequency,quantity", [700.0]),
        # Shopify subscriptions
        ("Customer ID,Month,Price,Billing Interval,Billing interval count,Seats", [700.0]),
    ],
)
def test_billing_headers_of_other_systems(header: str, expected: list[float]) -> None:
    # a: 1,200 a year = 100; b: 300 every 3 months x 2 seats = 200; c: 400 a month = 400
    rows = [("a", "2025-01", 1200, "year", 1, 1), ("b", "2025-01", 300, "month", 3, 2), ("c", "2025-01", 400,
            "month", 1, 1)]  # fmt: skip
    frame = pd.DataFrame(rows, columns=header.split(","))
    assert monthly_movements(frame)["mrr_end"].tolist() == expected


def test_an_unmapped_interval_count_or_quantity_beside_a_mapped_interval_is_refused(tmp_path, capsys) -> None:
    (tmp_path / "subs.csv").write_text("Customer ID,Start,Price,Period,Every N,Seat count\nc1,2025-01-05,300,month,3,2")
    args = ("import", "--subscriptions", tmp_path / "subs.csv", "--to-csv", tmp_path / "o", "--columns")
    assert refused(capsys, *args, "interval=Period,interval_count=Every N,amount=Price") == (
        "subs.csv: column 'Seat count' looks like the billing quantity but is not used; it changes the MRR "
        "(MRR = amount x quantity / (months per interval x interval_count)): map it: --columns quantity=Seat count"
    )
    (tmp_path / "subs.csv").write_text("Customer ID,Start,Price,Period,Interval Length (months)\nc1,2025-01-05,300,"
                                       "month,3\n")  # fmt: skip
    assert refused(capsys, *args, "interval=Period,amount=Price") == (
        "subs.csv: column 'Interval Length (months)' looks like the billing interval count but is not used; it "
        "changes the MRR (MRR = amount x quantity / (months per interval x interval_count)): map it: "
        "--columns interval_count=Interval Length (months)"
    )
    status, _, err = run(capsys, *args, "interval=Period,amount=Price,interval_count=Interval Length (months)")
    assert status == 0, err
    assert column(tmp_path / "o" / "movements.csv", "mrr_end") == [("2025-01", "100.0")]


def test_an_interval_count_without_an_interval_and_two_price_columns_are_refused() -> None:
    counted = pd.DataFrame({"customer_id": ["a"], "month": ["2025-01"], "mrr": [300], "Plan Interval Count": [3]})
    with pytest.raises(DataError) as error:
        monthly_movements(counted, source="s.csv")
    assert str(error.value) == (
        "s.csv: 'Plan Interval Count' is a billing interval count, but no billing interval column was found "
        "(month, year, ...): map it: --columns interval=NAME (the MRR is the price per interval divided by the "
        "months of the interval and by the count)"
    )
    chargebee = pd.DataFrame({"customer_id": ["a"], "month": ["2025-01"], "plan_unit_price": [300], "plan_amount":
                              [600], "plan_quantity": [2], "billing_period_unit": ["month"]})  # fmt: skip
    with pytest.raises(DataError) as error:
        monthly_movements(chargebee, source="cb.csv")
    assert str(error.value) == (
        "cb.csv: 2 columns could be the amount (the price of one unit for one interval) ('plan_unit_price', "
        "'plan_amount'): say which, e.g. --columns amount=plan_unit_price (in Python: columns={'amount': "
        "'plan_unit_price'})"
    )
    assert monthly_movements(chargebee, columns={"amount": "plan_unit_price"})["mrr_end"].tolist() == [600.0]
