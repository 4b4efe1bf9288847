"""recalc's refusal of a survivors triangle sorted newest first (5433bd64) names the rows to sort from the triangle's
label column, not from column A: a Cohorts sheet with a column of the user's inserted before its labels (the signup
months in B, Cohort_Counts C4:E6) was told to sort Cohorts!A4:E6, which takes the user's column A into the sort."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation.cohort_order import cohorts_out_of_order


def test_the_rows_to_sort_start_at_the_label_column(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cohorts"
    for row, (month, counts) in enumerate([(3, [100]), (2, [120, 110]), (1, [150, 140, 132])], 4):
        ws.cell(row, 1).value = f"note {row}"  # the user's own column
        ws.cell(row, 2).value = dt.datetime(2026, month, 1)
        for k, count in enumerate(counts):
            ws.cell(row, 3 + k).value = count
    wb.defined_names["Cohort_Counts"] = DefinedName("Cohort_Counts", attr_text="Cohorts!$C$4:$E$6")
    wb.defined_names["Customers_Months"] = DefinedName("Customers_Months", attr_text="Cohorts!$B$4:$B$6")
    wb.save(tmp_path / "t.xlsx")
    assert cohorts_out_of_order(tmp_path / "t.xlsx") == (
        "Cohorts!B5 is 2026-02 below 2026-03 in Cohorts!B4: the signup months of Cohort_Counts (Cohorts!B4:B6: "
        "2026-03, 2026-02, 2026-01) must follow each other, oldest first (newest first here), as the tables under it "
        "list them: sort the rows Cohorts!B4:E6 by their signup month, oldest to newest (the tables below read the "
        "triangle's rows by position: row 1 of each reads its row 1)"
    )
