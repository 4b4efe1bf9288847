"""A tracker kept by hand: a cohort count typed in a month that has not closed, and the month in progress typed on
Customers, are named by recalc (the file incomplete), not taken into the sBG fit and the 12-month churn without a
word (a tester's findings 1 and 2, 2026-12-04). The tracker is built around the run's date: six closed months before
the current one, the current month and five to come."""

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


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


GAINED = [30, 25, 28, 31, 27, 29]
LOST = [10, 12, 9, 11, 10, 12]
ENDS = [200 + sum(GAINED[: i + 1]) - sum(LOST[: i + 1]) for i in range(6)]
COHORTS = [[30, 27, 25, 24, 23, 22], [25, 22, 21, 20, 19], [28, 26, 24, 23], [31, 28, 27], [27, 25], [29]]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inputs = {"Customers": {"start": [200], "gained": GAINED, "end": ENDS}, "Cohorts": COHORTS}
    return build_template(
        tmp_path_factory.mktemp("closed") / "base.xlsx", start=_month(NOW - 6), months=12, inputs=inputs
    )


def _recalc(base: Path, tmp_path: Path, typed: dict[str, dict[str, object]]):
    path = tmp_path / "tracker.xlsx"
    shutil.copy(base, path)
    wb = openpyxl.load_workbook(path)
    for sheet, cells in typed.items():
        for ref, value in cells.items():
            wb[sheet][ref] = value
    wb.save(path)
    report = recalc_file(path, path, engine="embedded", in_place=True)
    return report, openpyxl.load_workbook(path, data_only=True)


def test_the_closed_months_alone_are_ok(base: Path, tmp_path: Path) -> None:
    report, _ = _recalc(base, tmp_path, {})
    assert report.status == "ok", report.message


def test_a_cohort_count_in_the_month_in_progress_is_named(base: Path, tmp_path: Path) -> None:
    # D8: the cohort of two months ago, its Month 2 = the current month
    report, _ = _recalc(base, tmp_path, {"Cohorts": {"D8": 24}})
    assert report.status == "incomplete"
    assert (
        f"Cohorts!D8 (the {_month(NOW - 2)} cohort's Month 2, {_month(NOW)}) holds 24 in a month that has not "
        f"closed (this is {_month(NOW)}; the Customers sheet has no figures of it): the sBG and BdW fits read every "
        "count of Cohort_Counts, so it enters them: clear it until the month has closed and run again"
    ) in report.message


def test_a_cohort_count_in_a_month_to_come_is_named(base: Path, tmp_path: Path) -> None:
    # H4: the first cohort's Month 6 is the current month; I4 (Month 7) the next one: the first such cell is named
    report, _ = _recalc(base, tmp_path, {"Cohorts": {"I4": 21}})
    assert report.status == "incomplete"
    assert f"Cohorts!I4 (the {_month(NOW - 6)} cohort's Month 7, {_month(NOW + 1)}) holds 21" in report.message


def test_the_month_in_progress_typed_on_customers_is_named(base: Path, tmp_path: Path) -> None:
    report, _ = _recalc(base, tmp_path, {"Customers": {"C8": 20, "D8": 300}})
    assert report.status == "incomplete"
    assert (
        f"Customers!C8 (Gained (new + reactivated), {_month(NOW)}) is typed in the month in progress (this is "
        f"{TODAY.day} {TODAY:%b %Y}): the tracker's formulas take it as a whole month's figures"
    ) in report.message


def test_figures_typed_over_months_to_come_too_are_a_forecast_not_named(base: Path, tmp_path: Path) -> None:
    # the month in progress and the next typed (sample data, a forecast), a cohort count in them: left as typed
    typed = {"Customers": {"C8": 20, "D8": 300, "C9": 22, "D9": 310}, "Cohorts": {"D8": 24}}
    report, _ = _recalc(base, tmp_path, typed)
    assert report.status == "ok", report.message


def test_the_month_in_progress_an_import_marked_is_not_named(base: Path, tmp_path: Path) -> None:
    import pandas as pd

    from xl_retention.workbook.in_progress import in_progress_text

    line = in_progress_text(pd.Period(_month(NOW), freq="M"), TODAY)
    report, _ = _recalc(base, tmp_path, {"Customers": {"C8": 20, "D8": 300}, "Dashboard": {"A2": line}})
    assert report.status == "ok", report.message
