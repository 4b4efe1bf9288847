"""`xl-retention sql --segment` on a segment column that is not text: labelled as `xl-retention import` labels it.

The SQL cast the segment to text as the database writes it: a DOUBLE's 1.0 was the segment '1.0' where the import
(of the table, or of the CSV file of the same data) labels it '1' (reading.values.clean_ids: a float that is whole is
its digits; a column of whole numbers written 1.0 is its digits); a BOOLEAN was 'true' where the import says 'TRUE';
a NaN was 'nan' where the import has a blank. The import of a table labelled a DATE segment '2026-01-01 00:00:00'
(the midnight a fetched date becomes) where the CSV of it says '2026-01-01', and a REAL's 0.1 as
'0.10000000149011612'. Each case: the SQL's labels, the table import's and (where a file writes the same) the CSV's.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: (DuckDB type, PostgreSQL type, the two customers' values as SQL literals, the labels of the import)
CASES = [
    ("DOUBLE", "float8", ("1.0", "2.0"), ["1", "2"]),
    ("DOUBLE", "float8", ("1.0", "2.5"), ["1", "2.5"]),
    ("DOUBLE", "float8", ("1e20", "'NaN'"), ["(blank)", "100000000000000000000"]),
    ("BOOLEAN", "boolean", ("true", "false"), ["FALSE", "TRUE"]),
    ("VARCHAR", "text", ("'1.0'", "NULL"), ["(blank)", "1"]),
    ("DECIMAL(18,4)", "numeric(18,4)", ("1", "2"), ["1", "2"]),
    ("DECIMAL(18,4)", "numeric(18,4)", ("1", "2.5"), ["1.0000", "2.5000"]),
    ("DATE", "date", ("'2026-01-01'", "'2025-05-01'"), ["2025-05-01", "2026-01-01"]),
    ("REAL", "real", ("0.1", "2"), ["0.1", "2"]),
]


def _rows(values: tuple[str, str]) -> str:
    pairs = [("a", values[0]), ("b", values[1])]
    return ", ".join(f"('{c}', DATE '{m}', 10, {v})" for m in ("2026-01-01", "2026-02-01") for c, v in pairs)


def _sql(capsys, dialect: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", "movements", "--segment", "plan"]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _imported(capsys, tmp_path, name: str, *args: str) -> list[str]:
    assert cli.main(["import", *args, "--segment", "plan", "--to-csv", str(tmp_path / name)]) == 0, capsys.readouterr()
    return sorted(set(pd.read_csv(tmp_path / name / "movements.csv", dtype=str, keep_default_na=False)["segment"]))


@pytest.mark.parametrize(("duck", "pg", "values", "labels"), CASES)
def test_duckdb_labels_a_typed_segment_as_the_import(capsys, tmp_path, duck, pg, values, labels) -> None:
    import duckdb

    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute(f"CREATE TABLE subscriptions (customer_id VARCHAR, month DATE, mrr DOUBLE, plan {duck})")
        db.execute(f"INSERT INTO subscriptions VALUES {_rows(values)}")
        assert sorted({r[0] for r in db.sql(f"SELECT segment FROM ({_sql(capsys, 'duckdb')})").fetchall()}) == labels
    table = ["--subscriptions", "table:subscriptions", "--backend", "duckdb", "--connection", str(path)]
    assert _imported(capsys, tmp_path, "table", *table) == labels


def test_postgresql_labels_a_typed_segment_as_the_import(capsys, tmp_path) -> None:
    import psycopg
    from postgres_server import throwaway_server

    with throwaway_server("xl-retention-pg-h115-segments-") as url, psycopg.connect(url, autocommit=True) as con:
        for n, (_, pg, values, labels) in enumerate(CASES):
            con.execute("DROP TABLE IF EXISTS subscriptions")
            con.execute(f"CREATE TABLE subscriptions (customer_id text, month date, mrr float8, plan {pg})")
            con.execute(f"INSERT INTO subscriptions VALUES {_rows(values)}")
            assert sorted({r[1] for r in con.execute(_sql(capsys, "postgres")).fetchall()}) == labels, pg
            table = ["--subscriptions", "table:subscriptions", "--backend", "postgres", "--connection", url]
            assert _imported(capsys, tmp_path, f"t{n}", *table) == labels, pg


def test_the_csv_of_the_same_data_is_labelled_alike(capsys, tmp_path) -> None:
    """A CSV file as a database or pandas writes those columns: 1.0 and 2.0; TRUE and FALSE; a date."""
    for n, (written, labels) in enumerate([(("1.0", "2.0"), ["1", "2"]), (("TRUE", "FALSE"), ["FALSE", "TRUE"]),
                                           (("2026-01-01", "2025-05-01"), ["2025-05-01", "2026-01-01"])]):  # fmt: skip
        path = tmp_path / f"s{n}.csv"
        lines = [f"{c},{m},10,{v}\n" for m in ("2026-01", "2026-02") for c, v in zip("ab", written, strict=True)]
        path.write_text("customer_id,month,mrr,plan\n" + "".join(lines))
        assert _imported(capsys, tmp_path, f"c{n}", "--subscriptions", str(path)) == labels


def test_other_dialects_say_to_cast_a_typed_segment(capsys) -> None:
    """Spark, Snowflake, ... label a segment as the database writes it (1.0, true): the header says to cast it."""
    words = (
        "On this dialect a segment column of numbers or TRUE/FALSE is labelled as the database writes it (1.0, true)"
    )
    for dialect in ("spark", "snowflake"):
        assert words in _sql(capsys, dialect)
    for dialect in ("duckdb", "postgres"):
        assert words not in _sql(capsys, dialect)
