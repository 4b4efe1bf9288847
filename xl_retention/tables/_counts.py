"""The counts a table's rates are made from, checked before any rate is: every engine's counts, and a SQL user's
or a hand-made table's, go through ``movements_from_counts``, ``nps_from_counts``, ``purchases_from_counts`` and
``visitors_from_counts`` (README "Big data"), so a count that is not one, or counts that contradict each other, are
refused there naming the column, the month and the values, never cast or capped into a rate (docs/metrics.md
"Bad input": text or a boolean is ``#VALUE!``; a negative or fractional count, an impossible combination ``#NUM!``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import near_whole, to_float_array
from ..errors import NotANumberError, OutOfRangeError

__all__ = ["checked_counts", "check_balance", "check_within"]

#: sums of amounts (MRR) agree when they differ by at most this much of the largest term (float rounding of sums
#: of many amounts in another order, as an engine adds them); counts agree exactly.
_RELATIVE = 1e-9


def _month(index: pd.Index, row: int) -> str:
    """The month (and segment) of ``row`` as a message says it: ``2026-01``, ``('EU', 2026-01)``."""
    label = index[row]
    if isinstance(index, pd.RangeIndex):
        return f"row {label}"
    if isinstance(label, tuple):
        return "(" + ", ".join(str(part) for part in label) + ")"
    return str(label)


def checked_counts(counts: pd.DataFrame, names: Sequence[str], sums: Sequence[str] = ()) -> pd.DataFrame:
    """``counts``' columns ``names`` as whole numbers >= 0 (int64) and ``sums`` as amounts >= 0 (float64), with its
    index. A value that is no number (the text ``'7'``, a boolean, a date), a blank, a fraction in a count or a
    negative value: :class:`~xl_retention.errors.NotANumberError` / :class:`~xl_retention.errors.OutOfRangeError`
    naming the column, the month and the value (the counts were cast before: 7.9 answers became 7, a blank one
    -9223372036854775808).

    >>> checked_counts(pd.DataFrame({"buyers": [4.0, 2.0]}), ["buyers"])["buyers"].tolist()
    [4, 2]
    >>> checked_counts(pd.DataFrame({"buyers": [4, 2.5]}, index=["2026-01", "2026-02"]), ["buyers"])
    Traceback (most recent call last):
    ...
    xl_retention.errors.OutOfRangeError: counts column 'buyers' must hold whole numbers >= 0, got 2.5 in 2026-02
    """
    out = pd.DataFrame(index=counts.index)
    for name in (*names, *sums):
        try:
            values = to_float_array(name, counts[name])
            if name not in sums:  # a SUM over doubles: 0.9999999999999999 is 1 at 15 digits (near_whole)
                values = near_whole(values)
        except NotANumberError as error:
            if error.position is None:  # the whole column: booleans, dates (to_float_array's words)
                got = str(error).partition("must hold numbers, ")[2] or f"{error.value!r}"
                raise NotANumberError(f"counts column {name!r} must hold numbers, {got}", name, None) from None
            where = _month(counts.index, error.position[0])
            raise NotANumberError(
                f"counts column {name!r} must hold numbers, got {error.value!r} in {where}", name, error.value
            ) from None
        whole = name not in sums
        with np.errstate(invalid="ignore"):
            bad = np.isnan(values) | ~np.isfinite(values) | (values < 0)
            if whole:
                bad |= values != np.round(values)
        if bad.any():
            row = int(np.argmax(bad))
            what = "whole numbers >= 0" if whole else "amounts >= 0"
            shown = "a blank" if np.isnan(values[row]) else f"{values[row]:.15g}"  # 0.99999999, not 1
            raise OutOfRangeError(
                f"counts column {name!r} must hold {what}, got {shown} in {_month(counts.index, row)}",
                name,
                values[row],
            )
        out[name] = values.astype(np.int64) if whole else values
    return out


def check_balance(df: pd.DataFrame, total: str, parts: Sequence[tuple[str, int]], exact: bool = True) -> None:
    """``total`` must equal the sum of ``parts`` (column, +1 or -1) in every month: a month where it does not is an
    :class:`~xl_retention.errors.OutOfRangeError` naming the month, the columns and their values (one of the given
    counts is wrong, and a table would show both). Amounts (``exact=False``) agree within float rounding.

    >>> frame = pd.DataFrame({"end": [12], "start": [10], "new": [2], "lost": [5]}, index=["2026-02"])
    >>> check_balance(frame, "end", [("start", 1), ("new", 1), ("lost", -1)])
    Traceback (most recent call last):
    ...
    xl_retention.errors.OutOfRangeError: counts disagree in 2026-02: start + new - lost (10 + 2 - 5 = 7) is not end (12)
    """
    terms = [df[name].to_numpy(dtype=np.float64) * sign for name, sign in parts]
    computed = np.sum(terms, axis=0)
    given = df[total].to_numpy(dtype=np.float64)
    if exact:
        bad = computed != given
    else:
        scale = np.max(np.abs([*terms, given]), axis=0)
        bad = np.abs(computed - given) > _RELATIVE * scale
    if not bad.any():
        return
    row = int(np.argmax(bad))
    signs = ["" if i == 0 else "+ " if sign > 0 else "- " for i, (_, sign) in enumerate(parts)]
    formula = " ".join(mark + name for mark, (name, _) in zip(signs, parts, strict=True))
    values = " ".join(f"{mark}{df[name].iloc[row]:g}" for mark, (name, _) in zip(signs, parts, strict=True))
    raise OutOfRangeError(
        f"counts disagree in {_month(df.index, row)}: {formula} ({values} = {computed[row]:g}) is not {total} "
        f"({given[row]:g})",
        total,
        given[row],
    )


def check_within(df: pd.DataFrame, part: str, whole: str, exact: bool = True) -> Any:
    """``part`` must not exceed ``whole`` in any month (returning customers within buyers, lost MRR within the MRR at
    the start): a month where it does is an :class:`~xl_retention.errors.OutOfRangeError` naming the month and both.
    Amounts (``exact=False``) may exceed by float rounding only; the part capped to the whole is returned.

    >>> check_within(pd.DataFrame({"returning": [5], "buyers": [4]}, index=["2026-03"]), "returning", "buyers")
    Traceback (most recent call last):
    ...
    xl_retention.errors.OutOfRangeError: counts disagree in 2026-03: returning (5) exceeds buyers (4)
    """
    part_values, whole_values = df[part].to_numpy(dtype=np.float64), df[whole].to_numpy(dtype=np.float64)
    limit = whole_values if exact else whole_values + _RELATIVE * np.maximum(np.abs(whole_values), 1.0)
    bad = part_values > limit
    if bad.any():
        row = int(np.argmax(bad))
        raise OutOfRangeError(
            f"counts disagree in {_month(df.index, row)}: {part} ({part_values[row]:g}) exceeds {whole} "
            f"({whole_values[row]:g})",
            part,
            part_values[row],
        )
    return np.minimum(df[part], df[whole])
