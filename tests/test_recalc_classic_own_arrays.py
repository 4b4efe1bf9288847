"""A classic formula calling one of xl-retention's functions over ranges shows the first value, never spills (H7 08).

Excel 365 opens ``=CRR(A1:A3,B1:B3,C1:C3)`` written without the array flag as ``=@CRR(A1:A3,B1:B3,C1:C3)``: the
top-left value of the function's array, whatever the cells below hold. The engine spilled it: #SPILL! with a cell
below filled (status ok), and with room the cells below read the spilled values (``=E6+1`` 1.857 where E6 is blank).
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_a_classic_call_of_ours_over_ranges_is_its_first_value(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        **{f"A{r}": v for r, v in enumerate((535, 90, 110), 1)},
        **{f"B{r}": v for r, v in enumerate((75, 30, 10), 1)},
        **{f"C{r}": v for r, v in enumerate((500, 70, 100), 1)},
        "E2": "=CRR(A1:A3,B1:B3,C1:C3)",  # E3 below holds a formula
        "E3": "=CRR(A3,B3,C3)",
        "E5": "=CRR(A1:A3,B1:B3,C1:C3)",  # room below
        "F1": "=COUNT(E5:E7)",
        "F2": "=E6+1",
        "F3": "=CRR(A1:A3,B1:B3,C1:C3)*100",
        "F5": "=SUM(CRR(A1:A3,B1:B3,C1:C3))",  # the whole array where an argument takes one
        "F6": "=ROWS(CRR(A1:A3,B1:B3,C1:C3))",
        **{c: v for c, v in zip(("G5", "G6", "G7"), (9, 10, 3), strict=True)},
        "K6": "=NPS_BREAKDOWN(G5:G7)",  # promoters, passives, detractors: 2 promoters
        "L6": "note",
        "K7": "=INDEX(NPS_BREAKDOWN(G5:G7),1,3)",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert (values["E2"], values["E3"], values["E5"]) == (0.92, 1, 0.92)
    assert "E6" not in values and "E7" not in values
    assert (values["F1"], values["F2"], values["F3"], values["F6"]) == (1, 1, 92, 3)
    assert round(values["F5"], 12) == round(0.92 + (90 - 30) / 70 + 1, 12)
    assert (values["K6"], values["K7"]) == (2, 1)
