"""The note beside a failed cohort fit (Cohorts!G of the fit rows, where Lifetime value!C9 sends the user) said
"#VALUE!: text in the triangle" for a cohort row with a blank month before filled ones, where no text is (H172
finding 02): SBG_FIT and BDW_FIT refuse both with #VALUE!, so the note names both."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def test_a_blank_month_inside_a_cohort_row_is_said(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Cohorts"]
    for ref, count in {"B4": 100, "C4": 90, "D4": 80, "E4": 75, "B5": 50, "C5": 45, "E5": 40, "B6": 60}.items():
        ws[ref] = count  # February's cohort: its month 2 (D5) blank, month 3 typed
    wb.save(path)
    done = recalc_file(path, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Cohorts"]
    said = (
        "#VALUE!: text in the triangle, or a blank month before filled ones in a cohort's row (recalc's report names "
        "the cell)"
    )
    assert (ws["B22"].value, ws["G22"].value, ws["G23"].value) == ("#VALUE!", said, f"no BdW fit: {said}")
    assert "Cohorts!D5" in " ".join(str(e) for e in done.errors)  # the cell the report names
