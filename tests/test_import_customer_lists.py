"""A list of customers or users with a count of their orders or sessions, imported as orders or visits: each
customer's lifetime spend was one order at sign-up, no one returned (H36 finding 13, exit 0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

CUSTOMERS = (
    "Customer ID,First Name,Email,Created at,Total Spent,Total Orders\n1001,Ann,a@x.com,2024-01-05 10:00:00 -0500,"
    "480.00,6\n1002,Bob,b@x.com,2024-01-20 10:00:00 -0500,50.00,1\n1003,Cy,c@x.com,2024-02-03 10:00:00 -0500,90.00,3\n"
)


def test_a_customer_list_with_its_order_counts_is_refused_as_orders(tmp_path: Path, capsys) -> None:
    path = tmp_path / "customers_export.csv"
    path.write_text(CUSTOMERS)
    columns = ("--columns", "customer_id=Email,date=Created at,amount=Total Spent", "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, "--orders", str(path), *columns) == (
        "customers_export.csv, column 'Total Orders': a list of customers (one row per 'Email', with the number of "
        "their orders: '6' in row 2), not one row per order: each customer's orders would count as one, at 'Created "
        "at'; export the orders themselves (one row per order, with its customer and date)"
    )


def test_a_user_list_with_its_sessions_is_refused_as_visits(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ga4_users.csv"
    path.write_text("App-instance ID,First session date,Last session date,Sessions\nu1,20240105,20240228,12\n"
                    "u2,20240110,20240110,1\n")  # fmt: skip
    columns = ("--columns", "visitor_id=App-instance ID,date=First session date", "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, "--visits", str(path), *columns) == (
        "ga4_users.csv, column 'Sessions': a list of visitors (one row per 'App-instance ID', with the number of "
        "their visits: '12' in row 2), not one row per visit: each visitor's visits would count as one, at 'First "
        "session date'; export the visits themselves (one row per visit, with its visitor and date)"
    )


def test_orders_whose_customers_repeat_beside_a_count_are_orders(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"  # a customer's running order count on each order: ids repeat, orders
    path.write_text("customer_id,date,amount,orders_count\na,2024-01-05,10,1\nb,2024-01-06,10,1\na,2024-02-05,10,2\n")
    out = run(tmp_path, "--orders", path)
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ["2024-01,2,0,0,0.0,0.0", "2024-02,1,0,1,0.0,1.0"]


WOO = (
    "order_id,order_number,order_date,status,tax_total,order_total,order_currency,customer_id,billing_email\n"
    "1007,1007,2026-10-20 09:00:00,completed,8.00,108.00,USD,0,dan@example.com\n"
    "1009,1009,2026-10-22 09:00:00,completed,4.00,54.00,USD,0,eve@example.com\n"
    "1010,1010,2026-11-02 09:00:00,completed,4.00,54.00,USD,0,fay@example.com\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_woocommerce_order_number_beside_its_order_id_is_no_count_of_orders(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders-export.csv"  # H158 finding 05: one order per customer, WooCommerce's order_number
    path.write_text(WOO)
    columns = "customer_id=billing_email,date=order_date,amount=order_total,order_id=order_id"
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    buyers = [line.split(",")[:2] for line in (out / "purchases.csv").read_text().splitlines()[1:]]
    assert buyers == [["2026-10", "2"], ["2026-11", "1"]]


def test_a_count_named_column_equal_to_the_mapped_order_id_is_no_count(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"  # 'Purchases' repeats the order id on every row: the order's number
    path.write_text(WOO.replace("order_number", "Purchases"))
    columns = "customer_id=billing_email,date=order_date,amount=order_total,order_id=order_id"
    out = run(tmp_path, "--orders", path, "--columns", columns)
    buyers = [line.split(",")[:2] for line in (out / "purchases.csv").read_text().splitlines()[1:]]
    assert buyers == [["2026-10", "2"], ["2026-11", "1"]]
