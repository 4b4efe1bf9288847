"""Two reasons of H274's leftovers (H284's item 2).

A text made by a formula with a tab or a no-break space at an end (``="185"&CHAR(9)``), read as a number through a
lookup (``=INDEX(A3:A4,1)*2``), was told "type 185 again in the cell without it": a formula's result is typed in no
cell. Now the formula making it is named and the character is to be taken off there (CLEAN, SUBSTITUTE).

An element of an array formula of ours taking a range in arithmetic (``=CRR(A2:A6*1,B2:B6,C2:C6)`` spilled, "x" in
A6) said only "CRR: customers_end is the error value #VALUE!", where the one-cell ``=CRR(A6*1,B6,C6)`` names A6.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention import cli
from xl_retention.recalculation import recalc_file

STEP = 'CLEAN(..) takes tabs and line breaks off, SUBSTITUTE(..,CHAR(160),"") a no-break space (#VALUE!)'


def test_a_text_made_by_a_formula_is_taken_off_in_that_formula(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A3"], sheet["A4"], sheet["B1"] = '="185"&CHAR(9)', 5, "=INDEX(A3:A4,1)*2"
    sheet["C3"], sheet["D3"], sheet["E3"] = '=" 185"&CHAR(160)', 1, "=C3"
    sheet["C1"] = "=VLOOKUP(1,D3:E3,2,0)*2"
    sheet["F3"], sheet["F1"] = "185\t", "=INDEX(F3:F4,1)*2"  # typed (pasted) in F3: typed again there
    book.save(tmp_path / "t.xlsx")
    report = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {issue.address: (issue.error, issue.reason) for issue in report.errors}
    assert reasons["S!B1"] == (
        "#VALUE!",
        "S!A3, computed there by its formula is the text '185\\t', no number to Excel (with a tab around '185'): "
        f'take it off in S!A3\'s formula ="185"&CHAR(9): {STEP}',
    )
    assert reasons["S!C1"] == (
        "#VALUE!",
        "S!C3, computed there by its formula (read through S!E3) is the text ' 185\\xa0', no number to Excel (with "
        f"a no-break space around '185'): take it off in S!C3's formula =\" 185\"&CHAR(160): {STEP}",
    )
    assert reasons["S!F1"] == (
        "#VALUE!",
        "S!F3 is the text '185\\t', no number to Excel (with a tab around '185'): type 185 again in the cell without "
        "it (#VALUE!)",
    )


def test_an_element_taking_a_range_in_arithmetic_names_the_text_cell(tmp_path: Path, capsys) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    rows = [(535, 75, 500), (90, 30, 70), (120, 20, 100), (100, 5, 100), ("x", 1, 2)]
    for row, (end, gained, start) in enumerate(rows, start=2):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"C{row}"] = end, gained, start
    sheet["E2"] = ArrayFormula("E2:E6", "=CRR(A2:A6*1,B2:B6,C2:C6)")
    sheet["G6"] = "=CRR(A6*1,B6,C6)"  # the same row in a one-cell formula
    path = save_dynamic(book, tmp_path / "s.xlsx", ["E2"])
    capsys.readouterr()
    cli.main(["recalc", str(path), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {
        e["address"]: (e["error"], e["reason"]) for e in json.loads(capsys.readouterr().out)["files"][0]["errors"]
    }
    said = "CRR: customers_end is the error value #VALUE!: S!A6 is the text 'x', no number (#VALUE!)"
    assert errors == {"S!E6": ("#VALUE!", said), "S!G6": ("#VALUE!", said)}


def test_a_made_text_read_in_a_range_or_by_our_function_is_taken_off_in_its_formula(tmp_path: Path) -> None:
    """The same text read in a range's arithmetic (=SUMPRODUCT(B2:B3*1)) was told 'type 185 again in the cell', and
    given to CRR 'a number stored as text: type it as a number'; a number typed as text keeps that advice."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["B2"], sheet["B3"], sheet["A1"], sheet["C1"] = '="185"&CHAR(9)', 5, "=SUMPRODUCT(B2:B3*1)", "=CRR(B2,1,200)"
    sheet["E2"], sheet["E1"] = "8", "=CRR(E2,1,200)"
    book.save(tmp_path / "t.xlsx")
    report = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {issue.address: issue.reason for issue in report.errors}
    assert reasons["S!A1"] == (
        "S!B2 is the text '185\\t', no number to Excel (with a tab around '185'): take it off in the formula that "
        f"makes it: {STEP}"
    )
    assert reasons["S!C1"] == (
        "CRR: customers_end must be a number, got the text '185\\t' (a number as text, made by S!B2's formula "
        '="185"&CHAR(9): make a number of it there: VALUE(..), with CLEAN(..) for a tab or line break, '
        'SUBSTITUTE(..,CHAR(160),"") for a no-break space), in S!B2, computed there by its formula (#VALUE!)'
    )
    assert reasons["S!E1"] == (
        "CRR: customers_end must be a number, got the text '8' (a number stored as text: type it as a number), in "
        "S!E2 (#VALUE!)"
    )
