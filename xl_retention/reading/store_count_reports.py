"""App Store Connect's Subscription report: counts of subscriptions per product, price and country, not subscribers.

The daily Subscription report (Sales and Trends > Subscription, tab separated) has a row per product, price, device
and country, with counts: "Active Standard Price Subscriptions", "Active Free Trial Introductory Offer
Subscriptions", ..., "Billing Retry", "Grace Period", "Subscribers". It names no subscriber, and its date is in the
file's name only. Read for what it is not, it was called a billing export by its "Standard Subscription Duration"
(map start and end: it has none), then its counts were offered as seats ("Marketing Opt-Ins") and as prices paid
beside the plan (H266 finding 05). :func:`refuse_subscription_counts` refuses it first, naming its count columns and
the export of one row per subscriber's purchase to import instead: the Subscriber report (its "Subscriber ID").
"""

from __future__ import annotations

import re

import pandas as pd

from .errors import DataError
from .names import key

__all__ = ["refuse_subscription_counts", "subscription_count_columns"]

#: A count column of the report, as :func:`~.names.key` spells it: 'active_standard_price_subscriptions',
#: 'free_trial_offer_code_subscriptions', 'pay_as_you_go_promotional_offer_subscriptions'.
_COUNT = re.compile(r"^(?:active_\w+|\w+_(?:offer|offer_code|promotional_offer|introductory_offer))_subscriptions$")
#: Columns naming one subscriber or purchase: a file of such rows is no report of counts.
_ONE = frozenset({"subscriber_id", "original_transaction_id", "transaction_id", "customer_id", "user_id",
                  "app_account_token", "order_id", "purchase_date", "event_date"})  # fmt: skip


def subscription_count_columns(columns: list[str]) -> list[str]:
    """The count columns of an App Store Subscription report among ``columns`` (see the module docstring), in their
    order; [] where fewer than two, or where a column names one subscriber or purchase.

    >>> subscription_count_columns(["Subscription Name", "Active Standard Price Subscriptions",
    ...                             "Free Trial Offer Code Subscriptions", "Subscribers"])
    ['Active Standard Price Subscriptions', 'Free Trial Offer Code Subscriptions', 'Subscribers']
    >>> subscription_count_columns(["Subscriber ID", "Active Standard Price Subscriptions", "Subscribers"])
    []
    """
    keys = [key(c) for c in columns]
    if _ONE & set(keys):
        return []
    counts = [c for c, k in zip(columns, keys, strict=True) if _COUNT.match(k)]
    if len(counts) < 2:
        return []
    return counts + [c for c, k in zip(columns, keys, strict=True) if k == "subscribers"]


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
    counts = subscription_count_columns([str(c) for c in df.columns])
    if not counts:
        return
    shown = ", ".join(repr(c) for c in counts[:2]) + (f", ..., {counts[-1]!r}" if len(counts) > 2 else "")
    raise DataError(
        f"{source}: App Store Connect's Subscription report (its columns {shown} are counts of subscriptions per "
        "product, price and country on the report's day; no subscriber is named), not one row per subscription: the "
        "import counts subscribers itself; export the Subscriber report (Sales and Trends > Reports > Subscriber: one "
        "row per purchase with its 'Subscriber ID') and import it with --orders, or your server's App Store "
        "transactions, one row per subscription",
        source=source,
        column=counts[0],
    )
