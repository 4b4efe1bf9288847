"""Whole thousands grouped with dots typed as text ("1.200") depend on the Excel that reads them (H201's finding 10).

A churned MRR pasted from a German export as the text "1.200" (1,200) was read as 1.2, status ok, while "900,00"
beside it was listed as the locale's: an en-US Excel reads "1.200" as 1.2, a decimal-comma Excel (its dot groups
thousands) as 1200, and a file storing no value of Excel's cannot tell which. Such a cell's readers are listed, not
computed, with both values; "1.5" and "0.125" (no whole thousands) are computed as before.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_dot_thousands_are_the_locales(tmp_path: Path) -> None:
    cells = {"A1": "1.200", "A2": "1.5", "A3": "0.125", "B1": "=A1*2", "B2": "=A2*2", "B3": "=A3*2", "B4": "=LEN(A1)"}
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "incomplete"
    assert [(u.address, u.function, u.kept) for u in report.unsupported] == [("S!B1", "locale", False)]
    assert report.unsupported[0].reason.startswith(
        "reads the text '1.200' (S!A1), which Excel reads by the decimal separator of the computer's regional "
        "settings, which the file does not record: an en-US Excel gives 2.4, a decimal-comma Excel 2400"
    )
    assert ("B1" in values, values["B2"], values["B3"], values["B4"]) == (False, 3, 0.25, 5)


def test_one_comma_before_three_digits_is_the_locales_too(tmp_path: Path) -> None:
    """The twin: "1,200" is 1200 to an en-US Excel and 1.2 to a decimal-comma one (its comma the decimal separator):
    =A1*2 was 2400 under ok. "1,234.50" and "1,200,000" (no number to a decimal-comma Excel), "1,5" (no number to an
    en-US one: listed as before) and "1,000" written in a formula (rather a format) keep their readings."""
    cells = {
        "A1": "1,200",
        "A2": "1,234.50",
        "A3": "1,200,000",
        "A4": "1,5",
        "B1": "=A1*2",
        "B2": "=A2*2",
        "B3": "=A3*2",
        "B4": "=A4*2",
        "B5": '="1,000"+0',
        "B6": "=LEN(A1)",
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "incomplete"
    listed = {u.address: u.reason for u in report.unsupported if u.function == "locale"}
    assert sorted(listed) == ["S!B1", "S!B4"]
    assert listed["S!B1"].startswith(
        "reads the text '1,200' (S!A1), which Excel reads by the decimal separator of the computer's regional "
        "settings, which the file does not record: an en-US Excel gives 2400, a decimal-comma Excel 2.4"
    )
    assert ("B1" in values, values["B2"], values["B3"], values["B5"], values["B6"]) == (False, 2469, 2400000, 1000, 5)
