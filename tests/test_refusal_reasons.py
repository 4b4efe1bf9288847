"""A cell the rewrites refuse (a call put in its formula's place) is listed with the reason it was refused for, not
the general "cannot compute this formula" (recalculation/unsupported.py, name_refusals)."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import embedded


def _unsupported(tmp_path, cells: dict[str, object]) -> dict[str, tuple[str, str]]:
    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    book.save(tmp_path / "in.xlsx")
    return {u.ref: (u.function, u.reason) for u in embedded.compute(tmp_path / "in.xlsx").unsupported}


def test_an_array_padded_to_a_whole_column_is_listed_with_its_reason(tmp_path):
    # (SUMPRODUCT((A:A>0)*B1:B3) is computed, #N/A as in Excel: H40; a count over 1,048,576 rows is not)
    cells = {"A1": 1, "A2": 2, "A3": 3, "B1": 10, "B2": 20, "B3": 30, "C1": "=SUMPRODUCT(ROWS((A:A>0)*B1:B3))"}
    function, reason = _unsupported(tmp_path, cells)["C1"]
    assert function == "array arithmetic"
    assert reason == (
        "Excel pads an array to a whole column's 1,048,576 rows here (#N/A below the shorter one), which the "
        "embedded engine does not"
    )


def test_a_criterion_at_15_digits_in_averageif_is_listed_with_its_reason(tmp_path):
    # a "<>" criterion held as text needing the 15-digit comparison (an equality's is computed: H40)
    cells = {"A1": "=0.1+0.2", "A2": 0.3, "A3": 1, "B1": 10, "B2": 20, "B3": 40, "F1": "<>0.3"}
    cells["C1"] = "=AVERAGEIF(A1:A3,F1,B1:B3)"
    function, reason = _unsupported(tmp_path, cells)["C1"]
    assert function == "criteria" and reason.startswith("Excel compares a criterion here at 15 significant digits")
