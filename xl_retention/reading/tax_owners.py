"""Which tax columns beside an amount are its one tax (:mod:`xl_retention.reading.taxes`): a tax's twin written for
display, another amount's tax (Paddle's 'balance_tax' beside 'sale_gross'), a fee's tax inside the order's whole tax
(WooCommerce's 'fee_tax_total' in 'tax_total') and a tax's breakdown by rate (Shopify's 'Tax 1 Value' beside its
'Taxes') are no second tax.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .equal_columns import CENT as _CENT
from .names import words as _words
from .notes import note
from .tax_words import GROSS_WORDS, NET_WORDS, TAX_WORDS

__all__ = ["FEE_WORDS", "without_breakdown", "without_breakdown_of", "without_fee_taxes", "without_twins"]


def without_breakdown_of(taxed: list[tuple[str, np.ndarray, np.ndarray]]) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """``taxed`` (each tax column's name, values and rows) as the one column whose tax is the others' sum on every row
    (within a cent; blank as 0) where there is one: the others are its breakdown (Shopify's "Taxes" beside its
    "Tax 1 Value" .. "Tax 5 Value", one per tax rate), no second tax; else as it is.

    >>> t = lambda name, *v: (name, np.array(v, dtype=float), np.array([0]))
    >>> shopify = [t("Taxes", 8.88, 7.0), t("Tax 1 Value", 8.88, 4.0), t("Tax 2 Value", np.nan, 3)]
    >>> [c for c, _, _ in without_breakdown_of(shopify)], [c for c, _, _ in without_breakdown_of(shopify[:2])]
    (['Taxes'], ['Taxes', 'Tax 1 Value'])
    >>> [c for c, _, _ in without_breakdown_of([t("tax", 8.0, 7.0), t("tax_usd", 8.8, 7.7)])]
    ['tax', 'tax_usd']
    """
    if len(taxed) < 2:
        return taxed
    taxed = without_fee_taxes(taxed)  # WooCommerce's 'fee_tax_total' inside its 'tax_total'
    values = [np.nan_to_num(tax) for _, tax, _ in taxed]
    for position, own in enumerate(values):
        rest = sum(v for p, v in enumerate(values) if p != position)
        if (np.abs(own - rest) <= _CENT + 1e-9).all():
            return [taxed[position]]
    return taxed


#: Words of a column's name that say it is another column written for display (Lemon Squeezy's 'tax_formatted')
_DISPLAY = frozenset({"formatted", "display", "displayed", "pretty"})
#: Words of a money column's name that say what kind of amount it is, not whose (left: Paddle's 'balance', 'sale')
_MONEY_KINDS = GROSS_WORDS | NET_WORDS | frozenset({"amount", "amounts", "sum", "value", "price", "tax", "taxes"})


def _qualifiers(name: str) -> frozenset[str]:
    """The words of a column's name beyond its kind of amount and its tax: whose amount it is (``balance_gross``:
    balance; ``payment_tax``: payment)."""
    return frozenset(_words(name) - _MONEY_KINDS - TAX_WORDS)


#: Owners of a tax that are parts of the order, whose tax the order's amount holds (WooCommerce's 'fee_tax_total' in
#: its 'order_total'; a shipping's tax): never another amount's
_PARTS = frozenset({"fee", "fees", "surcharge", "surcharges", "shipping", "delivery", "freight", "postage", "handling"})


def _owner(name: str) -> bool:
    """Whether a tax column's name says whose amount it is (``balance_tax``), other than a part of the order."""
    qualifiers = _qualifiers(name)
    return bool(qualifiers) and not qualifiers & _PARTS


def without_twins(
    taxed: list[tuple[str, np.ndarray, np.ndarray]], money: str, columns: Sequence[str], source: str
) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """``taxed`` without the tax columns that are no second tax of ``money`` (H484's findings 02 and 03), each left
    out with a note: a tax's twin written for display (Lemon Squeezy's 'tax_formatted' beside 'tax'); where the
    others remain several, the one whose name says the amount's owner as the money's does (Paddle's 'balance_tax'
    for 'balance_gross'), else without those whose owner is another amount column's of the file ('balance_tax',
    of 'balance_gross', for 'sale_gross': its tax is 'payment_tax').

    >>> t = lambda name: (name, np.array([1.0]), np.array([0]))
    >>> paddle = [t("payment_tax"), t("balance_tax")]
    >>> cols = ["sale_gross", "payment_tax", "fee", "balance_gross", "balance_tax", "balance_fee"]
    >>> [c for c, _, _ in without_twins(paddle, "balance_gross", cols, "p.csv")]
    ['balance_tax']
    >>> [c for c, _, _ in without_twins(paddle, "sale_gross", cols, "p.csv")]
    ['payment_tax']
    >>> [c for c, _, _ in without_twins([t("tax"), t("tax_formatted")], "total", ["total", "tax"], "o.csv")]
    ['tax']
    """
    if len(taxed) < 2:
        return taxed
    names = {c for c, _, _ in taxed}
    kept = [t for t in taxed if not (_words(t[0]) & _DISPLAY and any(
        _words(other) == _words(t[0]) - _DISPLAY for other in names if other != t[0]))]  # fmt: skip
    for column in names - {c for c, _, _ in kept}:
        note(f"{source}: {column!r} is a tax column written for display beside the same tax: not a second tax")
    own = _qualifiers(money)
    same = [t for t in kept if _qualifiers(t[0]) == own]
    if len(kept) > 1 and own and len(same) == 1:  # (no owner named: 'Total' beside 'Taxes' and its breakdown)
        for column, _, _ in kept:
            if column != same[0][0]:
                note(f"{source}: {column!r} is not the tax of {money!r} ({same[0][0]!r} is, named alike): not used")
        kept = same
    elif len(kept) > 1:
        amounts = [c for c in columns if c != money and c not in names and _words(c) & (GROSS_WORDS | {"amount"})]
        owned = {t[0]: next((c for c in amounts if _owner(t[0]) and _qualifiers(c) == _qualifiers(t[0])), None)
                 for t in kept}  # fmt: skip
        left = [t for t in kept if owned[t[0]] is None]
        if len(left) == 1 and len(kept) > 1:
            for column, other in owned.items():
                if other is not None:
                    note(f"{source}: {column!r} is the tax of {other!r}, not of {money!r}: not used")
            kept = left
    return kept


#: Words of a tax column's name that say the tax of a fee charged with the order (WooCommerce's ``fee_tax_total``).
FEE_WORDS = frozenset({"fee", "fees", "surcharge", "surcharges"})


def without_fee_taxes(
    taxed: list[tuple[str, np.ndarray, np.ndarray]],
) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """``taxed`` without the columns named as a fee's tax (``fee_tax_total``) where another tax column, not a fee's,
    is at least as much on every row: the order's whole tax holds the fee's, as it holds the shipping's (WooCommerce's
    ``tax_total`` = the items' + ``shipping_tax_total`` + ``fee_tax_total``; H314 finding 06: 6.39 = 5.00 + 0.99 +
    0.40 was refused as two taxes).

    >>> t = lambda name, *v: (name, np.array(v, dtype=float), np.array([0]))
    >>> [c for c, _, _ in without_fee_taxes([t("fee_tax_total", 0.4, 0.0), t("tax_total", 6.39, 4.59)])]
    ['tax_total']
    >>> [c for c, _, _ in without_fee_taxes([t("fee_tax_total", 0.4, 5.0), t("tax_total", 6.39, 4.59)])]
    ['fee_tax_total', 'tax_total']
    """
    fees = [p for p, (name, _, _) in enumerate(taxed) if _words(name) & FEE_WORDS]
    whole = [np.nan_to_num(v) for p, (_, v, _) in enumerate(taxed) if p not in fees]
    if not fees or not whole:
        return taxed
    parts = [p for p in fees if any((np.abs(w) + _CENT >= np.abs(np.nan_to_num(taxed[p][1]))).all() for w in whole)]
    return [t for p, t in enumerate(taxed) if p not in parts]


def without_breakdown(read: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """``read`` (tax columns' names -> numbers) as the one column whose tax is the others' sum on every row where
    there is one (:func:`without_breakdown_of`: Shopify's 'Taxes' beside its 'Tax 1 Value'); else as it is.

    >>> list(without_breakdown({"Taxes": np.array([6.49]), "Tax 1 Value": np.array([6.49])}))
    ['Taxes']
    """
    kept = without_breakdown_of([(name, values, np.array([0])) for name, values in read.items()])
    return {name: read[name] for name, _, _ in kept}
