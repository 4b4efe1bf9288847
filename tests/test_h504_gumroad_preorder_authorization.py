"""Gumroad's Sales export writes a pre-order as a row of its price flagged "Pre-order authorization?" 1 (the card
authorized, charged only on release) and the charge on release as a row of its own (flagged 0, its "Pre-order
authorization time (UTC timezone)" the authorization's). The authorization was counted as a purchase: Eve a buyer in
October and a 2026-10 cohort member of 30.00 a month before she paid, success, no note. A flag whose name's words say
a pre-order and an authorization, holding true and false, now marks its true rows as no purchase, left out with a note
naming the column and the rows, whatever their amount (the price authorized, not charged).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

HEADER = (
    "Purchase ID,Item Name,Purchase Email,Purchase Date,Subtotal ($),Taxes ($),Sale Price ($),Fees ($),Net Total ($),"
    "Refunded?,Partial Refund ($),Fully Refunded?,Disputed?,Dispute Won?,Recurring Charge?,Free trial purchase?,"
    "{flag},Pre-order authorization time (UTC timezone),Quantity\n"
)
ROWS = (
    "p1,Course,ann@x.com,2026-09-02,100.00,0.00,100.00,10.00,90.00,0,0.00,0,0,0,0,0,0,,1\n"
    "p2,Course,bob@x.com,2026-09-03,100.00,0.00,100.00,10.00,90.00,1,40.00,0,0,0,0,0,0,,1\n"
    "p3,Membership,ann@x.com,2026-10-02,20.00,0.00,20.00,2.50,17.50,0,0.00,0,0,0,1,0,0,,1\n"
    "p6,Book,eve@x.com,2026-10-07,30.00,0.00,30.00,3.20,26.80,0,0.00,0,0,0,0,0,1,,1\n"
    "p7,Book,eve@x.com,2026-11-05,30.00,0.00,30.00,3.20,26.80,0,0.00,0,0,0,0,0,0,2026-10-07 10:00:00 UTC,1\n"
)
COLUMNS = "customer_id=Purchase Email,date=Purchase Date,amount=Subtotal ($),order_id=Purchase ID"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("flag", ["Pre-order authorization?", "is_preorder_authorization"])
def test_a_preorder_authorization_is_no_purchase_its_charge_on_release_is(
    tmp_path: Path, capsys, flag: str, backend: str
) -> None:
    path = written(tmp_path, "sales.csv", HEADER.format(flag=flag) + ROWS)
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [
        ["2026-09", 2, 0],
        ["2026-10", 1, 1],
        ["2026-11", 1, 0],
    ]
    cohorts = pd.read_csv(out / "order_cohorts.csv").fillna(-1)
    assert cohorts.values.tolist() == [["2026-09", 2, 1, 0], ["2026-10", 0, 0, -1], ["2026-11", 1, -1, -1]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").fillna(-1)
    assert revenue.values.tolist() == [
        ["2026-09", 160.0, 20.0, 0.0],
        ["2026-10", 0.0, 0.0, -1],
        ["2026-11", 30.0, -1, -1],
    ]
    assert (
        f"sales.csv: 1 row(s) of {flag!r} left out, row 5: a pre-order authorized ({flag!r} true: the card is charged "
        "on release, in a row of its own), no purchase"
    ) in capsys.readouterr().out
