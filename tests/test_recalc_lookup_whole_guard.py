"""The LOOKUP rewrite (:func:`.computed_ranges.lookup_results`: a result vector of whole columns or rows written as
an explicit range reaching past the cells in use) is asked only of formulas that may hold a whole column or row
(:func:`.whole_ranges.may_have_whole_ranges`, a superset): it tokenized every LOOKUP of typed ranges, the template's
138 cells (about 40 ms of its recalculation), and changed none of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from one_sheet import recalc_sheet

from xl_retention.recalculation import embedded
from xl_retention.recalculation.computed_ranges import lookup_results
from xl_retention.recalculation.whole_ranges import may_have_whole_ranges

#: LOOKUPs whose result vector is whole columns or rows, written as Excel writes them: each is rewritten
WHOLE = [
    '=LOOKUP(2,1/(C:C="z"),B:B)',
    '=LOOKUP(2,1/(C:C="z"),$B:$B)+1',
    "=LOOKUP(2,1/(Data!C:C=1),Data!B:B)",
    "=LOOKUP(2,1/('My data'!C:C=1),'My data'!$B:$B)",
    '=lookup(2,1/(c:c="z"),b:b)',
    "=LOOKUP(2,1/(3:3>0),5:5)",
    "=LOOKUP(2,1/($3:$3>0),$5:$5)",
    "=IFERROR(LOOKUP(2,1/(C1:C5000=1),B:B),0)",
    "=_xlfn.LOOKUP(9E+307, B:B, B:B)",
]
#: LOOKUPs of typed ranges (and text that only looks like a range): left as they are
TYPED = [
    '=LOOKUP(2,1/(C1:C9="z"),B1:B9)',
    "=LOOKUP(2,1/ISNUMBER($F$2:$F$121),{2;3;4})",
    "=LOOKUP(A1,Data!A2:A50,Data!B2:B50)",
    '=LOOKUP(A1,"B:B",B1:B3)',
    "=LOOKUP(A1,{1,2,3})",
]


def _extent(sheet: str, kind: str) -> int:
    return 10


@pytest.mark.parametrize("formula", WHOLE)
def test_every_lookup_the_rewrite_changes_passes_the_guard(formula: str) -> None:
    assert lookup_results(formula, "S", _extent) != formula
    assert may_have_whole_ranges(formula)


@pytest.mark.parametrize("formula", TYPED)
def test_lookups_of_typed_ranges_are_left_alone_by_the_rewrite(formula: str) -> None:
    assert lookup_results(formula, "S", _extent) == formula


def test_only_lookups_of_whole_columns_are_rewritten_and_their_values_are_excels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E1's result row (C10, the last "z") has B empty: 0, as Excel gives it; E2 reads typed ranges only (the last
    "z" within C1:C9 is C9, B9 = 4); only E1 reaches the rewrite."""
    asked: list[str] = []

    def counted(formula: str, sheet: str, extent: object) -> str:
        asked.append(formula)
        return lookup_results(formula, sheet, extent)  # type: ignore[arg-type]

    monkeypatch.setattr(embedded, "lookup_results", counted)
    cells: dict[str, object] = {"B1": 10, "B3": 5, "B9": 4, "C3": "z", "C9": "z", "C10": "z"}
    cells["E1"] = '=LOOKUP(2,1/(C:C="z"),B:B)'
    cells["E2"] = '=LOOKUP(2,1/(C1:C9="z"),B1:B9)'
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert (values["E1"], values["E2"]) == (0, 4)
    assert [text for text in asked if "C1:C9" in text] == []
    assert len(asked) == 1 and asked[0].endswith(",B:B)")  # its comparison's C:C bounded by then
