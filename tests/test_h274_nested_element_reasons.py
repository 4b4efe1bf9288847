"""Each cell of an array formula of ours in error gets its own row's reason also where the formula nests our calls,
wraps them in arithmetic or ROUND, takes a range in arithmetic, reads defined names of ranges, or reads 2-D ranges
(fault 4 of H274's brief; b6e434e6 did one call over plain ranges). ``=CLV(50,0.7,CHURN_RATE(A2:A7,B2:B7,C2:C7))``,
``=CRR(..)*100``, ``=ROUND(CRR(..),2)``, ``=CRR(A2:A7*1,..)`` and ``=CRR(Ends,Gained,Starts)`` spilled, and
``=CRR(U2:V7,W2:X7,Y2:Z7)`` over two columns of cohorts, said only "a value of the result S!E2 spills (#DIV/0!)" past
their first cell; each now says what the same row's one-cell formula says (``=CLV(50,0.7,CHURN_RATE(A4,B4,C4))``: the
inner reason given as the cause). A formula that reads a whole range in each element (``/SUM(C2:C7)``) keeps the
array's wording."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention import cli

ROWS = [(535, 75, 500), (90, 30, 70), (120, 20, 0), (100, 5, 50), (535, None, 500), ("x", 1, 2)]
#: the reason of each row's CRR (or CHURN_RATE) in a one-cell formula, rows 4 to 7
OWN = {
    4: "{f}: customers_start is 0 in S!C4 (no customers at the start): the ratio is undefined ({code})",
    5: "{f}: customers_end (100) exceeds customers_start + customers_gained (50 + 5): customers lost would be "
    "negative: customers_end in S!A5, customers_start in S!C5, customers_gained in S!B5 ({code})",
    6: "{f}: customers_gained blank while other inputs are not: S!B6 is blank (#VALUE!)",
    7: "{f}: customers_end must be a number, got 'x', in S!A7 (#VALUE!)",
}
CODES = {4: "#DIV/0!", 5: "#NUM!", 6: "#VALUE!", 7: "#VALUE!"}
ARRAYS = {
    "E2": "=CRR(A2:A7,B2:B7,C2:C7)*100",
    "G2": "=ROUND(CRR(A2:A7,B2:B7,C2:C7),2)",
    "I2": "=CLV(50,0.7,CHURN_RATE(A2:A7,B2:B7,C2:C7))",
    "K2": "=CRR(A2:A7,B2:B7,C2:C7)/SUM(C2:C7)",  # SUM reads the whole range: the array's wording
    "M2": "=CRR(A2:A6*1,B2:B6,C2:C6)",
    "AB2": "=CRR(U2:V7,W2:X7,Y2:Z7)",  # two cohorts a row: a 2-D spill
    "R2": "=CRR(Ends,Gained,Starts)",  # defined names of the ranges
}


def _reasons(tmp_path: Path, capsys) -> dict[str, tuple[str, str]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (end, gained, start) in enumerate(ROWS, start=2):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"C{row}"] = end, gained, start
        sheet[f"U{row}"], sheet[f"W{row}"], sheet[f"Y{row}"] = end, gained, start
        sheet[f"V{row}"], sheet[f"X{row}"], sheet[f"Z{row}"] = 100, 10, 0 if row == 3 else 100
    for ref, formula in ARRAYS.items():
        last = "AC7" if ref == "AB2" else f"{ref[:-1]}7"
        sheet[ref] = ArrayFormula(f"{ref}:{last}", formula)
    for name, column in (("Ends", "A"), ("Gained", "B"), ("Starts", "C")):
        book.defined_names[name] = DefinedName(name, attr_text=f"S!${column}$2:${column}$7")
    for row in range(4, 8):
        sheet[f"P{row}"] = f"=CLV(50,0.7,CHURN_RATE(A{row},B{row},C{row}))"  # the same rows in one-cell formulas
    path = save_dynamic(book, tmp_path / "s.xlsx", list(ARRAYS))
    capsys.readouterr()
    cli.main(["recalc", str(path), "--json", "--output-dir", str(tmp_path / "out")])
    found = json.loads(capsys.readouterr().out)["files"][0]["errors"]
    return {e["address"]: (e["error"], e["reason"]) for e in found}


def test_nested_and_wrapped_calls_give_each_element_its_rows_reason(tmp_path: Path, capsys) -> None:
    errors = _reasons(tmp_path, capsys)
    for row, reason in OWN.items():
        code = CODES[row]
        crr = reason.format(f="CRR", code=code)
        for column in "EGR":
            assert errors[f"S!{column}{row}"] == (code, crr), (column, row)
        inner = reason.format(f="CHURN_RATE", code=code)
        if code != "#VALUE!":  # CLV of CHURN_RATE's #DIV/0! or #NUM!: #VALUE!, the inner reason its cause
            head, _, _ = inner.rpartition(" (")
            inner = f"CLV: churn_rate is the error value {code}, because {head} (#VALUE!)"
        assert errors[f"S!I{row}"] == ("#VALUE!", inner), row
        assert errors[f"S!P{row}"] == ("#VALUE!", inner), row  # what the one-cell formula says
        assert errors[f"S!K{row}"] == (code, f"a value of the result S!K2 spills ({code})"), row
    for row in (4, 5, 6):  # a range taken in arithmetic (A2:A6*1): its row's cell
        assert errors[f"S!M{row}"] == (CODES[row], OWN[row].format(f="CRR", code=CODES[row])), row


def test_a_two_column_spill_gives_each_cell_its_own_cohorts_reason(tmp_path: Path, capsys) -> None:
    errors = _reasons(tmp_path, capsys)
    assert errors["S!AC3"] == (
        "#DIV/0!",
        "CRR: customers_start is 0 in S!Z3 (no customers at the start): the ratio is undefined (#DIV/0!)",
    )
    assert errors["S!AB4"] == (
        "#DIV/0!",
        "CRR: customers_start is 0 in S!Y4 (no customers at the start): the ratio is undefined (#DIV/0!)",
    )
    assert errors["S!AB7"] == ("#VALUE!", "CRR: customers_end must be a number, got 'x', in S!U7 (#VALUE!)")
