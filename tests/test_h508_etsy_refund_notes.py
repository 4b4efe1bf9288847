"""Etsy's Sold Orders read by 'Adjusted Order Total': the note counted an order refunded in full (adjusted to 0.00)
among the "orders refunded in part" ("2 orders refunded in part" for one in part and one in full), and said 'Order
Total' "includes the shipping in 'Shipping Discount' and 'Shipping'", while a shipping discount is taken off the
shipping (docs/metrics.md). The figures were right and stay so (H508 finding 07)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run, written

ETSY = (
    "Sale Date,Order ID,Buyer User ID,Ship Country,Currency,Order Value,Discount Amount,Shipping Discount,Shipping,"
    "Sales Tax,Order Total,Status,Adjusted Order Total,Order Type\n"
    "01/05/26,3001,u1,United States,USD,40.00,0.00,0.00,5.00,3.20,48.20,Completed,48.20,online\n"
    "02/03/26,3003,u1,United States,USD,60.00,0.00,0.00,6.00,4.80,70.80,Completed,35.40,online\n"
    "02/10/26,3004,u3,United States,USD,25.00,0.00,0.00,0.00,2.00,27.00,Completed,0.00,online\n"
)
COLUMNS = "customer_id=Buyer User ID,date=Sale Date,amount=Adjusted Order Total"


def test_the_notes_tell_refunds_in_full_and_the_shipping_discount(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "etsy.csv", ETSY)
    out = run(tmp_path, "--orders", path, "--date-format", "%m/%d/%y", "--columns", COLUMNS)
    said = capsys.readouterr().out
    assert (
        "etsy.csv: 'Adjusted Order Total' is 'Order Total' after refunds: what was taken off 'Order Total' is taken "
        "off the amount kept in the share left (row 3: '35.40' kept of 70.80, 30.00 of revenue; 1 order refunded in "
        "part, 1 in full)\n"
    ) in said
    assert (
        "etsy.csv: 'Order Total' includes the shipping in 'Shipping' less 'Shipping Discount' ('Order Value' is Order "
        "Total less its tax and the shipping): taken off net of its tax, revenue is net of shipping\n"
    ) in said
    # 40.00 in January; u1's February 60.00 x 35.40 / 70.80 = 30.00; 3004 (0.00 kept) no purchase
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:] == ["2026-01,40.0,30.0", "2026-02,0.0,"]
