"""A tracker filled from a later month, its first month of data typed without an MRR at start (H67 finding 05).

A January tracker whose figures start in March, typed as Start here says for any month but the first (movements, no
start): Revenue!B4 took March's start as 0, so 200 churned and 50 contracted out of an MRR of 0 were accepted, March
ended at 250, April's NRR read 80% and the Dashboard showed it, nothing listed. Now such a month's start is unknown
(blank): its MRR at end is #VALUE! with a reason naming Revenue!B4, and so is every month after it; a first month of
new MRR alone still starts from nothing (0), and a typed start is taken. LibreOffice gives the same values.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

from pathlib import Path

import libreoffice  # the tests' LibreOffice conversion, with its recalculating profile
import openpyxl
import pytest
from earlier_forms import import_into, letters, template_formula

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.monthly import REVENUE
from xl_retention.workbook.monthly_formulas import MRR_START_ZERO
from xl_retention.workbook.template import render_formula

LETTERS = letters(REVENUE)


def _tracker(path: Path, march: tuple[int, ...] = (400, 100, 0, 50, 200), start: object = None) -> Path:
    build_template(path, start="2025-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Revenue"]
    for col, value in zip("CDEFG", march, strict=True):  # new, expansion, reactivation, contraction, churned
        ws[f"{col}4"] = value
    for col, value in zip("CDEFG", (300, 50, 0, 0, 100), strict=True):
        ws[f"{col}5"] = value
    if start is not None:
        ws["B4"] = start
    wb.save(path)
    return path


def _revenue(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path, data_only=True)["Revenue"]
    return [[ws[f"{c}{r}"].value for c in "BHMN"] for r in (4, 5)]


def test_a_first_month_below_row_2_with_churn_has_no_start_of_0(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert _revenue(tmp_path / "out.xlsx") == [
        [None, "#VALUE!", "#VALUE!", "#VALUE!"],
        ["#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!"],  # April starts where March ended: unknown, never 250
    ]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["Revenue!H4"] == (
        "Revenue!B4 (MRR at start) is blank: no month before has an MRR at end and this one has churned, contraction "
        "or expansion MRR, which an MRR at start of 0 cannot have: type its MRR at start in Revenue!B4 (#VALUE!)"
    )
    assert reasons["Revenue!H5"].startswith("Revenue!B4 (MRR at start) is blank")
    dashboard = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Dashboard"]
    assert not isinstance(dashboard["B5"].value, int | float)  # no MRR at end of 500 on the Dashboard


@pytest.mark.parametrize("march", [(0, 100, 0, 0, 0), (400, 0, 0, 50, 0), (400, 0, 0, 0, 200)])
def test_expansion_contraction_or_churn_alone_asks_for_the_start(tmp_path: Path, march: tuple[int, ...]) -> None:
    recalc_file(_tracker(tmp_path / "t.xlsx", march), tmp_path / "out.xlsx", engine="embedded")
    assert _revenue(tmp_path / "out.xlsx")[0][:2] == [None, "#VALUE!"]


def test_new_mrr_alone_starts_from_nothing(tmp_path: Path) -> None:
    recalc_file(_tracker(tmp_path / "t.xlsx", (400, 0, 0, 0, 0)), tmp_path / "out.xlsx", engine="embedded")
    assert _revenue(tmp_path / "out.xlsx") == [[0, 400, None, None], [400, 650, 0.875, 0.75]]


def test_a_typed_start_is_taken(tmp_path: Path) -> None:
    recalc_file(_tracker(tmp_path / "t.xlsx", start=5000), tmp_path / "out.xlsx", engine="embedded")
    (march, april) = _revenue(tmp_path / "out.xlsx")
    assert march[:2] == [5000, 5250]
    assert april[:2] == [5250, 5500]
    assert april[2:] == [pytest.approx((5250 - 100 + 50) / 5250), pytest.approx((5250 - 100) / 5250)]


@pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_gives_the_same_values(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    mine = [row[:2] for row in _revenue(libreoffice.recalculate(path, tmp_path / "lo"))]  # no NRR/GRR there
    assert mine == [row[:2] for row in _revenue(tmp_path / "out.xlsx")] == [[None, "#VALUE!"], ["#VALUE!"] * 2]


def test_import_brings_the_earlier_form_up(tmp_path: Path) -> None:
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    for row in (3, 4):  # as the template before this fix wrote them
        wb["Revenue"][f"B{row}"] = render_formula(MRR_START_ZERO, LETTERS, row)
    wb.save(path)
    import_into(tmp_path, path)
    ws = openpyxl.load_workbook(path)["Revenue"]
    start = template_formula(REVENUE, "start")
    assert [ws[f"B{r}"].value for r in (3, 4)] == [render_formula(start, LETTERS, r) for r in (3, 4)]
