"""Customers at end typed 0 (gained 0) in the month in progress: recalc names it, the file is incomplete.

Before (H235's finding 00): a tracker with 155 customers at end of November and December's row typed 0 gained, 0 at
end on 4 December recalculated ``ok``: December's churn 100%, the Dashboard's customers at end 0, the lifetime
value's churn 0.120604 (11 months and the 1.0) for 0.040659, CLV 618.66 for 1,594.98. Zeros in months after the
current one were already named (future_months); the month in progress's row of zeros now is too.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook.future_months import in_progress_zeros

ADVICE = (
    "the tracker's formulas count all of them lost (churn 100%, the Dashboard's latest month, the churn the lifetime "
    "value averages): leave the month in progress blank until its figures are in and run again"
)


def _tracker(tmp_path: Path, start: str, typed: dict[str, object], name: str = "t.xlsx") -> Path:
    path = build_template(tmp_path / name, start=start, months=6)
    wb = openpyxl.load_workbook(path)
    for ref, value in typed.items():
        wb["Customers"][ref] = value
    wb.save(path)
    return path


def test_zeros_in_the_month_in_progress_after_customers_are_named(tmp_path):
    path = _tracker(tmp_path, "2026-01", {"B2": 100, "C2": 10, "D2": 105, "C3": 10, "D3": 110, "C4": 0, "D4": 0})
    assert in_progress_zeros(path, dt.date(2026, 3, 4)) == (
        f"Customers!D4 (Customers at end, 2026-03) holds 0 in the month in progress after 110 customers at its "
        f"start: {ADVICE}"
    )
    assert in_progress_zeros(path, dt.date(2026, 4, 4)) is None  # March has ended: its 0 is a figure
    assert in_progress_zeros(path, dt.date(2026, 2, 4)) is None  # February's figures are not 0


def test_a_month_in_progress_with_figures_blank_or_nothing_to_lose_is_not_named(tmp_path):
    figures = _tracker(tmp_path, "2026-01", {"B2": 100, "C2": 10, "D2": 105, "C3": 0, "D3": 103}, "a.xlsx")
    blank = _tracker(tmp_path, "2026-01", {"B2": 100, "C2": 10, "D2": 105}, "b.xlsx")
    empty = _tracker(tmp_path, "2026-01", {"B2": 0, "C2": 0, "D2": 0}, "c.xlsx")  # 0 at start: none lost
    gained = _tracker(tmp_path, "2026-01", {"B2": 100, "C2": 10, "D2": 105, "C3": 4, "D3": 0}, "d.xlsx")
    today = dt.date(2026, 2, 10)
    assert [in_progress_zeros(p, today) for p in (figures, blank, empty, gained)] == [None, None, None, None]
    first = dt.date(2026, 1, 3)  # the first month in progress: its start typed
    assert in_progress_zeros(_tracker(tmp_path, "2026-01", {"B2": 40, "D2": 0}, "e.xlsx"), first).startswith(
        "Customers!D2 (Customers at end, 2026-01) holds 0 in the month in progress after 40 customers"
    )


def test_recalc_is_incomplete_naming_the_month_in_progress(tmp_path, capsys):
    today = dt.date.today().replace(day=1)
    start = (today - dt.timedelta(days=40)).replace(day=1)  # rows 2, 3 have ended, row 4 is the month in progress
    typed = {"B2": 100, "C2": 10, "D2": 105, "C3": 10, "D3": 110, "C4": 0, "D4": 0}
    path = _tracker(tmp_path, f"{start:%Y-%m}", typed)
    cli.main(["recalc", str(path), "--engine", "embedded", "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["status"], report["message"]) == (
        "incomplete",
        f"t.xlsx: Customers!D4 (Customers at end, {today:%Y-%m}) holds 0 in the month in progress after 110 "
        f"customers at its start: {ADVICE}",
    )
