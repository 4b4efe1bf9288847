"""H331's finding 03: a SELECT-only PostgreSQL role imports an orders table with an ``order_id`` column.

billing.orders (customer_id, order_id, date timestamptz, amount), one row per order: a 2026-01-10, b 2026-01-20,
a 2026-02-05, c 2026-02-15, b 2026-03-01 (UTC noon). By hand: buyers 2, 2, 1; returning 0, 1 (a), 1 (b). The order
id made the table be read as a file's and sent back as a temporary table, refused for want of TEMP; each row being an
order of its own id, the column changes nothing and the table is counted on the server. The same rows as a CSV
file give the same tables. Line items (an id on two rows) still need the file rules.
"""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from postgres_server import throwaway_server  # noqa: E402

from xl_retention.cli import main  # noqa: E402

ROWS = [("a", "1", "2026-01-10"), ("b", "2", "2026-01-20"), ("a", "3", "2026-02-05"), ("c", "4", "2026-02-15"),
        ("b", "5", "2026-03-01")]  # fmt: skip
AMOUNTS = [10, 20, 30, 40, 50]


def test_a_read_only_role_imports_orders_with_an_order_id(tmp_path) -> None:
    import psycopg

    values = ",".join(f"('{c}','{o}','{d} 12:00+00',{a})" for (c, o, d), a in zip(ROWS, AMOUNTS, strict=True))
    with throwaway_server("xl-retention-pg-readonly-orders-") as url:
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as admin:
            admin.execute("CREATE SCHEMA billing")
            admin.execute("CREATE TABLE billing.orders(customer_id text, order_id text, date timestamptz, amount "
                          "numeric(12,2))")  # fmt: skip
            admin.execute(f"INSERT INTO billing.orders VALUES {values}")
            admin.execute("CREATE ROLE analyst LOGIN")
            admin.execute("GRANT USAGE ON SCHEMA billing TO analyst")
            admin.execute("GRANT SELECT ON billing.orders TO analyst")
            admin.execute("REVOKE TEMP ON DATABASE postgres FROM PUBLIC")
            admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        analyst = url.replace("postgres://postgres@", "postgres://analyst@")
        code = main(["import", "--orders", "table:billing.orders", "--backend", "postgres", "--connection", analyst,
                     "--to-csv", str(tmp_path / "pg")])  # fmt: skip
    assert code == 0
    purchases = pd.read_csv(tmp_path / "pg" / "purchases.csv")
    assert purchases["month"].tolist() == ["2026-01", "2026-02", "2026-03"]
    assert purchases["buyers"].tolist() == [2, 2, 1]
    assert purchases["returning"].tolist() == [0, 1, 1]
    csv = tmp_path / "orders.csv"
    csv.write_text("customer_id,order_id,date,amount\n" + "".join(
        f"{c},{o},{d},{a}\n" for (c, o, d), a in zip(ROWS, AMOUNTS, strict=True)))  # fmt: skip
    assert main(["import", "--orders", str(csv), "--to-csv", str(tmp_path / "file")]) == 0
    for name in ("purchases", "order_cohorts", "order_revenue_cohorts"):
        pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "pg" / f"{name}.csv"),
                                      pd.read_csv(tmp_path / "file" / f"{name}.csv"))  # fmt: skip


def test_line_items_under_one_order_id_are_refused_naming_the_column(tmp_path, capsys) -> None:
    """Order 1 on two rows (line items, added up as a file's are): read as a file's, which needs TEMP; the refusal
    names the column and why (it named only 'a subscription_id, statuses, text dates')."""
    import psycopg

    with throwaway_server("xl-retention-pg-readonly-items-") as url:
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as admin:
            admin.execute("CREATE TABLE items(customer_id text, order_id text, date date, amount numeric(12,2))")
            admin.execute("INSERT INTO items VALUES ('a','1','2026-01-10',10),('a','1','2026-01-10',5),"
                          "('b','2','2026-02-10',20)")  # fmt: skip
            admin.execute("CREATE ROLE analyst LOGIN")
            admin.execute("GRANT SELECT ON items TO analyst")
            admin.execute("REVOKE TEMP ON DATABASE postgres FROM PUBLIC")
            admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        analyst = url.replace("postgres://postgres@", "postgres://analyst@")
        code = main(["import", "--orders", "table:public.items", "--backend", "postgres", "--connection", analyst,
                     "--to-csv", str(tmp_path / "pg")])  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("xl-retention: error: the database role may not create temporary tables"), err
    assert err.rstrip().endswith(
        "(this table's: column 'order_id': an order id on more than one row (line items, a sale's refunds), added "
        "up per order as a file's are)"
    ), err
