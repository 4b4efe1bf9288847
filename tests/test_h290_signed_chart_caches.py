"""A signed workbook whose recalculation changed only its charts' cached points (the cells' values stored as they
were, a chart's c:numCache kept 1000/1030/1060.9 beside cells of 1000/1100/1210): the signature is removed, and the
report said "the recalculated values are not what was signed", untrue of the signed sheet. It now says the charts'
cached points changed; a signature over changed values keeps its line (tests/test_h280_signed_workbook.py)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.chart import LineChart, Reference
from signed_packages import package_files, sign

from xl_retention.recalculation import recalc_file

LINE = (
    "charted.xlsx: its digital signature was removed: its charts' cached points, brought up to the recalculated "
    "cells, are not what was signed (Excel removes it too when it saves a changed workbook); sign it again in Excel "
    "(File > Info > Protect Workbook > Add a Digital Signature)"
)
STALE = b"<pt idx='0'><v>1000</v></pt><pt idx='1'><v>1030</v></pt><pt idx='2'><v>1060.9</v></pt>"


def _charted(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, value in enumerate((1000, 1100, 1210), 1):
        sheet.append([value, f"=A{row}*1"])
    chart = LineChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=3))
    sheet.add_chart(chart, "D2")
    book.save(tmp_path / "plain.xlsx")
    files = package_files(tmp_path / "plain.xlsx")
    for row, value in enumerate((1000, 1100, 1210), 1):  # the values stored as Excel (and recalc) writes them: 1000
        cell = f"<f>A{row}*1</f><v />".encode()
        assert cell in files["xl/worksheets/sheet1.xml"]
        files["xl/worksheets/sheet1.xml"] = files["xl/worksheets/sheet1.xml"].replace(
            cell, f"<f>A{row}*1</f><v>{value}</v>".encode()
        )
    files["xl/charts/chart1.xml"] = files["xl/charts/chart1.xml"].replace(
        b"</f></numRef>",
        b"</f><numCache><formatCode>General</formatCode><ptCount val='3'/>" + STALE + b"</numCache></numRef>",
    )
    with zipfile.ZipFile(tmp_path / "stale.xlsx", "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in files.items():
            package.writestr(name, data)
    signed = ["xl/worksheets/sheet1.xml", "xl/charts/chart1.xml"]
    return sign(tmp_path / "stale.xlsx", signed, out=tmp_path / "charted.xlsx")


def test_a_signature_over_chart_caches_alone_is_said_to_be_over_charts(tmp_path: Path) -> None:
    path = _charted(tmp_path)
    out = tmp_path / "out" / "charted.xlsx"
    report = recalc_file(path, out, engine="embedded")
    assert (report.status, report.message) == ("ok", LINE)
    before, after = package_files(path), package_files(out)
    assert after["xl/worksheets/sheet1.xml"] == before["xl/worksheets/sheet1.xml"]  # the values: as signed
    points = re.findall(rb"<v>([^<]*)</v>", after["xl/charts/chart1.xml"])
    assert points == [b"1000", b"1100", b"1210"]
    assert not [name for name in after if name.startswith("_xmlsignatures/")]
