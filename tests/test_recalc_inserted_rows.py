"""Rows inserted inside a tracker's areas, where what the user types is read by no formula (H189's findings 03-05):
recalc said ``ok``, exit 0. Excel and LibreOffice move every reference and name down past an inserted row; here the
rows are inserted with openpyxl and the names and ranges moved as they would (openpyxl moves cells only).

- 01: an empty row inserted among Customers' months (a spacer): the lifetime value's churn read it as a month
  without figures (#N/A, C5 naming it as a month to fill) and recalc's checks of the months stopped at it (May's start
  typed over its formula, 120 where April ended with 106, no longer named). Now the row is named.
- 03: a title row above Customers' headers: recalc's checks of the months read a tracker's sheet from row 1, so a
  start typed over its formula was no longer named. Now the moved header is named, as import and extend refuse it.
- 04: NPS answers typed into a row inserted under the month headers of "NPS scores": the NPS formulas read from row
  3 (January's NPS from 10 of its 11 answers, February's one answer in no NPS). Now the answer is named.
- 07: late January answers typed into a column inserted between January and February of "NPS scores", headed
  "Jan (late)": a text header made it a column of the user's own. Now its answers are named.
- 05: a cohort typed into a row inserted above the first cohort (outside Cohort_Counts: the sBG fit left it out),
  and a 13th cohort typed below the last one of a 12-month tracker. Now the figure is named.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
from cli_process import run

from xl_retention.workbook.checks import unread_input


def _tracker(tmp_path: Path) -> Path:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "12").returncode == 0
    return book


def _recalc(tmp_path: Path, book: Path) -> dict:
    result = run("recalc", book, "--output-dir", tmp_path / "out", "--json")
    (report,) = json.loads(result.stdout)["files"]
    assert result.returncode == (0 if report["status"] == "ok" else 1)
    return report


def test_an_empty_row_inserted_among_the_months_is_named(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    customers = wb["Customers"]
    for r, (gained, end) in enumerate([(10, 105), (8, 108), (5, 104), (3, 106), (7, 110), (4, 112)], start=2):
        customers[f"C{r}"], customers[f"D{r}"] = gained, end
    customers["B2"], customers["B6"] = 100, 120  # May's start typed over its formula: April ended with 106
    wb.save(tmp_path / "typed.xlsx")
    customers.insert_rows(5)  # between March and April
    wb.defined_names["Customers_Months"].attr_text = "'Customers'!$A$2:$A$14"
    wb.save(book)
    line = (
        "'Customers'!A5 ('Month') is empty, between months (2026-03 above, 2026-04 below): a row that is not a month "
        "inside the months (inserted?); delete it: the formulas over the months read it as a month without figures "
        "(the lifetime value's churn gives #N/A), and recalc checks the months above it only"
    )
    assert unread_input(book) == line
    report = _recalc(tmp_path, book)
    assert report["status"] == "incomplete"
    assert line in report["message"]
    assert unread_input(tmp_path / "typed.xlsx") is None  # without the row: the typed start is named (as before)
    assert "Customers!B6 (Customers at start) is 120" in _recalc(tmp_path, tmp_path / "typed.xlsx")["message"]


def test_a_title_row_above_the_headers_is_named(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Customers"].insert_rows(1)
    wb["Customers"]["A1"] = "Customer tracker 2026"
    wb.defined_names["Customers_Months"].attr_text = "'Customers'!$A$3:$A$14"  # as Excel moves it
    wb.save(book)
    line = (
        "'Customers'!A2 holds the header 'Month': the headers are in row 2, not row 1 ('Customer tracker 2026' above "
        "them), where a tracker's headers are (recalc's checks of its months, import and extend read them there): "
        "delete the row above them (a title can go in the sheet's name or a comment) and run again"
    )
    assert unread_input(book) == line
    report = _recalc(tmp_path, book)
    assert report["status"] == "incomplete"
    assert report["message"].startswith(f"t.xlsx: {line}")


def test_answers_in_a_row_inserted_under_the_nps_headers_are_named(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    scores = wb["NPS scores"]
    for i, score in enumerate([10, 9, 9, 8, 7, 6, 3, 10, 2, 9]):
        scores.cell(2 + i, 2, score)  # January's answers
    scores.insert_rows(2)
    scores["B2"], scores["C2"] = 0, 10  # January's newest answer, February's first
    for row in wb["NPS"].iter_rows():
        for cell in row:  # the NPS formulas' ranges, moved below the inserted row
            if isinstance(cell.value, str) and "'NPS scores'!" in cell.value:
                cell.value = re.sub(r"([A-Z]+)\$2:([A-Z]+)\$1001", r"\1$3:\2$1002", cell.value)
    wb.save(book)
    line = (
        "'NPS scores'!B2 holds an answer above row 3, the first row the NPS formulas read (a row inserted under the "
        "month headers?): it is not counted; move the row's answers into empty cells of their months below, then "
        "delete row 2 (the formulas read from row 2 again)"
    )
    assert unread_input(book) == line
    report = _recalc(tmp_path, book)
    assert (report["status"], report["message"]) == ("incomplete", f"t.xlsx: {line}")


def test_a_title_row_above_the_answers_headers_is_named_not_taken_for_answers(tmp_path):
    """H189's finding 10: the month headers below a title row were called 'an answer above row 3'."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    scores = wb["NPS scores"]
    scores["B2"] = 9
    scores.insert_rows(1)
    scores["A1"] = "Survey answers 2026"
    for row in wb["NPS"].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "'NPS scores'!" in cell.value:
                cell.value = re.sub(r"([A-Z]+)\$2:([A-Z]+)\$1001", r"\1$3:\2$1002", cell.value)
    wb.save(book)
    assert unread_input(book) == (
        "'NPS scores'!B2 holds the month headers: the headers are in row 2, not row 1, where the answers sheet's "
        "headers are (its months are read there): delete the row above them (a title can go in the sheet's name or a "
        "comment) and run again"
    )


def test_answers_in_a_column_inserted_between_two_months_are_named(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    scores = wb["NPS scores"]
    for i, score in enumerate([10, 9, 9, 8, 7, 6, 3, 10, 2, 9]):
        scores.cell(2 + i, 2, score)
    scores.insert_cols(3)
    scores["C1"], scores["C2"], scores["C3"], scores["C4"] = "Jan (late)", 3, 2, 1

    def moved(letter: str) -> str:  # February's column and those after it: one to the right
        index = openpyxl.utils.column_index_from_string(letter)
        return openpyxl.utils.get_column_letter(index + 1 if index >= 3 else index)

    ranges = re.compile(r"'NPS scores'!([A-Z]+)\$2:([A-Z]+)\$1001")
    for row in wb["NPS"].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "'NPS scores'!" in cell.value:
                cell.value = ranges.sub(lambda m: f"'NPS scores'!{moved(m[1])}$2:{moved(m[2])}$1001", cell.value)
    wb.save(book)
    line = (
        "'NPS scores'!C2 holds an answer in a column between the months' columns that no NPS formula reads (a column "
        "inserted there?): its answers are not counted; move them into their month's column, below its other "
        "answers, and delete column C"
    )
    assert unread_input(book) == line
    report = _recalc(tmp_path, book)
    assert (report["status"], report["message"]) == ("incomplete", f"t.xlsx: {line}")


def test_a_cohort_typed_above_the_first_or_below_the_last_is_named(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    cohorts = wb["Cohorts"]
    for r, row in enumerate([[100, 90, 82, 76, 71], [80, 71, 64, 60], [90, 81, 74], [70, 62], [60]], start=4):
        for k, value in enumerate(row):
            cohorts.cell(r, 2 + k, value)
    wb.save(tmp_path / "typed.xlsx")
    cohorts.insert_rows(4)
    cohorts["A4"] = "Dec 2025"
    for k, value in enumerate([50, 45, 41, 38, 36, 35]):
        cohorts.cell(4, 2 + k, value)
    wb.defined_names["Cohort_Counts"].attr_text = "'Cohorts'!$B$5:$M$16"
    wb.save(book)
    assert unread_input(book) == (
        "'Cohorts'!B4 holds a figure in a row above the first cohort of Cohort_Counts (rows 5 to 16), which the sBG "
        "and BdW fits and the retention shares read: it is left out (a row inserted above the first cohort?); a "
        "tracker's cohorts start with its first month: delete the row, or make a tracker that starts with that cohort "
        "(xl-retention new NEW.xlsx --start YYYY-MM)"
    )
    below = tmp_path / "below.xlsx"
    wb = openpyxl.load_workbook(tmp_path / "typed.xlsx")
    wb["Cohorts"]["A16"], wb["Cohorts"]["B16"], wb["Cohorts"]["C16"] = "2027-01", 55, 50
    wb.save(below)
    line = (
        "'Cohorts'!B16 holds a figure below the last cohort of Cohort_Counts (rows 4 to 15), which the sBG and BdW "
        "fits and the retention shares read: it is left out; add months with xl-retention extend FILE --months N (the "
        "cohort table grows with them) and type it there"
    )
    assert unread_input(below) == line
    report = _recalc(tmp_path, below)
    assert (report["status"], report["message"]) == ("incomplete", f"below.xlsx: {line}")
    assert unread_input(tmp_path / "typed.xlsx") is None
    assert _recalc(tmp_path, tmp_path / "typed.xlsx")["status"] == "ok"
