"""The latest month a subscriptions export saw: its subscriptions' current billing periods.

The tables of subscription intervals end at the latest start or loss (docs/metrics.md, "Months not observed yet"):
months after it may not have been observed. A billing export also writes the start of each subscription's current
billing period or term (Stripe's "Current Period Start (UTC)", Chargebee's ``current_term_start``, Recurly's and
Maxio's ``current_period_started_at``, Paddle's ``current_billing_period.starts_at``), or the date of its last
billing or payment (Zoho's "Last Billing At", WooCommerce's ``last_payment_date``): the system billed it then, so the
export saw that month. A stable book of
customers, whose last sign-up or cancellation was months ago, kept its
tables at that old month, the months its active subscriptions paid since unwritten, and a note asking to export a
complete file again. The latest such date's month (:func:`observed_month`) is a month observed as a start or a loss
is; it never reaches past the current month (that rule stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError

__all__ = ["OBSERVED_MONTH", "observed_month", "period_start_columns", "period_starts"]

#: ``frame.attrs`` key of the month ordinal (:func:`observed_month`) a prepared intervals table carries.
OBSERVED_MONTH = "observed_month"
#: A column's name, in lower-case words, that says the start of the current billing period or term.
_PERIOD_START = re.compile(
    r"^(current|this)(billing)?(period|term|cycle)(start|starts|started|began|begin|from)(at|on|date|time|utc)*$"
    # Braintree's "Billing Period Start Date" (one row a subscription: its current period)
    r"|^billingperiod(start|starts|started|began|begin|from)(at|on|date|time|utc)*$"
    # the last billing itself (Zoho's "Last Billing At", ``last_billing_at``; "Last Charge Date"), the last payment
    # (WooCommerce's ``last_payment_date``, ``last_order_date_created``; Paddle Classic's ``last_payment.date``): billed
    # or paid then too
    r"|^(last|latest|previous|mostrecent)(billing|billed|charge|charged|renewal|renewed|invoice|invoiced|payment|paid"
    r"|order)(at|on|date|time|utc|created|completed)+$"
)


def _joined(text: str) -> str:
    """The words of ``text`` joined, camel case split."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text.replace("\ufeff", "")).lower()
    return "".join(w for w in re.split(r"[^a-z0-9]+", text) if w)


def _says_period_start(name: Any) -> bool:
    """Whether the name says a current period's start: as a whole (Paddle's object ``current_billing_period`` and
    its field ``starts_at``, flattened as ``current_billing_period.starts_at``), or after an object prefix
    (Chargebee's ``subscriptions.current_term_start``)."""
    text = str(name)
    return bool(
        _PERIOD_START.match(_joined(text)) or ("." in text and _PERIOD_START.match(_joined(text.rsplit(".", 1)[-1])))
    )


def period_start_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that hold the start of each subscription's current billing period or term.

    >>> period_start_columns(["Start (UTC)", "Current Period Start (UTC)", "subscriptions.current_term_start",
    ...                       "current_period_started_at", "CurrentPeriodStart", "Current Period End (UTC)",
    ...                       "current_billing_period.starts_at", "current_billing_period.ends_at"])
    ['Current Period Start (UTC)', 'subscriptions.current_term_start', 'current_period_started_at', \
'CurrentPeriodStart', 'current_billing_period.starts_at']
    >>> period_start_columns(["Last Billing At", "last_billing_at", "Last Charge Date", "Next Billing At",
    ...                       "Last Billing"])
    ['Last Billing At', 'last_billing_at', 'Last Charge Date']
    >>> period_start_columns(["last_payment_date", "Last Payment Date", "last_order_date_created", "last_payment.date",
    ...                       "Billing Period Start Date", "Last Paid At", "Last Payment (UTC)", "next_payment_date",
    ...                       "Last Payment Amount", "Billing Period End Date"])
    ['last_payment_date', 'Last Payment Date', 'last_order_date_created', 'last_payment.date', \
'Billing Period Start Date', 'Last Paid At', 'Last Payment (UTC)']
    """
    return [str(n) for n in names if _says_period_start(n)]


def period_starts(columns: Sequence[Any], names: Mapping[str, str]) -> tuple[str, ...]:
    """The columns of ``columns`` (:func:`period_start_columns`) not mapped in ``names`` (ours -> theirs): those
    :func:`observed_month` reads.

    >>> period_starts(["start", "subscriptions.current_term_start"], {"start": "start"})
    ('subscriptions.current_term_start',)
    """
    mapped = {str(c) for c in names.values()}
    return tuple(c for c in period_start_columns(list(columns)) if c not in mapped)


def observed_month(
    df: pd.DataFrame, names: dict[str, str], read_dates: Callable[[pd.Series, str], np.ndarray]
) -> int | None:
    """The month ordinal (months since 1970-01) of the latest current-period start of ``df`` (not a mapped column),
    None without one; ``read_dates(series, column)`` reads a column of dates, blanks allowed."""
    mapped = set(names.values())
    latest = None
    columns = list(map(str, df.columns))
    for name in period_start_columns(columns):
        if name in mapped:
            continue
        try:
            dates = np.asarray(read_dates(df.iloc[:, columns.index(name)], name), dtype="datetime64[us]")
        except (DataError, ValueError, TypeError):
            continue  # no dates it can read: no evidence, the tables end as they did
        dates = dates[~np.isnat(dates)]
        if dates.size:
            month = int(dates.max().astype("datetime64[M]").astype(np.int64))  # months since 1970-01
            latest = month if latest is None else max(latest, month)
    return latest
