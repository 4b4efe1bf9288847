"""An input column deleted from a monthly sheet (H265's finding 04): Revenue's always-empty "Reactivation MRR" (E)
deleted in LibreOffice left the name Revenue_Reactivation and every template formula reading E as #REF! (MRR at end,
NRR, the MRR at start of the next month); recalc advised "run xl-retention upgrade on the file to put the column and
its name back", which upgrade did not do ("its formulas are this version's already (nothing changed)"): the advice
looped. The advice now gives a step that works, inserting the column again, and upgrade then points the name at it
and puts the formulas left #REF! back. The workbook is built here as LibreOffice leaves it after the deletion and the
column inserted again with its header: each reference to E in Revenue's formulas #REF!, the name #REF!."""

from __future__ import annotations

import re

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.upgrade_file import upgrade_workbook

_E = re.compile(r"(?<![A-Z$'!])\$?E\$?[0-9]+(?![0-9(])")


def _deleted_then_inserted(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    r = wb["Revenue"]
    r["B2"] = 10000
    for i, (new, expansion, contraction, churned) in enumerate([(1000, 200, 100, 300), (800, 150, 80, 400)]):
        r.cell(2 + i, 3).value, r.cell(2 + i, 4).value = new, expansion
        r.cell(2 + i, 6).value, r.cell(2 + i, 7).value = contraction, churned
    broken = 0
    for row in r.iter_rows(min_row=2, max_row=13):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("=") and _E.search(cell.value):
                cell.value, broken = _E.sub("#REF!", cell.value), broken + 1
    assert broken > 24  # MRR at end and the rates of every month read E
    wb.defined_names["Revenue_Reactivation"].attr_text = "#REF!"
    wb.save(path)
    return path


def test_recalc_advises_inserting_the_column_and_upgrade_puts_the_rest_back(tmp_path):
    path = _deleted_then_inserted(tmp_path)
    report = recalc_file(path, tmp_path / "before.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert (
        "the name Revenue_Reactivation (the column 'Reactivation MRR' of Revenue, E in the template) points to #REF!: "
        "its cells were deleted, and the formulas reading it (the Dashboard's figures, the lifetime value's churn, "
        "the charts) give #REF!: insert a column headed 'Reactivation MRR' where it was (E, the columns after it "
        "moving right again; or undo the deletion), then run xl-retention upgrade on the file, which points the name "
        "at it and puts the template's formulas left #REF! back, then run again"
    ) in report.message
    done = upgrade_workbook(path)
    assert "(#REF!: a column deleted?)" in done.lines(path)[0]
    fresh = openpyxl.load_workbook(build_template(tmp_path / "fresh.xlsx", start="2026-01", months=12))["Revenue"]
    upgraded = openpyxl.load_workbook(path)
    assert upgraded.defined_names["Revenue_Reactivation"].attr_text == "'Revenue'!$E$2:$E$13"
    for row in upgraded["Revenue"].iter_rows(min_row=2, max_row=13):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                assert cell.value == fresh[cell.coordinate].value
    report = recalc_file(path, tmp_path / "after.xlsx", engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    values = openpyxl.load_workbook(tmp_path / "after.xlsx", data_only=True)
    assert [values["Revenue"][f"H{row}"].value for row in (2, 3)] == [10800, 11270]
    assert values["Dashboard"]["B5"].value == 11270


def test_upgrade_of_the_column_still_deleted_says_what_to_do(tmp_path):
    """Before the column is inserted again upgrade said "its formulas are this version's already (nothing changed)"."""
    path = _deleted_then_inserted(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Revenue"].delete_cols(5)  # the column gone (openpyxl re-points no formula: those left are not looked at)
    wb.save(path)
    lines = upgrade_workbook(path).lines(path)
    assert "this version's already" not in lines[0]
    assert lines[-1] == (
        "upgrade cannot insert a deleted column again: the name Revenue_Reactivation (the column 'Reactivation MRR' "
        "of Revenue, E in the template) points to #REF!: its cells were deleted, and the formulas reading it (the "
        "Dashboard's figures, the lifetime value's churn, the charts) give #REF!: insert a column headed 'Reactivation "
        "MRR' where it was (E, the columns after it moving right again; or undo the deletion), then run xl-retention "
        "upgrade on the file, which points the name at it and puts the template's formulas left #REF! back, then run "
        "again"
    )
