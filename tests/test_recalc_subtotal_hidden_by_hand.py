"""SUBTOTAL(1..11) over rows hidden by hand inside a table or under filter buttons with no criterion (H129 04).

Microsoft's SUBTOTAL page: "1-11 includes manually-hidden rows, while 101-111 excludes them; filtered-out cells are
always excluded". A row is filtered out only where a filter holds a criterion (``<filterColumn>``); a table's filter
buttons alone, or an autoFilter whose criteria were cleared, filter nothing. Every hidden row inside a table's range
or an autoFilter range was taken as filtered: SUBTOTAL(9, ...) 1,500 for 6,500 with status ok (LibreOffice: 6,500).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file

CELLS = {
    "D1": "=SUBTOTAL(9,Costs[Amount])",
    "D2": "=SUBTOTAL(9,B2:B5)",
    "D3": "=SUBTOTAL(3,A2:A5)",
    "D4": "=SUBTOTAL(4,B2:B5)",
    "D5": "=SUBTOTAL(1,B2:B5)",
    "D6": "=SUBTOTAL(109,B2:B5)",
    "D7": "=_xlfn.AGGREGATE(9,5,B2:B5)",
}


def _costs(path: Path, *, table: bool, buttons: bool, criterion: bool = False) -> list[object]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["Item", "Amount"])
    for row in [("Rent", 1000), ("Payroll", 5000), ("Tools", 300), ("Travel", 200)]:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True  # Payroll, hidden by hand
    if table:
        costs = Table(displayName="Costs", ref="A1:B5", autoFilter=AutoFilter(ref="A1:B5") if buttons else None)
        if criterion:
            costs.autoFilter.add_filter_column(1, ["1000", "300", "200"])
        sheet.add_table(costs)
    elif buttons:
        sheet.auto_filter.ref = "A1:B5"
        if criterion:
            sheet.auto_filter.add_filter_column(1, ["1000", "300", "200"])
    for ref, formula in CELLS.items():
        if ref != "D1" or table:
            sheet[ref] = formula
    book.save(path)
    result = recalc_file(path, path.with_suffix(".out.xlsx"), engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(path.with_suffix(".out.xlsx"), data_only=True)["S"]
    return [out[ref].value for ref in CELLS]


# openpyxl writes a table with its filter buttons (an autoFilter without criteria)
@pytest.mark.parametrize(("table", "buttons"), [(True, True), (False, True), (False, False)])
def test_rows_hidden_by_hand_count_in_subtotal_1_to_11(tmp_path: Path, table: bool, buttons: bool) -> None:
    values = _costs(tmp_path / "costs.xlsx", table=table, buttons=buttons)
    assert values == [6500 if table else None, 6500, 4, 5000, 1625, 1500, 1500]


@pytest.mark.parametrize("table", [True, False])
def test_rows_a_filter_criterion_hides_are_left_out(tmp_path: Path, table: bool) -> None:
    values = _costs(tmp_path / "costs.xlsx", table=table, buttons=True, criterion=True)
    assert values == [1500 if table else None, 1500, 3, 1000, 500, 1500, 1500]
