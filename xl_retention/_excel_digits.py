"""Numbers as Excel shows and compares them: at 15 significant digits.

Excel shows and compares numbers at 15 significant digits (``=0.29*100`` is 29; two sums of the same amounts in
another order, 199.6 and 199.60000000000002, are equal), and a message comparing two values must show the digits
that tell them apart. Split from :mod:`._validation` (which re-exports these names) along that idea.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = ["equal_at_15_digits", "near_whole", "shown_apart"]


class _Shown(float):
    """A value in a message: as its format asks, except that a number that is not whole is never shown as one
    (``28.99999999`` with ``:g`` is ``29``: it is shown with its 15 significant digits instead); ``:~g``, for values
    a message compares, shows the digits that tell them apart (``199.6000001``, not ``199.6``)."""

    def __format__(self, spec: str) -> str:
        if spec == "~g":  # two values compared: as :g where that shows the value, else its 15 digits (199.6000001)
            text = format(float(self), "g")
            if math.isfinite(self) and not equal_at_15_digits(float(text), float(self)):
                return format(float(self), ".15g")
            return text
        text = format(float(self), spec)
        if spec.endswith("g") and math.isfinite(self) and not float(self).is_integer():
            try:
                if float(text).is_integer():
                    return format(float(self), ".15g")
            except ValueError:
                return text
        return text


def shown_apart(value: float) -> str:
    """``value`` for a message comparing it with another: as ``:g`` where that shows it at 15 significant digits, else
    its 15 digits, so that two values compared never read alike.

    >>> shown_apart(869.0), shown_apart(869.000000000001), shown_apart(38.00000000000001)
    ('869', '869.000000000001', '38')
    """
    return format(_Shown(value), "~g")


def near_whole(values: Any) -> Any:
    """``values`` (a float or a float array) with each element that equals a whole number at 15 significant digits
    replaced by that number: what Excel shows and compares with ``=`` (``=0.29*100`` is 28.999999999999996, shown and
    compared as 29), so a count a formula computed with binary rounding is that count. Others are kept as they are.

    >>> near_whole(0.29 * 100), near_whole(0.1 * 3 * 10), near_whole(28.99999999), near_whole(5.55e-17)
    (29.0, 3.0, 28.99999999, 5.55e-17)
    """
    if type(values) is float:
        if values == 0 or not math.isfinite(values):
            return values
        whole = float(round(values))
        if whole != 0 and abs(values - whole) < 0.5 * 10.0 ** (math.floor(math.log10(abs(whole))) - 14):
            return whole
        return values
    array = np.asarray(values, dtype=np.float64)
    whole = np.round(array)
    with np.errstate(divide="ignore", invalid="ignore"):
        tolerance = 0.5 * 10.0 ** (np.floor(np.log10(np.abs(whole))) - 14)
        close = (whole != 0) & (np.abs(array - whole) < tolerance)
    return np.where(close, whole, array) if close.any() else array


def equal_at_15_digits(a: Any, b: Any) -> Any:
    """Whether ``a`` and ``b`` (floats or float arrays) are equal at 15 significant digits, as Excel shows and
    compares them with ``=``: two sums of the same amounts in another order (199.6 and 199.60000000000002), or a
    count computed as 28.999999999999996 beside 29.

    >>> equal_at_15_digits(199.6, 49.9 + 19.9 + 99.9 + 29.9), equal_at_15_digits(29.0, 0.29 * 100)
    (True, True)
    >>> equal_at_15_digits(29.0, 28.99999999), equal_at_15_digits(0.0, 1e-300)
    (False, False)
    """
    if type(a) is float and type(b) is float:
        if a == b:
            return True
        scale = max(abs(a), abs(b))
        if scale == 0 or not math.isfinite(scale):
            return False
        return abs(a - b) < 0.5 * 10.0 ** (math.floor(math.log10(scale)) - 14)
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        tolerance = 0.5 * 10.0 ** (np.floor(np.log10(np.maximum(np.abs(a), np.abs(b)))) - 14)
        return (a == b) | (np.abs(a - b) < tolerance)
