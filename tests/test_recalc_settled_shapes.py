"""The rewrite loop of ``embedded.compute`` looks at a column of filled-down formulas once when every step left its
first formula as it was by answers kept per shape (``filled_down.left_alone_by_shape``): its other copies holding
their own stored text only have their final + or - noted for after the evaluation. A formula reading another sheet
(``!``), one calling ISFORMULA and a shared formula's copies are still looked at cell by cell; the values are each
row's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from one_sheet import recalc_sheet

from xl_retention.recalculation import embedded
from xl_retention.recalculation.filled_down import FilledDown, left_alone_by_shape
from xl_retention.recalculation.rewrite_shapes import shape

ROWS = 40


def test_a_settled_column_is_looked_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    needs_structure = FilledDown.needs_structure

    def counted(self: FilledDown, text: str, key: str | None, array: bool, context: tuple) -> bool:
        asked.append(shape(text))
        return needs_structure(self, text, key, array, context)

    monkeypatch.setattr(FilledDown, "needs_structure", counted)
    cells: dict[str, object] = {}
    for r in range(1, ROWS + 1):
        cells.update({f"A{r}": 0.1, f"B{r}": 0.2, f"C{r}": 0.3, f"H{r}": r})
        cells[f"D{r}"] = f"=SUM(A{r}:B{r})-C{r}"  # a final -: 0.30000000000000004 - 0.3 is Excel's 0 (finals)
        cells[f"E{r}"] = f"=SUM(H{r}:H{r + 1})"
        cells[f"F{r}"] = f"=SUM(S!H{r}:H{r})*2"  # another sheet's name: looked at in each row
        cells[f"G{r}"] = f"=IF(_xlfn.ISFORMULA(E{r}),SUM(H{r}:H{r}),0)"  # ISFORMULA: the file's facts, each row
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"D{r}"] for r in range(1, ROWS + 1)] == [0] * ROWS
    assert [values[f"E{r}"] for r in (1, 2, 39, 40)] == [3, 5, 79, 40]  # H41 is blank
    assert [values[f"F{r}"] for r in (1, 2, 40)] == [2, 4, 80]
    assert [values[f"G{r}"] for r in (1, 2, 40)] == [1, 2, 40]
    counts = {key: asked.count(key) for key in dict.fromkeys(asked)}
    assert counts == {
        "SUM(A0:B0)-C0": 1,
        "SUM(H0:H0)": 1,
        "SUM(S!H0:H0)*2": ROWS,
        "IF(_xlfn.ISFORMULA(E0),SUM(H0:H0),0)": ROWS,
    }


def test_the_cell_by_cell_tests() -> None:
    assert left_alone_by_shape("SUM(A2:C2)-D2")
    assert not left_alone_by_shape("SUM(Jan:Mar!B2)")
    assert not left_alone_by_shape("'[Q1.xlsx]Churn'!B2")
    assert not left_alone_by_shape('COUNTIF(A2:A9,"*-*")')
    assert not left_alone_by_shape("IF(isformula(A2),1,0)")
    assert embedded.left_alone_by_shape is left_alone_by_shape


def test_a_column_only_the_argument_rewrite_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """=IF(G>0.95,..) filled down: the argument rewrite (15-digit comparisons) is made for each row, the other steps'
    per-shape answers once; a copy whose rewrite is told apart (the date-text guard) and a final - are each row's."""
    asked: list[tuple[int, str]] = []
    per_shape = embedded._per_shape

    def counted(answers: dict, which: int, test: object, formula: str, shape_key: str | None) -> bool:
        asked.append((which, shape(formula)))
        return per_shape(answers, which, test, formula, shape_key)  # type: ignore[arg-type]

    monkeypatch.setattr(embedded, "_per_shape", counted)
    cells: dict[str, object] = {}
    for r in range(1, ROWS + 1):
        cells.update({f"A{r}": r / 10, f"B{r}": 1.0})
        cells[f"C{r}"] = f'=IF(A{r}>0.95*B{r},"high","low")'  # compared at 15 digits: a call around each side
        cells[f"D{r}"] = f"=IF(A{r}*3>0.3*B{r}*B{r},1,0)-B{r}"  # a final - too: each row's
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert [values[f"C{r}"] for r in (1, 9, 10, 40)] == ["low", "low", "high", "high"]
    # row 1: 0.1*3 is 0.30000000000000004, not above 0.3 at 15 digits (the rewrite's comparison): 0 - 1
    assert [values[f"D{r}"] for r in (1, 2, 40)] == [-1, 0, 0]
    counts = {key: sum(1 for which, k in asked if k == key) for _, key in asked}
    assert counts == {'=IF(A0>0.95*B0,"high","low")': 2, "=IF(A0*3>0.3*B0*B0,1,0)-B0": 2 * ROWS}
