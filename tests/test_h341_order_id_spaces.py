"""An orders table's order ids '1' and '1 ' are one order to a file's rules (Python's strip), two to an engine.

2bfc1135 counted an orders table with an order id of its own on every row on the server, ids told apart by the
engine: ('a', '1', 2026-01-10, 10) and ('a', '1 ', 2026-01-10, 5) were two orders there, customer a a repeat
purchaser in 2026-01 (repeat purchase rate 1.0), while the same rows as a CSV file are one order of 15 (rate 0.0,
with a note). Ids with spaces around them now take the file rules on every backend: rate 0.0, revenue 15, as the file.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed (pip install 'xl-retention[duckdb]')")
pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from xl_retention.cli import main  # noqa: E402

ROWS = [("a", "1", "2026-01-10", 10), ("a", "1 ", "2026-01-10", 5), ("b", "2", "2026-02-10", 20)]


def _purchases(folder: Path) -> tuple[list[float], list[float]]:
    """(each month's repeat purchase rate, the 2026-01 cohort's revenue in its months 0 and 1)."""
    rates = pd.read_csv(folder / "purchases.csv")["repeat_purchase_rate"].tolist()
    revenue = pd.read_csv(folder / "order_revenue_cohorts.csv").iloc[0, 1:].tolist()
    return rates, revenue


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_an_order_id_with_a_space_around_it_is_the_same_order_as_in_a_file(tmp_path: Path, space: str) -> None:
    rows = [(c, o.replace(" ", space), d, a) for c, o, d, a in ROWS]
    csv = tmp_path / "orders.csv"
    pd.DataFrame(rows, columns=["customer_id", "order_id", "date", "amount"]).to_csv(csv, index=False)
    assert main(["import", "--orders", str(csv), "--to-csv", str(tmp_path / "file")]) == 0
    assert _purchases(tmp_path / "file") == ([0.0, 0.0], [15.0, 0.0])
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE orders(customer_id text, order_id text, date date, amount decimal(12,2))")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?, ?)", rows)
    con.close()
    code = main(["import", "--orders", "table:orders", "--backend", "duckdb", "--connection", str(db),
                 "--to-csv", str(tmp_path / "table")])  # fmt: skip
    assert code == 0
    assert _purchases(tmp_path / "table") == ([0.0, 0.0], [15.0, 0.0])  # was [1.0, 0.0]: two orders of a


def test_a_spaced_order_id_on_a_read_only_postgres_role_is_refused_naming_it(tmp_path: Path, capsys) -> None:
    """A SELECT-only role cannot take the file rules (TEMP): refused, the column and why named, never counted."""
    import psycopg
    from postgres_server import throwaway_server

    with throwaway_server("xl-retention-pg-readonly-spaced-ids-") as url:
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as admin:
            admin.execute("CREATE TABLE orders(customer_id text, order_id text, date date, amount numeric(12,2))")
            admin.execute("INSERT INTO orders VALUES ('a','1','2026-01-10',10),('a','1 ','2026-01-10',5),"
                          "('b','2','2026-02-10',20)")  # fmt: skip
            admin.execute("CREATE ROLE analyst LOGIN")
            admin.execute("GRANT SELECT ON orders TO analyst")
            admin.execute("REVOKE TEMP ON DATABASE postgres FROM PUBLIC")
            admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        analyst = url.replace("postgres://postgres@", "postgres://analyst@")
        code = main(["import", "--orders", "table:public.orders", "--backend", "postgres", "--connection", analyst,
                     "--to-csv", str(tmp_path / "pg")])  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("xl-retention: error: the database role may not create temporary tables"), err
    assert err.rstrip().endswith(
        "(this table's: column 'order_id': an order id with spaces around it, one order with the same id without)"
    ), err
