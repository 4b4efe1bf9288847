"""N and T of a reference to several cells read its first cell, wherever the formula stands (Excel's dereferencing).

Excel's N and T take their argument as a reference and read the top-left cell of its first area, in a classic
formula and in an array formula alike; an array (N(+A1:A3)) is read value by value. The engine intersected the range
with the formula's row: =N(A1:A7) in row 9 was #VALUE!, in row 3 A3's 30, SUMPRODUCT(N(A1:A3)) 60 for Excel's 10,
all with status ok.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_n_and_t_of_a_range_read_its_first_cell(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        **{f"A{r}": r * 10 for r in range(1, 8)},
        **{f"B{r}": f"t{r}" for r in range(1, 8)},
        "D3": "=N(A1:A7)",  # inside the range's rows: still A1, not A3
        "D4": "=T(B1:B7)",
        "D9": "=N(A1:A7)",  # below it: A1, not #VALUE!
        "D10": "=T(B:B)",
        "D11": "=N(A2:A7)+1",
        "D12": "=N(B1:B7)",  # a text: 0
        "D13": "=N(Nums)",  # a name of the range
        "D14": "=SUMPRODUCT(N(A1:A3))",  # in an argument taken as an array: the first cell still
        "D15": "=SUMPRODUCT(N(+A1:A3))",  # an array, no reference: each value
        "D16": "=N(OFFSET(A1,0,0,3,1))",
        "D17": '=T(INDIRECT("B2:B3"))',
        "D18": "=N(INDEX(A1:A7,0,1))",
        "D19": "=SUMPRODUCT(N(A1:A3>15))",  # an array again: 2
    }
    result, values = recalc_sheet(tmp_path, cells, names={"Nums": "S!$A$1:$A$7"}, arrays={"E1": "=SUM(N(A1:A3))"})
    assert result.status == "ok", result.message
    assert [values[f"D{r}"] for r in (3, 4, 9, 10, 11, 12, 13)] == [10, "t1", 10, "t1", 21, 0, 10]
    assert [values[f"D{r}"] for r in (14, 15, 16, 17, 18, 19)] == [10, 60, 10, "t2", 10, 2]
    assert values["E1"] == 10
