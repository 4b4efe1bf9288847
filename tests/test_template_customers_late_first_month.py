"""A tracker filled from a later month on Customers, its first month of data without customers at start (H469 05).

A January tracker whose user starts tracking in April (Customers rows 5-7: gained 10, 5, 6; end 110, 112, 115):
Customers!B5 took April's start as 0 from the template's formula, so lost was #NUM! "customers_end (110) exceeds
customers_start + customers_gained (0 + 10)" and CRR and churn #DIV/0! "no customers at the start", nothing asking
for the start, while Revenue asks for its MRR at start in the same month. Now such a month's start is unknown (blank):
its lost, CRR and churn are #VALUE! with a reason naming Customers!B5 to type; a first month whose customers at end
are those it gained still starts from nothing (0), and a typed start is taken. LibreOffice gives the same values.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

from pathlib import Path

import libreoffice  # the tests' LibreOffice conversion, with its recalculating profile
import openpyxl
import pytest
from earlier_forms import letters

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.monthly import CUSTOMERS
from xl_retention.workbook.monthly_formulas import CUSTOMERS_START_ZERO
from xl_retention.workbook.template import render_formula
from xl_retention.workbook.upgrade_file import upgrade_workbook

APRIL_ON = ((10, 110), (5, 112), (6, 115))  # (gained, end) of April, May and June
ASKED = (
    "customers_start blank while other inputs are not: Customers!B5 (Customers at start) is blank: no month before "
    "has Customers at end and this one has customers at end other than those gained, which leaves its start "
    "unknown: type its Customers at start in Customers!B5 (#VALUE!)"
)


def _tracker(path: Path, months: tuple[tuple[int, int], ...] = APRIL_ON, start: object = None) -> Path:
    build_template(path, start="2026-01", months=8)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    for row, (gained, end) in enumerate(months, start=5):
        ws[f"C{row}"], ws[f"D{row}"] = gained, end
    if start is not None:
        ws["B5"] = start
    wb.save(path)
    return path


def _customers(path: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(path, data_only=True)["Customers"]
    return [[ws[f"{c}{r}"].value for c in "BEFG"] for r in (5, 6)]


def test_a_first_month_below_row_2_with_more_at_end_than_gained_asks_for_its_start(tmp_path: Path) -> None:
    result = recalc_file(_tracker(tmp_path / "t.xlsx"), tmp_path / "out.xlsx", engine="embedded")
    assert _customers(tmp_path / "out.xlsx") == [
        [None, "#VALUE!", "#VALUE!", "#VALUE!"],  # never a start of 0, lost #NUM!, rates #DIV/0!
        [110, 3, pytest.approx(107 / 110), pytest.approx(3 / 110)],  # May starts where April ended (typed)
    ]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["Customers!E5"] == f"CUSTOMERS_LOST: {ASKED}"
    assert reasons["Customers!F5"] == f"CRR: {ASKED}"
    assert reasons["Customers!G5"] == f"CHURN_RATE: {ASKED}"


def test_fewer_at_end_than_gained_asks_for_the_start_too(tmp_path: Path) -> None:
    recalc_file(_tracker(tmp_path / "t.xlsx", ((10, 8),)), tmp_path / "out.xlsx", engine="embedded")
    assert _customers(tmp_path / "out.xlsx")[0] == [None, "#VALUE!", "#VALUE!", "#VALUE!"]


def test_customers_at_end_those_gained_start_from_nothing(tmp_path: Path) -> None:
    recalc_file(_tracker(tmp_path / "t.xlsx", ((10, 10), (5, 14))), tmp_path / "out.xlsx", engine="embedded")
    assert _customers(tmp_path / "out.xlsx") == [[0, 0, None, None], [10, 1, 0.9, pytest.approx(0.1)]]


def test_a_typed_start_is_taken(tmp_path: Path) -> None:
    result = recalc_file(_tracker(tmp_path / "t.xlsx", start=100), tmp_path / "out.xlsx", engine="embedded")
    assert _customers(tmp_path / "out.xlsx") == [[100, 0, 1, 0], [110, 3, pytest.approx(107 / 110), 3 / 110]]
    assert not [e for e in result.errors if e.address.startswith("Customers!")]


@pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_gives_the_same_values(tmp_path: Path) -> None:
    starts = []  # (the rates are add-in functions, #NAME? there: the starts alone compared)
    for name, months in (("t", APRIL_ON), ("new", ((10, 10), (5, 14)))):
        path = _tracker(tmp_path / f"{name}.xlsx", months)
        ws = openpyxl.load_workbook(libreoffice.recalculate(path, tmp_path / name), data_only=True)["Customers"]
        starts.append([ws["B5"].value, ws["B6"].value])
    assert starts == [[None, 110], [0, 10]]


def test_upgrade_brings_the_start_of_0_up(tmp_path: Path) -> None:
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    current = {row: wb["Customers"][f"B{row}"].value for row in (3, 4, 5)}
    for row in current:  # as the template before this fix wrote them
        wb["Customers"][f"B{row}"] = render_formula(CUSTOMERS_START_ZERO, letters(CUSTOMERS), row)
        assert wb["Customers"][f"B{row}"].value != current[row]
    wb.save(path)
    upgrade_workbook(path)
    ws = openpyxl.load_workbook(path)["Customers"]
    assert {row: ws[f"B{row}"].value for row in current} == current
