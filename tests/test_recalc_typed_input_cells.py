"""H116 finding 03: text typed in a tracker's input (``n/a`` in Customers!D3) or a negative count made the rates'
reasons name the function's argument only ("CRR: customers_end must be a number, got 'n/a'"), not the cell to
correct, where the same mistakes on Revenue named it. The reason now names the cell typed in."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import xl_retention
from xl_retention.workbook.template import build_template


def test_the_cell_typed_in_is_named(tmp_path: Path) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    ws["B2"], ws["C2"], ws["D2"] = 10, 2, 11
    ws["C3"], ws["D3"] = 1, "n/a"
    ws["C4"], ws["D4"] = 1, 12
    ws["C5"], ws["D5"] = -2, 9
    wb["Purchases and visits"]["B3"], wb["Purchases and visits"]["C3"] = "two", 1
    wb.save(book)
    report = xl_retention.recalc([str(book)], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons["Customers!F3"] == (
        "CRR: customers_end must be a number, got 'n/a', in Customers!D3 (Customers at end) (#VALUE!)"
    )
    assert reasons["'Purchases and visits'!E3"] == (
        "RETURNING_CUSTOMER_RATE: total must be a number, got 'two', in 'Purchases and visits'!B3 (Customers who "
        "bought) (#VALUE!)"
    )
    assert reasons["Customers!F5"].endswith(", got -2, in Customers!C5 (Gained (new + reactivated)) (#NUM!)")
    # the next month's start is a formula reading D3: the cell typed in is named, the start as read through
    assert reasons["Customers!F4"] == (
        "CRR: customers_start must be a number, got 'n/a', in Customers!D3 (Customers at end) (read through "
        "Customers!B4) (#VALUE!)"
    )
