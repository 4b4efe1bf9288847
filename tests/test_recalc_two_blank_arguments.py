"""A month with two inputs blank: the reason names each blank cell (H202's finding 12).

A tracker filled as the data arrives: January complete, February's gained typed but not its end (D3), March's end
typed but not its gained (C4). March's E4, F4, G4 said "CUSTOMERS_LOST: customers_gained, customers_start blank
while other inputs are not (#VALUE!)", no cell named, where one blank argument names its cell: now both are named,
the gained typed nowhere (C4) and the start blank for February's missing end (D3).
"""

from __future__ import annotations

from pathlib import Path

from typed_tracker import new_tracker_reasons


def test_two_blank_arguments_are_each_named(tmp_path: Path) -> None:
    typed = {"Customers": {"B2": 100, "C2": 10, "D2": 105, "C3": 12, "D4": 108}}
    reasons = new_tracker_reasons(tmp_path, typed, start="2026-01", months=12)
    assert reasons["Customers!E4"] == (
        "CUSTOMERS_LOST: customers_gained, customers_start blank while other inputs are not: Customers!C4 (Gained "
        "(new + reactivated)) is blank while the month has other figures: type it; Customers!B4 (Customers at start) "
        "is blank: the month before has no Customers at end (Customers!D3 is blank or an error): fill that month "
        "(#VALUE!)"
    )
    assert reasons["Customers!F4"].startswith(
        "CRR: customers_gained, customers_start blank while other inputs are not: "
    )
