"""H516's finding 06: a value kept where the engine lacks the function (a UDF's GET_MRR) is Excel's answer for the
inputs it was stored with. When a dynamic array (E1 =SORT(B1:B3), stored 1, 2, 3) spills other values now (1, 3, 9:
B3 changed 2 -> 9 by a program that keeps the stored values), a kept cell reading the spill (E1#, stored by Excel as
_xlfn.ANCHORARRAY(E1)) or one of its later cells (E3) is stale: listed, not stored, the file `incomplete` (README,
recalc's statuses). They were kept under ok: the spill's cells after the first were not compared with their stored
values, and E1# was not read as E1:E3. So for a Ctrl+Shift+Enter array {=B1:B3*2} over E1:E3."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl

from xl_retention import cli

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_META = (
    f'<metadata {_NS} xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">'
    '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" '
    'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" '
    'coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext '
    'uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext>'
    '</extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>'
)
_CT = "application/vnd.openxmlformats-officedocument."


def _build(path: Path, array: str, stored: list[int], readers: list[tuple[str, str, int]], b3: int = 9) -> None:
    """As Excel 365 saved it with B1:B3 = 3, 1, 2: E1 holds ``array`` over E1:E3 (stored ``stored``), the
    ``readers`` (cell, formula, stored value) in row 1; then B3 set to ``b3`` keeping the stored values."""
    meta = ' cm="1"' if array.startswith("_xlfn.") else ""
    first = f'<c r="E1"{meta}><f t="array" ref="E1:E3">{array}</f><v>{stored[0]}</v></c>'
    cells = "".join(f'<c r="{c}"><f>{f}</f><v>{v}</v></c>' for c, f, v in readers)
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS}><sheetData>'
        f'<row r="1"><c r="B1"><v>3</v></c>{first}{cells}</row>'
        f'<row r="2"><c r="B2"><v>1</v></c><c r="E2"><v>{stored[1]}</v></c></row>'
        f'<row r="3"><c r="B3"><v>{b3}</v></c><c r="E3"><v>{stored[2]}</v></c></row></sheetData></worksheet>'
    )
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            f'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{_CT}'
            f'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}'
            f'spreadsheetml.worksheet+xml"/><Override PartName="/xl/metadata.xml" ContentType="{_CT}'
            f'spreadsheetml.sheetMetadata+xml"/><Override PartName="/docProps/app.xml" ContentType="{_CT}'
            'extended-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            f'Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" '
            f'Type="{_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>'
        ),
        "docProps/app.xml": (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion></Properties>"
        ),
        "xl/workbook.xml": (
            f'<workbook {_NS} xmlns:r="{_REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
            '<calcPr calcId="191029"/></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            f'Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            f'Type="{_REL}/sheetMetadata" Target="metadata.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/metadata.xml": _META,
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)


UDF = "GET_MRR is not an Excel function: an add-in's, a macro's or a UDF's, which the embedded engine does not have"
E2 = f"{UDF}; it reads S!E2, whose stored value 2 differs from its value now, 3: the file's values predate its inputs"
E3 = f"{UDF}; it reads S!E3, whose stored value 3 differs from its value now, 9: the file's values predate its inputs"
SORT = "_xlfn._xlws.SORT(B1:B3)"


def _run(tmp_path: Path, capsys, *args, **kwargs) -> tuple[dict, dict]:
    book = tmp_path / "spk.xlsx"
    _build(book, *args, **kwargs)
    cli.main(["recalc", str(book), "--engine", "embedded", "--json"])
    got = json.loads(capsys.readouterr().out)["files"][0]
    return got, {u["address"]: (u["kept"], u["reason"]) for u in got["unsupported"]}


def test_a_kept_value_reading_a_changed_spill_is_stale(tmp_path: Path, capsys) -> None:
    readers = [("H1", "GET_MRR(_xlfn.ANCHORARRAY(E1))", 78), ("I1", "GET_MRR(E3)", 79)]
    readers.append(("J1", "SUM(_xlfn.ANCHORARRAY(E1))", 6))
    got, reasons = _run(tmp_path, capsys, SORT, [1, 2, 3], readers)
    assert got["status"] == "incomplete"
    assert reasons == {"S!H1": (False, E2), "S!I1": (False, E3)}
    ws = openpyxl.load_workbook(tmp_path / "spk.recalc.xlsx", data_only=True)["S"]
    assert [ws[c].value for c in ("E1", "E2", "E3", "H1", "I1", "J1")] == [1, 3, 9, None, None, 13]


def test_with_nothing_else_reading_the_spill(tmp_path: Path, capsys) -> None:
    """Before, without J1 both were kept under ok, "2 cells keep the values Excel stored"."""
    readers = [("H1", "GET_MRR(_xlfn.ANCHORARRAY(E1))", 78), ("I1", "GET_MRR(E3)", 79)]
    got, reasons = _run(tmp_path, capsys, SORT, [1, 2, 3], readers)
    assert got["status"] == "incomplete"
    assert reasons == {"S!H1": (False, E2), "S!I1": (False, E3)}


def test_a_ctrl_shift_enter_array(tmp_path: Path, capsys) -> None:
    """{=B1:B3*2} over E1:E3 stored 6, 2, 4; 6, 2, 18 now."""
    readers = [("H1", "GET_MRR(E1:E3)", 78), ("I1", "GET_MRR(E3)", 79), ("K1", "GET_MRR(E2)", 80)]
    got, reasons = _run(tmp_path, capsys, "B1:B3*2", [6, 2, 4], readers)
    moved = f"{UDF}; it reads S!E3, whose stored value 4 differs from its value now, 18: the file's values predate "
    moved += "its inputs"
    assert got["status"] == "incomplete"
    assert reasons == {"S!H1": (False, moved), "S!I1": (False, moved), "S!K1": (True, UDF)}


def test_an_unchanged_spill_keeps_the_stored_values(tmp_path: Path, capsys) -> None:
    readers = [("H1", "GET_MRR(_xlfn.ANCHORARRAY(E1))", 78), ("I1", "GET_MRR(E3)", 79)]
    got, reasons = _run(tmp_path, capsys, SORT, [1, 2, 3], readers, b3=2)
    assert got["status"] == "ok"
    assert reasons == {"S!H1": (True, UDF), "S!I1": (True, UDF)}
