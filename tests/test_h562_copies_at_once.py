"""A filled-down column's copies rewritten at once (issue 14, H562: ``FilledDown.later_copies``): the same rewrites
as each copy's own, and the put-off comparisons (.compared_later) of those copies read from the right rows."""

from __future__ import annotations

from types import SimpleNamespace

import openpyxl
import pytest

from xl_retention.recalculation.embedded import compute
from xl_retention.recalculation.filled_down import FilledDown
from xl_retention.recalculation.formula_texts import FormulaTexts

SHAPES = [
    'IF(G{r}>0.95,"high","low")',
    "IF(AB{r}<>3,$C$7,E{r})",  # an absolute row among the row numbers
    "IF(A{r}>=1.5,B{r}+10,0)",  # digits that are no row number
    'IF(ISNUMBER(B{r}),IF(A{r}>0.95,"high","low"),"none")',  # the wrapped cell in the second row number
    "B{r}*2+IF(A{r}>0.95,1,0)",
    "IF(A{r}>0.95,B{r},C{s})",  # a copy's rows not all its own
]


@pytest.mark.parametrize("shape", SHAPES)
def test_later_copies_are_each_copys_rewrite(shape):
    rows = [2, 3, 9, 10, 99, 100, 1234, 1048575]
    cells = {f"K{r}": SimpleNamespace(kind="normal", text=shape.format(r=r, s=r + 1), attrs={}) for r in rows}
    found = FormulaTexts(cells)
    (key,) = found.shape_groups()
    first = found.master_texts()[0][1]
    made = FilledDown(False)
    new = made.rewrite_arguments("=" + first, first, key, True)
    later = made.later_copies(found, key, (2, 11), new)
    assert later is not None
    each = [FilledDown(False).rewrite_arguments("=" + text, text, key, True) for _, text in found.master_texts()[1:]]
    assert later.news == each
    assert later.places == [(r, 11) for r in rows[1:]]
    assert later.texts == [shape.format(r=r, s=r + 1) for r in rows[1:]]


def test_later_copies_refused():
    key = "IF(A0>0.95,1,0)"
    cells = {f"K{r}": SimpleNamespace(kind="normal", text=f"IF(A{r}>0.95,1,0)", attrs={}) for r in (2, 3)}
    found = FormulaTexts(cells)
    made = FilledDown(False)
    new = made.rewrite_arguments("=IF(A2>0.95,1,0)", "IF(A2>0.95,1,0)", key, True)
    assert made.later_copies(found, key, (3, 11), new) is None  # the last copy: none after it
    assert made.later_copies(found, key, (2, 11), new + "+ISFORMULA(A1)") is None  # a step after the rewrite
    assert FilledDown(True).later_copies(found, key, (2, 11), new) is None  # exact: no shapes
    sums = {f"K{r}": SimpleNamespace(kind="normal", text=f"IF(SUM(A{r}:B{r})>1,1,0)", attrs={}) for r in (2, 3)}
    found = FormulaTexts(sums)
    (key,) = found.shape_groups()
    new = made.rewrite_arguments("=IF(SUM(A2:B2)>1,1,0)", "IF(SUM(A2:B2)>1,1,0)", key, True)
    assert made.later_copies(found, key, (2, 11), new) is None  # a range: each copy's own rewrite


def test_second_row_number_compared(tmp_path, counted):
    """=IF(ISNUMBER(Bn),IF(An>0.95,..),..) filled down 40 rows: the compared cell is each copy's A, its second row
    number; only the copies whose A is near 0.95 or no number call _XLR.COMPARED, every value Excel's."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    near = {7: 0.9500000000000001, 23: 0.9499999999999999, 31: "x"}
    expected = []
    for r in range(1, 41):
        a = near.get(r, 0.5 if r % 2 else 0.97)
        ws.cell(r, 1, a)
        ws.cell(r, 2, "t" if r == 12 else r)
        ws.cell(r, 3, f'=IF(ISNUMBER(B{r}),IF(A{r}>0.95,"high","low"),"none")')
        expected.append("none" if r == 12 else ("high" if a == "x" or a == 0.97 else "low"))
    wb.save(tmp_path / "s.xlsx")
    result = compute(tmp_path / "s.xlsx")
    assert [result.values["S"][f"C{r}"] for r in range(1, 41)] == expected
    assert not result.unsupported
    assert len(counted) == 3 and "x" in counted  # rows 7, 23 and 31 alone (40 calls before)
    assert all(abs(value - 0.95) < 1e-15 for value in counted if value != "x")
