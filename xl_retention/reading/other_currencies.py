"""Currency columns of amounts other than the one used: Stripe's itemized balance report's
``customer_facing_currency`` (of ``customer_facing_amount``) beside ``currency`` (of ``gross``, ``fee``, ``net``).

Where no currency column goes with the money column by name (:func:`~.currency.paired_currency`: ``gross`` has no
``gross_currency``), every currency column was checked, and the customers' own currencies refused an import whose
amounts are all in the one settlement currency ("2 currencies (EUR, USD) ... --segment customer_facing_currency=usd",
an advice that drops every euro customer; H527 finding 02). A currency column that goes by name with another amount
of the file (an ``... amount`` column: "Customer Facing Amount" with "Customer Facing Currency") is that amount's, not
checked, as long as a plain currency column (``currency``, ``currency_code``) of no other amount is left to check:
the money column's own.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["others_currencies"]

#: Names of a currency column of no amount in particular: the file's, so the money column's where no other goes with it.
_PLAIN = frozenset({"currency", "currency_code", "currency_iso"})


def others_currencies(names: Sequence[object], money: str | None) -> frozenset[str]:
    """The currency columns of ``names`` that go by name with an amount other than ``money``, where the others are
    plain currency columns (:data:`_PLAIN`) of no amount (they are checked instead); empty where one goes with
    ``money`` or no plain one is left.

    >>> names = ["currency", "gross", "net", "customer_facing_amount", "customer_facing_currency", "customer_id"]
    >>> sorted(others_currencies(names, "gross")), sorted(others_currencies(names, "customer_facing_amount"))
    (['customer_facing_currency'], [])
    >>> sorted(others_currencies(["Amount", "Currency", "Net", "Customer Facing Currency"], "Net"))
    []
    >>> sorted(others_currencies(["Net", "Currency", "Customer Facing Amount", "Customer Facing Currency"], "Net"))
    ['Customer Facing Currency']
    """
    from .currency import named_currency, paired_currency
    from .names import key, keys_of

    if money is None or paired_currency(names, money):
        return frozenset()
    currencies = [str(n) for n in names if named_currency(n)]
    amounts = [n for n in names if str(n) != str(money) and "amount" in key(n) and not named_currency(n)]
    others = {c for a in amounts for c in paired_currency(names, a) if c in currencies}
    left = set(currencies) - others
    return frozenset(others) if left and all(keys_of(c) & _PLAIN for c in left) else frozenset()
