"""Chargebee's multi-decimal pricing (H161 finding 06): ``plan_quantity_in_decimal`` 2.5 beside ``plan_quantity`` 1
was left out silently (MRR 10.00 for 25.00), and a row with only the ``_in_decimal`` price refused as "missing values"
without a word of the column holding it. A blank quantity or price is now taken from its ``_in_decimal`` column with a
note; two that differ are refused naming both."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

HEADER = (
    "subscriptions.id,subscriptions.customer_id,subscriptions.plan_quantity,subscriptions.plan_quantity_in_decimal,"
    "subscriptions.plan_unit_price,subscriptions.plan_unit_price_in_decimal,subscriptions.billing_period,"
    "subscriptions.billing_period_unit,subscriptions.status,subscriptions.started_at,subscriptions.currency_code\n"
)
SECOND = "sub_2,cus_B,1,,49.00,,1,month,active,2026-07-01,USD\n"
COLUMNS = {"start": "subscriptions.started_at"}


def _load(tmp_path, first: str):
    path = tmp_path / "chargebee.csv"
    path.write_text(HEADER + first + SECOND)
    return load_tables(subscriptions=path, columns=COLUMNS)


def test_a_blank_quantity_and_price_are_taken_from_their_decimal_columns(tmp_path) -> None:
    tables = _load(tmp_path, "sub_1,cus_A,,2.5,,10.00,1,month,active,2026-06-10,USD\n")
    mrr = dict(zip(tables.movements.index.astype(str), tables.movements["mrr_end"], strict=True))
    assert (mrr["2026-06"], mrr["2026-07"]) == (25.0, 74.0)
    assert any("'subscriptions.plan_quantity' blank where 'subscriptions.plan_quantity_in_decimal' holds it" in n
               for n in tables.notes)  # fmt: skip


def test_a_decimal_quantity_other_than_the_whole_one_is_refused(tmp_path) -> None:
    with pytest.raises(DataError) as caught:
        _load(tmp_path, "sub_1,cus_A,1,2.5,10.00,10.00,1,month,active,2026-06-10,USD\n")
    assert str(caught.value) == (
        "chargebee.csv, column 'subscriptions.plan_quantity_in_decimal': quantity in decimals (Chargebee's "
        "multi-decimal pricing) other than the one in 'subscriptions.plan_quantity' (which one was billed cannot be "
        "told) in row 2 (counting the header as row 1): '2.5 beside 1': map the one billed, --columns "
        "quantity=subscriptions.plan_quantity_in_decimal, or blank the other"
    )
