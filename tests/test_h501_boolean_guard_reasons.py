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


def test_true_typed_in_the_cohort_triangles_is_named_and_the_file_incomplete(tmp_path):
    # H495's finding 09: TRUE typed as Cohorts!C4's survivors is read as 1 by the retention share (Cohorts!C10 0.01,
    # as Excel computes it), status ok, only the sBG fit's #VALUE! said; FALSE in the order cohorts read as 0
    from typed_tracker import typed_over  # noqa: PLC0415

    from xl_retention.workbook import build_template  # noqa: PLC0415
    from xl_retention.workbook.monthly_formulas import without_boolean_guards  # noqa: PLC0415

    typed = {"Cohorts": {"B4": 100, "C4": True, "D4": 70, "B5": 80, "C5": 60, "B6": 90, "B29": 50, "C29": False}}
    # a tracker made before the shares refused a boolean (the template's shares now are #VALUE!, named by their
    # reason: tests/test_h503_cohort_share_booleans.py): its shares as they were
    wb = openpyxl.load_workbook(build_template(tmp_path / "t.xlsx", start="2026-01", months=3))
    for row in wb["Cohorts"].iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("=IF(OR(ISLOGICAL("):
                cell.value = without_boolean_guards(cell.value)
    wb.save(tmp_path / "t.xlsx")
    path = typed_over(tmp_path / "t.xlsx", typed)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Cohorts"]["C10"].value == 0.01
    assert report.status == "incomplete"
    assert report.message.startswith(
        "t.xlsx: holds formulas of an earlier xl-retention template ('Cohorts'!B10:B12, 'Cohorts'!B35:B37, "
    )
    assert report.message.endswith(
        "Cohorts!C4 (survivors) is TRUE, no number (Excel reads it as 1); Cohorts!C29 (customers ordering) is "
        "FALSE, no number (Excel reads it as 0): the cohort triangle's shares and projections are computed from these "
        "numbers: type the count of customers as a number in each cell"
    )
    # the same triangles typed as numbers: nothing said
    typed["Cohorts"].update({"C4": 75, "C29": 10})
    report = recalc_file(typed_over(path, typed), tmp_path / "out2.xlsx", engine="embedded")
    assert "no number" not in (report.message or "")
