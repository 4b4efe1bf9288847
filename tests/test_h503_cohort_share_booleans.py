"""TRUE or FALSE typed in the Cohorts sheet's triangles: the template's shares refuse it (#VALUE!, recalc naming the
cell), as the monthly sheets' counts do since 992d98cf. Before, Cohorts!C10 (the Jan cohort's month 1 retention) was
0.01 for TRUE typed in C4 beside 100 in B4, in Excel and in recalc (e14ace29 named the cell, the file incomplete);
an earlier tracker's shares still read it as 1 until ``upgrade`` gives them this version's form."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from typed_tracker import typed_over

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.upgrade_file import earlier_formulas

DATA = Path(__file__).parent / "data"
GUARDED_C10 = '=IF(OR(ISLOGICAL(C4),ISLOGICAL($B4)),#VALUE!,IF(OR(C4="",$B4="",IFERROR($B4+0=0,FALSE)),"",C4/$B4))'
TYPED = {"Cohorts": {"B4": 100, "C4": True, "D4": 70, "B5": 80, "C5": 60, "B6": 90}}


def _recalculated(path: Path, out: Path):
    report = recalc_file(path, out, engine="embedded")
    return report, openpyxl.load_workbook(out, data_only=True)["Cohorts"]


def test_true_in_the_survivors_and_false_in_the_order_cohorts_are_value_errors_naming_the_cell(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    assert openpyxl.load_workbook(path)["Cohorts"]["C10"].value == GUARDED_C10
    typed_over(path, {"Cohorts": {**TYPED["Cohorts"], "B29": 50, "C29": False}})
    report, cohorts = _recalculated(path, tmp_path / "out.xlsx")
    assert (cohorts["C10"].value, cohorts["C35"].value) == ("#VALUE!", "#VALUE!")
    reasons = {e.address: e.reason for e in report.errors}
    assert reasons["Cohorts!C10"] == "Cohorts!C4 is TRUE, no number (type the number there) (#VALUE!)"
    assert reasons["Cohorts!C35"] == "Cohorts!C29 is FALSE, no number (type the number there) (#VALUE!)"
    assert "Excel reads it as" not in (report.message or "")
    # the other shares as before: numbers typed are computed as they were
    assert (cohorts["B10"].value, cohorts["D10"].value, cohorts["C11"].value) == (1, 0.7, 0.75)
    typed_over(path, {"Cohorts": {"C4": 75, "C29": 10}})
    report, cohorts = _recalculated(path, tmp_path / "out2.xlsx")
    assert (cohorts["C10"].value, cohorts["C35"].value) == (0.75, 0.2)
    assert not [e for e in report.errors if e.address.startswith("Cohorts!") and "no number" in e.reason]


def test_an_earlier_trackers_shares_are_upgraded_to_refuse_a_boolean(tmp_path):
    path = tmp_path / "t.xlsx"
    shutil.copy(DATA / "template_2026-11-22_847ea2c3.xlsx", path)  # shares =IF(OR(C4="",$B4="",$B4=0),"",C4/$B4)
    typed_over(path, TYPED)
    report, cohorts = _recalculated(path, tmp_path / "out.xlsx")
    assert cohorts["C10"].value == 0.01  # as Excel computes it: named, the file incomplete (e14ace29)
    assert report.status == "incomplete"
    assert "Cohorts!C4 (survivors) is TRUE, no number (Excel reads it as 1)" in report.message
    shares = ["'Cohorts'!B10:B12", "'Cohorts'!C10:C11", "'Cohorts'!D10"]  # each column's run of shares
    assert [cell for cell in earlier_formulas(path)[0] if cell.startswith("'Cohorts'")] == shares
    assert cli.main(["upgrade", str(path)]) == 0
    sheet = openpyxl.load_workbook(path)["Cohorts"]
    assert sheet["C10"].value == GUARDED_C10
    assert sheet["B12"].value == GUARDED_C10.replace("C4", "B6").replace("$B4", "$B6")
    report, cohorts = _recalculated(path, tmp_path / "out2.xlsx")
    assert (cohorts["C10"].value, cohorts["D10"].value, cohorts["C11"].value) == ("#VALUE!", 0.7, 0.75)
    assert "Excel reads it as" not in (report.message or "")


def test_the_shares_of_the_form_before_are_upgraded_too(tmp_path):
    path = tmp_path / "t.xlsx"
    shutil.copy(DATA / "template_before_2026-12-03.xlsx", path)  # =IF(OR(C4="",$B4="",IFERROR($B4+0=0,FALSE)),..)
    assert cli.main(["upgrade", str(path)]) == 0
    sheet = openpyxl.load_workbook(path)["Cohorts"]
    assert sheet["C31"].value == GUARDED_C10
    assert sheet["Y119"].value == GUARDED_C10.replace("C4", "Y92").replace("$B4", "$B92")  # the order cohorts'
