"""SEQUENCE asked for fewer than one row or column (``SEQUENCE(0)``, ``SEQUENCE(B2)`` of a blank B2, a negative
count) is listed naming the cell; the engine made it #VALUE! with status ok (ROWS of it #VALUE!, SUM of it #VALUE!).

Microsoft's SEQUENCE page says missing optional arguments default to 1 and nothing of a count below 1; its FILTER page
says Excel does not support empty arrays (#CALC!), other functions answer a count below 1 with #VALUE! or #NUM!: which
one Excel gives here is not documented, so the cell is listed (Excel's stored value kept). A count of 1 or more is
the engine's SEQUENCE as before.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

REASON = "SEQUENCE is asked for fewer than one row or column here"


def test_a_sequence_of_no_rows_or_columns_is_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["B1"] = 3
    plain = {
        "A1": "=SUM(_xlfn.SEQUENCE(0))",
        "A2": "=ROWS(_xlfn.SEQUENCE(B2))",  # B2 blank
        "A3": "=COLUMNS(_xlfn.SEQUENCE(2,-1))",
        "A4": "=SUM(_xlfn.SEQUENCE(B1))",  # 1+2+3
        "A5": "=ROWS(_xlfn.SEQUENCE(B1,2))",
        "A6": "=SUM(_xlfn.SEQUENCE(,B1))",  # an empty rows is 1: 1+2+3
        "A7": "=COLUMNS(_xlfn.SEQUENCE(2,B1))",
    }
    for ref, text in plain.items():
        sheet[ref] = text
    dynamic = {"C1": "=_xlfn.SEQUENCE(0)", "D1": "=_xlfn.SEQUENCE(B1,,10,-1)"}
    for ref, text in dynamic.items():
        sheet[ref] = ArrayFormula(ref, text)
    source = save_dynamic(book, tmp_path / "book.xlsx", dynamic)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: u.reason for u in result.unsupported}
    assert set(listed) == {"S!A1", "S!A2", "S!A3", "S!C1"}, listed
    assert all(reason.startswith(REASON) for reason in listed.values()), listed
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("A4", "A5", "A6", "A7")] == [6, 3, 6, 3]
    assert [out[f"D{row}"].value for row in (1, 2, 3)] == [10, 9, 8]


def test_the_size_of_a_listed_array_is_listed_not_one(tmp_path: Path) -> None:
    # ROWS/COLUMNS of CHOOSECOLS given an array of numbers, or of TAKE of more columns than its array has (both listed
    # alone), were 1 with status ok: the size of the listing's error. A size of one that is computed stays.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["A2"], sheet["B2"] = 1, 2, 3, 4
    cells = {
        "D1": "=ROWS(_xlfn.CHOOSECOLS(A1:B1,{1,2}))",
        "D2": "=COLUMNS(_xlfn.TAKE(A1:B1,1,5))",
        "D3": "=ROWS(_xlfn.TAKE(A1:B1,1,1))",
        "D4": "=COLUMNS(_xlfn.TAKE(A1:B2,2))",
        "D5": "=COLUMNS(_xlfn.CHOOSECOLS(A1:B1,2,1))",
    }
    for ref, text in cells.items():
        sheet[ref] = text
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: u.reason for u in result.unsupported}
    assert set(listed) == {"S!D1", "S!D2"}, listed
    assert listed["S!D1"].startswith("CHOOSECOLS or CHOOSEROWS is given an array")
    assert listed["S!D2"].startswith("TAKE is given more rows or columns")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("D3", "D4", "D5")] == [1, 2, 2]


def test_a_listed_call_hidden_by_iferror_is_named(tmp_path: Path) -> None:
    # IFERROR(SEQUENCE(0),5), IFERROR(CHOOSECOLS(A1:B1,{1,2}),5): listed as 'call cannot compute a value here', the
    # name of the engine's wrapper, not of the function the user wrote
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"] = 1, 2
    sheet["D1"] = "=IFERROR(_xlfn.SEQUENCE(0),5)"
    sheet["D2"] = "=IFERROR(_xlfn.CHOOSECOLS(A1:B1,{1,2}),5)"
    sheet["D3"] = "=IFERROR(_xlfn.TAKE(A1:B1,1,5),5)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    hidden = (
        "{} cannot compute a value here (its error is hidden by IFERROR or the like; it is listed where the cell "
        "shows it)"
    )
    assert {u.address: (u.function, u.reason) for u in result.unsupported} == {
        "S!D1": ("SEQUENCE", hidden.format("SEQUENCE")),
        "S!D2": ("CHOOSECOLS", hidden.format("CHOOSECOLS")),
        "S!D3": ("TAKE", hidden.format("TAKE")),
    }
