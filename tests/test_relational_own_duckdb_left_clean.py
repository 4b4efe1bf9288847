"""The package's own embedded DuckDB (where a pandas frame is computed without ``backend``, or with
``backend="duckdb"``) keeps no views or tables of a call: it kept Ibis' in-memory tables as views, three per
``subscription_tables`` + ``order_tables`` + ``monthly_movements`` round, so a long-running process calling the
functions in a loop grew by the data it sent each time (H250, item 1 of the session's list)."""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from xl_retention import relational as R  # noqa: E402
from xl_retention.relational import backends  # noqa: E402

SNAPSHOTS = pd.DataFrame(
    {
        "customer_id": ["a", "b", "a", "c"],
        "month": ["2026-01", "2026-01", "2026-02", "2026-02"],
        "mrr": [10.0, 20, 30, 5],
    }
)
ORDERS = pd.DataFrame(
    {"customer_id": ["a", "b", "a"], "date": ["2026-01-03", "2026-01-05", "2026-02-02"], "amount": [10.0, 20, 30]}
)
VISITS = pd.DataFrame({"visitor_id": ["x", "y", "x"], "date": ["2026-01-02", "2026-02-03", "2026-02-04"]})
ANSWERS = pd.DataFrame({"date": ["2026-01-03", "2026-02-02", "2026-02-09"], "score": [10, 6, 9]})

NAMES = "SELECT view_name FROM duckdb_views() WHERE NOT internal UNION ALL SELECT table_name FROM duckdb_tables()"


def _names() -> list[str]:
    return sorted(row[0] for row in backends.default_duckdb().raw_sql(NAMES).fetchall())


def _round(backend) -> None:
    """One call of each function, figures by hand: January a and b new (30); February b lost (20), a up 20 to 30,
    c new (5); a, who bought in January, bought again in February; x came back; NPS 100 in January, 0 in February
    (a 6 and a 9)."""
    moves = R.subscription_tables(SNAPSHOTS, backend=backend).movements
    assert moves[["customers_end", "lost", "mrr_end", "expansion_mrr"]].to_dict("list") == {
        "customers_end": [2, 2],
        "lost": [0, 1],
        "mrr_end": [30.0, 35.0],
        "expansion_mrr": [0.0, 20.0],
    }
    assert R.monthly_movements(SNAPSHOTS, backend=backend)["lost"].tolist() == [0, 1]
    assert R.order_tables(ORDERS, backend=backend).purchases["buyers"].tolist() == [2, 1]
    assert R.repeat_purchases(ORDERS, backend=backend)["returning_rate"].tolist() == [0.0, 1.0]
    assert R.returning_visitors(VISITS, backend=backend)["returning"].tolist() == [0, 1]
    assert R.nps_by_month(ANSWERS, backend=backend)["nps"].tolist() == [100.0, 0.0]


@pytest.mark.parametrize("backend", [None, "duckdb"], ids=["no backend", "backend duckdb"])
def test_calls_in_a_loop_leave_the_own_duckdb_as_it_was(backend) -> None:
    _round(backend)  # the connection made, if no test made it before
    before = _names()
    for _ in range(3):
        _round(backend)
        assert _names() == before
    assert not [name for name in before if name.startswith(("ibis_", "xl_retention_"))]


def test_the_first_call_that_makes_the_own_duckdb_leaves_it_empty(monkeypatch) -> None:
    monkeypatch.setattr(backends, "_DUCKDB", None)  # a new process: the first call connects
    assert R.monthly_movements(SNAPSHOTS)["customers_end"].tolist() == [2, 2]
    assert backends._DUCKDB is not None
    assert _names() == []


def test_a_refused_call_leaves_nothing_either() -> None:
    _round(None)
    before = _names()
    with pytest.raises(ValueError, match="end 2026-05 is after input's last month, 2026-02"):
        R.subscription_tables(SNAPSHOTS, end="2026-05")  # refused after a query on the frame sent
    assert _names() == before
