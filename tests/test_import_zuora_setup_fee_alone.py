"""Zuora's 'Setup Fee' (Charge Type OneTime, MRR 0) among recurring charges is neither a customer nor refused, on
pandas and DuckDB, also for an account whose only charge is a setup fee (the lead's item (c), session 29).

By hand: A1 100 from 2025-01 to 2025-12 (its charge ends 2026-01-01), A2 200 from 2025-03; A3 has only a setup fee in
2025-05: customers at end 1 (2025-01), 2 (2025-03, 2025-05: not 3), 1 (2026-01); MRR 100, 300, 300, 200.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.test_import_zuora_one_time_charges import COLUMNS, HEADER, ROWS
from xl_retention.cli import main

SETUP_ONLY = "A00000003,A-S00000103,1,Active,Setup Fee,OneTime,1,2025-05-01,2025-05-01,0,100.00\n"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_setup_fee_is_no_customer(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "zuora.csv"
    path.write_text(HEADER + ROWS + SETUP_ONLY)
    columns = ",".join(f"{ours}={theirs}" for ours, theirs in COLUMNS.items())
    code = main(["import", "--subscriptions", str(path), "--columns", columns, "--backend", backend, "--through",
                 "2026-01", "--to-csv", str(tmp_path / "out")])  # fmt: skip
    said = capsys.readouterr()
    err = said.out + said.err
    assert code == 0
    assert "3 row(s) of a one-time charge with no MRR" in err and "rows 3, 5, 6" in err
    moves = pd.read_csv(tmp_path / "out" / "movements.csv").set_index("month")
    picked = moves.loc[["2025-01", "2025-03", "2025-05", "2026-01"]]
    assert picked["customers_end"].tolist() == [1, 2, 2, 1]
    assert picked["mrr_end"].tolist() == [100.0, 300.0, 300.0, 200.0]
    assert int(moves["new"].sum()) == 2
