"""Customers at end pasted as text, and the Lifetime value inputs pasted as text, are read as their numbers.

Before: a last month's customers at end pasted as "101" was read by the rates (21cd610) but not counted by the hidden
chart column (a gap) nor by the "so far" column, so the Dashboard's latest customers at end (B4, C4) showed the month
before, and the lifetime value's ARPA was blank; a gross margin pasted as the text "80%" (the note beside the CLV
says to type 80%) made the CLV and the margin per month #VALUE!, the note blaming a margin of 80. Now the text number
is its number everywhere; a text that is no number is a gap in the chart, its rates #VALUE! name the cell, and the
note names the lifetime input that holds text. Plain formulas are checked in LibreOffice too.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import libreoffice  # the tests' LibreOffice conversion, with its recalculating profile
import openpyxl
import pytest

from xl_retention import cli
from xl_retention.workbook import build_template

# H28's finding 03: three months; ARPA = 1120 / 101, churn the average of 0.05, 0.095238, 0.07
CUSTOMERS = {"B2": 100, "C2": 10, "D2": 105, "C3": 5, "D3": 100, "C4": 8, "D4": 101}
REVENUE = {"B2": 1000, "C2": 100, "G2": 50, "C3": 60, "G3": 40, "C4": 80, "G4": 30}


def _tracker(tmp_path: Path, name: str, customers: dict, lifetime: dict | None = None) -> Path:
    path = build_template(tmp_path / name, start="2025-01", months=6)
    wb = openpyxl.load_workbook(path)
    for title, cells in (("Customers", customers), ("Revenue", REVENUE), ("Lifetime value", lifetime or {})):
        for ref, value in cells.items():
            wb[title][ref] = value
    wb.save(path)
    return path


def _recalc(tmp_path: Path, capsys, book: Path) -> tuple[openpyxl.Workbook, dict[str, str]]:
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    errors = {e["address"]: e["reason"] for e in report["errors"]}
    return openpyxl.load_workbook(tmp_path / "out" / book.name, data_only=True), errors


def test_customers_at_end_pasted_as_text_is_charted_counted_and_shown(tmp_path, capsys):
    typed, _ = _recalc(tmp_path, capsys, _tracker(tmp_path, "typed.xlsx", CUSTOMERS))
    text, _ = _recalc(tmp_path, capsys, _tracker(tmp_path, "text.xlsx", {**CUSTOMERS, "D4": "101"}))
    for wb in (typed, text):
        customers = wb["Customers"]
        assert [customers[f"H{r}"].value for r in (2, 3, 4, 5)] == [105, 100, 101, None]  # was a gap in March
        assert [customers[f"K{r}"].value for r in (2, 3, 4, 5)] == [1, 2, 3, None]  # March was not counted
        assert wb["Dashboard"]["B4"].value == 101  # was February's 100
        assert wb["Dashboard"]["C4"].value == dt.datetime(2025, 3, 1)
        assert wb["Lifetime value"]["B3"].value == pytest.approx(1120 / 101)  # was blank


def test_customers_at_end_that_is_no_number_is_a_gap_and_named(tmp_path, capsys):
    wb, errors = _recalc(tmp_path, capsys, _tracker(tmp_path, "t.xlsx", {**CUSTOMERS, "D3": "n/a", "D4": " 101 "}))
    customers = wb["Customers"]
    assert [customers[f"H{r}"].value for r in (2, 3, 4)] == [105, "#N/A", 101]
    assert [customers[f"K{r}"].value for r in (2, 3, 4)] == [1, None, 2]
    assert wb["Dashboard"]["B4"].value == 101
    assert errors["Customers!E3"] == (
        "CUSTOMERS_LOST: customers_end must be a number, got 'n/a', in Customers!D3 (Customers at end) (#VALUE!)"
    )


def test_a_gross_margin_pasted_as_text_is_read_as_its_number(tmp_path, capsys):
    """H28 finding 03: B4 the text '80%' gave CLV #VALUE! and the note 'the gross margin is a share (80% or 0.8, not
    80)'; a discount rate pasted as '1%' is read alike."""
    book = _tracker(tmp_path, "t.xlsx", CUSTOMERS, {"B4": "80%", "B6": "1%"})
    lifetime = _recalc(tmp_path, capsys, book)[0]["Lifetime value"]
    assert lifetime["B11"].value == pytest.approx(1120 / 101 * 0.8)
    assert lifetime["B8"].value == pytest.approx(109.6077669902913)  # 8.8713 x 1.01 / (0.01 + 0.071746)
    assert lifetime["C8"].value is None
    book = _tracker(tmp_path, "u.xlsx", CUSTOMERS, {"B4": "eighty"})
    lifetime = _recalc(tmp_path, capsys, book)[0]["Lifetime value"]
    assert lifetime["B8"].value == "#VALUE!"
    assert lifetime["C8"].value == (
        "No value: ARPA (B3), the gross margin (B4) or the discount rate (B6) holds text that is no number; type a "
        "number there (80% or 0.8)."
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_chart_column_latest_figure_and_arpa_in_libreoffice(tmp_path):
    """LibreOffice has no xl-retention functions (#NAME?), but the chart and "so far" columns, the Dashboard's latest
    customers at end and the ARPA are plain formulas: the same figures as the embedded engine's."""
    book = _tracker(tmp_path, "t.xlsx", {**CUSTOMERS, "D4": "101"})
    wb = openpyxl.load_workbook(libreoffice.recalculate(book, tmp_path / "lo"), data_only=True)
    assert [wb["Customers"][f"H{r}"].value for r in (2, 3, 4, 5)] == [105, 100, 101, None]
    assert [wb["Customers"][f"K{r}"].value for r in (2, 3, 4, 5)] == [1, 2, 3, None]
    assert (wb["Dashboard"]["B4"].value, wb["Dashboard"]["C4"].value) == (101, dt.datetime(2025, 3, 1))
    assert wb["Lifetime value"]["B3"].value == pytest.approx(1120 / 101)
