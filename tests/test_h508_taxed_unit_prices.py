"""Line items with the order's tax on each of its rows, the amount one unit's price ("Lineitem price") beside
"Lineitem quantity": the tax-rate test added the unit prices without their quantities (30.00 + 25.00 for 1 x 30.00 +
2 x 25.00 = 80.00), so 6.40 was no rate of them and the file was refused ("each order's tax is no one tax rate of its
items") while the amount itself is multiplied by the quantity (docs/metrics.md). The rate is now of each line's price
times its quantity (H508 finding 04)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run, written

HEADER = "Order ID,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,"
HEADER += "Lineitem name,Lineitem price\n"
ON_TOP = (
    "00101,a@x.com,PAID,USD,80.00,5.00,6.40,91.40,2026-01-05 10:00:00 -0500,1,Mug,30.00\n"
    "00101,a@x.com,PAID,USD,80.00,5.00,6.40,91.40,2026-01-05 10:00:00 -0500,2,Tee,25.00\n"
    "00102,b@x.com,PAID,USD,30.00,5.00,2.40,37.40,2026-01-15 10:00:00 -0500,1,Mug,30.00\n"
    "00104,c@x.com,PAID,USD,130.00,0.00,10.40,140.40,2026-02-07 10:00:00 -0500,4,Tee,25.00\n"
    "00104,c@x.com,PAID,USD,130.00,0.00,10.40,140.40,2026-02-07 10:00:00 -0500,1,Mug,30.00\n"
)
COLUMNS = ("--columns", "customer_id=Email,date=Created at,amount=Lineitem price,order_id=Order ID")


def _revenue(out: Path) -> list[str]:
    return (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_orders_tax_is_a_rate_of_prices_times_quantities(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "q2.csv", HEADER + ON_TOP), *COLUMNS, backend=backend)
    assert _revenue(out) == ["2026-01,110.0,0.0", "2026-02,130.0,"]  # 8 % on top: 80.00 + 30.00; 4 x 25 + 30


INSIDE = (  # the same items at 8 % inside: 1 x 32.40 + 2 x 27.00 = 86.40, of which 6.40 tax; 4 x 27.00 + 32.40
    "00101,a@x.com,PAID,USD,86.40,5.00,6.40,91.40,2026-01-05 10:00:00 -0500,1,Mug,32.40\n"
    "00101,a@x.com,PAID,USD,86.40,5.00,6.40,91.40,2026-01-05 10:00:00 -0500,2,Tee,27.00\n"
    "00102,b@x.com,PAID,USD,32.40,5.00,2.40,37.40,2026-01-15 10:00:00 -0500,1,Mug,32.40\n"
    "00104,c@x.com,PAID,USD,140.40,0.00,10.40,140.40,2026-02-07 10:00:00 -0500,4,Tee,27.00\n"
    "00104,c@x.com,PAID,USD,140.40,0.00,10.40,140.40,2026-02-07 10:00:00 -0500,1,Mug,32.40\n"
)


def test_a_tax_inside_unit_prices_is_taken_off_each_unit(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "q3.csv", HEADER + INSIDE), *COLUMNS)
    assert _revenue(out) == ["2026-01,110.0,0.0", "2026-02,130.0,"]  # each unit less its share of the order's tax
