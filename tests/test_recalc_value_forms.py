"""Values stored in forms Excel reads but does not write itself are read as Excel reads them: a boolean written as
the word true or false (``<c t="b"><v>false</v></c>``, as excel4node wrote them until 2023), which Excel reads as the
logical (Microsoft's Tom Jebo in dotnet/Open-XML-SDK#890: "Excel reads this as lower case true or false but will only
write as 0 or 1") and the engine's reader read as TRUE both."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

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


def test_booleans_written_as_words_are_the_logicals(tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>false</v></c><c r="C1" t="b"><v>0</v></c>'
        '<c r="D1" t="b"><v> false </v></c></row>'
        '<row r="2"><c r="A2"><f>IF(A1,1,2)</f></c><c r="B2"><f>IF(B1,1,2)</f></c><c r="C2"><f>IF(C1,1,2)</f></c>'
        '<c r="D2"><f>AND(A1,D1)</f></c><c r="E2"><f>COUNTIF(A1:D1,FALSE)</f></c></row>'
        '<row><c/><c t="b"><v>false</v></c><c><f>NOT(B3)</f></c></row>'  # row 3, no r: B3 false, C3 =NOT(B3)
    )
    source = _workbook(tmp_path / "book.xlsx", rows)
    report = recalc_file(source, tmp_path / "out.xlsx")
    assert report.status == "ok", report.message
    with zipfile.ZipFile(tmp_path / "out.xlsx") as package:  # the words stay as the file wrote them
        xml = package.read("xl/worksheets/sheet1.xml")
    assert b'<c r="B1" t="b"><v>false</v></c>' in xml
    assert b'<row><c/><c t="b"><v>false</v></c><c t="b"><f>NOT(B3)</f><v>1</v></c></row>' in xml  # C3 TRUE
    values = _values(tmp_path / "out.xlsx", ("A2", "B2", "C2", "D2", "E2"))
    assert values == {"A2": 1, "B2": 2, "C2": 2, "D2": False, "E2": 3}


def _values(path: Path, refs: tuple[str, ...]) -> dict[str, object]:
    """The stored values of ``refs`` on sheet S, read from the XML (openpyxl reads no boolean written as a word)."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    found = dict(re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]*?(?: t="b")?[^>]*><f>[^<]*</f><v>([^<]*)</v>', xml))
    kinds = dict(re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]*? t="([a-z]+)"', xml))
    out: dict[str, object] = {}
    for ref in refs:
        text = found[ref]
        out[ref] = (text == "1") if kinds.get(ref) == "b" else float(text)
    return out
