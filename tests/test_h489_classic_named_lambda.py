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


def test_a_body_reading_its_parameter_inside_a_function_is_listed_too(tmp_path: Path) -> None:
    """H495's finding 06: RDOUBLE = LAMBDA(x, ROUND(x*2,0)) given A1:A2 in a classic formula was computed as the
    range's cell in the formula's row (14 in row 2, #VALUE! in row 3 for IF(x>0,..)), status ok: x is read as one
    value inside ROUND (and IF's condition), as DOUBLE's x*2 is, so the cell is listed as DOUBLE's. A body giving x
    whole to a function taking a range (SUM(x)*100) or to an argument read as an array (SUMPRODUCT(x*2)) is computed."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = 5, 7
    for name, body in (
        ("RDOUBLE", "ROUND(_xlpm.x*2,0)"),
        ("POSDOUBLE", "IF(_xlpm.x>0,_xlpm.x*2,0)"),
        ("SUMTWICE", "SUM(_xlpm.x*2)"),
        ("NPS", "SUM(_xlpm.x)*100"),
        ("PRODSUM", "SUMPRODUCT(_xlpm.x*2)"),
    ):
        book.defined_names[name] = DefinedName(name, attr_text=f"_xlfn.LAMBDA(_xlpm.x,{body})")
    sheet["C2"] = "=SUM(RDOUBLE(A1:A2))"  # was 14
    sheet["C3"] = "=SUM(POSDOUBLE(A1:A2))"  # was #VALUE! (row 3 meets no cell of A1:A2)
    sheet["C4"] = "=SUMTWICE(A1:A2)"  # SUM(x*2): x*2 intersected in a classic formula, as =SUM(A1:A2*2) is
    sheet["C5"] = "=NPS(A1:A2)"  # the range whole to SUM: 1200
    sheet["C6"] = "=PRODSUM(A1:A2)"  # read as an array: 24
    sheet["C7"] = "=RDOUBLE(A2)"  # one cell: 14
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert {u.address: (u.function, u.reason) for u in report.unsupported} == {
        "S!C2": ("LAMBDA", REASON),
        "S!C3": ("LAMBDA", REASON),
        "S!C4": ("LAMBDA", REASON),
    }
    assert report.errors == []
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [values[c].value for c in ("C2", "C3", "C4", "C5", "C6", "C7")] == [None, None, None, 1200, 24, 14]
