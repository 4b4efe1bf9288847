"""extend over a month column of "NPS scores" holding its header alone (H265's finding 02): a tracker whose last
month's rows (2026-12) were deleted on every monthly sheet keeps 'NPS scores'!M1 = 2026-12, no answer below it; extend
refused "'NPS scores'!M1 is 2026-12, typed right of the tracker's last month 2026-11 (no NPS formula reads its
answers) ...: move that column's answers into an answers file". The column is the added month's own now; one with an
answer below its header is still refused."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from xl_retention.workbook import build_template
from xl_retention.workbook.extend import extend_workbook


def _tracker(tmp_path, below=None):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=11)
    wb = openpyxl.load_workbook(path)
    scores = wb["NPS scores"]
    for column in range(2, 5):
        for row, score in enumerate([10, 9, 7, 3, 9], start=2):
            scores.cell(row, column).value = score
    assert scores["M1"].value is None and scores["L1"].value == dt.datetime(2026, 11, 1)
    scores["M1"] = dt.datetime(2026, 12, 1)  # the header of the month whose rows were deleted
    scores["M2"] = below
    wb.save(path)
    return path


def test_a_header_alone_right_of_the_last_month_becomes_the_added_months(tmp_path):
    path = _tracker(tmp_path)
    done = extend_workbook(path, months=2)
    assert [str(m) for m in done.added] == ["2026-12", "2027-01"]
    wb = openpyxl.load_workbook(path)
    assert [wb["NPS scores"].cell(1, c).value for c in (12, 13, 14)] == [
        dt.datetime(2026, 11, 1),
        dt.datetime(2026, 12, 1),
        dt.datetime(2027, 1, 1),
    ]
    assert "'NPS scores'!M$2:M$1001" in wb["NPS"]["C13"].value
    assert "'NPS scores'!N$2:N$1001" in wb["NPS"]["C14"].value


def test_a_column_with_an_answer_is_still_refused(tmp_path):
    path = _tracker(tmp_path, below=9)
    with pytest.raises(ValueError, match=r"'NPS scores'!M1 is 2026-12, typed right of the tracker's last month"):
        extend_workbook(path, months=2)
