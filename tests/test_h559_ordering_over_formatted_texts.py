"""An ordering on a plain number over a range holding the number written as formatted text (H559's task 1, second part).

``COUNTIF(B2:B3,">=0.5")`` over the text "50%" and the number 0.6 was computed (1: the number only) under ok, where
``">=50%"`` (the same criterion to Excel) over the same range is listed: whether Excel reads a formatted-number text of
the range as its number for an ordering is documented nowhere (for ``"=0.5"`` it matches it: the call is listed,
.criteria_formatted). Typed in, held by a cell or in an array of criteria, such an ordering is now listed where the text
would match it if read as its number; where none would (``">0.7"``) or the range holds no such text it is computed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import CliRecalc, recalc_cli

FORMULAS = {
    "F1": '=COUNTIF(B2:B3,">=0.5")',
    "F2": "=COUNTIF(B2:B3,E1)",
    "F3": '=COUNTIF(B2:B3,"<>0.5")',
    "F4": '=SUMIFS(A2:A3,B2:B3,">=0.5")',
    "F5": "=SUMPRODUCT(COUNTIF(B2:B3,E1:E2))",
    "F6": '=COUNTIF(B2:B3,">0.7")',  # "50%" matches neither way: computed
}


def _book(path: Path, texts: tuple[object, object]) -> CliRecalc:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A2"], sheet["A3"] = 10, 20
    sheet["B2"], sheet["B3"] = texts
    sheet["E1"], sheet["E2"] = ">=0.5", "<0.5"
    for ref, formula in FORMULAS.items():
        sheet[ref] = formula
    book.save(path)
    return recalc_cli(path)


def test_ordering_over_formatted_number_text_is_listed(tmp_path: Path) -> None:
    done = _book(tmp_path / "texts.xlsx", ("50%", 0.6))
    assert sorted(done.listed) == ["S!F1", "S!F2", "S!F3", "S!F4", "S!F5"]
    tail = (
        "an ordering on a number and its range {area} holds a number written as text with %, $ or thousands "
        "separators that the ordering matches if read as its number; whether Excel reads that text so is not "
        "documented, so the embedded engine does not compute it"
    )
    assert done.listed["S!F1"] == ("criteria", 'a criterion here, ">=0.5", is ' + tail.format(area="B2:B3"))
    assert done.listed["S!F2"] == (
        "criteria",
        "a criterion here, E1, is when the formula runs " + tail.format(area="B2:B3"),
    )
    assert done.values["F6"] == 0


def test_ordering_over_numbers_is_computed(tmp_path: Path) -> None:
    done = _book(tmp_path / "numbers.xlsx", (0.5, 0.6))
    assert (done.report["status"], done.listed) == ("ok", {})
    assert {ref: done.values.get(ref) for ref in FORMULAS} == {
        "F1": 2, "F2": 2, "F3": 1, "F4": 30, "F5": 2, "F6": 0,
    }  # fmt: skip
