"""Repeated products the engine lacks: FVSCHEDULE (a principal grown by a schedule of rates) and PERMUTATIONA
(arrangements with repetition), as Excel computes them.

* ``FVSCHEDULE(principal, schedule)`` is ``principal * (1 + r1) * (1 + r2) * ...``; the schedule's blank cells are
  rates of 0 (no interest) and any other value than a number (text, TRUE/FALSE) is #VALUE!; errors pass on.
  ``FVSCHEDULE(1, {0.09, 0.11, 0.1})`` = 1.33089.
* ``PERMUTATIONA(number, number_chosen)`` is ``number ** number_chosen``, both truncated to whole numbers; a negative
  one is #NUM!. ``PERMUTATIONA(3, 2)`` = 9, ``PERMUTATIONA(2, 2)`` = 4.

>>> round(fvschedule(1, [[0.09, 0.11, 0.1]]), 10), fvschedule(100, [[0.1], [None]]), permutationa(3.9, 2)
(1.33089, 110.00000000000001, 9.0)
"""

from __future__ import annotations

from typing import Any

from ._core import ExcelError, check, excel_function, integer, matrix, number

__all__ = ["fvschedule", "permutationa"]


@excel_function("FVSCHEDULE", 2, 2)
def fvschedule(principal: Any, schedule: Any) -> float:
    value = number(principal)
    for row in matrix(schedule):
        for rate in row:
            check(rate)
            if rate is None:
                continue
            if isinstance(rate, bool) or not isinstance(rate, (int, float)):
                raise ExcelError("#VALUE!")
            value *= 1 + float(rate)
    return value


@excel_function("PERMUTATIONA", 2, 2)
def permutationa(number_: Any, chosen: Any) -> float:
    n, k = integer(number_), integer(chosen)
    if n < 0 or k < 0:
        raise ExcelError("#NUM!")
    return float(n) ** k
