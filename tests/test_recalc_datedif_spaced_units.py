"""DATEDIF's unit with spaces around it ("m ", " M"): Microsoft's DATEDIF page lists the six texts "Y", "M", "D",
"MD", "YM", "YD" only, and no Excel-saved conformance workbook has a spaced one, so whether Excel reads
"m " as "M" or gives #NUM! is not known. The unit was read without its spaces and the cell written with status ok:
now such a cell is listed with the call (a cell reading it too), keeping the value Excel stored; units as listed are
computed (lower case as well)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet

from xl_retention.recalculation import recalc_file


def test_a_datedif_unit_with_spaces_is_listed(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "=DATE(2020,1,15)",
        "A2": "=DATE(2020,5,1)",
        "A3": "ym ",
        "B1": '=DATEDIF(A1,A2,"m ")',
        "B2": '=DATEDIF(A1,A2," M")',
        "B3": "=DATEDIF(A1,A2,A3)",
        "B4": "=B1+1",
        "C1": '=DATEDIF(A1,A2,"m")',
        "C2": '=DATEDIF(A1,A2,"YD")',
        "C3": '=DATEDIF(A1,A2,"md")',
        "C4": '=DATEDIF(A1,A2,"x")',
    }
    result, values = recalc_sheet(tmp_path, cells)
    listed = {u.address: u.reason for u in result.unsupported}
    assert sorted(listed) == ["S!B1", "S!B2", "S!B3", "S!B4"]
    assert listed["S!B1"] == (
        'DATEDIF(43845, 43952, "m "): the unit "m " has spaces around it; whether Excel reads it as "M" or gives '
        "#NUM! is not known"
    )
    assert listed["S!B3"].startswith('DATEDIF(43845, 43952, "ym "): ') and "S!B1" in listed["S!B4"]
    assert [values[f"C{row}"] for row in range(1, 5)] == [3, 107, 16, "#NUM!"]


def test_a_listed_datedif_keeps_the_value_excel_stored(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["B1"], sheet["B2"] = 43845, 43952, '=DATEDIF(A1,A2,"m ")', "=B1*2"
    book.save(tmp_path / "book.xlsx")
    with zipfile.ZipFile(tmp_path / "book.xlsx") as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(tmp_path / "saved.xlsx", "w") as out:
        for info, data in entries:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b'<c r="B1"><f>DATEDIF(A1,A2,"m ")</f><v />',
                    b'<c r="B1" t="e"><f>DATEDIF(A1,A2,"m ")</f><v>#NUM!</v>',
                )
                data = data.replace(b'<c r="B2"><f>B1*2</f><v />', b'<c r="B2" t="e"><f>B1*2</f><v>#NUM!</v>')
                assert data.count(b"#NUM!") == 2
            out.writestr(info, data)
    result = recalc_file(tmp_path / "saved.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert [u.address for u in result.unsupported] == ["S!B1"]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (out["B1"].value, out["B2"].value) == ("#NUM!", "#NUM!")
