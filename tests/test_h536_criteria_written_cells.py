"""A criterion held by a cell as a number written with %, $, thousands separators or brackets (H528's finding 03).

Excel reads a criterion's text the same whether it is typed in the formula or held by a cell: ``"50%"`` is 0.5,
``"$1,000"`` 1000, ``"(5)"`` -5, ``"1 1/2"`` 1.5 (its input parsing). From a cell the engine matched such a text as
text: COUNTIF, SUMIF, MAXIFS and SUMPRODUCT(COUNTIF(range, D1:D2)) gave 0 under status ok, and DSUM's criteria
``>=75%``, ``>$999``, ``<50%`` gave 0 too. LibreOffice 7.4 gives the values asserted below. Where the range holds the
same number as such text (the text ``50%``), whether Excel matches that text is not documented: listed, as for a
criterion typed in the formula.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_cli

CRITERIA = {"D1": "50%", "D2": "$1,000", "D3": "(5)", "D4": "1 1/2", "D5": "-$5", "D6": "=$1.50", "D7": "x,y"}
FORMULAS = {
    "F1": ("=COUNTIF(A2:A7,D1)", 1),
    "F2": ("=SUMIF(A2:A7,D2,B2:B7)", 30),
    "F3": ("=SUMIF(A2:A7,D3,B2:B7)", 50),
    "F4": ("=SUMIF(A2:A7,D4,B2:B7)", 60),
    "F5": ("=_xlfn.MAXIFS(B2:B7,A2:A7,D5)", 50),
    "F6": ("=COUNTIFS(A2:A7,D6)", 1),  # "=$1.50": equal to 1.5
    "F7": ("=AVERAGEIF(A2:A7,D1,B2:B7)", 10),
    "F8": ("=SUMPRODUCT(COUNTIF(A2:A7,D1:D2))", 2),
    "F9": ("=SUMPRODUCT(SUMIFS(B2:B7,A2:A7,D3:D4))", 110),
    "F10": ('=COUNTIF(A2:A7,"50%")', 1),  # typed in: as before
    "F11": ("=SUMIF(A2:A7,D7,B2:B7)", 0),  # other text: as before
    "F12": ('=DSUM(A1:B7,"Amt",K1:K2)', 130),  # >=75%: 0.75, 1000, 1.5
    "F13": ('=DSUM(A1:B7,"Amt",L1:L2)', 30),  # >$999
    "F14": ('=DSUM(A1:B7,"Amt",M1:M2)', 70),  # <50%: 0.25, -5
    "F15": ('=DSUM(A1:B7,"Amt",N1:N2)', 10),  # 50%
    "F16": ('=DSUM(A1:B7,"Amt",O1:O2)', 50),  # =-$5
}
DATABASE_CRITERIA = {"K": ">=75%", "L": ">$999", "M": "<50%", "N": "50%", "O": "=-$5"}


def test_criterion_cell_written_as_formatted_number_is_that_number(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["Rate", "Amt"])
    for rate, amount in ((0.5, 10), (0.25, 20), (1000, 30), (0.75, 40), (-5, 50), (1.5, 60)):
        sheet.append([rate, amount])
    for ref, text in CRITERIA.items():
        sheet[ref] = text
        sheet[ref].data_type = "s"  # "=$1.50" typed as text (as '=$1.50 in Excel), not a formula
    for column, text in DATABASE_CRITERIA.items():
        sheet[f"{column}1"], sheet[f"{column}2"] = "Rate", text
        sheet[f"{column}2"].data_type = "s"
    for ref, (formula, _) in FORMULAS.items():
        sheet[ref] = formula
    path = tmp_path / "rates.xlsx"
    book.save(path)
    done = recalc_cli(path)
    assert (done.report["status"], done.listed) == ("ok", {}), done.listed
    assert openpyxl.load_workbook(path)["S"]["D6"].value == "=$1.50"  # text, as Excel shows it
    assert {ref: done.values.get(ref) for ref in FORMULAS} == {ref: want for ref, (_, want) in FORMULAS.items()}


def test_criterion_cell_over_the_same_number_as_text_is_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for n, value in enumerate((0.5, "50%", 1000, "$1,000"), 2):
        sheet[f"A{n}"], sheet[f"B{n}"] = value, n * 10
    sheet["D1"], sheet["D2"], sheet["D3"] = "50%", "$1,000", "25%"
    sheet["F1"] = "=COUNTIF(A2:A5,D1)"
    sheet["F2"] = "=SUMPRODUCT(COUNTIF(A2:A5,D1:D2))"
    sheet["F3"] = "=SUMIF(A2:A5,D3,B2:B5)"  # no 0.25 there, as number or text: computed
    path = tmp_path / "texts.xlsx"
    book.save(path)
    done = recalc_cli(path)
    listed = done.listed
    assert sorted(listed) == ["S!F1", "S!F2"]
    assert listed["S!F1"] == (
        "criteria",
        "a criterion here, D1, is a number when the formula runs and its range A2:A5 holds the same number as text "
        "(a number written with %, $ or thousands separators); whether Excel matches that text is not documented, "
        "so the embedded engine does not compute it",
    )
    assert listed["S!F2"][0] == "criteria"
    assert listed["S!F2"][1] == (  # the array route names its criteria and range (H548 task 3)
        "a criterion here, one of D1:D2, is a number when the formula runs and its range A2:A5 holds the same number "
        "as text (a number written with %, $ or thousands separators); whether Excel matches that text is not "
        "documented, so the embedded engine does not compute it"
    )
    assert done.values["F3"] == 0
