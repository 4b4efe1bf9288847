"""Text results stored as Excel stores them: a text that starts or ends with white space in a ``<v>`` marked
``xml:space="preserve"`` (as in xlcalculator's CONCAT.xlsx, saved by Excel), which LibreOffice otherwise trims."""

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
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def _workbook(path: Path, rows: str, shared: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        if shared:  # the shared strings' <si> elements
            package.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{shared}</sst>')
            package.writestr(
                "docProps/app.xml",
                "<Properties><Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion></Properties>",
            )
        package.writestr("[Content_Types].xml", TYPES)
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        package.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{REL}/worksheet" '
            'Target="worksheets/sheet1.xml"/>'
            + (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>' if shared else "")
            + "</Relationships>",
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


def _stored(path: Path) -> dict[str, str]:
    """Each cell's stored ``<v>`` element, whole (start tag, text, end tag)."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    return dict(re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]*>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>)?(<v[^>]*>[^<]*</v>)', xml))


def test_texts_with_white_space_at_an_end_are_stored_preserved(tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1"><f>"  lead"</f><v>0</v></c><c r="B1"><f>"tail "&amp;""</f><v>0</v></c>'
        '<c r="C1"><f>"in side"</f><v>0</v></c><c r="D1"><f>CHAR(10)&amp;"x"</f><v>0</v></c></row>'
    )
    out = recalc_file(_workbook(tmp_path / "plain.xlsx", rows), tmp_path / "plain.out.xlsx")
    assert out.status == "ok", out.message
    assert _stored(tmp_path / "plain.out.xlsx") == {
        "A1": '<v xml:space="preserve">  lead</v>',
        "B1": '<v xml:space="preserve">tail </v>',
        "C1": "<v>in side</v>",
        "D1": '<v xml:space="preserve">\nx</v>',
    }


def test_shared_formulas_and_array_members_store_white_space_preserved(tmp_path: Path) -> None:
    rows = (  # a shared formula (the general path) and a classic array formula's other cells (its members)
        '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a</t></is></c>'
        '<c r="B1"><f t="shared" ref="B1:B2" si="0">A1&amp;" "</f><v>0</v></c>'
        '<c r="C1"><f t="array" ref="C1:C2">A1:A2&amp;" "</f><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>b</t></is></c>'
        '<c r="B2"><f t="shared" si="0"/><v>0</v></c><c r="C2"><v>0</v></c></row>'
    )
    out = recalc_file(_workbook(tmp_path / "shared.xlsx", rows), tmp_path / "shared.out.xlsx")
    assert out.status == "ok", out.message
    assert _stored(tmp_path / "shared.out.xlsx") == {
        "B1": '<v xml:space="preserve"> a </v>',
        "B2": '<v xml:space="preserve">b </v>',
        "C1": '<v xml:space="preserve"> a </v>',
        "C2": '<v xml:space="preserve">b </v>',
    }


def test_a_kept_text_of_the_shared_strings_is_read_as_excel_reads_it(tmp_path: Path) -> None:
    """INFO (which the engine lacks) keeps the text Excel stored, a shared string: the cells reading it get its text,
    not the phonetic reading of Japanese text stored beside it (<rPh>), and with its _xHHHH_ escapes decoded."""
    shared = (
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
        '<si><r><t>a_x005F_x</t></r><r><t xml:space="preserve">_x0009_b</t></r></si>'
    )
    rows = (
        '<row r="1"><c r="A1" t="s"><f>INFO("osversion")</f><v>0</v></c><c r="B1"><f>A1&amp;"!"</f><v>0</v></c>'
        '<c r="C1"><f>LEN(A1)</f><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="s"><f>INFO("system")</f><v>1</v></c><c r="B2"><f>A2&amp;"!"</f><v>0</v></c>'
        '<c r="C2"><f>LEN(A2)</f><v>0</v></c></row>'
    )
    out = recalc_file(_workbook(tmp_path / "kept.xlsx", rows, shared), tmp_path / "kept.out.xlsx")
    assert out.status == "ok", out.message
    assert [(u.address, u.kept) for u in out.unsupported] == [("S!A1", True), ("S!A2", True)]
    assert _stored(tmp_path / "kept.out.xlsx") == {
        "A1": "<v>0</v>",  # Excel's own stored value, as it was
        "A2": "<v>1</v>",
        "B1": "<v>東京!</v>",
        "C1": "<v>2</v>",
        "B2": "<v>a_x\tb!</v>",
        "C2": "<v>5</v>",
    }
