"""Lemon Squeezy's API objects flattened to a table: their money in cents.

Lemon Squeezy's API writes every price and total as "a positive integer in cents" (its API reference: the variant
object's ``price``; the subscription invoice's and the order's ``subtotal``, ``tax``, ``total``). A table of its
subscriptions joined with their variants' ``price`` (999 for 9.99 a month, 9900 for 99.00 a year) read those whole
numbers as units: every MRR 100 times too high, silently (H161 finding 02). Its formatted twins (``total`` beside
``total_formatted``, "$9.99") tell cents by themselves (:func:`~.smallest_units.formatted_twin`); without one, a file
with Lemon Squeezy's own fields (``test_mode`` beside the subscription's ``renews_at`` and ``ends_at``, or the order's
``order_number`` and ``identifier``) whose money column holds whole numbers is refused by :func:`refuse_cents`,
naming the column and its first amount read both ways: ``--amounts cents`` or ``--amounts units`` says which.
"""

from __future__ import annotations

from typing import Any

from .names import key

__all__ = ["is_lemon_squeezy_api", "refuse_cents"]

#: Fields of Lemon Squeezy's API objects (as :func:`~.names.key` spells them): ``test_mode`` with a subscription's
#: renewal and end, or with an order's number and identifier.
_MODE = "test_mode"
_OBJECTS = (frozenset({"renews_at", "ends_at"}), frozenset({"order_number", "identifier"}))


def is_lemon_squeezy_api(names: Any) -> bool:
    """Whether columns ``names`` are Lemon Squeezy's API fields (see the module docstring).

    >>> is_lemon_squeezy_api(["id", "status", "renews_at", "ends_at", "test_mode", "price"])
    True
    >>> is_lemon_squeezy_api(["id", "status", "renews_at", "ends_at", "price"])
    False
    """
    keys = {key(n) for n in names}
    return _MODE in keys and any(fields <= keys for fields in _OBJECTS)


def refuse_cents(values: Any, column: str, source: str) -> None:
    """Refuse the whole amounts ``values`` of the money column ``column`` of a Lemon Squeezy API table (the caller
    tells it is one, and that they are whole), naming the first filled one read both ways.

    >>> import pandas as pd
    >>> refuse_cents(pd.Series(["999", "9900"]), "price", "ls.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: ls.csv, column 'price': whole amounts in a table of Lemon Squeezy's API \
fields (test_mode, renews_at, ...), which writes prices and totals in cents (999 as 9.99), where a table typed by \
hand writes units (999.00): say which with --amounts cents or --amounts units in row 2 (counting the header as row \
1): '999'
    """
    from .api_cents import refuse_whole_amounts

    refuse_whole_amounts(
        values,
        column,
        source,
        "a table of Lemon Squeezy's API fields (test_mode, renews_at, ...), which writes prices and totals",
        "a table typed by hand writes",
    )
