"""A cohort table's reason names the cells of the periods it speaks of (found beside H138's finding 01).

Before: ``SBG_FIT: survivors rise from 10 at period 0 to 12 at period 1 in cohort row 1: ...`` on the tracker's
Cohorts (and each cell reading the fit: Lifetime value!B9) named no cell; the user had to count the periods from 0
and the cohort rows from 1 of a 12 x 12 triangle. Each "at period t" of the argument's range (a plain range or a
defined name of one) is followed by its cell.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

FALL = "the customers of a cohort still active can only fall (#NUM!)"


def _reasons(tmp_path: Path, path: Path, capsys) -> dict[str, str]:
    capsys.readouterr()
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return {e["address"]: e["reason"] for e in report["errors"]}


def test_a_users_fit_names_each_period_cell(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "Fit"
    tables = {  # first row: the table's top; each with its fault in its second cohort row, period 1
        1: [[100, 80, 70], [50, 60, 40], [30, 20, None]],  # a rise
        5: [[100, 80, 70], [50, None, 40]],  # a blank before later values
        8: [[100, 80, 70], [50, 40.5, 30]],  # not a whole count
        11: [[100, 120, 90]],  # one cohort: no cohort row said
    }
    for top, rows in tables.items():
        for r, row in enumerate(rows, start=top):
            for c, value in enumerate(row, start=1):
                s.cell(r, c).value = value
        s[f"E{top}"] = f"=INDEX(SBG_FIT(A{top}:C{top + len(rows) - 1}),1,1)"
    path = tmp_path / "fit.xlsx"
    wb.save(path)
    assert _reasons(tmp_path, path, capsys) == {
        "Fit!E1": f"SBG_FIT: survivors rise from 50 at period 0 (Fit!A2) to 60 at period 1 (Fit!B2) in cohort row 2: "
        f"{FALL}",
        "Fit!E5": "SBG_FIT: survivors has a blank at period 1 (Fit!B6) in cohort row 2 before later values: only the "
        "end of a cohort's row may be blank (periods count from 0, the cohort size) (#VALUE!)",
        "Fit!E8": "SBG_FIT: survivors must be whole counts >= 0, got 40.5 at period 1 (Fit!B9) in cohort row 2 (#NUM!)",
        "Fit!E11": f"SBG_FIT: survivors rise from 100 at period 0 (Fit!A11) to 120 at period 1 (Fit!B11): {FALL}",
    }


def test_the_trackers_cohort_triangle_names_the_cells(tmp_path, capsys):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    cohorts = wb["Cohorts"]
    for ref, value in {"B4": 100, "C4": 80, "D4": 70, "B5": 50, "C5": 55, "B6": 30}.items():
        cohorts[ref] = value  # the February cohort rises from 50 to 55
    wb.save(path)
    reasons = _reasons(tmp_path, path, capsys)
    why = (
        "SBG_FIT: survivors rise from 50 at period 0 (Cohorts!B5) to 55 at period 1 (Cohorts!C5) in cohort row 2: "
        f"{FALL}"
    )
    assert reasons["Cohorts!B18"] == why  # the fit (4 months: row 18)
    assert reasons["'Lifetime value'!B9"] == f"{why}, from Cohorts!B18"
