"""A chart's cached points after recalc, two cases the first fix (4619fb1b) missed (H253's findings 04 and 05):
a series over a dynamic array kept its first cell's stale point (cache 0, 60, 90 beside cells 30, 60, 90: the first
cell's value was written with its new spill range and not read as a point), and categories over formulas giving text
(``=UPPER(A1)``) kept a number cache of 0, 0, 0 beside cells EMEA, NA, APAC (they are now a ``c:strRef`` with the
texts, as Excel saves categories of text)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from chart_caches_scaffold import prefixed, recalculated_chart, sheet_s
from one_sheet import save_dynamic
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.formula import ArrayFormula

ZEROS = (
    b'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>0</c:v></c:pt>'
    b'<c:pt idx="1"><c:v>0</c:v></c:pt><c:pt idx="2"><c:v>0</c:v></c:pt></c:numCache>'
)


def _zero_caches(chart: bytes) -> bytes:
    """Every reference with a number cache of zeros, as XlsxWriter saves a chart over formulas it did not compute."""
    chart = prefixed(chart)
    for tag in (b"cat", b"val"):
        chart = chart.replace(b"<" + tag + b">", b"<c:" + tag + b">").replace(b"</" + tag + b">", b"</c:" + tag + b">")
    chart = re.sub(rb"<numRef><f>([^<]*)</f></numRef>", rb"<c:numRef><c:f>\1</c:f>" + ZEROS + rb"</c:numRef>", chart)
    assert chart.count(ZEROS) == 2
    return chart


def test_a_spill_and_text_categories_cached_as_recalculated(tmp_path: Path) -> None:
    book, sheet = sheet_s()
    for row, (region, amount) in enumerate([("emea", 10), ("na", 20), ("apac", 30)], start=1):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"D{row}"] = region, amount, f"=UPPER(A{row})"
    sheet["C1"] = ArrayFormula("C1", "=B1:B3*3")  # spills C1:C3 when recalculated
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=3))
    chart.set_categories(Reference(sheet, min_col=4, min_row=1, max_row=3))
    sheet.add_chart(chart, "F2")
    path = save_dynamic(book, tmp_path / "t.xlsx", ["C1"])
    _, after = recalculated_chart(path, _zero_caches, tmp_path / "out.xlsx")
    cells = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [cells[f"C{r}"].value for r in (1, 2, 3)] == [30, 60, 90]
    values = re.search(rb"<c:val>.*?</c:val>", after, re.S).group(0)
    assert re.findall(rb"<c:v>([^<]*)</c:v>", values) == [b"30", b"60", b"90"]
    categories = re.search(rb"<c:cat>.*?</c:cat>", after, re.S).group(0)
    assert b"<c:numRef>" not in categories and b"<c:formatCode>" not in categories
    assert re.findall(rb"<c:strRef><c:f>([^<]*)</c:f><c:strCache>", categories) == [b"'S'!$D$1:$D$3"]
    assert re.findall(rb"<c:v>([^<]*)</c:v>", categories) == [b"EMEA", b"NA", b"APAC"]


def test_number_categories_keep_their_number_cache(tmp_path: Path) -> None:
    book, sheet = sheet_s()
    for row in (1, 2, 3):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"D{row}"] = row, row * 10, f"=2025+A{row}"
        sheet[f"C{row}"] = f"=B{row}*2"
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=3))
    chart.set_categories(Reference(sheet, min_col=4, min_row=1, max_row=3))
    sheet.add_chart(chart, "F2")
    book.save(tmp_path / "t.xlsx")
    _, after = recalculated_chart(tmp_path / "t.xlsx", _zero_caches, tmp_path / "out.xlsx")
    categories = re.search(rb"<c:cat>.*?</c:cat>", after, re.S).group(0)
    assert b"<c:strRef>" not in categories and b"<c:formatCode>General</c:formatCode>" in categories
    assert re.findall(rb"<c:v>([^<]*)</c:v>", categories) == [b"2026", b"2027", b"2028"]
