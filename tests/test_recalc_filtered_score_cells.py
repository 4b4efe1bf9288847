"""NPS over a FILTER, over CHOOSE of cells by an array typed in, and over a dynamic name (OFFSET): the reason names
the sheet cell to correct, not "cell 2 of scores" (H160 finding 06): the k-th value of a FILTER is the k-th included
row of its range; "got the text '9 ' (a number stored as text: ...)" is read as showing '9 '."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet, save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def test_a_filtered_or_chosen_score_names_its_cell(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A2": "Q1",
        "A3": "Q1",
        "A4": "Q2",
        "A5": "Q2",
        "B2": 10,
        "B3": "9 ",
        "B4": 7,
        "B5": 11,
        "C2": 10,
        "C3": 9,
        "C4": "x",
        "C5": 8,
        "H1": '=NPS(_xlfn._xlws.FILTER(B2:B5,A2:A5="Q1"))',
        "H2": '=NPS(_xlfn._xlws.FILTER(B2:B5,A2:A5="Q2"))',
        "H3": "=NPS(CHOOSE({1,2},B2,B5))",
        "H4": "=NPS(Answers)",
    }
    names = {"Answers": "OFFSET(S!$C$2,0,0,COUNTA(S!$C:$C),1)"}
    result, _ = recalc_sheet(tmp_path, cells, names=names)
    reasons = {issue.address: issue.reason for issue in result.errors}
    assert reasons["S!H1"] == (
        "NPS: scores must be a number, got the text '9 ' (a number stored as text: type it as a number) in S!B3 "
        "(#VALUE!)"
    )
    assert reasons["S!H2"] == "NPS: scores must be a whole score from 0 to 10, got 11 in S!B5 (#NUM!)"
    assert reasons["S!H3"] == "NPS: scores must be a whole score from 0 to 10, got 11 in S!B5 (#NUM!)"
    assert reasons["S!H4"] == "NPS: scores must be a number, got 'x' in S!C4 (#VALUE!)"


def test_a_compared_value_through_a_spill_names_its_cell(tmp_path: Path) -> None:
    # =CRR(INDEX(J2#,2),1,100) over a spill =C2:C4*1: the engine's text wraps the argument in a LET, where no cell was
    # found; the argument as written names J3, the spilled cell holding 110
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["C2"], sheet["C3"], sheet["C4"] = 100, 110, 90
    sheet["J2"] = ArrayFormula("J2:J2", "=C2:C4*1")
    sheet["H1"] = "=CRR(INDEX(_xlfn.ANCHORARRAY(J2),2),1,100)"
    save_dynamic(book, tmp_path / "spill.xlsx", ["J2"])
    result = recalc_file(tmp_path / "spill.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {issue.address: issue.reason for issue in result.errors}
    assert reasons["S!H1"] == (
        "CRR: customers_end (110) exceeds customers_start + customers_gained (100 + 1): customers lost would be "
        "negative: customers_end in S!J3 (#NUM!)"
    )
