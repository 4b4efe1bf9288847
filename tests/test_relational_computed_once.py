"""relational.backends.computed_once: the one helper the monthly tables and the file rules use to compute a table once
(a temporary table on DuckDB, dropped after, also when the block raises)."""

from __future__ import annotations

import pytest

ibis = pytest.importorskip("ibis")

from xl_retention.relational.backends import computed_once  # noqa: E402


def _temporary(con) -> list[str]:
    rows = con.raw_sql("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
    return sorted(name for (name,) in rows)


def test_a_table_is_computed_once_and_dropped_after() -> None:
    con = ibis.duckdb.connect()
    t = ibis.memtable({"v": ["a", "b", "a", None]})
    d = t.filter(t.v.notnull()).distinct()
    with computed_once(con, d) as cached:
        assert len(_temporary(con)) == 1
        assert sorted(con.execute(cached)["v"]) == ["a", "b"]
    assert _temporary(con) == []


def test_the_temporary_table_is_dropped_when_the_block_raises() -> None:
    con = ibis.duckdb.connect()
    with pytest.raises(ValueError, match="stop"), computed_once(con, ibis.memtable({"v": [1, 2]})):
        assert len(_temporary(con)) == 1
        raise ValueError("stop")
    assert _temporary(con) == []


def test_two_in_use_at_once_get_two_names() -> None:
    con = ibis.duckdb.connect()
    with computed_once(con, ibis.memtable({"v": [1]})) as a, computed_once(con, ibis.memtable({"v": [2]})) as b:
        assert len(_temporary(con)) == 2
        assert con.execute(a)["v"].tolist() == [1] and con.execute(b)["v"].tolist() == [2]
    assert _temporary(con) == []
