"""``xl-retention sql --segment currency`` split one currency written two ways (H400's task 3): orders of EUR 10 and
5, € 20 and Euro 3 gave three segments, EUR, € and Euro, so EUR's January cohort counted 1 customer of 2 and 10 of its
30 revenue, silently, where the Python tables (ReadOptions(segment='currency'), tables/_split's code_of) read
one currency, EUR. The printed SQL now takes a currency's symbol or name as its code. Run on DuckDB."""

from __future__ import annotations

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROWS = [("a", "2024-01-05", 10.0, "EUR"), ("b", "2024-01-07", 20.0, "€"), ("a", "2024-02-05", 5.0, "EUR"),
        ("c", "2024-01-09", 7.0, "usd"), ("d", "2024-02-01", 3.0, " Euro ")]  # fmt: skip


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    con.execute("CREATE TABLE orders (customer_id VARCHAR, date TIMESTAMP, amount DOUBLE, currency VARCHAR)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?, ?)", ROWS)
    yield con
    con.close()


def _query(capsys, table: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--segment", "currency", "--table", table]) == 0
    (query,) = [q for q in capsys.readouterr().out.split(";\n") if "SELECT" in q]
    return query


def test_order_cohorts_revenue_in_one_eur_segment(con, capsys) -> None:
    query = _query(capsys, "order_cohorts")
    columns = [c[0] for c in con.execute(query).description]
    rows = [dict(zip(columns, r, strict=True)) for r in con.execute(query).fetchall()]
    got = sorted((r["segment"], str(r["cohort"]), r["months_since"], r["customers"], r["revenue"]) for r in rows)
    assert got == [
        ("EUR", "2024-01-01", 0, 2, 30.0),
        ("EUR", "2024-01-01", 1, 1, 5.0),
        ("EUR", "2024-02-01", 0, 1, 3.0),
        ("USD", "2024-01-01", 0, 1, 7.0),
        ("USD", "2024-01-01", 1, 0, 0.0),
        ("USD", "2024-02-01", 0, 0, 0.0),
    ]
