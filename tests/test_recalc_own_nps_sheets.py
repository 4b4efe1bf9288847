"""A team's own workbook with sheets named "NPS" and "NPS scores" is no tracker (H129's finding 05).

Its NPS formula reads the pilot's first 10 answers of 20 on purpose; every value was computed right, but recalc
called the file incomplete (exit 1), advising ``import --nps FILE --into``: the check of answers below the rows the
NPS formulas read took any workbook with those two sheets for a tracker. A tracker carries the name ``NPS_Months``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

SCORES = [10, 9, 10, 3, 9, 6, 8, 10, 2, 7, 10, 10, 1, 9, 8, 5, 10, 9, 4, 10]


def test_own_nps_sheets_reading_some_answers_are_ok(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "NPS"
    summary["A1"], summary["B1"], summary["C1"] = "Pilot", "NPS", "Answers"
    summary["B2"] = "=NPS('NPS scores'!B2:B11)"
    summary["C2"] = "=COUNT('NPS scores'!B2:B11)"
    scores = book.create_sheet("NPS scores")
    scores["B1"] = "Score"
    for row, score in enumerate(SCORES, start=2):
        scores.cell(row, 2, score)
    book.save(tmp_path / "survey.xlsx")
    result = recalc_file(tmp_path / "survey.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.message) == ("ok", "")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["NPS"]
    assert (out["B2"].value, out["C2"].value) == (20, 10)  # 5 promoters, 3 detractors of 10


def test_a_tracker_with_answers_below_the_rows_read_is_still_incomplete(tmp_path: Path) -> None:
    build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    book["NPS scores"]["B1002"] = 9
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert "'NPS scores'!B1002 holds an answer below row 1001" in result.message
