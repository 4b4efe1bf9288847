"""Lifetime value!C8 beside a Revenue first month typed below row 2 without its MRR at start (H469's finding 05).

A January tracker filled from April (Revenue rows 5-7: new 500, expansion 100, contraction 50, churned 200, no MRR at
start): ARPA (B3) is #VALUE!, and C8 said it "starts in Revenue!H4" (March's MRR at end, a month never tracked) while
recalc's reason asks for Revenue!B5. Now C8 names Revenue!B5, the start to type; a month after a skipped one still
names the month before's end, where its start is carried from.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.lifetime_value import LIFETIME_NOTE_C8, LIFETIME_NOTE_C8_FIRST_MONTH_CARRIED
from xl_retention.workbook.upgrade_file import upgrade_workbook

SAID = "No value: ARPA (B3) is an error, which starts in Revenue!{} (blank, below 0 or no number): correct it there."


def _c8(tmp_path: Path, rows: tuple[int, ...], start: int | None = None) -> str:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=8)
    wb = openpyxl.load_workbook(path)
    for row in rows:
        for col, value in zip("CDEFG", (500, 100, 0, 50, 200), strict=True):
            wb["Revenue"][f"{col}{row}"] = value
        wb["Customers"][f"C{row}"], wb["Customers"][f"D{row}"] = 10, 10 + row
    if start is not None:
        wb["Revenue"][f"B{rows[0]}"] = start
    wb.save(path)
    recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    return openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Lifetime value"]["C8"].value


def test_a_late_first_month_names_its_start_to_type(tmp_path: Path) -> None:
    assert _c8(tmp_path, (5, 6, 7)) == SAID.format("B5")  # not H4, March's MRR at end


def test_a_month_after_a_skipped_one_names_the_end_before(tmp_path: Path) -> None:
    assert _c8(tmp_path, (2, 4, 5), start=1000) == SAID.format("H3")  # its start is carried from March's end


def test_upgrade_brings_the_note_before_up(tmp_path: Path) -> None:
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    assert wb["Lifetime value"]["C8"].value == LIFETIME_NOTE_C8
    wb["Lifetime value"]["C8"] = LIFETIME_NOTE_C8_FIRST_MONTH_CARRIED  # as the template before this fix wrote it
    wb.save(path)
    upgrade_workbook(path)
    assert openpyxl.load_workbook(path)["Lifetime value"]["C8"].value == LIFETIME_NOTE_C8
