"""A price mapped to ``mrr`` in a subscriptions file without a billing interval: a unit's price or a list price.

A column named as a price ("Price per seat", "Seat price", ``price_per_user``, "Per-seat price", "Preis pro Lizenz",
"Prix par utilisateur", "List price", "Cost": :func:`~.unit_prices.price_kind` ``"unit"`` or ``"price"``) is not
what a customer pays a month by its name, as a column named MRR is:

* beside a quantity (``seats``, ``quantity``, ``qty``), the price is one seat's: MRR = price x seats, and read as
  the MRR the seats are ignored (10 a seat for 5 seats: MRR 10 for 50). Refused as Stripe's ``Plan Amount`` is
  (:func:`~.billing_columns._refuse_count_without_interval`), by the names alone (a database table's too);
* beside a discount ("Discount" 50%, "Coupon", "Rabatt"), the price is the list price: MRR is after discounts,
  and read as the MRR the discount is ignored. Refused as in a billing export (:func:`~.discounts.check_discounts`).

A column whose name says MRR or recurring revenue is the subscription's MRR: a quantity or a discount beside it
only describes it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["names_a_price"]

#: Words of an MRR's name: the subscription's whole monthly recurring revenue, after discounts.
_MRR_WORDS = frozenset({"mrr", "recurring", "revenue", "umsatz"})


def names_a_price(name: Any) -> bool:
    """Whether the column ``name``, mapped to ``mrr``, is named as a price (a unit's, or a price that says no more)
    and not as MRR (see the module docstring).

    >>> [names_a_price(n) for n in ("Price per seat", "Seat price", "price_per_user", "Per-seat price",
    ...  "Preis pro Lizenz", "Prix par utilisateur", "List price")]
    [True, True, True, True, True, True, True]
    >>> [names_a_price(n) for n in ("MRR", "Monthly Recurring Revenue", "Total", "Amount", "mrr_price", None)]
    [False, False, False, False, False, False]
    """
    if name is None:
        return False
    from .names import words
    from .unit_prices import price_kind

    return not _MRR_WORDS & words(name) and price_kind(name) in ("unit", "price")
