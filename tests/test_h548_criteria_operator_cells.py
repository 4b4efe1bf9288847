"""A criterion held by a cell (or made when the formula runs) as an operator before a formatted number (H548 task 2).

``COUNTIF(A2:A5,">=50%")`` typed in is listed where its range holds a number written as text with %, $ or thousands
separators ("50%", "$1,000"): whether Excel matches that text is not documented (bea8a7a8, .criteria_runtime). The
same criterion held by a cell (D1 holding ``>=50%``), made by ``">="&"50%"``, or an element of an array of criteria
(``SUMPRODUCT(COUNTIF(A2:A5,D1:D2))``, ``{">=50%","x"}``) was computed under ok, matching the numbers only (the array
route read ``">=50%"`` as no number: 1 and 2 where 2 and 4 are the numbers' counts). Each is now listed as the typed
one is; over a range holding no such text each is computed, ``>=50%`` read as ``>=0.5``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import CliRecalc, recalc_cli

CRITERIA = {"D1": ">=50%", "D2": "<=$1,000", "D3": "<>50%", "D4": ">(5)"}
FORMULAS = {
    "F1": "=COUNTIF(A2:A5,D1)",
    "F2": "=SUMIF(A2:A5,D2,B2:B5)",
    "F3": "=COUNTIFS(A2:A5,D3)",
    "F4": "=_xlfn.MAXIFS(B2:B5,A2:A5,D4)",
    "F5": '=COUNTIF(A2:A5,">="&"50%")',
    "F6": "=SUMPRODUCT(COUNTIF(A2:A5,D1:D2))",
    "F7": '=SUMPRODUCT(COUNTIF(A2:A5,{">=50%","x"}))',
    "F8": '=COUNTIF(A2:A5,">=50%")',  # typed in: listed before too
    "F9": '=SUMPRODUCT(COUNTIFS(A2:A5,D1:D2,B2:B5,">0"))',
}
_RUNS = (
    "a criterion here, {criterion}, is when the formula runs an operator before a number written with %, $ or "
    "thousands separators and its range A2:A5 holds such text; whether Excel matches that text is not documented, so "
    "the embedded engine does not compute it"
)


def _book(path: Path, amounts: tuple[object, ...]) -> CliRecalc:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for n, value in enumerate(amounts, 2):
        sheet[f"A{n}"], sheet[f"B{n}"] = value, n * 10
    for ref, text in CRITERIA.items():
        sheet[ref] = text
    for ref, formula in FORMULAS.items():
        sheet[ref] = formula
    book.save(path)
    return recalc_cli(path)


def test_operator_criterion_in_a_cell_over_formatted_text_is_listed(tmp_path: Path) -> None:
    listed = _book(tmp_path / "texts.xlsx", (0.5, "50%", 0.75, "$1,000")).listed
    assert sorted(listed) == sorted(f"S!{ref}" for ref in FORMULAS)
    for ref, criterion in (("F1", "D1"), ("F2", "D2"), ("F3", "D3"), ("F4", "D4"), ("F5", '">="&"50%"')):
        assert listed[f"S!{ref}"] == ("criteria", _RUNS.format(criterion=criterion))
    assert listed["S!F8"][1].startswith('a criterion here, ">=50%", is a number written with %, $ or thousands')
    for ref, criteria in (("F6", "D1:D2"), ("F7", '{">=50%","x"}'), ("F9", "D1:D2")):  # named (H548 task 3)
        assert listed[f"S!{ref}"] == (
            "criteria",
            f"a criterion here, one of {criteria}, is an operator before a number written with %, $ or thousands "
            "separators and its range A2:A5 holds such text; whether Excel matches that text is not documented, so "
            "the embedded engine does not compute it",
        )


def test_operator_criterion_in_a_cell_over_numbers_is_computed(tmp_path: Path) -> None:
    done = _book(tmp_path / "numbers.xlsx", (0.5, 0.25, 0.75, 1000))
    assert (done.report["status"], done.listed, done.errors) == ("ok", {}, {})
    assert {ref: done.values.get(ref) for ref in FORMULAS} == {
        "F1": 3,  # 0.5, 0.75, 1000
        "F2": 140,  # all four
        "F3": 3,
        "F4": 50,  # every amount is > -5: the largest B
        "F5": 3,
        "F6": 7,  # 3 + 4
        "F7": 3,
        "F8": 3,
        "F9": 7,
    }
