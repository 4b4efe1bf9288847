"""A billing interval column under a name the importer does not know, found by its values.

HubSpot's and Salesforce's line items call it "Billing Frequency" (Monthly, Quarterly, Annually), other exports
"Period", "Billing Cycle", "Term" (``12 months``) or ``Zahlungsintervall`` (``jährlich``). Ignored, a yearly price
beside it would count twelve times as MRR. So a subscriptions file with no interval column known by name or mapped
takes as its interval:

* a column whose every value (of those looked at) is an interval word of four letters or more (``Yearly``,
  ``Annually``, ``jährlich``, ``12 months``; never ``m`` or ``y`` alone, which other columns hold), some of them not
  one month (a column of ``Monthly`` alone changes no amount), whatever its name; or
* a column named like an interval (frequency, period, cycle, term, recurrence, ``Intervall``, ``Turnus``,
  ``Laufzeit``) with some interval words and no numbers: its other values are refused later, naming their rows
  (:func:`~.billing.months_per_interval`), never read as a month.

Not when the money column says it is per month already (``mrr=MRR`` mapped, or an ``MRR`` column and neither
``mrr`` nor ``amount`` mapped): the interval then only describes the plan, as a known interval column does
(:func:`~.billing_columns.is_billing`). Two such columns are refused: which one bills cannot be told.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from .billing import interval_in_text, interval_months
from .errors import DataError
from .names import columns_option, key

__all__ = ["interval_by_values"]

#: Words in a column's name (:func:`~.names.key`) that say it may be a billing interval.
_NAMED = ("interval", "frequency", "period", "cycle", "term", "recurrence", "recurring", "turnus", "laufzeit",
          "zeitraum", "frequence", "frecuencia", "periodicidad", "periodicite", "periodo", "periode")  # fmt: skip
#: Our names a file's columns are matched by: never taken as the interval.
_OURS = frozenset({"customer_id", "start", "end", "month", "mrr", "amount", "quantity", "interval_count", "segment"})
#: A word of four letters or more (``Yearly``, ``12 months``; not ``m``, ``y``, ``a``, ``mo``, ``yr``).
_WORD = re.compile(r"[^\W\d_]{4,}")


def _blank(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _interval_word(value: Any) -> bool:
    return isinstance(value, str) and bool(_WORD.search(value)) and interval_months(value) is not None


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
        if key(name) in used or key(name) in _OURS:
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
    if "mrr" not in columns and "amount" not in columns and any(_per_month(n) for n in names):
        return None
    used = {key(v) for v in columns.values()}
    found = []
    for name in names:
        k = key(name)
        if k in used or k in _OURS:
            continue
        values = [v for v in distinct(str(name)) if not _blank(v)]
        words = [v for v in values if _interval_word(v)]
        if not words:
            continue
        if len(words) == len(values):  # every value an interval: taken unless all are one month (no amount changes)
            if any(interval_months(v) != 1.0 for v in words):
                found.append(str(name))
        elif any(h in k for h in _NAMED) and not any(_number(v) for v in values):  # the others refused, named
            found.append(str(name))
    if not found:
        _refuse_interval_in_names(names, columns, distinct, source, used)
    if len(found) > 1:
        raise DataError(
            f"{source}: {found[0]!r} and {found[1]!r} both hold billing intervals (month, year, ...): which one the "
            f"price is per cannot be told; map it: {columns_option([('interval', found[0])])}",
            source=source,
            column=found[1],
        )
    return found[0] if found else None
