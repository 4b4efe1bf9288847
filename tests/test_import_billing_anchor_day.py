"""Lemon Squeezy's ``billing_anchor`` is the day of the month a subscription renews (1-31), not a seat count: it was
refused as "a quantity (seats, licences)?", advising --columns quantity=billing_anchor, which multiplied each MRR by
its renewal day (November 1,029.50 instead of 82.17, exit 0; H222's finding 02). A column of whole numbers named as
an anchor or a day ('Billing Day', 'BillingDayOfMonth') is read past, as a year or an id is.

By hand: Cid 29 a month from 10 January (ends 10 June), Bob 290 a year (24.1667 a month) from 15 February, Ann 29
from 3 March, Dee 29 from 20 April; Bob's and Dee's 'cancelled' end after November: they still pay.
"""

import pandas as pd
import pytest
from import_cli import run

HEADER = "id,customer_id,user_email,status,cancelled,{day},renews_at,ends_at,created_at,price,interval\n"
ROWS = (
    "101,9001,ann@x.com,active,false,3,2026-12-03T10:00:00.000000Z,,2026-03-03T10:00:00.000000Z,29.00,month\n"
    "102,9002,bob@x.com,cancelled,true,15,2027-02-15T10:00:00.000000Z,2027-02-15T10:00:00.000000Z,"
    "2026-02-15T10:00:00.000000Z,290.00,year\n"
    "103,9003,cid@x.com,expired,true,10,,2026-06-10T10:00:00.000000Z,2026-01-10T10:00:00.000000Z,29.00,month\n"
    "104,9004,dee@x.com,cancelled,true,20,2026-12-20T10:00:00.000000Z,2026-12-20T10:00:00.000000Z,"
    "2026-04-20T10:00:00.000000Z,29.00,month\n"
)
MAPPING = "start=created_at,end=ends_at,amount=price"
BOB = 290 / 12


@pytest.mark.parametrize("day", ["billing_anchor", "BillingAnchor", "Billing Day", "BillingDayOfMonth"])
def test_a_renewal_day_is_no_seat_count(tmp_path, day: str) -> None:
    path = tmp_path / "lemonsqueezy.csv"
    path.write_text(HEADER.format(day=day) + ROWS)
    out = run(tmp_path, "--subscriptions", path, "--columns", MAPPING, "--through", "2026-11")
    movements = pd.read_csv(out / "movements.csv", dtype={"month": str}).set_index("month")
    assert movements["customers_end"].tolist() == [1, 2, 3, 4, 4, 3, 3, 3, 3, 3, 3]
    expected = [29, 29 + BOB, 58 + BOB, 87 + BOB, 87 + BOB] + [58 + BOB] * 6  # Cid lost in June
    assert movements["mrr_end"].tolist() == pytest.approx(expected, abs=1e-9)
