"""The template's charts moved by a row or column inserted on the Dashboard are still fitted by recalc.

Before: a note row inserted under the Dashboard's title (LibreOffice moves the six charts one row down) left every
template chart unfitted under ok (January-December where January-April have figures; the NPS chart read NPS!A2:A13
instead of the empty row 14): H201's finding 07. A chart dragged elsewhere on its own is still the user's.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template

FIGURES = {2: (40, 520, 1000, 400), 3: (35, 530, 900, 500), 4: (30, 541, 800, 300), 5: (28, 548, 700, 200)}


def _tracker(tmp_path: Path, move) -> Path:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    c, rv = wb["Customers"], wb["Revenue"]
    c["B2"], rv["B2"] = 500, 20000
    for r, (gained, end, new, churned) in FIGURES.items():
        c.cell(r, 3).value, c.cell(r, 4).value, rv.cell(r, 3).value, rv.cell(r, 7).value = gained, end, new, churned
    wb.save(path)
    moved = tmp_path / "moved.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(moved, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/drawings/drawing1.xml":
                data = move(data)
            out.writestr(item, data)
    return moved


def _ranges(path: Path) -> dict[str, list[str]]:
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)):
            xml = z.read(name).decode()
            title = re.search(r"<a:t>([^<]*)</a:t>", xml).group(1)
            out[title] = sorted(set(re.findall(r"<(?:c:)?f>([^<]*![^<]*)</(?:c:)?f>", xml)))
    return out


def _recalc(tmp_path: Path, move) -> dict[str, list[str]]:
    moved = _tracker(tmp_path, move)
    report = recalc_file(moved, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    return _ranges(tmp_path / "out.xlsx")


def _every_row_down(data: bytes) -> bytes:  # a row inserted above the charts: from (and to) rows + 1
    return re.sub(rb"(<(?:\w+:)?row>)(\d+)(<)", lambda m: m[1] + str(int(m[2]) + 1).encode() + m[3], data)


def _right_of_c(data: bytes) -> bytes:  # a column inserted at D: the charts from D on move one column right
    def shift(m):
        column = int(m[2])
        return m[1] + str(column + 1 if column >= 3 else column).encode() + m[3]

    return re.sub(rb"(<(?:\w+:)?col>)(\d+)(<)", shift, data)


def test_charts_moved_down_by_a_note_row_are_fitted(tmp_path):
    ranges = _recalc(tmp_path, _every_row_down)
    assert ranges["Customers at end of month"] == ["'Customers'!$A$2:$A$5", "'Customers'!$H$2:$H$5"]
    assert ranges["MRR at end of month"] == ["'Revenue'!$A$2:$A$5", "'Revenue'!$P$2:$P$5"]
    assert ranges["NPS with its 95% margin of error"][0] == "'NPS'!$A$14:$A$14"  # no answers: the empty row


def test_charts_moved_right_by_a_column_are_fitted(tmp_path):
    ranges = _recalc(tmp_path, _right_of_c)
    assert ranges["MRR movements by month"][0] == "'Revenue'!$A$2:$A$5"
    assert ranges["Customer retention (CRR)"][0] == "'Customers'!$A$2:$A$5"


def test_one_chart_dragged_elsewhere_is_the_users(tmp_path):
    def drag_first(data: bytes) -> bytes:  # the first chart alone dragged 30 rows down
        return re.sub(rb"(<(?:\w+:)?row>)11(<)", rb"\g<1>41\2", data, count=1)

    ranges = _recalc(tmp_path, drag_first)
    assert ranges["Customers at end of month"] == ["'Customers'!$A$2:$A$13", "'Customers'!$H$2:$H$13"]
    assert ranges["MRR at end of month"] == ["'Revenue'!$A$2:$A$5", "'Revenue'!$P$2:$P$5"]
