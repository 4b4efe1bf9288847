"""upgrade brings the notes beside the Cohorts fits (G of the sBG and BdW rows) of an earlier template to this
version's formulas, reasons and all (H451's finding 01: a tracker of the 2026-12-01 template kept the earlier #NUM!
reasons, without "survivors 0 in every cohort from one month on", "counts not whole" or "Err:504 in LibreOffice",
and a second upgrade said "its formulas are this version's already")."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import sbg_note
from xl_retention.workbook.upgrade_file import earlier_template_line, upgrade_workbook

DATA = Path(__file__).parent / "data"
#: the CHOOSE texts of the notes of the template of 2026-12-01, verbatim
#: (`git show 12321bfb:workbooks/retention_template.xlsx`, Cohorts!G58 and G59)
REASONS_2026_12_01 = (
    '"","#DIV/0!: every cohort has 0 customers","#VALUE!: text in the triangle","#REF!","#NAME?: the xl-retention '
    'functions are not loaded (see Start here)","#NUM!: counts that rise, a cohort with fewer than 3 months, no churn '
    "at all, or churn alike for every customer (no finite fit: the constant-churn lifetime value applies); recalc's "
    'report names which for sBG, xr.bdw_fit in Python for BdW","#N/A",""'
)
G58_2026_12_01 = f'=IF(ISERROR(B58),CHOOSE(MIN(ERROR.TYPE(B58),8),{REASONS_2026_12_01}),"")'
G59_2026_12_01 = (
    '=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF(ISERROR(INDEX(BDW_FIT(Cohort_Counts),1,1)),"no BdW '
    'fit: "&CHOOSE(MIN(ERROR.TYPE(INDEX(BDW_FIT(Cohort_Counts),1,1)),8),' + REASONS_2026_12_01 + '),"")))'
)
NOTHING = "its formulas are this version's already (nothing changed)"


def _notes(path: Path) -> list[object]:
    ws = openpyxl.load_workbook(path)["Cohorts"]
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "fit")
    assert fit == 58
    return [ws["G58"].value, ws["G59"].value]


def _fresh(tmp_path: Path) -> list[object]:
    return _notes(build_template(tmp_path / "new.xlsx", start="2026-01", months=24))


def _upgraded_twice(path: Path) -> list[str]:
    first = upgrade_workbook(path)
    assert {"'Cohorts'!G58", "'Cohorts'!G59"} <= set(first.upgraded)
    return upgrade_workbook(path).lines(path)


def test_the_notes_of_the_kept_template_before_2026_12_03_are_this_versions(tmp_path):
    path = tmp_path / "old.xlsx"
    shutil.copy(DATA / "template_before_2026-12-03.xlsx", path)
    assert "counts not whole" not in _notes(path)[0]
    assert _upgraded_twice(path) == [f"{path}: {NOTHING}"]
    assert _notes(path) == _fresh(tmp_path)
    assert "counts not whole" in _notes(path)[0]
    assert earlier_template_line(path) is None


def test_the_notes_of_the_template_of_2026_12_01_are_this_versions(tmp_path):
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=24)
    wb = openpyxl.load_workbook(path)
    wb["Cohorts"]["G58"], wb["Cohorts"]["G59"] = G58_2026_12_01, G59_2026_12_01
    wb.save(path)
    assert "'Cohorts'!G58" in earlier_template_line(path)
    assert _upgraded_twice(path) == [f"{path}: {NOTHING}"]
    notes = _notes(path)
    assert notes == _fresh(tmp_path)
    assert "survivors 0 in every cohort from one month on" in notes[0]
    assert "Err:504 in LibreOffice" in notes[1]


def test_a_note_an_earlier_upgrade_gave_the_earlier_reasons_is_this_versions(tmp_path):
    """What upgrade wrote before: this version's sBG note with the template of 2026-12-01's reasons."""
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=24)
    wb = openpyxl.load_workbook(path)
    wb["Cohorts"]["G58"] = sbg_note("B58", REASONS_2026_12_01)
    wb.save(path)
    assert "'Cohorts'!G58" in earlier_template_line(path)
    assert upgrade_workbook(path).upgraded == ["'Cohorts'!G58"]
    assert _notes(path) == _fresh(tmp_path)


def test_a_note_of_the_users_own_is_kept(tmp_path):
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=24)
    wb = openpyxl.load_workbook(path)
    wb["Cohorts"]["G58"] = '=IF(ISERROR(B58),"no sBG fit: see my notes","")'
    wb.save(path)
    assert upgrade_workbook(path).lines(path) == [f"{path}: {NOTHING}"]
    assert _notes(path)[0] == '=IF(ISERROR(B58),"no sBG fit: see my notes","")'
