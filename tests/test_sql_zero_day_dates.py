"""SQL Server's datetime 0, 1900-01-01 (a missing date cast to datetime), in a table: refused as the CSV file's.

The file import refuses a 1900-01-01 with no other date within a year, naming its rows as a missing date exported as
0 (674d698, reading.dates.ZERO_DAY). The same data in a table was read otherwise: a subscription's start of
1900-01-01 was imported without a word (a customer since 1900, every month since counted), an order's date was
'dates more than 100 years apart' naming a right row too, an end 'an end before the start', a snapshot month 'no rows
at all for the months 1900-02, ...'; and `xl-retention sql` counted an order of 1900-01 and 1,500 empty months
after it. Now the table import gives the file's refusal (relational.input_checks.check_placeholders) and the SQL
stops naming the date and the row (relational.sql_stops.not_a_missing_date); dates of 1900 beside it are read.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PROBLEM = (
    "dates of 1900-01-01 00:00:00, with no other date within a year (a missing date exported as 0, SQL Server's and "
    "Excel's first day)"
)
ADVICE = "leave it blank, or give the real date"
#: (flag, table, its columns, its rows, the column refused)
CASES = [
    ("--subscriptions", "subs", "customer_id VARCHAR, start DATE, \"end\" DATE, mrr DOUBLE",
     "('a', '2026-01-05', NULL, 100), ('b', '1900-01-01', NULL, 50)", "start"),
    ("--subscriptions", "subs", "customer_id VARCHAR, start DATE, \"end\" DATE, mrr DOUBLE",
     "('a', '2026-01-05', NULL, 100), ('b', '2026-01-06', '1900-01-01', 50)", "end"),
    ("--orders", "orders", "customer_id VARCHAR, date TIMESTAMP, amount DOUBLE",
     "('a', '2026-01-05', 10), ('b', '1900-01-01', 5)", "date"),
    ("--subscriptions", "subscriptions", "customer_id VARCHAR, month DATE, mrr DOUBLE",
     "('a', '2026-01-01', 100), ('b', '1900-01-01', 50)", "month"),
]  # fmt: skip


def _error(capsys, *args: str) -> str:
    capsys.readouterr()
    assert cli.main(list(args)) == 1
    return capsys.readouterr().err


@pytest.mark.parametrize(("flag", "table", "columns", "rows", "column"), CASES)
def test_a_tables_zero_day_is_refused_as_the_files(capsys, tmp_path, flag, table, columns, rows, column) -> None:
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute(f"CREATE TABLE {table} ({columns})")
        db.execute(f"INSERT INTO {table} VALUES {rows}")
        db.execute(f"COPY {table} TO '{tmp_path / 'in.csv'}' (HEADER)")
    got = _error(capsys, "import", flag, f"table:{table}", "--backend", "duckdb", "--connection", str(path),
                 "--to-csv", str(tmp_path / "out"))  # fmt: skip
    start = "start '2026-01-06', " if column == "end" else ""  # the row by its id and dates (36740825)
    assert got == f"xl-retention: error: table:{table}, column '{column}': {PROBLEM} in 1 row, e.g. customer_id 'b', " \
                  f"{start}{column} '1900-01-01': {ADVICE}\n"  # fmt: skip
    from_file = _error(capsys, "import", flag, str(tmp_path / "in.csv"), "--to-csv", str(tmp_path / "out2"))
    assert from_file.startswith(f"xl-retention: error: in.csv, column '{column}': {PROBLEM} in row 3 ")
    assert from_file.endswith(f"': {ADVICE}\n")


def _sql(capsys, table: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def test_the_sql_stops_on_a_zero_day_and_reads_dates_of_1900_beside_it(capsys) -> None:
    db = duckdb.connect()
    db.execute("CREATE TABLE orders (customer_id VARCHAR, date DATE, amount DOUBLE)")
    db.execute("INSERT INTO orders VALUES ('a', '2026-01-05', 10), ('b', '1900-01-01', 5)")
    sql = _sql(capsys, "purchases")
    with pytest.raises(duckdb.Error) as error:
        db.sql(sql).fetchall()
    assert (
        "xl-retention: orders.date is 1900-01-01 in a row, with no other date within a year after it (a missing date "
        "exported as 0, SQL Server's and Excel's first day), where xl-retention import refuses it: give the real "
        "date, or remove the row (the row's customer_id: b)"
    ) in str(error.value)
    db.execute("DELETE FROM orders WHERE customer_id = 'a'")
    db.execute("INSERT INTO orders VALUES ('c', '1900-02-03', 5)")
    got = [(str(r[0])[:7], int(r[1])) for r in db.sql(f"SELECT month, buyers FROM ({sql}) t ORDER BY 1").fetchall()]
    assert got == [("1900-01", 1), ("1900-02", 1)]  # as the import reads that file (test_import_zero_day_dates)
    db.execute("CREATE TABLE subscriptions (customer_id VARCHAR, month DATE, mrr DOUBLE)")
    db.execute("INSERT INTO subscriptions VALUES ('a', '2026-01-01', 100), ('b', '1970-01-01', 50)")
    with pytest.raises(duckdb.Error) as error:
        db.sql(_sql(capsys, "movements")).fetchall()
    assert "xl-retention: subscriptions.month is 1970-01-01 in a row, with no other date within a year" in str(
        error.value
    )
