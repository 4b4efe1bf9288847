"""Shopify's orders export of a store whose prices exclude tax, read by line item ("Lineitem price" x "Lineitem
quantity"): each order's 'Total' = 'Subtotal' + 'Shipping' + 'Taxes', its 'Subtotal' the order's items less its
'Discount Amount', proves the prices are before tax (docs/metrics.md: "`Total` = `Subtotal` + `Shipping` + `Taxes`
confirms the subtotal is before tax"). The import refused it whenever the shop charged tax ("whether 'Lineitem
price' includes it cannot be told"), the order's fields being on its first item row only, or its tax no one rate of
its items (H521, after H508's finding 04). A store whose 'Total' = 'Subtotal' + 'Shipping' (the tax inside) is not
read so."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run, written

HEADER = "Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Created at,"
HEADER += "Lineitem quantity,Lineitem name,Lineitem price\n"
# #1001: 1 x 30.00 + 2 x 25.00 = 80.00 less 8.00 off = 72.00, 8 % tax 5.76; #1002: 30.00, 3.00 + 3.50 = 6.50 tax at
# two rates (no one rate of 80.00 on top or inside); #1003: 4 x 25.00 + 30.00 = 130.00, tax 10.40
FIRST_ROW = (
    "#1001,a@x.com,paid,USD,72.00,5.00,5.76,82.76,8.00,2026-01-05 10:00:00 -0500,1,Mug,30.00\n"
    "#1001,a@x.com,,,,,,,,2026-01-05 10:00:00 -0500,2,Tee,25.00\n"
    "#1002,b@x.com,paid,USD,80.00,5.00,6.50,91.50,0.00,2026-01-15 10:00:00 -0500,1,Mug,30.00\n"
    "#1002,b@x.com,,,,,,,,2026-01-15 10:00:00 -0500,2,Tee,25.00\n"
    "#1003,a@x.com,paid,USD,130.00,0.00,10.40,140.40,0.00,2026-02-07 10:00:00 -0500,4,Tee,25.00\n"
    "#1003,a@x.com,,,,,,,,2026-02-07 10:00:00 -0500,1,Mug,30.00\n"
)
COLUMNS = ("--columns", "customer_id=Email,date=Created at,amount=Lineitem price,order_id=Name")


def _revenue(out: Path) -> list[str]:
    return (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_total_of_subtotal_shipping_and_taxes_reads_prices_before_tax(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "orders.csv", HEADER + FIRST_ROW), *COLUMNS, backend=backend)
    assert _revenue(out) == ["2026-01,152.0,130.0", "2026-02,0.0,"]  # 72.00 + 80.00; 130.00, each before its tax


def test_the_orders_fields_on_each_item_row_read_alike(tmp_path: Path) -> None:
    rows = FIRST_ROW.splitlines()
    for later in (1, 3, 5):  # the order's fields written on its other item row too (Squarespace-style)
        rows[later] = ",".join(rows[later - 1].split(",")[:10] + rows[later].split(",")[10:])
    out = run(tmp_path, "--orders", written(tmp_path, "each.csv", HEADER + "\n".join(rows) + "\n"), *COLUMNS)
    assert _revenue(out) == ["2026-01,152.0,130.0", "2026-02,0.0,"]


def test_a_total_of_subtotal_and_shipping_alone_is_still_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inside = (  # a store whose prices include the tax: 'Total' = 'Subtotal' + 'Shipping', 'Taxes' inside
        "#1001,a@x.com,paid,EUR,80.00,5.00,12.77,85.00,0.00,2026-01-05 10:00:00 +0100,1,Mug,30.00\n"
        "#1001,a@x.com,,,,,,,,2026-01-05 10:00:00 +0100,2,Tee,25.00\n"
        "#1002,b@x.com,paid,EUR,30.00,5.00,4.79,35.00,0.00,2026-01-15 10:00:00 +0100,1,Mug,30.00\n"
    )
    path = written(tmp_path, "inside.csv", HEADER + inside)
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "out")) == (
        "inside.csv: column 'Taxes' holds taxes (row 2: '12.77' beside 'Lineitem price' '30.00') and is not used; "
        "revenue is net of tax, and whether 'Lineitem price' includes it cannot be told: if it does, map a column of "
        "amounts before tax (--columns amount=NAME) or write the amounts less the tax; if it is before tax already, "
        "remove the tax column"
    )
