"""Shipping beside a subscription's amount: MRR is the recurring price, net of tax and shipping (docs/metrics.md).

A subscriptions export of a shop (WooCommerce Subscriptions' ``order_shipping`` and ``order_shipping_tax`` beside
``order_total``, a box subscription's "Shipping" beside its "Total") writes what is charged for delivery beside the
money column; the money column may be the price before it or the total with it. Which one is told, in this order, by:

1. another column that is the sum or the difference in every row with shipping: ``amount + shipping == total`` says
   the amount is without it, ``amount - shipping == subtotal`` with it (shipping with its tax, or alone);
2. the money column's name: with it (``total``, ``grand``, "Amount Due", ``paid``, ``charged``, ``gross``), without
   it (``subtotal``, ``price``, ``mrr``, ``arr``); both or neither: not told.

Shipping in the amount is taken off with its tax (``order_shipping_tax``: a tax of the shipping, not of the price,
so :mod:`.taxes` does not count it as a second tax), with a note; not told, the file is refused naming the shipping
column and a row. A column of the shipping's method, address, carrier or a date is no amount and is not read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .deductions import deduction_read
from .equal_columns import equal_column
from .errors import DataError, row_of, show, source_of
from .names import columns_option
from .names import words as _words
from .notes import note
from .taxes import _TAX, _numbers

__all__ = ["net_of_shipping", "shipping_columns"]

#: Words of a column's name that say shipping (English, German, French, Spanish, Italian, Dutch, Nordic).
_SHIPPING = frozenset({
    "shipping", "shipment", "postage", "freight", "delivery", "versand", "versandkosten", "porto", "livraison",
    "envio", "envío", "spedizione", "verzending", "verzendkosten", "frakt", "fragt",
    "handling",  # BigCommerce's "Handling Cost (ex tax)", a delivery charge as Magento's "Shipping and Handling" is
})  # fmt: skip
#: Words that say the column is no amount: its method, address, carrier, a date, a rate, an id or a status.
_NOT_AMOUNT = frozenset({
    "method", "methods", "title", "name", "first", "last", "company", "address", "address1", "address2", "line", "1",
    "2", "street", "city", "state", "province", "country", "postcode", "postal", "zip", "phone", "email", "carrier",
    "tracking", "zone", "class", "type", "status", "date", "at", "time", "id", "ids", "number", "no", "nr", "code",
    "rate", "rates", "percent", "percentage", "pct", "label", "provider", "service", "days", "weight", "free",
    "required", "needs", "option", "options", "instructions", "note", "notes",
})  # fmt: skip
_RATES = frozenset({"rate", "rates"})
#: Words of a column of counts, not money.
_COUNTS = frozenset({"interval", "period", "quantity", "qty", "count", "seats", "units", "cycles", "frequency", "every",
                     "week", "weeks", "month", "months"})  # fmt: skip
_WITH = frozenset({"total", "totals", "grand", "due", "paid", "charged", "gross", "brutto", "gesamt", "gesamtbetrag",
                   "ttc", "incl", "including", "inkl"})  # fmt: skip
_WITHOUT = frozenset({"subtotal", "sub", "price", "prices", "mrr", "arr", "preis", "prix", "precio", "prezzo"})


def shipping_columns(columns: Sequence[Any], names: Mapping[str, str]) -> list[str]:
    """The columns whose name says a shipping amount or its tax (not a method, an address, a date), not used
    (``names``: ours -> theirs).

    >>> shipping_columns(["order_total", "order_shipping", "order_shipping_tax", "shipping_method",
    ...                   "shipping_postcode", "Shipping Cost", "Versandkosten", "Delivery Interval"],
    ...                  {"amount": "order_total"})
    ['order_shipping', 'order_shipping_tax', 'Shipping Cost', 'Versandkosten']
    """
    used = {str(c) for c in names.values()}
    return [str(c) for c in columns
            if str(c) not in used and _words(c) & _SHIPPING and not _not_amount(c)]  # fmt: skip


def _not_amount(column: Any) -> bool:
    """Whether a shipping column's name says it holds no amount (a method, an address, a count, a tax rate). A rate
    alone is the shipping's price (Wix's and ShipStation's "Shipping Rate": 5.00), a rate with a tax's word a
    percentage ("Shipping Tax Rate"): "Shipping Rate" was never read, its shipping left in the revenue of a 'Total'
    (H508's finding 06).

    >>> _not_amount("Shipping Rate"), _not_amount("Shipping Tax Rate"), _not_amount("shipping_rate_id")
    (False, True, True)
    >>> _not_amount("Shipping Rate (%)"), _not_amount("Shipping rate %")
    (True, True)
    """
    words = _words(column)
    if words & _RATES and not words & _TAX and "%" not in str(column):  # 'Shipping Rate (%)': a percentage (H513's 06)
        words = words - _RATES
    return bool(words & (_NOT_AMOUNT | _COUNTS))


def _told_by_sums(
    df: pd.DataFrame, money: np.ndarray, shipped: Sequence[np.ndarray], rows: np.ndarray, skip: set[str],
    source: str, decimal: str | None,
) -> tuple[bool, str] | None:  # fmt: skip
    """(True, X) where another column X is the amount less the shipping in every row with one (the amount includes
    it), (False, X) where X is the amount plus it; the shipping alone or with its tax. None otherwise."""
    targets = [money + sign * shipping for shipping in shipped for sign in (-1, 1)]
    found = equal_column(  # an id, an interval or a quantity is no amount
        df, targets, rows, skip, source, decimal, lambda column: bool(_words(column) & (_NOT_AMOUNT | _COUNTS))
    )
    return None if found is None else (found[0] % 2 == 0, found[1])


def net_of_shipping(
    df: pd.DataFrame, typed: dict[str, Any], names: Mapping[str, str], source: str, decimal: str | None = None
) -> tuple[dict[str, Any], list[str]]:
    """``typed`` with its money column (``amount``, else ``mrr``, as the file writes it) net of the shipping beside
    it (see the module docstring), and the shipping columns read (:func:`~.taxes.net_of_tax` leaves their taxes out);
    refused where whether the amount includes it cannot be told."""
    money_key = "amount" if "amount" in typed else "mrr"
    found = shipping_columns(df.columns, names) if money_key in typed and money_key in names else []
    listed = list(map(str, df.columns))
    read = [(c, v) for c in found if listed.count(c) == 1 and (v := _numbers(df[c], source, c, decimal)) is not None]
    if not read:
        return typed, []
    money_name = str(names[money_key])
    money = np.asarray(typed[money_key], dtype=np.float64)
    read = [(c, deduction_read(df, c, v, money, money_name, source)) for c, v in read]  # 'Shipping' -5.00: 5.00
    every = [c for c, _ in read]
    from .order_shipping import _kind  # BigCommerce's "(ex tax)" beside "(inc tax)": the one without its tax, alone

    if any(_kind(c) == "ex" for c, _ in read):  # (the order's 'Tax Total' holds the shipping's tax: taken off there)
        read = [(c, v) for c, v in read if _kind(c) == "ex"]
    costs = [np.where(np.isfinite(v), v, 0.0) for _, v in read]
    charges = [v for (c, _), v in zip(read, costs, strict=True) if not _words(c) & _TAX]  # shipping, not its tax
    alone = np.sum(charges, axis=0) if charges else np.zeros(len(money))
    everything = np.sum(costs, axis=0)
    rows = np.flatnonzero((everything != 0) & np.isfinite(money) & (money != 0))
    columns = [c for c, _ in read]
    if not rows.size:
        return typed, every
    summed = _told_by_sums(df, money, (everything, alone), rows, {money_name, *columns, *map(str, names.values())},
                           source, decimal)  # fmt: skip
    own = _words(money_name)
    named = True if own & _WITH and not own & _WITHOUT else False if own & _WITHOUT and not own & _WITH else None
    shown = " and ".join(repr(c) for c in columns)
    if summed is not None:
        included, why = summed[0], f"{summed[1]!r} is {money_name} {'-' if summed[0] else '+'} {shown}"
    elif named is not None:
        included, why = named, f"its name says {'a total' if named else 'a price'}"
    else:
        first = int(rows[0])
        column = next(c for c, v in zip(columns, costs, strict=True) if v[first] != 0)
        raise DataError(
            f"{source}: column {column!r} holds shipping ({row_of(source_of(df, source), first)}: "
            f"{show(df[column].iloc[first])} beside {money_name!r} {show(df[money_name].iloc[first])}) and is not "
            "used; MRR "
            f"is the recurring price, net of shipping, and whether {money_name!r} includes it cannot be told: if it "
            f"does, map a column of prices without shipping ({columns_option([(money_key, 'NAME')])}) or write the "
            "amounts less the shipping; if it does not, remove the shipping columns",
            source=source,
            column=column,
        )
    if included:
        typed[money_key] = money - everything
        note(f"{source}: {money_name!r} includes the shipping in {shown} ({why}): taken off, MRR is the recurring "
             "price, net of shipping")  # fmt: skip
    return typed, every
