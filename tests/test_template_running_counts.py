"""The Customers sheet's running counts without array arithmetic over a growing range (issue 14, the template's speed).

Customers at start asks whether any month before has an input, and the hidden column K numbers the months whose
customers at end is a number (typed, or pasted as text). Both were written as ``SUMPRODUCT`` over a range growing
down the column (``SUMPRODUCT(--($D$2:D9<>""))``, ``SUMPRODUCT(--ISNUMBER($D$2:D10+0))-...``): array arithmetic per
cell, which made the 120-month template 1.15x LibreOffice's time where it had been 0.95x (LibreOffice slower on it
too). Now ``ROWS - COUNTBLANK`` of the months before, and ``COUNT`` of column K above + 1: the same values in the
embedded engine and in LibreOffice, and a tracker made with the array forms is brought up to these by ``import``.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

from pathlib import Path

import libreoffice  # the tests' LibreOffice conversion, with its recalculating profile
import openpyxl
import pytest
from cli_process import run
from earlier_forms import brought_up, import_into, letters, template_formula

from xl_retention.workbook import build_template
from xl_retention.workbook.monthly_formulas import CUSTOMERS_START_ARRAY, END_SEQ_ARRAY
from xl_retention.workbook.template import CUSTOMERS, render_formula

LETTERS = letters(CUSTOMERS)


def _tracker(path: Path) -> Path:
    """Six months: January's start 100; ends 95, "97" (text), blank, 99, "n/a" (no number), 101."""
    build_template(path, start="2025-01", months=6)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    ws["B2"] = 100
    for row, (gained, end) in enumerate([(3, 95), (4, "97"), (None, None), (5, 99), (2, "n/a"), (6, 101)], start=2):
        ws[f"C{row}"], ws[f"D{row}"] = gained, end
    wb.save(path)
    return path


# customers at start (B3:B7) and the n-th typed month (K2:K7), as the template's formulas give them
# February starts at January's 95; March unfilled: blank; April after an unfilled month: blank; May at April's 99;
# June at May's "n/a" as it is (its rates name it); the typed months numbered 1, 2, -, 3, -, 4 ("97" is a number)
STARTS = [95, None, None, 99, "n/a"]
SEQ = [1, 2, None, 3, None, 4]


def _counts(path: Path) -> tuple[list[object], list[object]]:
    ws = openpyxl.load_workbook(path, data_only=True)["Customers"]
    return [ws[f"B{r}"].value for r in range(3, 8)], [ws[f"K{r}"].value for r in range(2, 8)]


def _blank(values: list[object]) -> list[object]:
    return [None if v == "" else v for v in values]


def test_the_running_counts_hold_no_array_arithmetic_and_give_the_months_values(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    ws = openpyxl.load_workbook(path)["Customers"]
    for row in range(2, 8):
        assert "SUMPRODUCT" not in ws[f"K{row}"].value and "SUMPRODUCT" not in str(ws[f"B{row}"].value)
    assert ws["K2"].value == '=IF(ISNUMBER(IFERROR(IF(OR(D2="",ISLOGICAL(D2)),"",D2+0),"")),COUNT($K$1:K1)+1,"")'
    assert ws["B4"].value.startswith('=IF(IFERROR(AND(C4="",D4=""),FALSE),"",IF(ROWS($D$2:D3)-COUNTBLANK($D$2:D3)')
    done = run("recalc", path, "--engine", "embedded", "--output-dir", tmp_path / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    starts, seq = _counts(tmp_path / "out" / "t.xlsx")
    assert _blank(starts) == STARTS and _blank(seq) == SEQ


@pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_gives_the_same_running_counts(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    starts, seq = _counts(libreoffice.recalculate(path, tmp_path / "lo"))
    assert _blank(starts) == STARTS and _blank(seq) == SEQ


def test_import_brings_the_array_forms_up_to_the_running_counts(tmp_path: Path) -> None:
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    for row in range(2, 6):  # as the template of 2026-12-01 wrote them, every month
        ws[f"K{row}"] = render_formula(END_SEQ_ARRAY, LETTERS, row)
        if row > 2:
            ws[f"B{row}"] = render_formula(CUSTOMERS_START_ARRAY, LETTERS, row)
    wb.save(path)
    line = brought_up(import_into(tmp_path, path))
    assert "'Customers'!B3:B5" in line and "'Customers'!K2:K5" in line
    ws = openpyxl.load_workbook(path)["Customers"]
    start, seq = template_formula(CUSTOMERS, "start"), template_formula(CUSTOMERS, "end_seq")
    for row in range(2, 6):
        assert ws[f"K{row}"].value == render_formula(seq, LETTERS, row)
        if row > 2:
            assert ws[f"B{row}"].value == render_formula(start, LETTERS, row)
    done = run("recalc", path, "--in-place", "--engine", "embedded")
    assert done.returncode == 0, done.stdout + done.stderr
    ws = openpyxl.load_workbook(path, data_only=True)["Customers"]
    assert [ws[f"B{r}"].value for r in (2, 3)] == [0, 2]  # nobody before January; February starts with a and b
    assert [ws[f"D{r}"].value for r in (2, 3)] == [2, 2]  # a, b; then a, c (b lost, c new)
    assert [ws[f"K{r}"].value for r in (2, 3)] == [1, 2]
