"""Cells written without their ``r`` attribute (it is optional: a cell follows the cell before it in its row) are
where Excel places them: an array formula's stale members are removed before the engine reads the sheet, and an
error value the engine's reader refuses (#SPILL! stored in a value cell) is put back in its own cell."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)


def _workbook(path: Path, rows: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", TYPES)
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{REL}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        package.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>",
        )
        package.writestr(
            "xl/worksheets/sheet1.xml", f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'
        )
    return path


def test_an_array_formulas_members_without_references_are_not_stale_blockers(tmp_path: Path) -> None:
    rows = (  # {=A1:A3*10} in C1:C3; C3 stores an old 99, and D3 (7) follows it in row 3: no cell says its r
        '<row><c><v>1</v></c><c><f>A1*2</f></c><c><f t="array" ref="C1:C3">A1:A3*10</f><v>10</v></c></row>'
        "<row><c><v>2</v></c><c><f>A2*2</f></c></row>"
        "<row><c><v>3</v></c><c><f>A3*2</f></c><c><v>99</v></c><c><v>7</v></c></row>"
        '<row r="5"><c r="B5"><f>SUM(C1:C3)+D3</f></c></row>'
    )
    source = _workbook(tmp_path / "book.xlsx", rows)
    report = recalc_file(source, tmp_path / "out.xlsx")
    assert (report.status, report.errors) == ("ok", []), report.message
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: sheet[ref].value for ref in ("B1", "B3", "C1", "C2", "C3", "D3", "B5")}
    assert got == {"B1": 2, "B3": 6, "C1": 10, "C2": 20, "C3": 30, "D3": 7, "B5": 67}


def test_a_newer_error_value_without_a_reference_stays_in_its_own_cell(tmp_path: Path) -> None:
    rows = (  # B1 holds #SPILL! as a value, C1 holds 5: neither says its r
        '<row><c><v>4</v></c><c t="e"><v>#SPILL!</v></c><c><v>5</v></c></row>'
        '<row r="2"><c r="A2"><f>ISERROR(B1)</f></c><c r="B2"><f>C1*2</f></c><c r="C2"><f>ERROR.TYPE(B1)</f></c></row>'
    )
    source = _workbook(tmp_path / "book.xlsx", rows)
    report = recalc_file(source, tmp_path / "out.xlsx")
    assert report.status == "ok", report.message
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (sheet["A2"].value, sheet["B2"].value, sheet["C2"].value) == (True, 10, 9)
