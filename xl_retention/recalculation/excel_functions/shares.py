"""PERCENTOF (Excel 365), which the embedded engine lacks: the share a subset makes of a whole.

Microsoft's PERCENTOF page: "PERCENTOF is logically equivalent to =SUM(data_subset)/SUM(data_all)". Each argument is
summed as SUM sums a range or an array: its numbers added, text, logical values and empty cells passed over, its first
error (row by row) the result; the subset's error comes first. A total of 0 is #DIV/0! (SUM/SUM's).

One cell reaches the function as its value alone, so a text or a logical value there (SUM of a cell passes it over,
SUM of one typed in reads it: ``SUM(TRUE)`` is 1) is listed as not computed; an empty cell is 0.

>>> percentof([[10.0], ["p"], [30.0]], [[10.0, 20.0], [30.0, 40.0]]), percentof(250.0, 1000.0)
(0.4, 0.25)
>>> percentof(None, [[4.0]]), percentof([[True, 2.0]], 8.0)
(0.0, 0.25)
"""

from __future__ import annotations

from typing import Any

from ._core import ExcelError, check, excel_function, is_error

__all__ = ["percentof"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed


def _sum(value: Any) -> float:
    """SUM of one argument as the engine passes it: a range or array (rows), or one value."""
    if isinstance(value, list):
        total = 0.0
        for row in value:
            for item in row if isinstance(row, list) else [row]:
                if is_error(item):
                    check(item)
                if type(item) is float or type(item) is int:
                    total += item
        return total
    check(value)
    if value is None:
        return 0.0
    if type(value) is float or type(value) is int:
        return float(value)
    raise ExcelError(_NOT_COMPUTED)  # text or TRUE/FALSE: passed over from a cell, read when typed in


@excel_function("PERCENTOF", 2, 2)
def percentof(data_subset: Any, data_all: Any) -> float:
    """PERCENTOF(data_subset, data_all): SUM(data_subset)/SUM(data_all); a total of 0 is #DIV/0!."""
    part = _sum(data_subset)
    whole = _sum(data_all)
    if whole == 0:
        raise ExcelError("#DIV/0!")
    return part / whole
