"""A chart's category labels whose cells now hold a number, a logical, an error or a blank result kept their old cached
labels after recalc (the strCache of a ``c:multiLvlStrRef`` took text only). They are now cached as the cells show:
a number in its cell's format (a year ``2026``, a date ``Feb-26`` under ``mmm-yy``, ``33.3%`` under ``0.0%``),
``TRUE``, ``#N/A``, and a blank result is no point: what LibreOffice 7.4 writes when it saves the recalculated
workbook (checked by converting this workbook with soffice --headless under a forced-recalculation profile)."""

from __future__ import annotations

import re
from pathlib import Path

from chart_caches_scaffold import levels, prefixed, recalculated_chart, sheet_s
from openpyxl.chart import LineChart, Reference

#: Excel's cache of S!$A$2:$B$6 as saved before the labels were changed: months, and a quarter at January and April
STALE = (
    b'<c:multiLvlStrRef><c:f>S!$A$2:$B$6</c:f><c:multiLvlStrCache><c:ptCount val="5"/>'
    b'<c:lvl><c:pt idx="0"><c:v>Jan</c:v></c:pt><c:pt idx="1"><c:v>Feb</c:v></c:pt>'
    b'<c:pt idx="2"><c:v>Mar</c:v></c:pt><c:pt idx="3"><c:v>Apr</c:v></c:pt><c:pt idx="4"><c:v>May</c:v></c:pt>'
    b'</c:lvl><c:lvl><c:pt idx="0"><c:v>Q1</c:v></c:pt><c:pt idx="3"><c:v>Q2</c:v></c:pt></c:lvl>'
    b"</c:multiLvlStrCache></c:multiLvlStrRef>"
)
#: the series' name cell, a strRef: its formula now gives a year
NAME = (
    b'<c:strRef><c:f>S!$C$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Sales</c:v></c:pt></c:strCache>'
    b"</c:strRef>"
)


def _cached(chart: bytes) -> bytes:
    chart, found = re.subn(rb"<numRef><f>[^<]*\$A\$2:\$B\$6</f></numRef>", STALE, prefixed(chart))
    chart, named = re.subn(rb"<strRef><f>'S'!C1</f></strRef>", NAME, chart)
    assert (found, named) == (1, 1)
    return chart


def test_label_cells_now_holding_numbers_are_cached_as_they_show(tmp_path: Path) -> None:
    book, sheet = sheet_s()
    sheet["A2"], sheet["A5"] = "=2025+1", "=2025+2"  # years now, where the chart cached Q1, Q2
    sheet["B2"], sheet["B3"], sheet["B4"] = "=DATE(2026,1,1)", "=DATE(2026,2,1)", "=1/3"
    sheet["B5"], sheet["B6"] = "=NA()", "=1=1"
    sheet["B2"].number_format = sheet["B3"].number_format = "mmm-yy"
    sheet["B4"].number_format = "0.0%"
    sheet["C1"] = "=YEAR(B2)"
    for row in range(2, 7):
        sheet[f"C{row}"] = row * 10
    chart = LineChart()
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=6), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, max_col=2, min_row=2, max_row=6))
    sheet.add_chart(chart, "E2")
    book.save(tmp_path / "t.xlsx")
    _, after = recalculated_chart(tmp_path / "t.xlsx", _cached, tmp_path / "out.xlsx")
    assert levels(after) == [
        [(b"0", b"Jan-26"), (b"1", b"Feb-26"), (b"2", b"33.3%"), (b"3", b"#N/A"), (b"4", b"TRUE")],
        [(b"0", b"2026"), (b"3", b"2027")],
    ]
    assert b'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>2026</c:v></c:pt></c:strCache>' in after
