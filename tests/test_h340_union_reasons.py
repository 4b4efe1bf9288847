"""A union of references behind IFERROR is listed with its ranges as typed and the function given it (H340).

``=IFERROR(COUNTIF((A1:A2,C1:C2),">1"),-1)`` in row 5 was listed as "cannot compute the union of references
(#VALUE!, #VALUE!)": the implicit intersection of a classic formula made each area of the union its cell in the
formula's row (none there: #VALUE!); in row 1, "($A$1, $C$1)". A union's areas are references, never intersected.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.rewrite import rewrite


def test_a_union_behind_iferror_is_named_with_its_ranges_and_function(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": 1, "A2": 2, "C1": 3, "C2": 0}.items():
        sheet[ref] = value
    sheet["E1"] = '=IFERROR(COUNTIF((A1:A2,C1:C2),">1"),-1)'
    sheet["E5"] = '=IFERROR(COUNTIF((A1:A2,C1:C2),">1"),-1)'
    sheet["E6"] = '=COUNTIF((A1:A2,C1:C2),">1")'
    sheet["E7"] = "=IFERROR(SUM((A1:A2,C1:C2)),-1)"  # SUM's union: its areas as arguments, computed
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reason = "the embedded engine cannot compute COUNTIF over the union of references (A1:A2,C1:C2)"
    assert result.status == "incomplete"
    assert {u.address: (u.function, u.reason) for u in result.unsupported} == {
        "S!E1": ("union of references", reason),
        "S!E5": ("union of references", reason),
        "S!E6": ("union of references", reason),
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert out["E7"].value == 6


def test_the_areas_of_a_union_are_not_intersected() -> None:
    formula = '=IFERROR(COUNTIF((A1:A2,C1:C2),">1"),-1)'
    assert rewrite(formula, "S", 5, 5, []) == formula
    assert rewrite("=(A1:A2)+1", "S", 5, 5, []) == "=(#VALUE!)+1"  # one range in brackets: still intersected
