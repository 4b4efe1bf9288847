"""rfm_summary reads an orders table by the import's own reading (H39 finding 02): on a Shopify line-item export it
counted voided and refunded orders as purchases through their later line-item rows (their status blank: only an
order's first row carries it), and refused ``amount="Total"`` (blank on an order's later rows) that import reads."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import xl_retention as xr

HEADER = "Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,"
SHOPIFY = f"""{HEADER}Lineitem price,Cancelled at
#1001,a@shop.example,paid,2026-01-05 10:00:00 -0500,USD,30.00,30.00,2026-01-05 10:00:00 -0500,1,Mug,10.00,
#1001,a@shop.example,,,,,,2026-01-05 10:00:00 -0500,1,Tee,20.00,
#1002,b@shop.example,voided,,USD,30.00,30.00,2026-01-10 11:00:00 -0500,1,Mug,10.00,2026-01-10 12:00:00 -0500
#1002,b@shop.example,,,,,,2026-01-10 11:00:00 -0500,1,Tee,20.00,
#1003,a@shop.example,refunded,2026-02-10 09:00:00 -0500,USD,30.00,30.00,2026-02-10 09:00:00 -0500,1,Mug,10.00,
#1003,a@shop.example,,,,,,2026-02-10 09:00:00 -0500,1,Tee,20.00,
#1004,A@Shop.example,paid,2026-03-02 09:00:00 -0500,USD,45.00,45.00,2026-03-02 09:00:00 -0500,1,Mug,10.00,
#1004,,,,,,,,1,Tee,35.00,
#1005,c@shop.example,pending,,USD,12.00,12.00,2026-03-20 09:00:00 -0500,1,Mug,12.00,
#1005,c@shop.example,,,,,,2026-03-20 09:00:00 -0500,1,Tee,0.00,
"""


def _shopify() -> pd.DataFrame:
    return pd.read_csv(io.StringIO(SHOPIFY))


def test_an_orders_later_line_items_are_that_order_paid_or_not() -> None:
    got = xr.rfm_summary(_shopify(), customer_id="Email", date="Created at", amount=None, period="M")
    # a@ paid #1001 (January) and #1004 (March, its second line without the e-mail; 'A@Shop' is a@); #1003 was
    # refunded, b@'s only order voided, c@'s pending: b@ and c@ never bought
    assert got.index.tolist() == ["a@shop.example"]
    assert got.loc["a@shop.example"].to_dict() == {"frequency": 1.0, "recency": 2.0, "T": 2.0}


def test_shopifys_total_on_an_orders_first_row_is_its_amount() -> None:
    got = xr.rfm_summary(_shopify(), customer_id="Email", date="Created at", amount="Total", period="M")
    assert got.loc["a@shop.example"].to_dict() == {"frequency": 1.0, "recency": 2.0, "T": 2.0, "monetary_value": 45.0}


def test_the_order_id_can_be_named() -> None:
    orders = pd.DataFrame(
        {"Kunde": ["k1", "k1", "k1", "k2"], "Datum": ["2026-01-05", "2026-01-05", "2026-01-20", "2026-01-07"],
         "Betrag": [10.0, 5.0, 8.0, 3.0], "Beleg": ["R1", "R1", "R2", "R3"]}
    )  # fmt: skip
    named = dict(customer_id="Kunde", date="Datum", amount="Betrag", period="D", observation_end="2026-01-31")
    with pytest.raises(xr.NotANumberError, match="share a value of 'Beleg' .*map it as the order id, order_id=Beleg"):
        xr.rfm_summary(orders, **named)  # R1's two rows: two orders, or one? (the import refuses it so)
    got = xr.rfm_summary(orders, order_id="Beleg", **named)
    assert got.loc["k1"].to_dict() == {"frequency": 1.0, "recency": 15.0, "T": 26.0, "monetary_value": 8.0}
    assert got.loc["k2"].to_dict() == {"frequency": 0.0, "recency": 0.0, "T": 24.0, "monetary_value": 0.0}
    with pytest.raises(xr.NotANumberError, match="no column 'Order' \\(the order_id column\\)"):
        xr.rfm_summary(orders, order_id="Order", **named)


def test_a_line_item_export_without_its_order_id_is_refused_in_one_line() -> None:
    orders = _shopify().rename(columns={"Name": "Nummer"})
    with pytest.raises(xr.NotANumberError) as caught:
        xr.rfm_summary(orders, customer_id="Email", date="Created at", amount="Total", period="M")
    assert str(caught.value).startswith(
        "orders: 'Lineitem quantity' says one row per line item, but no order id column was found: every line item "
        "would count as an order; map it: order_id=NAME (Shopify: order_id=Name)"
    )
    assert "\n" not in str(caught.value)


def test_the_column_named_exactly_is_taken_beside_one_spelled_otherwise() -> None:
    orders = pd.DataFrame(
        {"customer_id": ["a", "a"], "date": ["2026-01-05", "2026-02-05"], "Amount": [1000, 2000],
         "amount": [10.0, 20.0]}
    )  # fmt: skip
    got = xr.rfm_summary(orders, period="M")
    assert got.loc["a"].to_dict() == {"frequency": 1.0, "recency": 1.0, "T": 1.0, "monetary_value": 20.0}


def test_an_observation_end_after_today_is_refused() -> None:
    """H190 finding 09: an end after today (a year's end typed early, a typo of the year) was accepted and T counted
    days never observed as days without purchases, biasing the BG/NBD fit; today itself is fine."""
    orders = pd.DataFrame({"customer_id": ["a", "a"], "date": ["2026-01-05", "2026-02-05"]})
    later = (pd.Timestamp.today().normalize() + pd.Timedelta(days=1)).date()
    with pytest.raises(ValueError, match=rf"^observation_end '{later}' \({later}\) is after today \("):
        xr.rfm_summary(orders, amount=None, observation_end=str(later))
    today = pd.Timestamp.today().normalize()
    summary = xr.rfm_summary(orders, amount=None, observation_end=str(today.date()))
    assert summary.loc["a", "T"] == float((today - pd.Timestamp("2026-01-05")).days)
