"""A call given several error values gives the first one's, left to right, as Excel does (H7 finding 10's kind).

With C1 ``=1/0`` and C2 ``=NA()`` the engine gave RANK's, LARGE's, QUARTILE's and RIGHT's own or a later argument's
error, with status ok; under IFNA that was a wrong value: ``=IFNA(RANK(C1,A1:A3),"none")`` was "none" where Excel
shows #DIV/0!. LibreOffice headless gives the same codes as Excel for all of these.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments
from xl_retention.recalculation.rewrite import rewrite


def test_the_first_arguments_error_is_the_result(tmp_path: Path) -> None:
    cells = {"A1": 1, "A2": 2, "A3": 3, "C1": "=1/0", "C2": "=NA()"}
    formulas = {
        "E1": "=RANK(C1,A1:A3)",
        "E2": "=LARGE(A1:A3,C2)",
        "E3": "=SMALL(A1:A3,C2)",
        "E4": "=PERCENTILE(A1:A3,C2)",
        "E5": "=QUARTILE(C1,C2)",
        "E6": "=PERCENTRANK(C1,C2)",
        "E7": "=RIGHT(C1,C2)",
        "E8": "=MID(C1,C2,1)",
        "E9": '=_xlfn.IFNA(RANK(C1,A1:A3),"none")',
        "F1": "=RANK(2,A1:A3)",  # no error: computed as before
        "F2": "=LARGE(A1:A3,2)",
        "F3": '=RIGHT("abc",2)',
        "F4": '=_xlfn.IFNA(LARGE(A1:A3,C2),"none")',
    }
    result, values = recalc_sheet(tmp_path, {**cells, **formulas})
    assert result.status == "ok", result.message
    got = {ref: values[ref] for ref in formulas}
    assert got == {
        "E1": "#DIV/0!",
        "E2": "#N/A",
        "E3": "#N/A",
        "E4": "#N/A",
        "E5": "#DIV/0!",
        "E6": "#DIV/0!",
        "E7": "#DIV/0!",
        "E8": "#DIV/0!",
        "E9": "#DIV/0!",
        "F1": 2,
        "F2": 2,
        "F3": "bc",
        "F4": "none",
    }


def test_a_call_with_one_argument_that_may_be_an_error_where_the_engine_is_right_is_left_as_it_is() -> None:
    # RIGHT of one cell and a count typed in: the engine passes that cell's error on itself (no rewrite, no cost)
    assert rewrite_arguments("=RIGHT(A2,3)") == "=RIGHT(A2,3)"
    assert rewrite("=RANK(2,A1:A3)", "S", 5, 5, []) == "=RANK(2,A1:A3)"
    # a cell's text that is no number is #VALUE! there (_XLR.READNUMBER, excel_functions.truncated)
    assert rewrite_arguments("=RANK(B2,A1:A3)") == (
        "=IF(ISERROR(_XLR.READNUMBER(B2)),_XLR.READNUMBER(B2),RANK(_XLR.READNUMBER(B2),A1:A3))"
    )
