"""The Dashboard prints at a readable size (H155, session 22).

Before: six charts 17 cm wide, the right-hand ones anchored at H12/H30/H48, and the print area A1:Q66 fitted to one
portrait page: LibreOffice printed it at 34% here (44% with Calibri's widths), its text about 4 points tall. Now the
charts span cells (A:C and D:G, 13 rows), two side by side within the tables' width A:G, printed landscape one page
wide: the latest figures and two charts on the first page, four charts on the second, none cut between pages. A
tracker made by the earlier template keeps its charts where they are, and recalc and import still know them.

Every workbook is made by build_template in tmp_path.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import libreoffice
import openpyxl
import pandas as pd
import pytest
from openpyxl.drawing.spreadsheet_drawing import TwoCellAnchor
from openpyxl.utils import coordinate_to_tuple, get_column_letter

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip
from xl_retention.workbook.chart_ranges import TEMPLATE_CHARTS, chart_title, reset_chart_ranges, template_chart_parts
from xl_retention.workbook.in_progress import mark_in_progress

#: the charts as the earlier template drew them (one-cell anchors, 17 x 8.5 cm)
EARLIER_CELLS = {
    "Customers at end of month": "A12",
    "MRR movements by month": "H12",
    "Customer retention (CRR)": "A30",
    "Net and gross revenue retention": "H30",
    "MRR at end of month": "A48",
    "NPS with its 95% margin of error": "H48",
}


def _pixels(width: float) -> int:
    """A column's width in Excel's pixels (Calibri 11: a maximum digit width of 7 pixels)."""
    return int(((256 * width + int(128 / 7)) / 256) * 7)


def test_the_dashboard_prints_landscape_one_page_wide_its_charts_within_the_tables_width(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=24)
    ws = openpyxl.load_workbook(path)["Dashboard"]
    setup = ws.page_setup
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_area == "'Dashboard'!$A$1:$G$54"
    assert [b.id for b in ws.row_breaks.brk] == [24]  # the second page starts at row 25, the blank row above its charts
    # A:G in Excel: 852 pixels (22.5 cm), which a landscape Letter page (the narrower: 9.6 printable inches at
    # Excel's normal margins of 0.7 inch) holds at full size; D has the default width (8 digits and 5 pixels)
    widths = [ws.column_dimensions[c].width if c in ws.column_dimensions else 8 + 5 / 7 for c in "ABCDEFG"]
    assert "D" not in ws.column_dimensions and ws.sheet_format.baseColWidth == 8
    assert sum(_pixels(w) for w in widths) == 852
    assert (ws.page_margins.left, ws.page_margins.right) == (0.7, 0.7)
    assert 852 <= (11 - 0.7 - 0.7) * 96
    # the charts: each over cells inside A:G and rows 12-53 (below the latest figures and their note, above the
    # note in row 54), the cell it starts at the one recalc knows it by, none over another
    boxes = {}
    for chart in ws._charts:
        anchor = chart.anchor
        assert isinstance(anchor, TwoCellAnchor)
        title = "".join(r.t for p in chart.title.tx.rich.p for r in p.r)
        start = f"{get_column_letter(anchor._from.col + 1)}{anchor._from.row + 1}"
        assert start == TEMPLATE_CHARTS[title], title
        boxes[title] = (anchor._from.col, anchor._from.row, anchor.to.col, anchor.to.row)
    assert boxes == {
        "Customers at end of month": (0, 11, 2, 24),
        "MRR movements by month": (3, 11, 6, 24),
        "Customer retention (CRR)": (0, 25, 2, 38),
        "Net and gross revenue retention": (3, 25, 6, 38),
        "MRR at end of month": (0, 39, 2, 52),
        "NPS with its 95% margin of error": (3, 39, 6, 52),
    }
    # E8:G8 and E9:G9: the notes beside the NPS and the CLV (figure_notes), wrapped on their rows' two lines
    assert {str(r) for r in ws.merged_cells.ranges} == {"A2:G2", "E8:G8", "E9:G9", "A10:G10", "A54:G54"}
    assert ws["A54"].alignment.wrap_text and ws.row_dimensions[54].height == 32


def test_the_line_of_a_month_in_progress_is_wrapped_across_the_dashboards_width(tmp_path):
    """import writes the month in progress in A2 (about 230 characters): it was cut at the print area's edge (G),
    losing "The last full month is Nov 2026; import again after Dec 2026 ends." -> A2:G2 merged, wrapped, two lines."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=24)
    package = ip.Package(path)
    wb = openpyxl.load_workbook(path, read_only=True)
    assert mark_in_progress(package, wb, pd.Period("2026-12", freq="M"), dt.date(2026, 12, 2)) == []
    wb.close()
    package.save()
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert ws["A2"].value.endswith("The last full month is Nov 2026; import again after Dec 2026 ends.")
    assert "A2:G2" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].alignment.wrap_text and ws.row_dimensions[2].height == 32  # two lines of 11 points
    assert ws["A54"].value.startswith("xl-retention recalc (and import --recalc) fits the charts")


def _words(pdf: Path) -> list[list[tuple[str, float]]]:
    """Each page's words with their widths (points), as pdftotext -bbox reads them."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page\b.*?</page>", xml, re.S):
        found = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page)
        pages.append([(text, float(x1) - float(x0)) for x0, x1, text in found])
    return pages


@pytest.mark.skipif(libreoffice.soffice_path() is None or shutil.which("pdftotext") is None, reason="no LibreOffice")
def test_libreoffice_prints_the_dashboard_at_three_quarters_of_its_size_or_more_on_two_pages(tmp_path):
    """The scale LibreOffice prints at: the width of the first label ("Customers at end") fitted to the page, over its
    width printed at 100%. Here (no Calibri or Carlito: DejaVu Sans, whose columns are a third wider than Excel's)
    it is 81% on Letter paper; with Calibri's widths A:G fit at 100%."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=24)
    fitted = libreoffice.only_sheet(path, "Dashboard", tmp_path / "fitted.xlsx")
    wb = openpyxl.load_workbook(fitted)
    ws = wb["Dashboard"]
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = 100
    wb.save(tmp_path / "full.xlsx")
    pages = _words(libreoffice.render_pdf(fitted, tmp_path / "out"))
    full = _words(libreoffice.render_pdf(tmp_path / "full.xlsx", tmp_path / "out"))
    texts = [" ".join(word for word, _ in page) for page in pages]
    at = next(i for i, text in enumerate(texts) if "Latest figures" in text)  # LibreOffice prints other sheets too
    first = next(width for text, width in pages[at] if text == "Customers")
    at_full = next(i for i, page in enumerate(full) if "Latest figures" in " ".join(word for word, _ in page))
    scale = first / next(width for text, width in full[at_full] if text == "Customers")
    assert scale >= 0.75, f"printed at {scale:.0%}"
    # two pages: the figures and two charts, then four charts and the note; no chart cut between them
    text = texts[at : at + 3]
    for title in ("Latest figures", "Purchases and visits", "Customers at end of month", "MRR movements by month"):
        assert title in text[0] and title not in text[1], title
    for title in ("Customer retention (CRR)", "Net and gross revenue", "MRR at end of month", "NPS with its 95%"):
        assert title in text[1], title  # (LibreOffice writes a chart below the page's rows on it too, clipped)
    assert not any(title in text[2] for title in TEMPLATE_CHARTS), text[2]
    assert "fits the charts to the months" in text[1]


def _earlier_drawing(drawing: str) -> str:
    """The template's drawing with its charts where the earlier template drew them: one-cell anchors at
    H12/A30/H30/A48/H48 (A12 as ever), 17 x 8.5 cm."""
    anchors = re.findall(r"<twoCellAnchor>.*?</twoCellAnchor>", drawing, re.S)
    assert len(anchors) == 6
    for anchor in anchors:
        start = re.search(r"<from><col>(\d+)</col><colOff>0</colOff><row>(\d+)</row>", anchor)
        cell = f"{get_column_letter(int(start[1]) + 1)}{int(start[2]) + 1}"
        title = next(t for t, c in TEMPLATE_CHARTS.items() if c == cell)
        row, column = coordinate_to_tuple(EARLIER_CELLS[title])
        body = re.search(r"<graphicFrame>.*<clientData\s*/>", anchor, re.S)[0]
        old = (
            f"<oneCellAnchor><from><col>{column - 1}</col><colOff>0</colOff><row>{row - 1}</row><rowOff>0</rowOff>"
            f'</from><ext cx="6120000" cy="3060000" />{body}</oneCellAnchor>'
        )
        drawing = drawing.replace(anchor, old)
    return drawing


def test_a_tracker_made_by_the_earlier_template_keeps_its_charts_which_are_still_fitted(tmp_path):
    """Its six charts at H12, A30, ... are the template's: recalc fits them to the months with figures (February and
    March of 12 months: nobody is a customer at January's start), import gives them every month back; a user's chart
    at one of the new cells (D12) with a title of the template's other charts is not one of them."""
    inputs = {"Customers": {"start": [0], "gained": [5, 2, 3], "end": [5, 6, 8]}}
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12, inputs=inputs)
    package = ip.Package(path)
    drawing = "xl/drawings/drawing1.xml"
    package.data[drawing] = _earlier_drawing(package.data[drawing].decode()).encode()
    package.save()
    package = ip.Package(path)
    assert template_chart_parts(package) == {f"xl/charts/chart{i}.xml" for i in range(1, 7)}
    assert package.data[drawing].count(b"<oneCellAnchor><from><col>7</col>") == 3  # H12, H30, H48
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
        charts = {chart_title(z.read(n)): z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")}
        assert z.read(drawing) == package.data[drawing]  # where the user's tracker has them
    assert re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", charts["Customers at end of month"]) == [
        "'Customers'!$A$3:$A$4",
        "'Customers'!$H$3:$H$4",
    ]
    fitted = ip.Package(tmp_path / "r.xlsx")
    assert reset_chart_ranges(fitted) == 6
    # the NPS chart moved to D12, a cell of this template's charts but not the NPS chart's: the user's
    moved = fitted.data[drawing].replace(
        b"<col>7</col><colOff>0</colOff><row>47</row>", b"<col>3</col><colOff>0</colOff><row>11</row>"
    )
    fitted.data[drawing] = moved
    assert len(template_chart_parts(fitted)) == 5
