"""A classic (non-array) formula =OFFSET(A1:A10,0,2) takes the cell of its range in the formula's own row, as Excel's
implicit intersection does (Excel 365 shows it as =@OFFSET(..)); LibreOffice 7.4 gives the same values.

OFFSET's height and width default to its reference's (``OFFSET(A1:A10,0,2)`` is C1:C10), but only an OFFSET given a
height or width was intersected: one without took the range's first cell, status ok (1.5 in row 5 where Excel shows
C5, 7.5; a row past the range 1.5 where Excel shows #VALUE!).
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def _values(tmp_path: Path, formulas: dict[str, str]) -> dict[str, object]:
    cells: dict[str, object] = {}
    for r in range(1, 11):
        cells[f"A{r}"], cells[f"B{r}"], cells[f"C{r}"] = r * 2, f"k{r}", r * 1.5
    report, values = recalc_sheet(tmp_path, {**cells, **formulas}, names={"Vals": "S!$A$1:$A$10"})
    assert report.status == "ok", report.message
    return {ref: values.get(ref) for ref in formulas}


def test_an_offset_of_a_range_without_sizes_is_intersected(tmp_path: Path) -> None:
    got = _values(
        tmp_path,
        {
            "F5": "=OFFSET(A1:A10,0,2)",  # C1:C10 in row 5: C5
            "F4": "=OFFSET(A1:A10,0,2)*2",  # C4 * 2
            "F9": "=OFFSET(A1:A10,1,0)",  # A2:A11 in row 9: A9
            "G9": "=OFFSET(A1:C1,8,0)",  # A9:C9 has no cell in column G: #VALUE!
            "F12": "=OFFSET(A1:A10,0,2)",  # row 12 is past C1:C10: #VALUE!
            "H3": "=OFFSET(A1:A10,0,2,,1)",  # an empty height is the reference's too
            "H6": "=OFFSET(Vals,0,2)",  # a name of a range: C6
        },
    )
    assert got == {"F5": 7.5, "F4": 12, "F9": 18, "G9": "#VALUE!", "F12": "#VALUE!", "H3": 4.5, "H6": 9}


def test_offsets_of_one_cell_and_sums_are_as_before(tmp_path: Path) -> None:
    got = _values(
        tmp_path,
        {
            "F2": "=OFFSET(A1,3,2)",  # one cell wherever the formula is
            "F3": "=SUM(OFFSET(A1:A10,0,2))",  # SUM takes the whole range
            "F6": "=OFFSET(A1:A10,2,0,1,1)",  # a height and width of 1: one cell
            "F7": "=OFFSET($A$1,0,2,10,1)",  # a height given: intersected as before
        },
    )
    assert got == {"F2": 6, "F3": 82.5, "F6": 6, "F7": 10.5}


def test_a_dynamic_named_range_used_as_one_value_is_intersected(tmp_path: Path) -> None:
    """A name of an OFFSET formula (a dynamic named range) where one value is expected took the range's first cell
    (2 in row 5, where Excel and LibreOffice show A5, 10)."""
    cells: dict[str, object] = {f"A{r}": r * 2 for r in range(1, 11)}
    formulas = {
        "H5": "=Dyn",
        "I7": "=Dyn*2",
        "J3": "=ABS(Dyn)",
        "L12": "=Dyn",
        "H1": "=SUM(Dyn)",
        "H2": "=INDEX(Dyn,3)",
    }
    report, values = recalc_sheet(
        tmp_path, {**cells, **formulas}, names={"Dyn": "OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1)"}
    )
    assert report.status == "ok", report.message
    assert {ref: values.get(ref) for ref in formulas} == {
        "H5": 10,
        "I7": 28,
        "J3": 6,
        "L12": "#VALUE!",  # row 12 is past the range
        "H1": 110,  # whole-range arguments as before
        "H2": 6,
    }


def test_index_of_a_union_in_a_classic_formula_is_intersected(tmp_path: Path) -> None:
    """=INDEX((A1:A10,C1:C10),0,1,2) is C1:C10 (area 2, every row): a classic formula in F7 takes C7 (Excel's implicit
    intersection, LibreOffice 10.5); it took C1's 1.5 (#SPILL! where the cells below were filled)."""
    got = _values(
        tmp_path,
        {
            "F7": "=INDEX((A1:A10,C1:C10),0,1,2)",
            "G3": "=INDEX((A1:A10,C1:C10),0,1)",  # area 1 when left out: A3
            "H2": "=INDEX((A1:A10,C1:C10),4,1,2)",  # one cell, wherever the formula is: C4
            "H4": "=SUM(INDEX((A1:A10,C1:C10),0,1,2))",  # the whole area
        },
    )
    assert got == {"F7": 10.5, "G3": 6, "H2": 6, "H4": 82.5}
