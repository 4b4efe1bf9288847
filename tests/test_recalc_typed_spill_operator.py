"""A spilled range stored as typed, ``A2#`` (XlsxWriter and openpyxl write a formula's text as given; Excel stores
``_xlfn.ANCHORARRAY(A2)``), missed the rewrites that look for ANCHORARRAY, under status ok: ``SUMIFS(Amt,Reg,A2#)``
was 0 where the spill's regions sum to 5320, 2900.5, 1600, 1190.25 (no spill), ``SUM(B2#)`` #REF!, ``B2#/SUM(B2#)``
#REF!. It is now read as Excel's stored form: the same values as with ``_xlfn.ANCHORARRAY(A2)``."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

DATA = [("North", 1200.0), ("South", 300.0), ("North", 450.5), ("East", 5000.0), ("South", 1300.0),
        ("North", 1250.0), ("East", 320.0), ("West", 1190.25)]  # fmt: skip


def _book(tmp_path: Path, spill: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (region, amount) in enumerate(DATA, start=2):
        sheet[f"D{row}"], sheet[f"E{row}"] = region, amount
    book.defined_names["Reg"] = DefinedName("Reg", attr_text="S!$D$2:$D$9")
    book.defined_names["Amt"] = DefinedName("Amt", attr_text="S!$E$2:$E$9")
    sheet["A2"] = ArrayFormula("A2", "=_xlfn._xlws.SORT(_xlfn.UNIQUE(Reg))")
    sheet["B2"] = ArrayFormula("B2", f"=SUMIFS(Amt,Reg,{spill.format('A2')})")
    sheet["C2"] = ArrayFormula("C2", f"={spill.format('B2')}/SUM({spill.format('B2')})")
    sheet["H2"] = f"=SUM({spill.format('B2')})"
    sheet["H3"] = f"=COUNTA({spill.format('A2')})"
    sheet["H4"] = "=H2*2"  # reads a listed cell
    return save_dynamic(book, tmp_path / "book.xlsx", ["A2", "B2", "C2"])


@pytest.mark.parametrize("spill", ["{}#", "_xlfn.ANCHORARRAY({})"], ids=["typed", "stored-as-excel"])
def test_a_spill_is_read_whole_as_typed_or_stored(tmp_path: Path, spill: str) -> None:
    result = recalc_file(_book(tmp_path, spill), tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.unsupported) == ("ok", [])
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [sheet[f"A{row}"].value for row in range(2, 6)] == ["East", "North", "South", "West"]
    assert [sheet[f"B{row}"].value for row in range(2, 6)] == [5320, 2900.5, 1600, 1190.25]
    assert [sheet[f"C{row}"].value for row in range(2, 6)] == [
        5320 / 11010.75,
        2900.5 / 11010.75,
        1600 / 11010.75,
        1190.25 / 11010.75,
    ]
    assert (sheet["H2"].value, sheet["H3"].value, sheet["H4"].value) == (11010.75, 4, 22021.5)
