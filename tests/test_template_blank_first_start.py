"""A first month typed with movements but no MRR at start (H39 finding 04).

The Revenue sheet summed the blank start as 0: January's MRR at end 4,000 (new MRR alone), February's start 4,000,
its NRR and GRR 50% (no error), while the Customers sheet refuses the same omission (#VALUE!) and docs/metrics.md
says the MRR at the start is never taken as 0. Now the month's MRR at end is #VALUE! with a reason naming
Revenue!B2, and so is every month after (their start follows from it), never a start of 0; a business starting
from nothing types 0. LibreOffice gives the same values.

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
from xl_retention.workbook.monthly_formulas import MRR_END_BLANK_START, MRR_START_COUNT
from xl_retention.workbook.template import render_formula

LETTERS = letters(REVENUE)


def _tracker(path: Path, start: object = None) -> Path:
    build_template(path, start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    ws = wb["Revenue"]
    ws["B2"], ws["C2"] = start, 4000
    ws["C3"], ws["G3"] = 1000, 2000
    ws["D4"] = 500
    wb.save(path)
    return path


def _revenue(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path, data_only=True)["Revenue"]
    return [[ws[f"{c}{r}"].value for c in "BHM"] for r in (2, 3, 4)]


def test_a_first_month_without_its_mrr_at_start_has_no_mrr_at_end(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert _revenue(tmp_path / "out.xlsx") == [
        [None, "#VALUE!", None],
        ["#VALUE!", "#VALUE!", "#VALUE!"],  # February's start follows from January's end: unknown, never 0
        ["#VALUE!", "#VALUE!", "#VALUE!"],
    ]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["Revenue!H2"] == (
        "Revenue!B2 (MRR at start) is blank while the month has other figures: type it (0 for a business starting "
        "from nothing) (#VALUE!)"
    )
    assert reasons["Revenue!B3"].endswith(", from Revenue!H2")
    assert reasons["Revenue!H3"].startswith("Revenue!B2 (MRR at start) is blank")  # passed on from B3


def test_a_first_month_starting_from_nothing_types_0(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx", start=0)
    recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert _revenue(tmp_path / "out.xlsx") == [[0, 4000, None], [4000, 3000, 0.5], [3000, 3500, 1 + 500 / 3000]]


def test_a_month_after_an_unfilled_one_names_the_month_before(tmp_path: Path) -> None:
    build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    wb["Revenue"]["B2"], wb["Revenue"]["C2"], wb["Revenue"]["C4"] = 1000, 100, 50  # March unfilled
    wb.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["Revenue!H4"] == (
        "Revenue!B4 (MRR at start) is blank: the month before has no MRR at end (Revenue!H3 is blank or an error): "
        "fill that month (#VALUE!)"
    )


@pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_gives_the_same_values(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert _revenue(libreoffice.recalculate(path, tmp_path / "lo")) == _revenue(tmp_path / "out.xlsx")


def test_import_brings_the_earlier_forms_up(tmp_path: Path) -> None:
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws = wb["Revenue"]
    for row in range(2, 5):  # as the template of 2026-12-01 wrote them
        ws[f"H{row}"] = render_formula(MRR_END_BLANK_START, LETTERS, row)
        if row > 2:
            ws[f"B{row}"] = render_formula(MRR_START_COUNT, LETTERS, row)
    wb.save(path)
    import_into(tmp_path, path)
    ws = openpyxl.load_workbook(path)["Revenue"]
    end, start = template_formula(REVENUE, "end"), template_formula(REVENUE, "start")
    assert [ws[f"H{r}"].value for r in range(2, 5)] == [render_formula(end, LETTERS, r) for r in range(2, 5)]
    assert [ws[f"B{r}"].value for r in (3, 4)] == [render_formula(start, LETTERS, r) for r in (3, 4)]
