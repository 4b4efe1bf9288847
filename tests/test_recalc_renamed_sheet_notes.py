"""After the Customers sheet is renamed (Kunden), the template's notes still said "see Customers!D4" on the Dashboard
and Lifetime value, a sheet the workbook no longer has (H189's finding 02): the sheet's name is text in the formula,
which Excel does not rename (import and extend rewrite it; recalc never changes formulas and said nothing). Now recalc
names those cells and ``xl-retention upgrade FILE``, which rewrites them to the sheet's name now.

The sheet is renamed with openpyxl, every reference and name following it as Excel's rename does (the template's
"see Customers!" texts do not).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
from cli_process import run

# C3 and C8 name Customers in a sentence ("Customers runs to", "is no month of Customers"): H486's finding 07
CELLS = "'Dashboard'!B4, 'Dashboard'!B6, 'Lifetime value'!C3, 'Lifetime value'!C5, 'Lifetime value'!C8"


def _renamed(tmp_path: Path) -> Path:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "12").returncode == 0
    wb = openpyxl.load_workbook(book)
    customers = wb["Customers"]
    customers["B2"], customers["C2"], customers["D2"] = 100, 10, 105
    customers["C3"], customers["D3"], customers["C4"] = 8, 108, 5  # March's end not known yet
    wb["Lifetime value"]["B4"] = 0.8
    customers.title = "Kunden"
    moved = re.compile(r"(?<!see )(?:'Customers'|\bCustomers)!")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.value = moved.sub("Kunden!", cell.value)
    for name in wb.defined_names.values():
        name.attr_text = moved.sub("Kunden!", name.attr_text)
    wb.save(book)
    return book


def _recalc(tmp_path: Path, book: Path) -> dict:
    result = run("recalc", book, "--output-dir", tmp_path / "out", "--json")
    return json.loads(result.stdout)["files"][0]


def test_notes_naming_a_renamed_sheet_are_said_and_upgrade_rewrites_them(tmp_path):
    book = _renamed(tmp_path)
    report = _recalc(tmp_path, book)
    assert report["status"] == "ok"  # the figures are right; the notes' text is said (2afe5d6)
    line = (
        f"t.xlsx: its notes name the sheets 'Customers' (now 'Kunden') by their old names, in {CELLS}: xl-retention "
        f"upgrade {book} makes them name the sheets as they are now (your values and formulas are kept)"
    )
    assert report["message"].startswith(line)
    result = run("upgrade", book)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"rewrote the notes that named the sheets 'Customers' (now 'Kunden') by their old names, in {CELLS}"
    )
    wb = openpyxl.load_workbook(book)
    for sheet, ref in (("Dashboard", "B4"), ("Dashboard", "B6"), ("Lifetime value", "C5")):
        assert '"see Kunden!"' in wb[sheet][ref].value and '"see Customers!"' not in wb[sheet][ref].value
    assert ", Kunden runs to " in wb["Lifetime value"]["C3"].value
    assert "is no month of Kunden: add it there" in wb["Lifetime value"]["C8"].value
    assert wb["Kunden"]["D2"].value == 105
    assert "its notes name" not in _recalc(tmp_path, book)["message"]
