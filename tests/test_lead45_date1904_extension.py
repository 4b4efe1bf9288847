"""A 1904-system workbook saved by Excel 2013 or later is computed in the 1904 system (H468's finding 03).

Excel 2013+ writes a second ``<x15:workbookPr chartTrackingRefBase="1"/>`` in workbook.xml's extLst, after the main
``<workbookPr date1904="1"/>``. The scan read every element named workbookPr, the namespace ignored: the last one,
which has no date1904, set the 1900 system. =DATE(2000,1,1) came out 36526 (2004-01-02 as the workbook shows it),
=YEAR(A2) of a typed 35064 1995, status ok, Excel's own stored values overwritten. In the 1904 system: 35064, 2000,
"2000-01-01", EOMONTH 35094 (35064 + 30), as Excel stored them and LibreOffice computes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

_X15 = (
    b'<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" '
    b'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
    b'<x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>'
)


def _mac_book(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = "=DATE(2000,1,1)", 35064, "=YEAR(A2)"
    sheet["A4"], sheet["A5"] = '=TEXT(A2,"yyyy-mm-dd")', "=EOMONTH(A2,0)"
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "mac.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as package, zipfile.ZipFile(path, "w") as out:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "xl/workbook.xml":
                assert b'date1904="1"' in data
                data = data.replace(b"</workbook>", _X15)
            out.writestr(item, data)
    return path


def test_the_main_workbookpr_sets_the_date_system(tmp_path: Path) -> None:
    result = recalc_file(_mac_book(tmp_path), tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.unsupported) == ("ok", [])
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [sheet[ref].value for ref in ("A1", "A3", "A4", "A5")] == [35064, 2000, "2000-01-01", 35094]
