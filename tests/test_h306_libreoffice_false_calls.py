"""H304's finding 05: a tracker of the previous template saved once in LibreOffice, which writes the constant FALSE as
the call FALSE(): upgrade left its Cohorts!G22 (the sBG fit's note) with the old formula, taken for one of the user's,
and recalc no longer named it. Formulas are now compared as Excel parses them (openpyxl's tokenizer: FALSE() is
FALSE), so the LibreOffice-saved copy is brought up like the original."""

from __future__ import annotations

from pathlib import Path

import libreoffice
import openpyxl
import pytest

from xl_retention.workbook import build_template
from xl_retention.workbook.logical_calls import logical_constants
from xl_retention.workbook.upgrade_file import earlier_template_line, upgrade_workbook

OLD_G22 = (Path(__file__).parent / "data" / "h304_cohorts_g22_before_2026-12-05.txt").read_text()


def test_calls_read_as_constants_outside_texts_and_names() -> None:
    assert logical_constants('=IFERROR(B4+0=0,false())&"No: FALSE()"&MYFALSE()') == (
        '=IFERROR(B4+0=0,FALSE)&"No: FALSE()"&MYFALSE()'
    )
    assert logical_constants("='TRUE() x'!A1+TRUE()  *2") == "='TRUE() x'!A1+TRUE  *2"
    assert logical_constants("=IF(A1,FALSE(1)") == "=IF(A1,FALSE(1)"  # cannot be parsed: as it is


def test_libreoffice_saved_tracker_gets_this_versions_note(tmp_path: Path) -> None:
    fresh = build_template(tmp_path / "n.xlsx", start="2026-01", months=6)
    current = openpyxl.load_workbook(fresh)["Cohorts"]["G22"].value
    if current == OLD_G22:  # the note's texts written in parts (H303, 2026-12-05) not in yet: no earlier form here
        pytest.skip("the 2026-12-05 Cohorts!G22 is this version's note")
    wb = openpyxl.load_workbook(fresh)
    wb["Cohorts"]["G22"] = OLD_G22
    wb.save(tmp_path / "old.xlsx")
    saved = libreoffice.recalculate(tmp_path / "old.xlsx", tmp_path / "lo")
    theirs = openpyxl.load_workbook(saved)["Cohorts"]["G22"].value
    assert "FALSE()" in theirs and "FALSE()" not in OLD_G22  # LibreOffice wrote the constant as a call
    assert "'Cohorts'!G22" in (earlier_template_line(saved) or "")
    upgraded = upgrade_workbook(saved)
    assert "'Cohorts'!G22" in upgraded.upgraded
    assert openpyxl.load_workbook(saved)["Cohorts"]["G22"].value == current
