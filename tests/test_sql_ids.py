"""`xl-retention sql`: customer ids compared as written (H90 finding 04).

One customer's id written two ways between months, as loads write it: ``a`` then ``a `` (a padded cell), ``c`` then
``c`` + U+200B (pasted from a web page), ``Café`` NFC then NFD (macOS), ``123`` then ``１２３`` (a Japanese IME),
``1001`` then ``1001.0`` (a column of numbers that went through a float): two customers each, a phantom loss and a
new customer (CRR 0.5 for 1), where docs/metrics.md (Customers) says they are one "on every engine" and ``xl-retention
import`` of the same rows reads one. The DuckDB and PostgreSQL SQL now reads ids as the import does; a decimal id
beside ids that are not numbers stays its own, as in the import.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PAIRS = {"trailing space": ("a", "a "), "zero-width space": ("c", "c\u200b"), "NFD accent": ("Caf\u00e9", "Cafe\u0301"),
         "full-width digits": ("123", "\uff11\uff12\uff13"), "no-break space": ("Anna Li", "Anna\u00a0Li")}  # fmt: skip


def _sql(capsys, dialect: str, table: str = "movements") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _rows(jan: str, feb: str, other: str = "b") -> list[tuple]:
    return [(jan, "2026-01-01", 100.0), (feb, "2026-02-01", 100.0), (other, "2026-01-01", 50.0),
            (other, "2026-02-01", 50.0)]  # fmt: skip


def _duckdb(capsys, rows: list[tuple]) -> tuple:
    db = duckdb.connect()
    db.execute("CREATE TABLE subscriptions (customer_id VARCHAR, month DATE, mrr DOUBLE)")
    db.executemany("INSERT INTO subscriptions VALUES (?, ?, ?)", rows)
    return db.sql(f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'duckdb')}) ORDER BY month").fetchall()[1]


@pytest.mark.parametrize("pair", PAIRS)
def test_ids_that_look_alike_are_one_customer(capsys, pair: str) -> None:
    assert _duckdb(capsys, _rows(*PAIRS[pair])) == (2, 0, 0)


def test_whole_numbers_written_as_decimals_as_the_import_reads_them(capsys) -> None:
    assert _duckdb(capsys, _rows("1001", "1001.0", "7")) == (2, 0, 0)  # a column of whole numbers: one id
    assert _duckdb(capsys, _rows("1001", "1001.0", "b")) == (2, 1, 1)  # beside 'b' the import keeps both too


def test_a_blank_id_stops_the_query(capsys) -> None:
    with pytest.raises(duckdb.ConversionException, match=r"subscriptions\.customer_id is blank or NULL in a row"):
        _duckdb(capsys, _rows("a", " \u200b "))


def test_ids_of_no_one_in_a_text_column_stop_the_query(capsys) -> None:
    db = duckdb.connect()
    db.execute("CREATE TABLE orders (customer_id VARCHAR, date DATE, amount DOUBLE)")
    db.execute("INSERT INTO orders VALUES (' 0', '2026-01-05', 10), ('0', '2026-02-05', 10), ('a', '2026-01-05', 5)")
    with pytest.raises(duckdb.ConversionException, match=r"xl-retention: orders\.customer_id is '0' in a row, an id "
                       r"that stands for no one \(a guest checkout"):  # fmt: skip
        db.sql(_sql(capsys, "duckdb", "purchases")).fetchall()
    db.execute("CREATE TABLE visits (visitor_id VARCHAR, date DATE)")
    db.execute("INSERT INTO visits VALUES ('(Not Set)', '2026-01-05'), ('v', '2026-01-05')")
    with pytest.raises(duckdb.ConversionException, match=r"visits\.visitor_id is '\(Not Set\)' in a row"):
        db.sql(_sql(capsys, "duckdb", "visitors")).fetchall()
    db.execute("CREATE OR REPLACE TABLE orders (customer_id INTEGER, date DATE, amount DOUBLE)")  # ids from 0: ids
    db.execute("INSERT INTO orders VALUES (0, '2026-01-05', 10), (0, '2026-02-05', 10), (1, '2026-01-05', 5)")
    got = db.sql(_sql(capsys, "duckdb", "purchases")).fetchall()
    assert [r[1:] for r in got] == [(2, 0, 0), (1, 0, 1)]


def test_ids_typed_two_ways_stop_the_query_a_machines_capitals_tell_ids_apart(capsys) -> None:
    twice = r"customer_id values that differ only in capitals, spaces, apostrophes or hyphens \('ACME GmbH' and 'Acme"
    with pytest.raises(duckdb.ConversionException, match=twice):
        _duckdb(capsys, _rows("ACME GmbH", "Acme GmbH"))
    assert _duckdb(capsys, _rows("cus_AbC", "cus_AbC", "cus_abc")) == (2, 0, 0)  # Stripe's ids: two customers


def test_other_dialects_say_ids_are_compared_as_written(capsys) -> None:
    assert "ids are compared as written" in _sql(capsys, "snowflake")
    assert "Ids are read as xl-retention import reads them" in _sql(capsys, "duckdb")


def test_postgresql_reads_ids_alike(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'postgres')}) t ORDER BY month"
    with throwaway_server("xl-retention-pg-h93-ids-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        for rows, right in [*((_rows(*p), (2, 0, 0)) for p in PAIRS.values()), (_rows("1001", "1001.0", "7"),
                            (2, 0, 0)), (_rows("1001", "1001.0", "b"), (2, 1, 1))]:  # fmt: skip
            con.execute("DELETE FROM subscriptions")
            with con.cursor() as cur:
                cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s)", rows)
            assert con.execute(sql).fetchall()[1] == right, rows
        con.execute("INSERT INTO subscriptions VALUES ('Guest', '2026-02-01', 5)")
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match=r"subscriptions\.customer_id is 'Guest'"):
            con.execute(sql).fetchall()
        con.execute("CREATE TABLE ints (customer_id int, month date, mrr float8)")
        con.execute("INSERT INTO ints VALUES (0, '2026-01-01', 5), (0, '2026-02-01', 5)")
        assert con.execute(sql.replace('FROM "subscriptions"', 'FROM "ints"')).fetchall()[1] == (1, 0, 0)


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
def test_salesforce_ids_in_two_forms_are_one_account(capsys, dialect: str) -> None:
    """H530's finding 01: the SQL counted 0015g00000AbCdE and 0015g00000AbCdEAAV as two customers where the import
    folds them into one (a note there); it now folds them too (H546; tests/test_h546_sql_salesforce_ids.py), and the
    header says so. A wrong checksum (AAA) is another id, as in the import."""
    header = _sql(capsys, dialect)
    assert (
        "-- ann@example.com); Salesforce's 18-character ids are their 15-character form where a customer_id column "
        "holds\n-- both forms of one id (0015g00000AbCdEAAV is 0015g00000AbCdE: one account, as xl-retention import "
        "reads it)."
    ) in header
    if dialect == "duckdb":
        assert _duckdb(capsys, _rows("0015g00000AbCdE", "0015g00000AbCdEAAV")) == (2, 0, 0)
        assert _duckdb(capsys, _rows("0015g00000AbCdE", "0015g00000AbCdEAAA")) == (2, 1, 1)
