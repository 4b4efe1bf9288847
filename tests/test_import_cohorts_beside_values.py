"""Values and formulas of the user's beside the Cohorts tables move with their rows when an import grows the tables.

H188's finding 10: a figure typed beside the order-cohort table (Cohorts!P38 = 250, the Jan 2026 order cohort's row
of a 6-month tracker) stopped an import of 11 months of orders with "the sheet was changed by hand ...; make a tracker
that covers the data", though nothing of the template's was changed. The tables grow now and the figure stays beside
its cohort (row 53 of the grown sheet), as Excel's Insert Rows moves it; a formula of the user's there keeps reading
the same cells. Where the grown tables take a cell's new place, the import stops naming the cell and what to do.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
from cli_process import run

from xl_retention.workbook import build_template


def _orders(tmp_path, months: int):
    rows = [f"a@x.com,2026-{m:02d}-05\nb{m}@x.com,2026-{m:02d}-09\n" for m in range(1, months + 1)]
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date\n" + "".join(rows))
    return path


def test_a_figure_and_a_formula_beside_an_order_cohort_move_with_its_row(tmp_path):
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(book)
    ws = wb["Cohorts"]
    assert (ws["A37"].value, ws["A38"].value) == ("First order month", dt.datetime(2026, 1, 1))
    assert ws["A20"].value.startswith("sBG (Fader & Hardie 2007) and BdW")
    ws["P38"], ws["Q38"], ws["P20"] = 250, "=P38-B38+Cohorts!P20", 10
    wb.save(book)
    result = run("import", "--orders", _orders(tmp_path, 11), "--into", book)
    assert result.returncode == 0, result.stderr
    grown = openpyxl.load_workbook(book)["Cohorts"]
    assert (grown["A52"].value, grown["A53"].value) == ("First order month", dt.datetime(2026, 1, 1))
    found = {c.coordinate: c.value for row in grown.iter_rows(min_col=16) for c in row if c.value is not None}
    # P20 is beside the sBG/BdW fit's title (A20 of 6 months, A30 of 11): it moves there, and so does the reference
    assert grown["A30"].value.startswith("sBG (Fader & Hardie 2007) and BdW")
    assert found == {"P53": 250, "Q53": "=P53-B53+Cohorts!P30", "P30": 10}
    assert grown["B53"].value == 2  # January's buyers, month 0: what the formula reads beside the 250
    recalculated = tmp_path / "out"
    assert run("recalc", book, "--output-dir", recalculated).returncode == 0
    assert openpyxl.load_workbook(recalculated / "t.xlsx", data_only=True)["Cohorts"]["Q53"].value == 258


def test_a_cell_the_grown_tables_take_is_named(tmp_path):
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=2)
    wb = openpyxl.load_workbook(book)
    assert wb.defined_names["Order_Cohort_Counts"] is not None
    wb["Cohorts"]["E4"] = "target 90%"  # right of the 2-month survivors triangle (B4:C5); 5 months fill B4:F8
    wb.save(book)
    before = book.read_bytes()
    result = run("import", "--orders", _orders(tmp_path, 5), "--into", book)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", (
        "xl-retention: error: Cohorts!E4 (holding 'target 90%', outside the tables) stays where it is as the tables "
        "grow to 5 months, but the grown tables take that cell: move it right of column N (where the grown tables "
        "end), below row 47 or to a sheet of your own, and run again\n"
    ))  # fmt: skip
    assert book.read_bytes() == before


def test_a_note_under_the_tables_moves_down_with_them(tmp_path):
    """H213's finding 03: a note two rows under the last table (A49 of a 5-month tracker) stopped the import with
    "would move with its row to Cohorts!A49", the same cell: reading the template's cells up to the user's last row
    made that row the template's last, which did not move. It moves down by the tables' growth, as Insert Rows moves
    it."""
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=5)
    wb = openpyxl.load_workbook(book)
    assert wb["Cohorts"].max_row == 47
    wb["Cohorts"]["A49"] = "Reviewed by CS team"
    wb.save(book)
    result = run("import", "--orders", _orders(tmp_path, 6), "--into", book)
    assert result.returncode == 0, result.stderr
    grown = openpyxl.load_workbook(book)["Cohorts"]
    found = [c.coordinate for row in grown.iter_rows() for c in row if c.value == "Reviewed by CS team"]
    assert (found, grown.max_row) == (["A54"], 54)  # the tables end at row 52 of 6 months: 5 rows more
