"""Import faults found by a reviewer (H45, sixth review): each test on its own small input, pandas and DuckDB.

* 1: a later positive order naming an earlier one as its parent (a renewal, a re-order) is an order of its own; only
  a refund (a negative amount, a refund type or status) with a parent is taken off its parent (was refused as a row
  of the parent 'with another date').
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

BACKENDS = ["pandas", "duckdb"]
WOO_COLUMNS = "customer_id=billing_email,date=date_created,amount=total"


# -- 1: a positive order with a parent order id is an order of its own ----------------------------------------------
RENEWALS = (
    "order_id,parent_order_id,status,date_created,billing_email,total\n"
    "100,,completed,2026-01-10 10:00:00,ann@x.com,80.00\n"
    "200,100,completed,2026-02-10 10:00:00,ann@x.com,80.00\n"
    "300,,completed,2026-02-11 10:00:00,bob@x.com,30.00\n"
)


@pytest.mark.parametrize("backend", BACKENDS)
def test_1_a_positive_order_naming_a_parent_is_an_order_of_its_own(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "renewals.csv"
    path.write_text(RENEWALS)
    out = run(tmp_path, "--orders", path, "--columns", WOO_COLUMNS, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-01", 1, 0], ["2026-02", 2, 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")[["0", "1"]].values.tolist()[0] == [80.0, 80.0]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("amount", ["-20.00", "(20.00)"])
def test_1_a_refund_naming_a_parent_is_still_taken_off_it(tmp_path: Path, backend: str, amount: str) -> None:
    path = tmp_path / "refund.csv"
    path.write_text(RENEWALS.replace("ann@x.com,80.00\n300", f"ann@x.com,{amount}\n300"))
    out = run(tmp_path, "--orders", path, "--columns", WOO_COLUMNS, backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-01", 1], ["2026-02", 1]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [60.0, 30.0]
