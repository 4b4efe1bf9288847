"""Salesforce's contract Status (its picklist: Draft, In Approval Process, Activated): 'Activated' is a contract in
effect, read as its dates say; it was refused as a status none of which is known once such columns were refused
(4f122bf; H154 finding 02). Draft and In Approval Process are not in effect yet: refused, as a draft is."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
COLUMNS = ("--columns", "customer_id=Account Name,start=Contract Start Date,end=Contract End Date,mrr=MRR")


def _contracts(tmp_path: Path, third: str) -> Path:
    path = tmp_path / "contracts.csv"
    path.write_text(
        "Account Name,Contract Number,Contract Start Date,Contract End Date,Status,MRR\n"
        "Acme,00000100,2025-01-01,2025-06-30,Activated,1000\n"
        "Hooli,00000101,2025-02-01,,Activated,500\n"
        f"Initech,00000102,2025-03-01,,{third},200\n"
    )
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_activated_contracts_are_read_as_their_dates_say(tmp_path: Path, backend: str) -> None:
    out = run(tmp_path, "--subscriptions", _contracts(tmp_path, "Activated"), *COLUMNS, backend=backend)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements.loc["2025-03", ["customers_end", "mrr_end"]].tolist() == [3, 1700.0]
    assert movements.loc["2025-06", ["customers_end", "mrr_end", "churned_mrr"]].tolist() == [2, 700.0, 1000.0]


@pytest.mark.parametrize("status", ["Draft", "In Approval Process"])
def test_contracts_not_in_effect_are_refused(tmp_path: Path, capsys, status: str) -> None:
    path = _contracts(tmp_path, status)
    message = refusal(capsys, "--subscriptions", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert message.startswith("contracts.csv, column 'Status': subscriptions that do not pay, to be removed")
    assert message.endswith(f"in row 4 (counting the header as row 1): {status!r}")
