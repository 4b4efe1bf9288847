"""recalc's reason for an xl-retention function's error names the cell of the bad value, not its place in the range."""

from __future__ import annotations

import json

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention import cli
from xl_retention.recalculation.embedded import compute
from xl_retention.recalculation.reason_cells import name_the_cell
from xl_retention.workbook import build_template


def test_a_score_pasted_as_text_is_named_by_its_cell_in_the_trackers_report(tmp_path, capsys):
    """H54 finding 12: '8' pasted as text in 'NPS scores'!B4 was "got '8' in cell 3 of scores"."""
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=3)
    wb = openpyxl.load_workbook(book)
    for row, score in enumerate([10, 9, "8", 3], start=2):
        wb["NPS scores"].cell(row, 2, score)
    wb.save(book)
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    errors = {e["address"]: e["reason"] for e in json.loads(capsys.readouterr().out)["files"][0]["errors"]}
    text = "got the text '8' (a number stored as text: type it as a number) in 'NPS scores'!B4 (#VALUE!)"
    assert errors["NPS!F2"] == f"NPS: scores must be a number, {text}"
    assert errors["NPS!B2"] == f"NPS_BREAKDOWN: scores must be a number, {text}"
    # since c631d59f the margin's formula names the month's NPS (F2) before its breakdown (B2): the first cell in error
    # it names is said; both hold the same cause, the text '8' in 'NPS scores'!B4
    assert errors["NPS!G2"] == f"NPS: scores must be a number, {text}, from NPS!F2"


def test_ranges_names_and_two_dimensional_places_are_named_by_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Answers"
    for row, score in enumerate([9, None, 7, 12], start=3):
        ws.cell(row, 3, score)  # C3:C6, 12 in C6 (cell 4 of the range, the blank counted)
    ws["E1"] = "=NPS(Answers!$C$3:$C$40)"
    ws["E2"] = "=NPS(Mine)"
    ws["E3"] = "=NPS(C:C)"
    ws["E4"] = "=NPS(C3:C40)-NPS(C4:C40)"  # two calls with other ranges: which one cannot be told
    wb.defined_names["Mine"] = DefinedName("Mine", attr_text="Answers!$C$3:$C$40")
    wb.save(tmp_path / "a.xlsx")
    values = compute(tmp_path / "a.xlsx").values["Answers"]
    reason = "NPS: scores must be a whole score from 0 to 10, got 12 in {} (#NUM!)"
    assert [values[ref].message for ref in ("E1", "E2", "E3", "E4")] == [
        reason.format("Answers!C6"),
        reason.format("Answers!C6"),
        reason.format("Answers!C6"),
        reason.format("cell 4 of scores"),
    ]
    table = "SBG_FIT: survivors must be a number, got 'x' in row 2, column 3 of survivors (#VALUE!)"
    assert name_the_cell(table, "=INDEX(SBG_FIT('My cohorts'!B3:M14),1,1)", "Fit") == (
        "SBG_FIT: survivors must be a number, got 'x' in 'My cohorts'!D4 (#VALUE!)"
    )
    counts = "REPEAT_PURCHASE_RATE: returning must be a whole number of orders >= 0, got 2.5 in cell 2 of returning"
    assert name_the_cell(counts + " (#NUM!)", "=REPEAT_PURCHASE_RATE(Orders!A2:A5)", "S") == (
        "REPEAT_PURCHASE_RATE: returning must be a whole number of orders >= 0, got 2.5 in Orders!A3 (#NUM!)"
    )
    outside = "NPS: scores must be a number, got 'x' in cell 30 of scores (#VALUE!)"
    assert name_the_cell(outside, "=NPS(B2:C3)", "S") == outside  # not in the range the formula gives: as it was
    assert name_the_cell(outside, "=NPS(B2:C20)", "S") == "NPS: scores must be a number, got 'x' in S!C16 (#VALUE!)"


def test_an_error_value_in_a_range_is_named_by_its_cell(tmp_path):
    """H37 finding 08: a #N/A pasted among the answers gave "scores holds the error value #N/A", naming no cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Answers"
    for row, score in enumerate([9, 8, "=NA()", 7], start=3):
        ws.cell(row, 3, score)  # C3:C6, the error in C5
    ws["E1"] = "=NPS(Answers!$C$3:$C$40)"
    ws["E2"] = "=NPS(C3:C6)-NPS(C4:C6)"  # two calls with other ranges: the place in the range
    for row, values in enumerate([[100, 90, 80], [50, "=1/0", 40]], start=10):
        for column, value in enumerate(values, start=2):
            ws.cell(row, column, value)  # B10:D11, #DIV/0! in C11
    ws["E3"] = "=INDEX(SBG_FIT(B10:D11),1,1)"
    wb.save(tmp_path / "a.xlsx")
    values = compute(tmp_path / "a.xlsx").values["Answers"]
    assert values["E1"].message == "NPS: scores holds the error value #N/A in Answers!C5 (#VALUE!)"
    assert values["E2"].message == "NPS: scores holds the error value #N/A in cell 3 of scores (#VALUE!)"
    assert values["E3"].message == "SBG_FIT: survivors holds the error value #DIV/0! in Answers!C11 (#VALUE!)"
