"""The listings after the evaluation decide once per shape of formula (issue 14), and still list every cell.

A sheet's formulas are mostly a few formulas filled down (one shape: every row number 0) or across (one skeleton:
every cell reference alike, as the template's NPS sheet has one formula per month's column). The listings of cells
whose value may not be Excel's (an IF inside SUMPRODUCT in a plain formula, what the engine cannot compute behind
IFERROR, MROUND's uncertain last digit) test each shape once; these tests fill such formulas down and across and
check that each cell of a listed shape is listed, and no cell of another.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from one_sheet import recalc_sheet

from xl_retention.recalculation.classic_if import _may_nest_if
from xl_retention.recalculation.formula_texts import FormulaTexts


def test_an_if_inside_sumproduct_filled_across_and_down_is_listed_in_every_cell(tmp_path: Path) -> None:
    cells: dict[str, object] = {}
    for row in range(1, 6):
        for column in "BCD":
            cells[f"{column}{row}"] = row * 5 + ord(column) - 66  # B1..D5: 5, 6, 7, 10, ...
    for column in "BCD":
        cells[f"{column}12"] = f"=SUMPRODUCT(IF({column}1:{column}5>10,1,0))"  # across: three skeletons alike
        cells[f"{column}13"] = f"=SUMPRODUCT(({column}1:{column}5>10)*1)"  # no IF: computed
    for row in range(14, 17):
        cells[f"B{row}"] = f"=SUMPRODUCT(IF(C1:C5>B{row - 13},1,0))"  # down: one shape
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "incomplete"
    listed = sorted(u.address for u in result.unsupported)
    assert listed == ["S!B12", "S!B14", "S!B15", "S!B16", "S!C12", "S!D12"]
    assert all(u.function == "IF" and "SUMPRODUCT" in u.reason for u in result.unsupported)
    assert (values["B13"], values["C13"], values["D13"]) == (3, 4, 4)  # B: 15, 20, 25 above 10; C, D: four


def test_what_iferror_hides_is_listed_in_each_filled_down_copy(tmp_path: Path) -> None:
    cells: dict[str, object] = {"A1": 1, "A2": 2, "C1": 3, "C2": 4}
    for row in range(5, 9):
        cells[f"D{row}"] = f"=IFERROR(PHONETIC(A1:A{row - 3}),-1)"  # PHONETIC: a function the engine lacks
        cells[f"E{row}"] = f"=IFERROR(SUM(A1:A{row - 3}),-1)"  # computed: 3 in every row
    result, values = recalc_sheet(tmp_path, cells)
    listed = sorted(u.address for u in result.unsupported)
    assert listed == ["S!D5", "S!D6", "S!D7", "S!D8"]
    assert [values[f"E{row}"] for row in range(5, 9)] == [3, 3, 3, 3]


def test_the_shape_keeps_function_names_with_digits_and_the_nesting_test_reads_no_reference() -> None:
    cell = SimpleNamespace(kind="normal", text="LOG10(A12)+ATAN2(B3,C44)+SUMPRODUCT(IF(D1:D9>0,1,0))", attrs={})
    texts = FormulaTexts({"A1": cell, "A2": SimpleNamespace(kind="normal", text="log10(A13)", attrs={})})
    assert sorted(texts.called()) == ["ATAN2", "IF", "LOG10", "SUMPRODUCT"]
    assert list(texts.shape_groups()) == ["LOG10(A0)+ATAN2(B0,C0)+SUMPRODUCT(IF(D0:D0>0,1,0))", "log10(A0)"]
    assert _may_nest_if("SUMPRODUCT(A1:A9*IF(B1:B9>0,1,0))")
    assert not _may_nest_if("IF(B1>0,SUMPRODUCT(A1:A9),0)")
    assert not _may_nest_if("INDEX(A1:A9,IF(B1>0,1,2))")  # INDEX's row number is no array argument
