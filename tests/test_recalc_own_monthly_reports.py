"""A team's own monthly report with a sheet called "Customers" or "NPS" is no tracker (H129's finding 01).

Reports with the newest month on top, or one row per month and region, were refused (status failed, exit 1) as a
tracker sorted the wrong way: "Customers!A3 is 2026-02, not 2026-04: the months of a tracking sheet must follow each
other, oldest first". No formula of theirs reads the row above; a tracker carries month names (``Customers_Months``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

HEADERS = ["Month", "Customers at start", "Customers at end", "Lost", "Churn rate", "Retention (CRR)"]


def _report(path: Path, rows: list[tuple[dt.date, int, int, int]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Customers"
    sheet.append(HEADERS)
    for i, (month, start, end, lost) in enumerate(rows, start=2):
        sheet.append([month, start, end, lost, f"=D{i}/B{i}", f"=1-E{i}"])
    book.save(path)
    return path


NEWEST_FIRST = [
    (dt.date(2026, 4, 1), 100, 110, 8),
    (dt.date(2026, 3, 1), 107, 100, 5),
    (dt.date(2026, 2, 1), 100, 107, 4),
]
BY_REGION = [(dt.date(2026, 1, 1), 60, 62, 2), (dt.date(2026, 1, 1), 50, 49, 3), (dt.date(2026, 2, 1), 62, 63, 3)]


@pytest.mark.parametrize(
    ("rows", "churn"), [(NEWEST_FIRST, [0.08, 5 / 107, 0.04]), (BY_REGION, [2 / 60, 0.06, 3 / 62])]
)
def test_own_report_months_in_any_order_are_ok(tmp_path: Path, rows: list, churn: list[float]) -> None:
    source = _report(tmp_path / "report.xlsx", rows)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.message) == ("ok", "")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Customers"]
    assert [out[f"E{r}"].value for r in (2, 3, 4)] == pytest.approx(churn, rel=1e-15)


def test_a_tracker_sorted_newest_first_is_still_refused(tmp_path: Path) -> None:
    build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    sheet = book["Customers"]
    sheet["A2"], sheet["A4"] = sheet["A4"].value, sheet["A2"].value  # the months' labels sorted newest first
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "failed"
    assert "the months of a tracking sheet must follow each other, oldest first" in result.message
