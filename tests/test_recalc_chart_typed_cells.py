"""A chart's cached points of typed cells (no formula) are the values the written file holds (H556's finding 03).

recalc set the points of the recalculated cells only: a scatter chart whose x cells a program had changed (keeping
the stored values: 1, 2, 3 became 10, 20, 30) got its y points of ``=A*2`` (20, 40, 60) beside its old x points
(1, 2, 3), points which exist nowhere in the workbook; ``import --into --recalc`` left a user's chart without points
for the customers it typed in beside the new Retention points of the formulas reading them. Now each point of a typed
cell is its value (a number, a text label), a cell holding none is no point, and a formula cell not recalculated
keeps its point as the file stored it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import LineChart, Reference

from xl_retention.recalculation.batch import recalc

pytest.importorskip("formualizer")

C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'


def _ref(tag: str, kind: str, ref: str, points: list[str]) -> str:
    cache = "numCache" if kind == "numRef" else "strCache"
    code = "<c:formatCode>General</c:formatCode>" if kind == "numRef" else ""
    pts = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(points))
    return (
        f'<c:{tag}><c:{kind}><c:f>{ref}</c:f><c:{cache}>{code}<c:ptCount val="{len(points)}"/>{pts}</c:{cache}>'
        f"</c:{kind}></c:{tag}>"
    )


def _chart() -> bytes:
    """A scatter chart as Excel saves one when A held 1, 2, 3 (x), B =A*2 (y) and C the labels a, b, c."""
    series = (
        '<c:ser><c:idx val="0"/><c:order val="0"/>'
        + _ref("tx", "strRef", "S!$C$1", ["a"])
        + _ref("xVal", "numRef", "S!$A$1:$A$4", ["1", "2", "3", "4"])
        + _ref("yVal", "numRef", "S!$B$1:$B$4", ["2", "4", "6", "8"])
        + "</c:ser>"
        + '<c:ser><c:idx val="1"/><c:order val="1"/>'
        + _ref("xVal", "strRef", "S!$C$1:$C$3", ["a", "b", "c"])
        + _ref("yVal", "numRef", "S!$D$1:$D$3", ["7", "7", "7"])
        + "</c:ser>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace {C}><c:chart><c:plotArea>'
        f'<c:scatterChart><c:scatterStyle val="lineMarker"/>{series}<c:axId val="1"/><c:axId val="2"/>'
        "</c:scatterChart></c:plotArea></c:chart></c:chartSpace>"
    ).encode()


def _recalculated(tmp_path: Path) -> tuple[str, str]:
    """The chart part and the report's message after recalc of S: A typed 10, 20, 30 (A4 cleared), B =A*2, C typed
    labels x, y, z, D =UNKNOWNFN() (not recalculated: its stored 7 kept)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (x, label) in enumerate(zip((10, 20, 30), "xyz", strict=True), start=1):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"C{row}"] = x, f"=A{row}*2", label
        sheet[f"D{row}"] = "=NOSUCHFUNCTION(1)"
    sheet["B4"] = "=A4*2"
    chart = LineChart()  # (its part replaced by the scatter chart below)
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=4))
    sheet.add_chart(chart, "F2")
    path = tmp_path / "book.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts["xl/charts/chart1.xml"] = _chart()
    parts["xl/worksheets/sheet1.xml"] = re.sub(  # D's stored value, as Excel kept it
        rb'(<c r="D[1-3]"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?', rb"\1\2<v>7</v>", parts["xl/worksheets/sheet1.xml"]
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    report = recalc(path, engine="embedded", output_dir=tmp_path / "out")
    done = report.files[0]
    with zipfile.ZipFile(done.output) as package:
        return package.read("xl/charts/chart1.xml").decode(), done.message or ""


def _points(xml: str, ref: str) -> dict[int, str]:
    found = re.search(re.escape(f"<c:f>{ref}</c:f>") + r"<c:(?:num|str)Cache>(.*?)</c:(?:num|str)Cache>", xml, re.S)
    assert found is not None, ref
    return {int(i): v for i, v in re.findall(r'<c:pt idx="(\d+)"><c:v>([^<]*)</c:v>', found.group(1))}


def test_a_scatter_charts_typed_x_points_are_the_cells_values_beside_its_recalculated_y(tmp_path: Path) -> None:
    xml, _message = _recalculated(tmp_path)
    assert _points(xml, "S!$B$1:$B$4") == {0: "20", 1: "40", 2: "60", 3: "0"}  # =A*2 of the new A
    assert _points(xml, "S!$A$1:$A$4") == {0: "10", 1: "20", 2: "30"}  # at the parent: 1, 2, 3, 4 (A4 holds none)


def test_typed_labels_are_the_cells_texts_and_a_formula_not_recalculated_keeps_its_points(tmp_path: Path) -> None:
    xml, message = _recalculated(tmp_path)
    assert _points(xml, "S!$C$1") == {0: "x"}  # the series' name typed in C1: at the parent "a"
    assert _points(xml, "S!$C$1:$C$3") == {0: "x", 1: "y", 2: "z"}  # at the parent a, b, c
    assert _points(xml, "S!$D$1:$D$3") == {0: "7", 1: "7", 2: "7"}  # =NOSUCHFUNCTION(1): as Excel stored it
    assert "chart" not in message
