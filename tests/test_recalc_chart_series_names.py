"""A chart series over a defined name, a union or a whole column gets the recalculated points, as one over the same
cells by a plain reference does (H543's finding 01: the name's and the union's caches kept 2, 4, 6 beside 20, 40, 60
under ``ok``); a series whose points cannot be brought up to date makes the file ``incomplete``, named."""

from __future__ import annotations

import re
from pathlib import Path

from chart_caches_scaffold import CHART1, chart_part, prefixed, sheet_s
from one_sheet import rewrite_part
from openpyxl.chart import LineChart, Reference
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation.batch import recalc_file

STALE = (
    b'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>'
    + b"".join(b'<c:pt idx="%d"><c:v>%d</c:v></c:pt>' % (i, v) for i, v in enumerate((2, 4, 6)))
    + b"</c:numCache>"
)


def _workbook(tmp_path: Path, references: list[bytes], names: dict[str, str], other: bool = False) -> Path:
    """S!A1:A3 = 10, 20, 30 (A4 blank), S!B1:B4 = A*2 (B4 ``=IF(A4="","",A4*2)``), with one line chart of a series
    over each of ``references``, every cache holding the points 2, 4, 6 of values before the inputs changed."""
    book, sheet = sheet_s()
    for row, value in enumerate((10, 20, 30), 1):
        sheet[f"A{row}"], sheet[f"B{row}"] = value, f"=A{row}*2"
    if other:
        book.create_sheet("T")["A1"] = "=S!A1+1"
    for name, text in names.items():
        book.defined_names[name] = DefinedName(name, attr_text=text)
    chart = LineChart()
    for _ in references:
        chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=3))
    sheet.add_chart(chart, "D2")
    path = tmp_path / "chart.xlsx"
    book.save(path)

    def cached(part: bytes) -> bytes:
        given = iter(references)
        part = prefixed(part)
        return re.sub(
            rb"<numRef><f>'S'!\$B\$1:\$B\$3</f></numRef>",
            lambda m: b"<c:numRef><c:f>" + next(given) + b"</c:f>" + STALE + b"</c:numRef>",
            part,
        )

    rewrite_part(path, CHART1, cached)
    return path


def _points(chart: bytes) -> list[list[bytes]]:
    return [re.findall(rb"<c:v>([^<]*)</c:v>", c) for c in re.findall(rb"<c:numCache>.*?</c:numCache>", chart, re.S)]


def test_series_over_a_name_a_union_and_a_whole_column_get_the_recalculated_points(tmp_path: Path) -> None:
    references = [b"'S'!$B$1:$B$3", b"[0]!Vals", b"('S'!$B$1,'S'!$B$2:$B$3)", b"'S'!$B:$B", b"S!Own"]
    references.append(b"&quot;Typed&quot;")
    path = _workbook(tmp_path, references, {"Vals": "S!$B$1:$B$3"})
    # a name of the sheet's own (localSheetId 0), as Excel writes a sheet-level name
    rewrite_part(path, "xl/workbook.xml", lambda x: x.replace(
        b"</definedNames>", b'<definedName name="Own" localSheetId="0">S!$B$1,S!$B$2:$B$3</definedName></definedNames>'
    ))  # fmt: skip
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    # a constant (a series' name typed in, as LibreOffice saves it): its points as they were, nothing said
    assert _points(chart_part(tmp_path / "out.xlsx")) == [[b"20", b"40", b"60"]] * 5 + [[b"2", b"4", b"6"]]


def test_a_dynamic_chart_range_gets_the_area_the_engine_computes(tmp_path: Path) -> None:
    # the classic dynamic range: as many rows as A has numbers (3), from B1
    path = _workbook(tmp_path, [b"[0]!Dyn"], {"Dyn": "OFFSET(S!$B$1,0,0,COUNT(S!$A:$A),1)"})
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert _points(chart_part(tmp_path / "out.xlsx")) == [[b"20", b"40", b"60"]]


def test_a_series_whose_points_cannot_be_brought_up_to_date_is_said(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [b"('S'!$B$1,'T'!$A$1)", b"'S'!$B$1:$B$3"], {}, other=True)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert result.message == (
        "chart.xlsx: a chart's series over ('S'!$B$1,'T'!$A$1) (a union over several sheets) keeps what the file "
        "stored, which may predate the recalculated cells: Excel redraws them when it opens the file"
    )
    assert _points(chart_part(tmp_path / "out.xlsx")) == [[b"2", b"4", b"6"], [b"20", b"40", b"60"]]


def test_a_series_whose_cells_no_recalculation_changes_leaves_the_file_ok(tmp_path: Path) -> None:
    # H553's finding 06: another workbook's cells and a union of typed cells on two sheets made the file incomplete
    path = _workbook(tmp_path, [b"[1]Data!$B$1:$B$3", b"('S'!$A$1,'T'!$B$1)", b"'S'!$B$1:$B$3"], {}, other=True)
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert _points(chart_part(tmp_path / "out.xlsx")) == [[b"2", b"4", b"6"], [b"2", b"4", b"6"], [b"20", b"40", b"60"]]


def test_a_whole_column_whose_cells_reach_past_the_kept_points_is_said(tmp_path: Path) -> None:
    # H553's finding 08: rows added since the chart was saved (its cache of 3 points): B4 was not plotted, under ok
    path = _workbook(tmp_path, [b"'S'!$B:$B"], {})
    rewrite_part(path, "xl/worksheets/sheet1.xml", lambda x: x.replace(
        b"</sheetData>", b'<row r="4"><c r="A4"><v>40</v></c><c r="B4"><f>A4*2</f></c></row></sheetData>'))  # fmt: skip
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert result.message == (
        "chart.xlsx: a chart's series over 'S'!$B:$B (a whole column whose recalculated cells reach past the 3 points "
        "the chart kept) keeps what the file stored, which may predate the recalculated cells: Excel redraws them when "
        "it opens the file"
    )
