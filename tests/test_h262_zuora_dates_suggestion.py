"""A Zuora rate plan charge export imported with no mapping was refused suggesting the subscription's dates
(``start=Subscription: Subscription Start Date,end=Subscription: Subscription End Date``), the mapping that counts each
segment of an amended subscription over its whole span (3d66a99d refuses it since, pointing to the charges' own
dates): the suggestion sent the user round in a circle. Where rows of one subscription's dates follow each other by
another pair of dates (the charges' ``Effective Start Date``/``Effective End Date``), those are suggested, and
following the suggestion gives the figures of docs/metrics.md (June new MRR 250, September expansion 50). A Stripe
export's current period (its rows' periods overlap no other row of the same dates) is no such pair.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

ZUORA = (
    "Account: Account Number,Subscription: Name,Subscription: Subscription Start Date,"
    "Subscription: Subscription End Date,Rate Plan Charge: MRR,Rate Plan Charge: Effective Start Date,"
    "Rate Plan Charge: Effective End Date\n"
    "A1,S1,2026-06-03,,50,2026-06-03,\n"
    "A2,S2,2026-06-10,2026-09-10,100,2026-06-10,2026-09-10\n"
    "A3,S3,2026-06-15,2027-06-15,100,2026-06-15,2026-09-15\n"
    "A3,S3,2026-06-15,2027-06-15,150,2026-09-15,2027-06-15\n"
)
CHARGE_DATES = "start=Rate Plan Charge: Effective Start Date,end=Rate Plan Charge: Effective End Date"


def test_the_suggestion_is_each_charges_own_dates_and_following_it_counts_right(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "zuora.csv", ZUORA)
    message = refusal(capsys, "--subscriptions", str(path), "--through", "2026-10", "--to-csv", str(tmp_path / "o"))
    assert message.endswith(
        f"map them: --columns '{CHARGE_DATES},customer_id=Account: Account Number' (in Python: columns={{'start': "
        "'Rate Plan Charge: Effective Start Date', 'end': 'Rate Plan Charge: Effective End Date', 'customer_id': "
        "'Account: Account Number'}): each row's own dates, as rows of one subscription "
        "follow each other by 'Rate Plan Charge: Effective Start Date' and 'Rate Plan Charge: Effective End Date' (a "
        "plan changed mid-term: segments, each counted from its own start)"
    )
    assert "Subscription Start Date," not in message.split("map them:")[1]
    columns = f"customer_id=Account: Account Number,mrr=Rate Plan Charge: MRR,{CHARGE_DATES}"
    out = run(tmp_path, "--subscriptions", path, "--columns", columns, "--through", "2026-10")
    table = pd.read_csv(out / "movements.csv").set_index("month")
    assert table.loc["2026-06", "new_mrr"] == 250.0  # 50 + 100 + 100: the Pro segment only
    assert table.loc["2026-09", "expansion_mrr"] == 50.0  # Pro 100 -> Enterprise 150
    assert table.loc["2026-09", "churned_mrr"] == 100.0  # A2 ended 2026-09-10
    assert table["mrr_end"].tolist() == [250.0, 250.0, 250.0, 200.0, 200.0]


def test_a_stripe_exports_current_period_is_not_suggested(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(
        tmp_path,
        "stripe.csv",
        "Customer ID,Plan,Amount,Interval,Created (UTC),Ended At (UTC),Current Period Start (UTC),"
        "Current Period End (UTC)\n"
        "cus_1,pro,50,month,2026-06-03,,2026-09-03,2026-10-03\n"
        "cus_2,pro,50,month,2026-06-10,,2026-09-10,2026-10-10\n",
    )
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert message.endswith(
        "map them: --columns 'start=Created (UTC),end=Ended At (UTC)' (in Python: columns={'start': 'Created (UTC)', "
        "'end': 'Ended At (UTC)'})"
    )
