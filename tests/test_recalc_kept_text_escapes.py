"""A formula's value kept from the file (a function the embedded engine lacks keeps Excel's stored answer) stored as
text with an ``_xHHHH_`` escape (ECMA-376 ST_Xstring; Excel writes a carriage return as ``_x000D_``) was read
undecoded: ``=LEN(A1)`` of the kept ``a_x000D_b`` gave 9 with status ok where Excel reads a, CR, b and gives 3."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

import xl_retention


def _workbook(path: Path, stored: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = '=INFO("osversion")'
    sheet["B1"] = "=LEN(A1)"
    sheet["C1"] = '=A1&"|"'
    book.save(path)
    with zipfile.ZipFile(path) as package:
        members = {name: package.read(name) for name in package.namelist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    cell = '<c r="A1"><f>INFO("osversion")</f><v /></c>'
    assert cell in xml, xml
    members["xl/worksheets/sheet1.xml"] = xml.replace(
        cell, f'<c r="A1" t="str"><f>INFO("osversion")</f><v>{stored}</v></c>'
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return path


def test_a_kept_text_is_read_with_its_escapes_decoded(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "kept.xlsx", "a_x000D_b and _x005F_x000D_")
    report = xl_retention.recalc([str(path)], engine="embedded", output_dir=str(tmp_path / "out"))
    sheet = openpyxl.load_workbook(tmp_path / "out" / "kept.xlsx", data_only=True)["S"]
    # a, CR, b, " and ", then the escaped underscore: the literal text _x000D_ (7 characters): 3 + 5 + 7 = 15
    assert sheet["B1"].value == 15
    with zipfile.ZipFile(tmp_path / "out" / "kept.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    # written back as Excel writes it: the CR as a character reference, the literal _x000D_ with its underscore escaped
    assert '<c r="C1" t="str"><f>A1&amp;"|"</f><v>a&#13;b and _x005F_x000D_|</v></c>' in xml
    assert report.files[0].status == "ok"
