"""A cell holding only spaces is blank: an NPS answer pasted from a web page's table as a non-breaking space
(U+00A0) made the month's NPS #VALUE! with the reason "scores must be a number, got '\\xa0'" (H224's finding 09;
a plain space, a tab or an ideographic space alike). Such a cell is a blank answer, left out of the range; a scalar
argument of spaces alone is blank as an empty one."""

from __future__ import annotations

import math

import openpyxl
import pytest

import xl_retention
import xl_retention as xr

ANSWERS = [10, 9, "\xa0", 8, 7, " ", 6, 3]  # 6 answers: 2 promoters, 2 passives, 2 detractors


@pytest.mark.parametrize("space", ["\xa0", " ", "\t", "\u3000", " \xa0 "])
def test_an_answer_of_spaces_alone_is_blank(space: str) -> None:
    answers = [space if isinstance(a, str) else a for a in ANSWERS]
    assert xr.nps(answers) == 0.0
    assert tuple(xr.nps_breakdown(answers)) == (2, 2, 2, 6)


def test_a_scalar_of_spaces_alone_is_blank() -> None:
    assert math.isnan(xr.crr("\xa0", None, ""))
    assert xr.crr(535, 75, 500) == 0.92


def test_text_with_letters_is_still_refused() -> None:
    with pytest.raises(ValueError, match="scores must be a number, got 'n/a' at position 1"):
        xr.nps([10, "n/a"])


def test_recalc_counts_the_month_without_the_blank(tmp_path) -> None:
    book = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for row, answer in enumerate(ANSWERS, 1):
        ws.cell(row, 1, answer)
    ws["B1"], ws["B2"] = "=NPS(A1:A8)", "=INDEX(NPS_BREAKDOWN(A1:A8),1,4)"
    wb.save(book)
    report = xl_retention.recalc([str(book)], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok", report.files[0].message
    out = openpyxl.load_workbook(tmp_path / "out" / "b.xlsx", data_only=True).active
    assert (out["B1"].value, out["B2"].value) == (0, 6)
