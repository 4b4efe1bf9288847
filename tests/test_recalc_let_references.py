"""LET whose calculation is a reference gives that reference where one is taken (H239's finding 2): the engine's LET
holds values, so ``=OFFSET(LET(r,F2,r),1,0)`` was #REF! and ``=ISREF(LET(r,F2,r))`` FALSE under status ok, where
Excel gives F3's value and TRUE."""

from __future__ import annotations

from pathlib import Path

from one_sheet import LOOKUP_TABLE, recalculated

CELLS = {
    "H1": "=OFFSET(_xlfn.LET(_xlpm.r,F2,_xlpm.r),1,0)",
    "H2": "=ISREF(_xlfn.LET(_xlpm.r,F2,_xlpm.r))",
    "H3": "=ROW(_xlfn.LET(_xlpm.r,F2:F4,_xlpm.r))",
    "H4": "=ISREF(_xlfn.LET(_xlpm.n,2,_xlpm.n))",  # a value named: no reference
    "H5": "=SUM(OFFSET(_xlfn.LET(_xlpm.a,F1,_xlpm.b,F3,_xlpm.a:_xlpm.b),1,0))",
    "H6": "=_xlfn.LET(_xlpm.r,F2,_xlpm.r)*2",
}


def test_let_of_a_reference_is_that_reference(tmp_path: Path) -> None:
    values = recalculated(tmp_path, {**LOOKUP_TABLE, **CELLS})
    assert {ref: values[ref] for ref in CELLS} == {
        "H1": 30,
        "H2": True,
        "H3": 2,
        "H4": False,
        "H5": 90,
        "H6": 40,
    }
