"""TEXT's '#' among the decimals, and the reason for a point before ##0 (H528's finding 01, read against Excel).

The finding took LibreOffice's rule (decimals positional: ``TEXT(3086.4,".##0")`` 3086.400) for Excel's. Excel's own
stored values say otherwise: pycel's text.xlsx holds ``TEXT(890123.456789,"#.#####00#0")`` = "890123.45678900" (a
``#`` past the number's digits shows nothing even left of a ``0``; LibreOffice gives 890123.456789000) and
``TEXT(1234.56,".##0")`` = "1234.560": the engine's rule gives both, so it is kept. What was untrue is the reason for a
point before ``##0`` after a digit (``0.##0``), listed because a decimal-comma Excel groups thousands with it: it said
"no format code of an en-US Excel", which is false (an en-US Excel reads the point as its decimal point).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import recalc_cli

from xl_retention.recalculation.excel_functions.number_format import format_value


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [(890123.456789, "#.#####00#0", "890123.45678900"), (1234.56, ".##0", "1234.560")],  # Excel's stored texts
)
def test_hash_among_decimals_as_excel_stores_it(value: float, fmt: str, text: str) -> None:
    assert format_value(value, fmt) == text


def test_point_before_hash_hash_zero_reason_is_true(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = 1234.56
    sheet["B1"] = '=TEXT(A1,".##0")'
    sheet["D1"] = '=TEXT(A1,"0.##0")'
    sheet["E1"] = '=TEXT(A1,"0,0 %")'
    path = tmp_path / "prices.xlsx"
    book.save(path)
    listed = {address: reason for address, (_, reason) in recalc_cli(path).listed.items()}
    assert listed == {
        "S!D1": 'TEXT\'s format "0.##0" holds a point before ##0 (a point grouping thousands), which an en-US Excel '
        "reads otherwise (a point is its decimal point, a comma groups thousands) than a decimal-comma Excel (German, "
        "French) does: the file does not name the language of the Excel that wrote it",
        "S!E1": 'TEXT\'s format "0,0 %" holds a comma before 1 digit (a decimal comma), which an en-US Excel reads '
        "otherwise (a point is its decimal point, a comma groups thousands) than a decimal-comma Excel (German, "
        "French) does: the file does not name the language of the Excel that wrote it",
    }
    values = openpyxl.load_workbook(tmp_path / "prices.recalc.xlsx", data_only=True)["S"]
    assert values["B1"].value == "1234.560"
