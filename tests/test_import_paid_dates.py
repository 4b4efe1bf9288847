"""An order's payment date blank: the order was never paid (eBay's "Paid On Date", WooCommerce's date_paid, ...).

Such orders were counted as purchases (H36 finding 01: Feb buyers 2 for 0, exit 0, no note)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

COLUMNS = ("--columns", "customer_id=Buyer Email,date=Sale Date,amount=Total Price")


def rows(out: Path, table: str) -> list[str]:
    return (out / table).read_text().splitlines()[1:]


@pytest.mark.parametrize("name", ["Paid On Date", "Paid at", "date_paid", "Payment Date", "Bezahlt am",
                                  "Fecha de pago", "Date de paiement"])  # fmt: skip
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_orders_with_a_blank_paid_date_are_not_purchases(tmp_path: Path, capsys, name: str, backend: str) -> None:
    path = tmp_path / "ebay.csv"
    path.write_text(
        f"Order Number,Buyer Email,Sale Date,Total Price,{name}\n"
        "1,a@x.com,2024-01-05,100,2024-01-05\n2,b@x.com,2024-01-06,50,2024-01-07\n"
        "3,a@x.com,2024-02-05,30,\n4,c@x.com,2024-02-06,30,-\n5,c@x.com,2024-03-06,30,2024-03-07\n"
    )
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, *COLUMNS, backend=backend)
    assert rows(out, "purchases.csv") == ["2024-01,2,0,0,0.0,0.0", "2024-02,0,0,0,,", "2024-03,1,0,0,0.0,0.0"]
    assert rows(out, "order_revenue_cohorts.csv")[0] == "2024-01,150.0,0.0,0.0"
    assert f"ebay.csv: 2 orders with no '{name}' left out as not paid" in capsys.readouterr().out.splitlines()


def test_a_status_speaks_for_its_order_and_later_line_items_carry_no_paid_date(tmp_path: Path) -> None:
    path = tmp_path / "orders_export.csv"
    path.write_text(
        "Name,Email,Financial Status,Paid at,Total,Created at,Lineitem name\n"
        "#1001,ann@x.com,paid,2026-01-05 10:00:00 +0100,35.00,2026-01-05 09:59:00 +0100,Mug\n"
        "#1001,ann@x.com,,,,2026-01-05 09:59:00 +0100,Plate\n"  # the order's later line item: no paid date
        "#1002,bob@x.com,authorized,,25.00,2026-01-07 09:59:00 +0100,Bowl\n"  # the status says paid: counted
        "#1003,cyd@x.com,,,20.00,2026-01-08 09:59:00 +0100,Bowl\n"  # no status, no paid date: never paid
        "#1004,ann@x.com,paid,2026-02-05 10:00:00 +0100,15.00,2026-02-05 09:59:00 +0100,Mug\n"
    )
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Total,order_id=Name")
    assert rows(out, "purchases.csv") == ["2026-01,2,0,0,0.0,0.0", "2026-02,1,0,1,0.0,1.0"]
    assert rows(out, "order_revenue_cohorts.csv")[0] == "2026-01,60.0,15.0"


def test_a_paid_date_column_blank_in_every_row_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Buyer Email,Sale Date,Total Price,Payment Date\na@x.com,2024-01-05,100,\na@x.com,2024-02-05,30,\n")
    out = run(tmp_path, "--orders", path, *COLUMNS)
    assert rows(out, "purchases.csv") == ["2024-01,1,0,0,0.0,0.0", "2024-02,1,0,1,0.0,1.0"]


def test_a_paid_date_that_is_no_date_is_refused_naming_it(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "Buyer Email,Sale Date,Total Price,Payment Date\na@x.com,2024-01-05,100,2024-01-05\n"
        "a@x.com,2024-02-05,30,on hold\n"
    )
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'Payment Date': values that are neither a date nor blank (whether these orders were paid "
        "cannot be told: write the date they were paid, or leave it blank where they were not) in row 3 (counting "
        "the header as row 1): 'on hold'"
    )
