"""Recalculation leftovers of the eleventh round (H13): the embedded engine against Excel on users' own workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the written values
back; the expected values are Excel's documented ones, or the cells listed with their reason.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet as _recalc


def test_the_place_or_size_of_an_indirect_of_a_sheet_the_workbook_lacks_is_ref(tmp_path: Path) -> None:
    # A1 names a sheet the workbook lacks: INDIRECT(A1&"!A1:A3") is #REF! in Excel ("If ref_text is not a valid cell
    # reference, INDIRECT returns the #REF! error value"), and so are ROWS, COLUMNS, ROW and COLUMN of it, also through
    # OFFSET, INDEX(..,0,1) or a range between two of them; the engine gave 3, 3, 2, 2, 3, 3, 3 with status ok (its
    # reference to nowhere has a size and a place). A2 names the sheet itself (any case): counted as before.
    # LibreOffice gives the same.
    cells: dict[str, object] = {"A1": "Nope", "A2": "s", "B1": 1, "B2": 2, "B3": 3}
    cells |= {
        "D1": '=ROWS(INDIRECT(A1&"!A1:A3"))',
        "D2": '=COLUMNS(INDIRECT(A1&"!A1:C3"))',
        "D3": '=ROW(INDIRECT(A1&"!A2"))',
        "D4": '=COLUMN(INDIRECT("\'"&A1&"\'!B2"))',
        "D5": '=ROWS(OFFSET(INDIRECT(A1&"!A1"),0,0,3))',
        "D6": '=ROWS(INDEX(INDIRECT(A1&"!A1:A3"),0,1))',
        "D7": '=ROWS(INDIRECT(A1&"!A1"):INDIRECT(A1&"!A3"))',
        "D8": '=IFERROR(ROWS(INDIRECT(A1&"!A:A")),"gone")',
        "D9": '=ROWS(INDIRECT(A1&"!R1C1:R3C1",FALSE))',
        "D10": '=ROWS(INDIRECT(A2&"!B1:B3"))+ROW(INDIRECT(A2&"!B2"))+COLUMN(INDIRECT(A2&"!C1"))',
        "D11": '=SUM(INDIRECT(A2&"!B1:B3"))+ROWS(OFFSET(INDIRECT(A2&"!B1"),0,0,2))',
        "D12": "=ROWS(OFFSET(B1,0,0,B1-1))",
    }
    result, values = _recalc(tmp_path, cells)
    assert result.status == "ok", result.message
    got = [values[f"D{row}"] for row in range(1, 13)]
    assert got == ["#REF!"] * 7 + ["gone", "#REF!", 8, 8, "#REF!"]
