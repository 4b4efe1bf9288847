"""A billing interval written as a number times an interval ("12x monthly", "Annual x2") or a number of an interval
said as how often ("12 monthly payments", "3 monthly") says no one number of months: every 12 months, or a monthly
plan paid 12 times (a year's contract billed monthly)? It was read as every 12 months, the MRR a twelfth of a monthly
price, silently; it is refused naming the row and the value, on every engine. "every 12 months" and "12 months" are
12 months, as before; so is "12-monthly", as "6-monthly" is 6 months (British and Australian English: the hyphen
joins the count to its "-ly" word; refused by 2c75e36, H58 finding 02).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

BACKENDS = ["pandas", "duckdb"]
SUBSCRIPTIONS = (
    "customer_id,start,end,amount,interval\n"
    "a,2024-01-01,2024-04-01,120,monthly\n"
    "b,2024-01-01,2024-04-01,120,{interval}\n"
    "c,2024-02-01,2024-04-01,60,Monthly\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("interval", ["12x monthly", "12 x Monthly", "Annual x2", "2x yearly", "12 monthly payments"])
def test_a_number_times_an_interval_is_refused(tmp_path: Path, capsys, backend: str, interval: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(SUBSCRIPTIONS.format(interval=interval))
    message = refusal(capsys, "--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message.startswith("subs.csv, column 'interval': billing intervals that are not day, week, month, quarter")
    assert "nor does '12x monthly', every 12 months or 12 monthly payments?" in message
    assert message.endswith(
        f"in row 3 (counting the header as row 1): {interval!r}: map interval to a column that says how many months "
        "each interval is"
    )
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("interval", ["every 12 months", "12 months", "Yearly"])
def test_a_number_of_months_is_read(tmp_path: Path, backend: str, interval: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(SUBSCRIPTIONS.format(interval=interval))
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert moves["mrr_end"].tolist() == [130.0, 190.0, 190.0, 0.0]  # a 120 + b 120 / 12; + c 60


def test_a_plan_named_with_a_number_of_payments_says_no_interval() -> None:
    from xl_retention.reading.billing import interval_in_text, interval_months

    assert [interval_months(v) for v in ("12x monthly", "3 x monthly", "Monthly x 12", "12 monthly")] == [None] * 4
    assert [interval_in_text(v) for v in ("Pro 12 monthly payments", "Pro 3-monthly", "Pro 12x monatlich")] == [
        None
    ] * 3
    assert [interval_months(v) for v in ("every 12 months", "1x monthly", "2 Quartale", "12 Monate")] == [12, 1, 6, 12]
    assert [interval_in_text(v) for v in ("Pro - 12 months", "Pro 24M", "Pro 3 Monate")] == [12, 24, 3]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("interval", ["12-monthly", "twelve-monthly", "1-yearly"])
def test_a_hyphened_number_of_monthly_is_how_often(tmp_path: Path, backend: str, interval: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(SUBSCRIPTIONS.format(interval=interval))
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert moves["mrr_end"].tolist() == [130.0, 190.0, 190.0, 0.0]  # a 120 + b 120 / 12; + c 60


@pytest.mark.parametrize("backend", BACKENDS)
def test_six_monthly_and_three_monthly_are_read(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,start,end,interval,amount\n"
                    "A,2024-01-01,2024-07-01,6-monthly,600\nB,2024-01-01,2024-04-01,3-Monthly,300\n")  # fmt: skip
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert moves["mrr_end"].tolist()[:4] == [200.0, 200.0, 200.0, 100.0]  # A 600 / 6 + B 300 / 3; B ends in April
