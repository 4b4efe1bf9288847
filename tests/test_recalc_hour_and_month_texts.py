"""More texts Excel reads as numbers as it reads them typed in a cell (H187's findings 07, 09): a time with AM or PM and
no minutes ("9 AM", "5PM") or with one letter a or p after a space ("8:00 a", "4:00 p": Microsoft's "Enter a date or
time in a cell"), and a month's name with the day glued on ("March1", the =MONTH(A2&1) idiom: the day of the current
year). They were #VALUE! under status ok; "13 PM" stays #VALUE!."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from one_sheet import recalc_sheet


def test_hours_with_am_or_pm_and_glued_month_names_are_read(tmp_path: Path) -> None:
    cells = {
        "A1": "9 AM",
        "B1": "5 PM",
        "A2": "10 AM",
        "B2": "2:30 PM",
        "A3": "8:00 a",
        "B3": "4:00 p",
        "C1": "=ROUND((B1-A1)*24,9)",
        "C2": "=ROUND((B2-A2)*24,9)",
        "C3": "=ROUND((B3-A3)*24,9)",
        "C4": '=TIMEVALUE("9PM")',
        "C5": '="13 PM"+0',
        "D1": "March",
        "D2": "Sep",
        "D3": "December",
        "E1": "=MONTH(D1&1)",
        "E2": "=MONTH(D2&1)",
        "E3": "=ROUNDUP(MONTH(D3&1)/3,0)",
        "E4": '=DATEVALUE("Jan"&15)',
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "ok" and not report.unsupported
    assert [values[f"C{row}"] for row in range(1, 6)] == [8, 4.5, 8, 0.875, "#VALUE!"]
    january_15 = (dt.date(dt.date.today().year, 1, 15) - dt.date(1899, 12, 30)).days
    assert [values[f"E{row}"] for row in range(1, 5)] == [3, 9, 4, january_15]
    assert [e.address for e in report.errors] == ["S!C5"]
