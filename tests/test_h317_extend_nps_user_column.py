"""extend refusing a column of the user's own on "NPS scores" in the way of the new months names where it can go.

A notes column at P (12-month tracker from 2026-01) is in the way of the 6 months' columns N to S: extend said
"move it and import again", naming another command and no place (H315's finding 08). It now says the first column
right of the new months, and to run again.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template


def test_extend_names_the_column_to_move_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    scores = wb["NPS scores"]
    for k, score in enumerate([10, 9, 8, 6, 10]):
        scores.cell(2 + k, 2).value = score
    scores["P1"], scores["P2"] = "Notes", "Jan survey via Typeform"
    wb.save(path)
    before = path.read_bytes()
    assert cli.main(["extend", str(path), "--months", "6"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "xl-retention: error: 'NPS scores'!P1 is in the way of the new months' columns N to S: move your column to T "
        "or further right (cut and paste in Excel or LibreOffice moves the formulas reading it too), and run again\n"
    )
    assert path.read_bytes() == before
