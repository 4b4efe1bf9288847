"""``--connection duckdb:///abs/w.duckdb`` (Ibis', SQLAlchemy's and dbt's form) opens that DuckDB file.

H54 finding 02: the URL forms were said missing ('no DuckDB database duckdb:///data/w.duckdb: the file does not
exist') though the file was there, and ``duckdb:w.duckdb`` created a new empty database file named 'duckdb:w.duckdb'
in the current folder, then said 'no table subs'. Now a ``duckdb:`` URL is the file it names, as Ibis reads it; a
missing one is said missing naming the path; no command that reads tables creates a database file.
"""

from __future__ import annotations

import csv
import os

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _customers(path) -> dict[str, str]:
    with open(path / "movements.csv", newline="") as handle:
        return {row["month"]: row["customers_end"] for row in csv.DictReader(handle)}


def test_duckdb_urls_open_the_file_they_name(tmp_path, capsys, monkeypatch) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("CREATE TABLE subs AS SELECT * FROM (VALUES ('a', DATE '2026-01-01', 10.0), ('a', DATE "
                    "'2026-02-01', 10.0), ('b', DATE '2026-02-01', 5.0)) t(customer_id, month, mrr)")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    forms = [f"duckdb://{tmp_path}/w.duckdb", f"duckdb:///{tmp_path}/w.duckdb", "duckdb:w.duckdb", "duckdb://w.duckdb"]
    for n, url in enumerate(forms):
        assert cli.main(["import", "--subscriptions", "table:subs", "--backend", "duckdb", "--connection", url,
                         "--to-csv", f"out{n}"]) == 0, capsys.readouterr().err  # fmt: skip
        assert _customers(tmp_path / f"out{n}") == {"2026-01": "1", "2026-02": "2"}
    capsys.readouterr()
    assert cli.main(["import", "--subscriptions", "table:subs", "--backend", "duckdb", "--connection",
                     "duckdb:nope.duckdb", "--to-csv", "out9"]) == 1  # fmt: skip
    assert capsys.readouterr().err == (
        "xl-retention: error: no DuckDB database nope.duckdb (from duckdb:nope.duckdb): the file does not exist (a "
        "typo of its name?)\n"
    )
    assert sorted(f for f in os.listdir(tmp_path) if "duckdb" in f) == ["w.duckdb"]  # no stray database file
