"""A criterion given by MEDIAN, STDEV, ... of a range holding an error (``COUNTIF(A1:A3,MEDIAN(A2:A3))`` with A3
``=NA()``) is an error criterion, listed as ``COUNTIF(A1:A3,NA())`` is (whether Excel counts the cells holding that
error is not documented): it was #N/A with status ok, the engine failing MEDIAN past every check of the criterion
(recalculation.excel_functions.criteria_runtime.unraised_criteria).
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_an_aggregate_s_error_as_a_criterion_is_listed(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "=1/0",
        "A2": 4,
        "A3": "=NA()",
        "B1": 4,
        "B2": 5,
        "B3": 6,
        "D1": "=COUNTIF(A1:A3,MEDIAN(A2:A3))",
        "D2": "=SUMIFS(B1:B3,A1:A3,STDEV(A1:A2))",
        "D3": "=COUNTIF(B1:B3,MEDIAN(B1:B3))",  # no error: computed
        "D4": '=SUMIF(B1:B3,">"&MEDIAN(B1:B3))',
        "D5": "=COUNTIF(A1:A3,NA())",  # as before
    }
    result, got = recalc_sheet(tmp_path, cells)
    listed = sorted((u.address, u.function) for u in result.unsupported)
    assert listed == [("S!D1", "criteria"), ("S!D2", "criteria"), ("S!D5", "criteria")]
    assert "a criterion here is an error value" in result.unsupported[0].reason
    assert (got.get("D3"), got.get("D4")) == (1, 6)
