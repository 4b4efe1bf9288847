"""A sheet whose cells are written without their ``r`` attribute (optional in SpreadsheetML: a cell follows the one
before it in its row) hid its number-like texts from the recalculation: ``=A1*2`` of the text "1,234" was #VALUE!
with status ok, where Excel reads the text as the number 1234 in arithmetic (as the same file with ``r`` does)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from one_sheet import rewrite_part

import xl_retention


def _without_references(xml: bytes) -> bytes:
    xml = re.sub(rb'(<c) r="[A-Z]+[0-9]+"', rb"\1", xml)
    assert b'<c r="' not in xml
    return xml


def test_number_texts_in_cells_without_a_reference_are_read_as_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["1,234.00", "$5", "=A1*2", "=B1+1", "=A1&B1"])
    sheet.append(["x", "=A1/2"])
    book.save(tmp_path / "nord.xlsx")
    rewrite_part(tmp_path / "nord.xlsx", "xl/worksheets/sheet1.xml", _without_references)
    report = xl_retention.recalc([str(tmp_path / "nord.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    got = openpyxl.load_workbook(tmp_path / "out" / "nord.xlsx", data_only=True)["S"]
    assert [got["C1"].value, got["D1"].value, got["E1"].value, got["B2"].value] == [2468, 6, "1,234.00$5", 617]
    assert report.files[0].status == "ok"
