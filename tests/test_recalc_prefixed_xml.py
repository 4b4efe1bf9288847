"""A workbook whose SpreadsheetML is written with a namespace prefix (``<x:worksheet>``, .NET Open XML SDK) is
recalculated (H37 finding 05): the whole file was refused ("writes its XML with the namespace prefix 'x'"), even
without a formula, though Excel, LibreOffice and openpyxl read it. The engine computes an unprefixed copy; the values
are stored in the workbook's own XML, its prefix kept.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<x:worksheet xmlns:x="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<x:dimension ref="A1:D3"/><x:sheetData>'
    '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:f>A1*2</x:f></x:c>'
    '<x:c r="C1"><x:f t="array" ref="C1:C3">A1:A3*10</x:f></x:c><x:c r="D1"><x:f>CELL("filename",A1)</x:f></x:c>'
    '</x:row><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c><x:c r="B2"><x:f t="shared" ref="B2:B3" si="0">A2*2</x:f>'
    '</x:c></x:row><x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c><x:c r="B3"><x:f t="shared" si="0"/></x:c></x:row>'
    "</x:sheetData></x:worksheet>"
)


def test_a_prefixed_workbook_is_recalculated_and_keeps_its_prefix(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "S"
    path = tmp_path / "report.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["xl/worksheets/sheet1.xml"] = SHEET.encode()
    workbook = parts["xl/workbook.xml"].decode()
    workbook = workbook.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"').replace("<", "<x:").replace("<x:/", "</x:")
    workbook = workbook.replace("<x:?xml", "<?xml").replace("<x:x:", "<x:")
    parts["xl/workbook.xml"] = workbook.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    result = recalc_file(path, tmp_path / "out" / "report.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    ws = openpyxl.load_workbook(tmp_path / "out" / "report.xlsx", data_only=True)["S"]
    assert [ws[r].value for r in ("B1", "B2", "B3", "C1", "C2", "C3")] == [2, 4, 6, 10, 20, 30]
    assert ws["D1"].value == f"{tmp_path.resolve().as_posix()}/[report.xlsx]S"  # the workbook's path, not a copy's
    with zipfile.ZipFile(tmp_path / "out" / "report.xlsx") as package:
        assert package.read("xl/worksheets/sheet1.xml").startswith(SHEET[:100].encode())  # its prefix kept
