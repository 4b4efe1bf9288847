"""Recurly's ``total_recurring_amount`` (``unit_amount`` x ``quantity`` + ``add_ons_total``) mapped as the amount was
refused for ``add_ons_total``: "MRR = amount x quantity ... leaves them out: add them into the amount" (H484 finding
09), advice that counts the add-ons twice. An amount every row proves holds them is read as it is: end of Jun 2
customers / 98.0, Jul 3 / 173.0, Aug-Nov 2 / 124.0 (acc3 expires 2026-08-10); beside ``unit_amount`` the refusal
stays, naming the total that holds them; a total that does not hold them on some row is still refused.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
SUBS = (
    "uuid,account_code,plan_code,state,quantity,unit_amount,currency,plan_interval_length,plan_interval_unit,"
    "activated_at,canceled_at,expires_at,current_period_started_at,add_ons_total,total_recurring_amount\n"
    "u1,acc1,pro-m,active,1,49.00,USD,1,months,2026-06-01 10:00:00 UTC,,,2026-11-01 10:00:00 UTC,0.00,49.00\n"
    "u3,acc3,pro-m,expired,1,49.00,USD,1,months,2026-06-10 10:00:00 UTC,2026-07-25 10:00:00 UTC,"
    "2026-08-10 10:00:00 UTC,2026-07-10 10:00:00 UTC,0.00,49.00\n"
    "u4,acc4,team-m,active,1,60.00,USD,1,months,2026-07-01 10:00:00 UTC,,,2026-11-01 10:00:00 UTC,15.00,{total}\n"
)
MAPPED = "customer_id=account_code,start=activated_at,end=expires_at,amount="
PROBLEM = (
    "subs.csv, column 'add_ons_total': add-on prices or quantities, which the subscription pays beside its plan (MRR = "
    "amount x quantity / months per interval leaves them out): add them into the amount (price x quantity + add-on "
    "price x add-on quantity, per interval), or remove the column if they are free in row 4 (counting the header as "
    "row 1): '15.00'"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_total_holding_the_add_ons_is_read(tmp_path: Path, backend: str) -> None:
    path = written(tmp_path, "subs.csv", SUBS.format(total="75.00"))
    args = ["--through", "2026-11", "--columns", MAPPED + "total_recurring_amount"]
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, *args, backend=backend) / "movements.csv")
    assert movements[["month", "customers_end", "mrr_end"]].values.tolist() == [
        ["2026-06", 2, 98.0],
        ["2026-07", 3, 173.0],
        ["2026-08", 2, 124.0],
        ["2026-09", 2, 124.0],
        ["2026-10", 2, 124.0],
        ["2026-11", 2, 124.0],
    ]


def test_the_unit_price_beside_the_add_ons_is_refused_naming_the_total(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "subs.csv", SUBS.format(total="75.00"))
    err = refusal(
        capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"), "--columns", MAPPED + "unit_amount"
    )
    assert err == PROBLEM + ": 'total_recurring_amount' holds them: map it (--columns amount=total_recurring_amount)"


def test_a_total_without_the_add_ons_is_refused(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "subs.csv", SUBS.format(total="60.00"))  # 60.00 x 1 + 15.00 is not 60.00
    args = ["--to-csv", str(tmp_path / "o"), "--columns", MAPPED + "total_recurring_amount"]
    assert refusal(capsys, "--subscriptions", str(path), *args) == PROBLEM
