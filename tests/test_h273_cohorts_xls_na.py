"""The Cohorts sheet's formulas left =NA() by LibreOffice's .xls round trip (H265's finding 06, the rest of it).

Before: after the round trip the 152 Cohorts cells calling the package's functions (SBG_FIT in B34:D34, BDW_FIT in
B35:E35 and G35, SBG_SURVIVAL in the projection C40:N51) held =NA(); recalc named the monthly sheets' only, and after
upgrade (which put those back) said ok while the fits, the projections and the Lifetime value's sBG figures
('Lifetime value'!B9, B10: the sBG alpha and beta) were #N/A. Now recalc names them too and upgrade puts the
template's formulas back: B9 0.9947, B10 2.9842 as on the file never saved as .xls. The cells are made here as
LibreOffice leaves them: each formula calling a function of the package (NAME_NAME() becomes =NA()."""

from __future__ import annotations

import re

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.cohort_lost import lost_cohort_cells
from xl_retention.workbook.upgrade_file import upgrade_workbook

_PACKAGE_CALL = re.compile(r"\b[A-Z]+_[A-Z_]+\(")


def _tracker(tmp_path, name):
    path = build_template(tmp_path / name, start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers, cohorts = wb["Customers"], wb["Cohorts"]
    customers["B2"] = 100
    for i, (gained, end) in enumerate([(20, 110), (15, 118), (18, 126)]):
        customers.cell(2 + i, 3).value, customers.cell(2 + i, 4).value = gained, end
    for i in range(11):
        for k in range(11 - i):
            cohorts.cell(4 + i, 2 + k).value = round(200 * 3 / (3 + k))
    wb.save(path)
    return path


def _round_tripped(tmp_path):
    path = _tracker(tmp_path, "t.xlsx")
    wb = openpyxl.load_workbook(path)
    lost = []
    for row in wb["Cohorts"].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and _PACKAGE_CALL.search(cell.value):
                cell.value = "=NA()"
                lost.append(cell.coordinate)
    wb.save(path)
    return path, lost


def test_cohorts_cells_left_na_are_named_and_put_back(tmp_path):
    path, lost = _round_tripped(tmp_path)
    assert len(lost) == 152 and lost[:4] == ["B34", "C34", "D34", "B35"] and lost[-1] == "N51"
    assert lost_cohort_cells(path)[:4] == ["Cohorts!B34 (fit)", "Cohorts!C34 (fit)", "Cohorts!D34 (fit)",
                                           "Cohorts!B35 (BdW fit)"]  # fmt: skip
    report = recalc_file(path, tmp_path / "before.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert report.message.startswith(
        "t.xlsx: 152 cells of the tracker's formulas are =NA() where the template has its formula: Cohorts!B34 (fit), "
        "Cohorts!C34 (fit), Cohorts!D34 (fit), ... (149 more) (saved as .xls, Excel 97-2003? "
    )
    done = upgrade_workbook(path)
    assert done.lines(path)[0] == (
        "put the template's formulas back in 'Cohorts'!B34:D34, 'Cohorts'!B35:E35, 'Cohorts'!G35, 'Cohorts'!C40:N40, "
        "'Cohorts'!C41:N41, 'Cohorts'!C42:N42 and 9 more (=NA(): saved as .xls?), each month's "
        "reading its own row again (values you typed over formulas are kept)"
    )
    fresh = openpyxl.load_workbook(_tracker(tmp_path, "fresh.xlsx"))["Cohorts"]
    upgraded = openpyxl.load_workbook(path)["Cohorts"]
    assert all(upgraded[ref].value == fresh[ref].value for ref in lost)
    assert lost_cohort_cells(path) == []
    report = recalc_file(path, tmp_path / "after.xlsx", engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    values = openpyxl.load_workbook(tmp_path / "after.xlsx", data_only=True)
    lifetime = values["Lifetime value"]
    assert (lifetime["B9"].value, lifetime["B10"].value) == pytest.approx((0.99466, 2.98420), abs=5e-5)


def test_a_cohorts_sheet_with_rows_inserted_is_not_guessed(tmp_path):
    path, _ = _round_tripped(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Cohorts"].insert_rows(17)  # the formulas below no longer where the template has them: not known here
    wb.save(path)
    assert lost_cohort_cells(path) == []
