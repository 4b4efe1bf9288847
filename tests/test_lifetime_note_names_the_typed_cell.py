"""Lifetime value!C5 names the cell the churn's error starts in, and the Dashboard quotes a sheet name with a space.

H194's finding 03: February's customers at end typed "n/a" (Customers!D3) makes February's churn rate an error, and
March's too (February's end is March's start). C5 said "see Customers!G4: ... correct that month", March's churn rate,
which only carried the error: correcting March changes nothing. It now names the cell to correct, D3: the last month
in error's start when it is the month before's end carried (blank or no number there: that end), else its customers
gained or at end (blank, an error or text that is no number), else its churn rate (numbers that cannot be). The
Dashboard said "see Lifetime value!B8" and "see Purchases and visits!F2", sheet names with spaces written without the
quotes a formula needs ('Lifetime value'!B8). import, extend and upgrade bring an earlier tracker's texts up.
"""

from __future__ import annotations

import openpyxl
import pytest
from cli_process import run

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.sheets import LIFETIME_NOTE_C5, LIFETIME_NOTE_C5_LAST_ERROR

NOTE = (
    ": a churn rate of the last 12 months is an error from that cell "
    "(blank, text that is no number, an error, or figures that cannot be); fill or correct it there."
)


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ({"B2": 100, "C2": 10, "D2": 105, "C3": 5, "D3": "n/a", "C4": 3, "D4": 100}, "D3"),  # carried into March
        ({"B2": 100, "C2": 10, "D2": 105, "C3": "x", "D3": 100, "C4": 3, "D4": 100}, "C3"),  # February's gained
        ({"B2": 100, "C2": 10, "D2": 105, "C3": 5}, "D3"),  # February's end not typed yet
        ({"B2": 100, "C2": 10, "D2": 105, "C4": 3, "D4": 100}, "D3"),  # February skipped: March has no start
        ({"B2": 100, "C2": 0, "D2": -5}, "G2"),  # numbers that cannot be: the churn rate itself
        ({"B2": "lots", "C2": 10, "D2": 105}, "B2"),  # the first month's start, typed
    ],
)
def test_c5_names_the_cell_the_error_starts_in(tmp_path, typed, named):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    for ref, value in typed.items():
        wb["Customers"][ref] = value
    wb.save(path)
    done = tmp_path / "done.xlsx"
    assert recalc_file(path, done).status == "ok"
    values = openpyxl.load_workbook(done, data_only=True)
    assert values["Lifetime value"]["B5"].value in ("#VALUE!", "#NUM!")
    assert values["Lifetime value"]["C5"].value == f"see Customers!{named}{NOTE}"
    assert values["Dashboard"]["B9"].value == "see 'Lifetime value'!B8"


def test_a_shop_rate_in_error_names_its_sheet_quoted(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    wb = openpyxl.load_workbook(path)
    ws = wb["Purchases and visits"]
    ws["B2"], ws["C2"] = 10, "n/a"  # buyers, then repeat buyers that are no number: January's rate #VALUE!
    wb.save(path)
    done = tmp_path / "done.xlsx"
    assert recalc_file(path, done).status == "ok"
    values = openpyxl.load_workbook(done, data_only=True)
    assert values["Dashboard"]["F4"].value == "see 'Purchases and visits'!F2"


def test_upgrade_brings_an_earlier_trackers_texts_up(tmp_path):
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    current_b9, current_f4 = wb["Dashboard"]["B9"].value, wb["Dashboard"]["F4"].value
    wb["Lifetime value"]["C5"] = LIFETIME_NOTE_C5_LAST_ERROR
    wb["Dashboard"]["B9"] = current_b9.replace(
        "\"see 'Lifetime value'!\"&ADDRESS(ROW(LTV_CLV),COLUMN(LTV_CLV),4)", '"see Lifetime value!B8"'
    )  # as the template wrote it before 2026-12-03's session
    wb["Dashboard"]["F4"] = current_f4.replace("\"see 'Purchases and visits'!\"", '"see Purchases and visits!"')
    assert (wb["Dashboard"]["B9"].value, wb["Dashboard"]["F4"].value) != (current_b9, current_f4)
    wb.save(path)
    result = run("upgrade", path)
    assert result.returncode == 0, result.stderr
    assert "'Lifetime value'!C5" in result.stdout and "'Dashboard'!B9" in result.stdout
    wb = openpyxl.load_workbook(path)
    assert wb["Lifetime value"]["C5"].value == LIFETIME_NOTE_C5
    assert (wb["Dashboard"]["B9"].value, wb["Dashboard"]["F4"].value) == (current_b9, current_f4)


def test_the_dashboard_names_the_clvs_cell_where_it_is_now(tmp_path):
    """H201's finding 04: rows inserted under Lifetime value's title move the CLV (B8 to B10) and its name with it; the
    Dashboard said "see 'Lifetime value'!B8", the discount rate's cell then. It names the cell LTV_CLV refers to."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    wb = openpyxl.load_workbook(path)
    wb.defined_names["LTV_CLV"].attr_text = "'Lifetime value'!$B$20"  # as a row insert moves the name (B8 -> B20)
    wb["Lifetime value"]["B20"] = "=1/0"
    wb.save(path)
    done = tmp_path / "done.xlsx"
    assert recalc_file(path, done).status == "ok"
    assert openpyxl.load_workbook(done, data_only=True)["Dashboard"]["B9"].value == "see 'Lifetime value'!B20"


def test_upgrade_finds_the_dashboards_figures_below_a_row_inserted_above_them(tmp_path):
    """H201's finding 03: a note row inserted under the Dashboard's title moved its latest figures down a row; upgrade
    looked for them in A3:G9 only, left the Dashboard's earlier formulas as they were (no word), and they read helper
    columns it had upgraded: "Customers at end" 541 (March) instead of 548 (April), under ok."""
    from xl_retention.workbook.dashboard_upgrade import EARLIER

    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws = wb["Dashboard"]
    current = ws["B4"].value
    ws.insert_rows(2)  # the user's note row: every cell below moves down one row (the formulas read names only)
    ws["A2"] = "Board pack, updated monthly"
    ws["B5"] = EARLIER["B4"][1]  # an earlier template's latest customers at end
    wb.save(path)
    result = run("upgrade", path)
    assert result.returncode == 0, result.stderr
    assert "'Dashboard'!B5" in result.stdout
    ws = openpyxl.load_workbook(path)["Dashboard"]
    assert (ws["A2"].value, ws["A5"].value, ws["B5"].value) == (
        "Board pack, updated monthly",
        "Customers at end",
        current,
    )


def test_upgrade_reads_a_column_whose_header_was_renamed_where_the_template_put_it(tmp_path):
    """H201's finding 01: with Customers!D1 renamed ('Active at month end'), upgrade found no 'Customers at end'
    column, skipped every Customers formula reading it without a word and said the formulas were brought up; recalc
    then no longer named them. The column is read where the template put it (D, no other column there): a formula
    exactly an earlier template's reading it is brought up."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    ws = wb["Customers"]
    current = ws["F3"].value
    ws["D1"], ws["F3"] = "Active at month end", "=CRR(D3,C3,B3)"  # the first template's CRR (no blank month kept)
    wb.save(path)
    result = run("upgrade", path)
    assert result.returncode == 0, result.stderr
    assert "'Customers'!F3" in result.stdout
    ws = openpyxl.load_workbook(path)["Customers"]
    assert (ws["D1"].value, ws["F3"].value) == ("Active at month end", current)
