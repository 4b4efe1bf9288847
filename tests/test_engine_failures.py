"""Ranges written bottom-up, which made the engine stop the whole workbook with "#REF!" (H20 g10)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention.recalculation import recalc_file


def test_a_range_written_bottom_up_is_read_by_its_corners_and_the_rest_is_computed(tmp_path: Path) -> None:
    """Excel reads A3:A1 as A1:A3 (it shows it so); a script writing f"=SUM(A{last}:A{first})" made every formula of
    the file lost, with the message "#REF!" alone. The file's formulas are written back as they were."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in (1, 2, 3):
        sheet.cell(row, 1, row)
        sheet.cell(row, 2, 10 * row)
    other = book.create_sheet("Other")
    other["A1"], other["A2"] = 5, 6
    cells = {
        "D1": "=SUM(A3:A1)",
        "D2": "=AVERAGE($B$3:$B$1)",
        "D3": "=SUM(B3:A1)",
        "D4": "=SUM(A$3:A1)",
        "D5": "=SUM(Other!A2:A1)",
        "D6": '="A3:A1"',
        "D7": "=B1*2",
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "report.xlsx")
    report = recalc_file(tmp_path / "report.xlsx", tmp_path / "out.xlsx")
    assert (report.status, report.unsupported) == ("ok", []), report.message
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [values[ref].value for ref in cells] == [6, 20, 66, 6, 11, "A3:A1", 20]
    written = openpyxl.load_workbook(tmp_path / "out.xlsx")["S"]
    assert {ref: written[ref].value for ref in cells} == cells


def test_the_cells_that_stop_the_engine_are_found_and_the_rest_evaluates(tmp_path: Path) -> None:
    """The last resort when the engine stops the whole workbook: each formula it stops at gets an error value, one
    evaluation each, so that the others are computed (here with the reversed range left as it is)."""
    import formualizer as fz

    from xl_retention.cells import CellError
    from xl_retention.recalculation.engine import engine_literal, load
    from xl_retention.recalculation.engine_failures import stopping_cells
    from xl_retention.recalculation.formula_texts import FormulaTexts
    from xl_retention.recalculation.package import scan

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = 1, 2, 3
    sheet["B1"], sheet["B2"], sheet["B3"] = "=A1*2", "=ROWS(A3:A1)", "=A3+1"
    book.save(tmp_path / "b.xlsx")
    info = scan(str(tmp_path / "b.xlsx"))
    workbook = load(tmp_path / "b.xlsx", info)
    formulas = {"S": FormulaTexts(info.formulas["S"])}
    with pytest.raises(fz.ExcelEvaluationError):  # ROWS(A3:A1) stops the engine for the whole workbook
        workbook.evaluate_all()
    literal = engine_literal(CellError("#REF!"))
    stopped = list(stopping_cells(workbook, formulas, lambda s, r, c: workbook.set_value(s, r, c, literal)))
    assert stopped == [("S", "B2")]
    workbook.evaluate_all()
    assert (workbook.get_value("S", 1, 2), workbook.get_value("S", 3, 2)) == (2, 4)


def test_a_defined_name_written_bottom_up_is_read_by_its_corners(tmp_path: Path) -> None:
    """Data = S!$A$3:$A$1: SUM(Data) gave #NAME? and COUNT(Data) 0 with status ok; Excel reads A1:A3 (6 and 3)."""
    from openpyxl.workbook.defined_name import DefinedName

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in (1, 2, 3):
        sheet.cell(row, 1, row)
    book.defined_names["Data"] = DefinedName("Data", attr_text="S!$A$3:$A$1")
    sheet["C1"], sheet["C2"] = "=SUM(Data)", "=COUNT(Data)"
    book.save(tmp_path / "names.xlsx")
    report = recalc_file(tmp_path / "names.xlsx", tmp_path / "out.xlsx")
    assert (report.status, report.errors, report.unsupported) == ("ok", [], []), report.message
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (values["C1"].value, values["C2"].value) == (6, 3)
