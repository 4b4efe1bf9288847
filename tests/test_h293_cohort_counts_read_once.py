"""recalc's tracker checks read the survivors triangle once (issue 14, speed).

Before: :func:`xl_retention.workbook.checks.unread_input` ran :mod:`.months_not_closed` and :mod:`.cohorts_behind`,
each opening the workbook with openpyxl and reading Cohort_Counts' rows (about 0.04 s each for the 120-month
template). Now one read inside :func:`.cohort_counts_area.one_read` serves both, with the same lines; outside it,
every call reads the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

from xl_retention import _workbooks
from xl_retention.workbook import build_template
from xl_retention.workbook import cohort_counts_area as area_module
from xl_retention.workbook.checks import unread_input
from xl_retention.workbook.cohorts_behind import cohorts_behind


@pytest.fixture
def area_reads(monkeypatch) -> list[str]:
    """The workbooks cohort_counts_area's module opens (the package's real open_read_only, each call recorded)."""
    opened: list[str] = []
    load = _workbooks.open_read_only

    def recorded(path, *args, **kwargs):
        if sys._getframe(1).f_globals.get("__name__") == area_module.__name__:
            opened.append(str(path))
        return load(path, *args, **kwargs)

    monkeypatch.setattr(_workbooks, "open_read_only", recorded)
    return opened


def _behind(path: Path) -> Path:
    """A tracker whose Cohorts holds counts to 2026-12 while Customers runs to 2027-02 (cohorts_behind's line)."""
    build_template(path, start="2026-01", months=14)
    wb = openpyxl.load_workbook(path)
    customers, cohorts = wb["Customers"], wb["Cohorts"]
    customers["B2"] = 100
    for i in range(13):
        customers.cell(2 + i, 3).value = 20
        customers.cell(2 + i, 4).value = 110 + 5 * i
    for i in range(11):
        for k in range(11 - i):
            cohorts.cell(4 + i, 2 + k).value = round(200 * 3 / (3 + k))
    wb.defined_names["Cohort_Counts"].attr_text = "'Cohorts'!$B$4:$M$15"  # 12 cohorts: 2026-01 to 2026-12
    wb.save(path)
    return path


def test_unread_input_reads_the_triangle_once_with_the_same_line(tmp_path, area_reads):
    path = _behind(tmp_path / "t.xlsx")
    said = cohorts_behind(path)  # outside unread_input: its own read
    assert said is not None and said.startswith("Cohorts ends with the 2026-12 cohort (Cohort_Counts is ")
    assert len(area_reads) == 1
    area_reads.clear()
    assert unread_input(path) == said  # future_cohort_count (None here) and cohorts_behind: one read
    assert area_reads == [str(path)]


def test_outside_one_read_each_call_reads_the_file(tmp_path, area_reads):
    path = _behind(tmp_path / "t.xlsx")
    first = area_module.cohort_counts_area(path)
    second = area_module.cohort_counts_area(path)
    assert first == second and first is not second
    assert len(area_reads) == 2
    with area_module.one_read():
        inside = area_module.cohort_counts_area(path)
        assert area_module.cohort_counts_area(path) is inside and inside == first
    assert len(area_reads) == 3
    assert (first.sheet, first.low_col, first.low_row, first.high_col, len(first.rows)) == ("Cohorts", 2, 4, 13, 12)
