"""Workbook and presentation faults found by trying the tracker as users do (H11 w06, session 4 fixes).

- A user's own chart on the Dashboard (below the template's), a copy of a template chart moved elsewhere and a chart
  of theirs beside the columns it reads keep their ranges byte for byte through recalc and import; only the
  template's own charts (a template title at the template's cell on the Dashboard) are fitted to the months.
- The NPS margin of error with 1-3 answers in a month (95%), or every answer in one group, has no value: the
  template leaves it blank, NPS_MOE gives #NUM! (was 0, or up to 196 points), --to-csv leaves it blank.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from cli_process import run
from openpyxl.chart import LineChart, Reference

import xl_retention as xr
from xl_retention import metrics
from xl_retention.recalculation import recalc_file
from xl_retention.tables.surveys import nps_by_month
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip
from xl_retention.workbook.chart_ranges import TEMPLATE_CHARTS, chart_title, reset_chart_ranges
from xl_retention.workbook.monthly import NPS_MOE_MIN_RESPONSES

Z95 = 1.959963984540054


def chart_parts(path: Path) -> dict[str, bytes]:
    """Chart title -> its part's bytes (every chart of the tests has a title of its own)."""
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n) for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    out: dict[str, bytes] = {}
    for xml in parts:
        title = chart_title(xml)
        out[title if title not in out else title + " (2)"] = xml
    return out


def refs(xml: bytes) -> list[str]:
    return re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", xml.decode())


def _user_chart(ws, data, title: str, last: int, anchor: str) -> None:
    chart = LineChart()
    chart.title = title
    chart.add_data(Reference(data, min_col=8, min_row=1, max_row=last), titles_from_data=True)  # H: end (chart)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=last))
    ws.add_chart(chart, anchor)


def test_a_users_own_charts_keep_their_ranges_byte_for_byte_only_the_templates_are_fitted(tmp_path):
    """12 months, figures in January-March: the template's "Customers at end of month" goes to rows 3-4; the user's
    January-June charts (H2:H7) on the Dashboard below the template's, a copy of
    the template's chart (same title) moved to A90, and one on the Customers sheet keep H2:H7."""
    inputs = {"Customers": {"start": [0], "gained": [5, 2, 3], "end": [5, 6, 8]}}
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12, inputs=inputs)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    assert customers["H1"].value == "Customers at end (chart)"
    _user_chart(wb["Dashboard"], customers, "First half of 2026", 7, "A70")
    _user_chart(wb["Dashboard"], customers, "Customers at end of month", 7, "A90")  # a copy, moved
    _user_chart(customers, customers, "Beside the columns", 7, "T2")
    wb.save(path)
    before = chart_parts(path)
    assert refs(before["First half of 2026"])[1:] == ["'Customers'!$A$2:$A$7", "'Customers'!$H$2:$H$7"]
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    after = chart_parts(tmp_path / "r.xlsx")
    for title in ("First half of 2026", "Customers at end of month (2)", "Beside the columns"):
        assert after[title] == before[title], title
    # the sheet's charts show the months where CRR is defined too: February and March (nobody at January's start)
    assert refs(after["Customers at end of month"]) == ["'Customers'!$A$3:$A$4", "'Customers'!$H$3:$H$4"]
    package = ip.Package(tmp_path / "r.xlsx")
    assert reset_chart_ranges(package) == 6  # import gives the template's six charts every month back, only them
    package.save()
    again = chart_parts(tmp_path / "r.xlsx")
    for title in ("First half of 2026", "Customers at end of month (2)", "Beside the columns"):
        assert again[title] == before[title], title
    assert refs(again["Customers at end of month"]) == ["'Customers'!$A$2:$A$13", "'Customers'!$H$2:$H$13"]


def test_the_templates_charts_are_drawn_at_the_cells_that_identify_them(tmp_path):
    path = build_template(tmp_path / "t.xlsx", months=3)
    wb = openpyxl.load_workbook(path)
    placed = {}
    for chart in wb["Dashboard"]._charts:
        title = "".join(r.t for p in chart.title.tx.rich.p for r in p.r)
        start = chart.anchor._from
        placed[title] = f"{openpyxl.utils.get_column_letter(start.col + 1)}{start.row + 1}"
    assert placed == TEMPLATE_CHARTS


# -- the NPS margin of error where it has no value ------------------------------------------------------------------
def test_nps_moe_is_the_contracts_formula_at_any_number_of_answers():
    """docs/metrics.md defines NPS_MOE by its formula alone: with 1-3 answers it can pass 100 points and with every
    answer in one group it is 0; metrics.nps_moe_defined says where the template shows it."""
    # 4 answers, 2 promoters, 1 passive, 1 detractor: p = 1/2, d = 1/4
    want = Z95 * 100 * math.sqrt(((1 / 2 + 1 / 4) - (1 / 2 - 1 / 4) ** 2) / 4)
    assert xr.nps_moe([10, 9, 7, 0]) == pytest.approx(want, rel=1e-15)
    assert xr.nps_moe([10, 9, 7, 0]) == pytest.approx(81.25581424161612, rel=1e-15)
    assert xr.nps_moe([10, 0]) == pytest.approx(Z95 * 100 * math.sqrt(1 / 2), rel=1e-15)  # 138.6: past 100
    assert xr.nps_moe([10, 9, 10, 10]) == 0.0  # one group
    assert (metrics.nps_moe_min_responses(), metrics.nps_moe_min_responses(0.99)) == (4, 7)  # ceil(z^2)
    assert metrics.nps_moe_min_responses(0.95) == NPS_MOE_MIN_RESPONSES  # the template's formula uses it
    assert metrics.nps_moe_defined([2, 1, 4, 0], [1, 1, 0, 0], [4, 2, 4, 5]).tolist() == [True, False, False, False]
    assert metrics.nps_moe_from_counts([2, 3], [1, 2], [4, 7]).tolist() == [
        pytest.approx(81.25581424161612, rel=1e-15),
        pytest.approx(61.70786056491141, rel=1e-15),
    ]


def test_the_templates_margin_of_error_is_blank_where_it_has_no_value(tmp_path):
    scores = [[10], [10, 0], [10, 0, 7], [10, 9, 7, 0], [9, 10, 9, 10], [10, 11, 0, 7]]
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6, inputs={"NPS scores": scores})
    result = recalc_file(path, tmp_path / "r.xlsx")
    assert result.status == "ok"
    nps = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["NPS"]
    assert nps["G1"].value == "Margin of error (95%)"
    margin = [nps[f"G{r}"].value for r in range(2, 8)]
    assert margin == [None, None, None, pytest.approx(81.25581424161612, rel=1e-15), None, "#NUM!"]
    assert [nps[f"F{r}"].value for r in range(2, 6)] == [100, 0, 0, 25]
    # the error bars: the margin where it has one, nothing (blank, no bar) elsewhere, #N/A for the error
    assert [nps[f"I{r}"].value for r in range(2, 8)] == [None, None, None, margin[3], None, "#N/A"]
    assert [issue.address for issue in result.errors if issue.address.startswith("NPS!G")] == ["NPS!G7"]


def test_to_csv_gives_the_contracts_margin_at_any_number_of_answers():
    answers = pd.DataFrame(
        {"date": ["2026-01-03"] * 2 + ["2026-02-03"] * 4 + ["2026-03-01"] * 4, "score": [10, 0, 10, 9, 7, 0, *[9] * 4]}
    )
    table = nps_by_month(answers)
    assert table["nps"].tolist() == [0.0, 25.0, 100.0]
    moe = table["nps_moe"].tolist()
    assert moe[0] == pytest.approx(Z95 * 100 * math.sqrt(1 / 2), rel=1e-15)
    assert moe[1] == pytest.approx(81.25581424161612, rel=1e-15) and moe[2] == 0.0


def test_import_widens_a_tracker_made_with_the_earlier_margin_formula_to_the_new_one(tmp_path):
    """A tracker whose NPS!G holds the earlier template's =IF(COUNTA(..)=0,"",NPS_MOE(..)): more answers than it reads
    are imported: its formulas are widened and become the template's (blank with 1-3 answers)."""
    book = build_template(tmp_path / "tracker.xlsx", start="2025-01", months=2)
    wb = openpyxl.load_workbook(book)
    for row, letter in ((2, "B"), (3, "C")):
        scores = f"'NPS scores'!{letter}$2:{letter}$1001"
        wb["NPS"][f"G{row}"] = f'=IF(COUNTA({scores})=0,"",NPS_MOE({scores}))'
    wb.save(book)
    answers = "date,score\n" + "2025-02-03,9\n" * 1000 + "2025-02-04,3\n" + "2025-01-05,3\n"
    (tmp_path / "nps.csv").write_text(answers)
    result = run("import", "--nps", tmp_path / "nps.csv", "--into", book, "--recalc")
    assert result.returncode == 0, result.stderr
    nps = openpyxl.load_workbook(book)["NPS"]
    # the template's formula (since c631d59f its margin of typed counts too: NPS_MOE_FROM_COUNTS), widened to row 1002
    fresh = build_template(tmp_path / "fresh.xlsx", start="2025-01", months=2)
    template = openpyxl.load_workbook(fresh)["NPS"]["G3"].value
    assert "NPS_MOE_FROM_COUNTS(" in template and template.count("C$1001") == 2
    assert nps["G3"].value == template.replace("C$1001", "C$1002")
    values = openpyxl.load_workbook(book, data_only=True)["NPS"]
    # January: 1 answer, blank; February: 1000 promoters, 1 detractor: p = 1000/1001, d = 1/1001
    p, d = 1000 / 1001, 1 / 1001
    assert values["G2"].value is None
    assert values["G3"].value == pytest.approx(Z95 * 100 * math.sqrt(((p + d) - (p - d) ** 2) / 1001), rel=1e-12)


# -- the monthly sheets hold their tables only -----------------------------------------------------------------------
def test_pandas_reads_each_monthly_sheet_as_its_table_and_the_note_is_the_headers_comment(tmp_path):
    """A tracker of 3 months, January-February customers typed, recalculated: read_excel gives 3 rows, the last one
    March (was a 4th row holding the sheet's note), and import's new months stay one table."""
    from xl_retention.workbook.monthly import MONTHLY_SHEETS

    inputs = {"Customers": {"start": [10], "gained": [2, 3], "end": [11, 12]}}
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3, inputs=inputs)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    customers = pd.read_excel(tmp_path / "r.xlsx", sheet_name="Customers")
    assert customers["Month"].tolist() == [pd.Timestamp(f"2026-{m:02d}-01") for m in (1, 2, 3)]
    assert customers["Customers at end"].tolist()[:2] == [11, 12] and math.isnan(customers["Customers at end"][2])
    assert customers["Lost"].tolist()[:2] == [1, 2]
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    for spec in MONTHLY_SHEETS:
        ws = book[spec.title]
        assert ws.max_row == 4, spec.title  # the header and 3 months, nothing under them
        assert ws["A1"].value == "Month" and ws["A1"].comment.text == spec.note, spec.title
        assert pd.read_excel(tmp_path / "r.xlsx", sheet_name=spec.title).shape[0] == 3, spec.title
    # import into a new 3-month tracker adds April and May: still one table of 5 months, the comment kept
    fresh = build_template(tmp_path / "fresh.xlsx", start="2026-01", months=3)
    rows = ["a,2026-01,10", "b,2026-01,20", "a,2026-02,10", "a,2026-03,10", "b,2026-03,20", "b,2026-04,20"]
    subs = "customer_id,month,mrr\n" + "\n".join([*rows, "a,2026-05,10", "c,2026-05,5"]) + "\n"
    (tmp_path / "subs.csv").write_text(subs)
    result = run("import", "--subscriptions", tmp_path / "subs.csv", "--into", fresh, "--recalc")
    assert result.returncode == 0, result.stderr
    grown = pd.read_excel(fresh, sheet_name="Customers")
    assert grown["Month"].tolist() == [pd.Timestamp(f"2026-{m:02d}-01") for m in range(1, 6)]
    assert grown["Customers at end"].tolist() == [2, 1, 2, 1, 2]
    assert openpyxl.load_workbook(fresh)["Customers"]["A1"].comment.text == MONTHLY_SHEETS[0].note


# -- one line per kind of error ----------------------------------------------------------------------------------------
def test_recalc_prints_one_line_per_kind_of_error_naming_the_cells_ranges(tmp_path):
    """B2:B4 and D2 divide by 0 (one #DIV/0! kind, its divisors named), C2:C3 read B2 (the same error, from B2); E2
    is =CRR of an impossible month (its own reason): two lines, each naming its cells as ranges."""
    from xl_retention.cli import cell_ranges, error_kinds

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "My data"
    for row in (2, 3, 4):
        ws[f"A{row}"], ws[f"B{row}"] = 0, f"=1/A{row}"
    ws["C2"], ws["C3"], ws["D2"] = "=B2+1", "=B2*2", "=5/A2"
    ws["E2"] = "=CRR(10,20,5)"  # 20 gained, 10 at the end: impossible
    wb.save(tmp_path / "w.xlsx")
    result = run("recalc", tmp_path / "w.xlsx", "--engine", "embedded", "--output-dir", tmp_path / "out")
    lines = [line for line in result.stdout.splitlines() if line.startswith(str(tmp_path / "w.xlsx") + ": ")]
    report = recalc_file(tmp_path / "w.xlsx", tmp_path / "again.xlsx")
    kinds = error_kinds(report.errors)
    assert [(error, len(cells)) for error, _, cells in kinds] == [("#DIV/0!", 6), ("#NUM!", 1)]
    assert cell_ranges(kinds[0][2]) == "'My data'!B2:D2, 'My data'!B3:C3, 'My data'!B4"
    assert len(lines) == 2, result.stdout
    assert lines == [
        f"{tmp_path / 'w.xlsx'}: 'My data'!B2:D2, 'My data'!B3:C3, 'My data'!B4 (6 cells) = #DIV/0!: formulas divide "
        "by a cell holding 0 or blank: 'My data'!A2, which is 0; 'My data'!A3, which is 0; 'My data'!A4, which is 0",
        f"{tmp_path / 'w.xlsx'}: 'My data'!E2 = #NUM!: CRR: customers_end (10) is below customers_gained (20): the "
        "customers at the end include everyone gained who stayed (#NUM!)",
    ]


def test_cell_ranges_joins_runs_and_rectangles():
    from xl_retention.cli import cell_ranges

    cells = ["S!A1", "S!B1", "S!A2", "S!B2", "S!D5", "S!D6", "S!F1", "T's!C3"]
    assert cell_ranges(cells) == "S!A1:B2, S!F1, S!D5:D6, 'T''s'!C3"
    assert cell_ranges(["Cohorts!B22"]) == "Cohorts!B22"


def test_the_templates_charts_are_recognised_in_a_drawing_as_excel_writes_it(tmp_path):
    """Excel (and LibreOffice) save the Dashboard's drawing with the xdr: prefix, two-cell anchors and the chart's
    relationship id after namespace declarations: the template's charts are found there too, a user's is not."""
    from xl_retention.workbook.chart_ranges import template_chart_parts

    path = build_template(tmp_path / "t.xlsx", months=3)
    with zipfile.ZipFile(path) as z:
        drawing = z.read("xl/drawings/drawing1.xml").decode()
    excel = re.sub(r"<(/?)(wsDr|twoCellAnchor|from|to|col|colOff|row|rowOff|ext|graphicFrame|nvGraphicFramePr|cNvPr|"
                   r"cNvGraphicFramePr|xfrm|clientData)\b", r"<\1xdr:\2", drawing)  # fmt: skip
    excel = excel.replace('xmlns="http://schemas', 'xmlns:xdr="http://schemas', 1)
    excel = excel.replace("<xdr:twoCellAnchor>", '<xdr:twoCellAnchor editAs="oneCell">')
    excel = excel.replace(
        '<c:chart r:id="rId6" />', '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId6"/>'
    )  # fmt: skip
    assert excel.count("<xdr:twoCellAnchor") == 6 and 'xmlns:r="http' in excel
    package = ip.Package(path)
    package.data["xl/drawings/drawing1.xml"] = excel.encode()
    assert template_chart_parts(package) == {f"xl/charts/chart{i}.xml" for i in range(1, 7)}
    # the same drawing with the NPS chart moved to D70 (a user's place): not the template's any more
    head, tail = excel.rsplit("<xdr:row>39</xdr:row>", 1)  # the last anchor's start: the NPS chart's, at D40
    moved = head + "<xdr:row>69</xdr:row>" + tail
    package.data["xl/drawings/drawing1.xml"] = moved.encode()
    assert template_chart_parts(package) == {f"xl/charts/chart{i}.xml" for i in range(1, 6)}
