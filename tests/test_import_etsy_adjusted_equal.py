"""Etsy's Sold Orders export always carries "Adjusted Order Total", "Adjusted Card Processing Fees" and "Adjusted Net
Order Amount", equal to the originals when nothing was refunded (H158 finding 06): with Sales Tax and Shipping not 0
they were refused as adjusted amounts that differ from 'Order Total' (the adjusted gross compared with the amount
already net of its tax and shipping), or 'Adjusted Order Total' was read as 'Order Total' + a 'Shipping Discount' of
0 (so 'Order Total' would include the tax with its share untold). Read as without them: revenue net of tax and
shipping."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from import_cli import refusal, run

HEAD = (
    "Sale Date,Order ID,Buyer User ID,Currency,Order Value,Discount Amount,Shipping Discount,Shipping,Sales Tax,"
    "Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,"
    "Adjusted Net Order Amount\n"
)
COLUMNS = ("--columns", "customer_id=Buyer User ID,date=Sale Date,amount=Order Total")


def _revenue(out: Path) -> list[list[float]]:
    return pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()


def test_adjusted_columns_equal_to_the_sale_keep_its_net_revenue(tmp_path: Path) -> None:
    path = tmp_path / "EtsySoldOrders2026.csv"  # 48.60 - 3.60 - 5.00 = 40.00; 24.60 - 1.60 - (5.00 - 2.00) = 20.00
    path.write_text(
        HEAD + "01/05/2026,1,11,USD,40.00,0.00,0.00,5.00,3.60,48.60,Completed,1.71,46.89,48.60,1.71,46.89\n"
        "01/09/2026,2,12,USD,20.00,0.00,2.00,5.00,1.60,24.60,Completed,0.94,23.66,24.60,0.94,23.66\n"
    )
    assert _revenue(run(tmp_path, "--orders", path, "--monthfirst", *COLUMNS)) == [[60.0]]


def test_adjusted_total_is_no_total_with_a_shipping_discount_of_zero(tmp_path: Path) -> None:
    path = tmp_path / "EtsySoldOrders2026.csv"  # no shipping discount: 'Adjusted Order Total' = 'Order Total' + 0
    path.write_text(
        HEAD + "10/03/2026,3101,88001,USD,40.00,0,0,5.00,3.30,48.30,Completed,1.70,46.60,48.30,1.70,46.60\n"
        "10/17/2026,3102,88002,USD,25.00,0,0,4.00,2.00,31.00,Completed,1.23,29.77,31.00,1.23,29.77\n"
        "11/09/2026,3103,88003,USD,60.00,0,0,0.00,0.00,60.00,Completed,2.10,57.90,60.00,2.10,57.90\n"
    )
    assert _revenue(run(tmp_path, "--orders", path, "--monthfirst", *COLUMNS)) == [[65.0, 0.0], [60.0, -1.0]]


def test_an_adjusted_total_below_the_sale_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "EtsySoldOrders2026.csv"  # order 2 refunded in part: 24.60 kept 14.60
    path.write_text(
        HEAD + "01/05/2026,1,11,USD,40.00,0.00,0.00,5.00,3.60,48.60,Completed,1.71,46.89,48.60,1.71,46.89\n"
        "01/09/2026,2,12,USD,20.00,0.00,2.00,5.00,1.60,24.60,Completed,0.94,23.66,14.60,0.94,13.66\n"
    )
    assert refusal(capsys, "--orders", str(path), "--monthfirst", *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "EtsySoldOrders2026.csv, column 'Adjusted Order Total': amounts adjusted after the sale that differ from "
        "'Order Total' (Etsy's 'Adjusted Order Total' is the amount kept after refunds: counted at 'Order Total' a "
        "refund would be ignored): read the amount kept, --columns amount='Adjusted Order Total' (an order refunded "
        "in full is then no purchase), or remove this column where 'Order Total' is right in row 3 (counting the "
        "header as row 1): '14.60'"
    )
