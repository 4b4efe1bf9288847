"""A workbook of the user's own (no chart, no tracker's month name) is recalculated without the tracker's checks and
the chart fitting, which cannot apply to it, nor their modules' imports (issue 14: about 0.01 s of every
``xl-retention recalc`` process); a workbook that has a chart, or a tracker's month name, still gets them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

import xl_retention
from xl_retention.recalculation.batch import _output_kinds, recalc_file

CHECKS = ("xl_retention.workbook.chart_ranges", "xl_retention.workbook.checks")


def _plain(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["start", "end", "CRR"])
    ws.append([500, 535, "=B2/A2"])
    wb.save(path)
    return path


def test_a_workbook_of_the_users_own_imports_neither_check(tmp_path):
    book = _plain(tmp_path / "own.xlsx")
    code = textwrap.dedent(
        f"""
        import json, sys
        from xl_retention.recalculation.batch import recalc_file
        report = recalc_file({str(book)!r}, {str(tmp_path / "out.xlsx")!r}, engine="embedded")
        print(json.dumps([report.status, report.message, [m for m in {CHECKS!r} if m in sys.modules]]))
        """
    )
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(xl_retention.__file__))}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["ok", "", []]
    with zipfile.ZipFile(tmp_path / "out.xlsx") as package:
        assert b"<v>1.0700000000000001</v>" in package.read("xl/worksheets/sheet1.xml")


def test_what_tells_a_chart_and_a_tracker_name(tmp_path):
    book = _plain(tmp_path / "own.xlsx")
    assert _output_kinds(book) == (False, False)
    wb = openpyxl.load_workbook(book)
    wb.defined_names["Customers_Months"] = DefinedName("Customers_Months", attr_text="Data!$A$2:$A$2")
    chart = openpyxl.chart.LineChart()
    chart.add_data(openpyxl.chart.Reference(wb["Data"], min_col=1, min_row=1, max_row=2), titles_from_data=True)
    wb["Data"].add_chart(chart, "E2")
    wb.save(tmp_path / "both.xlsx")
    assert _output_kinds(tmp_path / "both.xlsx") == (True, True)


def test_a_number_typed_below_a_trackers_months_is_still_found(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Month", "Customers at start", "New customers", "Customers at end"])
    ws.append(["2026-01", 100, 10, 105])
    ws.append(["2026-02", 105, 12, 110])
    ws["F1"], ws["F2"] = "CRR", "=(D2-C2)/B2"
    ws["B5"] = 999  # below the last month the name covers (row 3)
    wb.defined_names["Customers_Months"] = DefinedName("Customers_Months", attr_text="Customers!$A$2:$A$3")
    wb.save(tmp_path / "tracker.xlsx")
    report = recalc_file(tmp_path / "tracker.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert "B5" in report.message
