"""A second price beside a billing export's amount, under a name that does not say add-on: "Support Plan Price",
"Module Price", "Storage Fee", "Extras", "Premium Support", "Zusatzoptionen".

MRR = amount x quantity / months per interval takes one price per row. A recurring extra paid beside the plan in a
column of its own (an add-on under another name than ``add_on``: :func:`~.billing_columns.add_on_columns`) would be
left out of the MRR. So a column not used, whose name says a price, a fee or an extra (:data:`_EXTRA_WORDS`) and none
of a one-time charge, a total, a balance, a tax or a discount (:data:`_NOT_EXTRA`), holding amounts other than 0 that
are not the amount itself (a twin: "Plan Price" beside "Amount"), is refused, naming its rows: add it into the amount
(per interval), or remove the column where it is not paid every interval.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows

__all__ = ["extra_price_columns", "refuse_extra_prices"]

#: Words (or beginnings of words) of a column's name that say a price paid, or an extra to the plan.
_EXTRA_WORDS = ("price", "prices", "preis", "prix", "precio", "prezzo", "fee", "fees", "gebühr", "gebuhr", "extra",
                "extras", "option", "options", "module", "modules", "support", "storage", "premium", "overage",
                "usage", "surcharge", "zusatz", "aufpreis", "supplement", "supplément", "upgrade")  # fmt: skip
#: Words that say the column is no recurring extra: a one-time charge, a total or a balance, a tax, a discount, the
#: plan's own price in another form (list, unit, before or after), an id, a date, a count.
_NOT_EXTRA = frozenset({
    "setup", "set", "onboarding", "installation", "install", "activation", "one", "once", "onetime", "einmalig",
    "shipping", "versand", "tax", "taxes", "vat", "mwst", "discount", "coupon", "rabatt", "total", "totals", "sum",
    "lifetime", "ltv", "balance", "spent", "paid", "due", "refund", "refunded", "credit", "credits", "deposit",
    "unbilled", "id", "count", "quantity", "qty", "rate", "percent", "pct", "currency", "date", "unit", "list",
    "original", "regular", "msrp", "compare", "old", "previous", "new", "before", "after", "gross", "net", "base",
    "mrr", "arr", "amount", "per", "interval", "cycle", "period", "trial", "late", "cancellation", "penalty", "name",
    "code", "type", "status", "description", "sku", "tier",
})  # fmt: skip


def _words(name: Any) -> list[str]:
    return [w for w in re.split(r"[^0-9a-zà-ÿ]+", str(name).lower()) if w]


def extra_price_columns(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns not used whose name says a recurring extra price (see the module docstring).

    >>> extra_price_columns(["amount", "Support Plan Price", "Setup Fee", "Extras", "Plan Price", "Lifetime Value"],
    ...                     {"amount": "amount"})
    ['Support Plan Price', 'Extras']
    """
    from .billing import BILLING_ALIASES
    from .billing_columns import add_on_columns
    from .names import keys_of

    used = {str(c) for c in names.values()}
    prices = {"amount", *BILLING_ALIASES["amount"]}  # the plan's own price ('Plan Price', 'Unit Price')
    add_ons = {str(c) for c in add_on_columns(columns, names)}  # refused as add-ons (reading.billing_columns)
    out = []
    for column in map(str, columns):
        words = _words(column)
        if column in used or column in add_ons or set(words) & _NOT_EXTRA or keys_of(column) & prices:
            continue
        if any(w.startswith(_EXTRA_WORDS) for w in words):
            out.append(column)
    return out


def refuse_extra_prices(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse a billing export with a recurring extra price beside its amount (see the module docstring)."""
    from .values import parse_numbers

    money = names.get("amount", names.get("mrr"))
    listed = list(map(str, df.columns))
    for column in extra_price_columns(listed, names):
        if listed.count(column) != 1:
            continue
        try:
            values = parse_numbers(df[column], source, column, allow_blank=True)
        except DataError:
            continue  # words ('Premium', 'yes'): no amount
        filled = ~np.isnan(values) & (values != 0)
        if money is not None and listed.count(str(money)) == 1:
            try:
                amount = parse_numbers(df[str(money)], source, str(money), allow_blank=True)
                filled &= ~(np.abs(values - amount) <= 0.005)  # the amount itself, written again
            except DataError:
                pass
        if filled.any():
            problem = (
                "prices beside the amount, which the subscription pays beside its plan (MRR = amount x quantity / "
                "months per interval takes one price a row): add them into the amount (per interval), or remove "
                "the column where they are not paid every interval (a one-time fee)"
            )
            raise bad_rows(source, column, problem, np.flatnonzero(filled), df[column].to_numpy())
