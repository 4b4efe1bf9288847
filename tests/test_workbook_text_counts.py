"""Counts pasted as text on the Customers, Purchases and Cohorts sheets are read as their numbers, as on Revenue.

Before: on Customers, January's customers at start and end pasted as "100" and "95" made every rate #VALUE!
("customers_end must be a number, got '95'") while Revenue read a text number as its number (cc4d933), and
February's start was 0 (COUNT and N() skip text: "nothing typed before"), its lost customers #NUM!; on Purchases the
rates were #VALUE! alike; on Cohorts a month-0 count pasted as "0" gave #DIV/0! in every share of its row. Now: the
text number is its number (the same rates as typed numbers), a text that is no number is named, a "0" is blank as 0
is. The formulas are checked with LibreOffice too (see test_the_next_start_and_shares_work_in_libreoffice).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import libreoffice  # the tests' LibreOffice conversion, with its recalculating profile
import openpyxl
import pytest
from test_workbook_text_numbers import _recalc  # recalc from the command line: each file's errors

from xl_retention.workbook import build_template
from xl_retention.workbook.cohort_sheet import _same_formula
from xl_retention.workbook.sheets import share_formula, share_formula_unguarded


def _tracker(tmp_path: Path, name: str, cells: dict[str, dict[str, object]]) -> Path:
    path = build_template(tmp_path / name, start="2025-01", months=3)
    wb = openpyxl.load_workbook(path)
    for title, values in cells.items():
        for ref, value in values.items():
            wb[title][ref] = value
    wb.save(path)
    return path


def _values(tmp_path: Path, name: str, title: str, refs: list[str]) -> list[object]:
    ws = openpyxl.load_workbook(tmp_path / "out" / name, data_only=True)[title]
    return [ws[ref].value for ref in refs]


CUSTOMERS = ["B2", "E2", "F2", "G2", "B3", "E3", "F3", "G3"]
PURCHASES = ["E2", "F2", "I2"]


def test_counts_pasted_as_text_give_the_rates_of_the_numbers(tmp_path, capsys):
    def both(text: bool) -> dict[str, dict[str, object]]:
        n = str if text else (lambda v: v)
        return {
            "Customers": {"B2": n(100), "C2": n(10), "D2": n(95), "C3": 5, "D3": 90},
            "Purchases and visits": {"B2": n(40), "C2": n(10), "D2": n(4), "G2": n(200), "H2": n(50)},
        }

    text = _tracker(tmp_path, "text.xlsx", both(True))
    typed = _tracker(tmp_path, "typed.xlsx", both(False))
    abc = _tracker(tmp_path, "abc.xlsx", {"Customers": {"B2": 100, "C2": 10, "D2": "abc", "C3": 5, "D3": 90}})
    errors = _recalc(tmp_path, capsys, text, typed, abc)
    assert errors["text.xlsx"] == errors["typed.xlsx"] == {}
    for name in ("text.xlsx", "typed.xlsx"):
        start, lost, crr, churn, february, *rates = _values(tmp_path, name, "Customers", CUSTOMERS)
        assert (lost, crr, churn) == (15, 0.85, 0.15), name  # 100 + 10 - 95 lost; 85 of 100 kept
        assert february == 95 and rates == pytest.approx([10, 85 / 95, 10 / 95]), name  # was a start of 0, #NUM!
        assert _values(tmp_path, name, "Purchases and visits", PURCHASES) == [0.25, 0.1, 0.25], name
    assert errors["abc.xlsx"]["Customers!F2"] == (
        "CRR: customers_end must be a number, got 'abc', in Customers!D2 (Customers at end) (#VALUE!)"
    )
    assert errors["abc.xlsx"]["Customers!E3"] == (
        "CUSTOMERS_LOST: customers_start must be a number, got 'abc', in Customers!D2 (Customers at end) "
        "(read through Customers!B3) (#VALUE!)"
    )


def test_a_month_zero_pasted_as_text_zero_leaves_its_shares_blank(tmp_path, capsys):
    zero = _tracker(tmp_path, "zero.xlsx", {"Cohorts": {"B4": "0", "C4": "0", "B5": 10}})
    text = _tracker(tmp_path, "text.xlsx", {"Cohorts": {"B4": "40", "C4": "30", "B5": 10}})
    _recalc(tmp_path, capsys, zero, text)
    assert _values(tmp_path, "zero.xlsx", "Cohorts", ["B10", "C10", "B11"]) == [None, None, 1]  # were #DIV/0!
    assert _values(tmp_path, "text.xlsx", "Cohorts", ["B10", "C10", "B11"]) == [1, 0.75, 1]


def test_an_earlier_trackers_share_formula_is_the_templates_for_growing():
    """Each earlier share (847ea2c3's $B4=0, the unguarded IFERROR form before 8945914d's boolean guard) is the
    template's for growing; a formula of the user's is not (the template's share is sheets.share_formula now)."""
    current = share_formula("C4", "$B4")
    assert _same_formula('=IF(OR(C4="",$B4="",$B4=0),"",C4/$B4)', current)
    assert _same_formula(share_formula_unguarded("C4", "$B4"), current)
    assert not _same_formula('=IF(OR(C4="",$B4="",$B4=1),"",C4/$B4)', current)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_next_start_and_shares_work_in_libreoffice(tmp_path):
    """LibreOffice has no xl-retention functions (#NAME?), but the next month's start and the cohort shares are plain
    formulas: January's start and end pasted as text give February a start of 95 (was 0), a "0" month 0 a blank."""
    book = _tracker(
        tmp_path,
        "t.xlsx",
        {"Customers": {"B2": "100", "C2": "10", "D2": "95", "C3": 5, "D3": 90}, "Cohorts": {"B4": "0", "C4": "0"}},
    )
    wb = openpyxl.load_workbook(libreoffice.recalculate(book, tmp_path / "lo"), data_only=True)
    assert wb["Customers"]["B3"].value == 95
    assert [wb["Cohorts"][ref].value for ref in ("B10", "C10")] == [None, None]
