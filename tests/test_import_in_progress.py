"""An export taken during a month makes that month the tracker's last one: its churn is only the churn so far (an
export taken on the 1st shows a CRR of 100%), and the Dashboard's latest figures and Lifetime value's churn average
read it. The import says so in one line naming the month and the last full month; it said nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]


def note(month: pd.Period) -> str:
    return (
        f"the last month, {month}, is the current month, still in progress: its churn is only the churn so far, and "
        f"the tracker's latest figures and churn averages read it until it ends; {month - 1} is the last full month "
        f"(add --through {month - 1} to stop there, or import again after {month} ends for its final figures)"
    )


def test_an_export_reaching_the_current_month_is_noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = dt.date.today()
    now = pd.Period(today, freq="M")
    start = (now - 3).to_timestamp().date()
    path = tmp_path / "subs.csv"
    ended = (now - 1).to_timestamp().date()
    path.write_text(
        f"customer_id,start,end,mrr\na,{start},{ended},10\nb,{start},,20\nc,{now.to_timestamp().date()},,5\n"
    )
    assert cli.main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == note(now)
    moves = pd.read_csv(tmp_path / "o" / "movements.csv", dtype={"month": str})
    assert moves["month"].iloc[-1] == str(now)


def test_an_export_of_full_months_has_no_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\na,2026-01-05,10\nb,2026-02-03,20\n")
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "current month" not in out
    lines = [line for line in out.splitlines() if " is the last month of " not in line]  # H51's note: where it ends
    assert lines == [
        f"wrote {tmp_path / 'o' / name}" for name in ("purchases.csv", "order_cohorts.csv", "order_revenue_cohorts.csv")
    ] + [  # the first month's returning customers (H44's note: xl_retention.workbook.first_month)
        "2026-01 is the first month of orders.csv: its returning customers (buyers who ordered in an earlier month) "
        "cannot be told, as the file has no earlier month, and count as 0 (returning customer rate 0%); later, one "
        "whose earlier orders are all before 2026-01 counts as new too (export earlier months to count them)"
    ]
