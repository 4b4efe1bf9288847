"""A survivors triangle sorted newest first, or a CRM pivot pasted with its own signup labels, is refused by recalc.

The tables under the triangle (retention, projected retention) read its rows by position: sorted newest first, the
Jan 2026 cohort's projection (111/150 observed to month 6) showed under "Dec 2026, observed to month 6", the Mar
cohort's 93/100 as Oct 2026's retention, with recalc saying ``ok`` (H315's finding 03). Now recalc refuses it as it
refuses Customers sorted newest first, naming the cell and the months found; extend's refusal of the same file says
the months as 2026-12, not ``datetime.datetime(2026, 12, 1, 0, 0)``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

#: the Jan, Feb and Mar 2026 cohorts, half filled
TRIANGLE = [[150, 140, 132, 125, 119, 115, 111], [120, 110, 104, 99], [100, 93]]


def _tracker(tmp_path: Path) -> tuple[Path, openpyxl.Workbook]:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"] = 1000
    for i, (gained, end) in enumerate([(150, 1080), (120, 1150), (100, 1190), (95, 1220), (80, 1240), (90, 1262)]):
        customers[f"C{2 + i}"], customers[f"D{2 + i}"] = gained, end
    for i, row in enumerate(TRIANGLE):
        for j, value in enumerate(row):
            wb["Cohorts"].cell(4 + i, 2 + j).value = value
    return path, wb


def _recalc(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = cli.main(["recalc", str(path), "--output-dir", str(path.parent / "out"), "--json"])
    return code, json.loads(capsys.readouterr().out)["files"][0]


def _sort_newest_first(wb: openpyxl.Workbook) -> None:
    """What Data > Sort on Cohorts!A4:M15 by 'Signup month', descending, does to its value cells."""
    co = wb["Cohorts"]
    rows = [[co.cell(r, k).value for k in range(1, 14)] for r in range(4, 16)]
    rows.sort(key=lambda r: r[0], reverse=True)
    for i, values in enumerate(rows):
        for k, value in enumerate(values):
            co.cell(4 + i, 1 + k).value = value


def test_survivors_sorted_newest_first_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, wb = _tracker(tmp_path)
    _sort_newest_first(wb)
    wb.save(path)
    code, report = _recalc(path, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"] == (
        "t.xlsx: Cohorts!A5 is 2026-11 below 2026-12 in Cohorts!A4: the signup months of Cohort_Counts "
        "(Cohorts!A4:A15: 2026-12, 2026-11, 2026-10, ... 2026-01) must follow each other, oldest first (newest first "
        "here), as the tables under it list them: sort the rows Cohorts!A4:M15 by their signup month, oldest to "
        "newest (the tables below read the triangle's rows by position: row 1 of each reads its row 1)"
    )
    assert not (tmp_path / "out" / "t.xlsx").exists()


def test_pivot_pasted_with_its_own_labels_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A pivot from Mar 2026 pasted over A4: Mar 2026 ... Dec 2026, then the template's Nov, Dec 2026 below."""
    path, wb = _tracker(tmp_path)
    co = wb["Cohorts"]
    for r in range(4, 14):
        co.cell(r, 1).value = dt.datetime(2026, r - 1, 1)
    wb.save(path)
    code, report = _recalc(path, capsys)
    assert (code, report["status"]) == (1, "failed")
    assert report["message"] == (
        "t.xlsx: Cohorts!A4 is the 2026-03 cohort while its row in Cohort_Retention (Cohorts!A19) is dated 2026-01: "
        "the tables under Cohort_Counts read its rows by position, so each of its figures would show under another "
        "month (Cohorts!A4:A15: 2026-03, 2026-04, 2026-05, ... 2026-12; the tables: 2026-01, 2026-02, 2026-03, ... "
        "2026-12): put each cohort's counts in the row of its signup month, as the tables list them, and its month "
        "back in Cohorts!A4 (2026-01)"
    )


def test_oldest_first_is_computed_under_its_months(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, wb = _tracker(tmp_path)
    wb.save(path)
    code, report = _recalc(path, capsys)
    assert (code, report["status"]) == (0, "ok")
    co = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Cohorts"]
    assert [co.cell(40 + i, 2).value for i in range(3)] == [6, 3, 1]  # Jan, Feb, Mar observed to
    assert co["C40"].value == pytest.approx(0.7173, abs=5e-4)
    assert co["C41"].value == pytest.approx(0.789, abs=5e-4)
    assert co["C42"].value == pytest.approx(0.875, abs=5e-4)
    assert co["B50"].value in (None, "") and co["B51"].value in (None, "")


def test_extend_says_the_months_as_months(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, wb = _tracker(tmp_path)
    _sort_newest_first(wb)
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "3"]) != 0
    err = capsys.readouterr().err
    assert "datetime" not in err
    assert (
        "Cohorts!A4 holds 2026-12 where the template has 2026-01: the signup months of the Cohorts tables are the "
        "tracker's, oldest first (the tables below read the survivors' rows by position): sort the rows by signup "
        "month, oldest to newest, or put 2026-01 back in Cohorts!A4 with its cohort's counts, and run again"
    ) in err
