"""A cell storing as a number a text that is no number is refused naming the cell and the text (H556's finding 04).

``<c r="A2"><v>abc</v></c>`` (a hand-made or JavaScript writer's slip) failed the file in the engine reader's own words
("the embedded engine cannot read it (load failed: Calamine error: Xlsx error: Parse float error: invalid float
literal)"), naming no cell; ``<v>NaN</v>`` was read as #NUM!, the report saying "S!A2 holds the error value #NUM!,
typed or pasted there", and the output kept the NaN no reader takes. Both are now refused before the engine reads the
file: "S!A2 stores 'abc' as a number, which no Excel reads: type the number again". A text result (``t="str"``), an
error value and a blank formula result are no such number.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation.batch import recalc

pytest.importorskip("formualizer")


def _book(tmp_path: Path, stored: str, title: str = "S") -> Path:
    """S!A1 = 1, S!A2 stored as ``<v>{stored}</v>`` (a number cell), S!B1 = SUM(A1:A2), S!C1 a text result."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet["A1"], sheet["A2"], sheet["B1"], sheet["C1"] = 1, 2, "=SUM(A1:A2)", '=T("abc")'
    path = tmp_path / "book.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    assert b'<c r="A2" t="n"><v>2</v></c>' in xml
    parts["xl/worksheets/sheet1.xml"] = xml.replace(
        b'<c r="A2" t="n"><v>2</v></c>', f'<c r="A2" t="n"><v>{stored}</v></c>'.encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


@pytest.mark.parametrize("stored", ["abc", "NaN"])
def test_a_stored_number_that_is_no_number_is_refused_naming_its_cell(tmp_path: Path, stored: str) -> None:
    done = recalc(_book(tmp_path, stored), engine="embedded", output_dir=tmp_path / "out").files[0]
    # at the parent: "book.xlsx: the embedded engine cannot read it (load failed: Calamine error: ...)" for abc,
    # ok with "S!B1 = #NUM!: S!A2 holds the error value #NUM!, typed or pasted there" for NaN
    assert (done.status, done.message) == (
        "failed",
        f"book.xlsx: S!A2 stores '{stored}' as a number, which no Excel reads: type the number again",
    )


def test_a_sheet_name_is_written_as_a_formula_writes_it(tmp_path: Path) -> None:
    done = recalc(_book(tmp_path, "1,5", "My data"), engine="embedded", output_dir=tmp_path / "out").files[0]
    assert (
        done.message == "book.xlsx: 'My data'!A2 stores '1,5' as a number, which no Excel reads: type the number again"
    )


def test_numbers_texts_and_errors_stored_as_excel_stores_them_are_read(tmp_path: Path) -> None:
    done = recalc(_book(tmp_path, "2.5E-1"), engine="embedded", output_dir=tmp_path / "out").files[0]
    assert done.status == "ok", done.message
    assert openpyxl.load_workbook(done.output, data_only=True)["S"]["B1"].value == 1.25
