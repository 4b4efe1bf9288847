"""Orders shipped to the United States: their sales tax is added to the price at checkout, never inside it.

An order's tax written on its item rows (Etsy's Sold Order Items: 'Order Sales Tax' beside 'Item Total') whose rate
of the order's items fits a rate on top and another inside alike, to the cent (1.65 of 20.00: 8.25 % on top, 9 %
inside; below about 70.00 an order cannot tell them apart), is told by where the orders ship: a United States sales
tax is charged on top of the price (prices there are quoted before sales tax, and Etsy adds it at checkout), so where
the file's ship-country column says the United States on every taxed row (and its currency column, where it has one,
USD), the items are before the tax (H344; KNOWN: 'Etsy items file where 8.25% tax on top = 9% inside still
refused').
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["shipped_to_us"]

#: Names (as :func:`~.names.key` spells them) of the column of the country an order ships to.
COUNTRIES = frozenset({"ship_country", "shipping_country", "ship_to_country", "shipping_address_country",
                       "delivery_country", "destination_country", "country"})  # fmt: skip
#: Names of the column of each row's currency.
CURRENCIES = frozenset({"currency", "currency_code", "order_currency"})
#: The United States as an export writes it.
US = frozenset({"united states", "united states of america", "us", "usa", "u.s.", "u.s.a.", "u.s"})


def _column(df: pd.DataFrame, wanted: frozenset[str]) -> str | None:
    """The one column whose name is one of ``wanted`` (the first of ``wanted``'s order of the file), None without."""
    from .names import key

    listed = list(map(str, df.columns))
    found = [c for c in listed if key(c) in wanted and listed.count(c) == 1]
    return found[0] if found else None


def shipped_to_us(df: pd.DataFrame, base: np.ndarray, tax: np.ndarray, rows: np.ndarray) -> str | None:
    """The ship-country column's name where every row of ``rows`` (positions of the taxed rows) ships to the United
    States, in USD where a currency column is there, and each ``tax`` is a sales tax rate on top of its ``base`` (the
    order's items less its coupon, aligned with ``rows``), to the cent; None otherwise.

    >>> df = pd.DataFrame({"Ship Country": ["United States", "United States"], "Currency": ["USD", "USD"]})
    >>> shipped_to_us(df, np.array([24.0, 20.0]), np.array([1.98, 1.65]), np.array([0, 1]))
    'Ship Country'
    >>> shipped_to_us(df.assign(Currency=["USD", "EUR"]), np.array([24.0, 20.0]), np.array([1.98, 1.65]),
    ...               np.array([0, 1])) is None
    True
    """
    from .equal_columns import CENT
    from .taxes import RATES

    country = _column(df, COUNTRIES)
    if country is None or not rows.size:
        return None
    where = df[country].iloc[rows].astype("string").str.strip().str.lower()
    if not where.isin(US).fillna(False).all():
        return None
    currency = _column(df, CURRENCIES)
    if currency is not None:
        codes = df[currency].iloc[rows].astype("string").str.strip().str.upper()
        if not (codes == "USD").fillna(False).all():
            return None
    paid = np.abs(np.asarray(tax, dtype=np.float64))[:, None]
    on_top = (np.abs(paid - np.abs(np.asarray(base, dtype=np.float64))[:, None] * RATES) <= CENT).any(axis=1)
    return country if bool(on_top.all()) else None
