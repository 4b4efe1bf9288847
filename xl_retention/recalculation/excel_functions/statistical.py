"""Statistical functions the engine lacks or gets wrong: PROB; MODE, MODE.SNGL and MODE.MULT.

MODE counts numbers equal at Excel's 15 significant digits as the same value, as the project's
comparisons do (``=0.1+0.2=0.3`` is TRUE); the engine counted numbers within 1E-12 of each
other as one, so MODE(5E-17, 5E-17, 0, 0) gave 0 where Excel gives 5E-17 (the first value to
reach the highest count).
"""

from __future__ import annotations

import math
from typing import Any

from ._core import ExcelError, check, excel_function, matrix, number


def _flat(value: Any) -> list[Any]:
    return [check(item) for row in matrix(value) for item in row]


@excel_function("PROB", 3, 4)
def prob(x_range: Any, prob_range: Any, lower: Any, upper: Any = None) -> float:
    """PROB(x_range, prob_range, lower_limit, [upper_limit]): probability that x lies in the limits.

    Probabilities must lie in (0, 1] and sum to 1 (#NUM!); ranges of different sizes are #N/A.
    Without ``upper_limit`` it is the probability of x = ``lower_limit``.

    >>> prob([[0.0, 1.0, 2.0, 3.0]], [[0.2, 0.3, 0.1, 0.4]], 2)
    0.1
    """
    xs, ps = _flat(x_range), _flat(prob_range)
    if len(xs) != len(ps):
        raise ExcelError("#N/A")
    pairs = [(x, p) for x, p in zip(xs, ps, strict=True) if isinstance(x, float) and isinstance(p, float)]
    if any(p <= 0 or p > 1 for _, p in pairs) or not math.isclose(sum(p for _, p in pairs), 1.0, abs_tol=1e-9):
        raise ExcelError("#NUM!")
    low = number(lower)
    high = low if upper is None else number(upper)
    return float(sum(p for x, p in pairs if low <= x <= high))


def _mode_counts(args: tuple[Any, ...]) -> list[tuple[float, int]]:
    """(first value, count) of each distinct number at 15 significant digits, in order of first occurrence.

    In a range only numbers count (text, logicals and blanks are left out, as Excel leaves them out); a
    single value counts when it is a number, a logical or numeric text (as the engine read them). Errors pass on.
    """
    counts: dict[float, list[Any]] = {}
    for arg in args:
        if isinstance(arg, list):
            items = [check(item) for row in matrix(arg) for item in row]
            values = [float(v) for v in items if isinstance(v, (int, float)) and not isinstance(v, bool)]
        else:
            check(arg)
            if arg is None:
                continue
            try:
                values = [number(arg)]
            except ExcelError:  # other text: left out
                continue
        for value in values:
            entry = counts.setdefault(float(f"{value:.15g}"), [value, 0])
            entry[1] += 1
    return [(first, count) for first, count in counts.values()]


def _modes(args: tuple[Any, ...]) -> list[float]:
    counts = _mode_counts(args)
    top = max((count for _, count in counts), default=0)
    if top < 2:
        raise ExcelError("#N/A")  # no number occurs twice
    return [value for value, count in counts if count == top]


@excel_function("MODE", 1, 255)
def mode(*args: Any) -> float:
    """MODE(number1, ...): the most frequent number; among equally frequent ones, the first. None twice: #N/A.

    >>> mode(5e-17, 5e-17, 0.0, 0.0), mode([[1.0, 2.0, 2.0, 1.0]]), mode([[0.1 + 0.2], [0.3], ["x"]])
    (5e-17, 1.0, 0.30000000000000004)
    """
    return _modes(args)[0]


excel_function("MODE.SNGL", 1, 255)(mode)


@excel_function("MODE.MULT", 1, 255)
def mode_mult(*args: Any) -> list[list[float]]:
    """MODE.MULT(number1, ...): every most frequent number, in order of first occurrence, as a column.

    >>> mode_mult([[3.0, "x", 3.0, 5.0, 5.0]])
    [[3.0], [5.0]]
    """
    return [[value] for value in _modes(args)]
