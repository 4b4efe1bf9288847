"""``relational.subscription_tables(through=)`` and ``import --through`` agree on intervals (H253's finding 01).

A Stripe-style subscriptions export whose latest start is 2026-03-15 and latest end 2026-05-01 (its last month,
2026-05: a loss). H253 found the two disagreeing (the import ended at 2026-05, Python ran on to 2026-09) and made
both end at 2026-05. H295's finding 01 (H297) decided what ``through`` means: the user says the export covers that
month, so its open subscriptions are active through it (June to September: 3 customers, MRR 201.48 each month), in
both (docs/metrics.md, "Months not observed yet").
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

from xl_retention import relational

SUBS = """Customer ID,Start Date (UTC),Ended At (UTC),Plan Amount,Plan Interval,Plan Interval Count,Quantity
cus_1,2026-01-10,,1200,year,1,1
cus_2,2026-01-05,2026-04-05,50,month,1,3
cus_3,2026-02-01,2026-05-01,300,month,3,1
cus_4,2026-03-15,,10,week,1,1
cus_5,2026-02-20,,29,month,1,2
"""
COLUMNS = {"start": "Start Date (UTC)", "end": "Ended At (UTC)"}
WEEKLY = 10 * 30.4375 / 7  # 43.482142857142854: a week's 10 as MRR (docs/metrics.md)


def _python(through: str) -> pd.DataFrame:
    iv = pd.read_csv(io.StringIO(SUBS))
    return relational.subscription_tables(iv, columns=COLUMNS, through=through, backend="duckdb").movements


@pytest.mark.filterwarnings("ignore")
def test_through_after_the_last_month_runs_open_subscriptions_to_it_as_the_import(tmp_path: Path) -> None:
    m = _python("2026-09")
    assert [str(p) for p in m.index] == [f"2026-0{n}" for n in range(1, 10)]
    assert m["customers_end"].tolist() == [2, 4, 5, 4, 3, 3, 3, 3, 3]
    assert m["mrr_end"].tolist() == pytest.approx([250, 408, 408 + WEEKLY, 258 + WEEKLY] + [158 + WEEKLY] * 5,
                                                  rel=1e-15)  # fmt: skip
    assert m["churned_mrr"].tolist() == pytest.approx([0, 0, 0, 150, 100, 0, 0, 0, 0], rel=1e-15)
    path = written(tmp_path, "subs.csv", SUBS)
    cli = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", "start=Start Date (UTC),end=Ended At (UTC)",
                          "--through", "2026-09") / "movements.csv")  # fmt: skip
    assert cli["month"].tolist() == [str(p) for p in m.index]
    assert cli["customers_end"].tolist() == m["customers_end"].tolist()
    assert cli["mrr_end"].tolist() == pytest.approx(m["mrr_end"].tolist(), rel=1e-15)


@pytest.mark.filterwarnings("ignore")
def test_through_within_the_data_still_ends_there() -> None:
    m = _python("2026-04")
    assert [str(p) for p in m.index] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert m["customers_end"].tolist() == [2, 4, 5, 4]
    assert m["lost"].tolist() == [0, 0, 0, 1]  # cus_2, ended 2026-04-05; cus_3's loss (2026-05) is after it
