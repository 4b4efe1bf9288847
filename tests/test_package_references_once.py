"""A sheet part is looked at once for cells without their ``r`` (``package.with_references``, issue 14): the scan's
readers that pass it the part the scan gave them (``number_text_cells.text_cells``) are not made to search its
megabytes again, and every other part, complete or not, is looked at as before."""

from __future__ import annotations

import zipfile

import openpyxl

from xl_retention.recalculation import package


class _Counted:
    def __init__(self, pattern):
        self.pattern, self.searched = pattern, []

    def search(self, xml, *args):
        self.searched.append(len(xml))
        return self.pattern.search(xml, *args)


def test_the_same_part_is_searched_once(monkeypatch):
    counted = _Counted(package._NOT_R_FIRST)
    monkeypatch.setattr(package, "_NOT_R_FIRST", counted)
    complete = b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1"><v>2</v></c></row>'
    complete += b"</sheetData>"
    assert package.with_references(complete) is complete
    assert package.with_references(complete) is complete
    assert counted.searched == [len(complete)]
    copy = bytes(bytearray(complete))  # equal, another object: looked at
    assert package.with_references(copy) is copy
    assert counted.searched == [len(complete)] * 2
    missing = b'<sheetData><row r="4"><c t="s"><v>0</v></c><c r="C4"/><c/></row></sheetData>'
    assert package.with_references(missing) == (
        b'<sheetData><row r="4"><c r="A4" t="s"><v>0</v></c><c r="C4"/><c r="D4"/></row></sheetData>'
    )
    assert package.with_references(copy) is copy
    assert counted.searched == [len(complete)] * 2 + [len(missing)]  # the last complete part: not again


def test_the_scan_looks_at_a_sheet_holding_text_once(monkeypatch, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["start", "gained", "end", "CRR"])  # inline strings: number_text_cells reads the part too
    ws.append([500, 75, 535, "=CRR(C2,B2,A2)"])
    wb.save(tmp_path / "book.xlsx")
    with zipfile.ZipFile(tmp_path / "book.xlsx") as zipped:
        size = len(zipped.read("xl/worksheets/sheet1.xml"))
    counted = _Counted(package._NOT_R_FIRST)
    monkeypatch.setattr(package, "_NOT_R_FIRST", counted)
    info = package.scan(str(tmp_path / "book.xlsx"))
    assert list(info.formulas["Data"]) == ["D2"]
    assert counted.searched == [size]
