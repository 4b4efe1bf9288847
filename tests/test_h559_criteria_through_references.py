"""A criterion held by a cell reached through a one-cell range or a function of a range (H553's finding 03).

D1 holding ``>=50%`` is read as ``>=0.5`` in ``COUNTIF(A2:A5,D1)`` (a0079cd1); the same criterion through ``D1:D1``,
``$D$1:$D1``, ``SUMPRODUCT(COUNTIF(A2:A5,D1:D1))``, ``INDEX(D1:D2,1)`` reached the engine unread, matched nothing and
was written 0 under ok (Excel: 3, as through D1). Each is now read as a cell's criterion is; over a range holding a
number written as text ("50%") each is listed as D1's is, and so are a date text (``2024-01-15`` over dates pasted as
text: counted as through D1) and an error (#N/A: listed as through D1).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import CliRecalc, recalc_cli

THROUGH = {
    "F1": "=COUNTIF(A2:A5,D1)",
    "F2": "=COUNTIF(A2:A5,D1:D1)",
    "F3": "=SUMPRODUCT(COUNTIF(A2:A5,D1:D1))",
    "F4": "=COUNTIF(A2:A5,INDEX(D1:D2,1))",
    "F5": "=COUNTIFS(A2:A5,$D$1:$D1)",
    "F6": "=SUMIF(A2:A5,D1:D1,B2:B5)",
    "F7": '=COUNTIFS(A2:A5,INDEX(D1:D2,1),B2:B5,"<50")',
}


def _book(path: Path, amounts: tuple[object, ...], criterion: object = ">=50%") -> CliRecalc:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for n, value in enumerate(amounts, 2):
        sheet[f"A{n}"], sheet[f"B{n}"] = value, n * 10
    sheet["D1"], sheet["D2"] = criterion, "<50%"
    for ref, formula in THROUGH.items():
        sheet[ref] = formula
    book.save(path)
    return recalc_cli(path)


def test_operator_criterion_through_a_reference_is_read_as_through_the_cell(tmp_path: Path) -> None:
    done = _book(tmp_path / "numbers.xlsx", (0.4, 0.5, 0.6, 0.7))
    assert (done.report["status"], done.listed, done.errors) == ("ok", {}, {})
    assert {ref: done.values.get(ref) for ref in THROUGH} == {
        "F1": 3,
        "F2": 3,  # was 0
        "F3": 3,  # was 0
        "F4": 3,  # was 0
        "F5": 3,  # was 0
        "F6": 120,  # 30 + 40 + 50; was 0
        "F7": 2,  # rows 3 and 4 (B 30, 40); was 0
    }


def test_operator_criterion_through_a_reference_over_formatted_text_is_listed(tmp_path: Path) -> None:
    listed = _book(tmp_path / "texts.xlsx", (0.4, "50%", 0.6, 0.7)).listed
    assert sorted(listed) == sorted(f"S!{ref}" for ref in THROUGH)
    runs = (
        "a criterion here, {criterion}, is when the formula runs an operator before a number written with %, $ or "
        "thousands separators and its range A2:A5 holds such text; whether Excel matches that text is not documented, "
        "so the embedded engine does not compute it"
    )
    for ref, criterion in (("F2", "D1:D1"), ("F4", "INDEX(D1:D2,1)"), ("F5", "$D$1:$D1")):
        assert listed[f"S!{ref}"] == ("criteria", runs.format(criterion=criterion))


def test_date_text_and_error_criteria_through_a_reference_as_through_the_cell(tmp_path: Path) -> None:
    dated = _book(tmp_path / "dates.xlsx", ("2024-01-15", 45306, "x", 45307), criterion="2024-01-15")
    assert (dated.report["status"], dated.listed) == ("ok", {})
    assert [dated.values.get(ref) for ref in ("F1", "F2", "F3", "F4", "F5")] == [2, 2, 2, 2, 2]  # F2..F5 were 1
    errors = _book(tmp_path / "errors.xlsx", (0.4, 0.5, 0.6, 0.7), criterion="=NA()")
    assert sorted(errors.listed) == sorted(f"S!{ref}" for ref in THROUGH)  # F2..F7 were #N/A under ok
    assert {reason[1][:48] for reason in errors.listed.values()} == {"a criterion here is an error value (a cell or ex"}
