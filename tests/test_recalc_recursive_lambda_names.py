"""A name defined as a LAMBDA calling itself (Microsoft's LAMBDA page: "create recursive functions") is not computed
by the embedded engine; its reason said "reads the name Surv, defined by a formula calling SURV, which the embedded
engine cannot compute", as if SURV were an add-in's function, and inside IFERROR it was silently 0 (H556's finding 05).
It is listed, saying the name calls itself."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

NAMES = {
    # survival after k months at monthly retention r, written recursively
    "Surv": "_xlfn.LAMBDA(_xlpm.r,_xlpm.k,IF(_xlpm.k=0,1,_xlpm.r*Surv(_xlpm.r,_xlpm.k-1)))",
    # two names calling each other: computed by the engine (IsEven(4) TRUE)
    "IsEven": "_xlfn.LAMBDA(_xlpm.n,IF(_xlpm.n=0,TRUE,IsOdd(_xlpm.n-1)))",
    "IsOdd": "_xlfn.LAMBDA(_xlpm.n,IF(_xlpm.n=0,FALSE,IsEven(_xlpm.n-1)))",
    "Twice": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)",
}


def test_a_recursive_lambda_name_is_said_to_call_itself(tmp_path: Path) -> None:
    cells = {"A1": "=Surv(0.9,3)", "A2": "=IsEven(4)", "A3": "=Twice(4)", "A4": "=IFERROR(Surv(0.9,2),0)"}
    result, values = recalc_sheet(tmp_path, cells, NAMES)
    assert result.status == "incomplete", result.message
    assert (values.get("A2"), values.get("A3")) == (True, 8) and "A1" not in values
    assert sorted((u.address, u.reason) for u in result.unsupported) == [
        ("S!A1", "the name Surv calls itself (a recursive LAMBDA), which the embedded engine cannot compute"),
        (
            "S!A4",
            "the name Surv calls itself (a recursive LAMBDA), which the embedded engine cannot compute (its error may "
            "be hidden by IFERROR, ISERROR or the like)",
        ),
    ]


def test_map_over_an_array_typed_in_is_computed(tmp_path: Path) -> None:
    # the finding's side note ({1,2,3} is typed in, not "computed when the formula runs"): computed now, as Excel
    result, values = recalc_sheet(tmp_path, {"A1": "=SUM(_xlfn.MAP({1,2,3},_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)))"})
    assert result.status == "ok", result.unsupported
    assert values == {"A1": 12}
