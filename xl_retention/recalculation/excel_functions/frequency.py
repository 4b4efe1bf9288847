"""FREQUENCY with its counts beside their own bins, whatever the bins' order.

Excel takes the intervals between the bins in ascending order and returns each count in the place of its
bin as given: data 2,4,4,4,5,5,7,9,0,1 over bins 5, 2, 7 is 5 (the values in (2, 5]), 3 (up to 2),
1 ((5, 7]), 1 (above 7); LibreOffice gives the same. The engine returned the counts in the sorted
bins' order (3, 5, 1, 1: each count beside another bin; H223's finding 09). Numbers in the arrays count;
text, logicals and blanks there are left out (a single value given directly is read as a number); an error
in either array is the result; no bin: the count of all the numbers.

>>> frequency([[2.0], [4.0], [4.0], [4.0], [5.0], [5.0], [7.0], [9.0], [0.0], [1.0]], [[5.0], [2.0], [7.0]])
[[5.0], [3.0], [1.0], [1.0]]
>>> frequency([[1.0, 2.0, 3.0]], [[2.0, 2.0]]), frequency(5.0, [[7.0, "x", None]])
([[2.0], [0.0], [1.0]], [[1.0], [0.0]])
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from ._core import check, excel_function, matrix, number

__all__ = ["frequency"]


def _numbers(value: Any) -> list[float]:
    if not isinstance(value, list):
        return [number(value)]  # a single value: read as a number (TRUE 1, "2" 2; other text #VALUE!)
    found = []
    for row in matrix(value):
        for item in row:
            check(item)  # an error in the array: the result
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                found.append(float(item))
    return found


@excel_function("FREQUENCY", 2, 2)
def frequency(data: Any, bins: Any) -> list[list[float]]:
    """FREQUENCY(data_array, bins_array): a column of the counts in each bin's interval, in the bins' own order,
    and the count above the largest bin last."""
    values, limits = _numbers(data), _numbers(bins)
    order = sorted(range(len(limits)), key=limits.__getitem__)  # stable: of equal bins, the first gets the count
    ascending = [limits[i] for i in order]
    counts = [0.0] * (len(limits) + 1)
    for value in values:
        place = bisect_left(ascending, value)  # the smallest bin at or above the value
        counts[order[place] if place < len(order) else len(limits)] += 1.0
    return [[count] for count in counts]
