"""A billing interval column under a name the importer does not know, found by its values.

HubSpot's and Salesforce's line items call it "Billing Frequency" (Monthly, Quarterly, Annually), other exports
"Period", "Billing Cycle", "Term" (``12 months``) or ``Zahlungsintervall`` (``jährlich``). Ignored, a yearly price
beside it would count twelve times as MRR. So a subscriptions file with no interval column known by name or mapped
takes as its interval:

* a column whose every value (of those looked at) is an interval word of four letters or more (``Yearly``,
  ``Annually``, ``jährlich``, ``12 months``; never ``m`` or ``y`` alone, which other columns hold) or an ISO 8601
  duration (RevenueCat's ``product_duration``: ``P1M``, ``P1Y``), some of them not one month (a column of
  ``Monthly`` alone changes no amount), whatever its name; or
* a column named like an interval (frequency, period, cycle, term, recurrence, ``Intervall``, ``Turnus``,
  ``Laufzeit``) with some interval words and no numbers: its other values are refused later, naming their rows
  (:func:`~.billing.months_per_interval`), never read as a month.

A column of ``1 Month`` alone is taken too where a billing export's price is mapped (``amount``, ``quantity``,
``interval_count``: it needs its interval) and its name says an interval or a duration (App Store Connect's "Standard
Subscription Duration"). A column named as an offer's, a trial's or a promotion's length (App Store Connect's
"Subscription Offer Duration": a free trial's "1 Week", blank on the other rows) is never the billing interval.

Not when the money column says it is per month already (``mrr=MRR`` mapped, or an ``MRR`` column and neither
``mrr`` nor ``amount`` mapped): the interval then only describes the plan, as a known interval column does
(:func:`~.billing_columns.is_billing`). Two such columns are refused: which one bills cannot be told.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from .billing import BILLING_ALIASES, interval_in_text, interval_months
from .errors import DataError
from .names import columns_option, key, keys_of
from .names import words as name_words
from .numeric_intervals import refuse_numeric_interval
from .revenue import per_year_name

__all__ = ["interval_by_values", "swapped_interval_columns"]

#: Words in a column's name (:func:`~.names.key`) that say it may be a billing interval.
_NAMED = ("interval", "frequency", "period", "cycle", "term", "recurrence", "recurring", "turnus", "laufzeit",
          "zeitraum", "frequence", "frecuencia", "periodicidad", "periodicite", "periodo", "periode")  # fmt: skip
#: Words of a column's name that say the length of an offer, not of the billing interval: App Store Connect's
#: "Subscription Offer Duration" (a free trial's or an introductory price's "1 Week", blank on the other rows; its
#: "Standard Subscription Duration" is the subscription's), a trial's or a promotion's length, an opt-in's.
_NOT_BILLING = frozenset({"offer", "offers", "trial", "trials", "promo", "promotion", "promotional", "intro",
                          "introductory", "opt", "grace", "discount", "coupon", "marketing"})  # fmt: skip
#: Our names a file's columns are matched by: never taken as the interval.
_OURS = frozenset({"customer_id", "start", "end", "month", "mrr", "amount", "quantity", "interval_count", "segment"})
#: A word of four letters or more (``Yearly``, ``12 months``; not ``m``, ``y``, ``a``, ``mo``, ``yr``).
_WORD = re.compile(r"[^\W\d_]{4,}")
#: An ISO 8601 duration of one unit (RevenueCat's and the stores' ``product_duration``: ``P1M``, ``P1Y``, ``P3M``).
_ISO_DURATION = re.compile(r"^P\d+[DWMY]$")


def _blank(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _interval_word(value: Any) -> bool:
    """Whether ``value`` spells a billing interval: a word (``Yearly``) or an ISO 8601 duration (``P1Y``).

    >>> [_interval_word(v) for v in ("Yearly", "P1Y", "P3M", "y", "PRO")]
    [True, True, True, False, False]
    """
    if not isinstance(value, str) or not (_WORD.search(value) or _ISO_DURATION.match(value.strip())):
        return False
    return interval_months(value) is not None


def _number(value: Any) -> bool:
    try:
        float(str(value).strip())
    except ValueError:
        return False
    return True


def _per_month(name: Any) -> bool:
    from .billing_columns import _monthly

    return _monthly(None if name is None else str(name))


def _refuse_interval_in_names(
    names: Sequence[Any], columns: Mapping[str, str], distinct: Callable[[str], Sequence[Any]], source: str, used: set
) -> None:
    """No interval column, but a column whose values name a billing interval other than a month inside other words
    (a plan's name: 'Pro (billed annually)', ``pro_yearly``, ``price_pro_annual``): the amounts beside it may be
    per year. Reading the interval from a name unasked could be wrong the other way (an annual plan paid monthly),
    so it is refused, naming the column, a value and both ways out."""
    money = columns.get("mrr") or columns.get("amount")
    for name in names:
        if key(name) in used or key(name) in _OURS or name_words(name) & _NOT_BILLING:  # an offer's length
            continue
        named = [v for v in distinct(str(name)) if isinstance(v, str) and interval_in_text(v) not in (None, 1.0)]
        if named:
            what = repr(money) if money else "the amount"
            raise DataError(
                f"{source}: column {name!r} names billing intervals ({named[0]!r}) and no interval column was found: "
                f"is {what} per month or per billing interval? {columns_option([('interval', str(name))])} reads "
                f"each row's interval from it (MRR = amount / months of the interval); if the amounts are per month "
                f"already, name their column so (MRR, 'Monthly Amount') and map mrr to it",
                source=source,
                column=str(name),
            )


def interval_by_values(
    names: Sequence[Any],
    columns: Mapping[str, str],
    distinct: Callable[[str], Sequence[Any]],
    source: str = "input",
) -> str | None:
    """The column of ``names`` to take as the billing interval by its values (see the module docstring), or None.
    ``columns``: the column map (no ``interval`` in it); ``distinct(column)``: some of the column's distinct values.

    >>> values = {"Billing Frequency": ["Yearly", "Monthly"], "Plan": ["Pro", "Basic"], "Sex": ["m", "w"]}
    >>> interval_by_values(["customer_id", "Amount", "Plan", "Sex", "Billing Frequency"], {}, values.get)
    'Billing Frequency'
    >>> interval_by_values(["customer_id", "MRR", "Billing Frequency"], {}, values.get) is None  # per month already
    True
    """
    if _per_month(columns.get("mrr")):
        return None
    if columns.get("mrr") is not None and per_year_name(columns["mrr"]):  # ARR: a year's amount by its name, / 12
        return None
    if "mrr" not in columns and "amount" not in columns and any(_per_month(n) for n in names):
        return None
    used = {key(v) for v in columns.values()}
    priced = any(ours in columns for ours in ("amount", "quantity", "interval_count"))  # needs its interval: 1 Month
    found = []
    for name in names:
        k = key(name)
        if k in used or k in _OURS or name_words(name) & _NOT_BILLING:  # an offer's length
            continue
        values = [v for v in distinct(str(name)) if not _blank(v)]
        words = [v for v in values if _interval_word(v)]
        if not words:
            continue
        # every value an interval: taken unless all are one month (no amount changes), or a billing export's price
        # is mapped and the column is named as its interval ('Standard Subscription Duration' of App Store Connect)
        if len(words) == len(values):
            if any(interval_months(v) != 1.0 for v in words) or (priced and any(h in k for h in (*_NAMED, "duration"))):
                found.append(str(name))
        elif any(h in k for h in _NAMED) and not any(_number(v) for v in values):  # the others refused, named
            found.append(str(name))
    if not found:
        _refuse_interval_in_names(names, columns, distinct, source, used)
        refuse_numeric_interval(names, columns, distinct, source)  # 'Billing Frequency' of 1 and 12: a unit?
    if len(found) > 1:
        raise DataError(
            f"{source}: {found[0]!r} and {found[1]!r} both hold billing intervals (month, year, ...): which one the "
            f"price is per cannot be told; map it: {columns_option([('interval', found[0])])}",
            source=source,
            column=found[1],
        )
    return found[0] if found else None


def swapped_interval_columns(
    names: Sequence[Any], columns: Mapping[str, str], distinct: Callable[[str], Sequence[Any]]
) -> dict[str, str]:
    """``{"interval": ..., "interval_count": ...}`` where the columns named as an interval and as its count hold each
    other's values; else ``{}``. WooCommerce Subscriptions writes ``billing_period`` (day, week, month, year) and
    ``billing_interval`` (1, 2, 3: every 2 months), the names Chargebee (``billing_period``: a count) and Shopify
    (``billing_interval``: the unit) use the other way round. A column named as the interval whose every value is a
    whole number (never read as an interval) beside a column named as its count whose every value is an interval word
    are each taken by their values. Not when either is mapped. ``distinct(column)``: some of its distinct values.

    >>> values = {"billing_period": ["month", "year"], "billing_interval": ["1", 2]}
    >>> swapped_interval_columns(["id", "billing_period", "billing_interval", "order_total"], {}, values.get)
    {'interval': 'billing_period', 'interval_count': 'billing_interval'}
    >>> swapped_interval_columns(["billing_period", "billing_period_unit"], {}, {"billing_period": [1, 3],
    ...                          "billing_period_unit": ["month"]}.get)  # Chargebee's
    {}
    """
    if "interval" in columns or "interval_count" in columns:
        return {}
    units = {"interval", *BILLING_ALIASES["interval"]}
    counts = {"interval_count", *BILLING_ALIASES["interval_count"]}
    as_unit = [str(n) for n in names if keys_of(n) & units]
    as_count = [str(n) for n in names if keys_of(n) & counts]
    if len(as_unit) != 1 or len(as_count) != 1:
        return {}
    numbers = [v for v in distinct(as_unit[0]) if not _blank(v)]
    words = [v for v in distinct(as_count[0]) if not _blank(v)]
    if not numbers or not words or not all(_whole(v) for v in numbers):
        return {}
    if not all(isinstance(v, str) and not _number(v) and interval_months(v) is not None for v in words):
        return {}
    return {"interval": as_count[0], "interval_count": as_unit[0]}


def _whole(value: Any) -> bool:
    """Whether a value is a whole number (``2``, ``'2'``, ``2.0``), not TRUE/FALSE."""
    if isinstance(value, bool) or not _number(value):
        return False
    return float(str(value).strip()).is_integer()
