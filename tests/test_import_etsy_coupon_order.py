"""Etsy's Sold Orders with one coupon order ('Order Value' 60.00, 'Discount Amount' 6.00, 'Sales Tax' 4.32: 8 % of
54.00; 'Order Total' = 'Order Value' - 'Discount Amount' + 'Shipping' + 'Sales Tax') mapped with amount='Order Value'
was refused as "whether 'Order Value' includes the tax cannot be told", naming a row with no coupon, and once the tax
column was removed as the same for 'Shipping'; the discount was never named (H213's finding 07). The tax (a rate of
the value less its discount) and the total tell the value is before tax and shipping, and the total proves it is
before the discount: the discount is taken off with a note (fc9a5563)."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention import cli

HEADER = (
    "Sale Date,Order ID,Buyer User ID,Currency,Order Value,Coupon Code,Discount Amount,Shipping,Sales Tax,Order Total"
)
ROWS = [
    "09/03/2026,3001,buyer_anna,USD,40.00,,0,5.00,3.20,48.20",
    "09/14/2026,3002,buyer_ben,USD,60.00,FALL10,6.00,5.00,4.32,63.32",
    "10/02/2026,3003,buyer_anna,USD,25.00,,0,5.00,2.00,32.00",
    "10/21/2026,3004,buyer_cleo,USD,100.00,,0,0.00,8.00,108.00",
]


def run(tmp_path: Path, rows: list[str]) -> int:
    path = tmp_path / "EtsySoldOrders2026.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return cli.main(["import", "--orders", str(path), "--columns",
                     "customer_id=Buyer User ID,date=Sale Date,order_id=Order ID,amount=Order Value",
                     "--to-csv", str(tmp_path / "o")])  # fmt: skip


def test_the_coupon_is_taken_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Since fc9a5563 the coupon is no longer refused: 'Order Total' proves the value is before it, so it is taken off
    # and named (the coupon row's 60.00 less 6.00 is 54.00; September is 40 + 54).
    assert run(tmp_path, ROWS) == 0
    said = capsys.readouterr()
    err = said.out + said.err
    assert (
        "EtsySoldOrders2026.csv: 'Order Value' is before the discounts in 'Discount Amount' ('Order Total' is Order "
        "Value - Discount Amount + Shipping + Sales Tax): taken off, revenue is after discounts"
    ) in err
    assert "Sales Tax' includes" not in err
    text = (tmp_path / "o" / "order_revenue_cohorts.csv").read_text().splitlines()
    assert text[1].split(",") == ["2026-09", "94.0", "25.0"]
    assert text[2].split(",") == ["2026-10", "100.0", ""]


def test_without_the_coupon_it_is_read(tmp_path: Path) -> None:
    rows = [*ROWS[:1], "09/14/2026,3002,buyer_ben,USD,60.00,,0,5.00,4.80,69.80", *ROWS[2:]]
    assert run(tmp_path, rows) == 0
    text = (tmp_path / "o" / "order_revenue_cohorts.csv").read_text().splitlines()
    assert text[1].split(",")[:3] == ["2026-09", "100.0", "25.0"]  # 40 + 60, then Anna's 25 in October
