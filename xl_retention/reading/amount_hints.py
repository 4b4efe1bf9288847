"""The columns an orders file's messages offer as its amount (``--columns amount=NAME``).

An orders file read without an amount, or whose refunded amount needs the amount it is a refund of, is told which
of its columns may hold each order's amount: those whose name says money ("Total", "Subtotal", ``amount_paid``,
"Betrag", "Montant"), not a discount's, a refund's, a tax's or shipping's. A name that says money beside a word of
what kind of thing the column holds (Chargebee's ``invoices.price_type``, ``tax_exclusive`` or ``tax_inclusive``;
"Price Currency", ``price_id``, "Amount Type") is no amount, and neither is a column whose values are not numbers
where its values are few enough to look at (:func:`~.order_columns.few_values`): each was offered (H161).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["money_columns", "no_amount_note"]

#: words of an order's amount (any language the import knows)
_MONEY_WORDS = frozenset(
    "total subtotal amount price revenue sales betrag summe preis umsatz montant prix importe precio totale prezzo "
    "bedrag prijs".split()
)
#: words of money that is no order's amount (a discount's, a refund's, a tax's, shipping's)
_OTHER_MONEY = frozenset("discount refund refunded tax taxes vat shipping fee fees rabatt remise".split())
#: words of a column that says what kind of money, not how much: a type, a mode, a currency, an id, a status
_NOT_MONEY = frozenset("type types kind mode model currency code id status method date behavior behaviour".split())


def money_columns(columns: Sequence[Any], df: pd.DataFrame | None = None) -> list[str]:
    """The columns of ``columns`` that may hold an order's amount (see the module docstring); with ``df``, those of
    its columns whose few values are not all numbers are left out too.

    >>> money_columns(["Email", "Subtotal", "Taxes", "Total", "Discount Amount", "invoices.price_type"])
    ['Subtotal', 'Total']
    >>> money_columns(["Amount", "Price Plan"], pd.DataFrame({"Amount": ["9.90", "19.90"], "Price Plan": ["Pro", ""]}))
    ['Amount']
    """
    from .names import words

    named = [str(c) for c in columns if _MONEY_WORDS & words(c, whole=False) and not (_OTHER_MONEY | _NOT_MONEY) &
             words(c)]  # fmt: skip
    if df is None:
        return named
    return [c for c in named if _numbers_or_many(df, c)]


def _numbers_or_many(df: pd.DataFrame, column: str, most: int = 40) -> bool:
    """Whether ``df``'s ``column`` holds numbers (blanks allowed), or more than ``most`` distinct values (not looked
    at: amounts differ from order to order)."""
    from .errors import DataError
    from .values import parse_numbers

    names = [str(c) for c in df.columns]
    if names.count(column) != 1:
        return True
    values = df.iloc[:, names.index(column)]
    if values.iloc[:2000].nunique(dropna=True) > most:
        return True
    uniques = pd.unique(values.dropna().to_numpy())
    if len(uniques) > most:
        return True
    try:
        parse_numbers(pd.Series(uniques, dtype=object), "", column, allow_blank=True)
    except DataError:
        return False
    return True


def no_amount_note(df: pd.DataFrame, source: str) -> str:
    """The note for an orders file read without an amount: the revenue tables are left out, and the columns that may
    hold it are named (:func:`~.amount_hints.money_columns`), for ``--columns amount=NAME``.

    >>> no_amount_note(pd.DataFrame(columns=["Email", "Subtotal", "Taxes", "Total", "Discount Amount"]),
    ...            "shop.csv").split(" amount")[1]
    " ('Subtotal', 'Total') with --columns"
    """
    money = money_columns(list(df.columns), df)  # not Chargebee's price_type (tax_inclusive)
    hint = f" ({', '.join(repr(c) for c in money[:5])}{', ...' if len(money) > 5 else ''})" if money else ""
    return (
        f"{source}: no column 'amount', so no revenue is counted (the order revenue cohorts of --to-csv are not "
        f"written; a tracker holds no order revenue): to count it, map the column of each order's amount{hint} with "
        "--columns amount=NAME"
    )
