"""Workbook and presentation faults found by trying the tracker as users do (H42, session 6 fixes).

- A tracker made by an earlier template keeps that template's formulas after ``xl-retention import`` (Revenue's
  rates read an expansion pasted as text as 0, the MRR at end and lost MRR skipped text): import brings every
  formula that is exactly an earlier template's up to this version's, and keeps the user's own formulas; the
  Lifetime value formulas too (the churn window of case workbook/02), or names the one it cannot replace.
- Print layout: the Cohorts tables were split across printed pages (each now starts a page; more than 24 months:
  two pages across); Revenue printed at under half size on one page (now two pages across at a readable size, its
  Month column on both; Purchases and visits likewise); Lifetime value printed at half size because its notes ran
  past column C (now wrapped in A:C).
- Months an import adds: a user's own column of one formula filled down gets it there; a user's filter takes them in.
- Importing months before a month that was filled as the first with data (March alone, then January and February)
  is refused: March's customers were all 'gained', so February's would all show as lost (CRR 0, silently).
- A Cohorts sheet with conditional formats or validations of the user's own refuses to grow (they were dropped).

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from xl_retention.workbook import build_template
from xl_retention.workbook.template import CUSTOMERS, REVENUE, render_formula
from xl_retention.workbook.upgrade import EARLIER

sys.path.insert(0, str(Path(__file__).parent))
import libreoffice  # noqa: E402  (the tests' LibreOffice harness)
from cli_process import run
from earlier_forms import brought_up, import_into, letters, template_formula

needs_printing = pytest.mark.skipif(
    libreoffice.soffice_path() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed",
)


# the formulas the template wrote on Customers and Revenue before 2026-11-30 23:05 (text numbers read as 0 or skipped)
BEFORE_TEXT_NUMBERS = {
    (CUSTOMERS, "start"): '=IF(COUNT({gained}:{end})=0,"",IF(COUNT({end:first}:{end-1})+N({start:first})=0,0,'
    'IF({end-1}="","",{end-1})))',
    (REVENUE, "end"): '=IF(COUNT({start}:{churned})=0,"",{start}+{new}+{expansion}+{reactivation}-{contraction}-'
    "{churned})",
    (REVENUE, "nrr"): '=IF(OR(AND({lost}="",{expansion}="",{start}=""),AND(ISNUMBER({start}),{start}=0)),"",'
    "NRR(N({lost}),N({expansion}),{start}))",
    (REVENUE, "lost"): '=IF(COUNT({contraction}:{churned})=0,"",{contraction}+{churned})',
}


def test_earlier_forms_are_the_ones_listed() -> None:
    for (spec, key), form in BEFORE_TEXT_NUMBERS.items():
        assert form in EARLIER[(spec.title, key)], (spec.title, key)


def test_import_brings_an_earlier_templates_formulas_up_to_date_and_keeps_the_users_own(tmp_path: Path) -> None:
    path = build_template(tmp_path / "old.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for (spec, key), form in BEFORE_TEXT_NUMBERS.items():  # as the earlier template wrote them, every month
        ws, cols = wb[spec.title], letters(spec)
        for row in range(3 if key == "start" else 2, 6):
            ws[f"{cols[key]}{row}"] = render_formula(form, cols, row)
    own = "=NRR(N(I4),N(D4),B4)*1"  # the user's own formula in April's NRR: kept
    wb["Revenue"]["M5"] = own
    wb["Revenue"]["H5"] = wb["Revenue"]["H5"].value.lower()  # as LibreOffice re-saves it: still the template's
    wb.save(path)
    line = brought_up(import_into(tmp_path, path))
    assert "'Customers'!B3:B5" in line and "'Revenue'!H2:H5" in line and "'Revenue'!M2:M4" in line

    wb = openpyxl.load_workbook(path)
    for (spec, key), _ in BEFORE_TEXT_NUMBERS.items():
        ws, cols = wb[spec.title], letters(spec)
        now = template_formula(spec, key)
        for row in range(3 if key == "start" else 2, 6):
            if (spec, key, row) == (REVENUE, "nrr", 5):
                continue
            assert ws[f"{cols[key]}{row}"].value == render_formula(now, cols, row), (spec.title, key, row)
    assert wb["Revenue"]["M5"].value == own

    # February's expansion pasted as text: the upgraded NRR reads it (was N("20") = 0: 100 / 150)
    wb["Revenue"]["D3"] = "20"
    wb.save(path)
    done = run("recalc", path, "--in-place", "--engine", "embedded")
    assert done.returncode == 0, done.stdout + done.stderr
    ws = openpyxl.load_workbook(path, data_only=True)["Revenue"]
    assert ws["B3"].value == 150  # MRR at start: January's end
    assert ws["H3"].value == 200  # 150 + 80 new + 20 expansion (text) - 50 churned
    assert ws["I3"].value == 50  # lost: b's 50
    assert ws["M3"].value == 0.8  # NRR (150 - 50 + 20) / 150


def breaks(ws, kind: str) -> list[int]:
    """The 1-based rows (``row``) or columns (``col``) that start a printed page."""
    found = ws.row_breaks if kind == "row" else ws.col_breaks
    return [b.id + 1 for b in found.brk]


def test_wide_monthly_sheets_print_in_groups_of_columns_and_each_cohort_table_on_its_own_page(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    revenue, purchases = wb["Revenue"], wb["Purchases and visits"]
    assert [revenue.cell(1, c).value for c in breaks(revenue, "col")] == ["Lost MRR (contraction + churned)"]
    assert [purchases.cell(1, c).value for c in breaks(purchases, "col")] == ["Visitors"]
    for ws in (revenue, purchases):
        assert ws.print_title_cols == "$A:$A" and ws.print_title_rows == "$1:$1"
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (2, 0)
    assert breaks(wb["Customers"], "col") == [] and wb["Customers"].page_setup.fitToWidth == 1
    cohorts = wb["Cohorts"]
    assert [cohorts.cell(r, 1).value.split(":")[0] for r in breaks(cohorts, "row")] == [
        "Retention", "sBG (Fader & Hardie 2007) and BdW (Fader, Hardie, Liu, Davin & Steenburgh 2018) fitted to the "
        "survivors", "Order cohorts", "Order cohorts"]  # fmt: skip
    assert breaks(cohorts, "row") == [17, 32, 53, 69]
    lifetime = wb["Lifetime value"]
    assert lifetime.print_area == "'Lifetime value'!$A$1:$C$19"
    assert {str(m) for m in lifetime.merged_cells.ranges} == {f"A{r}:C{r}" for r in range(15, 20)}
    assert all(lifetime[ref].alignment.wrap_text for ref in ("A15", "A19", "C3", "C7", "C8"))


def test_a_grown_trackers_cohort_tables_start_their_pages_at_the_new_size(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    import_into(
        tmp_path, path, "customer_id,month,mrr\n" + "".join(f"a,2026-0{m},10\nb,2026-0{m},10\n" for m in range(1, 6))
    )
    fresh = openpyxl.load_workbook(build_template(tmp_path / "five.xlsx", start="2026-01", months=5))["Cohorts"]
    grown = openpyxl.load_workbook(path)["Cohorts"]
    assert breaks(grown, "row") == breaks(fresh, "row") == [10, 18, 32, 41]


def printed(path: Path, sheet: str, tmp_path: Path) -> list[tuple[float, str]]:
    """Each printed page of ``sheet``: the median height of its words (points: the print scale) and its text."""
    alone = libreoffice.only_sheet(path, sheet, tmp_path / f"{sheet.replace(' ', '_')}.xlsx")
    # LibreOffice prints a hidden sheet's print area too: only this sheet's is kept
    index = openpyxl.load_workbook(path, read_only=True).sheetnames.index(sheet)
    with zipfile.ZipFile(alone) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/workbook.xml"] = re.sub(
        rb'<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">[^<]*</definedName>',
        lambda m: m.group(0) if int(m.group(1)) == index else b"",
        parts["xl/workbook.xml"],
    )
    with zipfile.ZipFile(alone, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    pdf = libreoffice.render_pdf(alone, tmp_path / "pdf", recalculate=False)
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        heights = [
            float(b) - float(a) for a, b in re.findall(r'yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)"', page)
        ]
        pages.append((statistics.median(heights), " ".join(re.findall(r">([^<]+)</word>", page))))
    return pages


@needs_printing
def test_printed_pages_are_readable_and_hold_whole_tables(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=24)
    full = printed(path, "Customers", tmp_path)  # 93 width units: printed at 100%
    assert len(full) == 1
    size = full[0][0]
    revenue = printed(path, "Revenue", tmp_path)
    assert len(revenue) == 2
    assert "MRR at end" in revenue[0][1] and "NRR" not in revenue[0][1]
    assert "NRR" in revenue[1][1] and revenue[1][1].startswith("Month")  # the months repeated on the second page
    assert all(height >= 0.8 * size for height, _ in revenue)  # was 0.46 of the Customers sheet's size
    lifetime = printed(path, "Lifetime value", tmp_path)
    assert len(lifetime) == 1 and lifetime[0][0] >= 0.75 * size  # was 0.53
    assert "clear that row to fit the later ones." in lifetime[0][1]
    cohorts = printed(path, "Cohorts", tmp_path)
    titles = [
        "Cohorts: survivors",
        "Retention: share",
        "sBG (Fader",
        "Order cohorts: customers",
        "Order cohorts: share",
    ]
    assert [text.replace("&amp;", "&")[: len(t)] for (_, text), t in zip(cohorts, titles, strict=True)] == titles


def test_a_users_own_column_of_one_formula_follows_the_months_an_import_adds(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    ws["M1"], ws["N1"], ws["O1"], ws["P1"] = "Target", "Gap to target", "Note", "Mixed"
    for row in range(2, 5):
        ws[f"M{row}"] = 10 * row
        ws[f"N{row}"] = f'=IF(D{row}="","",D{row}-M{row})'  # one formula filled down: follows
        ws[f"O{row}"] = f"typed {row}"  # values: the new months stay blank
        ws[f"P{row}"] = f"=D{row}*2" if row < 4 else "=D2*2"  # not one formula filled down: blank
    wb.save(path)
    csv = tmp_path / "s.csv"
    csv.write_text(
        "customer_id,month,mrr\n" + "".join(f"c{i},2026-0{m},10\n" for m in range(1, 6) for i in range(10 + m))
    )
    done = run("import", "--subscriptions", csv, "--into", path, "--recalc")
    assert done.returncode == 0, done.stdout + done.stderr
    ws = openpyxl.load_workbook(path)["Customers"]
    assert [ws[f"N{row}"].value for row in (4, 5, 6)] == [
        '=IF(D4="","",D4-M4)', '=IF(D5="","",D5-M5)', '=IF(D6="","",D6-M6)']  # fmt: skip
    assert [ws[f"{c}{row}"].value for c in "MOP" for row in (5, 6)] == [None] * 6
    values = openpyxl.load_workbook(path, data_only=True)["Customers"]
    # customers at end 11..15 in January to May; targets 20, 30, 40 typed in January to March, none later
    assert [values[f"N{row}"].value for row in range(2, 7)] == [-9, -18, -27, 14, 15]


def test_a_users_filter_on_a_monthly_sheet_takes_in_the_months_an_import_adds(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(path)
    wb["Customers"].auto_filter.ref = "A1:G7"  # Data > Filter over the months
    wb["Customers"].auto_filter.add_sort_condition("F2:F7")
    wb["NPS scores"].auto_filter.ref = "A1:G101"
    wb["Revenue"].auto_filter.ref = "A1:C4"  # a filter over some months only: kept as it is
    wb.save(path)
    subscriptions, answers = tmp_path / "s.csv", tmp_path / "n.csv"
    subscriptions.write_text(
        "customer_id,month,mrr\n" + "".join(f"c{i},2026-0{m},10\n" for m in range(1, 9) for i in range(10 + m))
    )
    answers.write_text(
        "respondent,date,score\n"
        + "".join(f"r{m}{i},2026-0{m}-05,{(i * 3) % 11}\n" for m in range(1, 9) for i in range(5))
    )
    done = run("import", "--subscriptions", subscriptions, "--nps", answers, "--into", path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "added months 2026-07 to 2026-08" in done.stdout
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"].auto_filter
    assert customers.ref == "A1:G9"  # was A1:G7: July and August outside the filter
    assert customers.sortState.ref == "A1:G9" and customers.sortState.sortCondition[0].ref == "F2:F9"
    assert wb["NPS scores"].auto_filter.ref == "A1:I101"  # the months' columns B:I
    assert wb["Revenue"].auto_filter.ref == "A1:C4"
    with zipfile.ZipFile(path) as package:
        names = package.read("xl/workbook.xml").decode()
    assert "'Customers'!$A$1:$G$9</definedName>" in names  # Excel's _FilterDatabase agrees with the filter


def test_months_imported_before_a_month_filled_as_the_first_with_data_are_refused(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    rows = [(m, f"c{i}") for m in (1, 2, 3) for i in range(10 + 2 * m) if not (i == 1 and m == 3)]

    def csv(name: str, months: tuple[int, ...]) -> Path:
        out = tmp_path / name
        out.write_text("customer_id,month,mrr\n" + "".join(f"{c},2026-0{m},10\n" for m, c in rows if m in months))
        return out

    assert run("import", "--subscriptions", csv("mar.csv", (3,)), "--into", path).returncode == 0
    before = path.read_bytes()
    done = run("import", "--subscriptions", csv("janfeb.csv", (1, 2)), "--into", path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip() == (
        "xl-retention: error: Customers: 2026-03 holds figures (typed or from an earlier import) made as the first "
        "month with data, customers at its start 0 (every customer counted as gained), but janfeb.csv ends in 2026-02 "
        "with 14 customers at its end, so 2026-03's gained, lost and rates would be wrong; give janfeb.csv up to the "
        "last filled month (import replaces the months its data covers), or clear the months after 2026-02"
    )  # it went through: March 'gained 15' after February's 14 customers, lost 14, CRR 0, MRR at end 290 (data: 150)
    assert path.read_bytes() == before
    done = run("import", "--subscriptions", csv("all.csv", (1, 2, 3)), "--into", path, "--recalc", "--replace-typed")
    assert done.returncode == 0, done.stdout + done.stderr
    ws = openpyxl.load_workbook(path, data_only=True)
    customers, revenue = ws["Customers"], ws["Revenue"]
    assert [customers[f"{c}4"].value for c in "BCDE"] == [14, 2, 15, 1]
    assert customers["F4"].value == 13 / 14
    assert [revenue[f"{c}4"].value for c in "BCGH"] == [140, 20, 10, 150]


def test_a_typed_month_after_the_data_is_refused_only_when_it_holds_a_first_months_figures(tmp_path: Path) -> None:
    csv = tmp_path / "s.csv"  # January to March: a, b; a, c; a (MRR at end of March 100)
    csv.write_text("customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,100\nc,2026-02,30\na,2026-03,100\n")
    first_like = build_template(
        tmp_path / "a.xlsx", start="2026-01", months=4, inputs={"Revenue": {"new": [None] * 3 + [40]}}
    )
    done = run("import", "--subscriptions", csv, "--into", first_like)
    assert done.returncode == 1
    assert (
        "Revenue: 2026-04 holds figures (typed or from an earlier import) made as the first month with data, MRR at "
        "its start 0 (all MRR counted as gained), but s.csv ends in 2026-03 with 100 MRR at its end" in done.stderr
    )
    typed = {"Revenue": {"new": [None] * 3 + [40], "churned": [None] * 3 + [100]}}  # April's own movements: kept
    movements = build_template(tmp_path / "b.xlsx", start="2026-01", months=4, inputs=typed)
    done = run("import", "--subscriptions", csv, "--into", movements, "--recalc")
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(movements, data_only=True)["Revenue"]["H5"].value == 40  # 100 + 40 - 100


def churn_csv(tmp_path: Path) -> Path:
    """10 customers from January 2024; 5 leave in February 2025 (churn 0 for 12 months, then 0.5)."""
    months = [f"2024-{m:02d}" for m in range(1, 13)] + ["2025-01"]
    rows = [f"c{i},{m},10" for m in months for i in range(10)] + [f"c{i},2025-02,10" for i in range(5)]
    path = tmp_path / "churn.csv"
    path.write_text("customer_id,month,mrr\n" + "\n".join(rows) + "\n")
    return path


# what trackers made before 2026-11-30 03:30 hold on Lifetime value (the churn window of case workbook/02)
OLD_LIFETIME = {
    "B5": '=IF(COUNT(Customers_Churn)=0,"",AVERAGE(INDEX(Customers_Churn,MAX(1,COUNT(Customers_Churn)-11)):'
    "INDEX(Customers_Churn,COUNT(Customers_Churn))))",
    "B7": "=CUSTOMER_LIFETIME(B5)",
    "B8": "=CLV(B3,B4,B5,B6)",
}


def test_import_brings_an_earlier_templates_lifetime_value_formulas_up_to_date(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2024-01", months=14)
    wb = openpyxl.load_workbook(path)
    for ref, formula in OLD_LIFETIME.items():
        wb["Lifetime value"][ref] = formula
    wb["Lifetime value"]["B11"] = "=B3*B4*1"  # the user's own: kept
    wb.save(path)
    done = run("import", "--subscriptions", churn_csv(tmp_path), "--into", path, "--recalc")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "'Lifetime value'!B5, 'Lifetime value'!B7, 'Lifetime value'!B8" in done.stdout
    sheet = openpyxl.load_workbook(path)["Lifetime value"]
    from xl_retention.workbook.sheets import CHURN_12  # its last 12 rates (a month in error among them: that error)

    assert sheet["B5"].value == CHURN_12 and sheet["B11"].value == "=B3*B4*1"
    values = openpyxl.load_workbook(path, data_only=True)["Lifetime value"]
    assert values["B5"].value == 0.5 / 12  # March 2024 to February 2025 (the earlier window: 0, February left out)
    assert values["B7"].value == 24.0


def test_an_earlier_churn_average_the_tracker_cannot_replace_is_named(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2024-01", months=14)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B5"] = OLD_LIFETIME["B5"]
    del wb.defined_names["Customers_Churn_Seq"]  # a tracker made before the "Churn rates so far" column
    wb.save(path)
    done = run("import", "--subscriptions", churn_csv(tmp_path), "--into", path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "'Lifetime value'!B5, the monthly churn its lifetime values use, holds the average of an earlier version of "
        "the template, which takes the wrong months" in done.stdout
    )
    assert openpyxl.load_workbook(path)["Lifetime value"]["B5"].value == OLD_LIFETIME["B5"]


def test_a_cohort_triangle_of_more_than_24_months_prints_on_pages_across(tmp_path: Path) -> None:
    wide = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2024-01", months=36))["Cohorts"]
    assert (wide.page_setup.fitToWidth, wide.page_setup.pageOrder, wide.print_title_cols) == (
        2,
        "overThenDown",
        "$A:$A",
    )
    assert breaks(wide, "col") == [26]  # 24 months a page
    assert {str(r) for r in wide.merged_cells.ranges} == {"G82:N82", "G83:N83", "G84:N84"}  # the notes beside the fit
    narrow = openpyxl.load_workbook(build_template(tmp_path / "n.xlsx", start="2024-01", months=24))["Cohorts"]
    assert (narrow.page_setup.fitToWidth, breaks(narrow, "col")) == (1, [])


@needs_printing
def test_a_36_month_cohort_triangle_prints_at_half_size_not_a_quarter(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2024-01", months=36)
    size = printed(path, "Customers", tmp_path)[0][0]
    cohorts = printed(path, "Cohorts", tmp_path)
    assert len(cohorts) == 9  # four tables two pages wide, the fit and projection on one
    assert all(height >= 0.5 * size for height, _ in cohorts)  # was 0.28 on five pages
    assert [text[:16] for _, text in cohorts[:2]] == ["Cohorts: survivo"] * 2


def test_a_cohort_triangle_grown_past_24_months_repeats_its_signup_months_on_the_next_page(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2024-06", months=20)
    months = [f"{2024 + (5 + i) // 12}-{(5 + i) % 12 + 1:02d}" for i in range(30)]  # 2024-06 to 2026-11
    csv = tmp_path / "s.csv"
    csv.write_text(
        "customer_id,month,mrr\n" + "".join(f"c{i},{m},10\n" for k, m in enumerate(months) for i in range(k + 3))
    )
    done = run("import", "--subscriptions", csv, "--into", path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "added months 2026-02 to 2026-11" in done.stdout
    cohorts = openpyxl.load_workbook(path)["Cohorts"]
    assert (cohorts.page_setup.fitToWidth, breaks(cohorts, "col"), cohorts.print_title_cols) == (2, [26], "$A:$A")


def test_a_cohorts_sheet_with_conditional_formats_or_validations_of_the_users_own_does_not_lose_them(
    tmp_path: Path,
) -> None:
    csv = tmp_path / "s.csv"
    csv.write_text(
        "customer_id,month,mrr\n" + "".join(f"c{i},2026-0{m},10\n" for m in range(1, 6) for i in range(10 + m))
    )
    for kind, ref in (("conditional formats", "B4:D6"), ("data validations", "H20")):
        path = build_template(tmp_path / f"{ref[0]}.xlsx", start="2026-01", months=3)
        wb = openpyxl.load_workbook(path)
        ws = wb["Cohorts"]
        if kind == "conditional formats":
            rule = CellIsRule(operator="greaterThan", formula=["100"], fill=PatternFill("solid", fgColor="FF0000"))
            ws.conditional_formatting.add(ref, rule)
        else:
            validation = DataValidation(type="list", formula1='"yes,no"')
            validation.add(ref)
            ws.add_data_validation(validation)
        wb.save(path)
        before = path.read_bytes()
        done = run("import", "--subscriptions", csv, "--into", path)
        assert done.returncode == 1, done.stdout  # was 0: the sheet replaced by the template's, the user's rule lost
        assert done.stderr.strip() == (
            f"xl-retention: error: Cohorts has {kind} of its own ({ref}), which replacing the sheet by the template's "
            "for the new months would lose; make a tracker that covers the data (xl-retention new) and import into it"
        )
        assert path.read_bytes() == before
    plain = build_template(tmp_path / "plain.xlsx", start="2026-01", months=3)  # the template's own: grows
    assert run("import", "--subscriptions", csv, "--into", plain).returncode == 0
