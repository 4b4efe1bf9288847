"""A chart over a sheet hiding a row has its cached points rewritten as the chart plots them (H359's finding 01).

LibreOffice saves a chart plotting visible cells only (``c:plotVisOnly``, Excel's default) with the points of the
visible rows: Jan, Feb, Apr, May, Jun under ``ptCount`` 5 where March's row is hidden. recalc wrote each cell's value
at its place in the range, all six: March's 1400 under April's label, May's under June's, a point at idx 5 past
ptCount 5. Now the points are those of the visible cells (each value at its own label's index), and a cache laid out
with every cell (as a file saved before the row was hidden) is laid out so, its ptCount and categories with it; a chart
showing hidden data (``plotVisOnly`` 0) gets every cell's point and ptCount 6. Categories of two levels likewise.
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

MONTHS = ["Jan 26", "Feb 26", "Mar 26", "Apr 26", "May 26", "Jun 26"]
NEW = [10, 12, 14, 11, 9, 13]
C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'


def _pts(values: list[str | None]) -> str:
    return "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values) if v is not None)


def _points(values: list[str | None]) -> str:
    return f'<c:ptCount val="{len(values)}"/>' + _pts(values)


def _chart(cat: str, val: str, visible_only: str) -> bytes:
    """A line chart part as LibreOffice writes one: ``cat``/``val`` the series' category and value references."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace {C}><c:chart><c:plotArea>'
        '<c:lineChart><c:grouping val="standard"/><c:ser><c:idx val="0"/><c:order val="0"/>'
        f"<c:cat>{cat}</c:cat><c:val>{val}</c:val></c:ser>"
        '<c:axId val="1"/><c:axId val="2"/></c:lineChart></c:plotArea>'
        f'<c:plotVisOnly val="{visible_only}"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
    ).encode()


def _recalculated(tmp_path: Path, chart: bytes, month_formulas: bool = False) -> str:
    """The chart part after recalc of sheet S (months in A, New in B, C =B*100, row 4 hidden) with ``chart``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["Month", "New", "New MRR"])
    for row, (month, new) in enumerate(zip(MONTHS, NEW, strict=True), start=2):
        sheet.append(["2026" if month_formulas else month, new, f"=B{row}*100"])
        if month_formulas:
            sheet[f"D{row}"] = month
            sheet[f"B{row}"], sheet[f"E{row}"] = f"=D{row}", new
            sheet[f"C{row}"] = f"=E{row}*100"
    sheet.row_dimensions[4].hidden = True
    line = LineChart()
    line.add_data(Reference(sheet, min_col=3, min_row=2, max_row=7))
    sheet.add_chart(line, "G2")
    path = tmp_path / "book.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts["xl/charts/chart1.xml"] = chart
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    report = recalc(path, engine="embedded", output_dir=tmp_path / "out")
    assert report.files[0].status == "ok", report.files[0].message
    with zipfile.ZipFile(report.files[0].output) as package:
        return package.read("xl/charts/chart1.xml").decode()


def _cache(xml: str, tag: str) -> tuple[int, dict[int, str]]:
    part = re.search(rf"<c:{tag}>.*?</c:{tag}>", xml, re.S).group(0)
    count = int(re.search(r'<c:ptCount val="(\d+)"', part).group(1))
    return count, {int(i): v for i, v in re.findall(r'<c:pt idx="(\d+)"><c:v>([^<]*)</c:v>', part)}


def _refs(cats: list[str | None], vals: list[str | None]) -> tuple[str, str]:
    cat = f"<c:strRef><c:f>S!$A$2:$A$7</c:f><c:strCache>{_points(cats)}</c:strCache></c:strRef>"
    val = f"<c:numRef><c:f>S!$C$2:$C$7</c:f><c:numCache><c:formatCode>General</c:formatCode>{_points(vals)}"
    return cat, val + "</c:numCache></c:numRef>"


VISIBLE = ["Jan 26", "Feb 26", "Apr 26", "May 26", "Jun 26"]


def test_libreoffices_cache_of_the_visible_rows_gets_each_value_under_its_month(tmp_path: Path) -> None:
    xml = _recalculated(tmp_path, _chart(*_refs(VISIBLE, ["0"] * 5), "1"))
    assert _cache(xml, "cat") == (5, dict(enumerate(VISIBLE)))
    assert _cache(xml, "val") == (5, {0: "1000", 1: "1200", 2: "1100", 3: "900", 4: "1300"})


def test_a_cache_of_every_row_is_laid_out_as_the_chart_plots_it(tmp_path: Path) -> None:
    xml = _recalculated(tmp_path, _chart(*_refs(MONTHS, ["0"] * 6), "1"))
    assert _cache(xml, "cat") == (5, dict(enumerate(VISIBLE)))
    assert _cache(xml, "val") == (5, {0: "1000", 1: "1200", 2: "1100", 3: "900", 4: "1300"})


def test_a_chart_showing_hidden_data_gets_every_row(tmp_path: Path) -> None:
    xml = _recalculated(tmp_path, _chart(*_refs(VISIBLE, ["0"] * 5), "0"))
    count, cats = _cache(xml, "cat")
    assert (count, cats) == (6, dict(enumerate(MONTHS)))  # March's typed label too (H556's finding 03)
    assert _cache(xml, "val") == (6, {0: "1000", 1: "1200", 2: "1400", 3: "1100", 4: "900", 5: "1300"})


def test_two_levels_of_categories_keep_the_visible_rows(tmp_path: Path) -> None:
    levels = "".join(f"<c:lvl>{_pts(v)}</c:lvl>" for v in (["x"] * 5, ["2026"]))
    cat = (
        f"<c:multiLvlStrRef><c:f>S!$A$2:$B$7</c:f><c:multiLvlStrCache>"
        f'<c:ptCount val="5"/>{levels}</c:multiLvlStrCache></c:multiLvlStrRef>'
    )
    val = _refs([], ["0"] * 5)[1]
    xml = _recalculated(tmp_path, _chart(cat, val, "1"), month_formulas=True)
    body = re.search(r"<c:multiLvlStrCache>.*?</c:multiLvlStrCache>", xml).group(0)
    assert re.findall(r'<c:ptCount val="(\d+)"', body) == ["5"]
    inner = re.search(r"<c:lvl>(.*?)</c:lvl>", body).group(1)
    assert re.findall(r'<c:pt idx="(\d+)"><c:v>([^<]*)</c:v>', inner) == [(str(i), m) for i, m in enumerate(VISIBLE)]
    assert _cache(xml, "val") == (5, {0: "1000", 1: "1200", 2: "1100", 3: "900", 4: "1300"})
