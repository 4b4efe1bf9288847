"""App Store Connect's Subscription report: counts of subscriptions per product, price and country, not subscribers.

The daily Subscription report (Sales and Trends > Subscription, tab separated) has a row per product, price, device
and country, with counts: "Active Standard Price Subscriptions", "Active Free Trial Introductory Offer
Subscriptions", ..., "Billing Retry", "Grace Period", "Subscribers". It names no subscriber, and its date is in the
file's name only. Read for what it is not, it was called a billing export by its "Standard Subscription Duration"
(map start and end: it has none), then its counts were offered as seats ("Marketing Opt-Ins") and as prices paid
beside the plan (H266 finding 05). :func:`refuse_subscription_counts` refuses it first, naming its count columns and
the export of one row per subscriber's purchase to import instead: the Subscriber report (its "Subscriber ID").

A column naming one subscriber added to it (a 'Subscriber ID' typed in, a BI tool's key) does not make its rows
subscribers: 138 'Subscribers' on a row of one id are still 138. Such a file is refused too where a count column holds
more than 1 on a row, naming the value and the id beside it (a file of one subscriber a row, its counts 0 or 1, is
read). So is the Subscription Event report (Sales and Trends > Subscription Event: a row per event kind, 'Subscribe',
'Renew', 'Cancel', product, offer and country, its 'Quantity' the events counted; no subscriber), which was offered
'--columns start=Original Start Date': :func:`refuse_event_counts`.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import DataError
from .names import key

__all__ = ["count_id_columns", "refuse_event_counts", "refuse_subscription_counts", "subscription_count_columns"]

#: A count column of the report, as :func:`~.names.key` spells it: 'active_standard_price_subscriptions',
#: 'free_trial_offer_code_subscriptions', 'pay_as_you_go_promotional_offer_subscriptions'.
_COUNT = re.compile(r"^(?:active_\w+|\w+_(?:offer|offer_code|promotional_offer|introductory_offer))_subscriptions$")
#: Columns naming one subscriber or purchase: a file of such rows is no report of counts.
_ONE = frozenset({"subscriber_id", "original_transaction_id", "transaction_id", "customer_id", "user_id",
                  "app_account_token", "order_id", "purchase_date", "event_date"})  # fmt: skip


#: Columns of the Subscription Event report beside its 'Event' and 'Quantity' (as :func:`~.names.key` spells them).
_EVENT_COLUMNS = frozenset({"consecutive_paid_periods", "days_before_canceling", "days_canceled",
                            "paid_service_days_recovered", "previous_subscription_apple_id"})  # fmt: skip
#: Columns that name one subscriber (of :data:`_ONE`, the dates left out: the Event report's 'Event Date').
_SUBSCRIBER = _ONE - {"purchase_date", "event_date"}
#: The advice of every refusal here: what to import instead.
_INSTEAD = (
    "not one row per subscription: the import counts subscribers itself; export the Subscriber report (Sales and "
    "Trends > Reports > Subscriber: one row per purchase with its 'Subscriber ID') and import it with --orders, or "
    "your server's App Store transactions, one row per subscription"
)


def _counts(columns: list[str]) -> list[str]:
    """The report's count columns among ``columns`` (two or more, then 'Subscribers'), whatever else is beside them."""
    keys = [key(c) for c in columns]
    counts = [c for c, k in zip(columns, keys, strict=True) if _COUNT.match(k)]
    if len(counts) < 2:
        return []
    return counts + [c for c, k in zip(columns, keys, strict=True) if k == "subscribers"]


def _event_quantity(columns: list[str]) -> str | None:
    """The Subscription Event report's 'Quantity' among ``columns`` (beside its 'Event' and one of its columns of
    :data:`_EVENT_COLUMNS`), None where they are not there."""
    keys = {key(c): c for c in columns}
    if "event" in keys and "quantity" in keys and _EVENT_COLUMNS & set(keys):
        return keys["quantity"]
    return None


def count_id_columns(columns: list[str]) -> tuple[list[str], list[str]]:
    """The report's count columns (the Subscription report's, or the Event report's 'Quantity') and the columns beside
    them naming one subscriber (:data:`_SUBSCRIBER`); ([], []) where either is missing.

    >>> count_id_columns(["Subscriber ID", "Active Standard Price Subscriptions", "Billing Retry", "Subscribers"])
    ([], [])
    >>> count_id_columns(["Subscriber ID", "Active Standard Price Subscriptions",
    ...                   "Free Trial Offer Code Subscriptions", "Subscribers"])
    (['Active Standard Price Subscriptions', 'Free Trial Offer Code Subscriptions', 'Subscribers'], ['Subscriber ID'])
    """
    quantity = _event_quantity(columns)
    counts = _counts(columns) or ([quantity] if quantity is not None else [])
    ids = [c for c in columns if key(c) in _SUBSCRIBER]
    return (counts, ids) if counts and ids else ([], [])


def subscription_count_columns(columns: list[str]) -> list[str]:
    """The count columns of an App Store Subscription report among ``columns`` (see the module docstring), in their
    order; [] where fewer than two, or where a column names one subscriber or purchase.

    >>> subscription_count_columns(["Subscription Name", "Active Standard Price Subscriptions",
    ...                             "Free Trial Offer Code Subscriptions", "Subscribers"])
    ['Active Standard Price Subscriptions', 'Free Trial Offer Code Subscriptions', 'Subscribers']
    >>> subscription_count_columns(["Subscriber ID", "Active Standard Price Subscriptions", "Subscribers"])
    []
    """
    if _ONE & {key(c) for c in columns}:
        return []
    return _counts(columns)


def refuse_subscription_counts(df: pd.DataFrame, source: str) -> None:
    """Refuse App Store Connect's Subscription report (see the module docstring), naming its count columns.

    >>> frame = pd.DataFrame(columns=["Subscription Name", "Customer Price", "Active Standard Price Subscriptions",
    ...                               "Active Free Trial Introductory Offer Subscriptions", "Subscribers"])
    >>> try:
    ...     refuse_subscription_counts(frame, "S_20261130.txt")
    ... except DataError as error:
    ...     print(str(error)[:79])
    S_20261130.txt: App Store Connect's Subscription report (its columns 'Active St
    """
    names = [str(c) for c in df.columns]
    counts = subscription_count_columns(names)
    if not counts:
        _refuse_counts_beside_ids(df, source)
        return
    shown = ", ".join(repr(c) for c in counts[:2]) + (f", ..., {counts[-1]!r}" if len(counts) > 2 else "")
    raise DataError(
        f"{source}: App Store Connect's Subscription report (its columns {shown} are counts of subscriptions per "
        f"product, price and country on the report's day; no subscriber is named), {_INSTEAD}",
        source=source,
        column=counts[0],
    )


def refuse_event_counts(df: pd.DataFrame, source: str) -> None:
    """Refuse App Store Connect's Subscription Event report (see the module docstring), naming its 'Quantity' and
    the events it counts; a file with a column naming one subscriber is left to :func:`refuse_subscription_counts`.

    >>> frame = pd.DataFrame({"Event Date": ["2026-11-30"], "Event": ["Renew"], "Subscription Name": ["Pro"],
    ...                       "Consecutive Paid Periods": [13], "Quantity": [40]})
    >>> try:
    ...     refuse_event_counts(frame, "E_20261130.txt")
    ... except DataError as error:
    ...     print(str(error)[:95])
    E_20261130.txt: App Store Connect's Subscription Event report (its column 'Quantity' counts the
    """
    names = [str(c) for c in df.columns]
    quantity = _event_quantity(names)
    if quantity is None or {key(c) for c in names} & _SUBSCRIBER:
        return
    column = next(c for c in df.columns if str(c) == quantity)
    events = next(c for c in df.columns if key(str(c)) == "event")
    kinds = sorted({str(v) for v in df[events].dropna()})  # in one order on every engine (a table's rows have none)
    said = f" ({', '.join(repr(v) for v in kinds[:3])}{', ...' if len(kinds) > 3 else ''})" if kinds else ""
    raise DataError(
        f"{source}: App Store Connect's Subscription Event report (its column {quantity!r} counts the events{said} of "
        f"each product, offer and country on the day; no subscriber is named), {_INSTEAD}",
        source=source,
        column=str(column),
    )


def _refuse_counts_beside_ids(df: pd.DataFrame, source: str) -> None:
    """Refuse the report with a column naming one subscriber beside its counts (see the module docstring) where a
    count column holds more than 1 on a row of ``df``: that row counts several subscriptions, whatever its id says."""
    counts, ids = count_id_columns([str(c) for c in df.columns])
    if not counts or not len(df):
        return
    by_name = {str(c): c for c in df.columns}
    for name in counts:
        values = pd.to_numeric(df[by_name[name]], errors="coerce").to_numpy(dtype=np.float64)
        over = np.flatnonzero(values > 1)
        if not over.size:
            continue
        row, who = int(over[0]), ids[0]
        value = f"{values[row]:g}"
        raise DataError(
            f"{source}: App Store Connect's Subscription report (its columns {', '.join(repr(c) for c in counts[:3])}"
            f"{', ...' if len(counts) > 3 else ''} are counts of subscriptions per product, price and country on the "
            f"report's day): {name!r} is {value} on the row of {who!r} {df[by_name[who]].iloc[row]!s:.40}, one "
            f"subscriber named beside {value} subscriptions counted (a column of ids added to the report makes no row "
            f"one subscriber's), {_INSTEAD}",
            source=source,
            column=name,
        )
