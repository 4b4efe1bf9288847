"""Another column equal to an amount less, or plus, a part of it: what tells whether an export's amount holds its tax,
shipping, discount or tips (Square's "Net Sales" = "Gross Sales" - "Discounts", Shopify's ``Subtotal`` = ``Total``
- ``Shipping``, Square's ``Net Sales`` + ``Tax`` + ``Tip`` = ``Total Collected``).

One rule for the columns looked at (:func:`equal_column`), in the file's order: a column named once in the file, not
among those used or asked about, not of true/false values, read as the amounts are (:func:`numbers_or_none`: the
file's decimal mark, blanks allowed); a column with a value that is no number (a code, a rate "19%", a date) is no
such column, and neither is one blank in a row asked about. It is equal where it is within half a cent in every row
asked about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

import numpy as np
import pandas as pd

from .errors import DataError

__all__ = ["CENT", "column_equal", "equal_column", "numbers_or_none"]

#: Two amounts written to the cent are equal within this (a sum's float rounding aside).
CENT = 0.0051
#: Characters no number text holds (:mod:`.number_texts` reads none of them: no currency symbol or code, sign, mark,
#: space or exponent; "inf" and "nan" are refused too): a text with one is no number, told without reading the rest.
_NO_NUMBER = re.compile(r"[@#:/%;=?!&*\"<>\[\]{}|\\~^abcdfghilmnoquvwy]")


def _surely_not_numbers(series: pd.Series) -> bool:
    """Whether some text of ``series`` holds a character no number has (:data:`_NO_NUMBER`): an email, a date with
    its time, an order name "#1001". One pass in C where the column is text: reading each value as a number, for
    each sum asked about, made a Shopify export with 'Shipping' 13x slower to import (H158 finding 04)."""
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return False
    if pd.api.types.is_string_dtype(series.dtype) and not pd.api.types.is_object_dtype(series.dtype):
        return bool(series.str.contains(_NO_NUMBER.pattern, regex=True).fillna(False).any())
    return any(isinstance(v, str) and _NO_NUMBER.search(v) is not None for v in pd.unique(series.dropna()))


def numbers_or_none(series: pd.Series, source: str, name: str, decimal: str | None) -> np.ndarray | None:
    """A column's numbers (NaN where blank), or None where some value is no number (a rate "19%", a flag).

    >>> numbers_or_none(pd.Series(["1,50", None]), "o.csv", "Tax", ",").tolist(), numbers_or_none(
    ...     pd.Series(["19%", "7%"]), "o.csv", "Rate", None)
    ([1.5, nan], None)
    >>> numbers_or_none(pd.Series(["a@x.com", "7"]), "o.csv", "Email", None)
    """
    from .values import parse_numbers

    if _surely_not_numbers(series):
        return None
    try:
        return parse_numbers(series, source, name, decimal=decimal, allow_blank=True)
    except DataError:
        return None


def equal_column(
    df: pd.DataFrame,
    targets: Sequence[np.ndarray],
    rows: np.ndarray,
    skip: Collection[str],
    source: str,
    decimal: str | None,
    unless: Callable[[str], bool] | None = None,
    read: dict[str, np.ndarray | None] | None = None,
) -> tuple[int, str] | None:
    """``(i, X)``: the first column X of ``df`` (in its order; the targets in theirs for each) equal to
    ``targets[i]`` in every row of ``rows``, see the module docstring; ``skip``: the columns not looked at,
    ``unless(name)``: True for a column whose name says it is no amount; ``read``: the columns' numbers read before
    from this ``df`` (filled here: a caller asking of several sums reads each column once). None where no column is.

    >>> df = pd.DataFrame({"Gross Sales": ["100.00", "50.00"], "Code": ["A1", "B2"], "Net Sales": ["80.00", "50.00"]})
    >>> gross, off = np.array([100.0, 50.0]), np.array([20.0, 0.0])
    >>> equal_column(df, [gross + off, gross - off], np.array([0]), {"Gross Sales"}, "s.csv", None)
    (1, 'Net Sales')
    """
    listed = list(map(str, df.columns))
    for position, column in enumerate(listed):
        if column in skip or listed.count(column) != 1 or (unless is not None and unless(column)):
            continue
        series = df.iloc[:, position]
        if pd.api.types.is_bool_dtype(series.dtype) or not (
            pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_string_dtype(series.dtype)
        ):
            continue
        if read is not None and column in read:
            other = read[column]
        else:
            other = numbers_or_none(series, source, column, decimal)
            if read is not None:
                read[column] = other
        if other is None or not np.isfinite(other[rows]).all():
            continue
        for i, target in enumerate(targets):
            if (np.abs(np.asarray(target)[rows] - other[rows]) <= CENT).all():
                return i, column
    return None


def column_equal(
    df: pd.DataFrame,
    target: np.ndarray,
    rows: np.ndarray,
    skip: Collection[str],
    source: str,
    decimal: str | None,
    read: dict[str, np.ndarray | None] | None = None,
) -> str | None:
    """The first column equal to ``target`` in every row of ``rows`` (:func:`equal_column`; ``read``: its
    columns' numbers read before), or None."""
    found = equal_column(df, [target], rows, skip, source, decimal, read=read)
    return None if found is None else found[1]
