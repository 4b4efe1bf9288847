"""Excel's own functions this package computes (``@`` stored as _xlfn.SINGLE, WRAPROWS, REGEXTEST, the LAMBDA
helpers) are computed also where the file stores a value (H37 findings 01 and 07).

They were listed as "not an Excel function: an add-in's ..." and Excel's stored value kept (stale where the inputs
changed after the save; not computed at all in a workbook saved in manual calculation), though computed right in a
file without stored values.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_recalc_kept import SHEET, patch, recalculated, stored


def test_excels_own_functions_with_stored_values_are_computed(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r, value in enumerate([1000, 1100, 1250], start=2):
        ws.cell(r, 2, value)
    ws["C2"], ws["C3"] = "=_xlfn.SINGLE($B$2:$B$4)*12", "=_xlfn.SINGLE($B$2:$B$4)*12"
    ws["D3"] = "=_xlfn.SINGLE($B$2:$B$4)-_xlfn.SINGLE($B$1:$B$3)"  # @B$1:B$3 in row 3 is B3 itself
    ws["E2"] = "=INDEX(_xlfn.WRAPROWS(B2:B4,1),3,1)"
    ws["E3"] = '=_xlfn.REGEXTEST(B2,"^1")'
    ws["E4"] = "=SUM(_xlfn.BYROW(B2:B4,_xlfn.LAMBDA(_xlpm.r,_xlpm.r*2)))"
    path = tmp_path / "book.xlsx"
    wb.save(path)
    # the values Excel stored before the inputs changed (B2:B4 were 100, 110, 125)
    patch(path, SHEET, stored(b"C2", b"1200"), stored(b"C3", b"1320"), stored(b"D3", b"0"))
    patch(path, SHEET, stored(b"E2", b"125"), (rb'(<c r="E3")([^>]*>)(<f>[^<]*</f>)', rb'\1 t="b"\2\3<v>1</v>'))
    patch(path, SHEET, stored(b"E4", b"670"))
    got, file = recalculated(path, "ok")
    assert file.unsupported == []
    assert [got["S!C2"], got["S!C3"], got["S!D3"], got["S!E2"], got["S!E3"], got["S!E4"]] == [
        12000, 13200, 0, 1250, True, 6700,
    ]  # fmt: skip
