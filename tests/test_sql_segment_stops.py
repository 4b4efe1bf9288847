"""`xl-retention sql --segment` where a text cast to a number is no error, and a currency column as the segment.

The query stops on segment values typed two ways ('EMEA' and 'emea') by casting a message naming them to a number.
MySQL (and MariaDB) give 0 for that cast, with a warning, in strict mode too, and SQLite gives 0: both segments became
one segment '0', silently. Now MySQL's query stops with a scalar subquery of two rows (ERROR 1242; its header says
so and a last query, segment_spellings, lists the values), SQLite's with json_extract of the message as a path (its
error names them), and a dialect with no way to stop (Impala: the cast is NULL) is refused with --segment.
``sql --segment currency`` reads the inputs' column ``currency`` and takes 'usd' and 'USD' as one segment, USD, as
``xl-retention import --segment currency`` does (docs/metrics.md, "Segments"); it stopped the query.

MySQL's SQL is checked by sqlglot (it parses as MySQL, has the subquery and no cast of the message) everywhere, and
run on MariaDB where its server programs are installed (MySQL's server is not packaged here).
"""

from __future__ import annotations

import pandas as pd
import pytest
import sqlglot
from sqlglot import expressions as exp

from xl_retention import cli
from xl_retention.relational.sql import SPELLINGS
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ORDERS = [("a", "2024-01-05", 10.0, "EMEA"), ("b", "2024-01-07", 20.0, "APAC"), ("a", "2024-02-05", 10.0, "EMEA")]
LOOKALIKE = ("c", "2024-02-09", 5.0, "emea")
#: order_cohorts' rows (segment, cohort, months_since, customers, revenue) of ORDERS (APAC's February observed: 0;
#: February's cohorts, nobody new: 0, as the import writes them)
COHORTS = [("APAC", "2024-01-01", 0, 1, 20.0), ("APAC", "2024-01-01", 1, 0, 0.0), ("APAC", "2024-02-01", 0, 0, 0.0),
           ("EMEA", "2024-01-01", 0, 1, 10.0), ("EMEA", "2024-01-01", 1, 1, 10.0),
           ("EMEA", "2024-02-01", 0, 0, 0.0)]  # fmt: skip


def _sql(capsys, dialect: str, table: str, segment: str | None = None) -> list[str]:
    """The queries printed (without their ';')."""
    capsys.readouterr()
    flags = ["--segment"] + ([segment] if segment else [])
    assert cli.main(["sql", "--dialect", dialect, *flags, "--table", table]) == 0
    return [q.strip() for q in capsys.readouterr().out.split(";\n") if "SELECT" in q]


def _message_casts(tree: exp.Expression) -> list[exp.Cast]:
    return [c for c in tree.find_all(exp.Cast) if any(s.this.startswith(SPELLINGS) for s in c.find_all(exp.Literal)
                                                      if s.is_string)]  # fmt: skip


def test_mysql_stops_with_a_subquery_of_two_rows_and_lists_the_spellings(capsys) -> None:
    queries = _sql(capsys, "mysql", "order_cohorts")
    assert len(queries) == 2  # the table's, then segment_spellings
    tree = sqlglot.parse_one(queries[0], read="mysql")
    assert _message_casts(tree) == []  # MySQL's cast of the message is 0: no stop
    stops = [u for u in tree.find_all(exp.Union) if u.args.get("distinct") is False and isinstance(u.parent,
             exp.Subquery) and isinstance(u.parent.parent, (exp.If, exp.Case))]  # fmt: skip
    said = [[s.this for s in u.find_all(exp.Literal) if s.is_string and s.this.startswith("xl-")] for u in stops]
    assert sorted(m[0].split(" (")[0] for m in said) == [
        # an orders table loaded twice (H530's finding 02)
        "xl-retention: orders has rows identical in every column read to an earlier row, to the second of their time",
        "xl-retention: orders.amount is NULL in a row",  # a NULL read stops too (h78/02)
        "xl-retention: orders.customer_id is '",  # an id of no one: a guest's word (H479)
        "xl-retention: orders.customer_id is '",  # and a till's placeholder e-mail (H479)
        "xl-retention: orders.customer_id is blank or NULL in a row",
        "xl-retention: orders.customer_id values that differ only in capitals, spaces, apostrophes or hyphens",
        "xl-retention: orders.date is ",  # a month after the current one (H90-03)
        # a missing date exported as 0 (test_sql_zero_day_dates)
        "xl-retention: orders.date is 1900-01-01 in a row, with no other date within a year after it",
        "xl-retention: orders.date is 1970-01-01 in a row, with no other date within a year after it",
        "xl-retention: orders.date is NULL in a row",
        # once: the months' bounds and the loaded-twice stop read one labelled orders (d6beaa38; on MariaDB the
        # spellings still stop the query: test_mysql_stops_on_mariadb)
        SPELLINGS.split(" (")[0],
    ]
    listing = sqlglot.parse_one(queries[1], read="mysql")
    assert [a.alias for a in listing.selects] == ["input", "first", "second"]
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "mysql", "--segment", "--table", "order_cohorts"]) == 0
    assert (
        "-- ERROR 1242 'Subquery returns more than 1 row' (a NULL read, or segment values typed two ways: the query "
        "segment_spellings, last, lists them).\n" in capsys.readouterr().out
    )


@pytest.mark.slow  # tens of seconds (a server, Spark or every formula): `python -m pytest -m slow`
def test_mysql_stops_on_mariadb(capsys) -> None:
    from mariadb_server import throwaway_mariadb

    table, listing = _sql(capsys, "mysql", "order_cohorts")
    currency = _sql(capsys, "mysql", "order_cohorts", "currency")[0]
    rows = ", ".join(f"('{c}', '{d}', {a}, '{s}')" for c, d, a, s in ORDERS)
    with throwaway_mariadb("xl-retention-mariadb-h74-") as run:
        run(f"CREATE TABLE orders (customer_id varchar(20), date datetime, amount double, segment varchar(40), "
            f"currency varchar(8)); INSERT INTO orders (customer_id, date, amount, segment) VALUES {rows}")  # fmt: skip
        out, err = run(table)
        assert err == ""
        assert [tuple(line.split("\t")) for line in out.splitlines()[1:]] == [
            (s, c, str(m), str(n), f"{r:g}") for s, c, m, n, r in COHORTS
        ]
        assert run(listing) == ("", "")
        run("INSERT INTO orders (customer_id, date, amount, segment) VALUES ('{}', '{}', {}, '{}')".format(*LOOKALIKE))
        assert "ERROR 1242 (21000)" in run(table)[1] and "Subquery returns more than 1 row" in run(table)[1]
        assert run(listing) == ("input\tfirst\tsecond\norders\tEMEA\temea\n", "")
        run("UPDATE orders SET currency = CASE customer_id WHEN 'b' THEN 'EUR' WHEN 'c' THEN 'USD' ELSE 'usd' END")
        out, err = run(currency)
        assert err == ""
        assert [line.split("\t")[:4] for line in out.splitlines()[1:]] == [
            ["EUR", "2024-01-01", "0", "1"],
            ["EUR", "2024-01-01", "1", "0"],
            ["EUR", "2024-02-01", "0", "0"],
            ["USD", "2024-01-01", "0", "1"],
            ["USD", "2024-01-01", "1", "1"],
            ["USD", "2024-02-01", "0", "1"],
        ]  # fmt: skip (EUR's February observed: 0)


def test_sqlite_stops_naming_both(capsys) -> None:
    import ibis

    query = _sql(capsys, "sqlite", "order_cohorts")[0]
    con = ibis.sqlite.connect()  # the SQL calls ibis' functions (_IBIS_REGEX_REPLACE): run where they are defined
    db = con.con
    db.execute("CREATE TABLE orders (customer_id text, date timestamp, amount real, segment text)")
    db.executemany("INSERT INTO orders VALUES (?, ?, ?, ?)", [(c, d + " 00:00:00", a, s) for c, d, a, s in ORDERS])
    assert db.execute(query).fetchall() == COHORTS
    db.execute("INSERT INTO orders VALUES (?, ?, ?, ?)", (*LOOKALIKE[:1], LOOKALIKE[1] + " 00:00:00", *LOOKALIKE[2:]))
    with pytest.raises(Exception, match=r"JSON path error near 'xl-retention: segment values .*\(''EMEA'' and "
                       r"''emea'': one segment typed two ways"):  # fmt: skip
        db.execute(query).fetchall()


def test_a_dialect_that_cannot_stop_is_refused_with_segment(capsys) -> None:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "impala", "--segment", "--table", "order_cohorts"]) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: cannot write SQL for dialect 'impala' with --segment: a text cast to a number is NULL "
        "there and nothing stops a query, so segment values typed two ways ('EMEA' and 'emea') would be two "
        "segments, silently; write the SQL for another dialect, or without --segment"
    )


def _subs(column: str, values: list[str]) -> pd.DataFrame:
    months = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-01", "2024-02-01", "2024-02-01", "2024-02-01"])
    return pd.DataFrame({"customer_id": list("aabbcd"), "month": months, "mrr": [10.0, 10.0, 20.0, 20.0, 5.0, 7.0],
                         column: values})  # fmt: skip


@pytest.mark.parametrize(
    "values, expected",
    [
        (["usd", "usd", "USD", "USD", "eur", "eur"], {"EUR": 12.0, "USD": 30.0}),
        (["usd", "usd", "EUR", "EUR", "eur", "eur"], {"EUR": 32.0, "USD": 10.0}),  # every code upper case then
        (["usd", "usd", "Usd", "Usd", "eur", "eur"], {"USD": 30.0, "EUR": 12.0}),
        (["usd", "usd", "usd", "usd", "eur", "eur"], {"USD": 30.0, "EUR": 12.0}),  # one spelling each: upper case too
    ],
)
def test_a_currency_typed_two_ways_is_one_segment_as_the_import_reads_it(capsys, tmp_path, values, expected) -> None:
    import duckdb

    query = _sql(capsys, "duckdb", "movements", "currency")[0]
    subs = _subs("currency", values)
    db = duckdb.connect()
    db.register("subscriptions", subs)
    got = db.sql(query).df()
    got = {s: float(v) for s, v in got[got["month"] == got["month"].max()].set_index("segment")["mrr_end"].items()}
    assert got == expected
    subs.assign(month=subs["month"].dt.strftime("%Y-%m")).to_csv(tmp_path / "subs.csv", index=False)
    by_file = load_tables(tmp_path / "subs.csv", segment="currency").movements
    assert {s: float(by_file.loc[(s, pd.Period("2024-02", "M")), "mrr_end"]) for s in got} == expected


def test_another_column_typed_two_ways_still_stops(capsys) -> None:
    import duckdb

    query = _sql(capsys, "duckdb", "movements", "plan")[0]
    db = duckdb.connect()
    db.register("subscriptions", _subs("plan", ["pro", "pro", "PRO", "PRO", "eur", "eur"]))
    with pytest.raises(duckdb.ConversionException, match=r"\('PRO' and 'pro': one segment typed two ways"):
        db.sql(query).df()
    capsys.readouterr()
    assert cli.main(["sql", "--segment", "customer_id", "--table", "movements"]) == 1
    assert "--segment customer_id: the segment column cannot be one of the columns the SQL reads" in (
        capsys.readouterr().err
    )


def test_mysql_gets_every_table(capsys) -> None:
    capsys.readouterr()  # was: "Compilation rule for 'IntegerRange' operation is not defined", then the cohort tables
    assert cli.main(["sql", "--dialect", "mysql"]) == 0  # only; every table since H327 (the months' ten digits)
    out = capsys.readouterr().out
    assert all(f"-- {table} (xl-retention " in out for table in ("movements", "purchases", "visitors", "nps"))


@pytest.mark.parametrize("blank", ["", " "])
def test_an_empty_segment_name_is_named_empty(capsys, blank: str) -> None:
    capsys.readouterr()  # was: "--segment : the segment column cannot be one of the columns the SQL reads (...)"
    assert cli.main(["sql", "--segment", blank, "--table", "movements"]) == 1
    err = capsys.readouterr().err
    want = f"--segment needs a column name, got {blank!r}; --segment alone reads the column segment"
    assert err == f"xl-retention: error: {want}\n"
