"""A subscription on hold is refused with advice that keeps the months it paid (H188 finding 15).

WooCommerce's ``wc-on-hold`` (a renewal failed) was refused as a subscription that does not pay, "to be removed":
removing the row loses the months it paid (102: February to September). Now the refusal says to end it the day it
stopped paying, the renewal it missed (its 'next_payment_date'); following that advice, the file is read.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

SUBS = (
    "subscription_id,subscription_status,customer_email,start_date,next_payment_date,last_payment_date,end_date,"
    "billing_period,billing_interval,order_total\n"
    "101,wc-active,a@x.com,2026-01-05,2026-12-05,2026-11-05,0,month,1,50.00\n"
    "102,{status},b@x.com,2026-02-10,2026-10-10,2026-09-10,{end},month,1,30.00\n"
)
COLUMNS = {"customer_id": "customer_email", "start": "start_date", "end": "end_date", "amount": "order_total",
           "interval": "billing_period", "interval_count": "billing_interval"}  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("status", ["wc-on-hold", "on-hold"])
def test_an_on_hold_subscription_is_told_to_end_not_to_be_removed(tmp_path, backend: str, status: str) -> None:
    (tmp_path / "subs.csv").write_text(SUBS.format(status=status, end="0"))
    with pytest.raises(DataError) as error:
        load_tables(subscriptions=tmp_path / "subs.csv", columns=COLUMNS, backend=backend)
    assert str(error.value) == (
        "subs.csv, column 'subscription_status': subscriptions on hold, a renewal not paid (they pay nothing since, "
        "and paid the periods before it: removing them would lose those months) in row 3 (counting the header as row "
        f"1): {status!r}: give each such row its end the day it stopped paying (the renewal it missed: "
        "'next_payment_date') and a status that says it ended (cancelled); remove a row only where it never paid"
    )
    (tmp_path / "subs.csv").write_text(SUBS.format(status="wc-cancelled", end="2026-10-10"))  # the advice followed
    movements = load_tables(subscriptions=tmp_path / "subs.csv", columns=COLUMNS, backend=backend).movements
    assert movements.loc["2026-09", "customers_end"] == 2  # b's months kept
    assert movements.loc["2026-10", "customers_end"] == 1
