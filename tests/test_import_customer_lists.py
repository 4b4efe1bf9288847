"""A list of customers or users with a count of their orders or sessions, imported as orders or visits: each
customer's lifetime spend was one order at sign-up, no one returned (H36 finding 13, exit 0)."""

from __future__ import annotations

from pathlib import Path

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
