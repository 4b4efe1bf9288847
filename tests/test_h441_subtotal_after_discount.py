"""Shopify's orders export read by 'Subtotal', which is after its 'Discount Amount' ('Total' = 'Subtotal' +
'Shipping' + 'Taxes' on every row): a 50 %-off order's 'Taxes' 0.00 (or 'Shipping' 5.00 of a 5.00 coupon) equal to
'Subtotal' - 'Discount Amount' made the import take the discount off a second time (H433's finding 05: January 90.00
where 100.00 is right, pandas and DuckDB alike). A tax, shipping or balance column is never the amount after
discounts, and the sums must hold on every row sold; where the file cannot tell, it is refused naming the columns."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = (
    "Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,"
    "Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount,Outstanding Balance,Id"
).split(",")
COLUMNS = "customer_id=Email,date=Created at,amount=Subtotal"


def _order(name: str, email: str, created: str, price: float, sub: float, ship: float, disc: float = 0.0) -> dict:
    return {
        "Name": name, "Email": email, "Financial Status": "paid", "Paid at": created, "Currency": "USD",
        "Subtotal": f"{sub:.2f}", "Shipping": f"{ship:.2f}", "Taxes": "0.00", "Total": f"{sub + ship:.2f}",
        "Discount Code": "SAVE" if disc else "", "Discount Amount": f"{disc:.2f}", "Created at": created,
        "Lineitem quantity": "1", "Lineitem name": "Mug", "Lineitem price": f"{price:.2f}", "Refunded Amount": "0.00",
        "Outstanding Balance": "0.00", "Id": str(5000 + int(name[1:])),
    }  # fmt: skip


def _export(tmp_path: Path, coupon: tuple[float, float, float], drop: tuple[str, ...] = ()) -> Path:
    """Four orders: amy's 40.00 and 50.00 in January, bob's coupon order (price, subtotal after it, shipping) in
    January and his 30.00 in February."""
    price, sub, ship = coupon
    rows = [
        _order("#1004", "bob@x.com", "2026-02-03 10:00:00 -0500", 30.0, 30.0, 5.0),
        _order("#1003", "bob@x.com", "2026-01-15 10:00:00 -0500", price, sub, ship, disc=price - sub),
        _order("#1002", "amy@x.com", "2026-01-10 10:00:00 -0500", 50.0, 50.0, 0.0),
        _order("#1001", "amy@x.com", "2026-01-05 10:00:00 -0500", 40.0, 40.0, 5.0),
    ]
    path = tmp_path / "orders_export.csv"
    with path.open("w", newline="") as f:
        header = [h for h in HEADER if h not in drop]
        writer = csv.DictWriter(f, header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _tables(out: Path) -> tuple[list, list]:
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    buyers = pd.read_csv(out / "order_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    return revenue, buyers


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_half_off_order_with_taxes_zero_keeps_its_subtotal(tmp_path: Path, backend: str) -> None:
    path = _export(tmp_path, (20.0, 10.0, 5.0))  # 'Taxes' 0.00 = 'Subtotal' 10.00 - 'Discount Amount' 10.00
    revenue, buyers = _tables(run(tmp_path, "--orders", path, "--columns", COLUMNS, backend=backend))
    assert revenue == [
        [100.0, 30.0],
        [0.0, -1.0],
    ]  # 40 + 50 + 10 (the Subtotal after the coupon), bob's 30 in February; no new buyer then
    assert buyers == [[2.0, 1.0], [0.0, -1.0]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_coupon_equal_to_the_shipping_keeps_the_subtotal(tmp_path: Path, backend: str) -> None:
    path = _export(tmp_path, (15.0, 10.0, 5.0))  # 'Shipping' 5.00 = 'Subtotal' 10.00 - 'Discount Amount' 5.00
    revenue, buyers = _tables(run(tmp_path, "--orders", path, "--columns", COLUMNS, backend=backend))
    assert revenue == [[100.0, 30.0], [0.0, -1.0]]
    assert buyers == [[2.0, 1.0], [0.0, -1.0]]


def test_without_a_total_the_subtotal_is_refused_naming_the_discount(tmp_path: Path, capsys) -> None:
    # no 'Total', no 'Lineitem price' (20.00, the Subtotal plus the discount: after it): only 'Taxes' 0.00 is
    # Subtotal - Discount Amount on the coupon's row, which says nothing
    path = _export(tmp_path, (20.0, 10.0, 5.0), drop=("Total", "Lineitem price"))
    message = refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert message == (
        "orders_export.csv, column 'Discount Amount': discounts beside 'Subtotal' in row 3 (counting the header as "
        "row 1): '10.00': revenue is after discounts, and whether 'Subtotal' is before or after them cannot be told: "
        "map the amount after discounts (--columns amount=NAME), or remove the discount column if 'Subtotal' is after "
        "it already"
    )


def test_two_sums_that_disagree_are_refused_naming_both(tmp_path: Path, capsys) -> None:
    text = (
        "Date,Customer,Price,Discount,Net Price,Total\n"
        "2026-01-05,C1,20.00,5.00,15.00,20.00\n"  # 'Net Price' is Price - Discount, 'Total' is Price
        "2026-01-06,C2,30.00,0.00,30.00,30.00\n"
    )
    path = tmp_path / "sales.csv"
    path.write_text(text)
    columns = "customer_id=Customer,date=Date,amount=Price"
    message = refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o"))
    assert message == (
        "sales.csv: whether 'Price' is before or after the discounts in 'Discount' cannot be told ('Net Price' is "
        "Price - Discount; 'Total' is Price, on every row): revenue is after discounts: map the amount "
        "after discounts (--columns amount=NAME), or remove the discount column if 'Price' is after it already"
    )
