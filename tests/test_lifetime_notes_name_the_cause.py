"""Lifetime value's notes name the cells as they are and the cell the CLV's problem starts in.

- H204's finding 01: January's MRR at start (Revenue!B2) left blank made every MRR at end an error; C8 sent the user
  to March's MRR at end ("see Revenue!H4 ... correct that month"), which only carried it. C8 now names the cell the
  error starts in: B2 there; a movement below 0 or no number where that is the cause.
- H204's finding 04: an MRR at end below 0 (a churn of 150 typed for 15) gave the default ARPA -3.33, and C8 said
  "ARPA (B3) is 0 or more". C8 now says the ARPA is below 0 and names the month's MRR at end and its value.
- H201's finding 04: rows inserted above the inputs (a note under the title) moved them, and C10 still named B3, B4,
  B6. The notes write each cell's address with ADDRESS(ROW(..), COLUMN(..)), which follows the cell.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

import xl_retention
from xl_retention.workbook.template import build_template


def _recalculated(tmp_path: Path, edit) -> openpyxl.Workbook:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(book)
    edit(wb, wb["Customers"], wb["Revenue"], wb["Lifetime value"])
    wb.save(book)
    report = xl_retention.recalc([str(book)], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    return openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)


def _three_months(customers, revenue, start=5000) -> None:
    customers["B2"] = 100
    for row, (gained, end) in enumerate([(10, 105), (8, 104), (12, 110)], start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    revenue["B2"] = start
    for row in (2, 3, 4):
        revenue[f"C{row}"], revenue[f"G{row}"] = 500, 200


def test_a_blank_first_mrr_at_start_is_the_cell_named(tmp_path):
    def edit(wb, customers, revenue, lifetime):
        _three_months(customers, revenue, start=None)
        lifetime["B4"] = 0.75

    lifetime = _recalculated(tmp_path, edit)["Lifetime value"]
    assert (lifetime["B3"].value, lifetime["B8"].value) == ("#VALUE!", "#VALUE!")
    assert lifetime["C8"].value == (
        "No value: ARPA (B3) is an error, which starts in Revenue!B2 (blank, below 0 or no number): correct it there."
    )  # before: "see Revenue!H4, the last month's MRR at end, is an error: correct that month."


def test_a_movement_below_0_is_the_cell_named(tmp_path):
    def edit(wb, customers, revenue, lifetime):
        _three_months(customers, revenue)
        revenue["G3"] = -200  # February's churned MRR typed below 0
        lifetime["B4"] = 0.75

    lifetime = _recalculated(tmp_path, edit)["Lifetime value"]
    assert lifetime["C8"].value == (
        "No value: ARPA (B3) is an error, which starts in Revenue!G3 (blank, below 0 or no number): correct it there."
    )


def test_an_arpa_below_0_from_an_mrr_at_end_below_0_names_that_month(tmp_path):
    def edit(wb, customers, revenue, lifetime):
        customers["B2"], customers["C2"], customers["D2"] = 10, 1, 9
        revenue["B2"], revenue["C2"], revenue["G2"] = 100, 20, 150  # 150 typed for 15: MRR at end -30
        lifetime["B4"] = 0.8

    lifetime = _recalculated(tmp_path, edit)["Lifetime value"]
    assert round(lifetime["B3"].value, 6) == round(-30 / 9, 6)
    assert lifetime["B8"].value == "#NUM!"
    assert lifetime["C8"].value == (
        "No value: ARPA (B3) is -3.33, below 0: Revenue!H2, the last month's MRR at end, is -30; correct that month, "
        "or type your ARPA in B3."
    )  # before: "No value: ARPA (B3) is 0 or more."


def test_the_notes_name_the_cells_where_rows_inserted_moved_them(tmp_path):
    def edit(wb, customers, revenue, lifetime):
        _three_months(customers, revenue)
        lifetime.move_range("A3:C13", rows=2, translate=True)  # two note rows under the title: every input 2 down
        lifetime["B6"] = "tbd"  # the gross margin, now in B6

    lifetime = _recalculated(tmp_path, edit)["Lifetime value"]
    assert lifetime["B10"].value == "#VALUE!"
    assert lifetime["C10"].value == (
        "No value: ARPA (B5), the gross margin (B6) or the discount rate (B8) holds text that is no number; type a "
        "number there (80% or 0.8)."
    )  # before: "ARPA (B3), the gross margin (B4) or the discount rate (B6)"


def test_the_right_figures_once_corrected(tmp_path):
    def edit(wb, customers, revenue, lifetime):
        _three_months(customers, revenue)
        lifetime["B4"] = 0.75

    lifetime = _recalculated(tmp_path, edit)["Lifetime value"]
    churn = (0.05 + 9 / 105 + 6 / 104) / 3  # lost: 100+10-105=5 of 100, 105+8-104=9 of 105, 104+12-110=6 of 104
    arpa = (5000 + 3 * 300) / 110
    assert round(lifetime["B3"].value, 6) == round(arpa, 6)
    assert round(lifetime["B8"].value, 4) == round(arpa * 0.75 * 1.01 / (0.01 + churn), 4)
    assert lifetime["C8"].value is None
