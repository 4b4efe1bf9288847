"""RevenueCat's transactions export with a free trial's row (H243's finding 08): user A's 7-day trial
(``is_trial_period`` true, ``price_in_usd`` 0) was refused as "subscriptions that ended with MRR 0, as a list with
today's MRR gives them", though the file flags it as a trial. A row flagged as a trial and priced 0 pays nothing and
counts nowhere (a trial is not MRR), as a family member's row priced 0 does; A pays from its first paid month.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

RC = (
    "rc_original_app_user_id,product_identifier,start_time,end_time,store,is_trial_period,price_in_usd,"
    "ownership_type,product_duration\n"
    "A,pro_monthly,2026-01-05 10:00:00,2026-01-12 10:00:00,app_store,true,0,PURCHASED,P1M\n"
    "A,pro_monthly,2026-01-12 10:00:00,2026-02-12 10:00:00,app_store,false,9.99,PURCHASED,P1M\n"
    "A,pro_monthly,2026-02-12 10:00:00,2026-03-12 10:00:00,app_store,false,9.99,PURCHASED,P1M\n"
    "D,pro_monthly,2026-02-20 10:00:00,2026-03-20 10:00:00,app_store,false,9.99,PURCHASED,P1M\n"
    "D,pro_monthly,2026-03-20 10:00:00,2026-04-20 10:00:00,app_store,false,9.99,PURCHASED,P1M\n"
)
COLUMNS = "customer_id=rc_original_app_user_id,start=start_time,end=end_time,amount=price_in_usd"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_free_trials_row_counts_nowhere(tmp_path: Path, backend: str) -> None:
    path = written(tmp_path, "revenuecat.csv", RC)
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, backend=backend) / "movements.csv")
    assert moves[["month", "new", "lost", "customers_end", "mrr_end"]].values.tolist() == [
        ["2026-01", 1, 0, 1, 9.99], ["2026-02", 1, 0, 2, 19.98], ["2026-03", 0, 1, 1, 9.99],
        ["2026-04", 0, 1, 0, 0.0],
    ]  # fmt: skip
