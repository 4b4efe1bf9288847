"""Cells holding a rich value (a linked data type, a picture placed in the cell) are no #VALUE! error (H37 finding 04).

Excel 365 stores them as ``<c t="e" vm="1"><v>#VALUE!</v></c>``, ``#VALUE!`` being the fallback for programs that
cannot read rich values. The engine read that fallback as a real error: ``ISERROR(A1)`` TRUE, ``IFERROR(A1,"none")``
"none", ``TYPE(A1)`` 16, ``SUM(A1:A3)`` #VALUE!, written over Excel's values with status ok. Every formula reading
such a cell is now listed with the reason and keeps Excel's stored value.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.rich_values import rich_cells


def _book(path: Path) -> None:
    openpyxl.Workbook().save(path)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    row1 = (
        '<c r="A1" t="e" vm="1"><v>#VALUE!</v></c>'
        '<c r="B1" t="b"><f>ISERROR(A1)</f><v>0</v></c>'
        '<c r="C1" t="e" vm="1"><f>IFERROR(A1,"none")</f><v>#VALUE!</v></c>'
        '<c r="D1"><f>TYPE(A1)</f><v>128</v></c>'
        '<c r="E1"><f>SUM(A1:A3)</f><v>30</v></c>'
        '<c r="F1"><f>E1*2</f><v>60</v></c>'
        '<c r="G1"><f>A2+A3</f><v>30</v></c>'
    )
    data = f'<row r="1">{row1}</row><row r="2"><c r="A2"><v>10</v></c></row><row r="3"><c r="A3"><v>20</v></c></row>'
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>", f"<sheetData>{data}</sheetData>".encode(),
                          parts[sheet])  # fmt: skip
    excel = b"<Application>Microsoft Excel</Application>"
    parts["docProps/app.xml"] = re.sub(rb"<Application>[^<]*</Application>", excel, parts["docProps/app.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data_ in parts.items():
            out.writestr(name, data_)


def test_formulas_reading_a_data_type_keep_excels_values(tmp_path: Path) -> None:
    _book(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: u for u in result.unsupported}
    assert sorted(listed) == [f"Sheet!{c}1" for c in "BCDEF"]
    assert all(u.function == "data type" and u.kept for u in listed.values())
    assert "reads Sheet!A1, a data type or picture placed in the cell" in listed["Sheet!B1"].reason
    assert "reads Sheet!A1" in listed["Sheet!F1"].reason  # through E1
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True).active
    assert [out[f"{c}1"].value for c in "BCDEFG"] == [False, "#VALUE!", 128, 30, 60, 30]  # G1 computed


def test_rich_cells_are_value_cells_with_an_error_type_and_a_value_index() -> None:
    xml = (
        b'<row r="1"><c r="A1" t="e" vm="1"><v>#VALUE!</v></c><c r="B1" t="e"><v>#N/A</v></c>'
        b'<c r="C1" vm="2" t="e"><f>A1</f><v>#VALUE!</v></c><c r="D1" vm="3"/><x:c r="E1" t="e" vm="4"/></row>'
    )
    assert rich_cells(xml) == {"A1", "E1"}
