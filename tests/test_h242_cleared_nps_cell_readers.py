"""A cleared NPS cell is said to be read by what reads it (H242's finding 08): NPS!B5 (Responses) cleared while
typing November's NPS as counts was said to be read by "the Dashboard and the lifetime value"; no formula of the
Lifetime value sheet reads the NPS sheet. And one cell is "1 cell ... is blank", not "1 cells ... are blank"."""

from __future__ import annotations

import openpyxl
from typed_tracker import four_months_counted

from xl_retention.workbook import build_template
from xl_retention.workbook.template_cells import template_cells_off


def _tracker(tmp_path, clear: dict[str, str]):
    typed: dict[str, dict[str, object]] = {"NPS": {"C5": 54, "D5": 40, "E5": 26}}  # November's, from the counts
    for sheet, ref in clear.items():
        typed.setdefault(sheet, {})[ref] = None
    return four_months_counted(tmp_path, typed)


def test_a_cleared_nps_cell_is_read_by_the_nps_and_the_dashboard(tmp_path):
    lifetime = openpyxl.load_workbook(build_template(tmp_path / "f.xlsx", start="2026-08", months=6))["Lifetime value"]
    assert not any("NPS" in str(cell.value).upper() for row in lifetime.iter_rows() for cell in row)
    assert template_cells_off(_tracker(tmp_path, {"NPS": "B5"})) == (
        "1 cell of the tracker's formulas is blank (cleared?): NPS!B5 (Responses): the month's NPS and its margin of "
        "error and the Dashboard read it (the hidden columns too); copy the column's formula from another month's row "
        "into each, or from a new tracker (xl-retention new) where every month's is cleared, or run xl-retention "
        "upgrade on the workbook, which puts the template's formulas back there (your values are kept)"
    )


def test_a_cleared_customers_cell_is_read_by_the_lifetime_value(tmp_path):
    said = template_cells_off(_tracker(tmp_path, {"Customers": "J3"}))
    assert said.startswith(
        "1 cell of the tracker's formulas is blank (cleared?): Customers!J3 (Churn rates so far): the Dashboard and "
        "the lifetime value read it"
    )
