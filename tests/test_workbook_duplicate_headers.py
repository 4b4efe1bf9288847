"""A copy of a template column on a monthly sheet (the user inserted a column and pasted 'Customers at end' into it,
header and values, as a backup): the import wrote the corrected export's figures into the first of the two columns,
the copy, listed them as replaced ('Customers'!B2 ...) and left the column the formulas read as it was: February's
CRR stayed 0.5 where the corrected data give 1.0, silently; extend would have written the new months' formulas over
the copy. The template's column is now the one its defined name points to (Customers_End: Excel moves the name with
the column); where no name tells (deleted, or pointing at neither), import and extend stop before writing, naming
both header cells. A header of the user's own twice is fine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from xl_retention.workbook import build_template

FIRST = "customer_id,month,mrr\na,2025-01,10\nb,2025-01,20\nc,2025-02,30\na,2025-02,10\na,2025-03,15\nc,2025-03,30\n"
CORRECTED = FIRST + "b,2025-02,20\n"  # b was a customer in February after all


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xl_retention.cli", *args], capture_output=True, text=True)


def _tracker(tmp_path: Path, header: str, name: str | None) -> Path:
    """A tracker filled from FIRST, then a column inserted at B holding a copy of 'Customers at end' (now in E) under
    ``header``; the name Customers_End then says ``name`` (None: the user deleted it)."""
    book = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    (tmp_path / "first.csv").write_text(FIRST)
    assert _cli("import", "--subscriptions", str(tmp_path / "first.csv"), "--into", str(book)).returncode == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    ws.insert_cols(2)  # the cells move right; the importer reads the headers of row 1
    ws["B1"] = header
    for row in (2, 3, 4):
        ws.cell(row, 2).value = ws.cell(row, 5).value  # the values of 'Customers at end', now in E
    ws["Q1"], ws["R1"] = "Notes", "Notes"  # the user's own header twice: nothing of the template's
    if name is None:
        del wb.defined_names["Customers_End"]
    else:
        wb.defined_names["Customers_End"].attr_text = name
    wb.save(book)
    return book


def _end_columns(book: Path) -> list[list[object]]:
    ws = openpyxl.load_workbook(book)["Customers"]
    return [[ws.cell(r, c).value for c in (2, 4, 5)] for r in (2, 3, 4)]


@pytest.mark.parametrize("header", ["Customers at end", "Customers at end (copy)"])
def test_the_corrected_export_goes_into_the_column_the_name_points_to(tmp_path: Path, header: str) -> None:
    book = _tracker(tmp_path, header, "Customers!$E$2:$E$4")  # where Excel's Insert Column moved the name
    (tmp_path / "corrected.csv").write_text(CORRECTED)
    result = _cli("import", "--subscriptions", str(tmp_path / "corrected.csv"), "--into", str(book), "--replace-typed")
    assert result.returncode == 0, result.stderr
    # by hand: gained January a, b; February c; March none; at end 2, 3 (a, b, c), 2 (b lost); the copy as it was
    assert _end_columns(book) == [[2, 2, 2], [2, 1, 3], [2, 0, 2]]
    assert _cli("extend", str(book), "--months", "1").returncode == 0
    ws = openpyxl.load_workbook(book)["Customers"]
    assert ws["F1"].value == "Lost" and "E5" in ws["F5"].value and "B5" not in ws["F5"].value  # April's, of E


@pytest.mark.parametrize("name", [None, "Customers!$D$2:$D$4"])
@pytest.mark.parametrize("command", ["import", "extend"])
def test_where_no_name_tells_a_copy_stops_naming_both_headers(tmp_path: Path, command: str, name: str | None) -> None:
    book = _tracker(tmp_path, "Customers at end", name)
    before = book.read_bytes()
    (tmp_path / "corrected.csv").write_text(CORRECTED)
    if command == "import":
        result = _cli("import", "--subscriptions", str(tmp_path / "corrected.csv"), "--into", str(book))
    else:
        result = _cli("extend", str(book), "--months", "1")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "xl-retention: error: Customers!B1 and Customers!E1 are both 'Customers at end', so it cannot be told which "
        "one the tracker's formulas read (a copy of the column?): rename the copy ('Customers at end (copy)') or "
        "delete it, and run again\n"
    )
    assert book.read_bytes() == before
