"""Ranges whose end is computed (``A1:INDEX(A:A,COUNTA(A:A))``, ``A1:OFFSET(A1,2,0)``, ``INDEX(..):INDEX(..)``,
``A1:XLOOKUP(..)``), and INDEX of a whole column below its last value, as Excel computes them.

The embedded engine gave, all with status ok: COUNT of such a range 0, COUNTBLANK / SUMPRODUCT(range*1) / NPV
``#REF!``, an Excel 365 formula spilling one ``#REF!``, and ``#REF!`` (hidden by IFERROR: "not found") wherever INDEX of
a whole column pointed below the column's last value (``SUM(B1:INDEX(B:B,6))`` with B6 empty). Values by hand (the
range from one reference to the other; Microsoft's INDEX page: INDEX returns a reference), LibreOffice headless gives
the same for the classic formulas (H28 findings 05-07).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet, save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.computed_ranges import computed_ranges


def test_count_and_array_uses_of_a_range_ending_in_index_or_offset(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 3,
        "C1": "=COUNT(A1:INDEX(A:A,COUNTA(A:A)))",
        "C2": "=COUNT(A1:OFFSET(A1,2,0))",
        "C3": "=COUNT(INDEX(A:A,1):INDEX(A:A,3))",
        "C4": "=COUNT(A1:INDEX(A:A,3),5)",
        "C5": "=COUNTBLANK(A1:INDEX(A:A,4))",  # A4 is empty
        "C6": "=SUMPRODUCT(A1:INDEX(A:A,3)*1)",
        "C7": "=COUNT(Amounts)",
        "C8": "=SUM(Amounts)/COUNT(Amounts)",
        "C9": "=NPV(0,A1:INDEX(A:A,3))",
        "C10": "=COUNT(_xlfn.XLOOKUP(3,A1:A3,A1:A3):A1)",
    }
    names = {"Amounts": "S!$A$1:INDEX(S!$A:$A,COUNTA(S!$A:$A))"}
    result, values = recalc_sheet(tmp_path, cells, names=names)
    assert result.status == "ok", result.message
    assert [values[f"C{r}"] for r in range(1, 11)] == [3, 3, 3, 4, 1, 6, 3, 2, 6, 3]


def test_index_of_a_whole_column_below_its_last_value_is_that_empty_cell(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        **{f"B{r}": v for r, v in enumerate([10, 9, 6, 7], 1)},  # B5, B6 empty
        "C6": "z",
        "H1": "=SUM(B1:INDEX(B:B,6))",
        "H2": "=AVERAGE(B1:INDEX(B:B,6))",
        "H3": "=COUNTA(B1:INDEX(B:B,6))",
        "H4": "=NPS(B1:INDEX(B:B,6))",  # 2 promoters, 1 detractor of 4 answers
        "H5": "=SUM(Answers)",
        "H6": '=IFERROR(INDEX(B:B,MATCH("z",C:C,0)),"not found")',  # found in row 6, whose B is empty: 0
        "H7": "=ISBLANK(INDEX(B:B,6))",
        "H8": '=SUM(B1:INDEX(B:B,MATCH("z",C:C,0)))',
        "H9": "=SUM(A1:INDEX(1:1,5))",  # a whole row: B1 only
    }
    result, values = recalc_sheet(tmp_path, cells, names={"Answers": "S!$B$1:INDEX(S!$B:$B,6)"})
    assert result.status == "ok", result.message
    assert [values[f"H{r}"] for r in range(1, 10)] == [32, 8, 4, 25, 32, 0, True, 32, 10]


def test_a_classic_formula_takes_the_cell_of_its_row_from_such_a_range(tmp_path: Path) -> None:
    """Excel's implicit intersection, as for a typed range: =A1:A3 in row 2 is A2."""
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 3,
        "D2": "=A1:INDEX(A:A,3)",
        "E2": "=SUM(A1:INDEX(A:A,3)*1)",
        "E3": "=ABS(A1:INDEX(A:A,3))",
        "F4": "=IFERROR(A1:INDEX(A:A,3),0)",  # row 4 is outside A1:A3: #VALUE!, caught
        "F5": "=COUNT(CHOOSE(1,A1:INDEX(A:A,3)))",  # CHOOSE passes the reference on
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[k] for k in ("D2", "E2", "E3", "F4", "F5")] == [2, 2, 3, 0, 3]


def test_an_excel_365_formula_spilling_a_range_with_a_computed_end(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in (1, 2, 3):
        sheet.cell(row, 1, row)
    dynamic = {
        "C1": "=A1:INDEX(A:A,COUNTA(A:A))",
        "D1": "=A1:INDEX(A:A,COUNTA(A:A))*10",
        "E1": "=A1:OFFSET(A1,2,0)",
        "F1": "=A1:_xlfn.XLOOKUP(3,A:A,A:A)",
    }
    for ref, formula in dynamic.items():
        sheet[ref] = ArrayFormula(f"{ref}:{ref[0]}3", formula)
    sheet["H1"] = "=SUM(C1:C3)"
    source = save_dynamic(book, tmp_path / "dynamic.xlsx", dynamic)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [[out[f"{c}{r}"].value for c in "CDEF"] for r in (1, 2, 3)] == [
        [1, 10, 1, 1],
        [2, 20, 2, 2],
        [3, 30, 3, 3],
    ]
    assert out["H1"].value == 6


def test_the_rewritten_forms() -> None:
    assert computed_ranges("=COUNT(A1:INDEX(A:A,COUNTA(A:A)))", False) == (
        "=COUNT(INDEX(A1:INDEX($A$1:$A$1048576,COUNTA(A:A)),0,0))"
    )
    assert computed_ranges("=A1:INDEX(A1:A9,3)", True) == "=INDEX(A1:INDEX(A1:A9,3),0,0)"
    assert computed_ranges("=A1:INDEX(A1:A9,3)", False) == "=@INDEX(A1:INDEX(A1:A9,3),0,0)"
    assert computed_ranges("=SUM(A1:A3)+INDEX(B:B,2)", False) == "=SUM(A1:A3)+INDEX(B:B,2)"  # nothing to do


def test_the_last_match_idiom_reads_an_empty_result_row_below_the_columns_last_value(tmp_path: Path) -> None:
    """LOOKUP(2,1/(C:C="z"),B:B): the row of the last "z" (C10), whose B is empty, is 0 (LibreOffice alike); the
    engine cut B:B at B3 and said #N/A."""
    cells: dict[str, object] = {
        "B1": 10,
        "B3": 5,
        "C3": "z",
        "C8": "y",
        "C9": "z",
        "C10": "z",
        "E1": '=LOOKUP(2,1/(C:C="z"),B:B)',
        "E2": '=LOOKUP(2,1/(C:C="y"),B:B)',
        "E3": '=LOOKUP(2,1/(C:C="zz"),B:B)',  # no match: #N/A
        "E4": '=LOOKUP(2,1/(C1:C5000="z"),B:B)',
        "E5": '=LOOKUP(2,1/(C:C="z"),$B:$B)+1',
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert [values[f"E{r}"] for r in range(1, 6)] == [0, 0, "#N/A", 0, 1]


def test_a_let_name_of_a_reference_as_an_end_of_a_range(tmp_path: Path) -> None:
    """LET(x,A1,x:A3) is the range A1:A3 (x holds the reference A1); the engine's LET held A1's value: #REF!."""
    cells: dict[str, object] = {
        "A1": 1,
        "A2": 2,
        "A3": 3,
        "F1": "=SUM(_xlfn.LET(_xlpm.x,A1,_xlpm.x:A3))",
        "F2": "=_xlfn.LET(_xlpm.s,A1,COUNT(_xlpm.s:INDEX(A:A,3)))",
        "F3": "=_xlfn.LET(_xlpm.s,A2,SUM(_xlpm.s:A3)+_xlpm.s)",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"F{r}"] for r in (1, 2, 3)] == [6, 3, 7]
