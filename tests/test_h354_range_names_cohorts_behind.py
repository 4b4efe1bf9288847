"""upgrade defines a deleted ``Cohort_Counts`` again over the Cohorts sheet's own cohorts, not the monthly sheets'
months (H354, review of f8a2a96c): a tracker whose Cohorts sheet kept its 12 cohorts while an import ran the monthly
sheets to 15 months (a Cohorts left behind, H273) had its ``Cohort_Counts`` ('Cohorts'!$B$4:$M$15) deleted in Google
Sheets; upgrade defined it as 'Cohorts'!$B$4:$P$18, 15 months: three rows past the triangle (the retention table's
title and header) and three empty columns, read by the sBG and BdW fits."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_h273_cohorts_left_behind import _hand_kept

from xl_retention import cli


def test_a_deleted_cohort_counts_is_defined_over_the_sheets_own_cohorts(tmp_path: Path, capsys) -> None:
    path = _hand_kept(tmp_path / "t.xlsx", "2025-01", '=INDIRECT("Cohorts!O4")')  # Cohorts cannot grow
    answers = tmp_path / "nps.csv"
    answers.write_text("date,score\n2025-02-03,9\n2026-03-10,10\n")
    assert cli.main(["import", "--nps", str(answers), "--into", str(path)]) == 0  # monthly sheets to 2026-03
    wb = openpyxl.load_workbook(path)
    assert wb.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$M$15"  # 12 cohorts, 2025-01 to 2025-12
    del wb.defined_names["Cohort_Counts"]  # deleted in Google Sheets' Data > Named ranges
    wb.save(path)
    capsys.readouterr()
    assert cli.main(["upgrade", str(path)]) == 0
    assert "defined the template's names Cohort_Counts ('Cohorts'!$B$4:$M$15)" in capsys.readouterr().out
    assert openpyxl.load_workbook(path).defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$M$15"  # at the
    # parent: 'Cohorts'!$B$4:$P$18
