"""Lifetime value!C3 names the month whose MRR at end is in error, not the month before as where Revenue stops
(H332's finding 02).

Customers and Revenue kept Jan-Jun 2025, June's churned MRR (Revenue!G7) typed as the text 'x': June's MRR at end is
#VALUE!, and so is the ARPA (B3, with C8 naming Revenue!G7), but C3 said "(here 2025-05's: Revenue stops there,
Customers runs to 2025-06)" while Revenue holds figures for June. upgrade replaces C3's form before.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template
from xl_retention.workbook import lifetime_value as lv

GAINED_ENDS = [(10, 105), (12, 110), (8, 112), (15, 120), (9, 121), (11, 125)]
REVENUE = [
    (500, 100, 0, 50, 200),
    (600, 120, 0, 40, 250),
    (400, 80, 10, 60, 150),
    (700, 90, 0, 30, 300),
    (450, 60, 0, 20, 200),
    (550, 100, 20, 40, 180),
]


def _tracker(tmp_path: Path, june_churned: object) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 100, 5000
    for i, (gained, end) in enumerate(GAINED_ENDS):
        customers.cell(2 + i, 3, gained)
        customers.cell(2 + i, 4, end)
    for i, month in enumerate(REVENUE):
        for j, value in enumerate(month):
            revenue.cell(2 + i, 3 + j, value)
    revenue["G7"] = june_churned
    wb["Lifetime value"]["B4"] = 0.8
    wb.save(path)
    return path


def _lifetime(path: Path, capsys: pytest.CaptureFixture[str]) -> openpyxl.worksheet.worksheet.Worksheet:
    code = cli.main(["recalc", str(path), "--output-dir", str(path.parent / "out"), "--json"])
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert code in (0, 1), report
    return openpyxl.load_workbook(path.parent / "out" / path.name, data_only=True)["Lifetime value"]


def test_june_in_error_is_named_not_may_as_where_revenue_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lifetime = _lifetime(_tracker(tmp_path, "x"), capsys)
    assert lifetime["B3"].value == "#VALUE!"
    assert lifetime["C3"].value == (
        "Default: the last month's MRR at end / customers at end (here 2025-06's, whose MRR at end is an error: see "
        "C8). Type your own figure over it to keep it."
    )
    assert lifetime["C8"].value == (
        "No value: ARPA (B3) is an error, which starts in Revenue!G7 (blank, below 0 or no number): correct it there."
    )


def test_june_with_its_figure_keeps_the_plain_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lifetime = _lifetime(_tracker(tmp_path, 180), capsys)
    # June's MRR at end: 5000 + the six months' new + expansion + reactivation - contraction - churned = 7,260
    assert lifetime["B3"].value == pytest.approx(7260 / 125, rel=1e-12)
    assert lifetime["C3"].value == (
        "Default: the last month's MRR at end / customers at end. Type your own figure over it to keep it."
    )


def test_upgrade_replaces_the_form_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = lv.LIFETIME_NOTE_C3_ERRORS_UNSAID
    assert "Revenue stops there" in before and "whose MRR at end is an error" not in before
    path = _tracker(tmp_path, "x")
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C3"] = before
    wb.save(path)
    assert cli.main(["upgrade", str(path)]) == 0
    capsys.readouterr()
    assert openpyxl.load_workbook(path)["Lifetime value"]["C3"].value == lv.LIFETIME_NOTE_C3
    assert "whose MRR at end is an error" in lv.LIFETIME_NOTE_C3
