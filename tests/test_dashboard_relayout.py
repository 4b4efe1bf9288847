"""An earlier tracker's Dashboard brought up to this version's layout by extend and import --into (H155's finding 01).

tests/data/template_before_2026-12-03.xlsx is workbooks/retention_template.xlsx as the template made it before
e9d1452 (24 months from 2026-01): six charts 17 x 8.5 cm at A12, H12, A30, H30, A48 and H48, the note under them in
A66, print area A1:Q66 fitted to one portrait page, which LibreOffice printed at 34% here. Where the Dashboard is
still the earlier template's, its charts move to this version's cells (two-cell anchors, two side by side in A:G),
the note to A54, and it prints landscape one page wide; where anything of the user's is in the way, nothing moves and
the report says what.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import libreoffice
import openpyxl
import pytest
from cli_process import run
from openpyxl.drawing.spreadsheet_drawing import OneCellAnchor, TwoCellAnchor
from openpyxl.utils import get_column_letter

from xl_retention.workbook import inplace as ip
from xl_retention.workbook.chart_ranges import TEMPLATE_CHARTS, chart_title, template_chart_parts

EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"
DRAWING = "xl/drawings/drawing1.xml"
NOTE = (
    "xl-retention recalc (and import --recalc) fits the charts to the months that have figures: "
    "run it again after typing new months by hand."
)
#: the line saying the latest figures' Value column (B) got this version's width (H486's finding 04)
WIDENED = (
    "widened the column B of Dashboard from 21 to 23 wide, as this version's template has it: the notes its latest "
    "figures show in place of a figure (see 'Lifetime value'!B8) whole"
)
#: this version's chart boxes: (column, row) to (column, EMU into it, row), counted from 0
BOXES = {
    "Customers at end of month": ((0, 11), (2, 576000, 24)),
    "MRR movements by month": ((3, 11), (6, 720000, 24)),
    "Customer retention (CRR)": ((0, 25), (2, 576000, 38)),
    "Net and gross revenue retention": ((3, 25), (6, 720000, 38)),
    "MRR at end of month": ((0, 39), (2, 576000, 52)),
    "NPS with its 95% margin of error": ((3, 39), (6, 720000, 52)),
}
LAID_OUT = "laid 'Dashboard' out as this version's"
KEPT = "'Dashboard' keeps the earlier template's layout"


def _tracker(tmp_path: Path, name: str = "t.xlsx") -> Path:
    path = tmp_path / name
    shutil.copyfile(EARLIER, path)
    return path


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _boxes(ws) -> dict[str, tuple]:
    out = {}
    for chart in ws._charts:
        title = "".join(r.t for r in chart.title.tx.rich.p[0].r)  # its first line ("none yet: ..." under it)
        anchor = chart.anchor
        if isinstance(anchor, TwoCellAnchor):
            out[title] = ((anchor._from.col, anchor._from.row), (anchor.to.col, anchor.to.colOff, anchor.to.row))
        else:
            assert isinstance(anchor, OneCellAnchor)
            out[title] = (f"{get_column_letter(anchor._from.col + 1)}{anchor._from.row + 1}", anchor.ext.width)
    return out


def _assert_this_versions_layout(path: Path) -> None:
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert _boxes(ws) == BOXES
    setup = ws.page_setup
    assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_area == "'Dashboard'!$A$1:$G$54"
    assert [b.id for b in ws.row_breaks.brk] == [24]
    assert (ws.page_margins.left, ws.page_margins.top, ws.page_margins.header) == (0.7, 0.75, 0.3)
    # E8:G8, E9:G9: the notes beside the NPS and CLV, added by upgrade_dashboard before the layout (H347)
    assert {str(r) for r in ws.merged_cells.ranges} == {"A2:G2", "E8:G8", "E9:G9", "A10:G10", "A54:G54"}
    assert ws["A54"].value == NOTE and ws["A66"].value is None
    assert ws["A54"].font.i and ws["A10"].font.i  # the note's own look, wrapped
    for row, height in ((2, 32), (10, 47), (54, 32)):
        assert ws[f"A{row}"].alignment.wrap_text and ws[f"A{row}"].alignment.vertical == "top", row
        assert ws.row_dimensions[row].height == height, row
    assert ws["A10"].value.startswith("Each figure is the last month that has it")


def test_extend_lays_out_an_earlier_templates_dashboard_as_this_versions(tmp_path):
    path = _tracker(tmp_path)
    before = openpyxl.load_workbook(path)["Dashboard"]
    assert _boxes(before)["MRR movements by month"] == ("H12", 6120000)
    assert before.print_area == "'Dashboard'!$A$1:$Q$66"
    result = run("extend", path, "--months", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-3:] == [
        "laid 'Dashboard' out as this version's: its six charts two side by side over A12:G52, the note under them "
        "moved from A66 to A54, printed landscape one page wide (A1:G54, a page from row 25; was A1:Q66 on one "
        "portrait page, about a third of its size)",
        WIDENED,
        "widened the columns C and E of NPS from 14 to 18 wide, as this version's template has them: their bold "
        "headers on one line",  # the same layout as upgrade's (H311)
    ]
    _assert_this_versions_layout(path)
    package = ip.Package(path)
    assert (
        len(template_chart_parts(package)) == 6
    )  # still the template's charts: recalc fits them, import stretches them
    charts = {chart_title(package.data[n]): package.data[n].decode() for n in package.names(r"xl/charts/chart\d+\.xml")}
    assert "'Customers'!$H$2:$H$26" in charts["Customers at end of month"]  # grown with the month added
    # a second run: this version's layout already, nothing said, the drawing as it is
    drawing = package.data[DRAWING]
    result = run("extend", path, "--months", "1")
    assert result.returncode == 0 and "Dashboard" not in result.stdout, result.stdout
    assert _parts(path)[DRAWING] == drawing


def test_import_into_lays_out_an_earlier_templates_dashboard_as_this_versions(tmp_path):
    subs = tmp_path / "subs.csv"
    subs.write_text("customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,120\nc,2026-02,30\n")
    path = _tracker(tmp_path)
    result = run("import", "--subscriptions", subs, "--into", path)
    assert result.returncode == 0, result.stderr
    assert LAID_OUT in result.stdout
    _assert_this_versions_layout(path)
    assert openpyxl.load_workbook(path)["Customers"]["D3"].value == 2  # the import itself: a and c


def _put(path: Path, title: str, ref: str, value: str) -> None:
    """``value`` typed in ``ref`` of sheet ``title`` by editing the package (openpyxl would drop the charts)."""
    package = ip.Package(path)
    xml = package.sheet(title)
    p = xml.prefix
    element = b"<" + p + b'c r="' + ref.encode() + b'" t="inlineStr"><' + p + b"is><" + p + b"t>" + value.encode()
    xml.put(ref, element + b"</" + p + b"t></" + p + b"is></" + p + b"c>")
    package.save()


@pytest.mark.parametrize(
    ("ref", "said"),
    [
        ("B20", "B20 holds yours"),  # under a chart this version draws at A26: would be covered
        ("J5", "J5 holds yours"),  # right of G: no longer printed
        ("A60", "A60 holds yours"),  # below row 54: no longer printed
        ("C10", "C10 holds yours"),  # A10:G10 merged for the note would hide it
    ],
)
def test_a_cell_of_the_users_where_the_layout_changes_keeps_the_dashboard_as_it_is_and_says_so(tmp_path, ref, said):
    path = _tracker(tmp_path)
    _put(path, "Dashboard", ref, "mine")
    before = _parts(path)
    result = run("extend", path, "--months", "1")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "Dashboard" in line or line.startswith("brought")]
    assert lines[0] == (  # its B4, C4 written before 2026-12-03 (a customers-at-end error was the month before's),
        # and its figures that found an error with ISERROR alone (an error's code as text was none: error_texts.py),
        # and C12, C13 naming their cells at fixed places (H201's finding 04), and its NPS of answers only (669c5233),
        # and B7, B8 before an own churn pasted as text ('3%') was read as its number (94667098), and the Dashboard's
        # B6, C6 before its latest CRR was found by itself (02eb5da9), and its chart columns and latest figures before
        # a rate typed outside its range was a gap and said where it is (H261), and its Revenue rates before a month
        # with none of its movements typed was #VALUE! (H325), and its notes beside the NPS and CLV (H347), and its
        # Revenue lost/gained MRR and rates before a movement typed below 0 was #NUM! there too (20f84182), and every
        # formula reading a count or MRR typed before a boolean there was #VALUE! (H474: Customers' lost, CRR, churn
        # and months with customers at end too), and 'Lifetime value'!B11 before TRUE in ARPA or the margin was
        # #VALUE! there (4bd2b4ee)
        "brought the formulas an earlier version of the template wrote up to this version's, as the new months have "
        "them (formulas of your own are kept): 'Customers'!B3:B25, 'Customers'!E2:E25, 'Customers'!F2:F25, "
        "'Customers'!G2:G25, 'Customers'!I2:I25, 'Customers'!K2:K25 and 56 more"
    )
    assert lines[1:] == [
        f"{KEPT} (charts 17 cm wide at H12, A30, ...; printed A1:Q66 on one portrait page, about a third of its "
        f"size) as {said}: move or clear that, or lay it out yourself (this version's charts span A12:G52, printed "
        "landscape one page wide)",
        WIDENED,  # its notes in B whole whatever the layout
    ]
    after = _parts(path)
    assert after[DRAWING] == before[DRAWING]
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert ws[ref].value == "mine" and ws["A66"].value == NOTE and ws.print_area == "'Dashboard'!$A$1:$Q$66"
    # (the notes beside the NPS and CLV added all the same: cells of the template's, H347)
    assert ws.page_setup.orientation == "portrait" and {str(r) for r in ws.merged_cells.ranges} == {"E8:G8", "E9:G9"}


def _edit(path: Path, name: str, old: bytes, new: bytes) -> None:
    package = ip.Package(path)
    assert package.data[name].count(old) == 1, old
    package.data[name] = package.data[name].replace(old, new)
    package.save()


def test_a_chart_resized_or_a_print_area_of_the_users_keeps_the_dashboard_as_it_is(tmp_path):
    path = _tracker(tmp_path, "resized.xlsx")  # the NPS chart (H48) made taller
    anchor = b'<from><col>7</col><colOff>0</colOff><row>47</row><rowOff>0</rowOff></from><ext cx="6120000" cy="3060000"'
    _edit(path, DRAWING, anchor, anchor.replace(b"3060000", b"4060000"))
    result = run("extend", path, "--months", "1")
    assert "as its chart 'NPS with its 95% margin of error' at H48 is not as large as the earlier template drew it" in (
        result.stdout
    )
    assert _boxes(openpyxl.load_workbook(path)["Dashboard"])["NPS with its 95% margin of error"] == ("H48", 6120000)
    path = _tracker(tmp_path, "area.xlsx")  # printed A1:Q70
    _edit(path, "xl/workbook.xml", b"'Dashboard'!$A$1:$Q$66", b"'Dashboard'!$A$1:$Q$70")
    result = run("extend", path, "--months", "1")
    assert "as its print area is yours ('Dashboard'!$A$1:$Q$70)" in result.stdout
    assert openpyxl.load_workbook(path)["Dashboard"].print_area == "'Dashboard'!$A$1:$Q$70"


def test_a_line_of_the_users_in_a2_stays_unmerged_while_the_rest_is_laid_out(tmp_path):
    path = _tracker(tmp_path)
    _put(path, "Dashboard", "A2", "Board pack, monthly")
    assert run("extend", path, "--months", "1").returncode == 0
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert ws["A2"].value == "Board pack, monthly" and not ws["A2"].alignment.wrap_text
    assert {str(r) for r in ws.merged_cells.ranges} == {"E8:G8", "E9:G9", "A10:G10", "A54:G54"}
    assert _boxes(ws) == BOXES and ws.print_area == "'Dashboard'!$A$1:$G$54"


def _words(pdf: Path) -> list[str]:
    import subprocess

    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [
        " ".join(re.findall(r"<word [^>]*>([^<]*)</word>", page))
        for page in re.findall(r"<page\b.*?</page>", xml, re.S)
    ]


@pytest.mark.skipif(libreoffice.soffice_path() is None or shutil.which("pdftotext") is None, reason="no LibreOffice")
def test_libreoffice_prints_the_laid_out_dashboard_on_two_landscape_pages(tmp_path):
    """Before: one portrait page holding A1:Q66; after: the figures and two charts, then four charts and the note,
    as a tracker of this version prints (tests/test_dashboard_print_layout.py)."""
    path = _tracker(tmp_path)
    assert run("extend", path, "--months", "1").returncode == 0
    only = libreoffice.only_sheet(path, "Dashboard", tmp_path / "only.xlsx")
    pages = _words(libreoffice.render_pdf(only, tmp_path / "out"))
    at = next(i for i, text in enumerate(pages) if "Latest figures" in text)
    first, second = pages[at], pages[at + 1]
    for title in ("Latest figures", "Customers at end of month", "MRR movements by month"):
        assert title in first and title not in second, title
    for title in ("Customer retention (CRR)", "Net and gross revenue", "MRR at end of month", "NPS with its 95%"):
        assert title in second and title not in first, title
    assert "fits the charts to the months" in second
    assert "The last full month" not in first  # (no month in progress: A2 empty)
    assert all(title not in " ".join(pages[at + 2 : at + 3]) for title in TEMPLATE_CHARTS)


@pytest.mark.skipif(libreoffice.soffice_path() is None, reason="no LibreOffice")
def test_an_earlier_tracker_saved_by_libreoffice_is_laid_out_too(tmp_path):
    """LibreOffice re-saves the charts as two-cell anchors (editAs oneCell) with their frames 6119640 EMU wide, the
    print area unquoted ('Dashboard!$A$1:$Q$66'), its own page setup attributes and margins of 0.5118 inch."""
    saved = libreoffice.recalculate(_tracker(tmp_path), tmp_path / "lo")
    drawing = _parts(saved)[DRAWING]
    assert drawing.count(b'<xdr:twoCellAnchor editAs="oneCell">') == 6 and b'cx="6119640"' in drawing
    result = run("extend", saved, "--months", "1")
    assert result.returncode == 0, result.stderr
    assert LAID_OUT in result.stdout
    ws = openpyxl.load_workbook(saved)["Dashboard"]
    assert _boxes(ws) == BOXES
    assert (ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == ("landscape", 1, 0)
    assert ws.print_area in ("'Dashboard'!$A$1:$G$54", "Dashboard!$A$1:$G$54")
    assert {str(r) for r in ws.merged_cells.ranges} == {"A2:G2", "E8:G8", "E9:G9", "A10:G10", "A54:G54"}
    assert ws["A54"].value == NOTE and ws["A66"].value is None and ws["A54"].alignment.wrap_text


def test_a_cell_of_the_users_below_the_earlier_print_area_stays_readable(tmp_path):
    """A70 (below A1:Q66, printed by neither layout) is no reason to keep the earlier layout, and stays where it is,
    within the sheet's dimension (was cut to A1:G54: openpyxl's read-only rows stopped at 54)."""
    import pandas as pd

    path = _tracker(tmp_path)
    _put(path, "Dashboard", "A70", "mine below")
    _edit(path, "xl/worksheets/sheet2.xml", b'<dimension ref="A1:G66" />', b'<dimension ref="A1:G70" />')  # as Excel
    result = run("extend", path, "--months", "1")
    assert LAID_OUT in result.stdout, result.stdout
    frame = pd.read_excel(path, sheet_name="Dashboard", header=None)
    assert frame.iloc[69, 0] == "mine below"
    dashboard = openpyxl.load_workbook(path, read_only=True)["Dashboard"]  # its rows as the sheet's dimension says
    assert dashboard.max_row >= 70


def test_a_formula_of_the_users_reading_the_note_in_a66_keeps_the_dashboard_as_it_is(tmp_path):
    path = _tracker(tmp_path)
    package = ip.Package(path)
    xml = package.sheet("Lifetime value")
    xml.put("F2", b'<c r="F2" t="str"><f>Dashboard!A66</f></c>')
    package.save()
    before = _parts(path)[DRAWING]
    result = run("extend", path, "--months", "1")
    assert result.returncode == 0, result.stderr
    assert "as 'Lifetime value'!F2 reads A66, the note that would move to A54: move or clear that" in result.stdout
    assert _parts(path)[DRAWING] == before
    assert openpyxl.load_workbook(path)["Dashboard"]["A66"].value == NOTE


def test_a_chart_of_an_even_earlier_title_is_still_the_templates_where_it_moves(tmp_path):
    """The CRR chart of trackers made before its retitling ('Customer retention (CRR); churn = 1 - CRR', at A30) moves
    to A26 like the others and is still the template's there (recalc fits it, import stretches it)."""
    path = _tracker(tmp_path)
    old = b"<a:t>Customer retention (CRR)</a:t>"
    _edit(path, "xl/charts/chart3.xml", old, b"<a:t>Customer retention (CRR); churn = 1 - CRR</a:t>")
    result = run("extend", path, "--months", "1")
    assert LAID_OUT in result.stdout, result.stdout
    boxes = _boxes(openpyxl.load_workbook(path)["Dashboard"])
    assert boxes["Customer retention (CRR); churn = 1 - CRR"] == BOXES["Customer retention (CRR)"]
    assert len(template_chart_parts(ip.Package(path))) == 6
