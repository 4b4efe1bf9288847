"""``=SEQUENCE(10001)`` (over the embedded engine's 10,000 spill cells) is computed, as Excel spills it.

It was listed (status incomplete, "not computed here, recalculate it in Excel"), and so were the cells reading it
(``=SUM(B1:B10001)``). A SEQUENCE of whole numbers typed in is ``start + step * k``, exact: its values are put in the
spill's cells and its readers computed from them. One with a fractional step or a reference stays listed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def test_a_whole_sequence_over_the_limit_is_computed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["B1"] = ArrayFormula("B1", "=_xlfn.SEQUENCE(10001)")
    sheet["C1"] = ArrayFormula("C1", "=_xlfn.SEQUENCE(5001,2,100,-3)")
    sheet["E1"], sheet["E2"], sheet["E3"] = "=SUM(B1:B10001)", "=B10001", "=D5001"
    sheet["G1"] = ArrayFormula("G1", "=_xlfn.SEQUENCE(10001,1,1,0.5)")  # a fraction's step: listed
    source = save_dynamic(book, tmp_path / "book.xlsx", ["B1", "C1", "G1"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert [u.address for u in report.unsupported] == ["S!G1"]
    assert report.errors == []
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B1", "B10001", "C1", "D1", "C2", "D5001", "E1", "E2", "E3")] == [
        1,
        10001,
        100,
        97,
        94,
        100 - 3 * 10001,
        10001 * 10002 // 2,
        10001,
        100 - 3 * 10001,
    ]
