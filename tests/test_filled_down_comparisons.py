"""A comparison filled down a column (``=IF(G2>0.95,"high","low")``, the 50,000-cell benchmark's 10,000 cells) is
rewritten for Excel's 15-digit comparison in every row, the same as one by one, and a range typed in of more rows
than a comparison takes (``_MOST_COMPARED``) is still left to the engine: the test for such a range is skipped only
for a formula without a colon (issue 14: it scanned every formula with a look-behind pattern, 2 us a cell).
"""

from __future__ import annotations

from xl_retention.recalculation.excel_functions.arguments import _large_range, rewrite_arguments
from xl_retention.recalculation.filled_down import FilledDown


def test_a_filled_down_comparison_is_rewritten_in_every_row() -> None:
    filled = FilledDown(exact=False)
    shape = 'IF(G0>0.95,"high","low")'
    for row in range(2, 60):
        text = f'IF(G{row}>0.95,"high","low")'
        expected = f'=IF(_XLR.COMPARED(G{row})>0.95,"high","low")'
        assert rewrite_arguments("=" + text) == expected
        assert filled.rewrite_arguments("=" + text, text, shape, True) == expected


def test_a_range_of_more_rows_than_a_comparison_takes_is_still_found() -> None:
    assert not _large_range('=IF(G2>0.95,"high","low")')
    assert not _large_range("=SUMPRODUCT((A1:A10>0.5)*1)")
    assert _large_range("=SUMPRODUCT((A1:A100001>0.5)*1)")
    assert _large_range("=IF(Sheet2!$A$1:$A$100001>0,1,0)")
    assert rewrite_arguments("=SUMPRODUCT((A1:A10>0.5)*1)") == "=SUMPRODUCT((_XLR.COMPARED(A1:A10)>0.5)*1)"
    # the large range as it is (its cells read after the evaluation, .large_comparisons), the number marked
    assert rewrite_arguments("=SUMPRODUCT((A1:A100001>0.5)*1)") == "=SUMPRODUCT((A1:A100001>_XLR.FIFTEEN(0.5))*1)"
