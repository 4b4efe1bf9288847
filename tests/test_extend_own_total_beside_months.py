"""A total of the user's own beside the months, on the monthly sheet itself (H68 finding 14).

`extend` (and an import adding months) widened ``Mine!A1 =SUM(Customers!C2:C4)`` to the new months, listed, but left
``Customers!M2 =SUM(C2:C4)`` (a side cell on the monthly sheet) on the old months without a word: the user's "total
gained" silently stayed January-March. Now a cell in a column of the user's own beside a monthly sheet's template
columns is widened and listed as on any other sheet; its row's own window (a range ending on its row, or a formula
filled down a side column) is left alone, as are the template's own columns.

Every workbook is made by build_template in tmp_path; the user's formulas are written by the test.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.workbook import build_template
from xl_retention.workbook.extend import extend_workbook


def _tracker(path: Path) -> Path:
    build_template(path, start="2026-01", months=3)
    wb = openpyxl.load_workbook(path)
    customers, nps = wb["Customers"], wb["NPS"]
    customers["M1"], customers["M2"] = "Total gained (mine)", "=SUM(C2:C4)"
    customers["N3"], customers["N4"] = "=SUM(C2:C3)", "=SUM(C3:C4)"  # a two-month window filled down
    customers["O4"] = "=AVERAGE(C2:C4)"  # the last month's own trailing window
    customers["P2"] = "=SUM(Customers!D2:D4)"
    nps["L2"] = "=AVERAGE(F2:F4)"
    wb.create_sheet("Mine")["A1"] = "=SUM(Customers!C2:C4)"
    wb.save(path)
    return path


def test_a_total_beside_the_months_takes_in_the_months_added(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    done = extend_workbook(path, months=3)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    assert customers["M2"].value == "=SUM(C2:C7)"
    assert customers["P2"].value == "=SUM(Customers!D2:D7)"
    assert wb["NPS"]["L2"].value == "=AVERAGE(F2:F7)"
    assert wb["Mine"]["A1"].value == "=SUM(Customers!C2:C7)"
    assert (customers["N3"].value, customers["N4"].value, customers["O4"].value) == (
        "=SUM(C2:C3)", "=SUM(C3:C4)", "=AVERAGE(C2:C4)"
    )  # fmt: skip
    listed = " ".join(done.notes)
    assert "Customers!M2 =SUM(C2:C4) -> =SUM(C2:C7)" in listed
    assert "NPS!L2 =AVERAGE(F2:F4) -> =AVERAGE(F2:F7)" in listed
    assert "Customers!N4" not in listed and "Customers!O4" not in listed


def test_the_template_columns_keep_their_months_own_ranges(tmp_path: Path) -> None:
    path = _tracker(tmp_path / "t.xlsx")
    before = openpyxl.load_workbook(path)["Customers"]
    running = [before[f"{c}4"].value for c in "BEFGHIJK"]
    extend_workbook(path, months=3)
    after = openpyxl.load_workbook(path)["Customers"]
    assert [after[f"{c}4"].value for c in "BEFGHIJK"] == running
