"""A row a column marks as collecting no money (``is_trial`` true, Paddle's ``origin`` of a card update) holding an
amount is refused (no charge, or a payment?). The check looked only at columns whose names say money ('amount',
'total', ...), not at the column mapped as the amount: with it named 'value' or 'paid', Bob's flagged 30.00 was left
out as "nothing paid yet" and September's month 0 read 30.0 where 60.0 was paid (H495's finding 03, a regression
of cc0619a5). The mapped amount is now always checked, whatever its name; a flagged row of 0.00 is still left out.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written


def _orders(tmp_path: Path, amount: str, flag: str, bob: str, bob_amount: str) -> Path:
    return written(
        tmp_path,
        "o.csv",
        f"email,date,{amount},{flag}\nann@x.com,2026-09-03,30.00,{'0' if flag == 'is_trial' else 'web'}\n"
        f"bob@x.com,2026-09-05,{bob_amount},{bob}\n"
        f"ann@x.com,2026-10-03,30.00,{'0' if flag == 'is_trial' else 'web'}\n",
    )


@pytest.mark.parametrize("amount", ["value", "paid", "Umsatz"])
def test_a_trial_flagged_row_with_money_in_the_mapped_amount_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], amount: str
) -> None:
    path = _orders(tmp_path, amount, "is_trial", "1", "30.00")
    columns = f"customer_id=email,date=date,amount={amount}"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "out")) == (
        f"o.csv, column {amount!r}: rows that 'is_trial' calls a free trial's start with an amount other than 0 (no "
        "charge, or a payment: which is right cannot be told) in row 3 (counting the header as row 1): '30.00': "
        "correct the amount to 0, or remove the rows if they were no payment, or correct 'is_trial'"
    )
    assert not (tmp_path / "out").exists()


def test_a_card_update_with_money_in_the_mapped_amount_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _orders(tmp_path, "charged", "origin", "subscription_payment_method_change", "12.50")
    columns = "customer_id=email,date=date,amount=charged"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "out")) == (
        "o.csv, column 'charged': rows that 'origin' calls a card update with an amount other than 0 (no charge, or a "
        "payment: which is right cannot be told) in row 3 (counting the header as row 1): '12.50': correct the "
        "amount to 0, or remove the rows if they were no payment, or correct 'origin'"
    )


def test_a_trial_flagged_row_of_0_in_the_mapped_amount_is_still_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(tmp_path, "--orders", _orders(tmp_path, "value", "is_trial", "1", "0.00"), "--columns",
              "customer_id=email,date=date,amount=value")  # fmt: skip
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.fillna(-1).values.tolist() == [["2026-09", 30.0, 30.0], ["2026-10", 0.0, -1]]
    assert (
        "o.csv: 1 row(s) of 'is_trial' left out, row 3: a free trial's start ('is_trial' true: nothing paid yet), "
        "no purchase"
    ) in capsys.readouterr().out
