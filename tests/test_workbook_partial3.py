"""Partly filled trackers (H11's w15): input no formula reads.

NPS answers of a month typed by hand to the right of "NPS scores"' last month (as one extends a list in Excel) are
read by no formula: recalc reports the tracker as incomplete, naming the first such cell, as it does for a month
typed below a monthly sheet's last month.

Every workbook is made by build_template (or `xl-retention new`) in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from cli_process import run

from xl_retention.workbook import build_template
from xl_retention.workbook.checks import unread_answers, unread_input

BESIDE = (
    "t.xlsx: 'NPS scores'!E2 holds an answer in a column no NPS formula reads (they read columns B to D, the "
    "tracker's months): its answers are not counted; add months with xl-retention extend FILE --months N or import "
    "--nps FILE --into (both add them at the end, formulas too)"
)


def _three_months_of_nps(tmp_path: Path) -> tuple[Path, openpyxl.Workbook]:
    """A 3-month tracker (January to March 2026) with January's answers 9, 10, 8 (NPS 66.7), opened in openpyxl."""
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(book)
    for row, score in enumerate([9, 10, 8], start=2):
        wb["NPS scores"].cell(row, 2).value = score
    return book, wb


def test_answers_of_a_month_typed_right_of_the_last_month_make_recalc_incomplete_naming_the_cell(tmp_path):
    book, wb = _three_months_of_nps(tmp_path)
    scores = wb["NPS scores"]
    scores["E1"] = dt.datetime(2026, 4, 1)  # April, typed to the right of March
    for row, score in enumerate([2, 3, 10, 1], start=2):
        scores.cell(row, 5).value = score
    wb.save(book)
    result = run("recalc", book, "--engine", "embedded", "--output-dir", tmp_path / "o", "--json")
    assert result.returncode == 1
    (report,) = json.loads(result.stdout)["files"]
    assert (report["status"], report["message"]) == ("incomplete", BESIDE)
    nps = openpyxl.load_workbook(tmp_path / "o" / "t.xlsx", data_only=True)["NPS"]
    assert nps["F2"].value == pytest.approx(200 / 3, abs=1e-9)  # January is still computed: (2 - 0) / 3 * 100


def test_the_first_unread_answer_is_named_row_by_row(tmp_path):
    book, wb = _three_months_of_nps(tmp_path)
    scores = wb["NPS scores"]
    scores["F3"], scores["E4"] = 7, 5  # two months to the right, the first answer in row 3
    wb.save(book)
    assert unread_answers(book) == BESIDE.replace("!E2", "!F3").removeprefix("t.xlsx: ")


@pytest.mark.parametrize(
    "typed",
    [
        {"E1": dt.datetime(2026, 4, 1)},  # a month's header alone: no answer yet
        {"E1": "Comments", "E2": 3},  # a column of the user's own, headed with text
        {"E2": "late answer"},  # text is no answer
        {"E2": "=AVERAGE(B2:B4)"},  # a formula of the user's own
        {"A5": 4},  # column A numbers the responses
    ],
)
def test_what_is_no_answer_of_an_unread_month_is_not_reported(tmp_path, typed):
    book, wb = _three_months_of_nps(tmp_path)
    for ref, value in typed.items():
        wb["NPS scores"][ref] = value
    wb.save(book)
    assert unread_input(book) is None


def test_importing_the_month_instead_adds_it_with_formulas_and_counts_its_answers(tmp_path):
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    answers = tmp_path / "nps.csv"
    answers.write_text("date,score\n2026-01-05,9\n2026-04-02,2\n2026-04-03,10\n2026-04-09,1\n")
    result = run("import", "--nps", answers, "--into", book, "--recalc")
    assert result.returncode == 0, result.stdout + result.stderr
    nps = openpyxl.load_workbook(book, data_only=True)["NPS"]
    assert (nps["A5"].value, nps["B5"].value, nps["F5"].value) == (dt.datetime(2026, 4, 1), 3, pytest.approx(-100 / 3))
    assert unread_input(book) is None
