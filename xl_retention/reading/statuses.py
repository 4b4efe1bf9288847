"""A subscription's status in billing exports: rows of subscriptions that do not pay are refused, never counted.

Stripe, Chargebee and Recurly export each subscription with its status (Stripe's "Status", Chargebee's
``subscriptions.status``, Recurly's ``subscription_state``). A subscription in its free trial
(``trialing``, ``in_trial``), one that has not started (``future``), a paused one (``paused``) or one whose
first payment failed (``incomplete``, ``incomplete_expired``) is neither a paying customer nor MRR, yet its
price would count as MRR from its start date: such rows are refused, naming the status column, the rows and
their statuses (remove them, or export active and cancelled subscriptions only). Other statuses (``active``,
``past_due``, ``unpaid``, ``non_renewing``, ``canceled``, ``expired``, ...) are subscriptions that were paid
for: their dates say when.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["NOT_PAYING", "PROBLEM", "check_statuses", "status_columns"]

#: The names of a status column (as :func:`~xl_retention.reading.key` spells them, after a Chargebee prefix).
STATUS_NAMES = frozenset({"status", "state", "subscription_status", "subscription_state", "plan_status"})

#: Statuses of subscriptions that do not pay (lower case, spaces and hyphens as ``_``).
NOT_PAYING = frozenset({"trialing", "trial", "in_trial", "free_trial", "future", "paused", "incomplete",
                        "incomplete_expired"})  # fmt: skip

PROBLEM = (
    "subscriptions that do not pay, to be removed (a free trial, not started yet, paused or never paid: their price "
    "would count as MRR from their start)"
)


def status_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that hold a subscription's status (``Status``, ``subscriptions.status``, ...).

    >>> status_columns(["Customer ID", "Status", "subscriptions.status", "Plan"])
    ['Status', 'subscriptions.status']
    """
    from .columns import keys_of

    return [str(n) for n in names if keys_of(n) & STATUS_NAMES]


def spelled(values: pd.Series) -> np.ndarray:
    """Statuses as they are compared: text, lower case, spaces and hyphens as ``_``."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().str.lower()
    return text.str.replace(r"[\s\-]+", "_", regex=True).to_numpy()


def check_statuses(df: pd.DataFrame, source: str) -> None:
    """Refuse the rows of ``df`` whose status column says the subscription does not pay (see the module docstring).

    >>> check_statuses(pd.DataFrame({"Status": ["active", "canceled"]}), "subs.csv")
    >>> check_statuses(pd.DataFrame({"Status": ["active", "trialing"]}), "subs.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv, column 'Status': subscriptions that do not pay, to be removed (a \
free trial, not started yet, paused or never paid: their price would count as MRR from their start) in row 3 (counting \
the header as row 1): 'trialing'
    """
    for position, name in enumerate(map(str, df.columns)):
        if name not in status_columns([name]):
            continue
        column = df.iloc[:, position]
        rows = np.flatnonzero(np.isin(spelled(column), list(NOT_PAYING)))
        if rows.size:
            raise bad_rows(source, name, PROBLEM, rows, column.to_numpy())
