"""=CRR(A:A,B:B,C:C) entered as a dynamic array formula over a three-row list took 300 s and more: the engine
computed CRR over the columns' 1,048,576 rows eight times. Excel spills 1,048,576 values there: past the sheet's
edge from any row but 1 (#SPILL!), and from row 1 a million cells blank past the data. Both are now decided from the
formula before the evaluation (.whole_spills): #SPILL! with the rows of the data advised, or, where it fits, the
cell listed with that advice (not a million cells written). No time is asserted; the values and reasons are."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention
from xl_retention.recalculation.whole_spills import entered_area

ADVICE = "give it the rows of the data (A2:A100,B2:B100,C2:C100 for A:A,B:B,C:C)"


def _book(tmp_path: Path, cell: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["end", "gained", "start"])
    for row in [(90, 10, 100), (80, 5, 90), (70, 6, 80)]:
        sheet.append(list(row))
    sheet[cell] = ArrayFormula(f"{cell}:{cell}", "=CRR(A:A,B:B,C:C)")
    sheet["G2"] = ArrayFormula("G2:G2", "=CRR(A2:A4,B2:B4,C2:C4)")  # the rows of the data, as advised
    sheet["H1"] = "=SUM(E:E)"
    return save_dynamic(book, tmp_path / f"whole-{cell}.xlsx", [cell, "G2"])


def test_a_whole_column_spill_past_the_sheets_edge_is_spill_with_the_rows_advised(tmp_path: Path) -> None:
    report = xl_retention.recalc([str(_book(tmp_path, "E2"))], engine="embedded", output_dir=str(tmp_path / "out"))
    (result,) = report.files
    reason = (
        "S!E2 spills into E2:E1048576 (1048576 x 1), reaches past the sheet's edge: CRR over whole columns gives one "
        f"value for each of their 1,048,576 rows: {ADVICE} (#SPILL!)"
    )
    assert {e.address: e.reason for e in result.errors} == {"S!E2": reason, "S!H1": f"{reason}, from S!E2"}
    assert (result.status, result.unsupported) == ("ok", [])
    values = openpyxl.load_workbook(tmp_path / "out" / "whole-E2.xlsx", data_only=True)["S"]
    assert [values["E2"].value, values["H1"].value] == ["#SPILL!", "#SPILL!"]
    assert [values[f"G{r}"].value for r in (2, 3, 4)] == [0.8, 75 / 90, 64 / 80]


def test_a_whole_column_spill_that_fits_is_listed_with_the_rows_advised(tmp_path: Path) -> None:
    report = xl_retention.recalc([str(_book(tmp_path, "E1"))], engine="embedded", output_dir=str(tmp_path / "out"))
    (result,) = report.files
    assert result.status == "incomplete"
    assert {u.address: u.reason for u in result.unsupported} == {
        "S!E1": "S!E1 spills CRR over whole columns: Excel gives one value for each of their 1,048,576 rows "
        "(E1:E1048576, blank past the data), cells written into the file and counted by its formulas (COUNTA), so "
        f"it is not computed here: {ADVICE}",
        "S!H1": "reads S!E1 (CRR), which has no current value (the embedded engine cannot compute it)",
    }
    values = openpyxl.load_workbook(tmp_path / "out" / "whole-E1.xlsx", data_only=True)["S"]
    assert [values["E1"].value, values["E2"].value, values["H1"].value] == [None, None, None]  # no value stored
    assert [values[f"G{r}"].value for r in (2, 3, 4)] == [0.8, 75 / 90, 64 / 80]


def test_a_ctrl_shift_enter_array_over_whole_columns_reads_the_rows_it_shows(tmp_path: Path) -> None:
    """{=CRR(A:A,B:B,C:C)} entered over E1:E4 shows the top four values of the call (34 s over the columns' 1,048,576
    rows): each whole column is read down to row 4, the same values."""
    assert entered_area("=CRR(A:A,B:B,C:C)", "E1:E4") == "=CRR($A$1:$A$4,$B$1:$B$4,$C$1:$C$4)"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["end", "gained", "start"])
    for row in [(90, 10, 100), (80, 5, 90), (70, 6, 80)]:
        sheet.append(list(row))
    sheet["E1"] = ArrayFormula("E1:E4", "=CRR(A:A,B:B,C:C)")
    book.save(tmp_path / "entered.xlsx")
    report = xl_retention.recalc([str(tmp_path / "entered.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    (result,) = report.files
    assert (result.status, result.unsupported) == ("ok", [])
    assert {e.address: e.reason for e in result.errors} == {
        "S!E1": "CRR: customers_end must be a number, got 'end' in S!A1 (#VALUE!)"
    }
    values = openpyxl.load_workbook(tmp_path / "out" / "entered.xlsx", data_only=True)["S"]
    assert [values[f"E{r}"].value for r in (1, 2, 3, 4)] == ["#VALUE!", 0.8, 75 / 90, 64 / 80]
