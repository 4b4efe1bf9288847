"""Workbook and presentation faults found by trying the tracker as users do (H32, session 5 fixes).

- A tracker made before the fit notes were reworded (its Cohorts!G notes say "xl-retention recalc names which")
  or before the sBG beta and log-likelihood were blank without survivors (or the BdW note blank beside a fit) grows
  when an import brings later months (was refused: "the sheet was changed by hand").
- Without survivors, the sBG beta and log-likelihood are blank in a spreadsheet without xl-retention too
  (LibreOffice showed #NAME? on Lifetime value and Cohorts of a tracker without cohort data), and the BdW note
  beside a fitted BdW is blank there too (LibreOffice showed #N/A: it recomputes a cell that stores "").
- Numbers pasted as text on Revenue are in every rate (contraction and churned MRR were left out of NRR and GRR, an
  expansion was 0); a month of Customers pasted as text names the text, not a blank start.
- The "MRR movements by month" bars draw a movement pasted as text as its number (they read the New, Expansion and
  Reactivation inputs directly, and the contraction and churned chart columns tested ISNUMBER: a text "500" was a bar
  at 0 or a gap while the rates took 500); a text that is no number is a gap. A movement typed for the first time in
  a later month no longer cuts the months before it from every Revenue chart.
- The notes beside the Cohorts fit table are wrapped inside the printed width (they ran past the last column and
  were cut on paper and in PDFs); the sBG row shows "sBG fit" while its cell keeps "fit", the name scripts find.

Every workbook is made by build_template in tmp_path; inputs are written by the test.
"""

from __future__ import annotations

import html
import math
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from xl_retention.workbook import build_template
from xl_retention.workbook.error_texts import error_type, without_error_texts
from xl_retention.workbook.long_texts import short_texts
from xl_retention.workbook.sheets import BDW_OWN_REASON, COHORT_WIDTH, FIT_REASONS, PROJECTION_MONTHS

sys.path.insert(0, str(Path(__file__).parent))
import libreoffice  # noqa: E402  (the tests' LibreOffice harness)
from cli_process import run
from typed_tracker import typed_over

needs_soffice = pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")

NEW_NOTE = "recalc's report names which for sBG, xr.bdw_fit in Python for BdW"
OLD_NOTE = "xl-retention recalc names which"  # the wording of trackers made before 2026-11-30 18:30


def snapshots(path: Path, months: dict[str, list[str]]) -> Path:
    """Monthly MRR snapshots (10 a customer): ``{month: [customer, ...]}``."""
    rows = ["customer_id,month,mrr"] + [f"{c},{m},10" for m, customers in months.items() for c in customers]
    path.write_text("\n".join(rows) + "\n")
    return path


def before_error_texts(xml: bytes) -> bytes:
    """A sheet's formulas as the template wrote them before a fit's error code as text was its error (2026-12-03):
    the earlier forms below are patched into those."""
    bdw = "INDEX(BDW_FIT(Cohort_Counts),1,1)"

    def earlier(found: re.Match[bytes]) -> bytes:
        formula = html.unescape(found.group(2).decode())
        own = short_texts(f'IF(AND(ISNUMBER(SBG_Alpha),{error_type(bdw)}=6),"{BDW_OWN_REASON}",')  # in parts: H303
        if own in formula:  # and before a #NUM! beside a fitted sBG was BdW's own (2026-12-04)
            formula = formula.replace(own, "").removesuffix(')),"")))') + '),"")))'
        formula = without_error_texts(formula)
        formula = formula.replace(error_type(bdw), f"ERROR.TYPE({bdw})")
        return found.group(1) + escape(formula).encode() + found.group(3)

    return re.sub(rb"(<f>)([^<]*)(</f>)", earlier, xml)


def fit_row(ws) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "fit")


def test_a_tracker_with_the_earlier_fit_notes_grows_to_the_imported_months(tmp_path):
    tracker = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    with zipfile.ZipFile(tracker) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    old = NEW_NOTE.replace("'", "&apos;").encode(), NEW_NOTE.encode()
    patched = 0
    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        parts[name] = before_error_texts(parts[name])
        for new in old:
            patched += parts[name].count(new)
            parts[name] = parts[name].replace(new, OLD_NOTE.encode())
    assert patched == 2  # the sBG and BdW notes' formulas, as the earlier template wrote them
    guarded = re.compile(
        rb'IF\(COUNT\(Cohort_Counts\)=0,(?:""|&quot;&quot;),IF\(ISERROR\((B\d+)\),\1,(INDEX\(SBG_FIT\(Cohort_Counts\),1,\d\))\)\)'
    )
    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        parts[name], count = guarded.subn(rb"IF(ISERROR(\1),\1,\2)", parts[name])
        patched += count
    assert patched == 4  # and the sBG beta and log-likelihood without the blank guard they have now
    bdw_note = re.compile(rb'(<f>[^<]*?)IF\(ISNUMBER\(BDW_Alpha\),(?:""|&quot;&quot;),([^<]*)\)</f>')
    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        parts[name], count = bdw_note.subn(rb"\1\2</f>", parts[name])
        patched += count
    assert patched == 5  # and the BdW note that called BDW_FIT beside a fitted BdW too
    with zipfile.ZipFile(tracker, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    months = {"2026-01": ["a", "b", "c"], "2026-02": ["a", "b"], "2026-03": ["a", "b"], "2026-04": ["a"]}
    months["2026-05"] = ["a", "d"]
    result = run("import", "--subscriptions", snapshots(tmp_path / "s.csv", months), "--into", tracker, "--recalc")
    assert result.returncode == 0, result.stderr  # was: "Cohorts!G16 holds ... the sheet was changed by hand"
    wb = openpyxl.load_workbook(tracker, data_only=True)
    cohorts = wb["Cohorts"]
    assert [cohorts.cell(4 + i, 1).value.strftime("%Y-%m") for i in range(5)] == list(months)  # 5 signup months
    assert [cohorts.cell(4, c).value for c in range(2, 7)] == [3, 2, 2, 1, 1]  # January's survivors, by hand
    assert [cohorts.cell(8, c).value for c in range(2, 3)] == [1]  # May's sign-up d
    formulas = openpyxl.load_workbook(tracker)["Cohorts"]
    assert NEW_NOTE in formulas.cell(fit_row(formulas), 7).value  # the notes are the template's current ones


@pytest.mark.parametrize("months", [3, 6, 24])
def test_the_fit_notes_wrap_inside_the_printed_width_and_the_sbg_row_reads_sbg_fit(tmp_path, months):
    ws = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2026-01", months=months))["Cohorts"]
    fit = fit_row(ws)
    assert ws.cell(fit, 1).number_format == '"sBG "@'  # shown as "sBG fit"; the value stays "fit"
    assert [ws.cell(fit + i, 1).value for i in range(3)] == ["fit", "BdW fit", "BdW - sBG"]
    headers = [ws.cell(fit - 1, c).value for c in range(1, 8)]
    assert headers == [None, "alpha", "beta", "log-likelihood", "c", None, None]  # no empty dark 6th header
    last = max(months + 1, 2 + PROJECTION_MONTHS)  # the sheet's widest table: the triangles or the projection
    width = sum(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(7, last + 1))
    assert width == COHORT_WIDTH * (last - 6)
    merged = {str(r) for r in ws.merged_cells.ranges}
    longest = max(len(r) for r in FIT_REASONS) + len("no BdW fit: ")  # 427 characters (Err:504 named: H291)
    assert longest == 427
    for row in range(fit, fit + 3):
        assert f"G{row}:{openpyxl.utils.get_column_letter(last)}{row}" in merged
        assert ws.cell(row, 7).alignment.wrap_text
        text = ws.cell(row, 7).value if row == fit + 2 else "x" * longest
        lines = math.ceil(len(text) / (1.1 * width))
        assert ws.row_dimensions[row].height == 15 * lines + (4 if lines > 1 else 0)
    if months == 3:  # 8 columns of 10: the longest reason takes 5 lines, the log-likelihood note 2
        assert [ws.row_dimensions[fit + i].height for i in range(3)] == [79, 79, 34]


@needs_soffice
def test_libreoffice_prints_the_whole_fit_note_of_a_six_month_tracker(tmp_path):
    # n08: "no BdW fit: #NUM!: ... or churn alike for every" and the rest (what to do) lost at the page's edge
    months = {"2026-01": ["a", "b", "c"], "2026-02": ["a", "b", "d"], "2026-03": ["a", "d", "e"]}
    tracker = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    result = run("import", "--subscriptions", snapshots(tmp_path / "s.csv", months), "--into", tracker, "--recalc")
    assert result.returncode == 0, result.stderr
    one = libreoffice.only_sheet(tracker, "Cohorts", tmp_path / "cohorts.xlsx")
    pdf = libreoffice.render_pdf(one, tmp_path / "pdf", recalculate=False)
    box = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = box.split("<page ")[1:]
    page = next(p for p in pages if ">BdW<" in p)
    page_width = float(page.split('width="', 1)[1].split('"', 1)[0])
    words = [(w.split(">", 1)[1].split("<", 1)[0], float(w.split('xMax="', 1)[1].split('"', 1)[0]))
             for w in page.split("<word ")[1:]]  # fmt: skip
    text = " ".join(w for w, _ in words)
    assert "no BdW fit: #NUM! (Err:504 in LibreOffice): counts that rise" in text
    assert "Python for BdW" in text and "1 degree of freedom)" in text  # the notes' last words
    assert max(x for _, x in words) < page_width  # no word past the page's edge
    lines = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert any(line.split()[:2] == ["sBG", "fit"] for line in lines.splitlines() if line.strip())


def recalculated(
    tmp_path: Path, typed: dict[str, dict[str, object]]
) -> tuple[openpyxl.Workbook, subprocess.CompletedProcess[str]]:
    """A 12-month tracker with ``typed`` values ({sheet: {cell: value}}), recalculated; its stored values."""
    tracker = typed_over(build_template(tmp_path / "t.xlsx", start="2026-01", months=12), typed)
    result = run("recalc", tracker, "--in-place")
    return openpyxl.load_workbook(tracker, data_only=True), result


JANUARY = {"B2": 1000, "C2": 100, "D2": 50, "E2": 0, "F2": 20, "G2": 30}


def test_contraction_and_churned_mrr_pasted_as_text_are_in_the_rates_not_left_out(tmp_path):
    # February's contraction and churned MRR pasted as text: MRR at end took them (Excel's arithmetic), Lost MRR was
    # blank (COUNT skips text) and NRR 1.0455, GRR 1.0 left the loss out, status ok, no error
    february = {"C3": 101, "D3": 50, "E3": 0, "F3": "20", "G3": "31"}
    wb, result = recalculated(tmp_path, {"Revenue": {**JANUARY, **february}})
    assert result.returncode == 0, result.stdout + result.stderr
    revenue = wb["Revenue"]
    # by hand: start 1100, lost 20 + 31 = 51, expansion 50, gained 101
    assert [revenue[f"{c}3"].value for c in "BHIJ"] == [1100, 1200, 51, 101]
    assert revenue["K3"].value == pytest.approx((51 - 50) / 1100, rel=1e-12)  # net revenue churn
    assert revenue["L3"].value == pytest.approx(51 / 1100, rel=1e-12)  # gross revenue churn
    assert revenue["M3"].value == pytest.approx((1100 - 51 + 50) / 1100, rel=1e-12)  # NRR, was 1.0455
    assert revenue["N3"].value == pytest.approx((1100 - 51) / 1100, rel=1e-12)  # GRR, was 1.0
    assert revenue["O3"].value == pytest.approx((101 + 50) / 51, rel=1e-12)  # quick ratio, was blank


def test_expansion_mrr_pasted_as_text_is_its_number_in_nrr_and_the_quick_ratio(tmp_path):
    february = {"C3": 101, "D3": "50", "E3": 0, "F3": 20, "G3": 31}  # N("50") was 0: NRR 0.9536
    wb, result = recalculated(tmp_path, {"Revenue": {**JANUARY, **february}})
    assert result.returncode == 0, result.stdout + result.stderr
    revenue = wb["Revenue"]
    assert revenue["H3"].value == 1200
    assert revenue["M3"].value == pytest.approx(1099 / 1100, rel=1e-12)
    assert revenue["O3"].value == pytest.approx(151 / 51, rel=1e-12)


def test_a_month_of_customers_pasted_as_text_is_read_as_its_numbers_not_a_blank_start(tmp_path):
    # counts pasted as text are their numbers since 21cd610 (as Revenue's are): lost 105 + 12 - 115 = 2, CRR
    # (115 - 12) / 105, churn 2 / 105; a text that is no number is named (tests/test_workbook_text_at_end.py)
    typed = {"B2": 100, "C2": 10, "D2": 105, "C3": "12", "D3": "115"}
    wb, result = recalculated(tmp_path, {"Customers": typed})
    customers = wb["Customers"]
    assert customers["B3"].value == 105  # the start follows January's end: the month has inputs
    lost, crr, churn = (customers[f"{c}3"].value for c in "EFG")
    assert (lost, crr, churn) == (2, pytest.approx(103 / 105, abs=1e-12), pytest.approx(2 / 105, abs=1e-12))
    assert "#VALUE!" not in result.stdout + result.stderr
    assert "customers_start blank" not in result.stdout + result.stderr


@needs_soffice
def test_without_survivors_the_sbg_fit_is_blank_in_libreoffice_too(tmp_path):
    tracker = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    formulas = openpyxl.load_workbook(tracker)["Cohorts"]
    fit = fit_row(formulas)
    assert formulas[f"C{fit}"].value == (
        f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISERROR(B{fit}),B{fit},INDEX(SBG_FIT(Cohort_Counts),1,2)))'
    )
    values = libreoffice.computed_values(tracker, tmp_path / "lo")  # LibreOffice computes every formula itself
    assert [values["Cohorts"][f"{c}{fit}"] for c in "BCDE"] == [None] * 4  # were None, #NAME?, #NAME?, None
    assert [values["Lifetime value"][f"B{r}"] for r in (9, 10, 12, 13)] == [None] * 4  # B10 was #NAME?


def test_demo_with_force_replaces_an_earlier_demo(tmp_path):
    # README: "pass another path, or --force to replace an earlier one"; recalc refused to replace the earlier demo
    target = tmp_path / "d.xlsx"
    first = run("demo", target, "--months", "3")
    assert first.returncode == 0, first.stderr
    target.write_bytes(target.read_bytes())  # the earlier demo, as a file the new run did not write
    again = run("demo", target, "--months", "3", "--force")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"wrote {target}: the template with sample data, recalculated")
    assert [p.name for p in tmp_path.iterdir()] == ["d.xlsx"]  # no temporary file left beside it
    wb = openpyxl.load_workbook(target, data_only=True)
    assert [wb["Customers"].cell(r, 1).value is not None for r in (2, 3, 4, 5)] == [True, True, True, False]
    refused = run("demo", target, "--months", "3")
    assert (
        refused.returncode == 1
        and refused.stderr.strip() == f"xl-retention: error: {target} exists: pass --force to replace it"
    )


@needs_soffice
def test_libreoffice_prints_no_error_beside_a_fitted_bdw(tmp_path):
    target = tmp_path / "d.xlsx"
    assert run("demo", target, "--months", "12").returncode == 0
    ws = openpyxl.load_workbook(target, data_only=True)["Cohorts"]
    fit = fit_row(ws)
    assert [round(ws.cell(fit + 1, c).value, 4) for c in range(2, 6)] == [0.3364, 4.0184, -405.6393, 1.244]  # BdW
    assert ws.cell(fit + 1, 7).value is None  # no note: the fit is there
    one = libreoffice.only_sheet(target, "Cohorts", tmp_path / "cohorts.xlsx")
    pdf = libreoffice.render_pdf(one, tmp_path / "pdf", recalculate=False)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    first = next(i for i, page in enumerate(pages) if "Cohorts: survivors" in page)  # Start here names the errors
    cohorts = "".join(pages[first:])
    assert "BdW fit" in cohorts and "#N/A" not in cohorts and "#NAME?" not in cohorts  # the note showed #N/A


MOVEMENT_CHARTS = "WXYST"  # Revenue's chart columns of new, expansion, reactivation, -contraction, -churned MRR


def revenue_chart_ranges(path: Path) -> dict[str, list[str]]:
    """Chart title -> the value ranges of its series (Revenue's charts of the Dashboard)."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name):
                xml = z.read(name).decode()
                title = "".join(re.findall(r"<(?:\w+:)?t>([^<]*)<", re.split(r"</(?:\w+:)?title>", xml)[0]))
                refs = re.findall(r"<(?:\w+:)?val>.*?<(?:\w+:)?f>([^<]*)<", xml, re.S)
                if refs and refs[0].startswith("'Revenue'"):
                    out[title] = refs
    return out


def test_mrr_movements_pasted_as_text_are_drawn_as_their_numbers(tmp_path):
    # the bars read C:E directly and S/T tested ISNUMBER: February's text movements were drawn as 0 or a gap while
    # MRR at end (1205) and the rates took them
    february = {"C3": "101", "D3": "50", "E3": "5", "F3": "20", "G3": "31"}
    march = {"C4": "abc", "E4": 0, "F4": 2, "G4": 3}  # new MRR no number: a gap; expansion blank between numbers
    april = {"C5": 40, "D5": 10, "F5": 1, "G5": 0}  # reactivation blank after its last number
    wb, result = recalculated(tmp_path, {"Revenue": {**JANUARY, **february, **march, **april}})
    revenue = wb["Revenue"]
    assert [revenue[f"{c}1"].value for c in "WXY"] == [
        "New MRR (chart)", "Expansion MRR (chart)", "Reactivation MRR (chart)"]  # fmt: skip
    assert [revenue[f"{c}2"].value for c in MOVEMENT_CHARTS] == [100, 50, 0, -20, -30]
    assert [revenue[f"{c}3"].value for c in "H" + MOVEMENT_CHARTS] == [1205, 101, 50, 5, -20, -31]
    assert [revenue[f"{c}4"].value for c in "H" + MOVEMENT_CHARTS] == ["#VALUE!", "#N/A", "#N/A", 0, -2, -3]
    assert [revenue[f"{c}5"].value for c in MOVEMENT_CHARTS] == [40, 10, None, -1, 0]
    assert [revenue[f"{c}6"].value for c in MOVEMENT_CHARTS] == [None] * 5  # no month: blank, no error
    ranges = revenue_chart_ranges(tmp_path / "t.xlsx")
    assert ranges["MRR movements by month"] == [f"'Revenue'!${c}$2:${c}$5" for c in MOVEMENT_CHARTS]


def test_a_movement_typed_first_in_a_later_month_does_not_cut_the_revenue_charts(tmp_path):
    # reactivation first typed in April, contraction in March: their chart columns' first numbers made every Revenue
    # chart start in April (the first month of every charted figure)
    typed = {"B2": 1000, "C2": 100, "D2": 50, "G2": 30, "C3": 10, "C4": 10, "F4": 5, "C5": 10, "E5": 7}
    wb, result = recalculated(tmp_path, {"Revenue": typed})
    assert result.returncode == 0, result.stdout + result.stderr
    revenue = wb["Revenue"]
    assert [revenue[f"{c}5"].value for c in "HP"] == [1152, 1152]  # 1000 + 150 - 30 + 10 + 10 - 5 + 10 + 7
    assert [revenue[f"{c}{r}"].value for c in "YS" for r in (2, 3, 4, 5)] == [None, None, None, 7, None, None, -5, None]
    ranges = revenue_chart_ranges(tmp_path / "t.xlsx")
    assert ranges == {
        "MRR movements by month": [f"'Revenue'!${c}$2:${c}$5" for c in MOVEMENT_CHARTS],
        "Net and gross revenue retention": ["'Revenue'!$Q$2:$Q$5", "'Revenue'!$R$2:$R$5"],
        "MRR at end of month": ["'Revenue'!$P$2:$P$5"],
    }


@needs_soffice
def test_libreoffice_draws_the_mrr_movements_pasted_as_text_as_their_numbers(tmp_path):
    tracker = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(tracker)
    for ref, value in {**JANUARY, "C3": "101", "D3": "50", "E3": "5", "F3": "20", "G3": "31", "C4": "abc"}.items():
        wb["Revenue"][ref] = value
    wb.save(tracker)
    values = libreoffice.computed_values(tracker, tmp_path / "lo")["Revenue"]  # LibreOffice computes them itself
    assert [values[f"{c}3"] for c in MOVEMENT_CHARTS] == [101, 50, 5, -20, -31]
    assert values["W4"] == "#N/A"
