"""H137's request: a DDB or DB cell listed for a period that is not a whole number (1821f29) said "the embedded
engine cannot compute this formula"; the reason now names the period and why it is not computed."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

WHY = "is not a whole number: Microsoft's {0} page does not say what Excel gives (it says only that the period uses "


def test_the_fractional_period_is_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["B2"] = 1.5, "=DDB(2400,300,10,1.5)", "=DDB(2400,300,10,A1)"
    sheet["B3"] = "=DB(1000000,100000,6,1.5,7)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {u.address: (u.function, u.reason) for u in result.unsupported}
    life = "the life's units)"
    assert reasons["S!B1"] == ("DDB", f"DDB's period 1.5 {WHY.format('DDB')}{life}")
    assert reasons["S!B2"] == ("DDB", f"DDB's period (A1) here {WHY.format('DDB')}{life}")
    assert reasons["S!B3"] == ("DB", f"DB's period 1.5 {WHY.format('DB')}{life}")
