"""``import --subscriptions table:subs --backend duckdb`` without --connection (H385's finding 05): the message said
"no table 'subs' in the duckdb database", but no database was given (an empty in-memory one); it now says that
--connection names the DuckDB file. With --connection the table is read."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.relational.backends import connect, table_of


def test_no_connection_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "wh.duckdb"
    with duckdb.connect(str(base)) as con:
        con.execute(
            "CREATE TABLE subs AS SELECT * FROM (VALUES ('cus_1', DATE '2026-01-01', 100.0), "
            "('cus_1', DATE '2026-02-01', 100.0)) t(customer_id, month, mrr)"
        )
    args = ["import", "--subscriptions", "table:subs", "--backend", "duckdb", "--to-csv"]
    assert cli.main([*args, str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: table:subs: no table 'subs': --backend duckdb reads the tables of the DuckDB file "
        "given with --connection (none given: an empty in-memory database)\n"
    )
    assert cli.main([*args, str(tmp_path / "out2"), "--connection", str(base)]) == 0
    assert (tmp_path / "out2").is_dir()


def test_python_words_and_a_file_database(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"^subs: no table 'subs': .* given with connection= \(none given"):
        table_of(connect("duckdb"), "subs", "subs")
    with pytest.raises(DataError, match=r"^subs: no table 'subs' in the duckdb database$"):
        table_of(connect("duckdb", str(tmp_path / "empty.duckdb")), "subs", "subs")
