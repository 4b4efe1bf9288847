"""LAMBDA parameters stored without ``_xlpm.`` are #NAME?, as LET's are (``test_recalc_bare_let_parameters.py``).

Excel stores ``=LAMBDA(a,b,a*b)(3,4)`` as ``_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a*_xlpm.b)(3,4)`` (libxlsxwriter's
lambda.c: "parameters are prefixed with _xlpm."); a script writing the names bare gets a name the workbook does not
have: #NAME? in Excel (XlsxWriter issue 1072, LET's twin). The engine computed 12, REDUCE's bare LAMBDA 60, MAP's
120 and C1+1 13 with the status ok. Such a LAMBDA is #NAME? here, with the reason naming the bare name; IFERROR
gives its value; the prefixed forms compute as before.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

BARE = (
    "LAMBDA's name {name} is stored without Excel's _xlpm. prefix, which Excel reads as a defined name the workbook "
    "does not have: #NAME? (Excel stores it as _xlpm.{name}; with openpyxl write _xlpm.{name} in the formula)"
)


def test_bare_lambda_parameters_are_name_errors(tmp_path: Path) -> None:
    cells = {
        "A1": 10, "A2": 20, "A3": 30,
        "C1": "=_xlfn.LAMBDA(a,b,a*b)(3,4)",
        "C2": "=_xlfn.REDUCE(0,A1:A3,_xlfn.LAMBDA(acc,v,acc+v))",
        "C3": "=SUM(_xlfn.MAP(A1:A3,_xlfn.LAMBDA(v,v*2)))",
        "C4": "=IFERROR(_xlfn.LAMBDA(a,a+1)(1),-1)",
        "C5": "=C1+1",
        "C6": "=_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a*_xlpm.b)(3,4)",
        "C7": "=_xlfn.REDUCE(0,A1:A3,_xlfn.LAMBDA(_xlpm.acc,_xlpm.v,_xlpm.acc+_xlpm.v))",
        "C8": "=SUM(_xlfn.MAP(A1:A3,_xlfn.LAMBDA(_xlpm.v,_xlpm.v*2)))",
    }  # fmt: skip
    result, values = recalc_sheet(tmp_path, cells)
    assert [values[f"C{row}"] for row in range(1, 9)] == ["#NAME?", "#NAME?", "#NAME?", -1, "#NAME?", 12, 60, 120]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["S!C1"] == BARE.format(name="a")
    assert reasons["S!C2"] == BARE.format(name="acc")
    assert reasons["S!C3"] == BARE.format(name="v")
    assert result.status == "ok"  # #NAME? is Excel's own answer
