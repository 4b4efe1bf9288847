"""The tracking workbook with very little data: one or two months, empty cohorts, a month between gaps.

Each test fills the template's input cells with its own small figures (or imports its own small
export), recalculates with the embedded engine and reads what the file stores; the expected values
are worked out by hand in the test.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template


def chart_series(path: Path) -> list[tuple[str, str, str, str | None]]:
    """Each chart series: (chart kind, legend text, value range, marker symbol or None)."""
    out = []
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)),
                       key=lambda n: int(re.search(r"(\d+)\.xml", n)[1]))  # fmt: skip
        for name in names:
            xml = z.read(name).decode()
            kind = re.search(r"<(?:c:)?(line|bar)Chart>", xml)[1]
            for body in re.findall(r"<(?:c:)?ser>(.*?)</(?:c:)?ser>", xml, re.S):
                legend = re.search(r"<(?:c:)?tx>.*?<(?:c:)?[vf]>([^<]*)</", body, re.S)[1]  # text or its cell
                values = re.search(r"<(?:c:)?val>.*?<(?:c:)?f>([^<]+)</", body, re.S)[1]
                symbol = re.search(r'<(?:c:)?symbol val="(\w+)"', body)
                out.append((kind, legend, values, symbol[1] if symbol else None))
    return out


def test_a_chart_of_one_month_draws_its_point(tmp_path):
    # January: 10 customers signed up (from none); February: 8 of them stay, 1 new. Only February has a CRR, NRR and
    # GRR, so the fitted charts read one month: a line series without markers draws nothing for a single point
    # (LibreOffice and Excel join points with lines), and the Dashboard's charts looked empty.
    inputs = {
        "Customers": {"start": [0], "gained": [10, 1], "end": [10, 9]},
        "Revenue": {"start": [0], "new": [500, 30], "churned": [0, 100]},
    }
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12, inputs=inputs)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    series = chart_series(tmp_path / "r.xlsx")
    lines = [(legend, values, symbol) for kind, legend, values, symbol in series if kind == "line"]
    assert [(legend, values) for legend, values, _ in lines] == [
        ("Customers at end", "'Customers'!$H$3:$H$3"),
        ("Retention (CRR)", "'Customers'!$I$3:$I$3"),
        ("NRR", "'Revenue'!$Q$3:$Q$3"),
        ("GRR", "'Revenue'!$R$3:$R$3"),
        ("MRR at end", "'Revenue'!$P$3:$P$3"),
        ("NPS", "'NPS'!$H$14:$H$14"),  # no answers: the empty row below the months
    ]
    assert {symbol for _, _, symbol in lines} == {"circle"}  # every point drawn, alone or not
    values = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)
    # the one point each chart draws: February's figures, by hand
    assert values["Customers"]["H3"].value == 9
    assert values["Customers"]["I3"].value == pytest.approx((9 - 1) / 10)
    assert values["Revenue"]["Q3"].value == pytest.approx((500 - 100) / 500)
    assert values["Revenue"]["R3"].value == pytest.approx((500 - 100) / 500)
    assert values["Revenue"]["P3"].value == pytest.approx(500 + 30 - 100)


# -- growing the Cohorts sheet when an import brings months past the tracker's last ---------------------------
def write_survivors(path: Path, cohorts: dict[str, tuple[int, list[int]]]) -> None:
    """Monthly MRR snapshots (30 a customer) of cohorts ``{prefix: (first month index in 2025, survivors)}``."""
    rows = ["customer_id,month,mrr"]
    for prefix, (first, survivors) in cohorts.items():
        for k, alive in enumerate(survivors):
            rows += [f"{prefix}{i},2025-{first + k + 1:02d},30" for i in range(alive)]
    path.write_text("\n".join(rows) + "\n")


def import_into(tracker: Path, subscriptions: Path) -> subprocess.CompletedProcess:
    run = ["xl-retention", "import", "--subscriptions", str(subscriptions), "--into", str(tracker), "--recalc"]
    return subprocess.run(run, capture_output=True, text=True)


def test_a_one_month_tracker_grows_to_the_imported_months(tmp_path):
    # xl-retention new --months 1, then 5 months of data: the 1x1 survivors triangle has no greyed cell after its
    # last month, so growing the Cohorts sheet found no style of the user's for them and refused the import
    write_survivors(tmp_path / "subs.csv", {"a": (0, [10, 8, 7, 7, 6])})
    tracker = build_template(tmp_path / "t.xlsx", start="2025-01", months=1)
    result = import_into(tracker, tmp_path / "subs.csv")
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(tracker, data_only=True)
    customers, cohorts = wb["Customers"], wb["Cohorts"]
    assert [customers.cell(r, 4).value for r in range(2, 7)] == [10, 8, 7, 7, 6]
    assert [customers.cell(r, 6).value for r in range(3, 7)] == pytest.approx([8 / 10, 7 / 8, 7 / 7, 6 / 7])
    assert [cohorts.cell(4, c).value for c in range(2, 7)] == [10, 8, 7, 7, 6]
    assert [cohorts.cell(5, c).value for c in range(2, 6)] == [0, 0, 0, 0]  # February: nobody signed up
    assert cohorts["F5"].fill.fgColor.rgb == "00D9D9D9"  # after the triangle: greyed as in a new tracker
    fit = next(r for r in range(1, cohorts.max_row + 1) if cohorts.cell(r, 1).value == "fit")
    # the sBG fit of the one cohort 10, 8, 7, 7, 6 (scipy betaln + Nelder-Mead, not xl-retention's code)
    assert [cohorts.cell(fit, c).value for c in (2, 3, 4)] == pytest.approx([0.324905, 1.359483, -11.766349], rel=1e-5)


def like_libreoffice(path: Path) -> None:
    """Rewrite the defined names as LibreOffice 7.4 saves them: ``function`` and ``hidden`` before ``name``."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}

    def reordered(m: re.Match[bytes]) -> bytes:  # a hidden name (the template's _xlr_nps_0_10) keeps its hidden="1"
        hidden = b"" if b" hidden=" in m.group(1) else b' hidden="false"'
        return b'<definedName function="false"' + hidden + b" name=" + m.group(1)

    parts["xl/workbook.xml"] = re.sub(rb"<definedName name=([^>]*)", reordered, parts["xl/workbook.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_grown_cohorts_sheet_gets_its_names_in_a_tracker_saved_by_libreoffice(tmp_path):
    # a 3-month tracker whose names start with other attributes (LibreOffice's order) grows to 6 months: the
    # template's names were not found, so a second Cohort_Counts, SBG_Alpha, ... was appended (two names alike:
    # Excel calls the file damaged) and the first, still 3 x 3, was read: the fit of the triangle's corner, silently
    cohorts = {"a": (0, [20, 15, 12, 10, 9, 8]), "b": (1, [15, 11, 9, 8, 7]), "c": (2, [10, 7, 6, 5])}
    write_survivors(tmp_path / "subs.csv", cohorts)
    tracker = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    like_libreoffice(tracker)
    result = import_into(tracker, tmp_path / "subs.csv")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tracker) as z:
        names = re.findall(rb"<definedName\b[^>]*\sname=\"([^\"]+)\"(?![^>]*localSheetId)", z.read("xl/workbook.xml"))
    assert len(names) == len(set(names))
    wb = openpyxl.load_workbook(tracker, data_only=True)
    assert wb.defined_names["Cohort_Counts"].attr_text == "'Cohorts'!$B$4:$G$9"
    ws = wb["Cohorts"]
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "fit")
    assert wb.defined_names["SBG_Alpha"].attr_text == f"'Cohorts'!$B${fit}"
    # the three cohorts' sBG fit (scipy betaln + Nelder-Mead, not xl-retention's code)
    assert [ws.cell(fit, c).value for c in (2, 3, 4)] == pytest.approx([0.632227, 1.751516, -62.502600], rel=1e-5)
    assert wb["Lifetime value"]["B9"].value == pytest.approx(0.632227, rel=1e-5)


libreoffice = pytest.importorskip("libreoffice")


@pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")
def test_a_one_month_tracker_saved_by_libreoffice_grows_with_the_template_s_styles(tmp_path):
    # LibreOffice keeps only the styles a workbook uses: a 1-month tracker saved by it has no style for the greyed
    # cells after a triangle, which growing the Cohorts sheet then adds to the workbook's styles
    write_survivors(tmp_path / "subs.csv", {"a": (0, [10, 8, 7, 7, 6])})
    saved = libreoffice._convert(build_template(tmp_path / "t.xlsx", start="2025-01", months=1), tmp_path / "lo",
                                 "xlsx", recalc=False)  # fmt: skip
    before = openpyxl.load_workbook(saved)
    assert not any(c.fill.fgColor.rgb == "00D9D9D9" for row in before["Cohorts"].iter_rows() for c in row)
    result = import_into(saved, tmp_path / "subs.csv")
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(saved, data_only=True)
    cohorts = wb["Cohorts"]
    assert [cohorts.cell(4, c).value for c in range(2, 7)] == [10, 8, 7, 7, 6]
    greyed = {f"{get_column_letter(k + 2)}{4 + i}" for i in range(5) for k in range(5) if i + k >= 5}
    assert {c.coordinate for row in cohorts.iter_rows(4, 8, 2, 6) for c in row if c.fill.fgColor.rgb == "00D9D9D9"} == (
        greyed
    )
    assert cohorts["B4"].number_format == cohorts["B5"].number_format  # the user's own style for the counts


def test_a_cohort_without_customers_has_a_blank_projection_row(tmp_path):
    # January: 30 sign-ups; February nobody (a row of zeros, as import writes it); March: 12. February's row of the
    # projection stays blank, "Observed to month" too (it showed 3, as if a cohort had been observed)
    cohorts = [[30, 20, 15, 12, 11], [0, 0, 0, 0], [12, 9, 8]]
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=5, inputs={"Cohorts": cohorts})
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)["Cohorts"]
    title = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith("Projected retention"))
    rows = {i: [ws.cell(title + 2 + i, c).value for c in range(2, 15)] for i in range(5)}
    assert rows[1] == [None] * 13 and rows[3] == [None] * 13 and rows[4] == [None] * 13
    assert [rows[0][0], rows[2][0]] == [4, 2]
    # the fit of the two cohorts (scipy betaln + Nelder-Mead): alpha, beta; January's +1: 11/30 x S(5) / S(4)
    fit = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "fit")
    alpha, beta = ws.cell(fit, 2).value, ws.cell(fit, 3).value
    assert [alpha, beta] == pytest.approx([0.636962, 1.410767], rel=1e-5)
    assert rows[0][1] == pytest.approx(0.328048, rel=1e-5)


@pytest.mark.parametrize(
    "form",
    [rb'IF(COUNT(\1)=0,"",COUNT(\1)-1)', rb'IF(OR(COUNT(\1)=0,N($B\2)=0),"",COUNT(\1)-1)'],  # before 0 / a gap
)
def test_a_cohorts_sheet_of_an_earlier_template_still_grows(tmp_path, form):
    # trackers made before the changes above hold an earlier "Observed to month" formula: growing the Cohorts
    # sheet (which replaces it by the template's) must not refuse it as a change made by hand
    write_survivors(tmp_path / "subs.csv", {"a": (0, [10, 8, 7, 7, 6])})
    tracker = build_template(tmp_path / "t.xlsx", start="2025-01", months=3)
    with zipfile.ZipFile(tracker) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/") and b"N($B4)=0" in parts[n])
    current = (
        rb'IF\(OR\(COUNT\((\$B(\d+):\$D\2)\)=0,N\(\$B\2\)=0\),"",'
        rb"LOOKUP\(2,1/ISNUMBER\(\1\),COLUMN\(\1\)\)-COLUMN\(\$B\2\)\)"
    )
    earlier = re.sub(current, form, parts[sheet])
    assert earlier.count(form.replace(rb"\1", b"$B4:$D4").replace(rb"\2", b"4")) == 1
    parts[sheet] = earlier
    with zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    result = import_into(tracker, tmp_path / "subs.csv")
    assert result.returncode == 0, result.stderr
    ws = openpyxl.load_workbook(tracker, data_only=True)["Cohorts"]
    assert [ws.cell(4, c).value for c in range(2, 7)] == [10, 8, 7, 7, 6]


def test_the_charts_of_a_one_month_tracker_follow_the_months_an_import_adds(tmp_path):
    # a 1-month tracker's charts read one cell ('Customers'!$I$2), which neither import (it stretches ranges that end
    # at the last month) nor recalc (it fits column ranges) touched: after importing 3 months the CRR chart still
    # read January only (no CRR: drawn as 0) and never showed February and March
    write_survivors(tmp_path / "subs.csv", {"a": (0, [10, 8, 7])})
    tracker = build_template(tmp_path / "t.xlsm", start="2025-01", months=1)
    assert {values for _, _, values, _ in chart_series(tracker)} >= {"'Customers'!$I$2:$I$2", "'Revenue'!$W$2:$W$2"}
    result = import_into(tracker, tmp_path / "subs.csv")
    assert result.returncode == 0, result.stderr
    # CRR is defined from February (January starts from no customers): every chart of Customers and Revenue reads
    # February and March; NPS (no answers) the empty row below the months
    assert [(legend, values) for _, legend, values, _ in chart_series(tracker)] == [
        ("Customers at end", "'Customers'!$H$3:$H$4"),
        ("New MRR", "'Revenue'!$W$3:$W$4"),  # the movements' chart columns (text numbers drawn as their number)
        ("Expansion MRR", "'Revenue'!$X$3:$X$4"),
        ("Reactivation MRR", "'Revenue'!$Y$3:$Y$4"),
        ("Contraction MRR", "'Revenue'!$S$3:$S$4"),
        ("Churned MRR", "'Revenue'!$T$3:$T$4"),
        ("Retention (CRR)", "'Customers'!$I$3:$I$4"),
        ("NRR", "'Revenue'!$Q$3:$Q$4"),
        ("GRR", "'Revenue'!$R$3:$R$4"),
        ("MRR at end", "'Revenue'!$P$3:$P$4"),
        ("NPS", "'NPS'!$H$5:$H$5"),
    ]
    customers = openpyxl.load_workbook(tracker, data_only=True)["Customers"]
    assert [customers[f"I{r}"].value for r in (3, 4)] == pytest.approx([8 / 10, 7 / 8])


@pytest.mark.parametrize(("discount", "clv"), [(0.01, 50 * 0.8 * 1.01 / 0.01), (0.0, None)])
def test_months_without_churn_give_no_lifetime_error(tmp_path, discount, clv):
    # a young business: 10, then 12, then 15 customers, nobody has left yet. The churn average is 0, so 1 / churn
    # (the customer lifetime, and the CLV without discounting) has no finite value: blank with a note, not #DIV/0!
    inputs = {
        "Customers": {"start": [0], "gained": [10, 2, 3], "end": [10, 12, 15]},
        "Revenue": {"start": [0], "new": [500, 100, 150]},
        "Lifetime value": {"gross_margin": 0.8, "discount_rate": discount},
    }
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=6, inputs=inputs)
    report = recalc_file(path, tmp_path / "r.xlsx")
    assert (report.status, report.errors) == ("ok", [])
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx", data_only=True)
    lifetime = wb["Lifetime value"]
    assert [lifetime[ref].value for ref in ("B3", "B5", "B7")] == [750 / 15, 0, None]  # ARPA: March's 750 / 15
    assert lifetime["C7"].value == "No customer left in these months: 1 / churn has no finite value."
    assert lifetime["B8"].value == (pytest.approx(clv) if clv else None)
    assert wb["Dashboard"]["B9"].value == (pytest.approx(clv) if clv else None)


def test_clearing_a_left_truncated_first_row_fits_the_later_cohorts(tmp_path):
    # data that starts after the business did: the first month's row holds customers of every tenure (500, few of
    # whom leave) beside real sign-ups of 40. Lifetime value's note says to clear that row; the fit is then the
    # later cohorts' alone (scipy betaln + Nelder-Mead: 0.396036, 1.192883; with the first row 0.104888, 1.200120)
    later = [[40, 30, 25, 22], [40, 31, 27], [40, 29]]
    fits = {}
    for name, first in (("kept", [500, 480, 465, 452, 440]), ("cleared", [])):
        path = build_template(tmp_path / f"{name}.xlsx", start="2025-01", months=5, inputs={"Cohorts": [first, *later]})
        assert recalc_file(path, tmp_path / f"{name}.r.xlsx").status == "ok"
        wb = openpyxl.load_workbook(tmp_path / f"{name}.r.xlsx", data_only=True)
        fits[name] = [wb["Lifetime value"][ref].value for ref in ("B9", "B10")]
        notes = [wb["Lifetime value"].cell(r, 1).value or "" for r in range(15, 21)]
        assert any("clear that row" in note for note in notes)
    assert fits["cleared"] == pytest.approx([0.396036, 1.192883], rel=1e-5)
    assert fits["kept"] != pytest.approx(fits["cleared"], rel=0.1)


def test_a_one_month_tracker_of_an_earlier_template_gets_its_charts_grown_too(tmp_path):
    # 1-month trackers made before the charts read ranges: their series are single cells ('Customers'!$I$2); growing
    # the monthly sheets writes them as ranges first, so they follow the new months and recalc fits them
    write_survivors(tmp_path / "subs.csv", {"a": (0, [10, 8, 7])})
    tracker = build_template(tmp_path / "t.xlsx", start="2025-01", months=1)
    with zipfile.ZipFile(tracker) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    for name in [n for n in parts if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]:
        parts[name] = re.sub(rb"(\$[A-Z]+\$2):\$[A-Z]+\$2<", rb"\1<", parts[name])
    with zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert "'Customers'!$I$2" in {values for _, _, values, _ in chart_series(tracker)}
    result = import_into(tracker, tmp_path / "subs.csv")
    assert result.returncode == 0, result.stderr
    assert [values for _, _, values, _ in chart_series(tracker)] == [
        "'Customers'!$H$3:$H$4", *(f"'Revenue'!${c}$3:${c}$4" for c in "WXYST"), "'Customers'!$I$3:$I$4",
        "'Revenue'!$Q$3:$Q$4", "'Revenue'!$R$3:$R$4", "'Revenue'!$P$3:$P$4", "'NPS'!$H$5:$H$5",
    ]  # fmt: skip
