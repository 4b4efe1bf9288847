"""A classic formula's XLOOKUP giving several cells, none in the formula's own row or column, is #VALUE! (Excel's
implicit intersection, :mod:`xl_retention.recalculation.xlookup_cells`); recalc listed the cell with no reason. The
reason names the cells the call gave, why (its if_not_found where the value is not found) and the formula's row or
column they miss; a cell reading it gets the reason too."""

from __future__ import annotations

from pathlib import Path

from one_sheet import LOOKUP_TABLE, recalc_sheet

CELLS = {
    "H7": '=_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5)',  # not found: if_not_found F1:F5, no cell in row 7
    "H4": '=_xlfn.XLOOKUP("p1",E1:E5,E1:F5)',  # found: the row E1:F1, no cell in column H
    "H3": '=_xlfn.XLOOKUP("x",E1:E5,F1:F5,E1:F5)',  # if_not_found of two columns: no one cell of it
    "I7": "=H7*2",
    "H2": '=_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5)',  # row 2 of F1:F5: 20, no error
}


def test_the_value_error_of_an_intersected_xlookup_has_its_reason(tmp_path: Path) -> None:
    report, values = recalc_sheet(tmp_path, {**LOOKUP_TABLE, **CELLS})
    assert report.status == "ok", report.message
    assert {ref: values[ref] for ref in CELLS} == {
        "H7": "#VALUE!",
        "H4": "#VALUE!",
        "H3": "#VALUE!",
        "I7": "#VALUE!",
        "H2": 20,
    }
    reasons = {issue.address: issue.reason for issue in report.errors}
    assert reasons == {
        "S!H7": 'XLOOKUP("x",E1:E5,F1:F5,F1:F5) gives S!F1:F5 (its if_not_found: "x" is not in E1:E5), 5 cells '
        "where one value is taken: a classic (non-array) formula takes the one in its own row, and S!H7 is in row 7, "
        "outside rows 1-5 (#VALUE!)",
        "S!H4": 'XLOOKUP("p1",E1:E5,E1:F5) gives S!E1:F1, 2 cells where one value is taken: a classic (non-array) '
        "formula takes the one in its own column, and S!H4 is in column H, outside columns E-F (#VALUE!)",
        "S!H3": 'XLOOKUP("x",E1:E5,F1:F5,E1:F5) gives S!E1:F5 (its if_not_found: "x" is not in E1:E5), 10 cells '
        "where one value is taken: a classic (non-array) formula takes the cell in its own row and column, and S!H3 "
        "is not in it (#VALUE!)",
        "S!I7": 'XLOOKUP("x",E1:E5,F1:F5,F1:F5) gives S!F1:F5 (its if_not_found: "x" is not in E1:E5), 5 cells '
        "where one value is taken: a classic (non-array) formula takes the one in its own row, and S!H7 is in row 7, "
        "outside rows 1-5 (#VALUE!), from S!H7",
    }


def test_the_reason_reads_a_range_given_by_name(tmp_path: Path) -> None:
    cells = {"H9": '=2*_xlfn.XLOOKUP("x",Keys,Vals,Vals)'}  # Vals = F1:F5, no cell in row 9
    report, values = recalc_sheet(tmp_path, {**LOOKUP_TABLE, **cells}, {"Keys": "S!$E$1:$E$5", "Vals": "S!$F$1:$F$5"})
    assert values["H9"] == "#VALUE!"
    assert [(issue.address, issue.reason) for issue in report.errors] == [
        (
            "S!H9",
            'XLOOKUP("x",Keys,Vals,Vals) gives S!F1:F5 (its if_not_found: "x" is not in Keys), 5 cells where one '
            "value is taken: a classic (non-array) formula takes the one in its own row, and S!H9 is in row 9, outside "
            "rows 1-5 (#VALUE!)",
        )
    ]
