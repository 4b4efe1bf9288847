"""`xl-retention sql`: an id that is blank ('' or spaces, as a CSV export loaded into a table has it) stops the query
naming it as it is (H464's finding 02): it said "visits.visitor_id is NULL in a row ... (the row's visitor_id:
NULL)", where ``SELECT ... WHERE visitor_id IS NULL`` finds no row. Now "is blank or NULL", the row named by its date
(as the import's refusal names it); a NULL amount still "is NULL", named by the row's customer."""

from __future__ import annotations

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: each table the printed SQL makes, its input and the id column that input's blank is in
TABLES = {"visitors": ("visits", "visitor_id"), "purchases": ("orders", "customer_id"),
          "order_cohorts": ("orders", "customer_id")}  # fmt: skip
READS = {"visitor_id": "a visit of no one", "customer_id": "an order of no one"}


def _sql(capsys, table: str, dialect: str = "duckdb") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _said(name: str, column: str) -> str:
    return (
        f"xl-retention: {name}.{column} is blank or NULL in a row (read as {READS[column]}, where xl-retention import "
        "refuses a blank): fill or remove it (the row's date: 2026-02-05 00:00:00)"
    )


def _database(name: str, blank: str | None) -> duckdb.DuckDBPyConnection:
    db = duckdb.connect()
    if name == "visits":
        db.execute("CREATE TABLE visits (visitor_id TEXT, date DATE)")
        db.execute("INSERT INTO visits VALUES ('a', DATE '2026-01-05'), (?, DATE '2026-02-05')", [blank])
    else:
        db.execute("CREATE TABLE orders (customer_id TEXT, date DATE, amount DOUBLE)")
        db.execute("INSERT INTO orders VALUES ('a', DATE '2026-01-05', 10), (?, DATE '2026-02-05', 5)", [blank])
    return db


@pytest.mark.parametrize("blank", ["", "   ", None])
@pytest.mark.parametrize("table", list(TABLES))
def test_a_blank_id_is_named_blank_not_null(capsys, table: str, blank: str | None) -> None:
    name, column = TABLES[table]
    db = _database(name, blank)
    assert db.execute(f"SELECT count(*) FROM {name} WHERE {column} IS NULL").fetchone()[0] == (blank is None)
    with pytest.raises(duckdb.ConversionException) as caught:
        db.sql(_sql(capsys, table)).df()
    assert (
        str(caught.value).split("\n")[0]
        == f"Conversion Error: Could not convert string '{_said(name, column)}' to INT64"
    )


def test_a_null_amount_is_still_named_null_by_its_customer(capsys) -> None:
    db = duckdb.connect()
    db.execute("CREATE TABLE orders (customer_id TEXT, date DATE, amount DOUBLE)")
    db.execute("INSERT INTO orders VALUES ('a', DATE '2026-01-05', 10), ('b', DATE '2026-02-05', NULL)")
    with pytest.raises(duckdb.ConversionException, match=r"'xl-retention: orders\.amount is NULL in a row \(read as no "
                       r"order, where xl-retention import refuses a blank\): fill or remove it \(the row's "
                       r"customer_id: b\)'"):  # fmt: skip
        db.sql(_sql(capsys, "purchases")).df()


def test_postgresql_names_a_blank_visitor_id_blank(capsys) -> None:
    psycopg = pytest.importorskip("psycopg")
    from postgres_server import throwaway_server

    sql = _sql(capsys, "visitors", "postgres")
    with throwaway_server("xl-retention-pg-h466-blank-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE visits (visitor_id text, date date)")
        con.execute("INSERT INTO visits VALUES ('a', '2026-01-05'), ('  ', '2026-02-05')")
        with pytest.raises(psycopg.errors.DataError) as caught:
            con.execute(sql).fetchall()
        assert _said("visits", "visitor_id") in str(caught.value)
