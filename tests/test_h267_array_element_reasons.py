"""A spilled =CRR(A2:A7,B2:B7,C2:C7)'s cells after the first in error said only "a value of the result S!E2 spills
(#DIV/0!)" (a Ctrl+Shift+Enter array's "the array formula S!G2 over G2:G7 gives #DIV/0! here"), where the same row's
inputs in a one-cell =CRR(A4,B4,C4) name the cell to correct (H267's finding 02). Each such cell now gets the reason
its own row's call gives, with its cells named; a formula reading a whole range in each element (``/SUM(C2:C7)``)
keeps the array's wording (one in arithmetic, ``*1``, gets each row's reason since H274)."""

from __future__ import annotations

import json

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention import cli

ROWS = [(535, 75, 500), (90, 30, 70), (120, 20, 0), (100, 5, 50), (535, None, 500), ("x", 1, 2)]
#: the reason of each row in a one-cell formula, rows 4 to 7
OWN = {
    4: "CRR: customers_start is 0 in S!C4 (no customers at the start): the ratio is undefined (#DIV/0!)",
    5: "CRR: customers_end (100) exceeds customers_start + customers_gained (50 + 5): customers lost would be "
    "negative: customers_end in S!A5, customers_start in S!C5, customers_gained in S!B5 (#NUM!)",
    6: "CRR: customers_gained blank while other inputs are not: S!B6 is blank (#VALUE!)",
    7: "CRR: customers_end must be a number, got 'x', in S!A7 (#VALUE!)",
}


def test_each_element_in_error_gets_its_own_rows_reason(tmp_path, capsys) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (end, gained, start) in enumerate(ROWS, start=2):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"C{row}"] = end, gained, start
    sheet["E2"] = ArrayFormula("E2:E7", "=CRR(A2:A7,B2:B7,C2:C7)")  # a dynamic array, as Excel 365 saves it
    sheet["G2"] = ArrayFormula("G2:G7", "=CRR(A2:A7,B2:B7,C2:C7)")  # Ctrl+Shift+Enter
    sheet["I2"] = ArrayFormula("I2:I7", "=CRR(A2:A7,B2:B7,C2:C7)*1")  # in arithmetic: each row's too (H274)
    sheet["Q2"] = ArrayFormula("Q2:Q7", "=CRR(A2:A7,B2:B7,C2:C7)/SUM(C2:C7)")  # a whole range read: the array's
    for row in range(4, 8):  # the same rows in one-cell formulas
        sheet[f"K{row}"] = f"=CRR(A{row},B{row},C{row})"
    path = save_dynamic(book, tmp_path / "s.xlsx", ["E2"])
    capsys.readouterr()
    cli.main(["recalc", str(path), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e for f in json.loads(capsys.readouterr().out)["files"] for e in f["errors"]}
    codes = {4: "#DIV/0!", 5: "#NUM!", 6: "#VALUE!", 7: "#VALUE!"}
    for row, reason in OWN.items():
        assert errors[f"S!K{row}"]["reason"] == reason  # the one-cell formula's, as before
        for column in "EG":
            assert (errors[f"S!{column}{row}"]["error"], errors[f"S!{column}{row}"]["reason"]) == (codes[row], reason)
        assert errors[f"S!I{row}"]["reason"] == reason
        assert errors[f"S!Q{row}"]["reason"] == f"the array formula S!Q2 over Q2:Q7 gives {codes[row]} here"
    values = openpyxl.load_workbook(tmp_path / "out" / "s.xlsx", data_only=True)["S"]
    assert [values[f"E{row}"].value for row in (2, 3)] == [0.92, 0.8571428571428571]
