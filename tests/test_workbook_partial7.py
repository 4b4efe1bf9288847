"""Workbook faults of partly filled and grown trackers (H53, session 7).

- Months an import adds past a tracker's last month: a formula of the user's own over the months (a total on the
  Dashboard or beside the months, an average on a sheet of their own, a conditional format) kept reading the old
  months only, while the defined names and charts took in the new ones (a 3-month tracker grown to 6:
  =SUM(Customers!C2:C4) gave 5 for 7).
- "NPS scores" printed every month on one page's width: 120 months at a few points a column, unreadable. It prints
  12 months a page across now, the Response column on each, and a tracker grown by an import gets the pages too.
- A Dashboard the user renamed ("Overview"): recalc and import no longer fitted its charts to the months with data,
  so Excel drew every month after the data (and the first, which has no rate) as 0: retention "collapsed" to 0%.
- A gross margin typed as 80 (for 80%) on Lifetime value: the constant-churn CLV was #NUM!, but the margin per month
  beside it was 4,000 (50 x 80) and fed the sBG lifetime value; it is #NUM! now, computed as CLV computes it.
- A loss typed as a negative amount on Revenue (churned -100): the rates were #NUM!, but the MRR at end added it
  (1470 for 1230) and every later month started from there, the Dashboard's latest MRR too; it is #NUM! now.
- A formula of the user's own reading a Cohorts cell (=Cohorts!B16, the sBG alpha of a 3-month tracker) read
  whatever the grown Cohorts sheet put there after an import added months (a retention share, 1.0); it follows its
  table now (=Cohorts!B22).

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.workbook import build_template
from xl_retention.workbook.stretch import stretch_formula
from xl_retention.workbook.template import REVENUE, render_formula

sys.path.insert(0, str(Path(__file__).parent))
import libreoffice  # noqa: E402  (the tests' LibreOffice harness)
from cli_process import run

needs_printing = pytest.mark.skipif(
    libreoffice.soffice_path() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed",
)

SUBSCRIPTIONS = """customer_id,month,mrr
a,2026-01,10
b,2026-01,10
c,2026-01,10
a,2026-02,10
b,2026-02,10
d,2026-02,20
a,2026-03,10
d,2026-03,20
e,2026-03,20
a,2026-04,10
d,2026-04,20
e,2026-04,20
f,2026-04,20
a,2026-05,10
e,2026-05,20
f,2026-05,20
a,2026-06,10
e,2026-06,20
f,2026-06,20
g,2026-06,20
"""


def test_stretch_formula_takes_ranges_over_the_months_only() -> None:
    rows = (25, 28)
    assert stretch_formula("=SUM(Customers!C2:C25)", "Customers", rows=rows) == "=SUM(Customers!C2:C28)"
    assert stretch_formula("=AVERAGE('Customers'!$F$3:$F$25)", "Customers", rows=rows) == (
        "=AVERAGE('Customers'!$F$3:$F$28)"
    )
    kept = [
        "=Customers!D25",  # one cell: the old last month itself
        "=SUM(Customers!B25:E25)",  # one row
        "=SUM(Revenue!C2:C25)",  # another sheet
        "=SUM(Customers!C2:C24)",  # ends before the last month
        '=IF(A1="Customers!C2:C25",1,2)',  # text
        "=SUM([1]Customers!C2:C25)",  # another workbook
        "=SUM(C2:C25)",  # no sheet name, not on the sheet
    ]
    for formula in kept:
        assert stretch_formula(formula, "Customers", rows=rows) == formula
    assert stretch_formula("=SUM(C2:C25)", "Customers", rows=rows, local=True) == "=SUM(C2:C28)"
    running = "=D25/SUM($D$2:$D$25)+COUNT($D$2:D25)"  # in a month row: the total of every month only
    assert stretch_formula(running, "Customers", rows=rows, local=True, fixed=True) == (
        "=D25/SUM($D$2:$D$28)+COUNT($D$2:D25)"
    )
    assert stretch_formula("=COUNTA('NPS scores'!B2:Y1001)", "NPS scores", columns=(25, 27)) == (
        "=COUNTA('NPS scores'!B2:AA1001)"
    )
    assert stretch_formula("=COUNTA('NPS scores'!Y$2:Y$1001)", "NPS scores", columns=(25, 27)) == (
        "=COUNTA('NPS scores'!Y$2:Y$1001)"  # one month's answers (the NPS formulas' own)
    )


def test_users_formulas_over_the_months_take_in_the_months_an_import_adds(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    mine = wb.create_sheet("Mine")
    mine["A1"] = "=SUM(Customers!C2:C4)"
    mine["A2"] = "=AVERAGE(Customers!F2:F4)"
    mine["A3"] = "=SUM('Revenue'!$C$2:$C$4)"
    mine["A4"] = "=SUM(MyGained)"
    mine["A5"] = "=Customers!D4"
    mine["A6"] = "=COUNTA('NPS scores'!B2:D1001)"
    mine["A7"] = '="Customers!C2:C4"'
    wb.defined_names["MyGained"] = DefinedName("MyGained", attr_text="Customers!$C$2:$C$4")
    wb["Dashboard"]["J5"] = "=SUM(Customers!C2:C4)"
    wb["Customers"]["C30"] = "=SUM(C2:C4)"  # a total of the user's own far below the months
    wb["Customers"]["M2"] = "=SUM($C$2:$C$4)"  # a total beside the months
    for row in range(2, 5):  # a share of every month, filled down
        wb["Customers"][f"N{row}"] = f"=D{row}/SUM($D$2:$D$4)"
    red = PatternFill(start_color="FF0000", end_color="FF0000", fill_type="solid")
    mine.conditional_formatting.add("B1", FormulaRule(formula=["B1>MAX(Customers!$D$2:$D$4)"], fill=red))
    wb.save(path)
    csv = tmp_path / "subs.csv"
    csv.write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", csv, "--into", path, "--recalc")
    assert result.returncode == 0, result.stderr
    assert "added months 2026-04 to 2026-06" in result.stdout
    wb = openpyxl.load_workbook(path)
    assert [c.value for c in wb["Mine"]["A"]] == [
        "=SUM(Customers!C2:C7)",
        "=AVERAGE(Customers!F2:F7)",
        "=SUM('Revenue'!$C$2:$C$7)",
        "=SUM(MyGained)",
        "=Customers!D4",
        "=COUNTA('NPS scores'!B2:G1001)",
        '="Customers!C2:C4"',
    ]
    assert wb["Dashboard"]["J5"].value == "=SUM(Customers!C2:C7)"
    assert wb["Customers"]["C30"].value == "=SUM(C2:C7)"
    assert wb["Customers"]["J4"].value == '=IF(ISNUMBER(G4),COUNT($G$2:G4),"")'  # a month's own: unchanged
    assert wb["Customers"]["M2"].value == "=SUM($C$2:$C$7)"
    assert [wb["Customers"][f"N{row}"].value for row in range(2, 8)] == [f"=D{r}/SUM($D$2:$D$7)" for r in range(2, 8)]
    rules = [r.formula for rng in wb["Mine"].conditional_formatting for r in rng.rules]
    assert rules == [["B1>MAX(Customers!$D$2:$D$7)"]]
    values = openpyxl.load_workbook(path, data_only=True)
    # gained: January 3, February 1, March 1, April 1, May 0, June 1
    # CRR February to June: 2/3, 2/3, 1, 3/4 (d lost of 4), 1
    crr = pytest.approx((2 / 3 + 2 / 3 + 1 + 3 / 4 + 1) / 5)
    assert [c.value for c in values["Mine"]["A"]][:5] == [7, crr, 110, 7, 3]
    assert values["Dashboard"]["J5"].value == 7


def test_nps_scores_print_a_year_a_page_across(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2017-01", months=120))["NPS scores"]
    assert ws.page_setup.fitToWidth == 10 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert [b.id for b in ws.col_breaks.brk] == [13 + 12 * k for k in range(9)]  # before N, Z, ...: 12 months each
    assert ws.print_title_cols == "$A:$A" and ws.print_title_rows == "$1:$1"
    small = openpyxl.load_workbook(build_template(tmp_path / "s.xlsx", start="2026-01", months=12))["NPS scores"]
    assert small.page_setup.fitToWidth == 1 and not small.col_breaks.brk


def test_an_import_adding_months_gives_nps_scores_its_pages(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    csv = tmp_path / "nps.csv"
    csv.write_text("date,score\n2025-05-03,9\n2025-06-01,3\n2025-09-02,10\n2026-04-04,7\n")
    result = run("import", "--nps", csv, "--into", path)
    assert result.returncode == 0, result.stderr
    assert "added months 2025-04 to 2026-04" in result.stdout
    ws = openpyxl.load_workbook(path)["NPS scores"]
    assert ws.max_column == 17  # Response and 16 months
    assert ws.page_setup.fitToWidth == 2
    assert [b.id for b in ws.col_breaks.brk] == [13]
    assert ws.print_title_cols == "$A:$A"


@needs_printing
def test_libreoffice_prints_120_months_of_nps_scores_readably(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2017-01", months=120)
    wb = openpyxl.load_workbook(path)
    for title in wb.sheetnames:
        if title != "NPS scores":
            del wb[title]
    ws = wb["NPS scores"]
    for column in range(2, 122):
        ws.cell(row=2, column=column, value=column % 11)
    ws.cell(row=2, column=1, value=1)
    wb.save(path)
    pdf = libreoffice.render_pdf(path, tmp_path / "pdf")
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = boxes.count("<page ")
    assert pages == 10  # a year a page
    heights = [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Jan<', boxes)]
    assert len(heights) == 10 and min(heights) >= 8  # month headers at a readable size (were under 2 points)


def _renamed(path: Path, old: str, new: str) -> None:
    """The sheet ``old`` renamed ``new`` as Excel does it: its name and every reference to it."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename.endswith(".xml"):
                text = data.decode().replace(f"'{old}'!", f"'{new}'!").replace(f"&apos;{old}&apos;!", f"'{new}'!")
                data = text.replace(f'name="{old}"', f'name="{new}"').encode()
            target.writestr(info, data)


def test_a_renamed_dashboards_charts_are_fitted_to_the_months_with_data(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    _renamed(path, "Dashboard", "Overview")
    csv = tmp_path / "subs.csv"
    csv.write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", csv, "--into", path, "--recalc")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        assert 'name="Overview"' in package.read("xl/workbook.xml").decode()
        ranges = {
            name: sorted(set(re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", package.read(name).decode())))
            for name in names
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name)
        }
    # February (row 3, the first month with a CRR) to June (row 7): July to December would be drawn as 0
    assert ranges["xl/charts/chart1.xml"] == ["'Customers'!$A$3:$A$7", "'Customers'!$H$3:$H$7"]
    assert ranges["xl/charts/chart3.xml"] == ["'Customers'!$A$3:$A$7", "'Customers'!$I$3:$I$7"]
    assert ranges["xl/charts/chart6.xml"] == ["'NPS'!$A$14:$A$14", "'NPS'!$H$14:$H$14", "'NPS'!$I$14:$I$14"]


def test_a_gross_margin_typed_as_a_whole_percent_is_no_margin_of_thousands(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    for row, (start, gained, end) in enumerate([(100, 10, 105), (None, 8, 100), (None, 5, 100)], start=2):
        if start is not None:
            customers.cell(row=row, column=2, value=start)
        customers.cell(row=row, column=3, value=gained)
        customers.cell(row=row, column=4, value=end)
    lifetime = wb["Lifetime value"]
    lifetime["B3"], lifetime["B4"] = 50, 80  # 80 for 80%
    wb.save(path)
    good = tmp_path / "good.xlsx"
    wb["Lifetime value"]["B4"] = 0.8
    wb.save(good)
    result = run("recalc", path, good, "--in-place")
    assert "CLV: gross_margin must be a rate between 0 and 1, got 80" in result.stdout + result.stderr
    values = openpyxl.load_workbook(path, data_only=True)["Lifetime value"]
    assert values["B8"].value == "#NUM!" and values["B11"].value == "#NUM!"  # B11 was 4,000 a month
    assert values["B13"].value is None  # no sBG fit (no cohorts): blank, as before
    values = openpyxl.load_workbook(good, data_only=True)["Lifetime value"]
    assert values["B11"].value == 40  # 50 x 80%
    churn = (5 / 100 + 13 / 105 + 5 / 100) / 3  # lost / at start: January 5 of 100, February 13 of 105, March 5 of 100
    assert values["B5"].value == pytest.approx(churn)
    assert values["B8"].value == pytest.approx(40 * 1.01 / (0.01 + churn))


def test_a_negative_movement_on_revenue_is_no_mrr_at_end(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    revenue = wb["Revenue"]
    revenue["B2"] = 1000
    months = [(100, 0, 0, 0, 0), (200, 50, 0, -20, -100), (100, 0, 0, 20, 50)]  # February's losses typed as negatives
    for row, amounts in enumerate(months, start=2):
        for column, amount in enumerate(amounts, start=3):
            revenue.cell(row=row, column=column, value=amount)
    wb.save(path)
    result = run("recalc", path, "--in-place")
    # the rates' reason names the typed cells, as MRR at end's does (20f84182; was NRR's "lost_mrr ... got -120")
    assert "Revenue!F3 (Contraction MRR) is -20, Revenue!G3 (Churned MRR) is -100, below 0 (#NUM!)" in result.stdout
    values = openpyxl.load_workbook(path, data_only=True)
    sheet = values["Revenue"]
    assert sheet["H2"].value == 1100
    # was 1470 (1100 + 200 + 50 + 20 + 100) and March 1500, on the Dashboard as the latest MRR, silently
    assert [sheet[ref].value for ref in ("H3", "B4", "H4", "M3")] == ["#NUM!"] * 4
    assert sheet["I3"].value == "#NUM!"  # lost MRR of typed negatives: no sum for the rates to read (20f84182)
    # the latest MRR at end is March's #NUM!: the Dashboard says where it is (258570c), not January's figure
    assert (values["Dashboard"]["B5"].value, values["Dashboard"]["C5"].value.month) == ("see Revenue!H4", 3)


def test_import_brings_the_earlier_mrr_at_end_up_to_date(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    letters = {c.key: get_column_letter(i) for i, c in enumerate(REVENUE.columns, start=1)}
    earlier = '=IF(AND({start}="",{new}="",{expansion}="",{reactivation}="",{contraction}="",{churned}=""),"",' + (
        "{start}+{new}+{expansion}+{reactivation}-{contraction}-{churned})"
    )
    for row in range(2, 8):
        wb["Revenue"][f"H{row}"] = render_formula(earlier, letters, row)
    wb.save(path)
    csv = tmp_path / "subs.csv"
    csv.write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", csv, "--into", path)
    assert result.returncode == 0, result.stderr
    assert "'Revenue'!H2:H7" in result.stdout
    assert openpyxl.load_workbook(path)["Revenue"]["H3"].value == (
        '=IF(AND(B3="",C3="",D3="",E3="",F3="",G3=""),"",IF(OR(B3+0<0,C3+0<0,D3+0<0,E3+0<0,F3+0<0,G3+0<0),#NUM!,'
        'IF(B3="",#VALUE!,IF(OR(ISLOGICAL(B3),ISLOGICAL(C3),ISLOGICAL(D3),ISLOGICAL(E3),ISLOGICAL(F3),ISLOGICAL(G3)),'
        "#VALUE!,B3+C3+D3+E3-F3-G3))))"  # a blank start refused too (H39 finding 04), a boolean (992d98cf)
    )


def test_a_users_formulas_reading_cohorts_cells_follow_the_tables_when_they_grow(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    assert wb["Cohorts"]["A16"].value == "fit" and wb["Cohorts"]["A10"].value.year == 2026  # 3 months: fit in row 16
    mine = wb.create_sheet("Mine")
    mine["A1"] = "=Cohorts!B16"  # the sBG alpha
    mine["A2"] = "=AVERAGE(Cohorts!$C$10:$C$11)"  # month-1 retention of January and February
    mine["A3"] = "=SBG_Alpha"
    mine["A4"] = '="Cohorts!B16"'
    wb.save(path)
    csv = tmp_path / "subs.csv"
    csv.write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", csv, "--into", path, "--recalc")
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(path)
    assert wb["Cohorts"]["A22"].value == "fit"  # 6 months: the fit moved down 6 rows, the retention table 3
    assert [c.value for c in wb["Mine"]["A"]] == [
        "=Cohorts!B22",
        "=AVERAGE(Cohorts!$C$13:$C$14)",
        "=SBG_Alpha",
        '="Cohorts!B16"',
    ]
    values = openpyxl.load_workbook(path, data_only=True)
    alpha = values["Cohorts"]["B22"].value
    assert isinstance(alpha, float) and values["Mine"]["A1"].value == alpha == values["Mine"]["A3"].value
    # January's cohort a, b, c: 2 of 3 in February; February's d: 1 of 1 in March (was 1.0, a retention share, and
    # #DIV/0! read from the moved tables)
    assert values["Mine"]["A2"].value == pytest.approx((2 / 3 + 1) / 2)


def test_a_copy_of_the_dashboard_beside_it_keeps_its_ranges(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    mine = wb.create_sheet("My dashboard")  # the user's copy of the Dashboard's charts, at the same cells
    for chart in wb["Dashboard"]._charts:
        mine.add_chart(copy.deepcopy(chart))
    wb.save(path)
    csv = tmp_path / "subs.csv"
    csv.write_text(SUBSCRIPTIONS)
    result = run("import", "--subscriptions", csv, "--into", path, "--recalc")
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(path)
    fitted = {c.series[0].val.numRef.f for c in wb["Dashboard"]._charts}
    kept = {c.series[0].val.numRef.f for c in wb["My dashboard"]._charts}
    assert "'Customers'!$H$3:$H$7" in fitted and "'Customers'!$H$2:$H$13" in kept
