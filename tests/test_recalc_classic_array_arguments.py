"""MODE's numbers and IRR's and MIRR's values are arrays even in a classic (non-array) formula.

Excel's function table gives these arguments the array class, as SUMPRODUCT's and CORREL's (the class LibreOffice
writes into the .xls files it saves for Excel, sc/source/filter/excel/xlformula.cxx: MODE ``VA``, IRR and MIRR ``RA``,
beside SUM's and NPV's ``RX``, which a classic formula reduces to one value). ``=IRR(B1:B5-C1:C5)`` written without the
array flag is the IRR of the five net flows in Excel; the engine took the difference in the formula's row only (#NUM!
below the flows, in row 2 the IRR of one flow, #NUM!), MODE(A1:A5*1) #N/A for a mode of 2 and status ok.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet, recalculated


def test_irr_mirr_and_mode_take_an_expression_as_an_array_in_a_classic_formula(tmp_path: Path) -> None:
    inflows, outflows = (0, 30, 40, 50, 20), (100, 0, 0, 0, 0)
    cells: dict[str, object] = {
        **{f"A{r}": v for r, v in enumerate((2, 5, 2, 7, 2), 1)},
        **{f"B{r}": v for r, v in enumerate(inflows, 1)},
        **{f"C{r}": v for r, v in enumerate(outflows, 1)},
        **{f"D{r}": f"=B{r}-C{r}" for r in range(1, 6)},  # the same flows, as cells
        "E2": "=IRR(B1:B5-C1:C5)",  # a row of the flows: the engine took B2-C2 only
        "E8": "=IRR(B1:B5-C1:C5)",  # below them
        "F8": "=IRR(D1:D5)",
        "E9": "=MIRR(B1:B5-C1:C5,0.1,0.12)",
        "F9": "=MIRR(D1:D5,0.1,0.12)",
        "E10": "=MODE(A1:A5*1)",
        "E11": "=_xlfn.MODE.SNGL(A1:A5+0)",
        "E12": "=NPV(0.1,B1:B5-C1:C5)",  # NPV's values are not arrays in a classic formula: the row's difference
        "E13": "=SUM(ROW(A1:A3))",  # nor SUM's: ROW's first row, as in Excel (=SUM(@ROW(A1:A3)))
    }
    values = recalculated(tmp_path, cells)
    # -100, 30, 40, 50, 20: the rate where their present value is 0; MIRR: (future value of 140 at 12% / 100)^(1/4)-1
    assert isinstance(values["F8"], float) and round(values["F8"], 10) == 0.1532213788
    assert values["E2"] == values["E8"] == values["F8"]
    assert isinstance(values["F9"], float) and round(values["F9"], 10) == 0.1390332647
    assert values["E9"] == values["F9"]
    assert (values["E10"], values["E11"]) == (2, 2)
    assert values["E12"] == "#VALUE!"  # row 12 meets no row of B1:B5
    assert values["E13"] == 1


def test_an_if_inside_irr_or_mode_in_a_classic_formula_is_listed(tmp_path: Path) -> None:
    # as inside SUMPRODUCT (classic_if.py): Excel reads IF's condition in the formula's row only there, the engine for
    # every row now that these arguments are arrays: listed, never a value of every row with status ok
    cells: dict[str, object] = {
        **{f"A{r}": v for r, v in enumerate((-100, 30, 40, 50, 20), 1)},
        "C8": "=IRR(IF(A1:A5>0,A1:A5,A1:A5*2))",
        "C9": "=MODE(IF(A1:A5>25,A1:A5))",
        "C10": "=IRR(A1:A5)",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert sorted(u.address for u in result.unsupported) == ["S!C8", "S!C9"]
    assert round(values["C10"], 10) == 0.1532213788
