"""An Excel 2016 chart (chartEx: the waterfall of an MRR bridge, a funnel, a histogram) gets the recalculated points,
as a classic chart over the same cells does (H543's finding 05: the waterfall's ``cx:lvl`` kept 1, 2, 3, 4 beside
cells now 100, 20, -5, -15 under ``ok``)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from chart_caches_scaffold import sheet_s
from one_sheet import rewrite_part
from openpyxl.chart import LineChart, Reference

from xl_retention.recalculation.batch import recalc_file

CHART_EX = "xl/charts/chartEx1.xml"


def _chart_ex(old: tuple[str, ...], labels: tuple[str, ...]) -> bytes:
    """A waterfall over S!B1:B4, its categories S!A1:A4, its cached points ``old`` and ``labels``."""
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<cx:chartSpace xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        b'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex"><cx:chartData><cx:data id="0">'
        b'<cx:strDim type="cat"><cx:f>S!$A$1:$A$4</cx:f><cx:lvl ptCount="4">'
        + b"".join(b'<cx:pt idx="%d">%s</cx:pt>' % (i, v.encode()) for i, v in enumerate(labels))
        + b'</cx:lvl></cx:strDim><cx:numDim type="val"><cx:f>S!$B$1:$B$4</cx:f><cx:lvl ptCount="4" '
        b'formatCode="General">'
        + b"".join(b'<cx:pt idx="%d">%s</cx:pt>' % (i, v.encode()) for i, v in enumerate(old))
        + b"</cx:lvl></cx:numDim></cx:data></cx:chartData><cx:chart><cx:plotArea><cx:plotAreaRegion><cx:series "
        b'layoutId="waterfall" uniqueId="{11111111-2222-3333-4444-555555555555}"><cx:tx><cx:txData><cx:f>S!$E$1</cx:f>'
        b'<cx:v>OLD NAME</cx:v></cx:txData></cx:tx><cx:dataId val="0"/></cx:series>'
        b"</cx:plotAreaRegion></cx:plotArea></cx:chart></cx:chartSpace>"
    )


def test_a_waterfall_gets_the_recalculated_points(tmp_path: Path) -> None:
    book, sheet = sheet_s()
    for row, (label, value) in enumerate([("Start", 100), ("New", 20), ("Contraction", -5), ("Churn", "")], 1):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"C{row}"] = f'=D{row}&""', f'=IF(C{row}="",NA(),C{row})', value
        sheet[f"D{row}"] = label
    sheet["E1"], sheet["F1"] = '="MRR bridge "&F1+0', 2  # the series' name from a cell (H553's finding 02)
    chart = LineChart()  # so that the sheet has a drawing to hold the waterfall's frame
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=4))
    sheet.add_chart(chart, "F2")
    path = tmp_path / "bridge.xlsx"
    book.save(path)
    frame = (
        b"<twoCellAnchor><from><col>4</col><colOff>0</colOff><row>18</row><rowOff>0</rowOff></from><to><col>10</col>"
        b'<colOff>0</colOff><row>32</row><rowOff>0</rowOff></to><graphicFrame macro=""><nvGraphicFramePr>'
        b'<cNvPr id="5" name="Waterfall 1"/><cNvGraphicFramePr/></nvGraphicFramePr><xfrm><a:off x="0" y="0"/>'
        b'<a:ext cx="0" cy="0"/></xfrm><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/drawing/2014/'
        b'chartex"><cx:chart xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" r:id="rIdWf"/>'
        b"</a:graphicData></a:graphic></graphicFrame><clientData/></twoCellAnchor>"
    )
    rewrite_part(path, "xl/drawings/drawing1.xml", lambda x: x.replace(b"</wsDr>", frame + b"</wsDr>"))
    rewrite_part(path, "xl/drawings/_rels/drawing1.xml.rels", lambda x: x.replace(b"</Relationships>", (
        b'<Relationship Id="rIdWf" Type="http://schemas.microsoft.com/office/2014/relationships/chartEx" '
        b'Target="/xl/charts/chartEx1.xml"/></Relationships>')))  # fmt: skip
    rewrite_part(path, "[Content_Types].xml", lambda x: x.replace(b"</Types>", (
        b'<Override PartName="/xl/charts/chartEx1.xml" ContentType="application/vnd.ms-office.chartex+xml"/>'
        b"</Types>")))  # fmt: skip
    with zipfile.ZipFile(path, "a") as package:  # the cached points of the values before the inputs changed
        package.writestr(CHART_EX, _chart_ex(("1", "2", "3", "4"), ("Start", "New", "Down", "Lost")))
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    with zipfile.ZipFile(tmp_path / "out.xlsx") as package:
        part = package.read(CHART_EX)
    dims = re.findall(rb"<cx:lvl[^>]*>(.*?)</cx:lvl>", part, re.S)
    labels, points = (re.findall(rb'<cx:pt idx="([0-9])">([^<]*)</cx:pt>', d) for d in dims)
    assert labels == [(b"0", b"Start"), (b"1", b"New"), (b"2", b"Contraction"), (b"3", b"Churn")]
    assert points == [(b"0", b"100"), (b"1", b"20"), (b"2", b"-5")]  # B4's #N/A: a gap, no point
    assert re.findall(rb"<cx:v>([^<]*)</cx:v>", part) == [b"MRR bridge 2"]
