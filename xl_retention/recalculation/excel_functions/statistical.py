"""Statistical functions the engine lacks: PROB."""

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
