"""Rows recalc writes on a sheet that hides the rows it does not list stay hidden (H543's finding 07).

Excel's "hide every row below" stores ``<sheetFormatPr zeroHeight="1"/>`` and lists only the rows shown. A ``<row>``
written without ``hidden="1"`` is a shown row (ECMA-376 18.3.1.73), so the rows a spill reached (``=SEQUENCE(5)`` in
A1) were written as new, shown rows: the rows the user hid showed after recalc. Excel writes them ``hidden="1"``.
"""

from __future__ import annotations

import re

from xl_retention.recalculation.xlsx_members import write_members

_HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B3"/>'
_DATA = (
    b'<sheetData><row r="1"><c r="A1" cm="1"><f t="array" ref="A1:A5">SEQUENCE(5)</f><v>1</v></c></row>'
    b'<row r="3"><c r="B3"><v>7</v></c></row></sheetData></worksheet>'
)


def _rows(xml: bytes) -> dict[str, str]:
    return {r: attrs.strip() for r, attrs in re.findall(r'<row r="(\d+)"([^>]*)>', xml.decode())}


def test_rows_written_on_a_sheet_hiding_its_unlisted_rows_are_hidden() -> None:
    sheet = _HEAD + b'<sheetFormatPr baseColWidth="8" defaultRowHeight="15" zeroHeight="1"/>' + _DATA
    xml, written = write_members(sheet, "S", {b"A2": 2, b"A3": 3, b"A4": 4, b"A5": 5})
    assert written == 4
    # rows 2, 4, 5 are new: hidden as the sheet hid them; row 3 was listed (shown) and keeps its attributes
    assert _rows(xml) == {"1": "", "2": 'hidden="1"', "3": "", "4": 'hidden="1"', "5": 'hidden="1"'}
    assert b'<row r="5" hidden="1"><c r="A5"><v>5</v></c></row>' in xml
    assert b'zeroHeight="1"' in xml


def test_rows_written_on_a_sheet_showing_its_rows_are_plain() -> None:
    sheet = _HEAD + b'<sheetFormatPr baseColWidth="8" defaultRowHeight="15" zeroHeight="0"/>' + _DATA
    xml, _ = write_members(sheet, "S", {b"A2": 2, b"A3": 3, b"A4": 4, b"A5": 5})
    assert _rows(xml) == {"1": "", "2": "", "3": "", "4": "", "5": ""}
