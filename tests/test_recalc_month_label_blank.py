"""A month's label cleared on a tracker (its row of figures kept): recalc says to type it, the file is incomplete.

Before: Customers!A5 (April) cleared, April's figures kept: the Dashboard's latest customers at end (99) and CRR were
dated with the blank month (the value 0, no month) with status ok, nothing said. A total of the
user's own below the months (outside the month name) is no month.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template

CUSTOMERS = {"B2": 100, "C2": 10, "D2": 105, "C3": 5, "D3": 100, "C4": 8, "D4": 101, "C5": 4, "D5": 99}


def _recalc(tmp_path: Path, capsys, typed: dict[str, object]) -> tuple[dict, openpyxl.Workbook]:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for ref, value in {**CUSTOMERS, **typed}.items():
        wb["Customers"][ref] = value
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report, openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)


def test_a_blank_month_beside_figures_is_named_with_the_month_to_type(tmp_path, capsys):
    report, _ = _recalc(tmp_path, capsys, {"A5": None})
    assert report["status"] == "incomplete"
    assert report["message"] == (
        "t.xlsx: Customers!A5 ('Month') is blank while its row holds figures: type its month, 2026-04 (the Dashboard "
        "and the charts date the row's figures with it)"
    )


def test_a_total_below_the_months_is_no_month(tmp_path, capsys):
    report, wb = _recalc(tmp_path, capsys, {"C6": "=SUM(C2:C5)"})
    assert (report["status"], report["message"]) == ("ok", "")
    assert wb["Dashboard"]["C4"].value == dt.datetime(2026, 4, 1)
