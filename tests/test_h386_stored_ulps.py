"""H383's finding 01: an Excel-saved workbook recalculated with its inputs unchanged was ``ok`` with cells off
Excel's stored values by 1.6e-9..4.7e-9 relative: ``A7 =NPV(G7,H7:L7)`` is 41922.06155493237 in Excel, one ulp
lower from the engine, and ``D7 =C7-A7`` (41922.06 - A7) cancels seven digits. Where a formula cell's number is within
a few ulps of Excel's stored number, Excel's is kept and the cells reading it compute from it (D7 is Excel's
-0.0015549323725281283 exactly, 41922.06 - 41922.06155493237 in Python). A stale stored value (an input changed since
Excel saved) is far off and not kept; one a few ulps off under plain arithmetic is not kept either (H393:
test_h393_ulps_changed_inputs)."""

from __future__ import annotations

import openpyxl
import pytest
from one_sheet import recalc_stored

from xl_retention.recalculation.stored_ulps import ULPS, near_stored

#: Excel 16's stored values (pycel's npv.xlsx, row 7); row 8's are those of its inputs before H8 was typed over
_STORED = {
    "A7": "41922.06155493237",
    "D7": "-1.5549323725281283E-3",
    "A8": "41922.06155493237",
    "D8": "-1.5549323725281283E-3",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], object]:
    folder = tmp_path_factory.mktemp("h386_ulps")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "NPV"
    for row, first in ((7, 8000), (8, 8001)):  # row 8: H8 typed over (8000 -> 8001) after Excel saved the file
        sheet[f"G{row}"] = 0.08
        for column, amount in zip("HIJKL", (first, 9200, 10000, 12000, 14500), strict=True):
            sheet[f"{column}{row}"] = amount
        sheet[f"C{row}"] = 41922.06
        sheet[f"A{row}"] = f"=NPV(G{row},H{row}:L{row})"
        sheet[f"D{row}"] = f"=C{row}-A{row}"
    return recalc_stored(book, folder, _STORED, ("A7", "D7", "A8", "D8"))


def test_a_number_an_ulp_from_excels_keeps_excels_and_its_readers_compute_from_it(out: tuple) -> None:
    values, result = out
    assert values["A7"] == 41922.06155493237  # the engine's 41922.06155493236, one ulp lower, is not written
    assert values["D7"] == -0.0015549323725281283 == 41922.06 - 41922.06155493237  # not -0.0015549323652521707
    assert result.unsupported == [] and result.errors == []


def test_a_stale_stored_value_is_computed_again(out: tuple) -> None:
    values, _ = out
    assert values["A8"] != 41922.06155493237 and abs(values["A8"] - 41922.98748085829) < 1e-9  # 8001 discounted
    assert values["D8"] == 41922.06 - values["A8"]


def test_only_numbers_within_a_few_ulps_are_near() -> None:
    from types import SimpleNamespace as N

    cell = N(cached=1.0, kind="normal", dynamic=False, text="NPV(B1,C1:D1)")
    array = N(cached=1.0, kind="array", dynamic=False, text="NPV(B1,C1:D1)")
    info = N(formulas={"S": {"A1": cell, "A2": cell, "A3": cell, "A4": array}})
    close, far = 1.0 + ULPS * 2.220446049250313e-16, 1.0 + (ULPS + 1) * 2.220446049250313e-16
    assert near_stored(info, {"S": {"A1": close, "A2": far, "A3": 1.0, "A4": close}}) == [("S", "A1", 1.0)]
