"""SUBTOTAL over a section subtotal written with AGGREGATE is listed, Excel's value kept (H319's finding 05).

B1 = 10, B2 = 20, B3 =SUBTOTAL(9,B1:B2), B4 = 5, B5 =AGGREGATE(9,4,B4). The engine left the SUBTOTAL cell B3 out of
=SUBTOTAL(9,B1:B5) but counted the AGGREGATE cell B5: 40 (and SUBTOTAL(2,..) 4), status ok, where LibreOffice gives
35 and 3 (the hand sum of the data cells: 10 + 20 + 5). Microsoft's SUBTOTAL page names nested subtotals only, so
which Excel does is not certain: the cell is listed with a reason naming B5 and keeps Excel's stored value.
AGGREGATE(9,0,B1:B5), which the engine leaves both out of as Excel does, and a SUBTOTAL over no AGGREGATE cell are
computed as before.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from one_sheet import SHEET1, rewrite_part

from xl_retention.recalculation import recalc_file

_CELLS: dict[str, object] = {
    "B1": 10, "B2": 20, "B3": "=SUBTOTAL(9,B1:B2)", "B4": 5, "B5": "=_xlfn.AGGREGATE(9,4,B4)",
    "A1": "=SUBTOTAL(9,B1:B5)", "A2": "=SUBTOTAL(2,B1:B5)", "A3": "=_xlfn.AGGREGATE(9,0,B1:B5)",
    "A4": "=SUBTOTAL(9,B1:B4)", "A5": "=SUBTOTAL(9,Section)",
}  # fmt: skip
#: the values Excel (and LibreOffice) store for the grand totals
_STORED = {"A1": "35", "A2": "3", "A5": "35"}


def test_a_subtotal_over_an_aggregate_cell_keeps_excels_value(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in _CELLS.items():
        sheet[ref] = value
    book.defined_names["Section"] = openpyxl.workbook.defined_name.DefinedName("Section", attr_text="S!$B$1:$B$5")
    source = tmp_path / "book.xlsx"
    book.save(source)

    def stored(xml: bytes) -> bytes:
        text = xml.decode()
        for ref, value in _STORED.items():
            text = re.sub(rf'(<c r="{ref}"[^>]*>(?:<f>[^<]*</f>))<v ?/>', rf"\g<1><v>{value}</v>", text)
        return text.encode()

    rewrite_part(source, SHEET1, stored)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert {ref: out[ref].value for ref in ("A1", "A2", "A3", "A4", "A5")} == {
        "A1": 35, "A2": 3, "A3": 35, "A4": 35, "A5": 35
    }  # fmt: skip
    reasons = {u.address: u.reason for u in result.unsupported}
    assert sorted(reasons) == ["S!A1", "S!A2", "S!A5"]
    assert all(u.kept for u in result.unsupported)
    assert reasons["S!A1"].startswith("SUBTOTAL reads S!B5, a cell calling AGGREGATE")
    assert reasons["S!A5"] == reasons["S!A1"]  # the name Section is S!B1:B5
