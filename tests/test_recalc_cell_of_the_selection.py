"""CELL without a reference (``=CELL("row")``) answers in Excel for the cell selected when it calculated, which the
file does not record (Microsoft's CELL page). The engine wrote #VALUE! over Excel's stored 7 and into every cell
reading it, status ok; such a cell is now listed as CELL's, its stored value kept and read by the cells after it
(as INFO), and without a stored value it has none (incomplete).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_recalc_kept import SHEET, patch, recalculated, stored


def test_cell_without_a_reference_keeps_excels_value_and_is_listed(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"] = 5
    ws["B1"] = '=CELL("row")'
    ws["C1"] = '=CELL("address")'
    ws["D1"] = "=B1*2"
    ws["E1"] = '=CELL("row",A1)+CELL("col")'  # a reference to one call, none to the other: listed
    ws["F1"] = '=CELL("col",C1)'  # a reference: computed
    path = tmp_path / "book.xlsx"
    wb.save(path)
    patch(
        path,
        SHEET,
        stored(b"B1", b"7"),  # Excel's answer: D7 was selected
        (rb'<c r="C1"([^>]*)>(<f>[^<]*</f>)<v\s*/>', rb'<c r="C1" t="str"\1>\2<v>$D$7</v>'),
        stored(b"D1", b"999"),  # stale: computed again from B1's 7
        stored(b"E1", b"5"),
    )
    got, file = recalculated(path, "ok")
    assert (got["S!B1"], got["S!C1"], got["S!D1"], got["S!E1"], got["S!F1"]) == (7, "$D$7", 14, 5, 3)
    assert [(u.address, u.function, u.kept) for u in file.unsupported] == [
        ("S!B1", "CELL", True),
        ("S!C1", "CELL", True),
        ("S!E1", "CELL", True),
    ]
    assert file.unsupported[0].reason == (
        'CELL("row") without a reference answers for the cell selected in Excel when it calculated, which the file '
        'does not record (give it a reference: CELL("row",A1))'
    )
    assert not file.errors
