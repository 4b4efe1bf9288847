"""Cells recalc inserts for an array's members or a spilled result take their row's or column's style (H37 finding 02).

A ``<c>`` written without ``s`` has style 0 (General) in Excel: a column's style (``<col style=..>``) and a formatted
row's (``<row customFormat="1" s=..>``) apply only to cells the file does not write. The writer inserted spilled
values as ``<c r="D2"><v>0.25</v></c>``: a column formatted 0.0% showed 0.25 in Excel after recalc.
"""

from __future__ import annotations

import re

from xl_retention.recalculation.xlsx_members import write_members

SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D4"/>'
    b'<cols><col min="2" max="2" width="9"/><col min="4" max="5" width="9" style="1" customWidth="1"/></cols>'
    b'<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="D1" s="1"><f t="array" ref="D1:D6">B1:B6</f><v>0.5</v></c>'
    b'</row><row r="2"><c r="A2"><v>2</v></c></row><row r="4" s="2" customFormat="1"><c r="A4"><v>4</v></c></row>'
    b'<row r="5" s="3"><c r="A5"><v>5</v></c></row></sheetData></worksheet>'
)


def _cell(xml: bytes, ref: str) -> str:
    found = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*>', xml)
    assert found is not None, ref
    return found.group(0).decode()


def test_inserted_members_take_the_rows_or_the_columns_style() -> None:
    cells = {f"D{r}".encode(): r / 10 for r in range(2, 7)} | {b"B2": 7.0}
    xml, written = write_members(SHEET, "S", cells)
    assert written == 6
    assert _cell(xml, "D2") == '<c r="D2" s="1">'  # column D formatted: its style
    assert _cell(xml, "D3") == '<c r="D3" s="1">'  # a row the sheet did not have: the column's style
    assert _cell(xml, "D4") == '<c r="D4" s="2">'  # a formatted row: the row's style
    assert _cell(xml, "D5") == '<c r="D5" s="1">'  # a row style without customFormat formats nothing
    assert _cell(xml, "D6") == '<c r="D6" s="1">'
    assert _cell(xml, "B2") == '<c r="B2">'  # a column without a style: none
    assert b'<c r="D4" s="2"><v>0.40000000000000002</v></c>' in xml
