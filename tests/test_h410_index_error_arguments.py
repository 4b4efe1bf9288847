"""An error given as INDEX's row or column number is INDEX's result, as Excel computes INDEX before it intersects
what it returns with a classic formula's row or column (H407's finding 03): ``=INDEX(A1:B2,A3)`` in column D, A3
``=1/0``, gave #VALUE! (the whole row outside the formula's column) where Excel and LibreOffice give #DIV/0!; the
three-argument INDEX, OFFSET and CHOOSE in the same sheet already passed the error on. A row past the range is
INDEX's #REF! (Microsoft's INDEX: "If row_num or column_num does not point to a cell within array, INDEX returns the
#REF! error value"), a good row outside the formula's column still #VALUE!."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from one_sheet import recalc_sheet  # noqa: E402

#: A1:B2 a 2x2 table; A3 #DIV/0!, C3 #N/A; F1 1 (a good row), F2 3 (past the table)
TABLE = {"A1": "a", "B1": 1, "A2": "b", "B2": 2, "A3": "=1/0", "C3": "=NA()", "F1": 1, "F2": 3}
#: cell -> (formula, Excel's value); column D is outside A:B, row 10 and on outside rows 1-2
CASES = {
    "D10": ("=INDEX(A1:B2,A3)", "#DIV/0!"),
    "D11": ("=INDEX(A1:B2,C3)", "#N/A"),
    "D12": ("=INDEX(A1:B2,1/0)", "#DIV/0!"),
    "D13": ("=INDEX(A1:B2,A3,0)", "#DIV/0!"),
    "D14": ("=INDEX(A1:B2,0,A3)", "#DIV/0!"),
    "A15": ("=INDEX(A1:B2,0,A3)", "#DIV/0!"),  # in column A, outside the rows
    "D16": ("=ERROR.TYPE(INDEX(A1:B2,A3))", 2),
    "D17": ('=INDEX(A1:B2,A3)&""', "#DIV/0!"),
    "D18": ("=INDEX(A1:B2,F1)", "#VALUE!"),  # row 1 has no cell in column D
    "D19": ("=INDEX(A1:B2,F2)", "#REF!"),  # INDEX's own error first
    "A20": ("=INDEX(A1:B2,A3)", "#DIV/0!"),  # inside column A: as before
    "A21": ("=INDEX(A1:B2,F1)", "a"),
    "D22": ('=IFERROR(INDEX(A1:B2,A3),"x")', "x"),
}


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    cells = {**TABLE, **{cell: formula for cell, (formula, _) in CASES.items()}}
    return recalc_sheet(tmp_path_factory.mktemp("h410"), cells)


@pytest.mark.parametrize("cell", sorted(CASES))
def test_index_gives_its_numbers_error(recalculated: tuple[object, dict[str, object]], cell: str) -> None:
    _, values = recalculated
    assert values[cell] == CASES[cell][1]


def test_status_ok(recalculated: tuple[object, dict[str, object]]) -> None:
    result, _ = recalculated
    assert result.status == "ok" and result.unsupported == []
