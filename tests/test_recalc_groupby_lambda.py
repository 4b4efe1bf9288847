"""GROUPBY and PIVOTBY given a LAMBDA, in a workbook Excel saved with its values (H313's finding 02).

NPS per segment: A2:B6 = A 10, B 9, A 7, B 3, A 8; D2 = GROUPBY(A2:A6,B2:B6,LAMBDA(x,NPS(x))) spilling D2:E4 as Excel
computed it (no headers, groups sorted, a Total row): A 33.33 (10, 7, 8: one promoter, no detractor, three answers),
B 0 (9 and 3), Total 20 (two promoters, one detractor, five answers), and G2 = E4-E2 = -13.33. The engine answered
#VALUE! with no reason in D2, emptied E2:E4 and D3:D4, and G2 read 0 (blank minus blank), status ok. The cell is
listed now, naming GROUPBY, its whole stored spill kept and G2 computed from it.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_retention.cli import main
from xl_retention.recalculation import recalc_file

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument"
_META = (
    f'<metadata xmlns="{_MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">'
    '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" '
    'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" '
    'coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext '
    'uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext>'
    '</extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>'
)
SCORES = [("A", 10), ("B", 9), ("A", 7), ("B", 3), ("A", 8)]
NPS = "_xlfn.GROUPBY(A2:A6,B2:B6,_xlfn.LAMBDA(_xlpm.x,NPS(_xlpm.x)))"


def excel_saved(path: Path, extra: dict[int, str], *, named: bool = True) -> Path:
    """Sheet S of A1:B6 (segments, scores) and ``extra`` cells per row, laid out as Excel 365 saves it (``named``:
    with docProps/app.xml naming Microsoft Excel; without, a program that does not name itself)."""
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Segment</t></is></c><c r="B1" t="inlineStr"><is><t>Score</t>'
    rows += "</is></c></row>"
    for row, (segment, score) in enumerate(SCORES, start=2):
        rows += f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>{segment}</t></is></c><c r="B{row}"><v>{score}</v>'
        rows += f"</c>{extra.get(row, '')}</row>"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            f'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            f'ContentType="{_TYPE}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{_TYPE}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/metadata.xml" '
            f'ContentType="{_TYPE}.spreadsheetml.sheetMetadata+xml"/><Override PartName="/docProps/app.xml" '
            f'ContentType="{_TYPE}.extended-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/officeDocument" '
            f'Target="xl/workbook.xml"/><Relationship Id="rId2" Type="{_DOC}/extended-properties" '
            'Target="docProps/app.xml"/></Relationships>'
        ),
        "docProps/app.xml": (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion></Properties>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
            '<calcPr calcId="191029"/></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="{_DOC}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_DOC}/sheetMetadata" '
            'Target="metadata.xml"/></Relationships>'
        ),
        "xl/metadata.xml": _META,
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>{rows}</sheetData></worksheet>',
    }
    if not named:
        del parts["docProps/app.xml"]
        parts["_rels/.rels"] = parts["_rels/.rels"].split('<Relationship Id="rId2"')[0] + "</Relationships>"
    with zipfile.ZipFile(path, "w") as package:
        for name, text in parts.items():
            package.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + text)
    return path


def _spill(formula: str, values: list[tuple[str, str]]) -> dict[int, str]:
    """A two-column dynamic array at D2 (``values``: Excel's label and number of each row) and G2 = E4-E2."""
    cells: dict[int, str] = {}
    for row, (label, number) in enumerate(values, start=2):
        first = f'<f t="array" ref="D2:E{1 + len(values)}">{formula}</f>' if row == 2 else ""
        mark = ' cm="1"' if row == 2 else ""
        cells[row] = f'<c r="D{row}"{mark} t="str">{first}<v>{label}</v></c><c r="E{row}"><v>{number}</v></c>'
    cells[2] += '<c r="G2"><f>E4-E2</f><v>-13.3333333333333</v></c>'
    return cells


def test_groupby_with_a_lambda_keeps_excels_spill(tmp_path: Path) -> None:
    source = excel_saved(
        tmp_path / "nps_by_segment.xlsx", _spill(NPS, [("A", "33.3333333333333"), ("B", "0"), ("Total", "20")])
    )
    out = tmp_path / "out" / "nps_by_segment.xlsx"
    report = recalc_file(source, out)
    assert (report.status, report.errors) == ("ok", [])
    assert [(u.address, u.function, u.reason, u.kept) for u in report.unsupported] == [
        (
            "S!D2",
            "GROUPBY",
            "GROUPBY applies a function (a LAMBDA, or one such as SUM) to each group of values, which the embedded "
            "engine cannot compute (the array formula S!D2 over D2:E4: 6 cells)",
            True,
        )
    ]
    sheet = openpyxl.load_workbook(out, data_only=True)["S"]
    assert [[sheet.cell(row, column).value for column in (4, 5)] for row in (2, 3, 4)] == [
        ["A", 33.3333333333333],
        ["B", 0],
        ["Total", 20],
    ]
    assert sheet["G2"].value == pytest.approx(20 - 33.3333333333333, abs=1e-12)
    formulas = openpyxl.load_workbook(out)["S"]
    assert formulas["D2"].value.text == "=" + NPS  # the formula as Excel wrote it, for Excel to compute


def test_groupby_with_a_lambda_of_sum_reads_on(tmp_path: Path) -> None:
    """LAMBDA(x,SUM(x)): A 25, B 12, Total 37; G2 = 37 - 25 = 12 (the engine: #VALUE!, G2 0)."""
    cells = _spill(
        "_xlfn.GROUPBY(A2:A6,B2:B6,_xlfn.LAMBDA(_xlpm.x,SUM(_xlpm.x)))", [("A", "25"), ("B", "12"), ("Total", "37")]
    )
    cells[2] = cells[2].replace("<v>-13.3333333333333</v>", "<v>12</v>")
    source = excel_saved(tmp_path / "sums.xlsx", cells)
    out = tmp_path / "out" / "sums.xlsx"
    report = recalc_file(source, out)
    assert [(u.address, u.function, u.kept) for u in report.unsupported] == [("S!D2", "GROUPBY", True)]
    sheet = openpyxl.load_workbook(out, data_only=True)["S"]
    assert [sheet[ref].value for ref in ("D2", "E2", "D3", "E3", "D4", "E4", "G2")] == [
        "A",
        25,
        "B",
        12,
        "Total",
        37,
        12,
    ]


def test_pivotby_with_a_lambda_in_a_formula_is_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """=INDEX(PIVOTBY(A2:A6,A2:A6,B2:B6,LAMBDA(x,SUM(x))),2,2): row A, column A of the pivot (its first row holds
    the column labels), 25 as Excel stored it (the engine: #VALUE!, status ok)."""
    formula = "INDEX(_xlfn.PIVOTBY(A2:A6,A2:A6,B2:B6,_xlfn.LAMBDA(_xlpm.x,SUM(_xlpm.x))),2,2)"
    source = excel_saved(tmp_path / "pivot.xlsx", {2: f'<c r="D2"><f>{formula}</f><v>25</v></c>'})
    assert main(["recalc", str(source), "--output-dir", str(tmp_path / "out"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["files"][0]
    assert [(u["address"], u["function"], u["kept"]) for u in report["unsupported"]] == [("S!D2", "PIVOTBY", True)]
    assert report["errors"] == []
    assert openpyxl.load_workbook(tmp_path / "out" / "pivot.xlsx", data_only=True)["S"]["D2"].value == 25
