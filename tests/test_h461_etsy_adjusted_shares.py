"""Etsy's Sold Orders read at "Adjusted Order Total" (the amount kept after refunds, as the import itself asks) take
off the tax and shipping its twin "Order Total" holds, in the share kept (H453 findings 04 and 01).

Before: Cy's 40.00 + 5.00 shipping = 45.00, refunded down to 3.00, lost the whole shipping: 3.00 - 5.00 = -2.00 read
as a refund, so Cy's purchase and the month 2026-09 vanished from every table, silently (24.00 kept gave 19.00, not
40 x 24 / 45 = 21.33); and with US sales tax on another order the import was refused ("whether 'Adjusted Order
Total' includes it cannot be told"), as was "Order Total", although "Order Total" = "Order Value" - "Discount Amount"
+ "Shipping" + "Sales Tax" on every row says the tax was added on top (docs/metrics.md)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

HEADER = (
    "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,"
    "Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,"
    "Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,"
    "Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,"
    "InPerson Discount,InPerson Location,SKU\n"
)
ADDRESS = "1 Main,,Austin,TX,78701,United States,USD"
BOB = f"10/15/26,3100000002,22222,Bob Ray,Bob,Ray,2,Visa,10/16/26,{ADDRESS},100.00,SAVE10,10% off,10.00,0,0,0,90.00,"
BOB += "Completed,2.00,88.00,90.00,2.00,88.00,bobray,online,online_cc,,,S2\n"
COLUMNS = "customer_id=Buyer User ID,date=Sale Date,amount="


def _cy(kept: str) -> str:
    """Cy's order: 40.00 + 5.00 shipping = 45.00, of which ``kept`` is kept after a refund."""
    return (
        f"09/02/26,3100000004,33333,Cy Doe,Cy,Doe,1,Visa,09/03/26,{ADDRESS},40.00,,,0,0,5.00,0,45.00,Completed,2.00,"
        f"43.00,{kept},0.10,2.90,cydoe,online,online_cc,,,S4\n"
    )


def _tables(out: Path) -> tuple[list[list[object]], list[list[float]]]:
    purchases = pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist()
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    return purchases, revenue


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("kept", ["3.00", "24.00"])
def test_a_partly_refunded_order_keeps_its_purchase_and_the_goods_share_kept(tmp_path, capsys, backend, kept) -> None:
    path = written(tmp_path, "EtsySoldOrders2026.csv", HEADER + BOB + _cy(kept))
    out = run(tmp_path, "--orders", path, "--columns", f"{COLUMNS}Adjusted Order Total", "--date-format", "%m/%d/%y",
              backend=backend)  # fmt: skip
    purchases, revenue = _tables(out)
    assert purchases == [["2026-09", 1], ["2026-10", 1]]  # a purchase refunded in part is still one
    share = 40.0 * float(kept) / 45.0  # 2.67 or 21.33 (the whole 5.00 shipping taken off: -2.00 or 19.00)
    assert revenue == [[pytest.approx(share), 0.0], [90.0, -1.0]]
    assert (
        "EtsySoldOrders2026.csv: 'Adjusted Order Total' is 'Order Total' after refunds: what was taken off 'Order "
        f"Total' is taken off the amount kept in the share left (row 3: '{kept}' kept of 45.00, {share:.2f} of "
        "revenue; 1 order refunded in part)"
    ) in capsys.readouterr().out


ANN = (  # Ann: 40.00 + 5.00 shipping + 3.00 US sales tax = 48.00 in October; 1,200.00 + 7.00 shipping in September
    f"10/28/26,3100000001,11111,Ann Lee,Ann,Lee,1,Visa,10/29/26,{ADDRESS},40.00,,,0,0,5.00,3.00,48.00,Completed,1.50,"
    "46.50,48.00,1.50,46.50,annlee,online,online_cc,,,S1\n"
    f'09/20/26,3100000003,11111,Ann Lee,Ann,Lee,1,Visa,09/21/26,{ADDRESS},"1,200.00",,,0,0,7.00,0,"1,207.00",'
    'Completed,30.00,"1,177.00","1,207.00",30.00,"1,177.00",annlee,online,online_cc,,,S3\n'
)
#: Cy's 60.00 (no shipping, no tax) refunded down to 30.00.
CY60 = (
    f"09/02/26,3100000004,33333,Cy Doe,Cy,Doe,1,Visa,09/03/26,{ADDRESS},60.00,,,0,0,0,0,60.00,Completed,2.00,58.00,"
    "30.00,1.00,29.00,cydoe,online,online_cc,,,S4\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_adjusted_total_beside_a_sales_tax_is_read_net_of_it(tmp_path, capsys, backend) -> None:
    path = written(tmp_path, "EtsySoldOrders2026.csv", HEADER + ANN[: ANN.index("\n") + 1] + BOB + ANN.split("\n")[1]
                   + "\n" + CY60)  # fmt: skip
    out = run(tmp_path, "--orders", path, "--columns", f"{COLUMNS}Adjusted Order Total", "--date-format", "%m/%d/%y",
              backend=backend)  # fmt: skip
    purchases, revenue = _tables(out)
    assert purchases == [["2026-09", 2], ["2026-10", 2]]
    assert revenue == [[1230.0, 40.0], [90.0, -1.0]]  # 1207 - 7 + 30; 48 - 5 - 3; 100 - 10
    assert (
        "EtsySoldOrders2026.csv: 'Order Total' includes the tax in 'Sales Tax' ('Order Total' is 'Order Value' + "
        "'Shipping' + 'Sales Tax'): taken off, revenue is net of tax"
    ) in capsys.readouterr().out


def test_the_order_total_beside_a_sales_tax_is_read_net_of_it(tmp_path) -> None:
    whole = CY60.replace("60.00,Completed,2.00,58.00,30.00,1.00,29.00", "60.00,Completed,2.00,58.00,60.00,2.00,58.00")
    path = written(tmp_path, "EtsySoldOrders2026.csv", HEADER + ANN + BOB + whole)
    for amount in ("Order Total", "Adjusted Order Total"):  # nothing refunded: the same
        out = run(tmp_path, "--orders", path, "--columns", f"{COLUMNS}{amount}", "--date-format", "%m/%d/%y")
        assert _tables(out)[1] == [[1260.0, 40.0], [90.0, -1.0]]
