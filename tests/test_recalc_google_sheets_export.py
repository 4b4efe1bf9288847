"""A Google Sheets .xlsx export: IFERROR(__xludf.DUMMYFUNCTION("<Google's formula>"), <its value>) is that value.

Google Sheets writes each formula Excel has no function for (SPLIT, GOOGLEFINANCE, QUERY) and each other cell of a
spill so, and names itself in docProps/app.xml. Excel has no __xludf.DUMMYFUNCTION: #NAME?, so IFERROR gives the
value, whatever program saved the file. recalc listed every such cell as a function the engine lacks, incomplete,
exit 1, with no value stored and formulas reading them (=B2*2) left blank too (H67 finding 03).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_a_google_sheets_export_is_computed_as_excel_opens_it(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"] = "Jan,Feb,Mar"
    ws["B1"] = '=IFERROR(__xludf.DUMMYFUNCTION("SPLIT(A1,"","")"),"Jan")'  # a spill's first cell
    ws["C1"] = '=IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),"Feb")'  # its other cells
    ws["B2"] = '=IFERROR(__xludf.DUMMYFUNCTION("GOOGLEFINANCE(""GOOG"")"),123.45)'
    ws["B3"] = "=B2*2"
    wb.save(tmp_path / "t.xlsx")
    source = tmp_path / "google.xlsx"
    with zipfile.ZipFile(tmp_path / "t.xlsx") as zin, zipfile.ZipFile(source, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "docProps/app.xml":  # as Google Sheets names itself
                data = re.sub(rb"<Application>.*?</Application>", b"<Application>Google Sheets</Application>", data)
            zout.writestr(item, data)
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    assert not report.unsupported and not report.errors
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B1", "C1", "B2", "B3")] == ["Jan", "Feb", 123.45, 246.9]
