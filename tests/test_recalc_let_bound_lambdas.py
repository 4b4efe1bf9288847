"""A LAMBDA given a name by LET and called in the same LET (Microsoft's LET and LAMBDA pages) was refused: "the
embedded engine cannot call a LAMBDA given a name by LET" (H556's finding 05). It is called in place now, as a name
defined as a LAMBDA is. F1:F5 hold 10..50."""

from __future__ import annotations

from pathlib import Path

from one_sheet import LOOKUP_TABLE, recalc_sheet, recalculated

CELLS = {
    "H1": "=_xlfn.LET(_xlpm.sq,_xlfn.LAMBDA(_xlpm.x,_xlpm.x*_xlpm.x),_xlpm.sq(3)+_xlpm.sq(4))",  # 25
    # a LAMBDA reading an earlier LET name, called in a later value: 5*2+1
    "H2": "=_xlfn.LET(_xlpm.k,2,_xlpm.f,_xlfn.LAMBDA(_xlpm.x,_xlpm.x*_xlpm.k),_xlpm.n,_xlpm.f(5),_xlpm.n+1)",
    # two parameters, given cells: 10*20+1
    "H3": "=_xlfn.LET(_xlpm.g,_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a*_xlpm.b+1),_xlpm.g(F1,F2))",
    # a value of the call naming the LAMBDA's own parameter, bound by the LET: x = 3, f(x+1) = 4*10
    "H4": "=_xlfn.LET(_xlpm.x,3,_xlpm.f,_xlfn.LAMBDA(_xlpm.x,_xlpm.x*10),_xlpm.f(_xlpm.x+1))",
    "H5": "=_xlfn.LET(_xlpm.sq,_xlfn.LAMBDA(_xlpm.x,_xlpm.x*_xlpm.x),_xlpm.sq(2))*3",  # 12
    # a LET name that is a function's name too: SUM( is Excel's, _xlpm.sum( the LAMBDA: 30+2
    "H6": "=_xlfn.LET(_xlpm.sum,_xlfn.LAMBDA(_xlpm.x,_xlpm.x+1),SUM(F1:F2)+_xlpm.sum(1))",
}


def test_a_lambda_named_by_let_is_called(tmp_path: Path) -> None:
    values = recalculated(tmp_path, {**LOOKUP_TABLE, **CELLS})
    assert [values[ref] for ref in CELLS] == [25, 11, 201, 40, 12, 32]


def test_a_name_bound_again_inside_is_still_listed(tmp_path: Path) -> None:
    # Excel reads the LAMBDA's k where it is written (1): 5+1 = 6; the text called in place would read the inner k
    result, values = recalc_sheet(
        tmp_path,
        {
            "A1": 5,
            "H1": "=_xlfn.LET(_xlpm.k,1,_xlpm.f,_xlfn.LAMBDA(_xlpm.z,_xlpm.z+_xlpm.k),"
            "_xlfn.LET(_xlpm.k,2,_xlpm.f(A1)))",
        },
    )
    assert result.status == "incomplete", result.message
    assert "H1" not in values
    assert [(u.address, u.reason) for u in result.unsupported] == [
        ("S!H1", "the embedded engine cannot call a LAMBDA given a name by LET")
    ]


def test_a_name_the_same_let_binds_after_the_lambda_is_not_read_by_it(tmp_path: Path) -> None:
    """H567's finding 04: =LET(f,LAMBDA(x,x+b),b,5,f(1)): b is bound after f, out of the LAMBDA's scope where it is
    written: #NAME? to Excel (and to the engine, given the binding). Called in place, the text read b = 5: 6 under ok.
    Now such a LAMBDA is left bound, and the cell is Excel's #NAME?."""
    result, values = recalc_sheet(
        tmp_path, {"H1": "=_xlfn.LET(_xlpm.f,_xlfn.LAMBDA(_xlpm.x,_xlpm.x+_xlpm.b),_xlpm.b,5,_xlpm.f(1))"}
    )
    assert values["H1"] == "#NAME?"
