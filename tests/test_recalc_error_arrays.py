"""A lookup whose searched array or table is an expression giving one error value answers that error, as Excel.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the values back.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_a_lookup_of_an_error_array_answers_the_error(tmp_path: Path) -> None:
    # VLOOKUP(3,1/0,1,0) is #DIV/0! in Excel (and LibreOffice): a function reading an argument that is an error value
    # answers it; MATCH(3,OFFSET(A1,-5,0),0) is #REF! (the range above row 1). The engine searched the error as a
    # one-item array and answered #N/A (status ok), so IFNA(..,"none") said "none" over a moved range or a division
    # by zero. Exact and approximate modes, every lookup, either vector of LOOKUP; an error lookup value is still
    # the answer first (Excel reads it first).
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "B2": 5}
    formulas = {
        "C1": "=VLOOKUP(3,1/0,1,0)",
        "C2": "=MATCH(3,OFFSET(A1,-5,0),0)",
        "C3": "=HLOOKUP(3,1/0,1,FALSE)",
        "C4": "=LOOKUP(3,1/0)",
        "C5": "=MATCH(3,SQRT(-1))",
        "C6": "=VLOOKUP(3,#REF!,1)",
        "C7": "=LOOKUP(3,A1:A3,CHOOSE(2,A1:A3,1/0))",
        "C8": '=_xlfn.IFNA(VLOOKUP(3,IF(B2>9,A1:A3,1/0),1,0),"none")',
        "C9": '=HLOOKUP("x",INDIRECT("Nope!A1:C3"),2,0)',
        "C10": "=_xlfn.XLOOKUP(3,1/0,A1:A3,,1)",
        "C11": "=_xlfn.XMATCH(3,1/0,1)",
        "C12": "=MATCH(NA(),OFFSET(A1,-5,0),0)",
        "C13": "=MATCH(A1/0,SQRT(-1),0)",
    }
    result, values = recalc_sheet(tmp_path, cells | formulas)
    assert result.status == "ok", result.message
    got = [values[ref] for ref in formulas]
    assert got == [
        "#DIV/0!", "#REF!", "#DIV/0!", "#DIV/0!", "#NUM!", "#REF!", "#DIV/0!",
        "#DIV/0!", "#REF!", "#DIV/0!", "#DIV/0!", "#N/A", "#DIV/0!",
    ]  # fmt: skip


def test_references_and_arrays_holding_errors_are_still_searched(tmp_path: Path) -> None:
    # A reference stays a range to search: MATCH(3,B1,0) with #DIV/0! in B1 is #N/A (LibreOffice too), also through
    # OFFSET; an array holding errors (A1:A3/0 in an array formula) is searched, not found: #N/A. Expressions giving
    # ranges or arrays answer as before (found: their position or value).
    cells: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "B1": "=1/0", "B2": 5}
    formulas = {
        "C1": "=MATCH(3,B1,0)",
        "C2": "=VLOOKUP(3,B1,1,0)",
        "C3": "=MATCH(3,OFFSET(B1,0,0),0)",
        "C4": "=MATCH(3,OFFSET(A1,0,0,COUNTA(A:A)),0)",
        "C5": "=VLOOKUP(2,OFFSET(A1,0,0,3,2),1,FALSE)",
        "C6": '=_xlfn.IFNA(VLOOKUP(3,IF(B2<9,A1:A3,1/0),1,0),"none")',
        "C7": "=MATCH(3,CHOOSE(1,A1:A3,B1:B3),0)",
        "C8": '=LOOKUP(2,1/(A1:A10<>""),A1:A10)',
        "C9": "=MATCH(9,A1:A3,0)",
    }
    arrays = {
        "D1": "=MATCH(3,A1:A3/0,0)",
        "D2": "=MATCH(3,(A1:A3=3)*A1:A3,0)",
        "D3": '=_xlfn.IFNA(MATCH(9,A1:A3*1,0),"no")',
    }
    result, values = recalc_sheet(tmp_path, cells | formulas, arrays=arrays)
    assert result.status == "ok", result.message
    assert [values[ref] for ref in formulas] == ["#N/A", "#N/A", "#N/A", 3, 2, 3, 3, 3, "#N/A"]
    assert [values[ref] for ref in arrays] == ["#N/A", 3, "no"]
