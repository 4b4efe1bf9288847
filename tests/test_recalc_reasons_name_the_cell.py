"""recalc's reasons name the cell to correct, whichever way the value reaches the formula.

H129's findings 02 and 07, H130: a number typed as text given to an xl-retention function through one cell
(=CRR(D3,C3,B3), C3 '40') named no cell, where 'n/a' there did; an Excel table's column (=NPS(Survey[Score]))
named the value by its place ("in cell 3 of scores") where a defined name of the same cells named KPI!J4; an
xl-retention function given another cell's error (=CLV(100,0.8,B1), B1 #VALUE! from 'n/a' in A1) said "churn_rate
is the error value #VALUE!" with no cell, where =B1*2 named S!A1 and S!B1.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.table import Table

from xl_retention import cli
from xl_retention.workbook import build_template


def _recalc(tmp_path: Path, capsys, book: Path) -> dict:
    capsys.readouterr()
    cli.main(["recalc", str(book), "--json", "--output-dir", str(tmp_path / "out")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    return report


def _errors(report: dict) -> dict[str, str]:
    return {e["address"]: e["reason"] for e in report["errors"]}


def test_a_number_typed_as_text_in_one_cell_and_in_a_table_column_is_named_by_its_cell(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "KPI"
    for row in (["Start", "Gained", "End"], [500, 75, 535], [535, "40", 550]):
        s.append(row)
    s["G2"] = "=CRR(C3,B3,A3)"
    s["J1"] = "Score"
    for i, score in enumerate([10, 9, "8", 8, 7], start=2):
        s[f"J{i}"] = score
    s.add_table(Table(displayName="Survey", ref="J1:J6"))
    s["K2"] = "=NPS(Survey[Score])"
    wb.save(tmp_path / "kpi.xlsx")
    errors = _errors(_recalc(tmp_path, capsys, tmp_path / "kpi.xlsx"))
    assert errors == {
        "KPI!G2": "CRR: customers_gained must be a number, got the text '40' (a number stored as text: type it as a "
        "number), in KPI!B3 (#VALUE!)",
        "KPI!K2": "NPS: scores must be a number, got the text '8' (a number stored as text: type it as a number) "
        "in KPI!J4 (#VALUE!)",
    }


def test_an_xl_retention_function_given_another_cells_error_names_where_it_comes_from(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "S"
    s["A1"] = "n/a"
    s["B1"] = "=CRR(A1,1,10)"
    s["C1"] = "=CLV(100,0.8,1-B1)"
    s["D1"] = "=B1*2"
    s["E1"] = "=CLV(100,0.8,B1)"
    s["A2"] = "=NA()"
    s["B2"] = "=CLV(100,0.8,A2)"
    s["C2"] = "=B2+1"
    wb.defined_names["Churn"] = DefinedName("Churn", attr_text="S!$B$1")
    s["F1"] = "=CLV(100,0.8,Churn)"  # a name of the cell
    wb.save(tmp_path / "chain.xlsx")
    errors = _errors(_recalc(tmp_path, capsys, tmp_path / "chain.xlsx"))
    typed = "CRR: customers_end must be a number, got 'n/a', in S!A1 (#VALUE!)"
    assert errors["S!B1"] == typed
    assert [errors[c] for c in ("S!C1", "S!D1", "S!E1", "S!F1")] == [f"{typed}, from S!B1"] * 4
    assert errors["S!B2"] == "CLV: churn_rate is the error value #N/A in S!A2 (#VALUE!)"
    assert errors["S!C2"] == "CLV: churn_rate is the error value #N/A in S!A2 (#VALUE!), from S!B2"


def test_a_cell_reading_an_uncomputed_cell_through_offset_or_indirect_names_that_cell(tmp_path, capsys):
    wb = openpyxl.Workbook()
    u = wb.active
    u.title = "U 1"
    for i in range(2, 8):
        u[f"D{i}"] = dt.date(2026, i - 1, 1)
        u[f"E{i}"] = 100 + 10 * i
    u["A1"] = "x"
    u["A3"] = "=_xlfn.FORECAST.ETS(DATE(2026,7,1),E2:E7,D2:D7)"  # the embedded engine lacks it; no value stored
    u["B2"] = "=OFFSET(A1,2,0)*2"
    u["B5"] = '=INDIRECT("A"&(1+2))+1'
    u["B6"] = "=INDEX(A1:A5,3)*2"
    wb.save(tmp_path / "off.xlsx")
    report = _recalc(tmp_path, capsys, tmp_path / "off.xlsx")
    assert report["status"] == "incomplete"
    reason = "reads 'U 1'!A3 (FORECAST.ETS), which has no current value (the embedded engine cannot compute it)"
    found = {u["address"]: (u["function"], u["reason"]) for u in report["unsupported"]}
    cells = ("'U 1'!B2", "'U 1'!B5", "'U 1'!B6")  # the report's addresses, quoted as Excel writes them
    assert {cell: found.get(cell) for cell in cells} == {cell: ("FORECAST.ETS", reason) for cell in cells}
    assert found["'U 1'!A3"] == ("FORECAST.ETS", "unsupported function FORECAST.ETS")


def _renamed(text: str) -> str:
    return text.replace("'Customers'!", "'Clients 2026'!").replace("Customers!", "'Clients 2026'!")


def test_a_tracker_note_passed_on_names_the_customers_sheet_as_renamed(tmp_path, capsys):
    """H125's finding 01: the template's note is the text "see Customers!"&ADDRESS(..), which Excel does not rename."""
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    typed = {"B2": 100, "C2": 10, "D2": 105, "C3": "n/a", "D3": 100, "C4": 8, "D4": 101, "C5": 4, "D5": 99}
    for ref, value in typed.items():
        wb["Customers"][ref] = value
    wb["Customers"].title = "Clients 2026"
    for ws in wb.worksheets:  # references outside text literals follow the rename, as in Excel
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    parts = cell.value.split('"')
                    parts[::2] = [_renamed(p) for p in parts[::2]]
                    cell.value = '"'.join(parts)
    for defined in wb.defined_names.values():
        defined.attr_text = _renamed(defined.attr_text)
    wb.save(path)
    errors = _errors(_recalc(tmp_path, capsys, path))
    note = "see 'Clients 2026'!C3: a churn rate of the last 12 months is an error from that cell "
    note += "(blank, text that is no number, an error, or figures that cannot be); fill or correct it there."
    assert errors["'Lifetime value'!B5"] == f"{note} (#VALUE!)"
    assert errors["'Lifetime value'!B8"] == f"{note} (#VALUE!), from 'Lifetime value'!B5"
    assert errors["'Clients 2026'!G3"] == (
        "CHURN_RATE: customers_gained must be a number, got 'n/a', in 'Clients 2026'!C3 (#VALUE!)"
    )


def test_an_error_read_through_a_range_of_another_sheet_names_its_cell_there(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "S"
    t = wb.create_sheet("T")
    s["A1"] = "n/a"
    s["B3"] = "=CRR(A1,1,10)"  # an error of S with a reason, at the address where T's range ends
    t["B2"] = "=1/0"
    t["B3"] = '=CRR(1,1,"y")'
    s["A9"] = "=CLV(100,0.8,INDEX(T!B2:B3,1))"
    s["A10"] = "=CLV(100,0.8,SUM(T!B2:B3))"
    s["A12"] = "=INDEX(T!B2:B3,2)*1"
    wb.save(tmp_path / "ranges.xlsx")
    errors = _errors(_recalc(tmp_path, capsys, tmp_path / "ranges.xlsx"))
    assert errors["S!A9"] == errors["S!A10"] == "CLV: churn_rate is the error value #DIV/0! in T!B2 (#VALUE!)"
    # was "..., from S!B3": T!B2:B3's end read as a cell of the formula's own sheet
    assert errors["S!A12"] == "CRR: customers_start must be a number, got 'y' (#VALUE!), from T!B3"


def test_an_error_read_through_indirect_of_a_written_address_names_that_cell(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "S"
    wb.create_sheet("Feb")["A1"] = '=CRR(1,1,"x")'
    s["A2"] = '=INDIRECT("Feb!A1")*2'
    wb.save(tmp_path / "indirect.xlsx")
    errors = _errors(_recalc(tmp_path, capsys, tmp_path / "indirect.xlsx"))
    assert errors["S!A2"] == "CRR: customers_start must be a number, got 'x' (#VALUE!), from Feb!A1"  # was ""


def test_a_tables_row_formulas_name_the_cell_of_their_row(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "M"
    s.append(["End", "Gained", "Start", "CRR"])
    s.append([535, 75, 500, "=CRR([@End],[@Gained],[@Start])"])
    s.append([550, "n/a", 535, "=CRR([@End],[@Gained],[@Start])"])
    s.append([560, "40", 550, "=CRR(Months[@End],Months[@Gained],Months[@Start])"])
    s.append([None, 30, 560, "=CRR([@End],[@Gained],[@Start])"])
    s.add_table(Table(displayName="Months", ref="A1:D5"))
    s["F2"] = "=AVERAGE(Months[CRR])"
    s["F3"] = "=CLV(100,0.8,1-Months[[#This Row],[CRR]])"
    wb.save(tmp_path / "table.xlsx")
    errors = _errors(_recalc(tmp_path, capsys, tmp_path / "table.xlsx"))
    typed = "CRR: customers_gained must be a number, got 'n/a', in M!B3 (#VALUE!)"
    assert errors == {  # each named no cell
        "M!D3": typed,
        "M!D4": "CRR: customers_gained must be a number, got the text '40' (a number stored as text: type it as a "
        "number), in M!B4 (#VALUE!)",
        "M!D5": "CRR: customers_end blank while other inputs are not: M!A5 is blank (#VALUE!)",
        "M!F2": f"{typed}, from M!D3",
        "M!F3": f"{typed}, from M!D3",
    }


def test_a_spill_given_to_an_xl_retention_function_names_the_cell_the_value_spilled_to(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "P"
    for row, score in enumerate([10, "x", 9, 8], start=1):
        s[f"A{row}"] = score
    s["C1"] = ArrayFormula("C1:C4", "=A1:A4")
    s["D1"] = "=NPS(_xlfn.ANCHORARRAY(C1))"  # Excel's C1#
    s["D2"] = "=NPS(C1:C4)"
    errors = _errors(_recalc(tmp_path, capsys, save_dynamic(wb, tmp_path / "spill.xlsx", ("C1",))))
    reason = "NPS: scores must be a number, got 'x' in P!C2 (#VALUE!)"
    assert (errors["P!D1"], errors["P!D2"]) == (reason, reason)  # D1's was "in cell 2 of scores"


def test_a_let_name_of_a_cell_or_range_names_the_cell(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "P"
    for row, score in enumerate([10, "x", 9, 8], start=1):
        s[f"A{row}"] = score
    s["D3"] = "=_xlfn.LET(_xlpm.x,A2,CRR(_xlpm.x,1,10))"
    s["D4"] = "=_xlfn.LET(_xlpm.sc,A1:A4,NPS(_xlpm.sc))"
    wb.save(tmp_path / "let.xlsx")
    errors = _errors(_recalc(tmp_path, capsys, tmp_path / "let.xlsx"))
    assert errors == {  # were "got 'x' (#VALUE!)" and "... in cell 2 of scores"
        "P!D3": "CRR: customers_end must be a number, got 'x', in P!A2 (#VALUE!)",
        "P!D4": "NPS: scores must be a number, got 'x' in P!A2 (#VALUE!)",
    }


def test_another_sheets_cells_are_named_with_that_sheets_name_as_it_is(tmp_path, capsys):
    wb = openpyxl.Workbook()
    s = wb.active
    s.title = "S"
    d = wb.create_sheet("My data")
    d["B2"] = "x"
    d["C1"] = '=CRR(1,1,"z")'
    d["C2"] = 5
    wb.defined_names["Rates"] = DefinedName("Rates", attr_text="'My data'!$C$1:$C$2")
    s["A3"] = "=CLV(100,0.8,AVERAGE(Rates))"
    s["A6"] = "=CRR('My data'!B2,1,10)"
    wb.save(tmp_path / "sheets.xlsx")
    errors = _errors(_recalc(tmp_path, capsys, tmp_path / "sheets.xlsx"))
    # were "... is the error value #VALUE! (#VALUE!)" and "..., in 'MY DATA'!B2", a sheet the workbook has not
    # and the cause of C1's error after it (H141's finding 02: the cell named holds a formula)
    assert errors["S!A3"] == (
        "CLV: churn_rate is the error value #VALUE! in 'My data'!C1, because CRR: customers_start must be a number, "
        "got 'z' (#VALUE!)"
    )
    assert errors["S!A6"] == "CRR: customers_end must be a number, got 'x', in 'My data'!B2 (#VALUE!)"
