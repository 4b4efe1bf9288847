"""A dynamic array the engine cannot compute, its stored values not kept: its whole old spill is cleared with it
(H313's finding 01).

E2 = MAP(D2#, LAMBDA(k, NPS(FILTER(B2:B6, A2:A6=k)))) over D2# = UNIQUE(A2:A6), stored ``ref="E2:E3"`` with old values
99 and 98 by a program that does not name itself (no docProps/app.xml): E2 is listed, its value not kept, and the
output cleared E2 but left E3 = 98 as a plain value, a spill with no top cell and a stale number under it. Now none of
E2:E3 holds a value; where Excel saved the file, the whole stored spill is kept (99 and 98), as before.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from test_recalc_groupby_lambda import excel_saved

from xl_retention.recalculation import recalc_file

MAP = "_xlfn.MAP(_xlfn.ANCHORARRAY(D2),_xlfn.LAMBDA(_xlpm.k,NPS(_xlfn._xlws.FILTER(B2:B6,A2:A6=_xlpm.k))))"
CELLS = {
    2: (
        '<c r="D2" cm="1" t="str"><f t="array" ref="D2:D3">_xlfn.UNIQUE(A2:A6)</f><v>A</v></c>'
        f'<c r="E2" cm="1"><f t="array" ref="E2:E3">{MAP}</f><v>99</v></c>'
    ),
    3: '<c r="D3" t="str"><v>B</v></c><c r="E3"><v>98</v></c>',
}


@pytest.mark.parametrize(
    ("named", "status", "kept", "values"), [(False, "incomplete", False, [None, None]), (True, "ok", True, [99, 98])]
)
def test_an_unkept_spill_is_cleared_whole(
    tmp_path: Path, named: bool, status: str, kept: bool, values: list[object]
) -> None:
    source = excel_saved(tmp_path / "spill.xlsx", CELLS, named=named)
    out = tmp_path / "out" / "spill.xlsx"
    report = recalc_file(source, out)
    assert report.status == status
    assert [(u.address, u.function, u.kept) for u in report.unsupported] == [("S!E2", "MAP", kept)]
    sheet = openpyxl.load_workbook(out, data_only=True)["S"]
    assert [sheet["E2"].value, sheet["E3"].value] == values
    assert [sheet["D2"].value, sheet["D3"].value] == ["A", "B"]  # UNIQUE computed
    assert openpyxl.load_workbook(out)["S"]["E2"].value.text == "=" + MAP  # the formula, for Excel to compute
