"""A tracker in the 1904 date system (a Mac's) whose Month column is filled by formulas (``=EDATE(A2,1)`` copied down)
saved without stored results: recalc computes those months and reads them (H332's finding 10), but read the serial
numbers as days of the 1900 system, 1,462 days early: 2025-02-01 (44,227 from 1904-01-01) read as 2021-01-31, a day
other than a month's first, so the file came out incomplete ("Customers!A3 ... a month typed as a day other than its
first") though Excel shows 2025-02 there. The workbook's own date system is taken now.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from xl_retention import cli
from xl_retention.workbook import build_template


def _tracker(tmp_path: Path) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    wb.epoch = CALENDAR_MAC_1904  # the typed dates are written as days of 1904's system
    c = wb["Customers"]
    c["B2"] = 100
    for i, (gained, end) in enumerate([(10, 105), (12, 110), (8, 112), (15, 120), (9, 121), (11, 125)]):
        c.cell(2 + i, 3, gained)
        c.cell(2 + i, 4, end)
    for row in range(3, 14):
        c.cell(row, 1).value = f"=EDATE(A{row - 1},1)"
    wb.save(path)
    return path


def test_recalc_reads_formula_months_in_the_workbooks_1904_date_system(tmp_path, capsys):
    path = _tracker(tmp_path)
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (code, report["status"], report["message"]) == (0, "ok", "")
    wb = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)
    assert wb.epoch == CALENDAR_MAC_1904
    assert wb["Customers"]["A3"].value.date().isoformat() == "2025-02-01"
    assert wb["Customers"]["F7"].value == (125 - 11) / 121  # June's CRR, 94.2%
