"""A Shopify gift card sold (a 'Gift Card' line item, not shipped, not taxed) is no order revenue, and an order of
gift cards only no purchase (H360's finding 01; reading.gift_cards).

Shopify's orders export counted order #3008, a 'Gift Card' of 50.00, as revenue and its buyer as a buyer: the money
is counted again when the card pays a later order. The README says gift cards sold are taken off with a note where
another column proves it ('Lineitem requires shipping' and 'Lineitem taxable' false), refused otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

HEADER = (
    "Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,"
    "Lineitem price,Lineitem requires shipping,Lineitem taxable,Refunded Amount,Tax 1 Name,Tax 1 Value\n"
)
T = " +0100"
ROWS = [
    f"#1003,rosa@example.de,paid,EUR,96.00,0.00,15.33,96.00,2025-12-15 17:57:20{T},2,Espresso Tassen,24.00,true,true,"
    "0.00,DE MwSt 19%,15.33",
    f"#1003,rosa@example.de,,,,,,,2025-12-15 17:57:20{T},2,Espresso Tassen,24.00,true,true,,,",
    f"#3008,gift.buyer@example.de,paid,EUR,50.00,0.00,0.00,50.00,2025-12-20 10:00:00{T},1,Gift Card,50.00,false,false,"
    "0.00,,",
    f"#3009,anna@example.de,paid,EUR,62.90,0.00,2.06,62.90,2025-12-22 09:00:00{T},1,Bio Kaffee 500g,12.90,true,true,"
    "0.00,DE MwSt 19%,2.06",
    f"#3009,anna@example.de,,,,,,,2025-12-22 09:00:00{T},1,Gift Card,50.00,false,false,,,",
    f"#3010,paul@example.de,paid,EUR,50.00,0.00,0.00,50.00,2026-01-05 12:00:00{T},1,Geschenkgutschein 50 €,50.00,"
    "false,false,0.00,,",
    f"#3011,rosa@example.de,paid,EUR,24.00,0.00,3.83,24.00,2026-01-10 12:00:00{T},1,Espresso Tassen,24.00,true,true,"
    "0.00,DE MwSt 19%,3.83",
]
COLUMNS = ("--columns", "customer_id=Email,date=Created at,amount=Total")


def _read(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / name, index_col=0)


def test_gift_cards_sold_are_taken_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "orders_export.csv", HEADER + "\n".join(ROWS) + "\n"), *COLUMNS)
    revenue = _read(out, "order_revenue_cohorts.csv")
    # by hand, net of the 19% VAT inside: #1003 96.00 - 15.33 = 80.67; #3009 62.90 - 2.06 - 50.00 (its gift card)
    # = 10.84; #3011 24.00 - 3.83 = 20.17; #3008 and #3010 (gift cards only) no purchase
    assert revenue.loc["2025-12", "0"] == pytest.approx(91.51, abs=1e-9)
    assert revenue.loc["2025-12", "1"] == pytest.approx(20.17, abs=1e-9)
    assert revenue.loc["2026-01", "0"] == 0.0  # paul's Geschenkgutschein is no purchase: a cohort of no one
    purchases = _read(out, "purchases.csv")
    assert purchases["buyers"].tolist() == [2, 1] and purchases["returning"].tolist() == [0, 1]  # rosa in 2026-01
    said = capsys.readouterr()
    assert (
        "orders_export.csv: 3 gift card line(s) of 'Lineitem name' sold (150.00), rows 4, 6, 7, taken off their "
        "orders' amount (not shipped, not taxed: gift cards sold); 2 order(s) of gift cards only left out, no purchase"
    ) in said.out + said.err


def test_a_gift_card_line_taxed_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taxed = [
        r.replace("Gift Card,50.00,false,false", "Gift Card,50.00,false,true") if "#3009" in r else r for r in ROWS
    ]
    path = written(tmp_path, "taxed.csv", HEADER + "\n".join(taxed) + "\n")
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err.startswith(
        "taxed.csv, column 'Lineitem name': line items named as gift cards, and 'Lineitem requires shipping' and "
        "'Lineitem taxable' does not say false for them"
    )
    assert "in row 6 (counting the header as row 1): 'Gift Card'" in err
