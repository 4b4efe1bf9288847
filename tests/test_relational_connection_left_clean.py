"""A call leaves the caller's connection as it found it, and reads a PostgreSQL ``money`` column of an Ibis table
(the data-engineer tester's findings 4 and 5).

Finding 5: every call left Ibis' in-memory tables (``ibis_pyarrow_memtable_...``) as views in the user's DuckDB
connection (two per ``subscription_tables`` of a frame) and as temporary tables in the PostgreSQL session. Finding 4:
a ``money`` column through ``con.table(...)`` raised ``TypeError: Unable to construct decimal from '$10.00'`` where
``import --subscriptions table:...`` read it.
"""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")
duckdb = pytest.importorskip("duckdb")

from postgres_server import throwaway_server  # noqa: E402

from xl_retention import relational as R  # noqa: E402

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
#: by hand: January a and b new (30); February b lost (20), a up 10 to 30, c new (5)
MOVES = {"customers_end": [2, 2], "lost": [0, 1], "mrr_end": [30.0, 35.0], "expansion_mrr": [0.0, 20.0]}

DUCKDB_NAMES = (
    "SELECT view_name FROM duckdb_views() WHERE NOT internal UNION ALL SELECT table_name FROM duckdb_tables()"
)
PG_NAMES = "SELECT relname FROM pg_class WHERE relnamespace = pg_my_temp_schema() OR relname LIKE 'ibis%'"


def _calls(backend) -> None:
    moves = R.subscription_tables(SNAPSHOTS, backend=backend).movements
    assert moves[list(MOVES)].to_dict("list") == MOVES
    assert R.order_tables(ORDERS, backend=backend).purchases["buyers"].tolist() == [2, 1]
    assert R.monthly_movements(SNAPSHOTS, backend=backend)["lost"].tolist() == [0, 1]


def test_a_duckdb_connection_keeps_only_its_own_views() -> None:
    con = duckdb.connect()
    con.execute("CREATE VIEW mine AS SELECT 1 AS x")
    con.execute("CREATE TEMP TABLE scratch AS SELECT 2 AS y")
    before = sorted(con.execute(DUCKDB_NAMES).fetchall())
    _calls(con)
    assert sorted(con.execute(DUCKDB_NAMES).fetchall()) == before == [("mine",), ("scratch",)]


def test_an_ibis_duckdb_connection_keeps_only_its_own_tables() -> None:
    con = ibis.duckdb.connect()
    con.create_table("subs", SNAPSHOTS)
    _calls(con)
    moves = R.subscription_tables(con.table("subs")).movements  # its own table, no backend: its connection
    assert moves[list(MOVES)].to_dict("list") == MOVES
    assert con.list_tables() == ["subs"]


def test_views_are_dropped_when_the_input_is_refused() -> None:
    con = duckdb.connect()
    with pytest.raises(ValueError, match="end 2026-05 is after input's last month, 2026-02"):
        R.subscription_tables(SNAPSHOTS, end="2026-05", backend=con)  # refused after a query on the frame sent
    assert con.execute(DUCKDB_NAMES).fetchall() == []


def test_postgres_session_and_money_column() -> None:
    with throwaway_server("xl-retention-pg-clean-") as url:
        con = ibis.connect(url)
        con.raw_sql(
            "CREATE TABLE subs AS SELECT customer_id, month::date AS month, mrr::money AS mrr FROM (VALUES "
            "('a', '2026-01-01', 10.0), ('b', '2026-01-01', 20.0), ('a', '2026-02-01', 30.0), "
            "('c', '2026-02-01', 5.0)) v(customer_id, month, mrr)"
        ).close()
        con.raw_sql(
            "CREATE TABLE orders AS SELECT customer_id, date::date AS date, amount::money AS amount FROM (VALUES "
            "('a', '2026-01-03', 10.0), ('b', '2026-01-05', 20.0), ('a', '2026-02-02', 30.5)) v(customer_id, date, "
            "amount)"
        ).close()
        with con.raw_sql(PG_NAMES) as cursor:
            before = sorted(cursor.fetchall())
        moves = R.subscription_tables(con.table("subs")).movements  # was TypeError: ... from '$10.00'
        assert moves[list(MOVES)].to_dict("list") == MOVES
        tables = R.order_tables(con.table("orders"))
        assert tables.purchases["buyers"].tolist() == [2, 1]
        revenue = tables.revenue_cohorts.to_numpy().tolist()  # cohort 2026-01: 30 then a's 30.50
        assert revenue[0] == [30.0, 30.5]
        _calls(con)  # frames sent to the server: temporary tables there, dropped after
        with con.raw_sql(PG_NAMES) as cursor:
            assert sorted(cursor.fetchall()) == before
