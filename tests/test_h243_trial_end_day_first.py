"""A trial-end column whose every date could be day-first or month-first (H243's finding 03): beside a start of
15/01/2026 (day first), 'trial_end' 10/02/2026 was refused ("the dates could be day-first or month-first"), though an
'end' column of such dates is read in the order the start proves (README). The trial's end (and the other dates read
beside the mapped ones: a cancel date, an expiry) are read so too, with the start column proving the order.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("day", ["15/01/2026", "15.01.2026 10:00"])
def test_a_trial_end_is_read_day_first_as_the_start_proves(tmp_path: Path, backend: str, day: str) -> None:
    sep = "." if "." in day else "/"
    trial = "10/02/2026".replace("/", sep) + (" 10:00" if ":" in day else "")
    start = "03/02/2026".replace("/", sep) + (" 10:00" if ":" in day else "")
    path = tmp_path / "subs.csv"
    path.write_text(f"customer_id,start,end,mrr,trial_end\na,{day},,10,\nb,{start},,10,{trial}\n")
    moves = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    # b paying from 10 February (day first), not from 2 October (month first): active in February
    assert moves[["month", "customers_start", "new", "mrr_end"]].values.tolist() == [
        ["2026-01", 0, 1, 10.0], ["2026-02", 1, 1, 20.0],
    ]  # fmt: skip
