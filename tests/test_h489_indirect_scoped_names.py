"""INDIRECT of a name only another sheet defines (H489's finding 1).

Excel reads a name without a sheet in INDIRECT's text in the formula's own sheet's names and the workbook's: a name
Amt defined only for Sheet2 (``localSheetId``) is no reference on Sheet1, and ``=SUM(INDIRECT("Amt"))`` there is
#REF! (``INDIRECT("Sheet2!Amt")`` reaches it). recalc listed the Sheet1 cell as not computed ("... INDIRECT("Amt")
gives the text "Amt", read as a defined name, which the engine does not resolve there"), status incomplete; it is
#REF! now, and the cells reading it are no longer said to "may read" a cell without a value.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def _recalculated(tmp_path: Path, book: openpyxl.Workbook) -> tuple[object, dict, dict]:
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    values = {f"{s.title}!{c.coordinate}": c.value for s in out for row in s.iter_rows() for c in row if c.column == 2}
    return report, values, {u.address: u.reason for u in report.unsupported}


def _book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    one = book.active
    one.title = "Sheet1"
    two = book.create_sheet("Sheet2")
    one["A1"], one["A2"], two["A1"], two["A2"] = 1, 2, 5, 7
    two.defined_names["Amt"] = DefinedName("Amt", attr_text="Sheet2!$A$1:$A$2", localSheetId=1)
    return book


def test_a_name_only_another_sheet_defines_is_ref(tmp_path: Path) -> None:
    book = _book()
    one, two = book["Sheet1"], book["Sheet2"]
    one["B1"] = '=SUM(INDIRECT("Amt"))'  # Sheet2's own name: not seen from Sheet1
    one["B2"] = '=SUM(INDIRECT("Sheet2!Amt"))'  # with its sheet: seen
    one["B3"] = "=IFERROR(B1,-1)+B2"
    two["B1"] = '=SUM(INDIRECT("Amt"))'  # on its own sheet: seen
    report, values, listed = _recalculated(tmp_path, book)
    assert (report.status, listed) == ("ok", {})
    assert [values["Sheet1!B1"], values["Sheet1!B2"], values["Sheet1!B3"], values["Sheet2!B1"]] == ["#REF!", 12, 11, 12]


def test_a_workbook_name_of_the_same_text_is_read(tmp_path: Path) -> None:
    book = _book()
    book.defined_names["Amt"] = DefinedName("Amt", attr_text="Sheet1!$A$1:$A$2")  # the workbook's Amt too
    book["Sheet1"]["B1"] = '=SUM(INDIRECT("Amt"))'  # the workbook's: 1+2
    book["Sheet2"]["B1"] = '=SUM(INDIRECT("Amt"))'  # the sheet's own first: 5+7
    report, values, listed = _recalculated(tmp_path, book)
    assert (report.status, listed) == ("ok", {})
    assert [values["Sheet1!B1"], values["Sheet2!B1"]] == [3, 12]


def test_a_computed_text_naming_another_sheets_name_says_so(tmp_path: Path) -> None:
    book = _book()
    one = book["Sheet1"]
    one["C1"] = "Amt"
    one["B1"] = "=SUM(INDIRECT(C1))"  # computed when it runs: listed, its reason naming the sheet whose name it is
    report, values, listed = _recalculated(tmp_path, book)
    assert report.status == "incomplete" and values["Sheet1!B1"] is None
    assert listed == {
        "Sheet1!B1": "the embedded engine cannot compute this formula's INDIRECT here: INDIRECT(C1) gives the text "
        "\"Amt\", a name only sheet 'Sheet2' defines, which a formula on another sheet reads only with its sheet's "
        "name (#REF! in Excel)"
    }
