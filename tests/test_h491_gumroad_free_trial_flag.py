"""Gumroad's Sales export marks a membership's free trial start with "Free trial purchase?" 1 on a row of 0.00: it
was counted as a buyer and as a 2026-10 order cohort of 1, success, no note (H484's finding 04), where the App Store's
"Subscription Offer Type" 'Free Trial' is left out. A flag column whose name's words say a free trial (and words such
as 'free', 'is', 'purchase') holding true and false is read so: a row flagged true of 0.00 is no purchase, left out
with a note naming it; one with an amount is refused (no charge, or a payment?), as the other no-charge columns are.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = (
    "Purchase ID,Item Name,Purchase Email,Purchase Date,Subtotal ($),Taxes ($),Sale Price ($),Fees ($),Net Total ($),"
    "Refunded?,Partial Refund ($),Fully Refunded?,Disputed?,Dispute Won?,Recurring Charge?,{flag},"
    "Pre-order authorization?,Quantity\n"
)
ROWS = (
    "p1,Course,ann@x.com,2026-09-02,100.00,0.00,100.00,10.00,90.00,0,0.00,0,0,0,0,0,0,1\n"
    "p2,Course,bob@x.com,2026-09-03,100.00,0.00,100.00,10.00,90.00,1,40.00,0,0,0,0,0,0,1\n"
    "p3,Membership,ann@x.com,2026-10-02,20.00,0.00,20.00,2.50,17.50,0,0.00,0,0,0,1,0,0,1\n"
    "p6,Membership,eve@x.com,2026-10-07,{eve},0.00,{eve},0.00,{eve},0,0.00,0,0,0,0,1,0,1\n"
)
COLUMNS = "customer_id=Purchase Email,date=Purchase Date,amount=Subtotal ($),order_id=Purchase ID"


def _sales(tmp_path: Path, flag: str = "Free trial purchase?", eve: str = "0.00") -> Path:
    path = tmp_path / "sales.csv"
    path.write_text(HEADER.format(flag=flag) + ROWS.format(eve=eve), encoding="utf-8")
    return path


@pytest.mark.parametrize("flag", ["Free trial purchase?", "is_trial", "Trial Order"])
def test_a_free_trials_start_is_no_buyer_and_no_cohort(tmp_path: Path, capsys, flag: str) -> None:
    out = run(tmp_path, "--orders", _sales(tmp_path, flag), "--columns", COLUMNS)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-09", 2, 0], ["2026-10", 1, 1]]
    cohorts = pd.read_csv(out / "order_cohorts.csv")
    assert cohorts.fillna(-1).values.tolist() == [["2026-09", 2, 1], ["2026-10", 0, -1]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.iloc[0].tolist() == ["2026-09", 160.0, 20.0]
    assert (
        f"sales.csv: 1 row(s) of {flag!r} left out, row 5: a free trial's start ({flag!r} true: nothing paid yet), "
        "no purchase"
    ) in capsys.readouterr().out


def test_a_row_flagged_a_free_trial_with_an_amount_is_refused(tmp_path: Path, capsys) -> None:
    assert refusal(
        capsys, "--orders", str(_sales(tmp_path, eve="20.00")), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o")
    ) == (  # fmt: skip
        "sales.csv, column 'Subtotal ($)': rows that 'Free trial purchase?' calls a free trial's start with an amount "
        "other than 0 (no charge, or a payment: which is right cannot be told) in row 5 (counting the header as row "
        "1): '20.00': correct the amount to 0, or remove the rows if they were no payment, or correct 'Free trial "
        "purchase?'"
    )
