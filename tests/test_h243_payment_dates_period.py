"""A price mapped as mrr beside a last payment's date and the next one's a year apart (H243's finding 01): Paddle
Classic's "subscription users" export has no interval column; mapped mrr=last_payment_amount, a yearly 1,200.00
(paid 2026-03-10, next payment 2027-03-10) was taken as 1,200 a month under exit 0, no note: MRR at the end of
2026-11 2450 instead of 250 (50 + 1200/12 + 1200/12). The last and next payment dates are the period the payment
paid for, read as a billing period is (reading.period_spans): 2 months or more is refused, naming the columns and rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

PADDLE = (
    "subscription_id,user_email,state,signup_date,last_payment_date,last_payment_amount,next_payment_date,"
    "cancellation_effective_date\n"
    "801,p1@x.com,active,2026-03-10 14:00:00,2026-03-10,1200.00,2027-03-10,\n"
    "802,p2@x.com,active,2026-01-05 14:00:00,2026-11-05,50.00,2026-12-05,\n"
    "803,p3@x.com,deleted,2026-02-01 14:00:00,2026-05-01,50.00,,2026-06-01\n"
)
COLUMNS = "customer_id=user_email,start=signup_date,end=cancellation_effective_date,mrr=last_payment_amount"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "rename",
    [{}, {"last_payment_date": "Last Charge Date", "next_payment_date": "Next Charge Date",
          "last_payment_amount": "Amount Paid"}],
)  # fmt: skip
def test_a_yearly_payment_is_not_taken_as_a_month(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str, rename: dict[str, str]
) -> None:
    text, columns = PADDLE, COLUMNS
    for old, new in rename.items():
        text, columns = text.replace(old, new, 1), columns.replace(old, new)
    path = written(tmp_path, "paddle.csv", text)
    money, last, after = (rename.get(c, c) for c in ("last_payment_amount", "last_payment_date", "next_payment_date"))
    err = refusal(capsys, "--subscriptions", str(path), "--columns", columns, "--backend", backend, "--to-csv",
                  str(tmp_path / "out"))  # fmt: skip
    assert err.startswith(
        f"paddle.csv, column '{money}': '{money}' (taken as mrr) is a price per billing period, and '{last}' to "
        f"'{after}' spans 2 months or more in row 2 (counting the header as row 1): '1200.00 over 2026-03-10 to "
        "2027-03-10 (12 months)'"
    ), err


def test_monthly_payments_are_read(tmp_path: Path) -> None:
    path = written(tmp_path, "paddle.csv", PADDLE.replace("2027-03-10", "2026-04-10").replace("1200.00", "100.00"))
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", COLUMNS) / "movements.csv")
    assert moves.set_index("month").loc["2026-05", "mrr_end"] == 200.0  # p1 100, p2 50, p3 50 (ends 1 June)
    assert moves.set_index("month").loc["2026-06", "mrr_end"] == 150.0
