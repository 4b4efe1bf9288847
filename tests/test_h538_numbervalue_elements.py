"""NUMBERVALUE without its separators met element by element is listed as locale-bound (H538's finding 04).

4bf5818c listed ``NUMBERVALUE("1.2.3")`` (its separators not given: the computer's; #VALUE! to an en-US Excel, 123 to
a decimal-comma one), but over an array constant or a range (``SUMPRODUCT(NUMBERVALUE({"1.2.3","1"}))``) the cell was
written #VALUE! under ok with the reason "holds the decimal separator '.' 2 times", stating the en-US reading as
certain. Such a cell is now listed alike (function "locale", the element named), one made when the formula runs is
listed by the function's own "not computed", and no reason names a decimal separator the call was not given.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_cli

_LOCALE = (
    "NUMBERVALUE's text {where}'1.2.3', its separators not given, is read by the decimal separator of the computer's "
    "regional settings, which the file does not record: an en-US Excel gives #VALUE!, a decimal-comma Excel 123 (its "
    "group separator '.' ignored before the decimal separator: Microsoft's NUMBERVALUE page), so the embedded engine "
    "does not compute it"
)


def test_numbervalue_element_by_element_is_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = "1.2.3", "1"
    sheet["B1"] = '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1.2.3","1"}))'
    sheet["B2"] = "=SUMPRODUCT(_xlfn.NUMBERVALUE(A1:A2))"
    sheet["B3"] = '=IFERROR(SUMPRODUCT(_xlfn.NUMBERVALUE(A1:A2&"")),-1)'  # made when the formula runs
    sheet["B4"] = '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1.2.3","1"},".",","))'  # its separators given: #VALUE!
    sheet["B5"] = '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1.5","1"}))'
    sheet["B6"] = '=SUMPRODUCT(_xlfn.NUMBERVALUE({"1.200.000","1"}))'
    path = tmp_path / "numbers.xlsx"
    book.save(path)
    done = recalc_cli(path)
    listed = done.listed
    assert listed["S!B1"] == ("locale", _LOCALE.format(where=""))
    assert listed["S!B2"] == ("locale", _LOCALE.format(where="in A1 "))
    assert listed["S!B3"][0] == "NUMBERVALUE"
    assert listed["S!B6"][0] == "locale"  # '1.200.000': locale_results' (tests/test_h548_numbervalue_array_locale.py)
    assert set(listed) == {"S!B1", "S!B2", "S!B3", "S!B6"}
    assert done.errors["S!B4"] == (
        "#VALUE!",
        "NUMBERVALUE: the text '1.2.3' (what {\"1.2.3\",\"1\"} gives) holds the decimal separator '.' 2 times "
        "(Microsoft's NUMBERVALUE page: more than once is #VALUE!) (#VALUE!)",
    )
    assert done.values["B5"] == 2.5
