"""A PostgreSQL table already on the server, whose rows are read as a file's (a subscription_id column: a customer's
two subscriptions in a month are added up) and sent back to the server, under a role without TEMP: refused with a
true way out. It told the user to "pass a table already on the server (con.table('schema.name'), ...)", which they
had passed (H225's finding 01).
"""

from __future__ import annotations

import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from import_cli import status_and_error  # noqa: E402
from postgres_server import throwaway_server  # noqa: E402


def test_a_table_read_back_under_a_read_only_role_names_a_way_that_helps(tmp_path, capsys) -> None:
    import psycopg

    with throwaway_server("xl-retention-pg-readback-") as url:
        with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as admin:
            admin.execute("CREATE TABLE subs(customer_id text, month date, mrr double precision, subscription_id text)")
            admin.execute(
                "INSERT INTO subs VALUES ('a','2026-01-01',100,'a-1'),('a','2026-01-01',20,'a-2'),"
                "('b','2026-01-01',50,'b-1'),('a','2026-02-01',100,'a-1'),('c','2026-02-01',80,'c-1')"
            )
            admin.execute("CREATE ROLE analyst LOGIN")
            admin.execute("GRANT SELECT ON subs TO analyst")
            admin.execute("REVOKE TEMP ON DATABASE postgres FROM PUBLIC")
            admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        analyst = url.replace("postgres://postgres@", "postgres://analyst@")
        code, message = status_and_error(capsys, "import", "--subscriptions", "table:public.subs", "--backend",
                                         "postgres", "--connection", analyst, "--to-csv", tmp_path / "t")  # fmt: skip
    assert code == 1
    assert message.startswith("the database role may not create temporary tables (permission denied to create ")
    assert "the table's rows are read as a file's are" in message
    assert "GRANT TEMP ON DATABASE name TO role" in message and "--backend duckdb" in message
    assert "con.table(" not in message  # it had been passed
