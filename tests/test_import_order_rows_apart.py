"""One order id on two rows with different amounts in an orders file without any item column: the order's items, or
the order in two exports appended, edited between them? Rows apart in the file (another order's row between them)
were added up silently (order 1001: 100 + 20); they are refused naming the order, the rows and the amount column.
Rows next to each other (as an export writes an order's items) are still added up, now with a note saying so. An
amount named as the ORDER's total ("order_total") with two values on one order's rows was added up too, and with it
every other order's total repeated on its items' rows (320 for 100 or 120, and 50): refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

HEADER = "order_id,customer_id,date,amount\n"


def _revenue(out: Path) -> list[str]:
    return (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_order_on_rows_apart_with_other_amounts_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(HEADER + "1001,a,2024-01-05,100\n1002,b,2024-01-06,50\n1001,a,2024-01-05,20\n")
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.csv, column 'amount': rows of one order (order_id '1001') with different amounts, apart in the "
        "file (other orders' rows between them), and no item column: the order's items, or the order in two exports "
        "appended, edited between them (added up, it would count twice)? which cannot be told from 'amount' alone in "
        "rows 2, 4 (counting the header as row 1): '100', '20': keep the row of the latest export, or, if they are "
        "its items, keep the export's item column (sku, Item, Product Name) in the file, or, where its rows come in "
        "no set order (a query's result), sort them by 'order_id' (an order's rows next to each other are added up)"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_order_on_rows_next_to_each_other_is_its_items_said_in_a_note(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(HEADER + "1001,a,2024-01-05,100\n1001,a,2024-01-05,20\n1002,b,2024-01-06,50\n")
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, backend=backend)
    assert _revenue(out) == ["2024-01,170.0"]
    said = capsys.readouterr().out
    assert (
        "orders.csv, column 'amount': rows of one order (order_id '1001') next to each other with different "
        "amounts and no item column in rows 2, 3 (counting the header as row 1): '100', '20': read as the order's "
        "items, added up (120); if the order was exported twice, edited between the two, keep the row of the latest "
        "export"
    ) in said


@pytest.mark.parametrize(
    ("extra", "values"),
    [
        ("sku", ("X", "Z", "Y")),  # an item column: the rows are items wherever they are
        ("payment_id", ("p1", "p2", "p3")),  # an id of each row's own: two payments of the order
    ],
)
def test_rows_apart_told_apart_by_an_item_column_or_their_own_ids_add_up(
    tmp_path: Path, extra: str, values: tuple[str, ...]
) -> None:
    path = tmp_path / "orders.csv"
    rows = ("1001,a,2024-01-05,100", "1002,b,2024-01-06,50", "1001,a,2024-01-05,20")
    path.write_text(f"{HEADER.strip()},{extra}\n" + "".join(f"{r},{v}\n" for r, v in zip(rows, values, strict=True)))
    assert _revenue(run(tmp_path, "--orders", path)) == ["2024-01,170.0"]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_two_totals_of_one_order_under_an_order_total_are_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "order_id,customer_id,date,order_total,item_name\n"
        "1001,a,2024-01-05,100,X\n1001,a,2024-01-05,120,Y\n1002,b,2024-01-06,50,X\n1002,b,2024-01-06,50,Y\n"
    )
    args = ("--columns", "amount=order_total", "--backend", backend, "--to-csv", str(tmp_path / "o"))
    err = refusal(capsys, "--orders", str(path), *args)
    assert err == (
        "orders.csv, column 'order_total': rows of one order (order_id '1001') with two different totals under "
        "'order_total', the order's total (one per order: the order edited between two exports appended? which "
        "total is current cannot be told, and adding them counts it twice) in rows 2, 3 (counting the header as row "
        "1): '100', '120': keep the row of the latest export, or, if they are its items' amounts, map amount to the "
        "items' amount column (--columns amount=NAME)"
    )
    path.write_text(path.read_text().replace(",120,", ",100,"))  # one total per order: each counted once
    assert _revenue(run(tmp_path, "--orders", path, "--columns", "amount=order_total")) == ["2024-01,150.0"]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (  # two shops' exports appended: 1001 is a's in January, x's in February (not one order's items)
            "1001,a,2024-01-05,100\n1002,b,2024-01-06,50\n1001,x,2024-02-03,20\n1002,y,2024-02-04,70\n",
            "column 'customer_id': rows of one order (order_id '1001') with another customer than its first row in "
            "rows 4, 5 (counting the header as row 1): 'x', 'y'",
        ),
        (  # one customer, the order id on another date further down
            "1001,a,2024-01-05,100\n1002,b,2024-01-06,50\n1001,a,2024-03-01,20\n",
            "column 'date': rows of one order (order_id '1001') with another date than its first row in row 4 "
            "(counting the header as row 1): '2024-03-01'",
        ),
    ],
)
def test_an_order_id_of_two_customers_or_dates_apart_is_refused_naming_them(
    tmp_path: Path, capsys, backend: str, rows: str, said: str
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(HEADER + rows)
    err = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == f"orders.csv, {said}"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_order_lines_apart_in_a_parquet_file_add_up_as_a_tables(tmp_path: Path, capsys, backend: str) -> None:
    import pandas as pd

    path = tmp_path / "order_lines.parquet"  # a warehouse's unload: an order's lines in no set order
    frame = pd.DataFrame({"order_id": ["1001", "1002", "1001"], "customer_id": ["a", "b", "a"],
                          "date": pd.to_datetime(["2024-01-05", "2024-01-06", "2024-01-05"]),
                          "amount": [100.0, 50.0, 20.0]})  # fmt: skip
    frame.to_parquet(path)
    capsys.readouterr()
    assert _revenue(run(tmp_path, "--orders", path, backend=backend)) == ["2024-01,170.0"]
    assert (
        "order_lines.parquet, column 'amount': rows of one order (order_id '1001') with different amounts and no item "
        "column in rows 1, 3 (counting the Parquet file's first record as row 1): 100.0, 20.0: read as the order's "
        "items, added up (120)"
    ) in capsys.readouterr().out


def test_a_tables_note_names_the_amounts_as_amounts(tmp_path: Path, capsys) -> None:
    """A DuckDB table's rows are named by their values: the amounts under the amount's name, not 'order_id 10.00'
    (H190 finding 07); what was done, and what to do, after them."""
    duckdb = pytest.importorskip("duckdb")
    database = tmp_path / "li.duckdb"
    con = duckdb.connect(str(database))
    con.execute("create table li(order_id varchar, customer_id varchar, date timestamp, amount decimal(10,2))")
    con.executemany("insert into li values (?, ?, ?::timestamp, ?)", [
        ("o1", "a", "2026-01-05 10:00:00", 10.0), ("o1", "a", "2026-01-05 10:00:00", 5.0),
        ("o2", "b", "2026-01-06 10:00:00", 20.0), ("o3", "a", "2026-02-05 10:00:00", 7.0)])  # fmt: skip
    con.close()
    capsys.readouterr()
    out = run(tmp_path, "--orders", Path("table:li"), "--connection", str(database), backend="duckdb")
    assert _revenue(out) == ["2026-01,35.0,7.0", "2026-02,0.0,"]  # o1 is one order of 15, o2 20; a's o3 7
    assert (
        "table:li, column 'amount': rows of one order (order_id 'o1') next to each other with different amounts and "
        "no item column in 2 rows, e.g. customer_id 'a', date '2026-01-05 10:00:00', amount 10.00; customer_id 'a', "
        "date '2026-01-05 10:00:00', amount 5.00: read as the order's items, added up (15); if the order was exported "
        "twice, edited between the two, keep the row of the latest export"
    ) in capsys.readouterr().out
