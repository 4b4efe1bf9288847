"""A defined name holding a formula with relative references ("relative named formula", H37 finding 03).

Excel stores a name's relative references as seen from cell A1 and moves them with the cell using the name:
RowTotal = SUM(S!$B1:$D1) used in row 2 is SUM(S!$B2:$D2). The rewrite moved them only for a name that is one
reference, so every row got row 1's total (125, 125, 125) and NetNew = S!$C1-S!$D1 moved its last reference only
(rows mixed up), status ok. LibreOffice gives the values below too.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_relative_references_in_a_named_formula_move_with_the_cell_using_it(tmp_path: Path) -> None:
    cells: dict[str, object] = {}
    for r, (month, mrr, new, lost) in enumerate([("Jan", 100, 20, 5), ("Feb", 120, 30, 10), ("Mar", 140, 10, 0)], 1):
        cells |= {f"A{r}": month, f"B{r}": mrr, f"C{r}": new, f"D{r}": lost}
        cells |= {f"E{r}": "=RowTotal", f"F{r}": "=NetNew", f"G{r}": "=RowCell", f"H{r}": "=SUMPRODUCT(RowTotal)*2"}
    names = {"RowTotal": "SUM(S!$B1:$D1)", "NetNew": "S!$C1-S!$D1", "RowCell": "S!$B1"}
    result, values = recalc_sheet(tmp_path, cells, names=names)
    assert result.status == "ok", result.message
    got = [[values[f"{col}{r}"] for r in (1, 2, 3)] for col in "EFGH"]
    assert got == [[125, 160, 150], [15, 20, 10], [100, 120, 140], [250, 320, 300]]
