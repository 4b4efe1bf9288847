"""The Cohorts sheet's BdW note where the BdW fit is refused for a likelihood that does not determine its three
parameters (a peak too flat: alpha 12.97, beta 46.74, c 0.756, log-likelihood -898.924, a standard error of log alpha
of 7.07) while the sBG fit has figures (H213's finding 01, a subscription box's 12 cohorts): the note listed the
triangle's reasons ("counts that rise, survivors 0 in every cohort ..., a cohort with fewer than 3 months, no churn at
all, or churn alike for every customer"), none of which applied; those would have refused the sBG fit too. It now says
BdW's own reason and why BdW - sBG is blank. An earlier tracker's note is brought up by upgrade (recalc names it).
"""

from __future__ import annotations

import openpyxl
import pytest

from xl_retention import recalc
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import FIT_REASONS, bdw_note
from xl_retention.workbook.upgrade_file import earlier_template_line, upgrade_workbook

#: the survivors of 12 monthly signup cohorts (Dec 2025 - Nov 2026), as the import wrote them (H213/01's tri.csv)
TRIANGLE = (
    (51, 40, 35, 28, 24, 23, 21, 19, 16, 13, 13, 12),
    (58, 45, 29, 26, 23, 21, 18, 16, 14, 13, 13),
    (49, 39, 34, 33, 31, 27, 25, 22, 19, 14),
    (51, 43, 35, 32, 31, 27, 22, 21, 20),
    (59, 48, 42, 39, 36, 34, 31, 24),
    (41, 29, 26, 23, 21, 18, 16),
    (51, 44, 37, 33, 28, 25),
    (56, 43, 29, 26, 24),
    (59, 47, 38, 32),
    (48, 34, 29),
    (51, 40),
    (32,),
)
OWN = (
    "no BdW fit: #NUM!: these cohorts fit sBG, but their likelihood does not determine BdW's three parameters (its "
    "peak too flat to fix them, or no peak: a ridge or an edge), so BdW - sBG is blank; xr.bdw_fit in Python says "
    "which, with a flat peak's log-likelihood to compare with sBG's"
)


def _tracker(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2025-12", months=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    for i, row in enumerate(TRIANGLE):
        for j, value in enumerate(row):
            ws.cell(row=4 + i, column=2 + j, value=value)
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "BdW fit")
    wb.save(path)
    return path, fit


@pytest.fixture(scope="module")
def computed(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("bdw")
    path, fit = _tracker(tmp_path)
    report = recalc(path, output_dir=tmp_path / "out")
    ws = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Cohorts"]
    return report, ws, fit


def test_the_note_says_bdws_own_reason_beside_a_fitted_sbg(computed):
    report, ws, fit = computed
    assert report.files[0].status == "ok"
    assert round(ws.cell(fit - 1, 2).value, 5) == 0.98612  # the sBG alpha (scipy's MLE: 0.98612)
    assert round(ws.cell(fit - 1, 3).value, 4) == 3.7779  # beta
    assert ws.cell(fit, 7).value == OWN
    assert [ws.cell(fit, c).value for c in range(2, 6)] == [None] * 4  # no BdW figures, BdW - sBG blank
    assert ws.cell(fit + 1, 4).value is None


def test_a_bdw_failing_with_the_sbg_keeps_the_triangles_reasons(tmp_path):
    """Two months typed (100, 90; a cohort of 80): neither fits, #NUM!: the triangle's reasons, as before."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    ws["B4"], ws["C4"], ws["B5"] = 100, 90, 80
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "BdW fit")
    wb.save(path)
    recalc(path, output_dir=tmp_path / "out")
    ws = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Cohorts"]
    assert ws.cell(fit, 7).value == "no BdW fit: " + FIT_REASONS[5]


def test_an_earlier_trackers_note_is_named_and_upgraded(tmp_path):
    path, fit = _tracker(tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    current = ws.cell(fit, 7).value
    reasons = ",".join(f'"{r}"' for r in FIT_REASONS)
    assert current == bdw_note(reasons)
    ws.cell(fit, 7).value = bdw_note(reasons, own=False)  # the template's note before 2026-12-04
    wb.save(path)
    assert f"'Cohorts'!G{fit}" in earlier_template_line(path)
    assert upgrade_workbook(path).upgraded == [f"'Cohorts'!G{fit}"]
    assert openpyxl.load_workbook(path)["Cohorts"].cell(fit, 7).value == current
    assert earlier_template_line(path) is None
