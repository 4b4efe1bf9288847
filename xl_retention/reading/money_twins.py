"""Two columns of one amount, one of them in a stated currency: which to use cannot be told from the names.

Revenue tools export each customer's MRR in its own currency next to the MRR converted into one ("MRR" beside
"MRR (USD)", "Converted MRR", ``mrr_eur``, "MRR (reporting currency)"); shops an order's total beside its total
in the shop's currency ("Total" and "Total (EUR)"). Taking the plain column by its name (``mrr``) would add 100
USD and 5,000 JPY as 5,100 with nothing to tell the user. So when the money column was found by its name (not
mapped) and another column is named as it is plus only words of a currency (an ISO code, "converted", "base",
"reporting", "local", ...), the file is refused, naming both and how to choose. A file with a currency column is
left to the currency checks (:mod:`.currency`: two currencies in it are refused, naming the converted column).
A column so named whose values are currency codes (``mrr_currency`` of ``USD``, Salesforce's "Amount Currency") is
that currency column, no twin: the currency checks read it (H527 finding 01).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .currency import ISO_CODES, named_currency
from .errors import DataError
from .names import columns_option, words

__all__ = ["check_money_twins"]

#: ISO 4217 codes of the currencies in use (a word of a column's name that is one says the column's currency), but
#: those that are English words ("MRR all", "Top amount").
CURRENCY_CODES = frozenset(c.lower() for c in ISO_CODES) - {
    "all", "top", "try", "cup", "mop", "bam", "gel", "sos", "pen", "mad", "bob"
}  # fmt: skip
#: Words that say an amount's currency rather than another amount ("Converted MRR", "MRR in base currency").
_CURRENCY_QUALIFIERS = frozenset({
    "converted", "conversion", "base", "reporting", "report", "home", "local", "original", "native", "account",
    "company", "functional", "presentment", "settlement", "normalized", "normalised", "fx", "in", "currency", "ccy",
})  # fmt: skip
_WHAT = {"mrr": "MRR", "amount": "amount"}


def _words(name: Any) -> frozenset[str]:
    """A name's words, camel case split (:func:`~.names.words`: "ConvertedMRR" is converted, mrr)."""
    return frozenset(words(name, whole=False))


def money_twins(names: Sequence[Any], money: str) -> list[str]:
    """The columns of ``names`` named as ``money`` is plus only words of a currency.

    >>> money_twins(["customer_id", "MRR", "MRR (USD)", "Converted MRR", "mrr_eur", "New MRR", "MRR change"], "MRR")
    ['MRR (USD)', 'Converted MRR', 'mrr_eur']
    >>> money_twins(["MRR", "ConvertedMRR", "mrrUsd", "NewMRR"], "MRR")
    ['ConvertedMRR', 'mrrUsd']
    >>> money_twins(["Amount", "Converted Amount Refunded", "Amount Refunded"], "Amount")
    []
    """
    own = _words(money)
    twins = []
    for name in names:
        words = _words(name)
        if str(name) != str(money) and own < words and words - own <= CURRENCY_CODES | _CURRENCY_QUALIFIERS:
            twins.append(str(name))
    return twins


def codes_only(values: Sequence[object]) -> bool:
    """Whether the ``values`` of a column (blanks left out) are all currency codes, one at least.

    >>> codes_only(["USD", " usd", None, ""]), codes_only(["USD", "12.00"]), codes_only([None, ""]), codes_only([1])
    (True, False, False, False)
    """
    import pandas as pd

    said = {str(v).strip().upper() for v in values if not (pd.api.types.is_scalar(v) and pd.isna(v))} - {""}
    return bool(said) and said <= ISO_CODES


def check_money_twins(
    names: Sequence[Any],
    found: Mapping[str, str],
    columns: Mapping[str, str],
    source: str,
    values: Callable[[str], Sequence[object]] | None = None,
) -> None:
    """Refuse a money column found by its name (``found``: ours -> theirs; not in the column map ``columns``) beside
    a column of the same amount in a stated currency (:func:`money_twins`), unless a currency column is there. A
    twin whose ``values`` (its distinct values, by name) are currency codes is a currency column, no twin."""
    for ours in ("mrr", "amount"):
        money = found.get(ours)
        if money is None or ours in columns:
            continue
        twins = money_twins(names, money)
        if values is not None:  # 'mrr_currency' of USD: the MRR's currency, read by the currency checks
            twins = [t for t in twins if not codes_only(values(t))]
        if not twins:
            continue
        if any(named_currency(n) and str(n) not in twins for n in names):  # the currency checks tell
            continue
        what = _WHAT[ours]
        raise DataError(
            f"{source}: {money!r} and {twins[0]!r} both hold the {what}: {twins[0]!r} in one currency, {money!r} "
            f"perhaps in each customer's own (then adding them mixes currencies); which to use cannot be told: "
            f"map one, {columns_option([(ours, twins[0])])} (or {columns_option([(ours, money)])} if it is in one "
            f"currency)",
            source=source,
            column=twins[0],
        )
