"""A subscription whose end is later in the current month, after the run's date (Chargebee's non_renewing
'cancelled_at', the term's end), was counted lost in the current month (H68 finding 06), while docs/metrics.md says an
end in the future means active through the current month and the note calls the month's churn 'the churn so far'.
Now such an end counts active through the current month (lost when the next month is observed), on pandas and in a
typed DuckDB table alike; an end before today in the current month is still a loss there.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from xl_retention.reading import ReadOptions
from xl_retention.relational.load import load_tables
from xl_retention.tables.subscriptions import snapshots_from_intervals

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
TODAY = "2026-12-02"


def _intervals(end: str) -> pd.DataFrame:
    return pd.DataFrame({"customer_id": ["a", "b", "c"], "start": pd.to_datetime(["2026-09-01"] * 3),
                         "end": pd.to_datetime([end, "2027-03-01", None]), "mrr": [100.0, 100.0, 100.0]})  # fmt: skip


@pytest.mark.parametrize(("end", "december"), [("2026-12-20", 300.0), ("2026-12-01", 200.0)])
def test_an_end_after_today_is_active_through_the_current_month(end: str, december: float) -> None:
    snaps = snapshots_from_intervals(_intervals(end), today=TODAY)
    by_month = snaps.groupby(snaps["month"].astype(str))["mrr"].sum().to_dict()
    assert by_month == {"2026-09": 300.0, "2026-10": 300.0, "2026-11": 300.0, "2026-12": december}


@pytest.mark.parametrize(("end", "lost"), [("2026-12-20", 0), ("2026-12-01", 1)])
def test_an_end_after_today_in_a_duckdb_table(tmp_path: Path, end: str, lost: int) -> None:
    db = tmp_path / "db.duckdb"
    with duckdb.connect(str(db)) as con:
        con.register("frame", _intervals(end))
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    tables = load_tables(subscriptions="table:t", backend="duckdb", connection=str(db),
                         options=ReadOptions(today=TODAY, refuse_missing_months=True))  # fmt: skip
    assert tables.movements["lost"].tolist() == [0, 0, 0, lost]
    assert tables.movements["mrr_end"].tolist()[-1] == 300.0 - 100 * lost


def test_a_duckdb_table_of_intervals_ends_with_the_months_of_the_runs_date(tmp_path: Path) -> None:
    """ReadOptions(today=...) is the run's date for a typed DuckDB table of intervals too (README): the engine read
    the real date instead, so with today 2024-06-15 the tables ran on past June (to 2024-09, the last end) and the end
    on 2024-06-20 was lost in June (mrr_end 200.0) where the pandas path, and docs/metrics.md, keep it active through
    June (300.0). A date far from the real one shows the real date's use on any day."""
    frame = pd.DataFrame({"customer_id": ["a", "b", "c"], "start": pd.to_datetime(["2024-03-01"] * 3),
                          "end": pd.to_datetime(["2024-06-20", "2024-09-01", None]), "mrr": [100.0] * 3})  # fmt: skip
    snaps = snapshots_from_intervals(frame, today="2024-06-15")
    assert snaps.groupby(snaps["month"].astype(str))["mrr"].sum().to_dict() == {
        "2024-03": 300.0, "2024-04": 300.0, "2024-05": 300.0, "2024-06": 300.0}  # fmt: skip
    db = tmp_path / "db.duckdb"
    with duckdb.connect(str(db)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    for refuse in (True, False):
        tables = load_tables(subscriptions="table:t", backend="duckdb", connection=str(db),
                             options=ReadOptions(today="2024-06-15", refuse_missing_months=refuse))  # fmt: skip
        assert [str(m) for m in tables.movements.index] == ["2024-03", "2024-04", "2024-05", "2024-06"]
        assert tables.movements["lost"].tolist() == [0, 0, 0, 0]
        assert tables.movements["mrr_end"].tolist() == [300.0, 300.0, 300.0, 300.0]
