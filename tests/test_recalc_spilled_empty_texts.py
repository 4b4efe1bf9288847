"""A spilled member whose value is the empty text (``=A1:A4&""`` over a blank A2, ``=IF(A1:A4="x","","z")``) was
written as a blank cell (``<c r="F2"/>``), where Excel stores the empty text (``t="str"``, an empty ``<v>``): a reader
of the file (LibreOffice's ISBLANK, pandas' ``na_values``) saw a blank where the formula gave text. A blank read
through the array is still 0 (``=A1:A4``), as in Excel."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention


def test_a_spilled_empty_text_is_stored_as_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A3"], sheet["A4"] = "x", "y", 3
    dynamic = {"D1": "A1:A4", "E1": 'IF(A1:A4="x","","z")', "F1": 'A1:A4&""'}
    for ref, formula in dynamic.items():
        sheet[ref] = ArrayFormula(f"{ref}:{ref}", f"={formula}")
    save_dynamic(book, tmp_path / "spills.xlsx", dynamic)
    report = xl_retention.recalc([str(tmp_path / "spills.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    with zipfile.ZipFile(tmp_path / "out" / "spills.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    cells = dict(re.findall(r'<c r="([DEF][2-4])"([^>]*(?:/>|>.*?</c>))', xml))
    assert cells == {
        "D2": "><v>0</v></c>",  # a blank read through the array: 0
        "D3": ' t="str"><v>y</v></c>',
        "D4": "><v>3</v></c>",
        "E2": ' t="str"><v>z</v></c>',
        "E3": ' t="str"><v>z</v></c>',
        "E4": ' t="str"><v>z</v></c>',
        "F2": ' t="str"><v></v></c>',  # the empty text, not a blank cell
        "F3": ' t="str"><v>y</v></c>',
        "F4": ' t="str"><v>3</v></c>',
    }
    assert '<c r="E1" cm="1" t="str"><f t="array" ref="E1:E4">IF(A1:A4="x","","z")</f><v></v></c>' in xml
