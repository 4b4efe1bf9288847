"""A formula using an uncomputable cell only for its place (``ROW(C1)``, ``ROWS($C$1:C3)``, ``CELL("address",C1)``,
``ISREF(C1)``) is computed, as Excel computes it whatever the cell holds; it was listed as reading the cell, with no
value (H51 finding 06). A reader of the cell's value still is listed.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_readers_of_an_uncomputable_cells_place_are_computed(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        **{f"A{r}": r for r in range(1, 5)},
        "C1": "=_xlfn.FORECAST.ETS(5,A1:A4,A1:A4)",  # the engine lacks it, the file holds no value: listed
        "C2": 7,
        "D1": "=ROW(C1)",
        "D2": "=COLUMN(C1)",
        "D3": "=ROWS($C$1:C3)",
        "D4": '=CELL("address",C1)',
        "D5": "=ISREF(C1)",
        "D6": "=COLUMNS(C1:C3)+ROW(S!C1)",
        "D7": "=C1+ROW(C1)",  # reads its value: listed
        "D8": "=D1*10",  # reads a computed cell: computed
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert [values.get(f"D{r}") for r in range(1, 9)] == [1, 3, 3, "$C$1", True, 2, None, 10]
    assert sorted(u.address for u in result.unsupported) == ["S!C1", "S!D7"]


def test_a_reference_built_when_the_formula_runs_is_a_read(tmp_path: Path) -> None:
    # OFFSET lands on C1 through A1 (its ROW(C1) alone would be a place), and INDEX(..):INDEX(..) is A1:E1 when it
    # runs: both read C1's value, so both are listed with their reader (they were computed from a blank: 0)
    cells: dict[str, object] = {
        **{f"A{r}": r for r in range(1, 5)},
        "C1": "=_xlfn.FORECAST.ETS(5,A1:A4,A1:A4)",
        "D1": "=OFFSET(A1,ROW(C1)-1,2)",
        "D2": "=ROW(C1)+SUM(INDEX(A1:A4,1):INDEX(E1:E4,1))",
        "E1": 5,
        "D3": "=D1*2",
        "D4": "=ROW(C1)+1",  # a place only: computed
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert values.get("D4") == 2
    assert sorted(u.address for u in result.unsupported) == ["S!C1", "S!D1", "S!D2", "S!D3"]
