"""Cells written without their optional ``r`` attribute (ECMA-376 Part 1, 18.3.1.4: a cell then follows the one before
it in its row) are read by the package scan at the place Excel gives them, by every reader: the scan adds the
references once (:func:`xl_retention.recalculation.package.with_references`)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.package import scan, with_references

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def _workbook(path: Path, rows: str) -> Path:
    """A package of one sheet, S, whose ``<sheetData>`` holds ``rows``."""
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", TYPES)
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId0" Type="{REL}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        package.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="S" sheetId="1" r:id="rId0"/></sheets>'
            "</workbook>",
        )
        package.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_iso_dates_without_r_are_numbers_to_the_formulas(tmp_path: Path) -> None:
    """A t="d" date cell without r (A1, A2) was skipped by the scan's date reader, so the engine read it as a date
    that SUM, COUNT and MAX skip: SUM(A1:A2) gave 0, status ok. Excel reads the ISO dates as serial numbers
    (ECMA-376 Part 1, 18.18.11): 2024-03-01 is 45352, 2024-03-02 45353."""
    rows = (
        '<row r="1"><c t="d"><v>2024-03-01</v></c><c r="B1"><f>SUM(A1:A2)</f><v>0</v></c>'
        "<c><f>COUNT(A1:A2)</f><v>0</v></c><c><f>MAX(A1:A2)</f><v>0</v></c></row>"
        '<row><c t="d"><v>2024-03-02T00:00:00</v></c></row>'
    )
    source = _workbook(tmp_path / "dates.xlsx", rows)
    info = scan(str(source))
    assert info.iso_dates == {"S": {(1, 1): 45352.0, (2, 1): 45353.0}}
    assert sorted(info.formulas["S"]) == ["B1", "C1", "D1"]
    report = recalc_file(source, tmp_path / "out" / "dates.xlsx")
    assert (report.status, report.errors, report.formulas) == ("ok", [], 3)
    with zipfile.ZipFile(tmp_path / "out" / "dates.xlsx") as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    values = dict(re.findall(r"<f>([A-Z]+)\(A1:A2\)</f><v>([^<]*)</v>", xml))
    assert {name: float(value) for name, value in values.items()} == {"SUM": 90705.0, "COUNT": 2.0, "MAX": 45353.0}


def test_rich_values_without_r_are_found(tmp_path: Path) -> None:
    """A rich value cell (a data type: t="e" vm="1") without r was not found by the scan, so the formulas reading it
    were not listed (the engine reads #VALUE! there, not Excel's value)."""
    rows = '<row r="1"><c t="e" vm="1"><v>#VALUE!</v></c><c r="B1"><f>A1</f><v>0</v></c></row>'
    info = scan(str(_workbook(tmp_path / "rich.xlsx", rows)))
    assert info.rich_values == {"S": {"A1"}}


def test_with_references_leaves_a_part_with_every_r_as_it_is() -> None:
    xml = b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>A1</f></c></row></sheetData>'
    assert with_references(xml) is xml
    moved = b'<sheetData><row r="1"><c s="1" r="A1"/></row><row><c/><c r="C2"/><c/></row></sheetData>'
    assert with_references(moved) == (
        b'<sheetData><row r="1"><c s="1" r="A1"/></row><row><c r="A2"/><c r="C2"/><c r="D2"/></row></sheetData>'
    )
