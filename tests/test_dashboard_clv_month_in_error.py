"""Dashboard C9, the month of the lifetime value (B9): since 5f6d156 the churn it reads (Lifetime value!B5) is the
error of the last month in error among its 12 (April's churn #VALUE!: its customers at start blank, March left
empty), and B9 says "see 'Lifetime value'!B8"; C9 still gave the last month with a churn rate (February), a month the
error is not in -> the month in error (April), as the Dashboard's other figures in error give theirs."""

from __future__ import annotations

import datetime as dt

import openpyxl

from xl_retention import cli
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.dashboard_upgrade import EARLIER


def _tracker(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"], customers["C2"], customers["D2"] = 0, 10, 10
    customers["C3"], customers["D3"] = 5, 12  # February: churn 3 / 10
    customers["C5"], customers["D5"] = 2, 11  # April, March left empty: April's start is blank (#VALUE!)
    revenue = wb["Revenue"]
    revenue["B2"] = 1000
    for row in range(2, 6):
        revenue[f"C{row}"] = 100
    wb["Lifetime value"]["B4"] = 0.6
    wb.save(path)
    return path


def test_the_clvs_month_is_the_month_in_error_its_churn_is(tmp_path):
    path = _tracker(tmp_path)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)
    assert (wb["Customers"]["G3"].value, wb["Customers"]["G5"].value) == (0.3, "#VALUE!")
    assert wb["Lifetime value"]["B5"].value == "#VALUE!"
    dashboard = wb["Dashboard"]
    assert (dashboard["B6"].value, dashboard["C6"].value) == ("see Customers!F5", dt.datetime(2026, 4, 1))
    assert (dashboard["B9"].value, dashboard["C9"].value) == ("see 'Lifetime value'!B8", dt.datetime(2026, 4, 1))
    # April corrected (March's end typed): the CLV and the month of its last churn rate
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["C4"], wb["Customers"]["D4"] = 0, 12
    wb.save(path)
    assert recalc_file(path, tmp_path / "ok.xlsx").status == "ok"
    dashboard = openpyxl.load_workbook(tmp_path / "ok.xlsx", data_only=True)["Dashboard"]
    assert isinstance(dashboard["B9"].value, float) and dashboard["C9"].value == dt.datetime(2026, 4, 1)


def test_an_earlier_trackers_c9_is_brought_up_to_date_by_extend(tmp_path):
    path = _tracker(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Dashboard"]["C9"] = EARLIER["C9"][-1]  # as made before
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    dashboard = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Dashboard"]
    assert (dashboard["B9"].value, dashboard["C9"].value) == ("see 'Lifetime value'!B8", dt.datetime(2026, 4, 1))
