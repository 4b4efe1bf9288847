"""The recalc report's reason for the Lifetime value's ARPA (H469's finding 01): B3 is the last month's MRR at end
(Revenue!H5, an error because March is blank: no MRR at start for April), but its reason named February's error
(``Revenue!D3 (Expansion MRR) is the text 'n/a' ..., from Revenue!H3``), the first error of Revenue_End, so the user
was sent to a cell whose fixing does not clear B3. The formula takes the last month in error
(LOOKUP(2,1/ISERROR(Revenue_End),..)), and so does its reason now.
"""

from __future__ import annotations

import openpyxl
from typed_tracker import new_tracker_reasons


def _four_months(tmp_path, **typed: dict[str, object]):
    customers: dict[str, object] = {"B2": 100}
    for row, (gained, end) in enumerate([(10, 105), (2, 100), (7, 102), (5, 103)], start=2):
        customers.update({f"C{row}": gained, f"D{row}": end})
    revenue: dict[str, object] = {"B2": 10000}
    for row in range(2, 6):
        revenue.update({f"C{row}": 500, f"D{row}": 100, f"E{row}": 0, f"F{row}": 50, f"G{row}": 200})
    sheets = {"Customers": customers, "Revenue": revenue, "Lifetime value": {"B4": 0.7}}
    for sheet, cells in typed.items():
        sheets[sheet.replace("_", " ")].update(cells)
    reasons = new_tracker_reasons(tmp_path, sheets, start="2026-01", months=6)
    return reasons, openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Lifetime value"]


def test_the_arpa_reason_names_the_last_month_in_error(tmp_path):
    revenue = {f"{c}{row}": None for row in (4, 5) for c in "CDEFG"}
    revenue.update({"D3": "n/a", "C5": 500, "D5": 100, "E5": 0, "F5": 50, "G5": 200})  # March (row 4) blank
    reasons, sheet = _four_months(tmp_path, Revenue=revenue)
    assert sheet["B3"].value == "#VALUE!"
    assert reasons["'Lifetime value'!B3"] == (
        "Revenue!B5 (MRR at start) is blank: the month before has no MRR at end (Revenue!H4 is blank or an error): "
        "fill that month (#VALUE!), from Revenue!H5"
    )
