"""A criterion that is a range of several cells in a classic (non-array) formula: ``=SUM(COUNTIF(A1:A3,A1:A3))``.

Excel reads such a criterion as one value, the range's cell in the formula's own row or column (``@A1:A3``): in
rows 1 to 3 the count of that row's value (LibreOffice the same). In a row the range does not reach, the criterion is
#VALUE!, and whether Excel's COUNTIF then counts the cells holding #VALUE! is not documented: such a cell is listed.
It was listed as "a criterion here is an error value (a cell or expression giving #N/A, or one typed in)", which the
user, reading ``A1:A3``, could not find; the reason now names the range and the cell outside it.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_a_range_criterion_in_a_classic_cell_takes_its_own_row_and_is_listed_outside_it(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "x",
        "A2": "y",
        "A3": "x",
        "D1": 1,
        "D2": 2,
        "D3": 1,
        "B1": "=SUM(COUNTIF(A1:A3,A1:A3))",  # COUNTIF(A1:A3,A1): 2
        "B2": "=SUM(COUNTIF(A1:A3,A1:A3))",  # y: 1
        "B3": "=SUM(1/COUNTIF(A1:A3,A1:A3))",  # 1/2
        "B4": "=SUMPRODUCT(COUNTIF(A1:A3,A1:A3))",  # an array argument: 2+1+2
        "B5": "=SUM(COUNTIF(A1:A3,A1:A3))",  # row 5: no cell of A1:A3
        "C5": "=SUMIF(D1:D3,D1:D3,D1:D3)",
        "E5": '=COUNTIFS(A1:A3,"x",D1:D3,Items)',
        "E2": "=SUMIF(D1:D3,D1:D3,D1:D3)",  # D2 = 2: 2
    }
    result, values = recalc_sheet(
        tmp_path, cells, names={"Items": "S!$D$1:$D$3"}, arrays={"F1": "=SUM(COUNTIF(A1:A3,A1:A3))"}
    )
    assert (values["B1"], values["B2"], values["B3"], values["B4"], values["E2"], values["F1"]) == (2, 1, 0.5, 5, 2, 5)
    listed = {u.address: u for u in result.unsupported}
    assert sorted(listed) == ["S!B5", "S!C5", "S!E5"]
    assert listed["S!B5"].function == "criteria"
    assert listed["S!B5"].reason.startswith(
        "the criterion A1:A3 is several cells where one value is taken: in a classic (non-array) formula Excel takes "
        "the one in the formula's own row or column, and S!B5 is in neither, so the criterion is #VALUE!"
    )
    assert (
        "the criterion D1:D3 is several cells" in listed["S!C5"].reason
        and "S!C5 is in neither" in listed["S!C5"].reason
    )
    assert "the criterion S!$D$1:$D$3 is several cells" in listed["S!E5"].reason


def test_a_typed_error_criterion_keeps_its_own_reason(tmp_path: Path) -> None:
    result, _ = recalc_sheet(tmp_path, {"A1": 1, "A2": 2, "B5": "=COUNTIF(A1:A2,#N/A)"})
    assert [u.reason[:34] for u in result.unsupported] == ["a criterion here is an error value"]
