"""The tracking workbook filled for 1 to 30 months, in trackers that start before, at and after the data.

The template's input cells are filled with the test's own generated figures (a business that
starts with no customers), the workbook is recalculated by the embedded engine, and every
formula cell is checked: the only errors are those the metrics contract and the template call
for (#N/A in the hidden chart columns for months without a figure; the sBG fit's own error
when the core's fit fails), and every metric equals the core's (xl_retention.crr, ...).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import xl_retention as xr
import xl_retention.movements as mv
from xl_retention.errors import RetentionInputError
from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.template import CUSTOMERS, NPS_SUMMARY, PURCHASES, REVENUE, column_letter

CHART_KEYS = {
    "Customers": ("end_chart", "crr_chart"),
    "Revenue": ("end_chart", "nrr_chart", "grr_chart", "contraction_chart", "churned_chart"),
    "NPS": ("nps_chart", "moe_chart"),
}
SPECS = {spec.title: spec for spec in (CUSTOMERS, REVENUE, NPS_SUMMARY, PURCHASES)}
#: each chart column's source column and sign
CHART_SOURCES = {
    ("Customers", "end_chart"): ("end", 1),
    ("Customers", "crr_chart"): ("crr", 1),
    ("Revenue", "end_chart"): ("end", 1),
    ("Revenue", "nrr_chart"): ("nrr", 1),
    ("Revenue", "grr_chart"): ("grr", 1),
    ("Revenue", "contraction_chart"): ("contraction", -1),
    ("Revenue", "churned_chart"): ("churned", -1),
    ("NPS", "nps_chart"): ("nps", 1),
    ("NPS", "moe_chart"): ("moe", 1),
}


def expected_chart_column(source: list[float | None], sign: int) -> list[float | str | None]:
    """A chart column: the figure; #N/A for a month without one between months with one; blank elsewhere."""
    found = [i for i, v in enumerate(source) if isinstance(v, float)]
    return [
        sign * v if isinstance(v, float) else "#N/A" if found and found[0] < i < found[-1] else None
        for i, v in enumerate(source)
    ]


def business(months: int, seed: int) -> dict:
    """``months`` of a business that starts with no customers: counts, MRR movements, scores, survivors."""
    rng = np.random.default_rng(seed)
    start, mrr = 0, 0.0
    rows = []
    for i in range(months):
        gained = int(rng.integers(30, 50))
        lost = int(rng.binomial(start, 0.08)) if start else 0
        churned = round(lost * 50.0, 2)
        contraction = round(mrr * 0.01, 2) if i % 3 else 0.0  # some months lose nothing but churn
        new, expansion = round(gained * 50.0, 2), round(mrr * 0.02, 2)
        reactivation = 25.0 if i % 4 == 3 else 0.0
        end = start + gained - lost
        rows.append(dict(start=start, gained=gained, end=end, mrr_start=mrr, new=new, expansion=expansion,
                         reactivation=reactivation, contraction=contraction, churned=churned))  # fmt: skip
        mrr = round(mrr + new + expansion + reactivation - contraction - churned, 2)
        start = end
    survivors = []
    for i in range(months):
        size = 0 if i == 2 else rows[i]["gained"]  # a cohort without customers: left out of the fit
        # each customer churns with a probability of their own, drawn from a beta distribution: the sBG model
        lifetimes = rng.geometric(rng.beta(0.8, 3.0, size)) if size else np.array([], dtype=int)
        survivors.append([int((lifetimes > k).sum()) for k in range(months - i)])
    scores = [[] if i % 5 == 4 else rng.integers(0, 11, 20).tolist() for i in range(months)]  # months without answers
    visits = [(0, 0) if i % 6 == 5 else (200, 70) for i in range(months)]  # a month without visitors
    return dict(rows=rows, survivors=survivors, scores=scores, visits=visits)


def fill(data: dict, offset: int, tracker_months: int) -> dict:
    """Inputs for a tracker whose first month is data month ``offset`` (negative: before the data)."""
    lead = max(0, -offset)
    rows = data["rows"][max(0, offset) :]
    rows = rows[: tracker_months - lead]
    pad = [None] * lead

    def col(key: str) -> list:
        return pad + [r[key] for r in rows]

    customers = {"gained": col("gained"), "end": col("end")}
    revenue = {k: col(k) for k in ("new", "expansion", "reactivation", "contraction", "churned")}
    if lead == 0:  # the tracker's first month: its start is typed
        customers["start"], revenue["start"] = [rows[0]["start"]], [rows[0]["mrr_start"]]
    first = max(0, offset)
    survivors = data["survivors"][first : first + len(rows)]
    survivors = [r[: tracker_months - lead - i] for i, r in enumerate(survivors)]  # the tracker's own triangle
    visits = pad + data["visits"][first : first + len(rows)]
    return {
        "Customers": customers,
        "Revenue": revenue,
        "NPS scores": [[] for _ in pad] + data["scores"][first : first + len(rows)],
        "Purchases and visits": {
            "visitors": [v and v[0] for v in visits],
            "returning_visitors": [v and v[1] for v in visits],
        },  # fmt: skip
        "Cohorts": [[] for _ in pad] + survivors,
        "Lifetime value": {"gross_margin": 0.8},
    }


def stored(path: Path) -> dict[str, dict[str, tuple[str, object]]]:
    """Each sheet's cells as stored in the file: ``(kind, value)`` with kind n, s, str, e, b or "" (no value).

    Read from the sheet XML, because openpyxl reads a formula's stored "" and no stored value alike.
    """
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
        targets.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            text = z.read("xl/sharedStrings.xml").decode()
            shared = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", text, re.S)]
        out = {}
        for name, rid in re.findall(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
            target = targets[rid].lstrip("/")
            xml = z.read(target if target.startswith("xl/") else f"xl/{target}").decode()
            cells = {}
            for ref, attrs, body in re.findall(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.S):
                kind = (re.search(r't="(\w+)"', attrs) or [None, "n"])[1]
                value = re.search(r"<v>(.*?)</v>", body or "", re.S)
                if value is None:
                    cells[ref] = ("", None)
                elif kind == "s":
                    cells[ref] = ("s", shared[int(value[1])])
                elif kind == "n":
                    cells[ref] = ("n", float(value[1]))
                else:
                    cells[ref] = (kind, value[1])
            out[name.replace("&amp;", "&")] = cells
        return out


def expected_rate(function, *args):
    """The core's value, or None where the template leaves the month blank (a base of 0)."""
    if args[-1] == 0:
        return None
    return function(*args)


EPOCH = dt.datetime(1899, 12, 30)
CASES = [(n, offset) for n in (1, 6, 13, 30) for offset in (-2, 0, 2) if n + min(offset, 0) > 0 and n - offset > 0]


@pytest.mark.parametrize(("filled", "offset"), CASES)
def test_a_partly_filled_tracker_has_no_stray_errors_and_the_core_s_values(tmp_path, filled, offset):
    data = business(filled, seed=filled)
    months = filled + 4  # 4 months more than the data: months nobody has filled
    inputs = fill(data, offset, months)
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=months, inputs=inputs)
    report = recalc_file(path, tmp_path / "r.xlsx")
    assert report.status == "ok", report.message
    values = stored(tmp_path / "r.xlsx")
    formulas = openpyxl.load_workbook(path)
    lead = max(0, -offset)
    rows = data["rows"][max(0, offset) :][: months - lead]
    data_rows = {lead + 2 + i: r for i, r in enumerate(rows)}  # sheet row -> the month's figures

    # the fit: the core's, on the tracker's own triangle, or its error
    triangle = np.full((months, months), np.nan)
    for i, row in enumerate(inputs["Cohorts"]):
        triangle[i, : len(row)] = row if row else np.nan
    try:
        fit = xr.sbg_fit(triangle)
        fit_error = None
    except RetentionInputError as error:
        fit, fit_error = None, error.excel_error
    try:
        bdw = xr.bdw_fit(triangle)
        bdw_error = None
    except RetentionInputError as error:
        bdw, bdw_error = None, error.excel_error

    allowed = []  # (sheet, ref, code)
    for sheet, keys in CHART_KEYS.items():
        for key in keys:
            allowed += [(sheet, f"{column_letter(SPECS[sheet], key)}{r}", "#N/A") for r in range(2, months + 2)]
    cohorts = formulas["Cohorts"]
    fit_row = next(r for r in range(1, cohorts.max_row + 1) if cohorts.cell(r, 1).value == "fit")
    if fit_error:
        allowed += [("Cohorts", f"{c}{fit_row}", fit_error) for c in "BCD"]
        allowed += [("Lifetime value", ref, fit_error) for ref in ("B9", "B10")]
        allowed += [("Cohorts", f"{openpyxl.utils.get_column_letter(c)}{r}", fit_error)
                    for r in range(fit_row + 6, fit_row + 6 + months) for c in range(3, 15)]  # fmt: skip
    if bdw_error:
        allowed += [("Cohorts", f"{c}{fit_row + 1}", bdw_error) for c in "BCDE"]
    allowed = {(s, ref): code for s, ref, code in allowed}
    errors = [(s, ref, v) for s, cells in values.items() for ref, (kind, v) in cells.items() if kind == "e"]
    stray = [e for e in errors if allowed.get(e[:2]) != e[2]]
    assert not stray, stray[:10]

    def value(sheet: str, key: str, row: int):
        kind, v = values[sheet].get(f"{column_letter(SPECS[sheet], key)}{row}", ("", None))
        return None if kind in ("", "str") and not v else v

    churn_rates = []
    for row in range(2, months + 2):
        r = data_rows.get(row)
        if r is None:  # a month without data: every metric blank (the chart cells are checked below)
            assert value("Customers", "crr", row) is None and value("Revenue", "nrr", row) is None
            continue
        s, n, e = r["start"], r["gained"], r["end"]
        assert value("Customers", "start", row) == s
        crr = expected_rate(xr.crr, e, n, s)
        assert value("Customers", "crr", row) == crr, row
        assert value("Customers", "churn", row) == expected_rate(xr.churn_rate, e, n, s)
        if crr is not None:
            churn_rates.append(xr.churn_rate(e, n, s))
        lost = r["contraction"] + r["churned"]
        start_mrr = r["mrr_start"]
        assert value("Revenue", "end", row) == pytest.approx(
            start_mrr + r["new"] + r["expansion"] + r["reactivation"] - lost, rel=1e-12
        )
        for key, function, args in (
            ("nrr", xr.nrr, (lost, r["expansion"], start_mrr)),
            ("grr", xr.grr, (lost, start_mrr)),
            ("net_churn", xr.net_revenue_churn, (lost, r["expansion"], start_mrr)),
            ("quick_ratio", xr.quick_ratio, (r["new"] + r["reactivation"], r["expansion"], lost)),
        ):
            want = expected_rate(function, *args)
            got = value("Revenue", key, row)
            assert (got is None) if want is None else got == pytest.approx(want, rel=1e-12), (key, row)
        i = row - 2 - lead
        visitors, returning = data["visits"][max(0, offset) + i]
        assert value("Purchases and visits", "visitor_rate", row) == expected_rate(
            xr.returning_visitor_rate, returning, visitors
        )
        scores = data["scores"][max(0, offset) + i]
        assert value("NPS", "nps", row) == (xr.nps(scores) if scores else None)
    for (sheet, key), (source, sign) in CHART_SOURCES.items():
        figures = [value(sheet, source, row) for row in range(2, months + 2)]
        assert [value(sheet, key, row) for row in range(2, months + 2)] == expected_chart_column(figures, sign), key

    # the Dashboard's latest figures: each series' last month with a figure
    dashboard = {ref: v for ref, (kind, v) in values["Dashboard"].items()}
    month_serial = {row: (openpyxl.load_workbook(path)["Customers"].cell(row, 1).value - EPOCH).days
                    for row in data_rows}  # fmt: skip
    last_row = max(data_rows)
    last = data_rows[last_row]
    assert (dashboard["B4"], dashboard["C4"]) == (last["end"], month_serial[last_row])
    crr_rows = [row for row, r in data_rows.items() if r["start"]]
    if crr_rows:
        r = data_rows[crr_rows[-1]]
        assert dashboard["B6"] == xr.crr(r["end"], r["gained"], r["start"])
        assert dashboard["C6"] == month_serial[crr_rows[-1]]
    else:
        assert dashboard["B6"] in (None, "")

    lifetime = {ref: v for ref, (kind, v) in values["Lifetime value"].items()}
    if churn_rates:  # the average of the last 12 months that have a churn rate
        assert lifetime["B5"] == pytest.approx(float(np.mean(churn_rates[-12:])), rel=1e-12)
        last = rows[-1]
        assert lifetime["B3"] == pytest.approx(
            (last["mrr_start"] + last["new"] + last["expansion"] + last["reactivation"] - last["contraction"]
             - last["churned"]) / last["end"], rel=1e-12)  # fmt: skip
        clv = xr.clv(lifetime["B3"], 0.8, lifetime["B5"], 0.01)
        assert lifetime["B8"] == pytest.approx(clv, rel=1e-12)
    else:
        assert values["Lifetime value"]["B5"][1] in (None, "")

    if fit is not None:
        got = [values["Cohorts"][f"{c}{fit_row}"][1] for c in "BCD"]
        assert got == pytest.approx(list(fit), rel=1e-12)
        for i, row in enumerate(inputs["Cohorts"]):  # from each cohort's last observed month
            r = fit_row + 6 + i
            if not row or row[0] == 0:
                assert values["Cohorts"][f"C{r}"][1] in (None, ""), r
                continue
            k = len(row) - 1
            assert values["Cohorts"][f"B{r}"][1] == k
            for h in (1, 12):
                cell = f"{openpyxl.utils.get_column_letter(2 + h)}{r}"
                want = (
                    row[k]
                    / row[0]
                    * xr.sbg_survival(fit.alpha, fit.beta, k + h)
                    / xr.sbg_survival(fit.alpha, fit.beta, k)
                )
                assert values["Cohorts"][cell][1] == pytest.approx(want, rel=1e-12), cell
    else:
        reason = values["Cohorts"][f"G{fit_row}"][1]
        assert reason.startswith(fit_error), reason
    if bdw is not None:  # the BdW row below the sBG's: alpha, beta, log-likelihood, c, and the LL gained
        got = [values["Cohorts"][f"{c}{fit_row + 1}"][1] for c in "BCDE"]
        assert got == pytest.approx([bdw.alpha, bdw.beta, bdw.log_likelihood, bdw.c], rel=1e-9)
        if fit is not None:
            gained = values["Cohorts"][f"D{fit_row + 2}"][1]
            assert gained == pytest.approx(bdw.log_likelihood - fit.log_likelihood, abs=1e-9)
    else:
        reason = values["Cohorts"][f"G{fit_row + 1}"][1]  # blank cells and the reason in words
        assert reason.startswith(f"no BdW fit: {bdw_error}") or not any(map(any, inputs["Cohorts"])), reason


def test_a_month_after_an_unfilled_one_in_the_middle_is_not_guessed(tmp_path):
    # January and March typed, February forgotten: March's start is not a guess of 0 but missing
    inputs = {"Customers": {"start": [100], "gained": [10, None, 12], "end": [105, None, 110]}}
    path = build_template(tmp_path / "t.xlsx", months=3, inputs=inputs)
    recalc_file(path, tmp_path / "r.xlsx")
    customers = stored(tmp_path / "r.xlsx")["Customers"]
    assert customers["B4"][1] in (None, "") and customers["F4"] == ("e", "#VALUE!")


def test_a_first_month_with_only_its_mrr_at_start_ends_where_it_started(tmp_path):
    # January typed as "MRR at start 1000", movements blank: it ends at 1000, February starts there; January's rates
    # are #VALUE! (none of its movements typed: not filled yet, H325), not NRR and GRR 100%
    inputs = {"Revenue": {"start": [1000], "new": [None, 100], "churned": [None, 50]}}
    path = build_template(tmp_path / "t.xlsx", months=3, inputs=inputs)
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    revenue = stored(tmp_path / "r.xlsx")["Revenue"]
    nrr, grr = column_letter(REVENUE, "nrr"), column_letter(REVENUE, "grr")
    assert [revenue[f"{c}2"][1] for c in ("H", nrr, grr)] == [1000, "#VALUE!", "#VALUE!"]
    assert [revenue[f"{c}3"][1] for c in ("B", "H", nrr, grr)] == [1000, 1050, 0.95, 0.95]
    assert revenue["B4"][1] in (None, "") and revenue["H4"][1] in (None, "")  # March: nothing typed


def test_a_first_month_with_only_customers_at_start_leaves_the_next_start_unknown_not_0(tmp_path):
    # 10 customers typed at the start of January, its end forgotten: February's start is unknown (was 0)
    inputs = {"Customers": {"start": [10], "gained": [None, 2], "end": [None, 11]}}
    path = build_template(tmp_path / "t.xlsx", months=3, inputs=inputs)
    recalc_file(path, tmp_path / "r.xlsx")
    customers = stored(tmp_path / "r.xlsx")["Customers"]
    assert customers["B3"][1] in (None, "") and customers["F3"] == ("e", "#VALUE!")
    assert customers["E2"] == ("e", "#VALUE!")  # January's lost: its end is missing
    # a new business (nothing typed before its first data month) still starts from 0
    path = build_template(tmp_path / "n.xlsx", months=3, inputs={"Customers": {"gained": [None, 2], "end": [None, 2]}})
    recalc_file(path, tmp_path / "rn.xlsx")
    assert stored(tmp_path / "rn.xlsx")["Customers"]["B3"][1] == 0


# -- LibreOffice: what a user sees --------------------------------------------------------
libreoffice = pytest.importorskip("libreoffice")
needs_soffice = pytest.mark.skipif(libreoffice.soffice_path() is None, reason="LibreOffice (soffice) not installed")


def recalculated_partial_tracker(tmp_path: Path) -> Path:
    """Six months of data in a 12-month tracker, recalculated by the embedded engine."""
    data = business(6, seed=6)
    path = build_template(tmp_path / "t.xlsx", start="2025-01", months=12, inputs=fill(data, 0, 12))
    assert recalc_file(path, tmp_path / "r.xlsx").status == "ok"
    return tmp_path / "r.xlsx"


def chart_ranges(path: Path) -> list[tuple[str, dict[str, list[str]]]]:
    """Each chart's kind (line, bar) and its ranges by role: {"val": [...], "cat": [...], "plus": ..., "minus": ...}."""
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)), key=lambda n: int(
            re.search(r"(\d+)\.xml", n)[1]))  # fmt: skip
        charts = [z.read(n).decode() for n in names]
    out = []
    for xml in charts:
        kind = re.search(r"<(?:c:)?(\w+?)Chart>", xml)[1]
        roles: dict[str, list[str]] = {}
        for role, ref in re.findall(r"<(?:c:)?(cat|val|plus|minus)>.*?<(?:c:)?f>([^<]+)</", xml, re.S):
            roles.setdefault(role, []).append(ref)
        out.append((kind, roles))
    return out


def rows_of(ref: str) -> tuple[str, str, int, int]:
    sheet, column, first, last = re.fullmatch(r"'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", ref).groups()
    return sheet, column, int(first), int(last)


def test_the_dashboard_charts_cover_the_months_with_figures_after_recalc(tmp_path):
    # LibreOffice draws any non-empty cell that is not a number (#N/A, "") as 0, and Excel draws "" as 0, so recalc
    # fits every chart of a sheet to the months in which each of its charted figures is defined (from the first
    # month with a rate: January starts from 0 customers, 0 MRR) to the last month with a figure
    path = recalculated_partial_tracker(tmp_path)
    values = stored(path)
    charts = chart_ranges(path)
    assert [k for k, _ in charts] == ["line", "bar", "line", "line", "line", "line"]
    covered = []
    for _kind, roles in charts:
        spans = {rows_of(ref)[2:] for refs in roles.values() for ref in refs}
        assert len(spans) == 1, roles  # categories, values and error bars of a chart: the same months
        covered.append(spans.pop())
        for ref in roles["val"]:  # a number or a gap (#N/A) in every month a chart reads: never "" (drawn as 0)
            sheet, column, first, last = rows_of(ref)
            kinds = {values[sheet].get(f"{column}{r}", ("",))[0] for r in range(first, last + 1)}
            assert kinds <= {"n", "e"}, (ref, kinds)
    # Customers and Revenue (the bars too): February to June; NPS: January to June, May (no answers) a gap inside
    assert covered == [(3, 7), (3, 7), (3, 7), (3, 7), (3, 7), (2, 7)]
    nps = stored(path)["NPS"]
    assert nps["H6"] == ("e", "#N/A") and all(nps[f"H{r}"][0] == "n" for r in (2, 3, 4, 5, 7))
    for kind, roles in charts:  # no chart's cached points are left behind to disagree with the new ranges
        assert kind != "line" or all("<c:numCache>" not in r for r in roles["val"])


def test_import_gives_fitted_charts_their_months_back_and_a_new_recalc_fits_them_again(tmp_path):
    path = recalculated_partial_tracker(tmp_path)  # fitted to January..June (CRR February..June)
    data = snapshots(9, seed=9)
    data.to_csv(tmp_path / "subs.csv", index=False)
    run = [
        "xl-retention",
        "import",
        "--subscriptions",
        str(tmp_path / "subs.csv"),
        "--into",
        str(path),
        "--replace-typed",
    ]
    assert subprocess.run(run, capture_output=True, text=True).returncode == 0
    assert [sorted({rows_of(r)[2:] for refs in roles.values() for r in refs}) for _, roles in chart_ranges(path)] == [
        [(2, 13)]
    ] * 6  # without --recalc: every month again, as the template has them (Excel: filled in as typed)
    assert subprocess.run([*run, "--recalc"], capture_output=True, text=True).returncode == 0
    spans = [sorted({rows_of(r)[2:] for refs in roles.values() for r in refs}) for _, roles in chart_ranges(path)]
    assert spans == [[(3, 10)]] * 5 + [[(2, 7)]]  # NPS: the answers typed before


def lo_plotted(path: Path, outdir: Path) -> list[tuple[str, list[tuple[str, int, set[int]]]]]:
    """What LibreOffice plots: each chart's kind and, per series, its range, point count and the points it caches.

    LibreOffice re-saved as xlsx writes a point for a number only, but DRAWS a cell holding #N/A or "" as 0
    (seen in its PDF): a series with fewer cached points than its range has cells drawn as false zeros.
    """
    saved = libreoffice._convert(path, outdir, "xlsx", recalc=False)
    out = []
    for kind, _ in chart_ranges(saved):
        out.append((kind, []))
    with zipfile.ZipFile(saved) as z:
        names = sorted((n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)), key=lambda n: int(
            re.search(r"(\d+)\.xml", n)[1]))  # fmt: skip
        for (_, series), name in zip(out, names, strict=True):
            for body in re.findall(r"<c:ser>(.*?)</c:ser>", z.read(name).decode(), re.S):
                ref, cache = re.search(r"<c:val>.*?<c:f>([^<]+)</c:f>(.*?)</c:val>", body, re.S).groups()
                count = int(re.search(r'<c:ptCount val="(\d+)"', cache)[1])
                series.append((ref, count, {int(i) for i in re.findall(r'<c:pt idx="(\d+)">', cache)}))
    return out


@needs_soffice
def test_libreoffice_shows_a_partly_filled_tracker_without_error_text_or_points_for_months_without_data(tmp_path):
    path = recalculated_partial_tracker(tmp_path)
    pdf = libreoffice.render_pdf(path, tmp_path / "lo", recalculate=False)
    text = subprocess.run(["pdftotext", "-f", "2", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Customers at end of month" in text  # page 1 is Start here, which names the errors it explains
    shown = {code: text.count(code) for code in ("#NAME?", "Err:", "#VALUE!", "#DIV/0!")}
    assert shown == {"#NAME?": 0, "Err:": 0, "#VALUE!": 0, "#DIV/0!": 0}
    plotted = lo_plotted(path, tmp_path / "lo-xlsx")
    values = stored(path)
    for kind, series in plotted:
        for ref, count, points in series:
            sheet, column, first, last = rows_of(ref)
            numbers = {r - first for r in range(first, last + 1) if values[sheet].get(f"{column}{r}", ("",))[0] == "n"}
            assert count == last - first + 1 and points == numbers, ref
            if kind == "line" and sheet != "NPS":  # every point LibreOffice draws is a number: no false zero
                assert points == set(range(count)), (ref, sorted(points), count)
    # the one month without a figure inside a chart's months (NPS May: no answers): a gap in Excel (#N/A),
    # drawn at 0 by LibreOffice, which has no way to leave a gap for a formula cell
    assert [(ref, count, sorted(points)) for kind, series in plotted for ref, count, points in series if
            ref.startswith("'NPS'") or ref.startswith("NPS")] == [("NPS!$H$2:$H$7", 6, [0, 1, 2, 3, 5])]  # fmt: skip


# -- through xl-retention import: the importer's tables laid into the template ---------------------
def snapshots(months: int, seed: int, first_year: int = 2025) -> pd.DataFrame:
    """Monthly MRR snapshots of a made-up business: sign-ups every month, churn, upgrades, a comeback."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(12 * months):
        first = int(rng.integers(0, months))
        length = int(rng.geometric(rng.beta(0.8, 3.0)))
        mrr = float(rng.choice([20.0, 50.0, 90.0]))
        active = list(range(first, min(first + length, months)))
        if c % 17 == 0 and active and active[-1] + 2 < months:  # back two months after leaving
            active.append(active[-1] + 2)
        for m in active:
            rows.append((f"c{c}", f"{first_year + m // 12}-{m % 12 + 1:02d}", mrr + (10.0 if m - first == 3 else 0.0)))
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])


@pytest.mark.parametrize(("filled", "lead"), [(n, lead) for n in (1, 6, 13, 30) for lead in (0, 2)])
def test_an_import_into_a_tracker_has_no_stray_errors_and_the_core_s_values(tmp_path, filled, lead):
    data = snapshots(filled, seed=filled, first_year=2024)  # 30 months from 2024: none after this month
    data.to_csv(tmp_path / "subs.csv", index=False)
    first = pd.Period("2024-01", freq="M") - lead
    tracker = tmp_path / "tracker.xlsx"
    build_template(tracker, start=str(first), months=filled + lead + 3)
    result = subprocess.run(["xl-retention", "import", "--subscriptions", str(tmp_path / "subs.csv"), "--into",
                             str(tracker), "--recalc"], capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr
    tables = mv.subscription_tables(data)
    m, survivors = tables.movements, tables.survivors
    values = stored(tracker)
    months = filled + lead + 3

    triangle = np.full((months, months), np.nan)
    for i, (_, row) in enumerate(survivors.iterrows()):
        counts = row.dropna().to_numpy()[: months - lead - i]
        triangle[lead + i, : len(counts)] = counts
    try:
        fit, fit_error = xr.sbg_fit(triangle), None
    except RetentionInputError as error:
        fit, fit_error = None, error.excel_error
    cohorts = openpyxl.load_workbook(tracker)["Cohorts"]
    fit_row = next(r for r in range(1, cohorts.max_row + 1) if cohorts.cell(r, 1).value == "fit")
    allowed = {(s, f"{column_letter(SPECS[s], k)}{r}"): "#N/A" for s, keys in CHART_KEYS.items() for k in keys
               for r in range(2, months + 2)}  # fmt: skip
    if fit_error:
        allowed |= {("Cohorts", f"{c}{fit_row}"): fit_error for c in "BCD"}
        allowed |= {("Lifetime value", ref): fit_error for ref in ("B9", "B10")}
        allowed |= {("Cohorts", f"{openpyxl.utils.get_column_letter(c)}{r}"): fit_error
                    for r in range(fit_row + 6, fit_row + 6 + months) for c in range(3, 15)}  # fmt: skip
    try:
        xr.bdw_fit(triangle)
    except RetentionInputError as error:
        allowed |= {("Cohorts", f"{c}{fit_row + 1}"): error.excel_error for c in "BCDE"}
    stray = [(s, ref, v) for s, cells in values.items() for ref, (kind, v) in cells.items()
             if kind == "e" and allowed.get((s, ref)) != v]  # fmt: skip
    assert not stray, stray[:10]

    def cell(sheet: str, key: str, row: int):
        kind, v = values[sheet].get(f"{column_letter(SPECS[sheet], key)}{row}", ("", None))
        return None if kind in ("", "str") and not v else v

    for i, (month, r) in enumerate(m.iterrows()):
        row = lead + 2 + i
        for sheet, key, column in (("Customers", "crr", "crr"), ("Customers", "churn", "churn_rate"),
                                   ("Revenue", "nrr", "nrr"), ("Revenue", "grr", "grr"),
                                   ("Revenue", "net_churn", "net_revenue_churn"),
                                   ("Revenue", "quick_ratio", "quick_ratio")):  # fmt: skip
            want = r[column]
            got = cell(sheet, key, row)
            assert (got is None) if pd.isna(want) else got == pytest.approx(want, rel=1e-12), (sheet, key, month)
    for row in range(2, lead + 2):  # the months before the data: blank, their chart cells too (no error value)
        assert cell("Customers", "crr", row) is None and cell("Customers", "crr_chart", row) is None
    churn = m["churn_rate"].dropna()
    b5 = values["Lifetime value"]["B5"]
    if len(churn):
        assert b5[1] == pytest.approx(float(churn.iloc[-12:].mean()), rel=1e-12)
        assert values["Lifetime value"]["B3"][1] == pytest.approx(m["mrr_end"].iloc[-1] / m["customers_end"].iloc[-1])
    else:
        assert b5[1] in (None, "")
    if fit is not None:
        assert [values["Cohorts"][f"{c}{fit_row}"][1] for c in "BCD"] == pytest.approx(list(fit), rel=1e-9)


@needs_soffice
def test_libreoffice_draws_no_zero_for_a_month_without_data_after_an_import_of_6_months_into_12(tmp_path):
    # a hand-made SaaS export of 6 months into a 12-month tracker, through the CLI with --recalc; then what
    # LibreOffice computed for each chart (re-saved as xlsx): every point of a line chart is a month's number
    snapshots(6, seed=6).to_csv(tmp_path / "subs.csv", index=False)
    tracker = tmp_path / "tracker.xlsx"
    build_template(tracker, start="2025-01", months=12)
    run = ["xl-retention", "import", "--subscriptions", str(tmp_path / "subs.csv"), "--into", str(tracker), "--recalc"]
    assert subprocess.run(run, capture_output=True, text=True).returncode == 0
    values = stored(tracker)
    plotted = lo_plotted(tracker, tmp_path / "lo")
    spans = [[rows_of(ref)[2:] for ref, _, _ in series] for _, series in plotted]
    assert spans == [[(3, 7)], [(3, 7)] * 5, [(3, 7)], [(3, 7)] * 2, [(3, 7)], [(14, 14)]]
    for kind, series in plotted:
        for ref, count, points in series:
            sheet, column, first, last = rows_of(ref)
            numbers = {r - first for r in range(first, last + 1) if values[sheet].get(f"{column}{r}", ("",))[0] == "n"}
            assert count == last - first + 1 and points == numbers, ref
            if kind == "line" and sheet != "NPS":
                assert points == set(range(count)), (ref, sorted(points))  # July..December and CRR's January: out
    # no NPS answers: the NPS chart reads the empty row below the months: nothing drawn at all
    assert plotted[-1][1] == [("NPS!$H$14:$H$14", 1, set())]
    with zipfile.ZipFile(tracker) as z:
        assert '<symbol val="circle"' in z.read("xl/charts/chart6.xml").decode()  # markers: none for an empty cell
    pdf = libreoffice.render_pdf(tracker, tmp_path / "pdf", recalculate=False)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    block = text.split("Customer retention (CRR)", 1)[1].split("Retention (CRR)", 1)[0]  # CRR and NRR/GRR side by side
    assert re.findall(r"[A-Z][a-z]{2} \d\d", block) == ["Feb 25", "Mar 25", "Apr 25", "May 25", "Jun 25"] * 2
