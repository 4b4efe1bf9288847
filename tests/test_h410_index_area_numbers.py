"""INDEX's area number with one reference (``INDEX(A1:B2,r,c,area)``), as Excel and LibreOffice read it: area 1 is
the reference, another number #REF!, an error given there the result. The engine refused a single area's fourth
argument, #VALUE! for all of them: ``=INDEX(A1:B2,1,1,1)`` for 'a', ``=INDEX(A1:B2,2,2,A3)`` with A3 ``=1/0`` for
#DIV/0! (H407's finding 03, the kind of it: an argument's error passes on)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from one_sheet import recalc_sheet  # noqa: E402

#: A1:B2 a 2x2 table; A3 #DIV/0!, C3 #N/A; F1 1
TABLE = {"A1": "a", "B1": 1, "A2": "b", "B2": 2, "A3": "=1/0", "C3": "=NA()", "F1": 1}
#: cell -> (formula, the value Excel and LibreOffice give)
CASES = {
    "D2": ("=INDEX(A1:B2,0,2,1)", 2),  # the column of area 1, in the formula's row
    "D4": ("=INDEX(A1:B2,2,2,A3)", "#DIV/0!"),
    "D5": ("=INDEX(A1:B2,1,1,1)", "a"),
    "D6": ("=INDEX(A1:B2,1,1,2)", "#REF!"),
    "D7": ("=INDEX(A1:B2,2,2,F1)", 2),
    "D8": ("=INDEX(A1:B2,2,2,F1+0.5)", 2),
    "D9": ("=INDEX(A1:B2,2,1,C3)", "#N/A"),
    "D10": ("=SUM(INDEX(A1:B2,0,2,1))", 3),
    "D11": ("=INDEX(S!$A$1:$B$2,2,1,F1+1)", "#REF!"),
    "D12": ("=INDEX((A1:A2,B1:B2),2,1,A3)", "#DIV/0!"),  # a union's, as before
}


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    cells = {**TABLE, **{cell: formula for cell, (formula, _) in CASES.items()}}
    return recalc_sheet(tmp_path_factory.mktemp("h410_areas"), cells)


@pytest.mark.parametrize("cell", sorted(CASES))
def test_index_reads_one_areas_number(recalculated: tuple[object, dict[str, object]], cell: str) -> None:
    _, values = recalculated
    assert values[cell] == CASES[cell][1]


def test_status_ok(recalculated: tuple[object, dict[str, object]]) -> None:
    result, _ = recalculated
    assert result.status == "ok" and result.unsupported == []
