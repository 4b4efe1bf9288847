"""RevenueCat's Scheduled Data Export (one row per transaction, H152 finding 03 part b): a Family Sharing member's row
(``ownership_type`` FAMILY_SHARED, priced 0, access running on) was refused as a subscription that "ended with MRR
0" (untrue: it never paid; the purchaser's row carries the price), and ``unsubscribe_detected_at`` (when auto-renew
was turned off: paying to the end of the period) as a date that may end or pause service. Now the member's row adds
nothing, a member's row with a price is refused (it would count the subscription twice), and the unsubscribe date
changes nothing beside the mapped end."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ROWS = """user,start,end,price,ownership_type,unsubscribe_detected_at,sub
u1,2026-01-10,2026-02-10,9.99,PURCHASED,,t1
u1,2026-02-10,2026-03-10,9.99,PURCHASED,2026-02-20,t1
u2,2026-01-15,2027-01-15,120.00,PURCHASED,,t2
u4,2026-02-05,2027-01-15,{shared},FAMILY_SHARED,,t4
"""
COLUMNS = {"customer_id": "user", "start": "start", "end": "end", "mrr": "price", "subscription_id": "sub"}


def _movements(tmp_path, shared: str = "0.0"):
    path = tmp_path / "rc.csv"
    path.write_text(ROWS.format(shared=shared))
    return load_tables(subscriptions=path, columns=COLUMNS).movements.iloc[:4]  # to 2026-04


def test_a_family_members_row_priced_zero_adds_nothing(tmp_path) -> None:
    movements = _movements(tmp_path)
    assert movements.index.astype(str).tolist() == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert movements["customers_end"].tolist() == [2, 2, 1, 1]
    assert movements["mrr_end"].round(2).tolist() == [129.99, 129.99, 120.0, 120.0]
    assert movements["lost"].tolist() == [0, 0, 1, 0]  # u1 at the end of the period it unsubscribed in


def test_a_family_members_row_with_a_price_is_refused(tmp_path) -> None:
    with pytest.raises(DataError) as caught:
        _movements(tmp_path, "120.00")
    assert str(caught.value) == (
        "rc.csv, column 'ownership_type': family members' rows with a price (the purchaser's row carries the price: "
        "counted here too, the subscription would count twice) in row 5 (counting the header as row 1): "
        "'FAMILY_SHARED': write their price as 0, or remove them"
    )


def test_an_ownership_not_known_is_refused(tmp_path) -> None:
    path = tmp_path / "rc.csv"
    path.write_text(ROWS.format(shared="0.0").replace("FAMILY_SHARED", "GIFTED"))
    with pytest.raises(DataError, match=r"^rc.csv, column 'ownership_type': ownership types not known .* 'GIFTED'"):
        load_tables(subscriptions=path, columns=COLUMNS)


PROMOTIONAL = """rc_original_app_user_id,start_time,end_time,price_in_usd,store,sub
u1,2026-01-10,2026-02-10,9.99,app_store,t1
u1,2026-02-10,2026-03-10,9.99,app_store,t1
u2,2026-01-15,2027-01-15,120.00,play_store,t2
u9,2026-02-01,2026-05-01,0.0,promotional,p9
"""
PROMOTIONAL_COLUMNS = {"customer_id": "rc_original_app_user_id", "start": "start_time", "end": "end_time",
                       "mrr": "price_in_usd", "subscription_id": "sub"}  # fmt: skip


def test_a_promotional_grant_priced_zero_adds_nothing(tmp_path) -> None:
    """RevenueCat's store 'promotional' (an entitlement granted in RevenueCat) was refused as 'ended with MRR 0'."""
    path = tmp_path / "rc.csv"
    path.write_text(PROMOTIONAL)
    movements = load_tables(subscriptions=path, columns=PROMOTIONAL_COLUMNS).movements.iloc[:4]
    assert movements["customers_end"].tolist() == [2, 2, 1, 1]
    assert movements["mrr_end"].round(2).tolist() == [129.99, 129.99, 120.0, 120.0]


def test_a_store_column_of_another_export_is_not_read_so(tmp_path) -> None:
    path = tmp_path / "rc.csv"
    path.write_text(PROMOTIONAL.replace("rc_original_app_user_id", "user"))
    columns = PROMOTIONAL_COLUMNS | {"customer_id": "user"}
    with pytest.raises(DataError, match=r"^rc.csv, column 'price_in_usd': subscriptions that ended with MRR 0"):
        load_tables(subscriptions=path, columns=columns)
