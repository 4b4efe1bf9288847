"""Salesforce's won opportunities' ``Type`` (New Business, Existing Business) are sales (H527 finding 04).

A Salesforce opportunities report of won deals (``Stage`` Closed Won on every row) as ``--orders`` was refused over
its standard ``Type`` column ("row types that say neither a sale nor a refund ... 'New Business'") with no way
forward. Now a deal's type beside a stage column that says won on every row is a sale; without a stage column the
refusal says what the values are and what to do. On the pandas and the DuckDB engines.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

REPORT = pd.DataFrame(
    {
        "Opportunity Name": ["Acme - New", "Beta - New", "Acme - Upsell", "Gamma - New", "Beta - Addon"],
        "Account ID": ["A", "B", "A", "G", "B"],
        "Stage": ["Closed Won"] * 5,
        "Close Date": ["2026-01-05", "2026-01-28", "2026-02-03", "2026-03-14", "2026-03-02"],
        "Amount": [12000.0, 6000.0, 1500.0, 3000.0, 800.0],
        "Type": ["New Business", "New Business", "Existing Business", "New Business", "Existing Business"],
    }
)
COLUMNS = ["--columns", "customer_id=Account ID,date=Close Date"]


def _file(tmp_path: Path, suffix: str, frame: pd.DataFrame) -> Path:
    path = tmp_path / f"report{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.assign(**{"Close Date": pd.to_datetime(frame["Close Date"])}).to_parquet(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_won_deals_of_a_type_are_sales(tmp_path: Path, suffix: str) -> None:
    path = _file(tmp_path, suffix, REPORT)
    out = run(tmp_path, "--orders", path, *COLUMNS, backend="duckdb" if suffix == ".parquet" else "pandas")
    purchases = pd.read_csv(out / "purchases.csv")
    # by hand: Jan Acme, Beta; Feb Acme (returning); Mar Gamma (new), Beta (returning)
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [
        ["2026-01", 2, 0],
        ["2026-02", 1, 1],
        ["2026-03", 2, 1],
    ]
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [18000.0, 0.0, 3000.0]


def test_deal_types_without_a_stage_are_refused_saying_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, ".csv", REPORT.drop(columns="Stage"))
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "report.csv, column 'Type': row types that say neither a sale nor a refund (whether these were purchases "
        "cannot be told) in rows 2, 3, 4, 5, 6 (counting the header as row 1): 'New Business', 'New Business', "
        "'Existing Business', 'New Business', 'Existing Business': they are a CRM's deal types, a sale where the deal "
        "was won: import the won deals with their stage column (Salesforce's 'Stage', HubSpot's 'Deal Stage')"
    )


def test_a_deal_not_won_is_still_refused_by_its_stage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frame = REPORT.assign(Stage=["Closed Won", "Closed Won", "Closed Won", "Closed Won", "Negotiation"])
    path = _file(tmp_path, ".csv", frame)
    err = refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err.startswith("report.csv, column 'Stage': a CRM's deal stages: deals lost or still open are no purchases")
