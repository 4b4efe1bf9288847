"""Every note beside Lifetime value's figures wraps inside the printed columns A:C (H105's finding 08).

C9's "No sBG fit: the note beside the fit on Cohorts says why (often: no cohort of 3 months yet)." did not wrap: a
tracker with under three months of cohorts printed it cut at C's edge (the print area ends at C)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention import cli


def test_every_note_in_column_c_wraps_inside_the_print_area(tmp_path: Path) -> None:
    tracker = tmp_path / "t.xlsx"
    assert cli.main(["new", str(tracker), "--start", "2026-01", "--months", "12"]) == 0
    ws = openpyxl.load_workbook(tracker)["Lifetime value"]
    assert ws.print_area == "'Lifetime value'!$A$1:$C$19"
    notes = [cell for (cell,) in ws.iter_rows(min_col=3, max_col=3) if cell.value not in (None, "")]
    assert [c.coordinate for c in notes] == ["C3", "C5", "C7", "C8", "C9", "C11", "C12", "C13"]  # C11: H474
    assert [c.coordinate for c in notes if not c.alignment.wrap_text] == []
