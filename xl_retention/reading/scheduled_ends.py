"""Cancellations scheduled for later: a filled 'Canceled At' on a subscription that still pays is no end.

Stripe writes a subscription set to cancel at the end of its period with its Status ``active``, "Cancel At Period
End" ``true``, "Canceled At (UTC)" the day the customer asked and "Ended At (UTC)" blank: it pays to its period's end.
Chargebee's ``non_renewing`` is the same. :func:`~.ends.refuse_empty_end` reads a filled end-like column beside an end
column blank in every row as ends the end column lacks; such a row's date is not one (:func:`ended_rows`).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .names import key
from .statuses import PAYING, spelled, status_columns_of
from .yes_no import TRUE

__all__ = ["ended_rows", "scheduled_rows"]

#: A flag column that says the subscription cancels at its period's (term's) end: Stripe's 'Cancel At Period End',
#: Chargebee's ``cancel_at_end_of_term``.
_AT_PERIOD_END = re.compile(r"cancel\w*_(?:at_)?(?:the_)?(?:end_of_(?:period|term)|(?:period|term)_end)")


def scheduled_rows(df: pd.DataFrame) -> np.ndarray:
    """Rows whose subscription still pays while set to cancel: its status says paying (``active``, ``past_due``,
    ``non_renewing``, ...) or a cancel-at-period-end flag says true.

    >>> frame = pd.DataFrame({"Status": ["active", "canceled", "canceled"], "Cancel At Period End": ["false", "true",
    ...                       "false"]})
    >>> scheduled_rows(frame).tolist()
    [True, True, False]
    """
    rows = np.zeros(len(df), dtype=bool)
    for column in status_columns_of(df):
        rows |= np.isin(spelled(df[column]), list(PAYING))
    for column in df.columns:
        if _AT_PERIOD_END.fullmatch(key(column)) and [str(c) for c in df.columns].count(str(column)) == 1:
            rows |= np.isin(spelled(df[column]), list(TRUE))
    return rows


def ended_rows(df: pd.DataFrame, column: Any) -> tuple[np.ndarray, np.ndarray]:
    """The rows whose ``column`` (an end-like column) is filled on a subscription not scheduled to end later (the
    dates that say subscriptions ended), and those where it is filled on one that still pays (:func:`scheduled_rows`:
    cancellations set for later)."""
    values = df[column].astype("string").str.strip()
    filled = (values.notna() & (values != "")).to_numpy(dtype=bool, na_value=False)
    later = filled & scheduled_rows(df) if filled.any() else filled
    return filled & ~later, later
