"""H137's finding 01: ROWS and COLUMNS of an expression over several cells in a classic formula (=ROWS(A1:A3*1)) were
1 in row 2 and #VALUE! elsewhere, status ok. Whether Excel counts the expression whole or intersects it first is
settled neither by Microsoft's ROWS and COLUMNS pages nor by an Excel-saved workbook: listed, not computed (reading it
whole, fc829b5, was backed out in 4ef3b59). A call alone keeps OFFSET's intersected height
(tests/test_recalc_reference_numbers.py); an array formula, SUMPRODUCT's argument and plain references are computed."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_rows_and_columns_of_an_expression_over_several_cells_are_listed(tmp_path: Path) -> None:
    cells: dict[str, object] = {}
    for row in range(1, 4):
        cells[f"A{row}"], cells[f"B{row}"], cells[f"C{row}"] = row, 10 * row, 100 * row
    cells |= {
        "D2": "=ROWS(A1:A3*1)",
        "D5": "=ROWS(A1:A3*1)",
        "D6": "=COLUMNS(B1:C1*1)",
        "D7": "=ROWS(A1:A3+B1:B3)",
        "E2": "=ROWS(OFFSET(B1,0,0,Qty))",  # Qty in row 2: A2, 2
        "E3": "=ROWS(A1:A3)",
        "E4": "=ROWS(A1*2)",
        "E5": "=SUMPRODUCT(ROWS(A1:A3*1))",
        "E6": "=COLUMNS(B1:C3)+ROWS(Qty)",
    }
    result, values = recalc_sheet(tmp_path, cells, names={"Qty": "S!$A$1:$A$3"}, arrays={"F1": "=ROWS(A1:A3*1)"})
    listed = {u.address: u for u in result.unsupported}
    assert sorted(listed) == ["S!D2", "S!D5", "S!D6", "S!D7"]
    assert [listed[a].function for a in ("S!D2", "S!D6")] == ["ROWS", "COLUMNS"]
    assert listed["S!D7"].reason.startswith("ROWS is given an expression over several cells here (A1:A3+B1:B3);")
    assert "settled neither by Microsoft's ROWS page nor by a workbook Excel saved" in listed["S!D7"].reason
    assert [values.get(k) for k in ("D2", "D5", "D6", "D7")] == [None] * 4
    assert [values[k] for k in ("E2", "E3", "E4", "E5", "E6", "F1")] == [2, 3, 1, 3, 5, 3]
