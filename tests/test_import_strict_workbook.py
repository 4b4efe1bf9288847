"""A workbook saved in Excel as 'Strict Open XML Spreadsheet (*.xlsx)' was refused as 'no worksheet, only chart sheets
()' (openpyxl finds no sheet in the ISO/IEC 29500 Strict namespaces): a wrong reason. Now the refusal names the save
type and the one that reads (xl_retention.reading.excel_sheets)."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
from import_cli import refusal

_NAMESPACES = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def test_a_strict_workbook_is_named_as_such(tmp_path, capsys) -> None:
    book = openpyxl.Workbook()
    book.active.append(["customer_id", "date", "amount"])
    book.active.append(["a", dt.date(2026, 1, 5), 10])
    book.save(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as source, zipfile.ZipFile(tmp_path / "orders.xlsx", "w") as strict:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                for transitional, iso in _NAMESPACES.items():
                    text = text.replace(transitional, iso)
                data = text.encode("utf-8")
            strict.writestr(item, data)
    message = refusal(capsys, "--orders", str(tmp_path / "orders.xlsx"), "--to-csv", str(tmp_path / "out"))
    assert message == (
        "orders.xlsx is a Strict Open XML workbook, which xl-retention cannot read: open it in Excel and save it as "
        "Excel Workbook (.xlsx)"
    )
