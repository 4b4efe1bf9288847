"""Line charts over "(chart)" columns are fitted to their months with figures by recalc, and only those."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import libreoffice  # the tests' LibreOffice conversion, with its recalculating profile
import openpyxl
import pytest
from openpyxl.chart import BarChart, LineChart, Reference

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook import inplace as ip
from xl_retention.workbook.chart_ranges import fit_chart_ranges, reset_chart_ranges


def refs(path: Path) -> list[list[str]]:
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        return [re.findall(r"<(?:c:)?f>([^<]*)</(?:c:)?f>", z.read(n).decode()) for n in names]


def workbook(path: Path, header: str, values: list[float | None], kind: type = LineChart) -> Path:
    """Months in A, inputs in B, =IF(ISNUMBER(B),B,NA()) under ``header`` in C, a chart of C drawn as the template
    draws its first chart (on the Dashboard, titled "Customers at end of month", at A12: what recalc fits)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sales data"
    ws.append(["month", "sales", header])
    for i, value in enumerate(values, start=2):
        ws.append([f"2025-{i - 1:02d}", value, f"=IF(ISNUMBER(B{i}),B{i},NA())"])
    chart = kind()
    chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=len(values) + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(values) + 1))
    chart.title = "Customers at end of month"
    wb.create_sheet("Dashboard").add_chart(chart, "A12")
    wb.save(path)
    return path


def test_a_chart_column_s_line_chart_covers_its_first_to_last_month_with_a_number(tmp_path):
    path = workbook(tmp_path / "w.xlsx", "Sales (chart)", [None, 5, None, 7, 8, None, None])
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    # February to May: the month without sales inside (March) stays in the range, #N/A (Excel: a gap)
    assert refs(tmp_path / "r.xlsx") == [["'Sales data'!C1", "'Sales data'!$A$3:$A$6", "'Sales data'!$C$3:$C$6"]]
    assert fit_chart_ranges(tmp_path / "r.xlsx") == 0  # fitted once, fitted for good
    package = ip.Package(tmp_path / "r.xlsx")
    assert reset_chart_ranges(package) == 1  # import: every month again
    package.save()
    assert refs(tmp_path / "r.xlsx")[0][1:] == ["'Sales data'!$A$2:$A$8", "'Sales data'!$C$2:$C$8"]


def test_a_bar_chart_of_a_chart_column_is_fitted_like_a_line_chart(tmp_path):
    path = workbook(tmp_path / "bar.xlsx", "Sales (chart)", [None, 5, 6, None], BarChart)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    assert refs(tmp_path / "r.xlsx") == [["'Sales data'!C1", "'Sales data'!$A$3:$A$4", "'Sales data'!$C$3:$C$4"]]


def test_charts_of_other_columns_are_left_as_they_are(tmp_path):
    for name, header, kind, values in (("own.xlsx", "Sales", LineChart, [None, 5, 6, None]),):  # not "(chart)"
        path = workbook(tmp_path / name, header, values, kind)
        before = refs(path)
        assert recalc_file(path, tmp_path / "out" / name).status == "ok"
        assert refs(tmp_path / "out" / name) == before, name


def test_a_tracker_without_chart_figures_draws_nothing_after_recalc(tmp_path):
    """Orders only (no customers, MRR or NPS figures): every chart reads the empty row below the months."""
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12, inputs={"Purchases and visits": {
        "buyers": [3, 1], "returning": [0, 1], "repeat": [0, 0]}})  # fmt: skip
    before = refs(path)
    assert "'Customers'!$I$2:$I$13" in before[2]
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    after = refs(tmp_path / "r.xlsx")
    assert "'Customers'!$I$14:$I$14" in after[2] and "'Customers'!$A$14:$A$14" in after[2]
    assert all(ref.endswith("$14") for chart in after for ref in chart if "$" in ref), after
    package = ip.Package(tmp_path / "r.xlsx")
    assert reset_chart_ranges(package) == 6  # import: every month again
    package.save()
    assert refs(tmp_path / "r.xlsx") == before


def test_a_month_whose_figure_is_an_error_is_a_gap_in_its_chart_not_blank_text(tmp_path):
    """Customers typed by hand without the end of January: CRR is #VALUE!, its chart cell #N/A (Excel: a gap)."""
    inputs = {"Customers": {"start": [500], "gained": [75, 10], "end": [None, 500]}}
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12, inputs=inputs)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    customers = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Customers"]
    assert [customers[f"{c}2"].value for c in "FI"] == ["#VALUE!", "#N/A"]
    assert [customers[f"{c}4"].value for c in "FI"] == [None, None]  # after the last month with data: blank


def test_revenue_movements_left_blank_in_a_month_with_figures_count_as_0(tmp_path):
    """Expansion MRR (and losses in February) not typed: the rates take them as 0, as MRR at end does."""
    inputs = {"Revenue": {"start": [1000], "new": [100, 50], "churned": [50, None], "contraction": [None, 20]}}
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12, inputs=inputs)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    revenue = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Revenue"]
    # January: start 1000, lost 50, expansion blank: NRR = GRR = (1000 - 50) / 1000, quick ratio 100 / 50
    assert [revenue[f"{c}2"].value for c in "HIKLMNO"] == [1050, 50, 0.05, 0.05, 0.95, 0.95, 2]
    # February: start 1050, lost 20 (contraction), churned blank: NRR = GRR = 1030 / 1050, quick ratio 50 / 20
    assert [revenue[f"{c}3"].value for c in "BHIMNO"] == [1050, 1080, 20, 1030 / 1050, 1030 / 1050, 2.5]
    assert [revenue[f"{c}4"].value for c in "BHMQ"] == [None, None, None, None]  # no figures: blank, no error


def chart_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)}


def test_excel_shows_a_months_na_as_a_gap_in_every_template_chart(tmp_path):
    """Excel 2016's "Show #N/A as an empty cell" (c16r3:dispNaAsBlank) beside dispBlanksAs "span": a month between
    months with figures whose chart cell is #N/A is spanned by the line (LibreOffice reads "gap" as "zero": H39 01)."""
    new = build_template(tmp_path / "t.xlsx", months=6)
    parts = chart_parts(new)
    assert len(parts) == 6
    for name, xml in parts.items():
        assert xml.count(b'<c16r3:dispNaAsBlank val="1"/>') == 1, name
        assert b'<dispBlanksAs val="span" /><extLst><ext uri="{56B9EC1D-385E-4148-901F-78D8002777C0}"' in xml, name
        openpyxl.load_workbook(new)  # still a package openpyxl reads
    # a tracker made before the setting existed gets it from recalc, and only its template charts
    old = workbook(tmp_path / "old.xlsx", "Sales (chart)", [None, 5, None, 7])
    own = workbook(tmp_path / "own.xlsx", "Sales", [None, 5, None, 7])
    assert all(b"dispNaAsBlank" not in xml for path in (old, own) for xml in chart_parts(path).values())
    assert recalc_file(old, tmp_path / "old.recalc.xlsx").status == "ok"
    assert recalc_file(own, tmp_path / "own.recalc.xlsx").status == "ok"
    assert [xml.count(b"dispNaAsBlank") for xml in chart_parts(tmp_path / "old.recalc.xlsx").values()] == [1]
    assert chart_parts(tmp_path / "own.recalc.xlsx") == chart_parts(own)


def test_level_charts_start_at_0_and_crr_stops_at_100_percent(tmp_path):
    """MRR 350 -> 300 must not look like a collapse (an axis from 270); CRR is at most 100%; GRR is dashed, so a
    month where it equals NRR still shows both lines."""
    parts = chart_parts(build_template(tmp_path / "t.xlsx", months=6))
    titles = {re.search(rb"<a:t>([^<]+)</a:t>", xml)[1].decode(): xml for xml in parts.values()}
    value_axis = {title: re.search(rb"<valAx>.*?<scaling>(.*?)</scaling>", xml)[1] for title, xml in titles.items()}
    assert b'<min val="0" />' in value_axis["Customers at end of month"]
    assert b'<min val="0" />' in value_axis["MRR at end of month"]
    assert b'<max val="1" />' in value_axis["Customer retention (CRR)"]
    assert b'<min val="' not in value_axis["Net and gross revenue retention"]  # NRR/GRR may go below and above 100%
    series = re.findall(rb"<ser>.*?</ser>", titles["Net and gross revenue retention"])
    assert [b'prstDash val="dash"' in s for s in series] == [False, True]


def test_a_users_chart_on_another_sheet_over_some_months_of_a_chart_column_keeps_its_months(tmp_path):
    """The user's own chart of January-June of the tracker's "(chart)" column, on a sheet of theirs: not fitted
    (only the template's own charts are: on the Dashboard, a template title at its cell)."""
    path = workbook(tmp_path / "w.xlsx", "Sales (chart)", [None, 5, 6, None, None, None, None, None])
    wb = openpyxl.load_workbook(path)
    deck = wb.create_sheet("Board deck")
    chart = LineChart()
    chart.add_data(Reference(wb["Sales data"], min_col=3, min_row=1, max_row=7), titles_from_data=True)
    chart.set_categories(Reference(wb["Sales data"], min_col=1, min_row=2, max_row=7))
    deck.add_chart(chart, "A1")
    wb.save(path)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    fitted, mine = refs(tmp_path / "r.xlsx")
    assert fitted[1:] == ["'Sales data'!$A$3:$A$4", "'Sales data'!$C$3:$C$4"]  # the template's: fitted
    assert mine[1:] == ["'Sales data'!$A$2:$A$7", "'Sales data'!$C$2:$C$7"]  # the user's months, as they were
    package = ip.Package(tmp_path / "r.xlsx")
    assert reset_chart_ranges(package) == 1  # import stretches only the fitted one


def test_the_dashboard_title_is_the_templates():
    from xl_retention.workbook.chart_ranges import DASHBOARD
    from xl_retention.workbook.template import DASHBOARD_TITLE

    assert DASHBOARD == DASHBOARD_TITLE


def as_libreoffice_saves(path: Path) -> Path:
    """The charts of ``path`` with dispBlanksAs "zero", as LibreOffice writes them when it saves a tracker."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in items:
            if re.fullmatch(r"xl/charts/chart\d+\.xml", info.filename):
                data = re.sub(rb'dispBlanksAs val="\w+"', b'dispBlanksAs val="zero"', data)
            z.writestr(info, data)
    return path


def test_a_libreoffice_saved_trackers_template_charts_show_blanks_as_gaps_after_recalc(tmp_path):
    """H54 18: a tracker saved by LibreOffice says dispBlanksAs "zero"; recalc pointed the NPS chart (no answers) at
    the empty row below the months, drawn as an NPS of 0 -> the template's charts get "span" back; the user's
    own chart (on another sheet) keeps its "zero"."""
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=3, inputs={"Purchases and visits": {
        "buyers": [3, 1], "returning": [0, 1], "repeat": [0, 0]}})  # fmt: skip
    wb = openpyxl.load_workbook(path)
    chart = LineChart()
    chart.add_data(Reference(wb["Customers"], min_col=9, min_row=1, max_row=4), titles_from_data=True)
    chart.title = "Mine"
    wb.create_sheet("Board deck").add_chart(chart, "A1")
    wb.save(path)
    as_libreoffice_saves(path)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    blanks = [re.findall(rb'dispBlanksAs val="(\w+)"', xml) for xml in chart_parts(tmp_path / "r.xlsx").values()]
    assert sorted(blanks) == [[b"span"]] * 6 + [[b"zero"]]
    assert all(ref.endswith("$5") for chart in refs(tmp_path / "r.xlsx")[:6] for ref in chart if "$" in ref)
    package = ip.Package(tmp_path / "r.xlsx")  # import (before it writes) too
    for name in package.names(r"xl/charts/chart[1-6]\.xml"):
        package.data[name] = package.data[name].replace(b'val="span"', b'val="zero"')
    assert reset_chart_ranges(package) == 6
    assert all(b'dispBlanksAs val="span"' in package.data[n] for n in package.names(r"xl/charts/chart[1-6]\.xml"))


def test_a_line_chart_ends_with_its_own_last_figure_not_a_later_months_na(tmp_path):
    """Fault 6 (LibreOffice draws #N/A as 0): April typed with its customers at end only (CRR #VALUE!, its chart cell
    #N/A) kept April in "Customer retention (CRR)" because "Customers at end" has it: LibreOffice drew April's CRR as
    0% after March's 90%. An MRR at end below 0 in February (churned 150 of 110: NRR #NUM!) likewise drew NRR, GRR and
    MRR at 0 -> each line chart ends with its own last number; the bars keep the sheet's months."""
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6, inputs={
        "Customers": {"start": [0], "gained": [10, 1, 0, None], "end": [10, 10, 9, 9]},
        "Revenue": {"start": [100], "new": [10], "churned": [None, 150]}})  # fmt: skip
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    values = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)
    assert [values["Customers"][f"I{r}"].value for r in range(2, 7)] == [None, 0.9, 0.9, "#N/A", None]
    charts = refs(tmp_path / "r.xlsx")  # the template's order: customers, movements, CRR, NRR/GRR, MRR, NPS
    assert charts[0] == ["'Customers'!$A$3:$A$5", "'Customers'!$H$3:$H$5"]  # February to April
    assert charts[2] == ["'Customers'!$A$3:$A$4", "'Customers'!$I$3:$I$4"]  # February to March
    assert charts[3] == ["'Revenue'!$A$2:$A$2", "'Revenue'!$Q$2:$Q$2"] + ["'Revenue'!$A$2:$A$2", "'Revenue'!$R$2:$R$2"]
    assert charts[4] == ["'Revenue'!$A$2:$A$2", "'Revenue'!$P$2:$P$2"]  # January's MRR of 110 alone
    assert "'Revenue'!$W$2:$W$3" in charts[1] and "'Revenue'!$T$2:$T$3" in charts[1]  # bars: February's churn drawn


@pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_draws_no_month_left_blank_between_filled_ones_as_0(tmp_path):
    """H39 finding 01: April left blank between March and May (its chart cell #N/A) was drawn at 0 customers on the
    Dashboard in LibreOffice, which read the charts' dispBlanksAs "gap" as "use zero"; "span" joins March to May."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    for row, (gained, end) in {2: (40, 520), 3: (35, 541), 4: (30, 560), 6: (20, 575)}.items():
        ws[f"C{row}"], ws[f"D{row}"] = gained, end
    ws["B2"] = 500
    wb.save(path)
    assert recalc_file(path, tmp_path / "r" / "t.xlsx").status == "ok"
    ods = libreoffice._convert(tmp_path / "r" / "t.xlsx", tmp_path / "lo", "ods")
    with zipfile.ZipFile(ods) as package:
        charts = [package.read(n).decode() for n in package.namelist() if re.fullmatch(r"Object \d+/content\.xml", n)]
    customers = next(x for x in charts if "Customers at end of month" in x)
    assert re.findall(r'chart:treat-empty-cells="([^"]*)"', customers) == ["ignore"]
