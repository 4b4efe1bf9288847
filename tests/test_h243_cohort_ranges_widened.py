"""A formula of the user's over the Cohorts sheet's months (H243's finding 06): =SUM(Cohorts!B4:B6), every cohort's
sign-ups in a 3-month tracker, stayed B4:B6 when an import added months (the table then held 6 cohorts: the sum
stopped at the old last one), and no line said so, while =SUM(Customers!C2:C4) was widened and listed. A range of two
rows or more of a Cohorts table ending at its last cohort now ends at the new last cohort, listed with the others in
one line; a single cell, and a range ending earlier, move with their table only.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from added_months import import_into


def test_a_sum_over_every_cohort_is_widened_and_listed(tmp_path: Path) -> None:
    mine = {
        "A1": "=SUM(Cohorts!B4:B6)",  # every cohort's sign-ups: widened, and said
        "A2": "=SUM(Cohorts!B4:B5)",  # the first two cohorts: left alone
        "A3": "=Cohorts!B6",  # the last cohort's own cell: left alone
        "A4": "=SUM(Customers!C2:C4)",  # a monthly sheet's range: listed with it, one line
    }
    result = import_into(tmp_path, mine)
    tracker = tmp_path / "t.xlsx"
    assert result.returncode == 0, result.stderr
    assert (
        "2 formula(s) of yours over the months now take in the months added: Mine!A4 =SUM(Customers!C2:C4) -> "
        "=SUM(Customers!C2:C7); Mine!A1 =SUM(Cohorts!B4:B6) -> =SUM(Cohorts!B4:B9) (a range that ended at the last "
        "month; change it back where it was meant for those "
        "months only)\n"
    ) in result.stdout
    sheet = openpyxl.load_workbook(tracker)["Mine"]
    assert [sheet[c].value for c in ("A1", "A2", "A3")] == ["=SUM(Cohorts!B4:B9)", "=SUM(Cohorts!B4:B5)", "=Cohorts!B6"]
    cohorts = openpyxl.load_workbook(tracker)["Cohorts"]
    assert [cohorts.cell(row=r, column=1).value.strftime("%Y-%m") for r in (4, 9)] == ["2026-01", "2026-06"]
