"""Etsy's Sold Orders export says a refund only in its adjusted columns ("Adjusted Order Total", "Adjusted Net Order
Amount"; the status stays Completed). Only an amount mapped to "Order Total" itself was compared with them (H26/09):
mapped to "Order Value" or "Order Net" a refund was ignored (revenue 96.40 where 77.10 was kept), and with no
amount, or the adjusted amount mapped, an order refunded in full (0.00) was one more buyer. Now another amount of the
sale is refused naming the adjusted column and rows, and an order the adjusted amount says was refunded in full is no
purchase (xl_retention.reading.adjusted_amounts), on pandas and DuckDB."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = (
    "Sale Date,Order ID,Buyer User ID,Currency,Order Value,Shipping,Sales Tax,Order Total,Status,"
    "Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount\n"
)
# 3002 is refunded in part (20.00 of 45.00), 3003 in full; 3001 and 3004 are kept whole.
ETSY = HEADER + (
    "01/05/2026,3001,b1,USD,50.00,5.00,0,55.00,Completed,1.95,53.05,55.00,1.95,53.05\n"
    "01/20/2026,3002,b2,USD,40.00,5.00,0,45.00,Completed,1.65,43.35,25.00,0.95,24.05\n"
    "01/25/2026,3003,b3,USD,30.00,5.00,0,35.00,Completed,1.35,33.65,0.00,0.00,0.00\n"
    "02/13/2026,3004,b1,USD,30.00,5.00,0,35.00,Completed,1.35,33.65,35.00,1.35,33.65\n"
)
COLUMNS = "customer_id=Buyer User ID,date=Sale Date,order_id=Order ID"


def _write(tmp_path, text: str = ETSY):
    path = tmp_path / "etsy.csv"
    path.write_text(text)
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("amount", "adjusted", "shown"),
    [
        ("Order Value", "Adjusted Order Total", "'25.00', '0.00'"),
    ],
)
def test_another_amount_of_the_sale_beside_its_adjusted_twin_is_refused(tmp_path, capsys, backend, amount, adjusted,
                                                                        shown) -> None:  # fmt: skip
    message = refusal(capsys, "--orders", str(_write(tmp_path)), "--columns", f"{COLUMNS},amount={amount}",
                      "--backend", backend, "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(f"etsy.csv, column '{adjusted}': amounts adjusted after the sale that differ from "
                              f"'{amount}'")  # fmt: skip
    assert f"--columns amount='{adjusted}'" in message
    assert message.endswith(f"in rows 3, 4 (counting the header as row 1): {shown}")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("amount", "revenue"),
    # net of the 5.00 'Shipping' in its share kept (reading.adjusted_amounts): 50.00 + 40.00 x 25.00 / 45.00
    [("Adjusted Order Total", [[50.0 + 40.0 * 25.0 / 45.0, 30.0], [0.0, -1]])],
)
def test_the_adjusted_amount_mapped_leaves_out_an_order_refunded_in_full(tmp_path, backend, amount, revenue) -> None:
    out = run(tmp_path, "--orders", _write(tmp_path), "--columns", f"{COLUMNS},amount={amount}", backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-01", 2, 0], ["2026-02", 1, 1]]
    got = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").iloc[:, :2].fillna(-1).values.tolist()
    assert [pytest.approx(row) for row in revenue] == got


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_without_an_amount_an_order_refunded_in_full_is_no_buyer(tmp_path, backend) -> None:
    out = run(tmp_path, "--orders", _write(tmp_path), "--columns", COLUMNS, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-01", 2, 0], ["2026-02", 1, 1]]


def test_the_fees_pair_alone_and_a_file_without_refunds_are_read_whole(tmp_path) -> None:
    whole = ETSY.replace("25.00,0.95,24.05", "45.00,0.95,43.35").replace("0.00,0.00,0.00", "35.00,0.00,33.65")
    out = run(tmp_path, "--orders", _write(tmp_path, whole), "--columns", f"{COLUMNS},amount=Order Value")
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-01", 3], ["2026-02", 1]]
    got = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").iloc[:, :2].fillna(-1).values.tolist()
    assert got == [[120.0, 30.0], [0.0, -1]]


def test_a_price_adjusted_to_0_without_an_amount_is_no_refund(tmp_path) -> None:
    text = "order_id,customer_id,date,Price,Adjusted Price\n1,a,2026-01-05,10.00,10.00\n2,b,2026-01-06,10.00,0.00\n"
    out = run(tmp_path, "--orders", _write(tmp_path, text))  # a discount's adjusting, maybe: the order stays
    assert pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist() == [["2026-01", 2]]


@pytest.mark.parametrize("amount", ["Order Net", "Adjusted Net Order Amount"])
def test_a_net_amount_holding_the_shipping_is_refused_naming_it(tmp_path, capsys, amount) -> None:
    """Etsy's "Order Net" is its "Order Total" (shipping inside) less the card fees: whether it holds the shipping
    cannot be told by its name, and revenue is net of shipping."""
    message = refusal(capsys, "--orders", str(_write(tmp_path)), "--columns", f"{COLUMNS},amount={amount}",
                      "--to-csv", str(tmp_path / "out"))  # fmt: skip
    sold = "Order Net"  # the twin of the amount after refunds tells what it holds (reading.adjusted_amounts)
    assert message.startswith(f"etsy.csv: column 'Shipping' holds shipping (row 2: '5.00' beside '{sold}' ")
    if amount != sold:
        assert message.endswith(f"('{amount}' is '{sold}' after refunds: what it holds is told by '{sold}')")


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_blank_adjusted_total_is_the_order_total(tmp_path, backend) -> None:
    """Etsy leaves "Adjusted Order Total" blank on an order never adjusted (H143 finding 03): mapped as the refusal
    advises, such orders were refused as having no amount; their amount kept is their "Order Total"."""
    text = (
        HEADER + "09/05/2026,3201,b1,EUR,40.00,5.90,0,45.90,Completed,1.68,44.22,,,\n"
        "09/20/2026,3202,b2,EUR,25.00,4.00,5.51,34.51,Completed,1.30,33.21,,,\n"
        "10/02/2026,3203,b1,EUR,30.00,0,0,30.00,Completed,1.15,28.85,15.00,0.58,14.42\n"
        "10/15/2026,3204,b3,EUR,60.00,0,0,60.00,Completed,2.10,57.90,0.00,0,0\n"
    )
    out = run(tmp_path, "--orders", _write(tmp_path, text), "--columns", f"{COLUMNS},amount=Adjusted Order Total",
              backend=backend)  # fmt: skip
    got = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    assert got == [[65.0, 15.0], [0.0, -1.0]]  # 45.90 - 5.90 shipping + 34.51 - 5.51 tax - 4.00; 3204 refunded
