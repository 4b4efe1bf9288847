"""A cohort table given as shares (a retention curve starting at 1) with each cohort's size: the expected counts.

``=SBG_FIT(B2:E3, A2:A3)`` with B2:E3 shares (1, 0.869, ...) and A2:A3 the cohorts' sizes is read as counts share x
size, compared at 15 significant digits as Excel compares them. Split from :mod:`.sbg` along that idea.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from .._excel_digits import equal_at_15_digits, near_whole, shown_apart
from .._validation import _aligned, _frame_columns, _pandas_types, to_float_array
from ..errors import NotANumberError, OutOfRangeError

if TYPE_CHECKING:
    from ._common import TableLabels

__all__ = ["held_falling", "sizes_by_label", "shares_to_counts"]


def sizes_by_label(survivors: Any, cohort_size: Any) -> Any:
    """``cohort_size`` given as a pandas Series (or one-column DataFrame) beside a DataFrame of several cohort rows,
    put in the order of ``survivors``' row labels, as pandas arithmetic (``shares.mul(sizes, axis=0)``) matches them:
    read by position, a Series sorted otherwise multiplied each cohort's shares by another cohort's size (H545's
    finding 05). Labels that differ: ``#VALUE!`` naming cohort_size (:func:`~xl_retention._validation._aligned`).
    Anything else (a list, an array, one number, one cohort going down one column) is returned as given.

    >>> import pandas as pd
    >>> shares = pd.DataFrame([[1, 0.9], [1, 0.8]], index=["a", "b"])
    >>> sizes_by_label(shares, pd.Series([800, 1000], index=["b", "a"])).tolist()
    [1000, 800]
    """
    types = _pandas_types()
    if not types or not isinstance(survivors, types[1]) or survivors.shape[1] < 2:
        return cohort_size
    if isinstance(cohort_size, types[1]) and cohort_size.shape[1] == 1:
        cohort_size = _frame_columns({"cohort_size": cohort_size}, types[1])["cohort_size"]
    if not isinstance(cohort_size, types[0]) or (len(cohort_size) == 1 and len(survivors) > 1):
        return cohort_size  # one size for every cohort broadcasts, as one number
    named = {"survivors": survivors, "cohort_size": cohort_size}
    return _aligned(named, [("survivors", survivors), ("cohort_size", cohort_size)])["cohort_size"]


def held_falling(counts: np.ndarray) -> np.ndarray:
    """``counts`` (share x size, one cohort) with each count above the one before but equal to it at 15 significant
    digits taken as the one before, as Excel compares them: 1000 x 0.8690000000000001 after 1000 x 0.869 is no rise.

    >>> held_falling(np.array([1000.0, 869.0, 869.0000000000001, 653.0])).tolist()
    [1000.0, 869.0, 869.0, 653.0]
    """
    rises = np.flatnonzero(np.diff(counts) > 0) + 1
    if rises.size == 0:
        return counts
    counts = counts.copy()
    for t in rises:
        if equal_at_15_digits(float(counts[t]), float(counts[t - 1])):
            counts[t] = counts[t - 1]
    return counts


def shares_to_counts(table: np.ndarray, cohort_size: Any, labels: TableLabels | None = None) -> np.ndarray:
    """A retention curve (shares 1, 0.869, ...) per cohort row times its cohort size: expected counts, not rounded.
    A size a formula computed as a whole number with binary rounding (=0.29*100) is that number (:func:`near_whole`)."""
    sizes = near_whole(to_float_array("cohort_size", cohort_size).ravel())
    rows = table.shape[0]
    if sizes.size not in (1, rows):
        raise NotANumberError(
            f"cohort_size must be one number or one per cohort row ({rows}), got {sizes.size} values",
            "cohort_size",
            None,
        )
    sizes = np.broadcast_to(sizes, (rows,))
    with np.errstate(invalid="ignore"):  # a share equal to 1 at 15 digits (=869/869 summed otherwise) is 1, as Excel
        table = np.where(equal_at_15_digits(table, 1.0) & ~np.isnan(table), 1.0, table)  # compares it
    for row, (values, size) in enumerate(zip(table, sizes, strict=True), start=1):
        where = "" if rows == 1 else f" in cohort row {row}{labels.row(row - 1) if labels else ''}"
        present = values[~np.isnan(values)]
        if present.size == 0:
            continue
        if math.isnan(size):
            raise NotANumberError(
                f"cohort_size is blank{where} beside its survivors: give each cohort's size (customers at period 0), "
                "or leave the whole size column empty to give survivors as counts",
                "cohort_size",
                None,
            )
        if size <= 0 or math.isinf(size) or size != round(size):
            raise OutOfRangeError(
                f"cohort_size must be a whole number of customers > 0, got {size:g}{where}", "cohort_size", float(size)
            )
        bad = (present < 0) | (present > 1)
        if bad.any():
            raise OutOfRangeError(
                f"survivors given as shares (with cohort_size) must lie between 0 and 1, got "
                f"{shown_apart(present[bad][0])}{where}"
                " (percentages are shares: 86.9% is 0.869)",
                "survivors",
                float(present[bad][0]),
            )
        if not math.isnan(values[0]) and values[0] != 1:
            raise OutOfRangeError(
                f"survivors given as shares (with cohort_size) start at 1 (everyone is active at period 0), got "
                f"{shown_apart(values[0])}{where}",
                "survivors",
                float(values[0]),
            )
    return table * sizes[:, None]
