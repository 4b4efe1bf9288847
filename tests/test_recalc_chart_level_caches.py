"""A chart's categories of two levels (``c:multiLvlStrRef`` over two columns of labels, a quarter beside each month, as
Excel saves them) kept their cached labels after recalc, stale (4619fb1b updated one row or column only): the
quarter labels typed as formulas came out Q1/Q2 where the cells now say H1/H2, and a month's formula label kept 'Feb'.
Each level's points (the innermost, the months, first) are now its cells' values; every other byte is kept."""

from __future__ import annotations

import re
from pathlib import Path

from chart_caches_scaffold import levels, prefixed, recalculated_chart, sheet_s
from openpyxl.chart import LineChart, Reference

#: Excel's cache of S!$A$1:$B$4: the months (column B) the first level, the quarters (column A) the second, a
#: quarter's label at its first month only (A2 and A4 are blank)
STALE = (
    b'<c:multiLvlStrRef><c:f>S!$A$1:$B$4</c:f><c:multiLvlStrCache><c:ptCount val="4"/>'
    b'<c:lvl><c:pt idx="0"><c:v>Jan</c:v></c:pt><c:pt idx="1"><c:v>Feb</c:v></c:pt>'
    b'<c:pt idx="2"><c:v>Mar</c:v></c:pt><c:pt idx="3"><c:v>Apr</c:v></c:pt></c:lvl>'
    b'<c:lvl><c:pt idx="0"><c:v>Q1</c:v></c:pt><c:pt idx="2"><c:v>Q2</c:v></c:pt></c:lvl>'
    b"</c:multiLvlStrCache></c:multiLvlStrRef>"
)


def _cached(chart: bytes) -> bytes:
    chart, found = re.subn(rb"<numRef><f>[^<]*\$A\$1:\$B\$4</f></numRef>", STALE, prefixed(chart))
    assert found == 1
    return chart


def test_each_level_of_a_charts_categories_is_cached_as_recalculated(tmp_path: Path) -> None:
    book, sheet = sheet_s()
    sheet["A1"], sheet["A3"] = '="H"&"1"', '="H"&"2"'  # half years now, where the chart cached Q1, Q2
    sheet["B1"], sheet["B2"], sheet["B3"], sheet["B4"] = "Jan", '="Fe"&"b."', "Mar", "Apr"
    sheet["C1"], sheet["C2"], sheet["C3"], sheet["C4"] = 10, 20, 30, 40
    chart = LineChart()
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=4))
    chart.set_categories(Reference(sheet, min_col=1, max_col=2, min_row=1, max_row=4))
    sheet.add_chart(chart, "E2")
    book.save(tmp_path / "t.xlsx")
    before, after = recalculated_chart(tmp_path / "t.xlsx", _cached, tmp_path / "out.xlsx")
    assert levels(after) == [
        [(b"0", b"Jan"), (b"1", b"Feb."), (b"2", b"Mar"), (b"3", b"Apr")],
        [(b"0", b"H1"), (b"2", b"H2")],
    ]
    assert after == before.replace(b"<c:v>Feb</c:v>", b"<c:v>Feb.</c:v>").replace(
        b"<c:v>Q1</c:v>", b"<c:v>H1</c:v>"
    ).replace(b"<c:v>Q2</c:v>", b"<c:v>H2</c:v>")
