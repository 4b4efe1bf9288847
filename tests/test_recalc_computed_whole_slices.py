"""INDEX of whole columns taking one whole by a column number computed when the formula runs (``INDEX(A:B,0,H1)``,
``INDEX(A:B,0,MATCH("Status",1:1,0))``) is Excel's whole column (Microsoft's INDEX: row_num 0 "returns the reference
for the entire column"); the engine gave the rows in use, so FILTER(A:B, ..="x") and XLOOKUP("x", .., A:A) were
#VALUE! with status ok (H108's finding 01). Such a cell is listed naming the call, unless the rows in use give
Excel's answer: an argument alone of COUNTA, COUNTIF, MATCH's lookup array, ROWS, or the INDEX of a column alone in
a plain formula (implicit intersection: row 3's value; of a row, the engine's was the first value in use).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def test_a_computed_whole_column_of_index_is_listed_where_its_size_matters(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": "Name", "B1": "Status", "A2": "p", "B2": "x", "A3": "q", "B3": "y", "A4": "r"}.items():
        sheet[ref] = value
    sheet["B4"], sheet["H1"] = "x", 2
    plain = {
        "J1": "=COUNTA(INDEX(A:B,0,H1))",
        "J3": "=INDEX(A:B,0,H1)",
        "J4": '=COUNTIF(INDEX(A:B,0,H1),"x")',
        "J5": '=MATCH("x",INDEX($A:$B,,H1),0)',
        "J6": "=ROWS(INDEX(A:B,0,H1))",
        "J7": '=SUMPRODUCT((INDEX(A:B,0,H1)="x")*(A:A="r"))',
        "Z5": "=INDEX(1:2,H1,0)",  # Excel: Z2's, blank; the engine gave A2's "p"
    }
    for ref, text in plain.items():
        sheet[ref] = text
    dynamic = {
        "D6": '=_xlfn._xlws.FILTER(A:B,INDEX(A:B,0,MATCH("Status",1:1,0))="x")',
        "L1": '=_xlfn.XLOOKUP("x",INDEX(A:B,0,H1),A:A)',
    }
    for ref, text in dynamic.items():
        sheet[ref] = ArrayFormula(ref, text)
    source = save_dynamic(book, tmp_path / "book.xlsx", dynamic)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: u.reason for u in result.unsupported}
    assert set(listed) == {"S!D6", "S!L1", "S!J7", "S!Z5"}, listed
    assert listed["S!D6"].startswith(
        "INDEX takes a whole column (row) of whole columns (rows) here by a number computed when the formula runs "
        '(INDEX(A:B,0,MATCH("Status",1:1,0)))'
    )
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("J1", "J3", "J4", "J5", "J6")] == [4, "y", 2, 2, 1048576]
