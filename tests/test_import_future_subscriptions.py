"""A Chargebee export holds a subscription scheduled to start (status 'future', started_at after today): it was
refused as "subscriptions that do not pay ... their price would count as MRR from their start", untrue, as no month
after the current one is written (H211 finding 01). Its row is read as paying nothing, counted nowhere, with a note
(as an in_trial row ending after today is); one whose start is not after today is still refused. Both paths: the file
and an engine's table (DuckDB). By hand: c1 49 + c2 3 x 1188 / 12 = 297: 2 customers, MRR 346 from 2026-02."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
ROWS = (
    "subscriptions.id,subscriptions.customer_id,subscriptions.plan_unit_price,subscriptions.plan_quantity,"
    "subscriptions.billing_period,subscriptions.billing_period_unit,subscriptions.status,subscriptions.started_at,"
    "subscriptions.cancelled_at,subscriptions.current_term_start,subscriptions.currency_code\n"
    "sub1,c1,49.00,1,1,month,active,2026-01-10,,2026-11-10,EUR\n"
    "sub2,c2,1188.00,3,1,year,active,2026-02-03,,2026-02-03,EUR\n"
    "sub3,c3,99.00,1,1,month,cancelled,2026-01-20,2026-04-15,2026-03-20,EUR\n"
    "sub4,c4,49.00,1,1,month,future,{start},,,EUR\n"
)
COLUMNS = {"start": "subscriptions.started_at", "end": "subscriptions.cancelled_at"}
NOTE = (
    "subs.csv: 1 subscription scheduled to start after today (future): not paying yet, counted nowhere (an export "
    "after the start counts it from then)"
)


def _write(tmp_path: Path, start: str) -> Path:
    path = tmp_path / "subs.csv"
    path.write_text(ROWS.format(start=start))
    return path


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_a_subscription_starting_after_today_is_counted_nowhere(tmp_path: Path, backend: str | None) -> None:
    engine = {} if backend is None else {"backend": backend}
    tables = load_tables(subscriptions=_write(tmp_path, "2099-01-01"), columns=COLUMNS, **engine)
    moves = tables.movements
    months = moves.index.astype(str)
    assert moves.loc[months == "2026-11", ["customers_end", "mrr_end"]].values.tolist() == [[2, 346.0]]
    assert NOTE in tables.notes


def test_the_engines_table_reads_it_alike(tmp_path: Path) -> None:
    import duckdb
    import ibis

    from xl_retention import relational as R

    frame = pd.read_csv(_write(tmp_path, "2099-01-01"), parse_dates=["subscriptions.started_at"])
    db = str(tmp_path / "subs.duckdb")
    with duckdb.connect(db) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        moves = R.monthly_movements(ibis.duckdb.connect(db).table("subs"), columns=COLUMNS, end="2026-11")
    assert (moves["customers_end"].iloc[-1], moves["mrr_end"].iloc[-1]) == (2, 346.0)
    assert NOTE.replace("subs.csv", "input") in [str(w.message) for w in caught]


def test_one_whose_start_has_come_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions=_write(tmp_path, "2026-11-01"), columns=COLUMNS)
    assert str(caught.value) == (
        "subs.csv, column 'subscriptions.status': subscriptions that do not pay, to be removed (a free trial, not "
        "started yet, paused or never paid: their price would count as MRR from their start) in row 5 (counting the "
        "header as row 1): 'future'"
    )
