"""A Stripe-like export with an Interval column and no interval count: a quarterly price (Interval month, a current
period of 3 months, or a plan named 'quarterly'/'yearly') was read as monthly, its amount counted 3 (12) times as MRR,
silently. Refused naming the rows and the column to map (xl_retention.reading.interval_spans); with the count, read."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = "Customer ID,Plan,Interval,Amount,Start Date,Current Period Start,Current Period End,Ended At\n"
MONTHLY = (
    "cus_A,Pro,month,29.00,2026-06-03 10:00:00,2026-11-03 10:00:00,2026-12-03 10:00:00,\n"
    "cus_B,Pro annual,year,990.00,2026-06-10 10:00:00,2026-06-10 10:00:00,2027-06-10 10:00:00,\n"
)
COLUMNS = "start=Start Date,end=Ended At"


def _refused(tmp_path, capsys, text: str, backend: str = "pandas") -> str:
    (tmp_path / "subs.csv").write_text(text)
    return refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", COLUMNS, "--backend", backend,
                   "--to-csv", str(tmp_path / "out"))  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_three_month_period_beside_month_without_a_count_is_refused(tmp_path, capsys, backend) -> None:
    row = "cus_K,Pro,month,270.00,2026-10-21 10:00:00,2026-10-21 10:00:00,2027-01-21 10:00:00,\n"
    message = _refused(tmp_path, capsys, HEADER + MONTHLY + row, backend)
    assert message == (
        "subs.csv, column 'Current Period End': billing periods ('Current Period Start' to 'Current Period End') of 2 "
        "or more of the row's intervals ('Interval') in row 4 (counting the header as row 1): '2026-10-21 to "
        "2027-01-21 (3 months) beside month': with no interval count the amount is read as per 1 'month' interval "
        "and counted as MRR several times over: export the interval count (Stripe's 'Plan Interval Count', how many "
        "intervals a period bills) too and map it: --columns interval_count=NAME"
    )


@pytest.mark.parametrize("plan", ["Pro (billed quarterly)", "Pro Yearly"])
def test_a_plan_named_quarterly_or_yearly_beside_month_without_a_count_is_refused(tmp_path, capsys, plan) -> None:
    row = f"cus_K,{plan},month,270.00,2026-10-21 10:00:00,2026-11-21 10:00:00,2026-12-21 10:00:00,\n"
    message = _refused(tmp_path, capsys, HEADER + MONTHLY + row)
    assert message.startswith(
        "subs.csv, column 'Plan': plans whose name says a longer billing interval than 'Interval' in row 4 (counting "
        f"the header as row 1): '{plan} beside month': with no interval count the amount is read as per 1 'month'"
    )
    assert message.endswith("map it: --columns interval_count=NAME")  # 'Pro' says no interval: not advised as one


def test_a_plan_column_that_says_every_interval_is_advised_as_the_interval(tmp_path, capsys) -> None:
    text = (
        "Customer ID,Plan,Interval,Amount,Start Date,Ended At\n"
        "cus_A,Monthly,month,29.00,2026-06-03,\ncus_K,Quarterly,month,270.00,2026-06-10,\n"
    )
    message = _refused(tmp_path, capsys, text)
    assert message.startswith(
        "subs.csv, column 'Plan': plans whose name says a longer billing interval than 'Interval' in row 3 (counting "
        "the header as row 1): 'Quarterly beside month'"
    )
    assert message.endswith(
        "map it: --columns interval_count=NAME; or, if the amounts are per the interval the plan's name says, "
        "--columns interval=Plan"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_with_the_interval_count_the_quarterly_price_is_a_third_a_month(tmp_path, backend) -> None:
    header = HEADER.replace("Ended At\n", "Ended At,Interval Count\n")
    rows = (MONTHLY + "cus_K,Pro (billed quarterly),month,270.00,2026-10-21 10:00:00,2026-10-21 10:00:00,"
            "2027-01-21 10:00:00,\n").replace(",\n", ",,1\n")  # fmt: skip
    rows = rows.replace("2027-01-21 10:00:00,,1", "2027-01-21 10:00:00,,3")
    (tmp_path / "subs.csv").write_text(header + rows)
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.csv", "--columns", COLUMNS, backend=backend)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements.loc["2026-10", "mrr_end"] == 29.0 + 82.5 + 90.0


def test_a_free_trials_long_period_and_a_consistent_year_are_read(tmp_path) -> None:
    text = (
        "Customer ID,Plan,Interval,Amount,Start Date,Current Period Start,Current Period End,Trial End,Ended At\n"
        "cus_A,Pro,month,29.00,2026-06-03,2026-06-03,2026-09-03,2026-09-03,\n"  # a 3-month free trial
        "cus_B,Pro annual,year,990.00,2026-06-10,2026-06-10,2027-06-10,,\n"
    )
    (tmp_path / "subs.csv").write_text(text)
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.csv", "--columns", COLUMNS)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements.loc["2026-09", "mrr_end"] == 29.0 + 82.5
