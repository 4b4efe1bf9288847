"""Cohorts' "Observed to month" counted the filled cells (COUNT - 1): a cohort row 100, 90, blank, 70, 65 showed 3
where it is observed to month 4 (H120's finding 02). It is now the last filled month. The sBG fit still refuses the
row with the gap (its projection row stays blank); a row without a gap is as before.
"""

from pathlib import Path

import openpyxl
from libreoffice import recalculate as libreoffice_recalculate

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

COHORTS = [[100, 90, None, 70, 65], [80, 70, 62, 55], [0, 0, 0], [12]]


def _observed_to(path: Path) -> list[object]:
    ws = openpyxl.load_workbook(path, data_only=True)["Cohorts"]
    title = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("Projected retention"))
    return [ws.cell(title + 2 + i, 2).value for i in range(6)]


def test_observed_to_month_is_the_last_filled_month(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6, inputs={"Cohorts": COHORTS})
    recalc_file(path, tmp_path / "r.xlsx")
    assert _observed_to(tmp_path / "r.xlsx") == [4, 3, None, 0, None, None]  # 0 customers, empty rows: blank
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Cohorts"]
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "fit")
    assert ws.cell(fit, 2).value == "#VALUE!"  # the fit's refusal of the gap stays


def test_libreoffice_computes_the_same_months(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6, inputs={"Cohorts": COHORTS})
    converted = libreoffice_recalculate(path, tmp_path / "lo")
    assert _observed_to(converted) == [4, 3, None, 0, None, None]
