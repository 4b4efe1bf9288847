"""A text box linked to a cell (a dashboard's KPI tile, ``<xdr:sp textlink="$B$1">``) and a chart's data labels from
cells (``c15:datalabelsRange``) show the recalculated cells, as Excel shows them after it calculates (H543's finding
02: the tile kept "MRR 1" and the labels "1 users" beside cells now "MRR 10" and "10 users", under ``ok``)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from chart_caches_scaffold import CHART1, chart_part, prefixed, sheet_s
from one_sheet import rewrite_part
from openpyxl.chart import BarChart, Reference

from xl_retention.recalculation.batch import recalc_file

DRAWING1 = "xl/drawings/drawing1.xml"
#: Excel's ribbon "Long Date": the computer's long date format
LONG_DATE = "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"


def _tile(link: bytes, text: bytes) -> bytes:
    """A text box linked to ``link``, its text as Excel cached it."""
    return (
        b"<twoCellAnchor><from><col>1</col><colOff>0</colOff><row>3</row><rowOff>0</rowOff></from>"
        b"<to><col>3</col><colOff>0</colOff><row>6</row><rowOff>0</rowOff></to>"
        b'<sp macro="" textlink="' + link + b'"><nvSpPr><cNvPr id="3" name="TextBox 2"/><cNvSpPr txBox="1"/></nvSpPr>'
        b'<spPr/><txBody><a:bodyPr/><a:lstStyle/><a:p><a:fld id="{6C0A9E8B-0E5E-4B5A-9E0B-1D2C3E4F5A6B}" type="TxLink">'
        b'<a:rPr lang="en-US" sz="2400"/><a:t>' + text + b'</a:t></a:fld><a:endParaRPr lang="en-US"/></a:p></txBody>'
        b"</sp><clientData/></twoCellAnchor>"
    )


def _workbook(tmp_path: Path, tiles: bytes) -> Path:
    """S!A1 = 10, S!B1 = ="MRR "&A1, S!C1 = A1*1000 shown as #,##0, T!A1 = S!A1*2, 'My Data'!A3 = S!A1*0.18; a chart
    (so that S has a drawing) and ``tiles`` in S's drawing; every formula's stored value of A1 = 1."""
    book, sheet = sheet_s()
    sheet["A1"], sheet["B1"], sheet["C1"] = 10, '="MRR "&A1', "=A1*1000"
    sheet["C1"].number_format = "#,##0"
    book.create_sheet("T")["A1"] = "=S!A1*2"
    book.create_sheet("My Data")["A3"] = "=S!A1*0.18"
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=1))
    sheet.add_chart(chart, "D2")
    path = tmp_path / "tiles.xlsx"
    book.save(path)
    rewrite_part(path, DRAWING1, lambda part: part.replace(b"</wsDr>", tiles + b"</wsDr>"))
    return path


def _texts(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as package:
        return re.findall(rb'type="TxLink"><a:rPr[^>]*/><a:t>([^<]*)</a:t>', package.read(DRAWING1))


def test_text_boxes_linked_to_cells_show_the_recalculated_values(tmp_path: Path) -> None:
    tiles = _tile(b"$B$1", b"MRR 1") + _tile(b"$C$1", b"1,000") + _tile(b"T!$A$1", b"2") + _tile(b"A1", b"10")
    tiles += _tile(b"'My Data'!$A$3", b"old")  # a quoted sheet's cell (H543's finding 08: read as no link)
    path = _workbook(tmp_path, tiles)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    # the text, the number in its cell's format, another sheet's cell; a typed cell's text as Excel stored it
    assert _texts(tmp_path / "out.xlsx") == [b"MRR 10", b"10,000", b"20", b"10", b"1.8"]
    assert _texts(path) == [b"MRR 1", b"1,000", b"2", b"10", b"old"]  # the input as it was


def test_a_caption_drawn_inside_a_chart_shows_the_recalculated_cell(tmp_path: Path) -> None:
    # H543's finding 09: a text box inside the chart (the chart's c:userShapes part) kept "MRR 1"
    path = _workbook(tmp_path, b"")
    caption = _tile(b"S!$B$1", b"MRR 1").replace(b"<sp ", b"<cdr:sp ").replace(b"</sp>", b"</cdr:sp>")
    shapes = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:userShapes '
        b'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        b'xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing"><cdr:relSizeAnchor>'
        + re.search(rb"<cdr:sp .*</cdr:sp>", caption).group(0)
        + b"</cdr:relSizeAnchor></c:userShapes>"
    )
    rewrite_part(path, CHART1, lambda x: x.replace(b"</chartSpace>", b'<userShapes r:id="rIdUs"/></chartSpace>'))
    kind = b"application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml"
    override = b'<Override PartName="/xl/drawings/drawing2.xml" ContentType="' + kind + b'"/></Types>'
    rewrite_part(path, "[Content_Types].xml", lambda x: x.replace(b"</Types>", override))
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("xl/drawings/drawing2.xml", shapes)
        package.writestr("xl/charts/_rels/chart1.xml.rels", (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdUs" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes" '
            b'Target="../drawings/drawing2.xml"/></Relationships>'))  # fmt: skip
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    with zipfile.ZipFile(tmp_path / "out.xlsx") as package:
        part = package.read("xl/drawings/drawing2.xml")
    assert re.findall(rb'type="TxLink"><a:rPr[^>]*/><a:t>([^<]*)</a:t>', part) == [b"MRR 10"]


def test_a_text_box_linked_to_a_range_is_said(tmp_path: Path) -> None:
    path = _workbook(tmp_path, _tile(b"$B$1:$C$1", b"MRR 1"))
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert result.message.startswith("tiles.xlsx: the shape linked to $B$1:$C$1 (not one cell) keeps what the file")


def test_data_labels_from_cells_show_the_recalculated_texts(tmp_path: Path) -> None:
    book, sheet = sheet_s()
    for row, value in enumerate((10, 20), 1):
        sheet[f"A{row}"], sheet[f"B{row}"] = value, f'=TEXT(A{row},"0")&" users"'
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=2))
    sheet.add_chart(chart, "D2")
    path = tmp_path / "labels.xlsx"
    book.save(path)
    labels = (
        b'<extLst><ext uri="{02D57815-91ED-43cb-92C2-25804820EDAC}" '
        b'xmlns:c15="http://schemas.microsoft.com/office/drawing/2012/chart"><c15:datalabelsRange>'
        b'<c15:f>S!$B$1:$B$2</c15:f><c15:dlblRangeCache><c:ptCount val="2"/><c:pt idx="0"><c:v>1 users</c:v></c:pt>'
        b'<c:pt idx="1"><c:v>2 users</c:v></c:pt></c15:dlblRangeCache></c15:datalabelsRange></ext></extLst>'
    )
    rewrite_part(path, CHART1, lambda part: prefixed(part).replace(b"</ser>", labels + b"</ser>"))
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    cache = re.search(rb"<c15:dlblRangeCache>(.*?)</c15:dlblRangeCache>", chart_part(tmp_path / "out.xlsx")).group(1)
    assert re.findall(rb"<c:v>([^<]*)</c:v>", cache) == [b"10 users", b"20 users"]


def test_a_text_box_linked_to_a_cell_in_the_computers_long_date_format_is_said(tmp_path: Path) -> None:
    # H543's finding 10: Excel's ribbon "Long Date" ([$-F800]) was shown as the serial 46027, in General, under ok
    book, sheet = sheet_s()
    sheet["A1"], sheet["D1"] = 10, "=DATE(2026,1,A1-5)"
    sheet["D1"].number_format = LONG_DATE
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=1))
    sheet.add_chart(chart, "F2")
    path = tmp_path / "dates.xlsx"
    book.save(path)
    tile = _tile(b"$D$1", b"Monday, January 5, 2026")
    rewrite_part(path, DRAWING1, lambda part: part.replace(b"</wsDr>", tile + b"</wsDr>"))
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert result.message == (
        f"dates.xlsx: the shape linked to $D$1 (its cell's format {LONG_DATE!r} is not shown as Excel shows it (the "
        "tag [$-F800], the computer's long date format)) keeps what the file stored, which may predate the "
        "recalculated cells: Excel redraws them when it opens the file"
    )
    assert _texts(tmp_path / "out.xlsx") == [b"Monday, January 5, 2026"]
