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

import numpy as np

from .names import key

__all__ = ["is_lemon_squeezy_api", "refuse_cents", "usd_twin_divisors"]

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


def usd_twin_divisors(
    df: Any, column: str, base: tuple[str, str], told: np.ndarray | str, divisors: np.ndarray, source: str
) -> np.ndarray | None:
    """The divisors of ``column`` (``total_usd``), the amount of ``base`` (``total`` and its formatted twin,
    ``total_formatted``) in US dollars, given what the twin ``told`` of the base (its divisors, or ``"units"``) with
    each row's currency's ``divisors``: Lemon Squeezy's API writes both "a positive integer in cents". Cents where
    the twin shows the base in cents; units where it shows the base in units of a currency with cents; for a base of
    zero-decimal currencies only (yen: its smallest unit is the unit, nothing told), the rows' ``currency_rate``
    decides (total_usd = total x rate x 100 in cents), and without one the column is refused (:func:`refuse_cents`).
    None: units.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"total": ["1100"], "total_usd": ["733"], "currency_rate": ["0.00666"]})
    >>> usd_twin_divisors(frame, "total_usd", ("total", "total_formatted"), "units", np.array([1.0]), "ls.csv").tolist()
    [100.0]
    """
    import pandas as pd

    from .notes import note

    base, twin = base
    if isinstance(told, str) and (divisors != 1).any():
        return None  # the base in units of a currency with cents: its dollars in units too
    if isinstance(told, str):  # yen, won: the base's smallest unit is its unit, and tells nothing of the dollars'
        rates = [c for c in map(str, df.columns) if key(c) in ("currency_rate", "exchange_rate", "fx_rate")]
        amounts = pd.to_numeric(df[column], errors="coerce").to_numpy(dtype=np.float64)
        bases = pd.to_numeric(df[base], errors="coerce").to_numpy(dtype=np.float64)
        rate = pd.to_numeric(df[rates[0]], errors="coerce").to_numpy(dtype=np.float64) if len(rates) == 1 else None
        both = np.isfinite(amounts) & np.isfinite(bases) & (bases != 0) & (amounts != 0)
        if rate is not None:
            both &= np.isfinite(rate) & (rate > 0)
        if rate is None or not both.any():
            refuse_cents(df[column], column, source)
        ratio = amounts[both] / (bases[both] * rate[both])  # type: ignore[index]
        if np.allclose(ratio, 1.0, rtol=0.02):
            return None
        if not np.allclose(ratio, 100.0, rtol=0.02):
            refuse_cents(df[column], column, source)
    first = next((str(v).strip() for v in df[column] if str(v).strip() not in ("", "nan", "None")), "0")
    note(f"{source}: {column!r} read in cents ({first} is {float(first) / 100:,.2f} US dollars), as {base!r} "
         f"beside {twin!r} writes its amounts (Lemon Squeezy's API)")  # fmt: skip
    return np.full(len(df), 100.0)
