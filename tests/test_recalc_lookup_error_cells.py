"""LOOKUP over cells holding error values: Excel leaves the error cells out of the search (measured on desktop Excel
16 for approximate MATCH and VLOOKUP, formualizer issue 326: "an all-error range yields #N/A"; the same search is what
``LOOKUP(2,1/(A1:A9<>""),A1:A9)`` relies on). So ``LOOKUP(3,C1)`` with C1 = ``=1/0`` is #N/A, as the engine gives;
LibreOffice passes the cell's #DIV/0! on, which is not followed. An error given as the array itself (``LOOKUP(3,1/0)``,
no cell) is passed on (tests/test_recalc_error_arrays.py).
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_lookup_leaves_error_cells_out_of_its_search(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "C1": "=1/0",
        "C2": 2,
        "D1": "x",
        "D2": "y",
        "B1": "=LOOKUP(3,C1)",  # an all-error range: #N/A
        "B2": "=LOOKUP(3,C1:C2)",
        "B3": "=LOOKUP(3,C1:C2,D1:D2)",
        "B4": "=LOOKUP(3,C1,D1)",
        "B5": '=LOOKUP(2,1/(D1:D2<>""),D1:D2)',
        "B6": "=LOOKUP(3,1/0)",
        "B7": "=LOOKUP(C1,C2)",  # the value looked up is the error: passed on
    }
    _, values = recalc_sheet(tmp_path, cells)
    assert [values[f"B{r}"] for r in range(1, 8)] == ["#N/A", 2, "y", "#N/A", "y", "#DIV/0!", "#DIV/0!"]
