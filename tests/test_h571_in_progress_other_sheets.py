"""The month in progress typed by hand on Revenue or on Purchases and visits, as the newest month, is named by recalc
(the file incomplete), as it was on Customers alone (H571's finding 02: a part month's churned MRR on Revenue made the
Dashboard's latest NRR 72.9%, status ok, no line). A forecast (months after it typed too) and a month an import
marked in progress stay unnamed. The tracker is built around the run's date: six closed months, the current one and
five to come.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

TODAY = dt.date.today()
NOW = TODAY.year * 12 + TODAY.month - 1
WHEN = f"this is {TODAY.day} {TODAY:%b %Y}"


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_template(tmp_path_factory.mktemp("progress") / "base.xlsx", start=_month(NOW - 6), months=12)
    wb = openpyxl.load_workbook(path)
    wb["Revenue"]["B2"] = 10000
    for row in range(2, 8):  # the six closed months: new, expansion, reactivation, contraction, churned MRR
        for column, value in zip("CDEFG", (500, 100, 0, 50, 200), strict=True):
            wb["Revenue"][f"{column}{row}"] = value
        for column, value in zip("BCDGH", (40, 10, 5, 300, 90), strict=True):  # bought, returning, repeat, visits
            wb["Purchases and visits"][f"{column}{row}"] = value
    wb.save(path)
    return path


def _recalc(base: Path, tmp_path: Path, typed: dict[str, dict[str, object]]):
    path = tmp_path / "tracker.xlsx"
    shutil.copy(base, path)
    wb = openpyxl.load_workbook(path)
    for sheet, cells in typed.items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    wb.save(path)
    return recalc_file(path, path, engine="embedded", in_place=True)


def test_the_closed_months_alone_are_ok(base: Path, tmp_path: Path) -> None:
    report = _recalc(base, tmp_path, {})
    assert report.status == "ok", report.message


def test_the_month_in_progress_typed_on_revenue_is_named(base: Path, tmp_path: Path) -> None:
    report = _recalc(base, tmp_path, {"Revenue": {"C8": 5, "G8": 300}})
    assert report.status == "incomplete"
    assert report.message == (
        f"tracker.xlsx: Revenue!C8 (New MRR, {_month(NOW)}) is typed in the month in progress ({WHEN}): the "
        "tracker's formulas take it as a whole month's figures (the Dashboard's latest MRR, NRR, GRR and net revenue "
        "churn, a part month's churned MRR among them): leave the month blank until it has closed and run again"
    )


def test_the_month_in_progress_typed_on_purchases_is_named(base: Path, tmp_path: Path) -> None:
    report = _recalc(base, tmp_path, {"Purchases and visits": {"B8": 12, "C8": 4}})
    assert report.status == "incomplete"
    assert report.message.startswith(
        f"tracker.xlsx: 'Purchases and visits'!B8 (Customers who bought, {_month(NOW)}) is typed in the month in "
        f"progress ({WHEN}): the tracker's formulas take it as a whole month's figures (the Dashboard's latest repeat "
        "purchase, returning customer and returning visitor rates)"
    )


def test_a_forecast_over_months_to_come_is_not_named(base: Path, tmp_path: Path) -> None:
    report = _recalc(base, tmp_path, {"Revenue": {"C8": 5, "G8": 300, "C9": 500, "G9": 200}})
    assert report.status == "ok", report.message


def test_the_month_in_progress_an_import_marked_is_not_named(base: Path, tmp_path: Path) -> None:
    import pandas as pd

    from xl_retention.workbook.in_progress import in_progress_text

    line = in_progress_text(pd.Period(_month(NOW), freq="M"), TODAY)
    report = _recalc(base, tmp_path, {"Revenue": {"C8": 5, "G8": 300}, "Dashboard": {"A2": line}})
    assert report.status == "ok", report.message
