"""The reason for a cell that reads an error held in a cell of an array formula (a Ctrl+Shift+Enter array's member,
a dynamic array's spilled cell) said the error was "typed or pasted there": that cell's value is the array
formula's result. It now names the array formula that computed it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention


def test_an_error_in_an_array_member_is_named_as_the_array_formulas_result(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "My Data's"
    sheet["A1"], sheet["A2"], sheet["A3"] = 1, 0, 2
    sheet["B1"] = ArrayFormula("B1:B3", "=1/A1:A3")  # Ctrl+Shift+Enter over B1:B3
    sheet["D1"] = ArrayFormula("D1:D1", "=1/A1:A3")  # a dynamic array spilling to D3
    sheet["C1"], sheet["E1"], sheet["F2"] = "=B2+1", "=D2+1", "#DIV/0!"
    sheet["G1"] = "=F2+1"
    save_dynamic(book, tmp_path / "member.xlsx", ["D1"])
    report = xl_retention.recalc([str(tmp_path / "member.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons["'My Data''s'!C1"].startswith(
        "'My Data''s'!B2 holds the error value #DIV/0!, computed there by the array formula in 'My Data''s'!B1"
    )
    assert reasons["'My Data''s'!E1"].startswith(
        "'My Data''s'!D2 holds the error value #DIV/0!, computed there by the array formula in 'My Data''s'!D1"
    )
    assert reasons["'My Data''s'!G1"].startswith(
        "'My Data''s'!F2 holds the error value #DIV/0!, typed or pasted there"
    )  # a cell of its own keeps its reason


def test_spilled_and_rich_value_reasons_write_the_sheet_as_a_formula_does(tmp_path: Path) -> None:
    """The spilled error's and the rich value's reasons named the sheet raw (``My Data's!D1``) where every other
    reason, and the CLI, write it as a formula does (``'My Data''s'!D1``)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "My Data's"
    sheet["A1"], sheet["A2"] = 1, 0
    sheet["D1"] = ArrayFormula("D1:D1", "=1/A1:A2")
    save_dynamic(book, tmp_path / "spill.xlsx", ["D1"])
    report = xl_retention.recalc([str(tmp_path / "spill.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons["'My Data''s'!D2"] == "a value of the result 'My Data''s'!D1 spills (#DIV/0!)"

    book = openpyxl.Workbook()
    book.active.title = "My Data's"
    book.save(tmp_path / "rich.xlsx")
    with zipfile.ZipFile(tmp_path / "rich.xlsx") as package:
        parts = {name: package.read(name) for name in package.namelist()}
    row = '<row r="1"><c r="A1" t="e" vm="1"><v>#VALUE!</v></c><c r="B1" t="b"><f>ISERROR(A1)</f><v>0</v></c></row>'
    part = "xl/worksheets/sheet1.xml"
    parts[part] = re.sub(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>", f"<sheetData>{row}</sheetData>".encode(),
                         parts[part])  # fmt: skip
    with zipfile.ZipFile(tmp_path / "rich.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    report = xl_retention.recalc([str(tmp_path / "rich.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    (listed,) = report.files[0].unsupported
    assert listed.reason.startswith("reads 'My Data''s'!A1, a data type or picture placed in the cell")
