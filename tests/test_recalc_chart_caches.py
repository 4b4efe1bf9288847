"""A user's chart keeps no stale cached points after recalc (H239's finding 3): the chart's c:numCache showed
1000/1030/1060.9 beside cells now 1000/1100/1210. The writer sets each cached point of a series' reference to the
recalculated cell's value; every other byte of the chart part is kept."""

from __future__ import annotations

import re
from pathlib import Path

from chart_caches_scaffold import prefixed, recalculated_chart, sheet_s
from openpyxl.chart import LineChart, Reference

STALE = (
    b'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>'
    b'<c:pt idx="0"><c:v>1000</c:v></c:pt><c:pt idx="1"><c:v>1030</c:v></c:pt>'
    b'<c:pt idx="2"><c:v>1060.9</c:v></c:pt></c:numCache>'
)
STALE_TEXT = (
    b'<c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>Jan</c:v></c:pt><c:pt idx="1"><c:v>Feb</c:v></c:pt>'
    b'<c:pt idx="2"><c:v>Mar</c:v></c:pt></c:strCache>'
)


def _cached(chart: bytes) -> bytes:
    """The chart part as Excel saves it: each reference with its cached points (openpyxl writes none)."""
    chart = re.sub(rb"<numRef><f>([^<]*)</f></numRef>", rb"<c:numRef><c:f>\1</c:f></c:numRef>", prefixed(chart))
    chart = re.sub(rb"(<c:numRef><c:f>[^<]*\$B\$1:\$B\$3</c:f>)", lambda m: m.group(1) + STALE, chart)
    chart = re.sub(
        rb"<c:numRef>(<c:f>[^<]*\$A\$1:\$A\$3</c:f>)</c:numRef>", rb"<c:strRef>\1" + STALE_TEXT + rb"</c:strRef>", chart
    )
    assert STALE in chart and STALE_TEXT in chart
    return chart


def test_the_charts_cached_points_are_the_recalculated_values(tmp_path: Path) -> None:
    book, sheet = sheet_s()
    sheet["A1"], sheet["A2"], sheet["A3"] = "Jan", '=A1&""', "Mar"
    sheet["A2"] = '="F"&"eb2"'  # a formula's text: its strCache point set too
    sheet["B1"], sheet["B2"], sheet["B3"] = 1000, "=B1+100", "=B2+110"
    chart = LineChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=3))
    chart.set_categories(Reference(sheet, min_col=1, min_row=1, max_row=3))
    sheet.add_chart(chart, "D2")
    book.save(tmp_path / "t.xlsx")
    before, after = recalculated_chart(tmp_path / "t.xlsx", _cached, tmp_path / "out.xlsx")
    points = re.findall(rb"<c:numCache>.*?</c:numCache>", after, re.S)[0]
    assert re.findall(rb"<c:v>([^<]*)</c:v>", points) == [b"1000", b"1100", b"1210"]
    labels = re.findall(rb"<c:strCache>.*?</c:strCache>", after, re.S)[0]
    assert re.findall(rb"<c:v>([^<]*)</c:v>", labels) == [b"Jan", b"Feb2", b"Mar"]
    # every other byte as it was
    assert after == before.replace(b"<c:v>1030</c:v>", b"<c:v>1100</c:v>").replace(
        b"<c:v>1060.9</c:v>", b"<c:v>1210</c:v>"
    ).replace(b"<c:v>Feb</c:v>", b"<c:v>Feb2</c:v>")
