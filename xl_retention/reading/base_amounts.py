"""An amount's twin in one currency, for the refusal of amounts in two currencies (docs/metrics.md, "Currencies").

A multi-currency store writes each order's amount twice: as the customer paid it and in the store's base currency
(Magento's "Grand Total (Purchased)" beside "Grand Total (Base)"; ``base_grand_total`` beside ``grand_total``; a
report's "Total (Reporting currency)"). Where the amount mapped holds two currencies and such a twin holds one, the
refusal names the twin to map (as it names Stripe's "Converted Amount", :func:`~.currency.converted_hint`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .names import columns_option, words

__all__ = ["base_twin_hint"]

#: Words that say an amount is in the store's one currency, and words that say it is as the customer paid it.
_BASE = frozenset({"base", "converted", "settlement", "reporting", "account", "store", "shop"})
_AS_PAID = frozenset({"purchased", "paid", "presentment", "customer", "order", "display", "charged", "currency"})


def base_twin_hint(df: pd.DataFrame, money: str, currency_of: object) -> str:
    """``"; 'Grand Total (Base)' holds the amounts in one currency ($): import it with --columns ..."`` where a column
    named as the base-currency twin of ``money`` has values of one currency (or plain numbers); "" otherwise.
    ``currency_of(text)`` names a money text's currency.

    >>> from xl_retention.reading.currency import currency_of
    >>> frame = pd.DataFrame({"Grand Total (Base)": ["$100.00", "$50.00"], "Grand Total (Purchased)": ["$100", "€46"]})
    >>> base_twin_hint(frame, "Grand Total (Purchased)", currency_of)
    "; 'Grand Total (Base)' holds the amounts in one currency ($): import it with --columns 'amount=Grand Total (Base)'"
    """
    mine = words(money, whole=False) - _AS_PAID
    titles: Sequence[str] = [str(c) for c in df.columns]
    for name in titles:
        said = words(name, whole=False)
        if name == money or titles.count(name) != 1 or not said & _BASE or said - _BASE != mine or not mine:
            continue
        values = df[name]
        texts = values.dropna().astype(str).unique() if not pd.api.types.is_numeric_dtype(values.dtype) else []
        found = {c for t in texts if (c := currency_of(t)) is not None}  # type: ignore[operator]
        if len(found) <= 1:
            shown = f" ({next(iter(found))})" if found else ""
            return f"; {name!r} holds the amounts in one currency{shown}: import it with " + columns_option(
                [("amount", name)]
            )
    return ""
