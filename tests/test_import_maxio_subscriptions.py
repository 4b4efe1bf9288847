"""Maxio's (Chargify's) subscriptions export (H161 finding 01): its product's price, interval and interval unit as
``product_price_in_cents``, ``product_interval``, ``product_interval_unit`` (the subscription object's
product.price_in_cents, product.interval, product.interval_unit). The price was refused as "prices beside the
amount" though no amount was mapped (untrue: it is the price), and the first run advised interval=product_handle.
They are now read as the billing columns (the price divided by 100); and a price column beside no amount is named
as the amount to map, not refused as an extra."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

MAXIO = """id,state,customer_id,product_handle,product_price_in_cents,product_interval,product_interval_unit,currency,activated_at,canceled_at
51000001,active,8800001,pro-annual,120000,12,month,USD,2025-03-01T09:00:00-05:00,
51000002,active,8800002,basic,4900,1,month,USD,2025-04-11T09:00:00-05:00,
51000003,canceled,8800003,basic,4900,1,month,USD,2025-05-05T09:00:00-05:00,2026-04-05T09:00:00-05:00
51000004,active,8800004,team-quarterly,30000,3,month,USD,2025-06-20T09:00:00-05:00,
"""  # noqa: E501


def test_maxio_s_product_price_and_interval_are_the_billing_columns(tmp_path) -> None:
    path = tmp_path / "maxio_subs.csv"
    path.write_text(MAXIO)
    movements = load_tables(subscriptions=path, columns={"start": "activated_at", "end": "canceled_at"}).movements
    mrr = dict(zip(movements.index.astype(str), movements["mrr_end"].round(2), strict=True))
    assert (mrr["2025-03"], mrr["2025-04"], mrr["2025-06"], mrr["2026-03"], mrr["2026-04"]) == (
        100.0, 149.0, 298.0, 298.0, 249.0
    )  # fmt: skip


def test_a_price_beside_no_amount_is_named_as_the_amount_to_map(tmp_path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer,start,plan_interval,Subscription Price\na,2025-01-05,month,30\nb,2025-02-05,year,240\n")
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions=path, columns={"customer_id": "customer"})
    assert str(caught.value) == (
        "subs.csv: a billing interval column ('plan_interval') needs the price per interval: an 'amount' column, or "
        "map it: --columns amount=NAME (in Python: columns={'amount': 'NAME'}); 'Subscription Price' is named as a "
        "price: --columns 'amount=Subscription Price'"
    )
