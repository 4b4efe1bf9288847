"""H569 finding 06: a subscriptions' status column named as a stage or phase (Odoo's 'Subscription Stage': In
Progress, Closed, Upsell) none of whose values is known was ignored: a Closed subscription counted as paying. It is
refused naming the column and its values, as a column named 'Status' is."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("column", ["Subscription Stage", "Stage", "Lifecycle Stage"])
def test_a_stage_column_of_unknown_statuses_is_refused(tmp_path: Path, capsys, backend: str, column: str) -> None:
    path = tmp_path / "odoo.csv"
    path.write_text(f"Customer,Start Date,End Date,Monthly Recurring,{column}\nAcme,2026-01-01,,100.00,In Progress\n"
                    "Beta,2026-01-15,,50.00,Closed\nGamma,2026-02-01,,80.00,Upsell\n")  # fmt: skip
    columns = "customer_id=Customer,start=Start Date,end=End Date,mrr=Monthly Recurring"
    message = refusal(capsys, "--subscriptions", str(path), "--columns", columns, "--backend", backend, "--to-csv",
                      str(tmp_path / "o"))  # fmt: skip
    assert message == (
        f"odoo.csv, column {column!r}: statuses none of which this import knows, in a column named as a status "
        "(whether each row pays cannot be told) in rows 2, 3, 4 (counting the header as row 1): 'In Progress', "
        "'Closed', 'Upsell': rename them to active, canceled, trialing, paused or remove those rows"
    )


def test_a_pricing_phase_column_is_no_status(tmp_path: Path) -> None:
    # Stripe's subscription schedules number their phases: a 'Phase' of 1 and 2 is no status (H581's finding 04)
    path = tmp_path / "s.csv"
    path.write_text("customer_id,month,mrr,Phase\na,2026-01,100,1\nb,2026-01,50,2\na,2026-02,100,2\n")
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path) / "movements.csv")
    assert movements[["month", "customers_end", "mrr_end"]].values.tolist() == [["2026-01", 2, 150.0],
                                                                                ["2026-02", 1, 100.0]]  # fmt: skip
