"""A loop of an iterative workbook keeps Excel's stored solution where the engine stopped short of it (H319's
finding 04).

``D1 = D2*0.5+10``, ``D2 = D1*0.2`` with Enable iterative calculation on (iterateCount 100, iterateDelta 0.001): Excel
stored the loop's solution 100/9 and 20/9, and nothing changed since. The engine iterates from blank cells (10, 11,
11.1, ...) and stops when a step changes less than 0.001: 11.1111 and 2.22222 were written, status ok. Excel iterates
from the values the cells hold: from 100/9 one step changes nothing, so its values stay 100/9 and 20/9, and the cell
reading the loop (E1 = D1*9) is computed from them. Stored values that do not solve the loop (5, 1) are still listed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_NS = (
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument"


def _book(tmp_path: Path, d1: str, d2: str, excel: bool) -> Path:
    """The loop saved with D1, D2 holding ``d1``, ``d2``; ``excel``: docProps/app.xml names Microsoft Excel."""
    app = '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'  # noqa: E501
    parts = {
        "[Content_Types].xml": _HEAD
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.spreadsheetml.sheet.main+xml"/>'
        + f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPES}.spreadsheetml.worksheet+xml"/>'
        + (app if excel else "")
        + "</Types>",
        "_rels/.rels": _HEAD
        + f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        + 'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        + (
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'extended-properties" Target="docProps/app.xml"/>'
            if excel
            else ""
        )
        + "</Relationships>",
        "xl/workbook.xml": _HEAD
        + f'<workbook {_NS}><sheets><sheet name="Loop" sheetId="1" r:id="rId1"/></sheets>'
        + '<calcPr calcId="191029" iterate="1" iterateCount="100" iterateDelta="0.001"/></workbook>',
        "xl/_rels/workbook.xml.rels": _HEAD
        + f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        + 'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": _HEAD
        + f'<worksheet {_NS}><sheetData><row r="1"><c r="D1"><f>D2*0.5+10</f><v>{d1}</v></c>'
        + '<c r="E1"><f>D1*9</f><v>100</v></c></row>'
        + f'<row r="2"><c r="D2"><f>D1*0.2</f><v>{d2}</v></c></row></sheetData></worksheet>',
    }
    if excel:
        parts["docProps/app.xml"] = (
            _HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>Microsoft Excel</Application></Properties>"
        )
    path = tmp_path / "loop.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return path


def _values(tmp_path: Path) -> list[object]:
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Loop"]
    return [sheet[ref].value for ref in ("D1", "D2", "E1")]


def test_excels_solution_is_kept_where_the_engine_stops_short(tmp_path: Path) -> None:
    for excel in (True, False):  # Excel iterates from the values the cells hold, whoever saved them
        result = recalc_file(
            _book(tmp_path, "11.111111111111111", "2.2222222222222223", excel), tmp_path / "out.xlsx", engine="embedded"
        )
        assert result.status == "ok", result.message
        assert result.unsupported == []
        assert _values(tmp_path) == [100 / 9, 20 / 9, 100 / 9 * 9]  # not 11.1111, 2.22222, 99.9999


def test_stored_values_that_do_not_solve_the_loop_are_listed(tmp_path: Path) -> None:
    # 5 and 1 (one step: D1 10.5): Excel iterates from there; stored 0s are the engine's start (lead45's test)
    result = recalc_file(_book(tmp_path, "5", "1", True), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert sorted(u.address for u in result.unsupported if not u.kept) == ["Loop!D1", "Loop!D2", "Loop!E1"]
