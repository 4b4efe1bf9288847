"""The embedded engine: xl-retention formulas equal the core, built-ins equal LibreOffice's."""

import datetime as dt
import subprocess
import sys

import numpy as np
import openpyxl
import pytest
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter, range_boundaries

import xl_retention as xr
from xl_retention.cells import CellError
from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.embedded import compute
from xl_retention.registry import BY_NAME
from xl_retention.workbook import build_template
from xl_retention.workbook.sample import sample_inputs

MONTHS = 24


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    inputs = sample_inputs(MONTHS, seed=11)
    path = build_template(tmp_path_factory.mktemp("engine") / "filled.xlsx", inputs=inputs)
    return path, inputs, compute(path).values


def test_every_xl_retention_formula_equals_the_core(filled):
    _, inputs, values = filled
    c, r = inputs["Customers"], inputs["Revenue"]
    start = [c["start"][0], *c["end"][:-1]]
    mrr_start = [r["start"][0]]
    for i in range(MONTHS):
        mrr_start.append(
            mrr_start[i]
            + r["new"][i]
            + r["expansion"][i]
            + r["reactivation"][i]
            - r["contraction"][i]
            - r["churned"][i]
        )
    customers, revenue, nps, purchases = (values[s] for s in ("Customers", "Revenue", "NPS", "Purchases and visits"))
    for i in range(MONTHS):
        row = i + 2
        e, n, s = c["end"][i], c["gained"][i], start[i]
        assert customers[f"E{row}"] == xr.customers_lost(e, n, s)
        assert customers[f"F{row}"] == xr.crr(e, n, s)
        assert customers[f"G{row}"] == xr.churn_rate(e, n, s)
        lost = r["contraction"][i] + r["churned"][i]
        gained = r["new"][i] + r["reactivation"][i]
        expansion, s_mrr = r["expansion"][i], mrr_start[i]
        assert revenue[f"K{row}"] == xr.net_revenue_churn(lost, expansion, s_mrr)
        assert revenue[f"L{row}"] == xr.gross_revenue_churn(lost, s_mrr)
        assert revenue[f"M{row}"] == xr.nrr(lost, expansion, s_mrr)
        assert revenue[f"N{row}"] == xr.grr(lost, s_mrr)
        assert revenue[f"O{row}"] == xr.quick_ratio(gained, expansion, lost)
        scores = inputs["NPS scores"][i]
        assert nps[f"F{row}"] == xr.nps(scores)
        assert nps[f"G{row}"] == xr.nps_moe(scores)
        assert [nps[f"{col}{row}"] for col in "CDEB"] == list(xr.nps_breakdown(scores))
        p = inputs["Purchases and visits"]
        assert purchases[f"F{row}"] == xr.repeat_purchase_rate(p["repeat"][i], p["buyers"][i])
        assert purchases[f"E{row}"] == xr.returning_customer_rate(p["returning"][i], p["buyers"][i])
        assert purchases[f"I{row}"] == xr.returning_visitor_rate(p["returning_visitors"][i], p["visitors"][i])
    lifetime = values["Lifetime value"]
    churn = [xr.churn_rate(c["end"][i], c["gained"][i], start[i]) for i in range(MONTHS)]
    assert lifetime["B5"] == pytest.approx(np.mean(churn[-12:]), rel=1e-15)
    assert lifetime["B7"] == xr.customer_lifetime(lifetime["B5"])
    ltv = inputs["Lifetime value"]
    assert lifetime["B8"] == xr.clv(ltv["arpa"], ltv["gross_margin"], lifetime["B5"], ltv["discount_rate"])


def test_engine_errors_are_the_registry_errors(tmp_path):
    inputs = {
        "Customers": {"start": [500], "gained": [75, 10, 5], "end": [30, 0, 520]},
        "Revenue": {"churned": [10]},
        "Purchases and visits": {"buyers": [10, 10], "repeat": [12, 2], "returning": [3, 11]},
    }
    values = compute(build_template(tmp_path / "bad.xlsx", inputs=inputs)).values

    def code(value: object) -> object:
        return value.code if isinstance(value, CellError) else value

    assert code(values["Customers"]["F2"]) == "#NUM!"  # end below gained
    assert values["Customers"]["F2"].message == (  # the reason the recalc report gives
        "CRR: customers_end (30) is below customers_gained (75): the customers at the end include everyone "
        "gained who stayed: customers_end in Customers!D2 (Customers at end), customers_gained in Customers!C2 "
        "(Gained (new + reactivated)) (#NUM!)"
    )
    assert code(values["Customers"]["F3"]) == "#NUM!"  # end below gained
    # start 0 (previous end) with 520 at end out of 5 gained, which a start of 0 cannot have: not blank (d9212b4)
    assert code(values["Customers"]["F4"]) == "#DIV/0!"
    assert code(values["Customers"]["E4"]) == "#NUM!"  # its lost customers name the figures
    assert code(values["Revenue"]["M2"]) == "#VALUE!"  # MRR at start unknown (blank), churned MRR given
    assert code(values["Purchases and visits"]["F2"]) == "#NUM!"  # more repeat purchasers than buyers
    assert values["Purchases and visits"]["E2"] == 0.3
    assert values["Purchases and visits"]["F3"] == 0.2
    assert code(values["Purchases and visits"]["E3"]) == "#NUM!"  # more returning customers than buyers
    assert values["Customers"]["F5"] is None  # the future stays blank


def test_spilled_formulas_and_registry_in_the_engine(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    for row in [(535, 75, 500), (90, 30, 70), (10, 0, 0)]:
        ws.append(row)
    ws["E1"] = "=CRR(A1:A3,B1:B3,C1:C3)"
    ws["F1"] = "=NPS_BREAKDOWN(A1:C3)"
    ws["G5"] = "=crr(A1,B1,C1)"
    ws["H5"] = "=CLV(100,0.8,0.05)"
    wb.save(tmp_path / "spill.xlsx")
    values = compute(tmp_path / "spill.xlsx").values["Data"]
    assert values["E1"] == 0.92
    assert values["G5"] == 0.92  # function names are case-insensitive, as in Excel
    assert values["H5"] == 1600.0
    assert values["F1"].code == "#NUM!"  # 535 is no NPS score
    assert values["F1"].message.startswith("NPS_BREAKDOWN: scores must be a whole score from 0 to 10, got 535")
    assert set(BY_NAME) <= {f["name"].upper() for f in _registered(tmp_path / "spill.xlsx")}


def _registered(path):
    from xl_retention.recalculation.engine import load

    return load(path).list_functions()


def test_demo_prints_the_last_months_figures(tmp_path):
    out = tmp_path / "demo.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "xl_retention", "demo", str(out), "--start", "2024-01"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    inputs = sample_inputs(24)
    c = inputs["Customers"]
    e, n, s = c["end"][-1], c["gained"][-1], c["end"][-2]
    lines = result.stdout.splitlines()
    assert lines[1] == "Last month, December 2025:"  # 24 months from 2024-01: months that have happened
    assert lines[2] == f"  customers        {e:,} at end (+{n:,} gained, -{s + n - e:,} lost)"
    assert lines[3] == f"  retention (CRR)  {xr.crr(e, n, s):.1%}    churn rate {xr.churn_rate(e, n, s):.1%}"
    scores = inputs["NPS scores"][-1]
    assert lines[5] == (
        f"  NPS              {xr.nps(scores):.1f} ± {xr.nps_moe(scores):.1f} (95%), {len(scores)} responses"
    )
    wb = openpyxl.load_workbook(out, data_only=True)
    assert wb["Customers"]["F25"].value == xr.crr(e, n, s)


# -- built-ins against a real spreadsheet application -------------------------------------
libreoffice = pytest.importorskip("libreoffice")


@pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")
def test_builtin_formulas_equal_libreoffice(filled, tmp_path):
    path, _, ours = filled
    theirs = libreoffice.computed_values(path, tmp_path / "lo")
    original = openpyxl.load_workbook(path)

    def ours_only(formula: str) -> bool:
        return any(name + "(" in formula.upper() for name in BY_NAME)

    def cells(sheet: str, ref: str) -> list:
        got = original[sheet][ref.replace("$", "")]
        if not isinstance(got, tuple):
            return [got]
        return [c for row in got for c in (row if isinstance(row, tuple) else (row,))]

    # defined names over xl-retention cells: a formula that reads them is fed by our functions
    fed = {
        name
        for name, dn in original.defined_names.items()
        for sheet, ref in dn.destinations
        if any(isinstance(c.value, str) and ours_only(c.value) for c in cells(sheet, ref))
    }

    def references(sheet: str, formula: str) -> set[tuple[str, str]]:
        """The cells a formula reads through plain references (A1, B2:C3, 'Sheet'!A1)."""
        out = set()
        for token in Tokenizer(formula).items:
            if token.type != Token.OPERAND or token.subtype != Token.RANGE:
                continue
            where, _, area = token.value.rpartition("!")
            try:
                left, top, right, bottom = range_boundaries(area.replace("$", ""))
            except (ValueError, TypeError):
                continue  # a defined name
            target = where.strip("'").replace("''", "'") if where else sheet
            if None in (left, top, right, bottom):  # a whole column or row: as far as the sheet is used
                used = original[target]
                left, top = left or 1, top or 1
                right, bottom = right or used.max_column, bottom or used.max_row
            out |= {
                (target, f"{get_column_letter(c)}{r}") for r in range(top, bottom + 1) for c in range(left, right + 1)
            }
        return out

    # cells fed by our functions, directly or through other cells: LibreOffice does not know them
    mine = {
        (s, r)
        for s, cells in ours.items()
        for r in cells
        if ours_only(original[s][r].value) or any(name in original[s][r].value for name in fed)
    }
    reads = {(s, r): references(s, original[s][r].value) for s, cells in ours.items() for r in cells}
    while True:
        more = {cell for cell, read in reads.items() if cell not in mine and read & mine}
        if not more:
            break
        mine |= more
    compared = 0
    for sheet, cells in ours.items():
        for ref, value in cells.items():
            formula = original[sheet][ref].value
            if (sheet, ref) in mine or any(name in formula for name in fed) or theirs[sheet][ref] == "#NAME?":
                continue  # an xl-retention formula, or fed by one: LibreOffice does not know them
            expected = theirs[sheet][ref]
            if isinstance(expected, dt.datetime):  # a date-formatted cell: compare Excel's serial number
                expected = (expected - dt.datetime(1899, 12, 30)).total_seconds() / 86400
            if value is None:
                assert expected in (None, ""), (sheet, ref, formula)
            else:  # LibreOffice saves 15 significant digits
                assert value == pytest.approx(expected, rel=1e-14), (sheet, ref, formula)
            compared += 1
    assert compared >= 24 * 4 + 300  # start columns, MRR end/lost/gained, cohort shares


def test_recalc_file_reports_formula_count_and_errors(filled, tmp_path):
    path, _, _ = filled
    report = recalc_file(path, tmp_path / "out.xlsx")
    formulas = sum(
        isinstance(c.value, str) and c.value.startswith("=")
        for ws in openpyxl.load_workbook(path).worksheets
        for row in ws.iter_rows()
        for c in row
    )
    assert formulas > 1000
    assert (report.status, report.formulas, report.errors, report.engine) == ("ok", formulas, [], "embedded")


def test_xl_retention_recalc_stays_the_function_after_use(tmp_path):
    import xl_retention

    first = xl_retention.recalc(tmp_path / "missing.xlsx", engine="embedded")
    second = xl_retention.recalc(tmp_path / "missing.xlsx", engine="embedded")
    assert callable(xl_retention.recalc)
    assert first.files[0].message == second.files[0].message == f"no such file: {tmp_path / 'missing.xlsx'}"


def test_cohorts_fit_the_sbg_model_and_lifetime_value_shows_it_beside_the_simple_clv(filled):
    _, inputs, values = filled
    table = np.full((MONTHS, MONTHS), np.nan)
    for i, row in enumerate(inputs["Cohorts"]):
        table[i, : len(row)] = row
    fit = xr.sbg_fit(table)
    cohorts, lifetime = values["Cohorts"], values["Lifetime value"]
    assert (cohorts["B58"], cohorts["C58"], cohorts["D58"]) == tuple(fit)
    bdw = xr.bdw_fit(table)
    assert (cohorts["B59"], cohorts["C59"], cohorts["E59"], cohorts["D59"]) == tuple(bdw)
    assert cohorts["D60"] == bdw.log_likelihood - fit.log_likelihood
    # cohort i is observed to month 23 - i; its projection h months on is share x S(k + h) / S(k)
    for i in (0, 10, 23):
        k, size, observed = MONTHS - 1 - i, inputs["Cohorts"][i][0], inputs["Cohorts"][i][MONTHS - 1 - i]
        for h in (1, 12):
            cell = f"{openpyxl.utils.get_column_letter(2 + h)}{64 + i}"
            expected = (
                observed / size * xr.sbg_survival(fit.alpha, fit.beta, k + h) / xr.sbg_survival(fit.alpha, fit.beta, k)
            )
            assert cohorts[cell] == pytest.approx(expected, rel=1e-14), cell
    ltv = inputs["Lifetime value"]
    margin = ltv["arpa"] * ltv["gross_margin"]
    assert lifetime["B12"] == xr.sbg_del(fit.alpha, fit.beta, ltv["discount_rate"])
    assert lifetime["B13"] == xr.sbg_clv(margin, fit.alpha, fit.beta, ltv["discount_rate"])
    assert lifetime["B13"] > lifetime["B8"]  # those who stay churn less: the simple CLV understates them


def test_nps_over_a_long_mostly_empty_column_in_the_engine(tmp_path):
    """NPS formulas over 1,000 rows with a few answers (the template's layout): the same results as over the
    answers alone, and an invalid answer far down the column is named by its cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r, score in enumerate([10, 9, 3, None, 7, 10, 0], start=2):
        ws.cell(r, 2, score)
    ws["C2"], ws["C3"] = "=NPS(B2:B1001)", "=NPS(B2:B8)"
    ws["C4"], ws["C5"] = "=INDEX(NPS_BREAKDOWN(B2:B1001),1,4)", "=NPS(D2:D1001)"
    ws["D2"], ws["D600"] = 9, 11  # 11 is no score: cell 599 of the range D2:D1001
    ws["C6"] = "=NPS(E2:E1001)"  # no answers at all: blank
    wb.save(tmp_path / "nps.xlsx")
    values = compute(tmp_path / "nps.xlsx").values["S"]
    assert values["C2"] == values["C3"] == pytest.approx(100 * (3 - 2) / 6)
    assert values["C4"] == 6
    assert (values["C5"].code, values["C5"].message) == (
        "#NUM!",
        "NPS: scores must be a whole score from 0 to 10, got 11 in S!D600 (#NUM!)",  # cell 599 of D2:D1001
    )
    assert values["C6"] is None
