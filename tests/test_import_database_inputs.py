"""Inputs that are a database's tables (``table:NAME``): without a database backend they were taken for a file
('unsupported file type .subs'); a ``--connection`` to a DuckDB file that does not exist (a typo) created an
empty database there before saying that the table is missing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from xl_retention import cli


def test_a_table_input_without_a_backend_says_what_it_needs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o"
    assert cli.main(["import", "--subscriptions", "table:billing.subs", "--to-csv", str(out)]) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: table:billing.subs: a table:NAME input is a table of a database, read by a database "
        "backend: add --backend duckdb, spark or postgres and --connection (the database: a DuckDB file, a Spark "
        "master, a postgres:// address); files are read without them"
    )
    assert not out.exists()


def test_a_duckdb_database_that_does_not_exist_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "warehuose.duckdb"
    args = ["--backend", "duckdb", "--connection", str(typo), "--to-csv", str(tmp_path / "o")]
    assert cli.main(["import", "--subscriptions", "table:subs", *args]) == 1
    assert capsys.readouterr().err.strip() == (
        f"xl-retention: error: no DuckDB database {typo}: the file does not exist (a typo of its name?)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    database = tmp_path / "warehouse.duckdb"  # the database that exists is read as before
    with duckdb.connect(str(database)) as con:
        con.execute("create table subs as select 'a' as customer_id, date '2026-01-05' as start, null::date as end_,"
                    " 10.0 as mrr")  # fmt: skip
    args = ["--backend", "duckdb", "--connection", str(database), "--to-csv", str(tmp_path / "o")]
    assert cli.main(["import", "--subscriptions", "table:subs", "--columns", "end=end_", *args]) == 0
    assert (tmp_path / "o" / "movements.csv").read_text().splitlines()[1].startswith("2026-01,0,1,0,1,0,1,")
