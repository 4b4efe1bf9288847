"""A PostgreSQL role that may only read the table (no TEMP on the database) imports it: the rows the queries share
are computed where used instead of in a temporary table (the import failed: "InsufficientPrivilege: permission
denied to create temporary tables", H202's finding 13).

billing.subs: a and b in January, a and c in February (b lost), a and c in March: customers at end 2, 2, 2; lost
0, 1, 0 (by hand).
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


def test_a_read_only_role_imports_a_table(tmp_path) -> None:
    import psycopg

    with throwaway_server("xl-retention-pg-readonly-") as url:
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as admin:
            admin.execute("CREATE SCHEMA billing")
            admin.execute("CREATE TABLE billing.subs(customer_id text, month date, mrr numeric(10,2))")
            admin.execute(
                "INSERT INTO billing.subs VALUES ('a','2026-01-01',10),('a','2026-02-01',10),('b','2026-01-01',20),"
                "('c','2026-02-01',30),('a','2026-03-01',10),('c','2026-03-01',30)"
            )
            admin.execute("CREATE ROLE analyst LOGIN")
            admin.execute("GRANT USAGE ON SCHEMA billing TO analyst")
            admin.execute("GRANT SELECT ON billing.subs TO analyst")
            admin.execute("REVOKE TEMP ON DATABASE postgres FROM PUBLIC")
            admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        analyst = url.replace("postgres://postgres@", "postgres://analyst@")
        code = main(["import", "--subscriptions", "table:billing.subs", "--backend", "postgres", "--connection",
                     analyst, "--to-csv", str(tmp_path / "tables"), "--through", "2026-03"])  # fmt: skip
    assert code == 0
    moves = pd.read_csv(tmp_path / "tables" / "movements.csv")
    assert moves["month"].tolist() == ["2026-01", "2026-02", "2026-03"]
    assert moves["customers_end"].tolist() == [2, 2, 2]
    assert moves["lost"].tolist() == [0, 1, 0]


def test_a_frame_sent_to_a_read_only_role_is_refused_naming_the_way() -> None:
    import psycopg

    from xl_retention import relational as R
    from xl_retention.reading import DataError

    frame = pd.DataFrame({"customer_id": ["a", "b"], "month": ["2026-01-01", "2026-01-01"], "mrr": [10.0, 20.0]})
    with throwaway_server("xl-retention-pg-readonly-frame-") as url:
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as admin:
            admin.execute("CREATE ROLE analyst LOGIN")
            admin.execute("REVOKE TEMP ON DATABASE postgres FROM PUBLIC")
            admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        with pytest.raises(DataError) as refused:  # was psycopg's InsufficientPrivilege
            R.subscription_tables(frame, backend=url.replace("postgres://postgres@", "postgres://analyst@"))
    message = str(refused.value)
    assert message.startswith("the database role may not create temporary tables (permission denied to create ")
    assert "con.table('schema.name')" in message and "GRANT TEMP ON DATABASE" in message
    assert "backend='duckdb'" in message
