"""A cell in brackets is still a reference: COUNT leaves out its text and logicals as it does the cell's.

Microsoft's COUNT page: "If an argument is an array or reference, only numbers in that array or reference are
counted. Empty cells, logical values, text, or error values in the array or reference are not counted." Brackets only
group (Microsoft's "Calculation operators and precedence"): ``(B2)`` is B2. ``COUNT((B2),2,4,4)`` of the text "3" in
B2 was 4 with status ok (our guard against error values, ``IFERROR(x,"")``, made the reference its value, which COUNT
reads as typed in), where ``COUNT(B2,2,4,4)`` is 3.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_count_of_a_bracketed_cell_counts_its_number_only(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["B1"], sheet["B2"], sheet["B3"], sheet["B5"] = 1, "3", True, "=NA()"
    cells = {
        "D1": "=COUNT((B2),2,4,4)",  # the text "3": not counted
        "D2": "=COUNT((B3),2,4,4)",  # TRUE: not counted
        "D3": "=COUNT(((B2)))",
        "D4": "=COUNT((B1),2)",  # a number: counted
        "D5": "=COUNT((B1:B3),(B4))",  # a range in brackets, an empty cell
        "D6": "=COUNT((B5),(1/0),5)",  # error values are not counted, as before
        "D7": "=COUNT(B2,2,4,4)",  # as without brackets
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: out[ref].value for ref in cells}
    assert got == {"D1": 3, "D2": 3, "D3": 0, "D4": 2, "D5": 1, "D6": 1, "D7": 3}


def test_mode_of_a_bracketed_cell_leaves_its_logical_out(tmp_path: Path) -> None:
    """MODE's page (Mode_Mult, ECMA-376's MODE): "If an array or reference argument contains text, logical values, or
    empty cells, those values are ignored": ``MODE((B3),1,2,2)`` of TRUE in B3 was 1 (TRUE read as 1), as ``MODE(B3,
    1,2,2)`` it is 2."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["B2"], sheet["B3"] = "3", True
    cells = {"D1": "=MODE((B3),1,2,2)", "D2": "=MODE(((B2)),1,2,2)", "D3": "=MODE(B3,1,2,2)", "D4": "=MODE((B3),1,1,2)"}
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert {ref: out[ref].value for ref in cells} == {"D1": 2, "D2": 2, "D3": 2, "D4": 1}
