"""A locale reason shows its numbers in full, as Excel shows them in General (H559's task 3).

``NUMBERVALUE("1.200.001")`` without its separators is #VALUE! to an en-US Excel and 1200001 to a decimal-comma one;
the reason said "a decimal-comma Excel 1.2e+06" (Python's ``:g``, 6 digits), which is neither the number nor how
Excel writes it, and hides the last digits that tell 1200001 from 1200000. Each number is now Excel's General text.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_cli


def test_locale_reasons_show_numbers_in_full(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = "1.2.34567"
    sheet["B1"] = '=_xlfn.NUMBERVALUE("1.200.001")'
    sheet["B2"] = "=_xlfn.NUMBERVALUE(A1)"
    sheet["B3"] = '=VALUE("1.234.567")'
    book.save(tmp_path / "locale.xlsx")
    listed = recalc_cli(tmp_path / "locale.xlsx").listed
    assert sorted(listed) == ["S!B1", "S!B2", "S!B3"]
    reasons = {ref: reason for ref, (_, reason) in listed.items()}
    assert "a decimal-comma Excel 1200001;" in reasons["S!B1"]
    assert "a decimal-comma Excel 1234567 (" in reasons["S!B2"]
    assert "a decimal-comma Excel 1234567;" in reasons["S!B3"]
    assert not any("e+0" in reason for reason in reasons.values())
