"""Filled-down comparisons of a cell with a number given to the engine as the file holds them (issue 14, H549:
``.compared_later``): ``_XLR.COMPARED`` called only for the copies whose operand may change the comparison at 15
digits, every value Excel's (a number one binary digit past 0.95 is 0.95; a text, a blank), and the rewrites that
are more than that wrapper refused."""

from __future__ import annotations

import openpyxl

from xl_retention.recalculation.compared_later import wrapped_only
from xl_retention.recalculation.embedded import compute

#: column A's values; B holds =IF(An>0.95,"high","low") on each row
VALUES = [0.5, 0.9500000000000001, 0.97, "x", None, 2, 0.95, 0.9499999999999999, 0.1, 3, 0.96, 0.2]
#: Excel's answers: at 15 digits 0.9500000000000001 and 0.9499999999999999 are 0.95 (not above it), a text is above
#: every number, a blank is 0
EXPECTED = ["low", "low", "high", "high", "low", "high", "low", "low", "low", "high", "high", "low"]
#: the copies whose operand is no number or is within 1e-9 of 0.95: the only ones that call _XLR.COMPARED
NEAR = 5


def _workbook(path, formula='=IF(A{r}>0.95,"high","low")'):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r, value in enumerate(VALUES, start=1):
        if value is not None:
            ws.cell(r, 1, value)
        ws.cell(r, 2, formula.format(r=r))
    wb.save(path)
    return path


def test_only_near_operands_wrapped(tmp_path, counted):
    result = compute(_workbook(tmp_path / "c.xlsx"))
    assert [result.values["S"][f"B{r}"] for r in range(1, len(VALUES) + 1)] == EXPECTED
    assert not result.unsupported
    assert len(counted) == NEAR  # (every copy called it before: 12)


def test_operand_a_formula(tmp_path, counted):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r in range(1, 21):
        ws.cell(r, 1, r / 20)
        ws.cell(r, 2, f"=A{r}*1")
        ws.cell(r, 3, f"=IF(B{r}>=0.5,1,0)")
    ws["A10"] = 0.49999999999999994  # B10 at 15 digits is 0.5: Excel's 1
    wb.save(tmp_path / "f.xlsx")
    result = compute(tmp_path / "f.xlsx")
    assert [result.values["S"][f"C{r}"] for r in range(1, 21)] == [0.0] * 9 + [1.0] * 11
    assert len(counted) == 1 and 0 < 0.5 - counted[0] < 1e-15  # B10 alone (20 calls before)


def test_rewrites_of_more_than_the_wrapper_refused():
    texts = ["IF(A1>0.95,1,0)", "IF(A2>0.95,1,0)"]
    assert wrapped_only(texts, ["=IF(_XLR.COMPARED(A1)>0.95,1,0)", "=IF(_XLR.COMPARED(A2)>0.95,1,0)"]) == [
        (1, 1, 0.95),
        (2, 1, 0.95),
    ]
    assert wrapped_only(["A1>=1E+2"], ["=_XLR.COMPARED(A1)>=1E+2"]) == [(1, 1, 100.0)]
    assert wrapped_only(["SUM(A1>2,$AB$7<>3)"], ["=SUM(_XLR.COMPARED(A1)>2,_XLR.COMPARED($AB$7)<>3)"]) is None
    assert wrapped_only(["IF(A1>0.95,1,0)"], ["=IF(_XLR.COMPARED(A1)>0.95,1,1)"]) is None  # another change
    assert wrapped_only(['IF(A1>"b",1,0)'], ['=IF(_XLR.COMPARED(A1)>"b",1,0)']) is None  # a text compared
    assert wrapped_only(["IF(A1>B1,1,0)"], ["=IF(_XLR.COMPARED(A1)>_XLR.COMPARED(B1),1,0)"]) is None
    assert wrapped_only(["A1>1=TRUE"], ["=_XLR.COMPARED(A1)>1=TRUE"]) is None  # the comparison an operand
    assert wrapped_only(["1+A1>1"], ["=1+_XLR.COMPARED(A1)>1"]) is None  # the cell an operand of arithmetic
    assert wrapped_only(["IF(A1>0.95%,1,0)"], ["=IF(_XLR.COMPARED(A1)>0.95%,1,0)"]) is None
    assert wrapped_only(["IF(S!A1>1,1,0)"], ["=IF(_XLR.COMPARED(S!A1)>1,1,0)"]) is None  # another sheet's
    assert wrapped_only([], []) is None


def test_a_later_step_sets_formulas(tmp_path):
    """0.1+0.2-0.3 is 0 in Excel (its final subtraction, set after the first evaluation): the comparisons reading it
    are Excel's, the put-off copies wrapped before that step sets its formulas."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for r in range(1, 9):
        ws.cell(r, 1, "=0.1+0.2-0.3" if r in (3, 6) else r / 4)
        ws.cell(r, 2, f'=IF(A{r}>0,"pos","zero")')
        ws.cell(r, 3, f"=IF(A{r}<=1,1,0)")
    wb.save(tmp_path / "l.xlsx")
    result = compute(tmp_path / "l.xlsx")
    assert (result.values["S"]["A3"], result.values["S"]["A6"]) == (0.0, 0.0)
    assert [result.values["S"][f"B{r}"] for r in range(1, 9)] == ["pos", "pos", "zero", "pos", "pos", "zero"] + [
        "pos"
    ] * 2
    assert [result.values["S"][f"C{r}"] for r in range(1, 9)] == [1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0]
