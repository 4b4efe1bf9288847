"""A tracker whose user deleted the Lifetime value or the Cohorts sheet (a business that does not use them) shows no
error value and no pointer to the deleted sheet.

Excel writes a defined name over a deleted sheet's cells as #REF! (``#REF!$B$8``; LibreOffice 7.4 ``#REF!``).
Before: the Dashboard's CLV (B9) said "see Lifetime value!B8", of a sheet the workbook no longer has, beside the month
of its churn; Lifetime value's sBG alpha and beta (B9:B10, ``=SBG_Alpha``) were #REF! with no reason, C9 sending the
user to "the note beside the fit on Cohorts". Now the Dashboard's CLV is blank like the NPS of a deleted NPS sheet,
and B9:B10 are blank, C9 saying that the workbook has no Cohorts sheet.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def _deleted(path: Path, title: str, broken: str) -> openpyxl.Workbook:
    """The tracker at ``path`` with three months typed, its sheet ``title`` deleted as ``broken`` ("excel" or
    "libreoffice") deletes it (each defined name over it written as #REF! and its cells' address, or #REF! alone),
    recalculated by the embedded engine (status ok)."""
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 100, 1000
    for row in (2, 3, 4):
        customers[f"C{row}"], customers[f"D{row}"], revenue[f"C{row}"], revenue[f"G{row}"] = 10, 100, 100, 100
    if "Lifetime value" in wb.sheetnames:
        wb["Lifetime value"]["B4"] = 0.8
    wb.remove(wb[title])
    for name, defined in list(wb.defined_names.items()):
        sheet, _, cells = defined.attr_text.partition("!")
        if sheet.strip("'") == title:
            text = "#REF!" + cells if broken == "excel" else "#REF!"
            wb.defined_names[name] = DefinedName(name, attr_text=text)
    wb.save(path)
    report = recalc_file(path, path, engine="embedded", in_place=True)
    assert report.status == "ok", report.message
    return openpyxl.load_workbook(path, data_only=True)


def _errors(wb: openpyxl.Workbook) -> list[str]:
    return [f"{ws.title}!{c.coordinate}" for ws in wb for row in ws.iter_rows() for c in row
            if c.value in ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")]  # fmt: skip


@pytest.mark.parametrize("broken", ["excel", "libreoffice"])
def test_the_dashboard_of_a_tracker_without_lifetime_value_shows_no_clv(tmp_path, broken):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = _deleted(path, "Lifetime value", broken)
    dashboard = wb["Dashboard"]
    assert (dashboard["B4"].value, dashboard["B6"].value) == (100, 0.9)  # April: 100 + 10 - 100, CRR 90/100
    assert (dashboard["B9"].value, dashboard["C9"].value) == (None, None)  # was "see Lifetime value!B8", March 2026
    assert _errors(wb) == []


@pytest.mark.parametrize("broken", ["excel", "libreoffice"])
def test_lifetime_value_of_a_tracker_without_cohorts_says_so(tmp_path, broken):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = _deleted(path, "Cohorts", broken)
    ws = wb["Lifetime value"]
    assert [ws[f"B{row}"].value for row in (9, 10, 12, 13)] == [None] * 4  # B9:B10 were #REF!
    assert ws["C9"].value == (
        "No sBG fit: this workbook has no Cohorts sheet (the fit's cells were deleted); copy it from a new tracker "
        "(xl-retention new) to have one."
    )
    assert ws["B8"].value == pytest.approx(10 * 0.8 * 1.01 / (0.01 + 0.1))  # ARPA 1000 / 100, churn 10 a month
    assert _errors(wb) == []
