"""Implicit intersection of the single-value arguments of reference and lookup functions (H7 finding 03).

In a classic formula Excel reads one value where INDEX's row or column, CHOOSE's index, OFFSET's rows, columns,
height or width, the value XLOOKUP or XMATCH looks up, VLOOKUP's column, MATCH's type or SMALL's k is expected: a range
there is its cell in the formula's row. The engine took the range itself (#VALUE!, #N/A, or a count of 1 or 0 with
status ok). Values checked against LibreOffice headless (all but XLOOKUP, XMATCH: it lacks them; SMALL and LARGE,
whose k LibreOffice reads as an array where Excel's function table has a value; a negative height, which LibreOffice
refuses: .offset_sizes).
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

_DATA: dict[str, object] = {"A1": 1, "A2": 2, "A3": 3, "B1": 10, "B2": 20, "B3": 30, "C1": 2, "C2": 1, "C3": 0}
_NAMES = {"Price": "S!$B$1:$B$3", "Qty": "S!$A$1:$A$3"}


def test_a_range_as_the_number_of_index_choose_or_offset_is_its_cell_in_the_formulas_row(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        **_DATA,
        "D4": -2,
        "F1": "=INDEX(B1:B3,A1:A3)",
        "F2": "=INDEX(Price,Qty)",  # the classic "named column" idiom: INDEX(Price,S!$A$2)
        "F3": "=INDEX(A1:B3,A1:A3,2)",
        "G1": '=CHOOSE(A1:A3,"a","b","c")',
        "G2": '=CHOOSE(Qty,"a","b","c")',
        "G3": "=CHOOSE((A1:A3),B1,B2,B3)",
        "H1": "=SUM(OFFSET(B1,0,0,A1:A3))",
        "H2": "=ROWS(OFFSET(B1,0,0,Qty))",
        "H3": "=OFFSET(A1,A1:A3,1)",  # OFFSET(A1,3,1): B4, empty
        "I1": "=COUNT(OFFSET(B1,0,0,A1:A3))",
        "I2": "=SUM(OFFSET(A1,0,0,1,A1:A3))",
        "I3": "=ROWS(OFFSET(B1,0,0,A1:A3))",
        "J3": "=SUM(OFFSET(B3,0,0,D2:D4))",  # D3 empty: height 0, #REF!
        "J4": "=SUM(OFFSET(B3,0,0,D2:D4))",  # D4 = -2: B2:B3
        "K2": "=IF(A1:A3>1,INDEX(B1:B3,A1:A3),0)",
        "K3": "=INDEX(B1:B3,A1:A3)*2",
    }
    result, values = recalc_sheet(tmp_path, cells, _NAMES)
    assert result.status == "ok", result.message
    got = {ref: values.get(ref) for ref in cells if ref[0] > "E"}
    assert got == {
        "F1": 10,
        "F2": 20,
        "F3": 30,
        "G1": "a",
        "G2": "b",
        "G3": 30,
        "H1": 10,
        "H2": 2,
        "H3": 0,
        "I1": 1,
        "I2": 11,
        "I3": 3,
        "J3": "#REF!",
        "J4": 50,
        "K2": 20,
        "K3": 60,
    }


def test_a_range_as_the_value_looked_up_or_a_lookups_number_is_its_cell(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        **_DATA,
        "F1": "=VLOOKUP(1,A1:B3,A1:A3,FALSE)",
        "F2": "=VLOOKUP(2,A1:B3,A1:A3,FALSE)",
        "F3": "=MATCH(25,B1:B3,C1:C3)",  # match type 0: #N/A
        "G1": "=HLOOKUP(10,B1:B3,A1:A3,FALSE)",
        "G2": "=MATCH(20,B1:B3,C1:C3)",
        "G3": "=_xlfn.XLOOKUP(A1:A3,A1:A3,B1:B3)",
        "H1": "=_xlfn.XMATCH(A1:A3,A1:A3)",
        "H2": "=SMALL(B1:B3,A1:A3)",
        "H3": "=LARGE(B1:B3,Qty)",
    }
    result, values = recalc_sheet(tmp_path, cells, _NAMES)
    assert result.status == "ok", result.message
    got = {ref: values.get(ref) for ref in cells if ref[0] > "E"}
    assert got == {"F1": 1, "F2": 20, "F3": "#N/A", "G1": 10, "G2": 2, "G3": 30, "H1": 1, "H2": 20, "H3": 10}


def test_an_argument_read_as_an_array_is_not_intersected(tmp_path: Path) -> None:
    # SUMPRODUCT's arguments and an array formula read the whole range: INDEX of rows 1-3, 10+20+30
    cells: dict[str, object] = {**_DATA, "F2": "=SUMPRODUCT(INDEX(B1:B3,A1:A3))", "F3": "=SUMPRODUCT(LARGE(B1:B3,Qty))"}
    arrays = {"G2": "=SUM(INDEX(B1:B3,A1:A3))", "G1": "=SUM(SMALL(B1:B3,A1:A3))"}
    result, values = recalc_sheet(tmp_path, cells, _NAMES, arrays)
    assert result.status == "ok", result.message
    assert [values.get(ref) for ref in ("F2", "F3", "G2", "G1")] == [60, 60, 60, 60]


def test_a_range_as_an_argument_of_a_function_of_single_values_is_its_cell(tmp_path: Path) -> None:
    # functions whose every argument is one value (finance, distributions, math, information), and the number
    # beside an array (RANK's number, QUARTILE's quart, PERCENTRANK's x): the engine took the range's first cell
    # (FV at 10% in row 2, NORMSDIST(1)) or gave #VALUE! (ISEVEN, COMBIN, ROMAN, ADDRESS)
    cells: dict[str, object] = {
        **_DATA,
        "D1": 0.1,
        "D2": 0.2,
        "D3": 0.3,
        "F2": "=FV(D1:D3,2,-100)",
        "F3": "=PV(D1:D3,2,-100)",
        "G2": "=NORMSDIST(A1:A3)",
        "G3": "=ISEVEN(A1:A3)",
        "H3": "=COMBIN(5,A1:A3)",
        "I3": "=ROMAN(A1:A3)",
        "J3": "=ADDRESS(A1:A3,1)",
        "K3": "=RANK(B1:B3,B1:B3)",
        "L2": "=QUARTILE(B1:B3,A1:A3)",
        "M3": "=PERCENTRANK(B1:B3,B1:B3)",
        "N1": "=NPV(D1:D3,B1:B3)",
        "O3": "=FORECAST(A1:A3,B1:B3,A1:A3)",  # y = 10x at x = A3
        "P3": "=COMPLEX(A1:A3,1)",
        "Q3": "=IMABS(A1:A3)",
        "R3": "=BESSELJ(A1:A3,1)",
    }
    result, values = recalc_sheet(tmp_path, cells, _NAMES)
    assert result.status == "ok", result.message
    got = {ref: values.get(ref) for ref in cells if ref[0] > "E"}
    assert round(got.pop("F2"), 9) == 220 and round(got.pop("F3"), 9) == round(100 / 1.3 + 100 / 1.3**2, 9)
    assert round(got.pop("G2"), 12) == 0.977249868052  # NORMSDIST(2)
    assert round(got.pop("N1"), 9) == round(10 / 1.1 + 20 / 1.1**2 + 30 / 1.1**3, 9)
    assert round(got.pop("O3"), 9) == 30 and round(got.pop("R3"), 9) == 0.339058959  # BESSELJ(3,1)
    assert got == {"G3": False, "H3": 10, "I3": "III", "J3": "$A$3", "K3": 1, "L2": 20, "M3": 1, "P3": "3+i", "Q3": 3}
