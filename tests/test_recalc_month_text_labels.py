"""A text in a tracker's month column, inside its months, is said (as import and extend refuse it).

Before: Customers!A13 typed as the text '2026-11' (not a date) recalculated ``ok``: the lifetime value's ARPA finds
the customers at end of Revenue's last month by its date, found none, and the CLV was left blank with nothing said
(not even its "type the gross margin" note); a 'Total' typed over a month's label, likewise. import and extend:
"Customers!A13 is '2026-11', between months ...". Now the file is ``incomplete``, naming the cell and the month to
type; the months below are checked as before (a text standing for its month is no month skipped).
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

WHY = "(the lifetime value, the Dashboard and the charts find a month's figures by its date), or move a row of your own"


def _recalc(tmp_path: Path, capsys, sheet: str, typed: dict[str, object]) -> tuple[int, dict]:
    path = build_template(tmp_path / "t.xlsx", start="2025-12", months=12)
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["B2"] = 100
    for row in range(2, 14):
        wb["Customers"][f"C{row}"], wb["Customers"][f"D{row}"] = 5, 100 + row
        wb["Revenue"][f"C{row}"] = 10
    wb["Revenue"]["B2"] = 1000
    for ref, value in typed.items():
        wb[sheet][ref] = value
    wb.save(path)
    capsys.readouterr()
    code = cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return code, report


@pytest.mark.parametrize(
    ("sheet", "ref", "text", "month"),
    [
        ("Customers", "A13", "2026-11", "2026-11"),  # the last month: the CLV was blank
        ("Customers", "A7", "Total", "2026-05"),
        ("Revenue", "A7", "May 2026", "2026-05"),
    ],
)
def test_a_text_among_the_months_is_said(tmp_path, capsys, sheet, ref, text, month):
    code, report = _recalc(tmp_path, capsys, sheet, {ref: text})
    assert (code, report["status"]) == (1, "incomplete")
    assert report["message"] == (
        f"t.xlsx: {sheet}!{ref} ('Month') is the text '{text}', not a date: type the row's month as a date, {month} "
        f"{WHY} (a total) below the last month"
    )


def test_a_month_skipped_below_a_text_is_still_refused(tmp_path, capsys):
    import datetime as dt

    code, report = _recalc(tmp_path, capsys, "Customers", {"A7": "2026-05", "A10": dt.datetime(2026, 9, 1)})
    assert (code, report["status"]) == (1, "failed")
    assert report["message"].startswith("t.xlsx: Customers!A10 is 2026-09, not 2026-08: the months of a tracking")


def test_a_text_below_the_months_is_the_users_own(tmp_path, capsys):
    code, report = _recalc(tmp_path, capsys, "Customers", {"A14": "Total", "D14": "=SUM(D2:D13)"})
    assert (code, report["status"], report["message"]) == (0, "ok", "")
