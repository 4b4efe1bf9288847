"""H569 finding 02's last lines: an orders' status column named as a stage ("Order Stage", ``Stage``) of Open and
Closed was ignored: an open order counted as a purchase. It is refused as under 'Status'; a CRM's won deals'
``Stage`` (all Closed Won) stays read as sales."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
COLUMNS = "customer_id=Customer,date=Date,amount=Amount"


@pytest.mark.parametrize("column", ["Order Stage", "Stage", "Sales Stage"])
def test_an_order_stage_of_unknown_statuses_is_refused(tmp_path: Path, capsys, column: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(f"Customer,Date,Amount,{column}\nK1,2026-01-05,10,Closed\nK2,2026-01-06,20,Open\n")
    message = refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert message == (
        f"orders.csv, column {column!r}: order statuses that say neither paid nor unpaid (whether these were purchases "
        "cannot be told: give them the status completed where they were paid, cancelled where they were not) in row 3 "
        "(counting the header as row 1): 'Open'"
    )


def test_won_deals_stage_stays_read(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Customer,Date,Amount,Stage\nK1,2026-01-05,10,Closed Won\nK2,2026-01-06,20,Closed Won\n")
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS)
    cohorts = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert cohorts.iloc[0, 1] == 30.0
