"""A classic formula reading a range as one value where the range has no cell in its row or column is #VALUE! with a
reason naming the range and the row or column missed (fault 1 of H274's brief); and ROW/COLUMN of a range in a
classic formula's SUM is the first row or column, as Excel gives it (fault 3).

1. ``=SUM(N(+B7:M7))`` in A1 (and ``=B7:M7+0``, ``=SUM(B7:M7*2)``, ``=ABS(B7:M7)``) is #VALUE! as in Excel: an operator
   or a function of one value reads the range as its cell in the formula's own column (implicit intersection;
   ``=SUM(A1:A3*B1:B3)`` entered normally in another row is #VALUE!, in row 2 A2*B2: MrExcel, "Normal v Array
   formulae"), and A1 is in no column of B:M; in C1 it is C7's 2. Entered as an array formula, or in SUMPRODUCT,
   each cell is read: 78. The cell had no reason (''). LibreOffice 7.4 gives #VALUE! for A1 too (and 78 for
   =SUM(+B7:M7), which Excel intersects).
2. ``=SUM(ROW(A1:A3))`` entered normally is 1 in Excel: ROW gives its rows as an array only in an array formula
   (Microsoft's ROW page: "if ROW is entered as a vertical array"; "=SUM(ROW(A10:A20)) with simple Enter returns the
   first value ... 10", an Excel MVP on Experts Exchange; SUMPRODUCT reads the array: 6). LibreOffice 7.4 gives 6 for
   the classic formula; the engine's 1 is Excel's, pinned here.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet, save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention import cli

ROW7 = {f"{column}7": n for n, column in enumerate("BCDEFGHIJKLM", start=1)}
STEP = "to read each of its cells, enter the formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"


def _column_reason(shown: str, cell: str, column: str, area: str = "S!B7:M7") -> str:
    return (
        f"{shown} is read as one value, the cell of {area} in the formula's own column (a classic, non-array formula's "
        f"implicit intersection), and S!{cell} is in column {column}, outside columns B-M: {STEP}"
    )


def test_a_range_read_as_one_value_outside_its_columns_is_named(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        **ROW7,
        "A1": "=SUM(N(+B7:M7))",
        "C1": "=SUM(N(+B7:M7))",  # column C: C7's 2
        "N1": "=SUM(N(+B7:M7))",
        "A2": "=B7:M7+0",
        "A3": "=SUM(B7:M7*2)",
        "A4": "=ABS(B7:M7)",
        "A5": "=SUM(-Months)",
        "A6": "=SUMPRODUCT(N(+B7:M7))",  # an array argument: each cell, 78
        "A8": "=SUM(N(+B7:M8))",  # two rows and twelve columns: no cell in A8's row and column
        "A9": "=SUM(B7:M7)",  # a range SUM takes whole: 78
        "A10": "=Data!B1:B3*2",  # a column of another sheet, row 10 outside rows 1-3
    }
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    data = book.create_sheet("Data")
    for row in (1, 2, 3):
        data[f"B{row}"] = row
    sheet["P1"] = ArrayFormula("P1", "=SUM(N(+B7:M7))")  # Ctrl+Shift+Enter: 78
    sheet["P2"] = ArrayFormula("P2", "=SUM(N(+B7:M7))")  # Excel 365's dynamic array: 78
    book.defined_names["Months"] = openpyxl.workbook.defined_name.DefinedName("Months", attr_text="S!$B$7:$M$7")
    path = save_dynamic(book, tmp_path / "s.xlsx", ["P2"])
    cli.main(["recalc", str(path), "--json", "--output-dir", str(tmp_path / "out")])
    values = openpyxl.load_workbook(tmp_path / "out" / "s.xlsx", data_only=True)["S"]
    assert [values[r].value for r in ("C1", "A6", "A9", "P1", "P2")] == [2, 78, 78, 78, 78]
    assert {values[r].value for r in ("A1", "N1", "A2", "A3", "A4", "A5", "A8", "A10")} == {"#VALUE!"}


def test_reasons_of_the_ranges_read_as_one_value(tmp_path: Path, capsys) -> None:
    cells: dict[str, object] = {
        **ROW7,
        "A1": "=SUM(N(+B7:M7))",
        "N1": "=SUM(N(+B7:M7))",
        "A2": "=B7:M7+0",
        "A3": "=SUM(B7:M7*2)",
        "A4": "=ABS(B7:M7)",
        "A8": "=SUM(N(+B7:M8))",
        "A5": "=SUM(-Months)",
        "A10": "=Data!B1:B3*2",
        "A11": '=IF(FALSE,B7:M7+0,"x"+1)',  # the range is not what fails: not said of it
    }
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    book.create_sheet("Data")["B1"] = 1
    book.defined_names["Months"] = openpyxl.workbook.defined_name.DefinedName("Months", attr_text="S!$B$7:$M$7")
    book.save(tmp_path / "s.xlsx")
    capsys.readouterr()
    cli.main(["recalc", str(tmp_path / "s.xlsx"), "--json", "--output-dir", str(tmp_path / "out")])
    reasons = {e["address"]: e["reason"] for f in json.loads(capsys.readouterr().out)["files"] for e in f["errors"]}
    assert "B7:M7" not in reasons.pop("S!A11")
    assert reasons == {
        "S!A1": _column_reason("+B7:M7", "A1", "A"),
        "S!N1": _column_reason("+B7:M7", "N1", "N"),
        "S!A2": _column_reason("B7:M7", "A2", "A"),
        "S!A3": _column_reason("B7:M7", "A3", "A"),
        "S!A4": _column_reason("B7:M7", "A4", "A"),
        "S!A5": _column_reason("-Months (S!B7:M7)", "A5", "A"),
        "S!A10": "Data!B1:B3 is read as one value, the cell of Data!B1:B3 in the formula's own row (a classic, "
        f"non-array formula's implicit intersection), and S!A10 is in row 10, outside rows 1-3: {STEP}",
        "S!A8": "+B7:M8 is read as one value, the cell of S!B7:M8 in the formula's own row and column (a classic, "
        f"non-array formula's implicit intersection), and S!A8 is not in it: {STEP}",
    }


def test_row_of_a_range_in_a_classic_sum_is_its_first_row(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "C1": "=SUM(ROW(A1:A3))",
        "C2": "=SUM(COLUMN(A1:C1))",
        "C3": "=SUM(ROW(A10:A20))",
        "C4": "=SUMPRODUCT(ROW(A1:A3))",  # an array argument: 6
    }
    result, values = recalc_sheet(tmp_path, cells, arrays={"C5": "=SUM(ROW(A1:A3))"})  # Ctrl+Shift+Enter: 6
    assert result.status == "ok", result.message
    assert [values[f"C{r}"] for r in range(1, 6)] == [1, 1, 10, 6, 6]
