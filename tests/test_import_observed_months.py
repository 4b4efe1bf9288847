"""A complete subscriptions export of a stable book (its last sign-up and cancellation months ago) ended its tables at
that old month (H27 finding 04): the months since, in which its active subscriptions were billed (Stripe's "Current
Period Start (UTC)" in the last full month), were not written, and the note asked to export a complete file again.
A current period's start is a month observed, as a start or a loss is: open subscriptions count through it, never
past the current month; by pandas, by DuckDB and for a typed table alike.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

from xl_retention.tables import snapshots_from_intervals

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
COLUMNS = "customer_id=Customer ID,start=Start (UTC),end=Ended At (UTC)"


def _export(period_start: str, period_end: str, name: str = "Current Period Start (UTC)") -> str:
    return (
        f"id,Customer ID,Plan,Quantity,Interval,Amount,Status,Start (UTC),{name},Current Period End (UTC),"
        "Canceled At (UTC),Ended At (UTC)\n"
        f"sub_2,cus_2,Pro,1,month,50.00,active,2025-01-05 10:00,{period_start},{period_end},,\n"
        f"sub_3,cus_3,Pro,1,month,100.00,active,2025-01-07 10:00,{period_start},{period_end},,\n"
        "sub_4,cus_4,Pro,1,month,30.00,canceled,2025-01-07 10:00,2025-03-07 10:00,2025-04-07 10:00,"
        "2025-04-02 00:00,2025-04-02 00:00\n"
    )


def _last_full_month() -> pd.Period:
    return pd.Period(dt.date.today(), freq="M") - 1


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_open_subscriptions_count_through_their_current_periods_start(tmp_path: Path, backend: str) -> None:
    last = _last_full_month()
    path = tmp_path / "subscriptions.csv"
    path.write_text(_export(f"{last}-05 10:00", f"{last + 1}-05 10:00"))
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, backend=backend)
                            / "movements.csv")  # fmt: skip
    assert movements["month"].iloc[-1] == str(last)
    assert movements[["customers_end", "mrr_end"]].iloc[-1].tolist() == [2, 150.0]
    assert movements["month"].iloc[0] == "2025-01" and movements["lost"].sum() == 1


def test_the_month_observed_is_the_latest_period_start_never_past_the_current_month() -> None:
    frame = pd.read_csv(io.StringIO(_export("2025-09-05 10:00", "2025-10-05 10:00")), dtype=str)
    columns = {"customer_id": "Customer ID", "start": "Start (UTC)", "end": "Ended At (UTC)"}
    snaps = snapshots_from_intervals(frame, columns=columns, today="2026-12-01")
    assert str(snaps["month"].max()) == "2025-09"  # the periods' start; not the export's day (unknown)
    assert snaps.groupby("month")["mrr"].sum().iloc[-1] == 150.0
    later = pd.read_csv(io.StringIO(_export("2027-03-05 10:00", "2027-04-05 10:00")), dtype=str)
    assert str(snapshots_from_intervals(later, columns=columns, today="2026-12-01")["month"].max()) == "2026-12"
    renamed = frame.rename(columns={"Current Period Start (UTC)": "current_term_start"})  # Chargebee's
    assert str(snapshots_from_intervals(renamed, columns=columns, today="2026-12-01")["month"].max()) == "2025-09"
    without = frame.drop(columns=["Current Period Start (UTC)"])  # no such column: the latest start or loss
    assert str(snapshots_from_intervals(without, columns=columns, today="2026-12-01")["month"].max()) == "2025-04"


def test_a_typed_table_on_duckdb(tmp_path: Path) -> None:
    from xl_retention.workbook.importer import load_tables

    last = _last_full_month()
    frame = pd.read_csv(io.StringIO(_export(f"{last}-05 10:00", f"{last + 1}-05 10:00")))
    for name in ("Start (UTC)", "Current Period Start (UTC)", "Current Period End (UTC)", "Ended At (UTC)"):
        frame[name] = pd.to_datetime(frame[name])
    frame.to_parquet(tmp_path / "subs.parquet")
    columns = {"customer_id": "Customer ID", "start": "Start (UTC)", "end": "Ended At (UTC)"}
    movements = load_tables(tmp_path / "subs.parquet", columns=columns, backend="duckdb").movements
    assert str(movements.index[-1]) == str(last) and movements["customers_end"].iloc[-1] == 2
