"""Reasons of our functions' errors say what the user wrote: the Excel argument's name and the function once.

A model's core takes ``T`` where the Excel function's argument is ``age``: the reasons
named an argument the formula has not; ranges of different sizes said
"CRR: CRR: ..."; a blank cell of the user's own sheet got the tracker's advice "while the month has other figures: type
it (0 for a business starting from nothing)", where 0 gives #NUM! or #DIV/0!; CRR over ranges with a header named
no cell ("customers_end must be a number, got 'End'") where NPS names it (H68 findings 05 and 03).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet

from xl_retention.recalculation import recalc_file


def _reasons(tmp_path: Path, cells: dict[str, object]) -> dict[str, str]:
    report, _ = recalc_sheet(tmp_path, cells)
    return {e.address: e.reason for e in report.errors}


def test_reasons_name_the_excel_arguments_and_the_function_once(tmp_path: Path) -> None:
    cells = {
        "A1": "=BGNBD_P_ALIVE(0.24,4.4,0.79,2.4,2,50,38)",
        "A2": "=PARETONBD_EXPECTED(0.55,10.6,0.6,11.7,10,2,50,38)",
        "A3": "=CRR(D1:D3,E1:E2,F1:F3)",
    }
    for i, (a, b, c) in enumerate([(535, 75, 500), (570, 60, 535), (580, 40, 570)], start=1):
        cells.update({f"D{i}": a, f"E{i}": b, f"F{i}": c})
    reasons = _reasons(tmp_path, cells)
    alive = "recency (50) exceeds age (38): the last purchase cannot come after the end of observation (#NUM!)"
    assert reasons["S!A1"] == f"BGNBD_P_ALIVE: {alive}"
    assert reasons["S!A2"] == f"PARETONBD_EXPECTED: {alive}"
    assert reasons["S!A3"] == (
        "CRR: ranges of different sizes (customers_end 3x1, customers_gained 2x1, customers_start 3x1) (#VALUE!)"
    )


def test_a_blank_cell_of_a_users_own_sheet_gets_no_tracker_advice(tmp_path: Path) -> None:
    reasons = _reasons(tmp_path, {"A1": 0.7, "A2": "=SBG_SURVIVAL(A1,B1,3)", "A3": "=CLV(145,0.8,C1)"})
    assert reasons["S!A2"] == "SBG_SURVIVAL: beta blank while other inputs are not: S!B1 is blank (#VALUE!)"
    assert reasons["S!A3"] == "CLV: churn_rate blank while other inputs are not: S!C1 is blank (#VALUE!)"


def test_an_elementwise_functions_text_in_a_range_is_named_by_its_cell(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Data"
    for row in (["Month", "Start", "Gained", "End"], ["Jan", 500, 75, 535], ["Feb", 535, 60, 570]):
        data.append(row)
    calc = wb.create_sheet("Calc")
    calc["A1"] = "=CRR(Data!D:D,Data!C:C,Data!B:B)"  # whole columns with their headers, as NPS(Data!B:B) is named
    calc["A2"] = "=CRR(Data!D1:D3,Data!C1:C3,Data!B1:B3)"
    wb.save(tmp_path / "w.xlsx")
    report = recalc_file(tmp_path / "w.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: e.reason for e in report.errors}
    named = "CRR: customers_end must be a number, got 'End' in Data!D1 (#VALUE!)"
    assert reasons == {"Calc!A1": named, "Calc!A2": named}
