"""Zoho's "Last Billing At" (``last_billing_at``) is proof the export saw that month, as Stripe's "Current Period
Start (UTC)" is: the tables of a complete Zoho export whose last sign-up or cancellation was in May stopped at
2026-05, with a note to export it again "up to 2026-11" (H222's finding 05).

By hand: Acme 1200 a year (100 a month) from January, Beta 3 x 50 from February to its cancellation on 1 May, Gamma
2 x 50 from March, Delta 270 every 6 months (45) from January, Eps 50 from April; Gamma and Eps billed in November
2026: at the end of each month from May to November 4 customers, MRR 295.
"""

import pandas as pd
import pytest
from import_cli import run

ZOHO = (
    "Subscription ID,Customer ID,Customer Name,Plan Code,Status,Activated On,Cancelled On,{last},Next Billing At,"
    "Interval,Interval Unit,Quantity,Plan Price\n"
    "9001,501,Acme,pro-y,live,2026-01-12,,2026-01-12,2027-01-12,1,years,1,1200.00\n"
    "9002,502,Beta,pro-m,cancelled,2026-02-01,2026-05-01,2026-04-01,,1,months,3,50.00\n"
    "9003,503,Gamma,pro-m,live,2026-03-15,,2026-11-15,2026-12-15,1,months,2,50.00\n"
    "9004,504,Delta,pro-h,non_renewing,2026-01-20,,2026-07-20,,6,months,1,270.00\n"
    "9005,505,Eps,pro-m,dunning,2026-04-03,,2026-11-03,2026-12-03,1,months,1,50.00\n"
)
COLUMNS = "start=Activated On,end=Cancelled On,interval=Interval Unit,interval_count=Interval"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("last", ["Last Billing At", "last_billing_at", "Last Charge Date"])
def test_the_last_billing_is_a_month_observed(tmp_path, last: str, backend: str) -> None:
    path = tmp_path / "zoho.csv"
    path.write_text(ZOHO.format(last=last))
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, "--through", "2026-11", backend=backend)
    table = pd.read_csv(out / "movements.csv", dtype={"month": str}).set_index("month")
    assert table.index[-1] == "2026-11"  # was 2026-05 ("if the export was cut short, export it up to 2026-11")
    assert table.loc["2026-05":, "customers_end"].tolist() == [4] * 7
    assert table.loc["2026-05":, "mrr_end"].tolist() == pytest.approx([295.0] * 7, abs=1e-9)
