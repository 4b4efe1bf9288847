"""A name defined as a LAMBDA given a range for a parameter its body reads as one value, in a classic formula
(H489's finding 3).

``=SUM(DOUBLE(A1:A2))`` (DOUBLE = LAMBDA(x, x*2), A1:A2 = 5, 7) in a cell without Excel 365's dynamic-array flag, as
openpyxl writes every formula, was computed as if Excel intersected the range with the formula's row: 10 in row 1,
#VALUE! in row 5, status ok. Excel 365 saves a named LAMBDA's call it typed with the dynamic-array flag (XlsxWriter,
which writes files as Excel does, writes such a call with ``write_dynamic_array_formula``), so such a cell was written
by another program, and what Excel reads there (the range's cell in the formula's row, the call's first value 10, or
the whole range: 24) is not documented. The cell is listed with that reason; entered as an array formula it is 24; a
call given one cell is computed, and so are ``=Id(C1:C2)`` of Id = LAMBDA(x, x) (the range as it is: its cell in the
formula's row in every reading) and a body passing the range to a function (``NPS = LAMBDA(r, SUM(r)*100)``:
tests/test_recalc_sheet_names.py).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

REASON = (
    "a name defined as a LAMBDA is called with a range of several cells here, in a formula without Excel 365's "
    "dynamic-array flag (as openpyxl and pandas write them; Excel 365 saves such a call it typed with the flag): "
    "whether Excel then reads the range's cell in the formula's row or column, the call's first value or the whole "
    "range is not documented, so the embedded engine does not compute it (entered as an array formula, it is computed)"
)


def test_a_named_lambda_given_a_range_in_a_classic_formula_is_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["C1"], sheet["C2"] = 5, 7, 1, 2
    book.defined_names["DOUBLE"] = DefinedName("DOUBLE", attr_text="_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)")
    book.defined_names["Id"] = DefinedName("Id", attr_text="_xlfn.LAMBDA(_xlpm.x,_xlpm.x)")
    book.defined_names["Pair"] = DefinedName("Pair", attr_text="S!$A$1:$A$2")
    sheet["B1"] = "=SUM(DOUBLE(A1:A2))"  # row 1: was 10
    sheet["B5"] = "=SUM(DOUBLE(A1:A2))"  # row 5: was #VALUE!
    sheet["B6"] = "=DOUBLE(Pair)+0"  # a name of two cells: was #VALUE!
    sheet["B7"] = ArrayFormula("B7", "=SUM(DOUBLE(A1:A2))")  # an array formula: the whole range
    sheet["B8"] = "=DOUBLE(A2)+SUM(DOUBLE(7),1)"  # one cell, a number: computed
    sheet["D2"] = "=Id(C1:C2)"  # Id gives its range as it is: C2 in every reading
    sheet["B9"] = "=B5+1"  # reads a cell listed: not computed from a blank
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: (u.function, u.reason) for u in report.unsupported}
    assert report.status == "incomplete"
    assert {k: v for k, v in listed.items() if k != "S!B9"} == {
        "S!B1": ("LAMBDA", REASON),
        "S!B5": ("LAMBDA", REASON),
        "S!B6": ("LAMBDA", REASON),
    }
    assert "S!B9" in listed
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [values[c].value for c in ("B1", "B5", "B6", "B7", "B8", "D2", "B9")] == [None, None, None, 24, 29, 2, None]
