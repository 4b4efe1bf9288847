"""recalc's #VALUE! reason names the cell that causes the error (H495's finding 04): 992d98cf put first, for every
workbook, each cell a formula tests with ISLOGICAL holding TRUE or FALSE, so ``=IF(ISLOGICAL(A1),B1*1,0)`` with A1 TRUE
and B1 'abc' said "Data!A1 is TRUE, no number (type the number there), Data!B1 is the text 'abc', ...": A1 is a flag
the formula asks about, not the cause. Only the template's guard shape, ``IF(ISLOGICAL(x),#VALUE!,..)`` or
``IF(OR(ISLOGICAL(x),..),#VALUE!,..)``, names the boolean it tests."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation import recalc_file


def _reasons(tmp_path, cells: dict[str, object]) -> dict[str, str]:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Data"
    for ref, value in cells.items():
        sheet[ref] = value
    wb.save(tmp_path / "lg.xlsx")
    report = recalc_file(tmp_path / "lg.xlsx", tmp_path / "out.xlsx", engine="embedded")
    return {e.address: e.reason for e in report.errors}


def test_a_cell_only_tested_with_islogical_is_no_cause_of_the_value_error(tmp_path):
    reasons = _reasons(
        tmp_path,
        {
            "A1": True,
            "B1": "abc",
            "C1": "=IF(ISLOGICAL(A1),B1*1,0)",
            "D1": "=IF(OR(ISLOGICAL(A1),B1=1),#VALUE!,1)",  # a condition of more than boolean tests: no guard
        },
    )
    assert reasons["Data!C1"] == "Data!B1 is the text 'abc', no number (#VALUE!)"
    assert "A1 is TRUE" not in reasons.get("Data!D1", "")


def test_a_guard_whose_value_error_branch_is_taken_names_the_boolean(tmp_path):
    reasons = _reasons(
        tmp_path,
        {
            "A1": True,
            "A2": False,
            "B1": 5,
            "C1": "=IF(ISLOGICAL(A1),#VALUE!,A1+B1)",
            "C2": "=IF(OR(ISLOGICAL(B1),ISLOGICAL(A2)),#VALUE!,A2+B1)",
            "C3": "=IF(ISLOGICAL(A1), #VALUE!, 1)",
        },
    )
    assert reasons["Data!C1"] == "Data!A1 is TRUE, no number (type the number there) (#VALUE!)"
    assert reasons["Data!C2"] == "Data!A2 is FALSE, no number (type the number there) (#VALUE!)"
    assert reasons["Data!C3"] == reasons["Data!C1"]
