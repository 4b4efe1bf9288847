"""The sBG fit's note on Cohorts where the triangle is no count of customers (H224's findings 02 and 03).

Retention shares typed into the survivors table (1, 0.8, 0.7, ...): the fit is #NUM! (it takes counts) and the note
listed "counts that rise, survivors 0 ..., a cohort with fewer than 3 months, no churn at all, or churn alike", none
true; it now says the counts are not whole. A triangle pasted as numbers stored as text: every fit blank (COUNT is 0)
under no word; the note now says the triangle holds text only. An earlier tracker's note is named and upgraded.
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention import recalc
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import FIT_REASONS, sbg_note
from xl_retention.workbook.upgrade_file import earlier_template_line, upgrade_workbook

COUNTS = ((100, 80, 70, 64, 60, 57), (120, 95, 84, 77, 72), (90, 72, 63, 58), (110, 88, 78), (130, 105), (100,))
SHARES = ((1, 0.8, 0.7, 0.64, 0.6, 0.57), (1, 0.792, 0.7, 0.65, 0.61), (1, 0.8, 0.72, 0.66), (1, 0.81, 0.7), (1, 0.79))
NOT_WHOLE = (
    "#NUM! (Err:504 in LibreOffice): the triangle holds counts that are not whole (shares or fractions: a retention "
    "curve typed?); the fits take each cohort's customers: type those, as counted"
)
TEXT_ONLY = (
    "No fit: the triangle holds text only, no number (numbers pasted as text?); type them as numbers (paste values "
    "as numbers, or Data > Text to Columns)"
)


def _tracker(tmp_path, triangle, as_text: bool = False):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    for i, row in enumerate(triangle):
        for j, value in enumerate(row):
            ws.cell(row=4 + i, column=2 + j, value=str(value) if as_text else value)
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "fit")
    wb.save(path)
    return path, fit


@pytest.mark.parametrize(
    ("triangle", "as_text", "figures", "note"),
    [
        (SHARES, False, ["#NUM!"] * 3, NOT_WHOLE),
        (COUNTS, True, [None] * 3, TEXT_ONLY),
        (COUNTS, False, [0.28566, 1.1401, -505.1764], None),  # H224/02's right values (scipy): unchanged
    ],
)
def test_the_sbg_note_says_why(tmp_path, triangle, as_text, figures, note):
    path, fit = _tracker(tmp_path, triangle, as_text)
    report = recalc(path, output_dir=tmp_path / "out")
    assert report.files[0].status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Cohorts"]
    values = [ws.cell(fit, c).value for c in range(2, 5)]
    if isinstance(figures[0], float):
        values = [round(v, 4) for v in values]
        figures = [round(v, 4) for v in figures]
    assert values == figures
    assert ws.cell(fit, 7).value == note


def test_the_bdw_note_lists_counts_not_whole_among_its_reasons():
    assert FIT_REASONS[5].startswith(
        "#NUM! (Err:504 in LibreOffice): counts that rise, counts not whole (shares typed: type each cohort's "
    )


def test_an_earlier_trackers_sbg_note_is_named_and_upgraded(tmp_path):
    path, fit = _tracker(tmp_path, SHARES)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    reasons = ",".join(f'"{r}"' for r in FIT_REASONS)
    current = ws.cell(fit, 7).value
    assert current == sbg_note(f"B{fit}", reasons)
    ws.cell(fit, 7).value = f'=IF(ISERROR(B{fit}),CHOOSE(MIN(ERROR.TYPE(B{fit}),8),{reasons}),"")'  # before 12-04
    wb.save(path)
    assert f"'Cohorts'!G{fit}" in earlier_template_line(path)
    assert upgrade_workbook(path).upgraded == [f"'Cohorts'!G{fit}"]
    assert openpyxl.load_workbook(path)["Cohorts"].cell(fit, 7).value == current
