"""Currencies: money columns are summed, so amounts in two currencies in one table are refused.

A money column (``mrr``, ``amount``) is read as numbers with its currency symbols and codes
dropped (:func:`~.values.parse_numbers`); before that, :func:`check_one_currency` reads which
currency each distinct value names: an ISO code before or after the number (``100 EUR``,
``USD 100``), else a symbol (``€`` is EUR, ``£`` GBP, ``₹`` INR, ...; ``$`` is a dollar of some
country: it goes with one dollar code, ``USD``, ``CAD``, ... in the same column). Values without
either are of no stated currency and go with any. Two currencies in one column, or a currency
column (``currency``, ``currency_code``, Stripe's "Plan Currency", ...; :data:`CURRENCY_COLUMNS`, also after a
Chargebee prefix; or a name with a word that says currency, "Transaction Currency", "Währung", whose values are
three-letter codes: :func:`named_currency`) with two values, are refused naming the column, the currencies and a
row of each, with the remedy: convert to one currency first, or import one currency at a time (``--segment
currency=EUR``). A table split by its currency column (``--segment currency``) is allowed: each
segment is summed in its own currency.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._distinct import distinct, factorize
from .errors import ColumnValues, DataError, bad_rows

__all__ = [
    "CURRENCY_COLUMNS",
    "check_currency_column",
    "check_one_currency",
    "currency_of",
    "named_currency",
    "paired_currency",
]

#: Names of a currency column (as :func:`~xl_retention.reading.key` spells them).
CURRENCY_COLUMNS: tuple[str, ...] = (
    "currency",
    "currency_code",
    "currency_iso",
    "plan_currency",  # Stripe
    "subscription_currency",
    "billing_currency",
    "presentment_currency",  # Shopify
    "order_currency",
    "price_currency",
    "converted_currency",  # Stripe: the currency of "Converted Amount"
    "settlement_currency",
)

_SYMBOLS = {"€": "EUR", "£": "GBP", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₫": "VND",
            "฿": "THB", "₴": "UAH", "₦": "NGN", "¥": "¥", "$": "$", "₱": "PHP", "₡": "CRC", "₲": "PYG", "₸": "KZT",
            "₼": "AZN", "₾": "GEL",
            # local symbols of several letters, as localised exports write them (Shopify in pt-BR: "R$ 1.234,56")
            "R$": "BRL", "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
            "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "MX$": "MXN", "zł": "PLN", "Kč": "CZK", "Ft": "HUF",
            "RM": "MYR", "Rp": "IDR", "Fr.": "CHF", "kr": "kr", "kr.": "kr", "Kr": "kr", "Kr.": "kr", "Rs": "Rs",
            "Rs.": "Rs"}  # fmt: skip
#: The symbols as a pattern, longest first (``R$`` before ``$``); letters only where no letter is next to them.
SYMBOL_PATTERN = "|".join(
    re.escape(s) if not s[0].isalpha() else rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])"
    for s in sorted(_SYMBOLS, key=len, reverse=True)
)
_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")
_SYMBOL = re.compile(SYMBOL_PATTERN)
_DIGIT = re.compile(r"\d")


def currency_of(text: str) -> str | None:
    """The currency a money text names: its ISO code, else its symbol (``€`` -> ``EUR``), else None.

    >>> [currency_of(t) for t in ("€1.234,50", "100 usd", "USD 100", "$5", "C$ 5 CAD", "12.5", "R$ 5", "5 kr")]
    ['EUR', None, 'USD', '$', 'CAD', None, 'BRL', 'kr']
    """
    if not _DIGIT.search(text):
        return None
    codes = set(_CODE.findall(text))
    if len(codes) == 1:
        return codes.pop()
    if codes:
        return "/".join(sorted(codes))
    symbol = _SYMBOL.search(text)
    return _SYMBOLS[symbol.group()] if symbol else None


def _merged(found: dict[str, str]) -> list[str]:
    """The currencies of a column; ``$`` goes with one dollar code (``USD``, ``CAD``, ...), ``¥`` with JPY or CNY,
    ``kr`` with one krona or krone (SEK, NOK, DKK, ISK), ``Rs`` with one rupee (INR, PKR, LKR, NPR)."""
    names = set(found)
    for sign, codes in (
        ("$", {c for c in names if c.endswith("D") and len(c) == 3}),
        ("¥", names & {"JPY", "CNY"}),
        ("kr", names & {"SEK", "NOK", "DKK", "ISK"}),
        ("Rs", names & {"INR", "PKR", "LKR", "NPR"}),
    ):
        if sign in names and len(codes) == 1:
            names.discard(sign)
    return [name for name in found if name in names]  # in order of first appearance


def check_one_currency(series: pd.Series, source: str, column: str) -> None:
    """Refuse a money column whose values name two currencies (see the module docstring).

    >>> check_one_currency(pd.Series(["$100.00", "€100.00"]), "s.csv", "mrr")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'mrr': amounts in 2 currencies ($, EUR) ...
    """
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return
    texts = distinct(series)  # Arrow's unique (a CSV's column): no codes unless refused
    uniques = texts.to_pylist() if texts is not None else list(pd.unique(series))
    found: dict[str, str] = {}  # currency -> its first distinct value
    for value in uniques:
        if isinstance(value, str):
            currency = currency_of(value)
            if currency is not None:
                found.setdefault(currency, value)
    currencies = _merged(found)
    if len(currencies) > 1:
        rows = [int(np.flatnonzero((series == found[c]).to_numpy(dtype=bool, na_value=False))[0]) for c in currencies]
        problem = f"amounts in {len(currencies)} currencies ({', '.join(currencies)})"
        raise _refusal(source, column, problem, rows, series)


def paired_currency(names: Sequence[object], money: str | None) -> list[str]:
    """The currency columns of ``names`` that go with the money column ``money``, by their names: Stripe's
    "Converted Currency" with "Converted Amount", "Currency" with "Amount" (the words before ``amount`` and before
    ``currency`` alike); empty when none does.

    >>> names = ["Amount", "Currency", "Converted Amount", "Converted Currency"]
    >>> paired_currency(names, "Converted Amount"), paired_currency(names, "Amount"), paired_currency(names, "Total")
    (['Converted Currency'], ['Currency'], [])
    """
    from .names import key

    if money is None or "amount" not in key(money):
        return []
    prefix = key(money).split("amount")[0]
    return [str(n) for n in names if key(n) == prefix + "currency"]


#: Words that make a column's name say currency (as :func:`~xl_retention.reading.key` spells them): English, German,
#: French, Spanish, Italian, Portuguese, Polish. Such a column is a currency column when its values are codes.
_CURRENCY_WORDS = frozenset(
    {"currency", "währung", "wahrung", "devise", "moneda", "valuta", "divisa", "moeda", "waluta"}
)


def named_currency(name: object) -> bool:
    """Whether a column's name says it holds currencies: one of :data:`CURRENCY_COLUMNS` (also after a Chargebee
    prefix: ``subscriptions.currency_code``), or a word of it says currency ("Transaction Currency",
    ``Account.Currency``, "Currency (ISO)", "Währung").

    >>> [named_currency(n) for n in ("subscriptions.currency_code", "Account.Currency", "Währung", "Plan", "cur")]
    [True, True, True, False, False]
    """
    from .names import key, keys_of

    if keys_of(name) & set(CURRENCY_COLUMNS):
        return True
    return bool(set(re.split(r"[_.()\s]+", key(name))) & _CURRENCY_WORDS)


def check_currency_column(df: pd.DataFrame, source: str, segment: str | None = None, money: str | None = None) -> None:
    """Refuse a table whose currency column (:data:`CURRENCY_COLUMNS`) holds two currencies, unless the
    tables are split by that column (``segment``, as ``--segment`` names it). With the money column ``money``
    that one currency column goes with by name (:func:`paired_currency`: "Converted Currency" for Stripe's
    "Converted Amount"), only that one is checked: the others are the currencies of amounts not used."""
    from .names import key, keys_of

    paired = paired_currency(list(df.columns), money)
    for name in df.columns:
        if not named_currency(name) or (segment is not None and key(segment) == key(name)):
            continue
        if paired and str(name) not in paired:
            continue
        values = df[name]
        codes, uniques = factorize(values)
        spelled = [str(u).strip().upper() for u in uniques]
        if not keys_of(name) & set(CURRENCY_COLUMNS) and not all(re.fullmatch(r"[A-Z]{3}|", t) for t in spelled):
            continue  # a name that only mentions currency ("Currency Rate"), its values not codes
        first: dict[str, int] = {}
        for i, text in enumerate(spelled):
            if text:
                first.setdefault(text, i)
        if len(first) > 1:
            rows = [int(np.flatnonzero(codes == i)[0]) for i in first.values()]
            problem = f"{len(first)} currencies ({', '.join(first)})"
            raise _refusal(source, str(name), problem, rows, values, segment=str(name))


def _refusal(source: str, column: str, problem: str, rows: Sequence[int], values: pd.Series,
             segment: str | None = None) -> DataError:  # fmt: skip
    """The refusal naming the rows (a row of each currency), with the remedy."""
    error = bad_rows(source, column, problem, rows, ColumnValues(values))
    if segment is None:
        how = "with a currency column: --segment currency=EUR"
    else:
        how = f"--segment {segment}={str(values.iloc[rows[-1]]).strip()}"
    remedy = f"; amounts are added up: convert them to one currency first, or import one currency at a time ({how})"
    return DataError(str(error) + remedy, source=source, column=column, rows=error.rows, row_count=error.row_count)
