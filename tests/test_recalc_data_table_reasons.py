"""A What-If data table's error value is listed with its cause, and a formula reading it names the table, not a paste.

H485's finding 07: ``A3 =CRR(C1*100,10,500)``, a one-variable data table over H1:I4 (column input C1, H2:H4 = 4, 5, 6)
gives #NUM! in I4 (600 customers at the end from 500 + 10); ``K2 =SUM(I2:I4)`` was told "S!I4 holds the error value
#NUM!, typed or pasted there (#NUM!)" and I4 was not listed.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

CRR_REASON = (
    "CRR: customers_end (600) exceeds customers_start + customers_gained (500 + 10): customers lost would be "
    "negative (#NUM!)"
)


def _with_table(path: Path, first: str, table: str) -> None:
    """``path`` with the cell ``first`` (holding 0) made the first cell of the data table ``table`` (its <f>)."""
    with zipfile.ZipFile(path) as package:
        parts = {i.filename: package.read(i.filename) for i in package.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet, count = re.subn(rf'<c r="{first}"([^>]*)><v>0</v></c>', rf'<c r="{first}"\1>{table}<v>0</v></c>', sheet)
    assert count == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_a_data_tables_error_names_the_table_its_input_and_the_reason(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["C1"] = 5
    ws["A3"] = "=CRR(C1*100,10,500)"
    for row, tried in enumerate([4, 5, 6], start=2):
        ws.cell(row, 8, tried)
        ws.cell(row, 9, 0)
    ws["I1"] = "=A3"
    ws["K2"] = "=SUM(I2:I4)"
    wb.save(tmp_path / "dt.xlsx")
    _with_table(tmp_path / "dt.xlsx", "I2", '<f t="dataTable" ref="I2:I4" dt2D="0" dtr="0" r1="C1"/>')
    report = recalc_file(tmp_path / "dt.xlsx", tmp_path / "out" / "dt.xlsx")
    table = f"the data table S!I2:I4 with S!C1 = 6 (from S!H4): {CRR_REASON}"
    assert (report.status, report.unsupported) == ("ok", [])
    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        ("S!K2", "#NUM!", f"S!I4 holds the error value #NUM!, computed there by {table}"),
        ("S!I4", "#NUM!", table),
    ]
    values = openpyxl.load_workbook(tmp_path / "out" / "dt.xlsx", data_only=True)["S"]
    assert [values[a].value for a in ("I2", "I3", "I4", "K2", "C1", "A3")] == [0.78, 0.98, "#NUM!", "#NUM!", 5, 0.98]


def test_a_two_variable_data_tables_error_names_both_inputs(tmp_path: Path) -> None:
    """Row input C1 (customers at the end, hundreds: B3:C3 = 4, 6), column input D1 (gained: A4 = 10)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["C1"], ws["D1"] = 5, 10
    ws["A3"] = "=CRR(C1*100,D1,500)"
    ws["B3"], ws["C3"], ws["A4"] = 4, 6, 10
    ws["B4"], ws["C4"] = 0, 0
    wb.save(tmp_path / "dt2.xlsx")
    _with_table(tmp_path / "dt2.xlsx", "B4", '<f t="dataTable" ref="B4:C4" dt2D="1" dtr="1" r1="C1" r2="D1"/>')
    report = recalc_file(tmp_path / "dt2.xlsx", tmp_path / "out" / "dt2.xlsx")
    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        ("S!C4", "#NUM!", f"the data table S!B4:C4 with S!C1 = 6 (from S!C3) and S!D1 = 10 (from S!A4): {CRR_REASON}")
    ]
    values = openpyxl.load_workbook(tmp_path / "out" / "dt2.xlsx", data_only=True)["S"]
    assert [values[a].value for a in ("B4", "C4", "A3")] == [0.78, "#NUM!", 0.98]
