"""LAMBDA helpers given their LAMBDA by a LET name, and over an array constant (H572; H567's finding 05).

``LET(f, LAMBDA(x, x*2), MAP(A1:A2, f))`` (Excel: {10;12}) was listed with the catch-all reason "MAP over an array
computed when the formula runs or typed in ({1,2,3}), without an initial value ...", none of whose causes applied; and
``MAP({1,2,3}, LAMBDA(x, x*2))`` (Excel: {2,4,6}) was listed, not computed. Both are computed now, the expected values
being Excel's by Microsoft's definitions of MAP, BYROW, BYCOL, SCAN, REDUCE and MAKEARRAY (a helper's array is read
row by row). A name the engine cannot follow (a LET name bound to another name) is listed naming it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

LAMBDA2 = "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)"
SUM_AV = "_xlfn.LAMBDA(_xlpm.a,_xlpm.v,_xlpm.a+_xlpm.v)"
FORMULAS = {  # spill range: (formula, Excel's values)
    "D1:D2": (f"=_xlfn.LET(_xlpm.f,{LAMBDA2},_xlfn.MAP(A1:A2,_xlpm.f))", [[10], [12]]),
    "E1:E2": (
        "=_xlfn.LET(_xlpm.k,3,_xlpm.f,_xlfn.LAMBDA(_xlpm.r,SUM(_xlpm.r)*_xlpm.k),_xlfn.BYROW(A1:B2,_xlpm.f))",
        [[36], [42]],
    ),
    "F1:G1": (
        f"=_xlfn.LET(_xlpm.f,{SUM_AV},_xlfn.HSTACK(_xlfn.REDUCE(0,A1:B2,_xlpm.f),_xlfn.REDUCE(1,{{1,2}},_xlpm.f)))",
        [[26, 4]],
    ),
    "H1:I2": (
        "=_xlfn.LET(_xlpm.f,_xlfn.LAMBDA(_xlpm.r,_xlpm.c,_xlpm.r*10+_xlpm.c),_xlfn.MAKEARRAY(2,2,_xlpm.f))",
        [[11, 12], [21, 22]],
    ),
    "J1:J2": ("=_xlfn.MAP(A1:A2,Double)", [[10], [12]]),  # a defined name of a LAMBDA
    "D4:F4": (f"=_xlfn.MAP({{1,2,3}},{LAMBDA2})", [[2, 4, 6]]),
    "D5:E5": (
        "=_xlfn.MAP({-1,2},{3,4},_xlfn.LAMBDA(_xlpm.a,_xlpm.b,ABS(_xlpm.a)+_xlpm.b))",
        [[4, 6]],
    ),
    "D6:F6": ('=_xlfn.MAP({1,"a",TRUE},_xlfn.LAMBDA(_xlpm.x,ISNUMBER(_xlpm.x)))', [[True, False, False]]),
    "D7:D8": ("=_xlfn.MAP({1;2},A1:A2,_xlfn.LAMBDA(_xlpm.a,_xlpm.b,_xlpm.a*_xlpm.b))", [[5], [12]]),
    "D9:D10": ("=_xlfn.BYROW({1,2;3,4},_xlfn.LAMBDA(_xlpm.r,SUM(_xlpm.r)))", [[3], [7]]),
    "D11:E11": ("=_xlfn.BYCOL({1,2;3,4},_xlfn.LAMBDA(_xlpm.c,MAX(_xlpm.c)))", [[3, 4]]),
    "D12:F12": (f"=_xlfn.SCAN(0,{{1,2,3}},{SUM_AV})", [[1, 3, 6]]),
    "D13:D13": (f"=_xlfn.REDUCE(0,{{1,2;3,4}},{SUM_AV})", [[10]]),
    "D14:E14": ("=_xlfn.MAP({1,#N/A},_xlfn.LAMBDA(_xlpm.x,ISNA(_xlpm.x)))", [[False, True]]),
}


def _book(tmp_path: Path, formulas: dict[str, str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": 5, "A2": 6, "B1": 7, "B2": 8}.items():
        sheet[ref] = value
    for ref, formula in formulas.items():
        sheet[ref.split(":")[0]] = ArrayFormula(ref, formula)
    book.defined_names["Double"] = DefinedName("Double", attr_text=LAMBDA2)
    source = tmp_path / "helpers.xlsx"
    book.save(source)
    return source


def test_helpers_given_a_let_name_or_over_an_array_constant_are_computed(tmp_path: Path) -> None:
    source = _book(tmp_path, {ref: formula for ref, (formula, _) in FORMULAS.items()})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", [(u.address, u.reason) for u in result.unsupported]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: [[c.value for c in row] for row in out[ref]] for ref in FORMULAS}
    assert got == {ref: values for ref, (_, values) in FORMULAS.items()}


def test_a_let_name_bound_to_another_name_is_listed_naming_it(tmp_path: Path) -> None:
    formula = f"=_xlfn.LET(_xlpm.f,{LAMBDA2},_xlpm.g,_xlpm.f,_xlfn.MAP(A1:A2,_xlpm.g))"
    source = _book(tmp_path, {"D1:D2": formula})
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [(u.address, u.function, u.reason) for u in result.unsupported] == [
        (
            "S!D1",
            "MAP",
            "MAP is given the name g where its LAMBDA goes, which the embedded engine cannot follow there: it computes "
            "MAP with a LAMBDA written in it, a name defined as one, or the LET name of one given as it is (not "
            "through another name, nor bound again inside) (the array formula S!D1 over D1:D2: 2 cells)",
        )
    ]
