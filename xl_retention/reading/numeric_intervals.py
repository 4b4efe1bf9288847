"""A billing interval column of numbers beside a price, with no interval unit: refused, naming it and its values.

"Billing Frequency" of 1 and 12, "Billing Interval (months)", "Billing Period (months)", ``payment_cycle`` of 3: the
price beside it may be per billing (a yearly 300 is 25 a month) while the column says how often it bills in numbers
alone, which :func:`~.billing.interval_months` does not read (12 is every 12 months, or 12 times a year, or 12 of a
unit no column names). Ignored, a yearly 300 counted 300 MRR (a July of 330 where 55 = 30 + 300/12 is right). So a
subscriptions file with no interval column known or found, whose money column does not say it is per month, and a
column named as a billing interval (frequency, interval, cycle, recurrence; a period only with a billing word) of
whole numbers from 1 to 1,200, one of them above 1, is refused: the message names the column, its values and the
ways out (a unit column mapped as ``interval`` with this one as ``interval_count`` and the price as ``amount``, or a
per-month price column mapped as ``mrr``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .errors import DataError
from .names import columns_option, key
from .names import words as name_words

__all__ = ["numeric_interval_column", "refuse_numeric_interval"]

#: Words of a column's name that say a billing interval alone.
_INTERVAL = frozenset({"frequency", "interval", "intervals", "cycle", "recurrence", "periodicity", "frecuencia",
                       "frequence", "fréquence", "periodicidad", "periodicite", "périodicité", "intervall",
                       "zahlungsintervall", "abrechnungsintervall", "turnus", "periodicità", "billingfrequency",
                       "billinginterval", "billingcycle"})  # fmt: skip
#: A period is a billing interval only beside one of these (a "Fiscal Period" of 1 to 12 is a month's number).
_PERIOD = frozenset({"period", "periode", "période", "periodo", "zeitraum"})
_BILLING = frozenset({"billing", "bill", "billed", "payment", "pay", "charge", "charged", "invoice", "invoicing",
                      "renewal", "subscription", "plan", "abrechnung", "zahlung", "facturation", "facturación",
                      "facturacion", "fatturazione"})  # fmt: skip
#: Words that say something else than how often it bills (a count done or left, a trial's, a month's number).
_NOT = frozenset({"trial", "offer", "intro", "promo", "remaining", "left", "completed", "total", "count", "number",
                  "no", "nr", "index", "id", "day", "days", "week", "weeks", "fiscal", "retry", "retries",
                  "attempt", "attempts", "dunning", "grace", "notice", "anchor", "date", "start", "end"})  # fmt: skip


def _names_interval(name: Any) -> bool:
    """Whether a column's name says a billing interval (not a count done or a month's number).

    >>> [_names_interval(n) for n in ("Billing Frequency", "Billing Interval (months)", "Billing Period (months)")]
    [True, True, True]
    >>> [_names_interval(n) for n in ("Fiscal Period", "Period", "Interval Count", "trial_period_days", "Cycle No")]
    [False, False, False, False, False]
    """
    words = name_words(name)
    if words & _NOT:
        return False
    return bool(words & _INTERVAL or (words & _PERIOD and words & _BILLING))


def _whole_numbers(values: Sequence[Any]) -> list[int] | None:
    """The values as whole numbers from 1 to 1,200 (blanks left out; TRUE/FALSE are none), or None."""
    numbers = []
    for value in values:
        if value is None or isinstance(value, bool) or (isinstance(value, float) and math.isnan(value)):
            continue
        text = str(value).strip()
        if text == "":
            continue
        try:
            number = float(text)
        except ValueError:
            return None
        if not number.is_integer() or not 1 <= number <= 1200:
            return None
        numbers.append(int(number))
    return numbers or None


def numeric_interval_column(
    names: Sequence[Any], columns: Mapping[str, str], distinct: Callable[[str], Sequence[Any]]
) -> tuple[str, list[int]] | None:
    """The first column of ``names`` (none of ``columns``' values) named as a billing interval whose values are whole
    numbers, one above 1, with its distinct numbers sorted; None where there is none. ``distinct(column)``: some of
    the column's distinct values.

    >>> values = {"Billing Frequency": [1, 12, 12], "Fiscal Period": [1, 2, 3]}
    >>> numeric_interval_column(["Customer", "Price", "Fiscal Period", "Billing Frequency"], {}, values.get)
    ('Billing Frequency', [1, 12])
    >>> numeric_interval_column(["Billing Frequency"], {}, {"Billing Frequency": ["1", "1.0"]}.get) is None
    True
    """
    used = {key(v) for v in columns.values()}
    for name in names:
        if key(name) in used or not _names_interval(name):
            continue
        numbers = _whole_numbers(list(distinct(str(name)) or ()))
        if numbers and max(numbers) > 1:
            return str(name), sorted(set(numbers))
    return None


def refuse_numeric_interval(
    names: Sequence[Any], columns: Mapping[str, str], distinct: Callable[[str], Sequence[Any]], source: str
) -> None:
    """Refuse a billing interval column of numbers beside a price not said to be per month (see the module
    docstring): which months one price covers cannot be told from numbers alone."""
    found = numeric_interval_column(names, columns, distinct)
    if found is None:
        return
    column, numbers = found
    money = columns.get("mrr") or columns.get("amount")
    price = repr(money) if money else "the price"
    shown = ", ".join(map(str, numbers[:6])) + (", ..." if len(numbers) > 6 else "")
    way = columns_option([("interval", "UNIT"), ("interval_count", column), ("amount", money or "PRICE")])
    raise DataError(
        f"{source}: column {column!r} holds numbers ({shown}) beside {price} and no billing interval column: is "
        f"{numbers[-1]} months per billing (MRR = price / {numbers[-1]}), billings per year, or a count of some "
        f"unit? The MRR cannot be told. If the price is per billing, add a column UNIT of the interval (month) and "
        f"map {way}; if it is per month already, name its column so (MRR, 'Monthly Price') and map mrr to it",
        source=source,
        column=column,
    )
