"""An orders or answers input without a record id in which every row is twice, not where the dates turn (a table
loaded twice, an export saved twice and sorted by customer): every buyer counted a repeat purchaser (H178 finding 02:
repeat rate 100% for 0; answers: 2 responses for 1)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from import_cli import refusal, run

ORDERS = (
    "customer_id,date,amount\n"
    "C001,2026-01-05T10:11:12Z,40.00\nC001,2026-01-05T10:11:12Z,40.00\n"
    "C001,2026-02-09T08:00:01Z,15.50\nC001,2026-02-09T08:00:01Z,15.50\n"
    "C002,2026-01-12T09:30:45Z,22.00\nC002,2026-01-12T09:30:45Z,22.00\n"
    "C003,2026-01-20T18:05:59Z,10.00\nC003,2026-01-20T18:05:59Z,10.00\n"
    "C003,2026-02-02T07:07:07Z,12.00\nC003,2026-02-02T07:07:07Z,12.00\n"
    "C004,2026-02-14T12:00:30Z,30.00\nC004,2026-02-14T12:00:30Z,30.00\n"
)
ORDERS_ONCE = ["2026-01,3,0,0,0.0,0.0", "2026-02,3,0,2,0.0,0.6666666666666666"]  # hand count
REST = (
    "rows identical in every column to an earlier row, to the second of their time (every row has such a twin), in "
    "a file without an order id to tell two orders apart: the table loaded twice (or the export saved twice?), each "
    "would count twice in rows "
)
TAIL = ": remove the repeated rows, or add the export's order id column"


def test_orders_loaded_twice_sorted_by_customer_are_refused_naming_the_rows(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv, column 'customer_id': {REST}3, 5, 7, 9, 11 and 1 more (counting the header as row 1): 'C001', "
        f"'C001', 'C002', 'C003', 'C003'{TAIL}"
    )
    once = tmp_path / "once.csv"  # the same orders once: read, the hand count
    once.write_text("".join(ORDERS.splitlines(keepends=True)[::2]))
    assert (run(tmp_path, "--orders", once) / "purchases.csv").read_text().splitlines()[1:] == ORDERS_ONCE


@pytest.mark.parametrize("typed", [True, False])
def test_a_duckdb_table_loaded_twice_is_refused(tmp_path: Path, capsys, typed: bool) -> None:
    (tmp_path / "orders.csv").write_text(ORDERS)
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        kinds = "date::TIMESTAMPTZ AS date, amount::DECIMAL(10, 2) AS amount" if typed else "date, amount"
        con.execute(f"CREATE TABLE orders AS SELECT customer_id, {kinds} FROM read_csv('{tmp_path / 'orders.csv'}', "
                    "all_varchar=true) ORDER BY amount")  # fmt: skip
        con.execute("CREATE TABLE once AS SELECT DISTINCT * FROM orders")
    message = refusal(capsys, "--orders", "table:orders", "--backend", "duckdb", "--connection", str(db), "--to-csv",
                      str(tmp_path / "o"))  # fmt: skip
    by_values = REST.removesuffix("rows ") + "6 rows, e.g. customer_id 'C00"  # a table's rows by their values
    assert message.startswith(f"table:orders, column 'customer_id': {by_values}") and message.endswith(TAIL)
    out = tmp_path / "once"
    from xl_retention import cli

    args = ["import", "--orders", "table:once", "--backend", "duckdb", "--connection", str(db), "--to-csv", str(out)]
    assert cli.main(args) == 0
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ORDERS_ONCE


def test_answers_loaded_twice_sorted_by_score_are_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(
        "date,score\n2026-01-05 10:00:01,0\n2026-01-05 10:00:01,0\n2026-01-07 11:02:03,0\n2026-01-07 11:02:03,0\n"
        "2026-01-06 09:09:09,9\n2026-01-06 09:09:09,9\n2026-01-08 14:15:16,10\n2026-01-08 14:15:16,10\n"
    )
    assert refusal(capsys, "--nps", str(path), "--to-csv", str(tmp_path / "o")) == (
        "answers.csv, column 'date': rows identical in every column to an earlier row, to the second of their time "
        "(every row has such a twin), in a file without a response id to tell two answers apart: the table loaded "
        "twice (or the export saved twice?), each would count twice in rows 3, 5, 7, 9 (counting the header as row "
        "1): '2026-01-05 10:00:01', '2026-01-07 11:02:03', '2026-01-06 09:09:09', '2026-01-08 14:15:16': remove the "
        "repeated rows, or add the export's response id column"
    )


def test_a_part_loaded_again_is_refused_and_repeats_by_chance_are_read(tmp_path: Path, capsys) -> None:
    # 3 of 12 orders again (a day's load run twice), the rows apart: no chance
    rows = [f"C{i:03d},2026-01-{i + 1:02d} 10:{i:02d}:0{i % 10},{10 + i}" for i in range(9)]
    path = tmp_path / "part.csv"
    path.write_text("customer_id,date,amount\n" + "\n".join([*rows, rows[2], rows[5], rows[7]]) + "\n")
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        "part.csv, column 'customer_id': rows identical in every column to an earlier row, to the second of their "
        "time (3 of 12 rows), in a file without an order id to tell two orders apart: the table loaded twice (or the "
        "export saved twice?), each would count twice in rows 11, 12, 13 (counting the header as row 1): 'C002', "
        f"'C005', 'C007'{TAIL}"
    )
    # one order twice to the second among 12 (a double click?) is not refused by this rule; days alone, every order
    # twice, may be two purchases each (docs/metrics.md "One record once": two identical orders of one day)
    chance = tmp_path / "chance.csv"
    chance.write_text("customer_id,date,amount\n" + "\n".join([*rows, rows[4]]) + "\n")
    assert (run(tmp_path, "--orders", chance) / "purchases.csv").read_text().splitlines()[1:] == [
        "2026-01,9,1,0,0.1111111111111111,0.0"
    ]
    days = tmp_path / "days.csv"
    days.write_text("customer_id,date,amount\nC1,2026-01-05,40\nC1,2026-01-05,40\nC2,2026-01-06,20\nC2,2026-01-06,20\n")
    assert (run(tmp_path, "--orders", days) / "purchases.csv").read_text().splitlines()[1:] == ["2026-01,2,2,0,1.0,0.0"]


def test_a_postgres_table_loaded_twice_is_refused(tmp_path: Path, capsys) -> None:
    from postgres_server import throwaway_server

    psycopg = pytest.importorskip("psycopg")
    with throwaway_server("xl-retention-twice-", failed=pytest.skip) as url:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute("CREATE TABLE orders (customer_id text, date timestamptz, amount numeric(10, 2))")
            for line in ORDERS.splitlines()[1:]:
                con.execute("INSERT INTO orders VALUES (%s, %s, %s)", line.split(","))
        message = refusal(capsys, "--orders", "table:orders", "--backend", "postgres", "--connection", url,
                          "--to-csv", str(tmp_path / "o"))  # fmt: skip
    by_values = REST.removesuffix("rows ") + "6 rows, e.g. customer_id 'C00"  # a table's rows by their values
    assert message.startswith(f"table:orders, column 'customer_id': {by_values}") and message.endswith(TAIL)
