"""Figures typed in months that have not begun (a row of zeros copied down a hand-kept tracker): recalc names the first.

Before: zeros copied down the months to come were taken as figures under ok (H201's finding 05): the Dashboard's
latest customers at end was 0 in the last future month beside its MRR at end, the current month's churn 100%, the
lifetime value's churn averaged in. A month after the current one cannot have figures (import refuses them), so the
first such typed number is named and the file is incomplete.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.future_months import future_figures

ADVICE = (
    "the tracker's formulas take it as that future month's figure (the Dashboard's latest month, the churn the "
    "lifetime value averages): leave the months to come blank (a row of zeros copied down too: clear it) and run again"
)


def _tracker(tmp_path: Path, start: str, typed: dict[tuple[str, str], object]) -> Path:
    path = build_template(tmp_path / "t.xlsx", start=start, months=6)
    wb = openpyxl.load_workbook(path)
    for (sheet, ref), value in typed.items():
        wb[sheet][ref] = value
    wb.save(path)
    return path


JANUARY_FEBRUARY = {("Customers", "B2"): 100, ("Customers", "C2"): 20, ("Customers", "D2"): 110,
                    ("Customers", "C3"): 5, ("Customers", "D3"): 112}  # fmt: skip


def test_the_first_number_after_the_current_month_is_named(tmp_path):
    # today 2026-03-15: row 4 (March) is the current month, its zeros are not named; April's (row 5) are
    zeros = {("Customers", f"{c}{r}"): 0 for r in (4, 5, 6) for c in "CD"} | {("Revenue", "G7"): 0}
    path = _tracker(tmp_path, "2026-01", {**JANUARY_FEBRUARY, **zeros})
    assert future_figures(path, dt.date(2026, 3, 15)) == (
        f"Customers!C5 (Gained (new + reactivated), 2026-04) holds 0 in a month that has not begun (this is 2026-03): "
        f"{ADVICE}"
    )
    assert future_figures(path, dt.date(2026, 4, 1)).startswith("Customers!C6 (Gained (new + reactivated), 2026-05)")
    assert future_figures(path, dt.date(2026, 5, 30)).startswith("Revenue!G7 (Churned MRR, 2026-06) holds 0 ")
    assert future_figures(path, dt.date(2026, 6, 1)) is None  # every month typed has begun


def test_formulas_text_and_blanks_in_months_to_come_are_not_figures(tmp_path):
    later = {("Customers", "C5"): "=C4", ("Customers", "D5"): "n/a", ("Revenue", "B5"): "=1+1"}  # the user's own
    later |= {("Revenue", "C6"): 0, ("Revenue", "D6"): 250}  # a forecast (a 0 beside a figure)
    path = _tracker(tmp_path, "2026-01", {**JANUARY_FEBRUARY, **later})
    assert future_figures(path, dt.date(2026, 2, 10)) is None


def test_recalc_is_incomplete_naming_the_first_future_figure(tmp_path, capsys):
    today = dt.date.today().replace(day=1)
    start = (today - dt.timedelta(days=40)).replace(day=1)  # the month before last: rows 2, 3 have begun, 4 is now
    following = (today + dt.timedelta(days=40)).replace(day=1)  # row 5: the month after the current one
    path = _tracker(tmp_path, f"{start:%Y-%m}", {**JANUARY_FEBRUARY, ("Customers", "D4"): 0, ("Customers", "D5"): 0})
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "incomplete"
    assert report["message"] == (
        f"t.xlsx: Customers!D5 (Customers at end, {following:%Y-%m}) holds 0 in a month that has not begun (this is "
        f"{today:%Y-%m}): {ADVICE}"
    )
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["D5"] = None  # cleared: the month in progress's 0 after 112 at its start is named next (H239)
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out2")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "incomplete"
    assert report["message"].startswith(f"t.xlsx: Customers!D4 (Customers at end, {today:%Y-%m}) holds 0 in the month")
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["D4"] = 115  # the current month's figure, typed: a part month's, named too (months_not_closed)
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out3")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["status"] == "incomplete"
    assert report["message"].startswith(
        f"t.xlsx: Customers!D4 (Customers at end, {today:%Y-%m}) is typed in the month in progress"
    )
    wb = openpyxl.load_workbook(path)
    wb["Customers"]["D4"] = None  # left blank until it has closed
    wb.save(path)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out4")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"]) == ("ok", "")
