"""A database table of Stripe subscriptions with rows in their free trial is read as the same rows in a CSV file are.

77ec905 read a file's ``trialing`` row whose trial ends after the run's date (not paying yet: counted nowhere, with a
note) and Stripe's ``incomplete_expired`` row with its end (never paid); a typed table (DuckDB, PostgreSQL, Parquet)
still refused every such row as 'subscriptions that do not pay': a business with trials could not import its billing
table at all. Now the table gives the file's counts and notes; rows the file refuses are refused alike.
"""

from __future__ import annotations

import duckdb
import pytest
from test_import_trial_statuses import COLUMNS, HEADER, TODAY
from test_import_trial_statuses import ROWS as PAYING

from xl_retention.reading import DataError
from xl_retention.reading.notes import collected
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROWS = PAYING + (  # the file test's Stripe export, and rows in their trial
    "sub_4,cus_D4,Pro,1,usd,month,49.00,trialing,2026-11-15 16:00,2026-12-09 16:00,\n"  # pays from 9 December
    "sub_5,cus_E5,Pro,1,usd,month,49.00,incomplete_expired,2026-09-05 10:00,,2026-09-06 10:00\n"  # never paid
)
EXPECTED = {"2026-08": (2, 68.0), "2026-09": (3, 117.0), "2026-10": (2, 98.0), "2026-11": (2, 98.0)}


def _database(tmp_path, rows: str = ROWS) -> str:
    (tmp_path / "subs.csv").write_text(HEADER + rows)
    path = str(tmp_path / "w.duckdb")
    with duckdb.connect(path) as con:  # typed columns: TIMESTAMP dates, DOUBLE amounts
        con.execute(f"CREATE TABLE subs AS SELECT * FROM read_csv('{tmp_path / 'subs.csv'}', header=true)")
        assert (
            dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE subs)").fetchall())["Trial End (UTC)"]
            == "TIMESTAMP"
        )
    return path


def _movements(source, **engine):
    with collected() as notes:
        tables = load_tables(source, columns=COLUMNS, options=TODAY, **engine)
    frame = tables.movements
    got = {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}
    return got, [n.split(": ", 1)[1] for n in notes + tables.notes if "trial" in n or "incomplete_expired" in n]


def test_a_tables_trials_and_never_paid_rows_are_read_as_the_files(tmp_path) -> None:
    connection = _database(tmp_path)
    by_file = _movements(tmp_path / "subs.csv")
    assert by_file[0] == EXPECTED and len(by_file[1]) == 2
    assert _movements("table:subs", backend="duckdb", connection=connection) == by_file


@pytest.mark.parametrize(
    ("row", "problem", "named"),
    [
        ("sub_4,cus_D4,Pro,1,usd,month,49.00,trialing,2026-10-15 16:00,2026-11-10 16:00,\n",
         "whose trial end is not after today",  # the trial ended ten days ago: the status says it still is
         "Customer ID 'cus_D4', Start Date (UTC) '2026-10-15 16:00:00'"),
        ("sub_4,cus_D4,Pro,1,usd,month,49.00,trialing,2026-11-15 16:00,,\n", "whose trial end is not after today",
         "Customer ID 'cus_D4', Start Date (UTC) '2026-11-15 16:00:00'"),
        ("sub_5,cus_E5,Pro,1,usd,month,49.00,incomplete_expired,2026-09-05 10:00,,\n",
         "subscriptions that do not pay",  # no end: whether it ended cannot be told
         "Customer ID 'cus_E5', Start Date (UTC) '2026-09-05 10:00:00'"),
    ],
)  # fmt: skip
def test_rows_the_file_refuses_are_refused_in_a_table(tmp_path, row: str, problem: str, named: str) -> None:
    connection = _database(tmp_path, ROWS.split("sub_4")[0] + row)
    with pytest.raises(DataError, match=problem) as by_file:
        _movements(tmp_path / "subs.csv")
    with pytest.raises(DataError, match=problem) as by_table:
        _movements("table:subs", backend="duckdb", connection=connection)
    # the file's row by its number; the table's (no header, no order) by its customer, start and status
    said, status = str(by_file.value).split(" in row 5 (counting the header as row 1): ")
    assert str(by_table.value) == said.replace("subs.csv", "table:subs") + f" in 1 row, e.g. {named}, Status {status}"


def test_a_postgresql_table_with_trials_is_read_too(tmp_path) -> None:
    import ibis
    import pandas as pd
    from postgres_server import throwaway_server

    from xl_retention import relational as R

    (tmp_path / "subs.csv").write_text(HEADER.replace(" (UTC)", "") + ROWS)  # psycopg takes no ')' in a name
    typed = pd.read_csv(tmp_path / "subs.csv", parse_dates=["Start Date", "Trial End", "Ended At"])
    columns = {"start": "Start Date", "end": "Ended At"}
    by_file = load_tables(tmp_path / "subs.csv", columns=columns, options=TODAY).movements
    with throwaway_server("xl-retention-pg-h62-") as url:
        con = R.connect("postgres", url)
        con.create_table("subs", schema=ibis.memtable(typed).schema())
        con.insert("subs", typed)
        by_table = load_tables("table:subs", columns=columns, options=TODAY, backend="postgres", connection=url)
    assert by_table.movements["customers_end"].tolist() == by_file["customers_end"].tolist() == [2, 3, 2, 2]
    assert by_table.movements["mrr_end"].tolist() == by_file["mrr_end"].tolist() == [68.0, 117.0, 98.0, 98.0]


def test_a_tables_trial_flag_is_read_as_the_files(tmp_path) -> None:
    # is_trial true (reading.trial_flags, 49b3de8): a table counted the trial's price as MRR (30 for 10), silently
    path = str(tmp_path / "flags.duckdb")
    with duckdb.connect(path) as con:
        con.execute("CREATE TABLE iv AS SELECT * FROM (VALUES ('a', DATE '2026-01-05', 10.0, false), ('b', DATE "
                    "'2026-01-07', 20.0, true)) t(customer_id, start, mrr, is_trial)")  # fmt: skip
        con.execute("CREATE TABLE sn AS SELECT * FROM (VALUES ('a', DATE '2026-01-01', 10.0, false), ('b', DATE "
                    "'2026-01-01', 20.0, true)) t(customer_id, month, mrr, IsTrial)")  # fmt: skip
    for name, problem in (("iv", "subscriptions flagged as in their free trial"), ("sn", "snapshot rows with an MRR "
                          "flagged as in a free trial")):  # fmt: skip
        named = "customer_id 'b', start '2026-01-07', is_trial True" if name == "iv" else (
            "customer_id 'b', month '2026-01-01', IsTrial True")  # fmt: skip
        with pytest.raises(DataError, match=f"table:{name}, column '(is_trial|IsTrial)': {problem}.* in 1 row, e.g. "
                           f"{named}(: write their MRR as 0, or correct the flag)?$"):  # fmt: skip
            load_tables(f"table:{name}", backend="duckdb", connection=path)
    with duckdb.connect(path) as con:  # no row in its trial: read as before
        con.execute("UPDATE iv SET is_trial = false")
        con.execute("UPDATE sn SET IsTrial = false")
    for name in ("iv", "sn"):
        assert load_tables(f"table:{name}", backend="duckdb", connection=path).movements["mrr_end"].tolist() == [30.0]
