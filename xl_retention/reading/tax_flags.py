"""Columns that say a subscription's amounts include tax, under any of the exports' names and values.

MRR is net of tax, and so is an orders file's revenue (docs/metrics.md). A column of the tax beside the amount is
read by :mod:`.taxes`; without one, a file that says its amounts include tax is refused here (:mod:`.taxes` asks,
where no column holds a tax), as each would count the tax as revenue:

* a column whose name says a tax and "included" or how it is applied (Stripe's price ``tax_behavior``
  ``inclusive``, Shopify's "Taxes Included" true, yes, ``incl``);
* a column of tax modes by its values: ``inclusive``, ``Tax Inclusive``, ``incl. tax`` (Xero's ``LineAmountTypes``,
  QuickBooks' "Amounts Are", "Tax Mode", ``tax_type``), and Paddle's ``tax_mode`` ``internal`` (the tax is in the
  price) under a name that says a tax;
* a flag whose name says prices with tax ("Prices include tax", "Tax incl.", ``TTC``, "Bruttopreis", "inkl. MwSt")
  holding yes/true/oui/ja;
* the money column's own name: "Price (incl. VAT)", "Prix TTC", "Preis brutto", ``mrr_incl_tax``; "Gross Amount",
  "Total", "Gesamtbetrag" beside a column of tax rates ("VAT Rate", "Steuersatz");
* a column named as before tax beside it, not used ("Nettobetrag" beside "Gesamtbetrag", "Net Total" beside
  "Total"), whose values are the amount less a tax rate's share wherever they differ (25,00 beside 29,75: 19 %).

Each is refused naming the column and its first row that says so, with the ways out: the amounts before tax, or a
column of the tax beside them. Values saying the amounts exclude tax (``exclusive``, ``external``, ``NoTax``) pass.
Paddle's ``tax_mode`` ``account_setting`` (the price follows the account's tax setting, either way) is refused too,
naming it: the file cannot tell gross from net.
Read on each column's distinct values (40 at most: :func:`~.order_columns.few_values`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import yes_no
from .errors import DataError, row_of, show, source_of
from .names import columns_option
from .names import words as _words
from .paypal_names import PAYPAL_GROSS
from .taxes import _TAX  # the words of a tax, as the tax amounts are named

__all__ = ["may_say_tax_included", "rate_columns", "refuse_tax_included"]

_INCLUDE = frozenset({"include", "includes", "included", "including", "inclusive", "incl", "inkl", "inclus",
                      "inclusa", "incluido", "incluida", "inbegriffen", "enthalten",
                      # 'Total (inc tax)', 'Total (inc GST)', 'Total with tax', 'Amount after tax', 'Total c/ IVA',
                      # 'Preis mit MwSt', 'avec TVA', 'con IVA', 'com IVA' (H200 finding 09)
                      "inc", "with", "after", "c", "con", "com", "mit", "avec"})  # fmt: skip
#: Tax-included in the names of Japanese and Chinese exports (税込金額, 含税金额), whose words are not split.
_GROSS_MARKS = ("税込", "含税", "含稅")
#: Values that say the amounts include tax (spelled: lower case, separators as ``_``).
_INCLUSIVE_VALUES = frozenset({"inclusive", "tax_inclusive", "taxinclusive", "incl_tax", "incl._tax",
                               "including_tax", "tax_included", "included", "ttc", "brutto", "gross", "inkl_mwst",
                               "inkl._mwst"})  # fmt: skip
#: Values of a tax mode that say the amounts exclude tax, or that no tax applies.
_EXCLUSIVE_VALUES = frozenset({"exclusive", "tax_exclusive", "taxexclusive", "excl_tax", "excluding_tax",
                               "excluded", "notax", "no_tax", "none", "exempt", "external", "ht", "netto",
                               "net"})  # fmt: skip
_YES = yes_no.TRUE
#: Paddle's price ``tax_mode``: ``internal`` is the tax in the price, ``external`` added to it.
_PADDLE_INCLUSIVE = frozenset({"internal"})
#: Paddle's price ``tax_mode`` ``account_setting``: the tax in the price or added to it, as the account's setting
#: says, which the file does not.
_PADDLE_ACCOUNT = frozenset({"account_setting"})
#: Words beside a tax's in the name of a column of how the tax is applied (Stripe's price ``tax_behavior``): its
#: values ``inclusive``, yes/true (:data:`_YES`) or ``incl`` say the amounts include the tax.
_BEHAVIOR = frozenset({"behavior", "behaviour"})


def _gross_words(words: set[str]) -> bool:
    """Whether a name's words say with tax: TTC, brutto (and German compounds: Bruttopreis), a tax and included."""
    return "ttc" in words or any(w.startswith("brutto") for w in words) or bool(words & _TAX and words & _INCLUDE)


def _gross_named(name: Any) -> bool:
    """Whether the money column ``name`` says with tax: by its words (:func:`_gross_words`), "gross", or a Japanese
    or Chinese mark of a tax-included amount.

    >>> [_gross_named(n) for n in ("Total (inc tax)", "Total with tax", "税込金額", "Total", "Amount (ex tax)")]
    [True, True, True, False, False]
    """
    words = _words(name)
    return _gross_words(words) or "gross" in words or _marked(name)


def _marked(name: Any) -> bool:
    """Whether ``name`` holds a Japanese or Chinese mark of a tax-included amount (:data:`_GROSS_MARKS`)."""
    return any(mark in str(name) for mark in _GROSS_MARKS)


def modes_named(words: set[str]) -> bool:
    """Whether a name's words say how amounts are given (Xero's ``LineAmountTypes``, QuickBooks' "Amounts Are")."""
    return bool(words & {"mode", "are", "types", "lineamounttypes"})


def _rate_named(words: set[str]) -> bool:
    """Whether a name's words say a tax rate: "VAT Rate", ``tax_rate``, "MwSt-Satz", and German compounds
    ("Steuersatz", "Mehrwertsteuersatz")."""
    compound = any(w.endswith("satz") and w.startswith(("steuer", "mwst", "ust", "umsatzsteuer", "mehrwertsteuer"))
                   for w in words)  # fmt: skip
    return compound or bool(words & _TAX and words & _RATE)


#: Words beside a tax's that make its column a rate ("VAT Rate", "Tax Percent", "MwSt-Satz", "taux de TVA").
_RATE = frozenset({"rate", "rates", "satz", "taux", "tasa", "%", "percent", "percentage", "pct", "prozent",
                   "pourcentage", "porcentaje", "percentuale", "aliquota", "tarief"})  # fmt: skip


def rate_columns(columns: Any, names: Mapping[str, str]) -> list[str]:
    """The columns not used (``names``: ours -> theirs) whose name says a tax rate: never a quantity of seats.

    >>> rate_columns(["Price", "MwSt-Satz", "Tax Percent", "VAT rate", "Steuersatz", "VAT", "Seats"], {})
    ['MwSt-Satz', 'Tax Percent', 'VAT rate', 'Steuersatz']
    """
    used = {str(c) for c in names.values()}
    return [str(c) for c in columns if str(c) not in used and _rate_named(_words(c))]


def _rates(values: pd.Series) -> np.ndarray:
    """A column of tax rates as numbers (``19``, ``'19 %'``, ``'7,5'``, ``0.19``; NaN where none)."""
    text = values.astype(object).map(lambda v: str(v).replace("%", "").replace(",", ".").strip())
    return pd.to_numeric(text, errors="coerce").to_numpy(dtype=np.float64)


def _refuse_rate_beside(
    df: pd.DataFrame, names: Mapping[str, str], money: str, source: str, what: str, decimal: str | None
) -> None:
    """Refuse an amount beside an unused column of tax rates ("VAT rate", "Tax Percent", "MwSt-Satz") holding a rate
    above 0 on a row with an amount, unless the amount's name says before tax (net): whether the amount includes
    the tax (gross: 119 at 19 % is 100) or not (net) cannot be told, and a rate is never seats."""
    from .taxes import _NET
    from .taxes import _numbers as numbers

    own = _words(money)
    listed = list(map(str, df.columns))
    if own & _NET or _net_named(own) or listed.count(str(money)) != 1:
        return
    amounts = None
    for column in rate_columns(df.columns, names):
        if listed.count(column) != 1:
            continue
        if amounts is None:
            amounts = numbers(df[str(money)], source, str(money), decimal)
            if amounts is None:
                return
        rates = _rates(df[column])
        rows = np.flatnonzero(np.isfinite(rates) & (rates > 0) & np.isfinite(amounts) & (amounts != 0))
        if not rows.size:
            continue
        first = int(rows[0])
        raise DataError(
            f"{source}: column {column!r} holds tax rates ({row_of(source_of(df, source), first)}: "
            f"{show(df[column].iloc[first])} beside {money!r} {show(df[str(money)].iloc[first])}) and {money!r} does "
            f"not say whether it includes the tax (gross) or not (net); {what} is net of tax: give the amounts "
            f"before tax ({columns_option([('amount' if 'amount' in names else 'mrr', 'NAME')])}) or name the column "
            "so ('Price (net)'); a rate is no quantity",
            source=source,
            column=column,
        )


def _total_named(words: set[str]) -> bool:
    """Whether a name's words say an amount with the tax in it ("Gross Amount", "Total", "Gesamtbetrag",
    "Amount Due"), and none says before tax ("Net Total", "Subtotal")."""
    from .taxes import _GROSS, _NET

    gross = bool(words & _GROSS) or any(w.startswith(("gesamt", "brutto")) for w in words)
    return gross and not words & _NET and not any(w.startswith("netto") for w in words)


def _net_named(words: set[str]) -> bool:
    """Whether a name's words say an amount before tax ("Net Total", "Nettobetrag", "Amount (net)"), not a tax, a
    rate, a shipping cost, a fee or a count."""
    net = "net" in words or any(w.startswith("netto") for w in words)
    other = words & _TAX or words & {"rate", "rates", "fee", "fees", "shipping", "id", "qty", "quantity", "units"}
    return net and not other


def _refuse_net_beside(df: pd.DataFrame, money: str, source: str, what: str, decimal: str | None) -> None:
    """Refuse an amount beside an unused column named as before tax ('Gesamtbetrag' beside 'Nettobetrag', 'Total'
    beside 'Net Total') whose values are the amount less a tax rate's share in every row where they differ (29,75
    beside 25,00: 19 %): the amount includes tax, and the column that does not is left unread."""
    from .taxes import RATES
    from .taxes import _numbers as numbers

    listed = list(map(str, df.columns))
    if listed.count(str(money)) != 1 or not _total_named(_words(money)) and _net_named(_words(money)):
        return
    amounts = None
    for column in listed:
        if column == str(money) or listed.count(column) != 1 or not _net_named(_words(column)):
            continue
        net = numbers(df[column], source, column, decimal)
        if net is None:
            continue
        if amounts is None:
            amounts = numbers(df[str(money)], source, str(money), decimal)
            if amounts is None:
                return
        told = np.isfinite(net) & np.isfinite(amounts)
        rows = np.flatnonzero(told & (np.abs(amounts - net) > 0.0051))
        if not rows.size:
            continue
        taxed = (np.abs(amounts[rows, None] - net[rows, None] * (1 + RATES)) <= 0.0051).any(axis=1)
        if not taxed.all():
            continue  # a fee or a discount between them (PayPal's 'Gross' and 'Net'), not a tax
        first = int(rows[0])
        raise DataError(
            f"{source}: column {column!r} holds {money!r} less a tax ({row_of(source_of(df, source), first)}: "
            f"{show(df[column].iloc[first])} beside {show(df[str(money)].iloc[first])}) and is not used; {what} is "
            "net of "
            f"tax: map it ({columns_option([('amount', column)])}), or give the amounts before tax",
            source=source,
            column=column,
        )


def may_say_tax_included(columns: Any, names: Mapping[str, str]) -> bool:
    """Whether a column not used could say the amounts include tax by its name or values (the SQL engines then read
    the table as a file's).

    >>> may_say_tax_included(["Customer", "Amount", "LineAmountTypes"], {"amount": "Amount"})
    True
    >>> may_say_tax_included(["Customer", "Amount", "Plan"], {"amount": "Amount"})
    False
    """
    money = names.get("amount", names.get("mrr"))
    if money is not None and _gross_named(money):
        return True
    used = {str(c) for c in names.values()}
    for column in map(str, columns):
        words = _words(column)
        if column not in used and (_gross_words(words) or words & {"mode", "are", "types", "inclusive"}):
            return True
        if column not in used and (_rate_named(words) or _net_named(words)):  # a rate or a net amount beside it
            return True
    return False


def _spelled(values: np.ndarray) -> np.ndarray:
    return np.asarray([re.sub(r"[\s\-]+", "_", str(v).strip().lower()) for v in values], dtype=object)


def _numbers(df: pd.DataFrame, column: str, source: str, decimal: str | None) -> bool:
    """Whether ``column`` of ``df`` holds numbers (a tax amount, 0 included), not words (a flag: "yes") nor only
    blanks (a tax the export left out: the amounts may still include one)."""
    from .taxes import _numbers as numbers

    if list(map(str, df.columns)).count(column) != 1:
        return False
    found = numbers(df[column], source, column, decimal)
    return found is not None and bool(np.isfinite(found).any())


def _refuse_account_setting(
    df: pd.DataFrame, position: int, said: np.ndarray, money: str, source: str, what: str
) -> None:
    """Refuse a column of tax modes holding Paddle's ``account_setting`` (the price follows the account's tax
    setting: the tax in it or added to it), naming its first row: whether ``money`` is gross or net cannot be told
    from the file."""
    from ._distinct import text_codes

    if not np.isin(said, list(_PADDLE_ACCOUNT)).any():
        return
    column = str(df.columns[position])
    codes, texts = text_codes(df.iloc[:, position])
    hit = np.isin(_spelled(texts), list(_PADDLE_ACCOUNT))[codes]
    row = int(np.flatnonzero(hit)[0]) if hit.any() else 0
    raise DataError(
        f"{source}: column {column!r} says {texts[codes[row]]!r} ({row_of(source_of(df, source), row)}): the price "
        f"follows the Paddle account's tax setting, which the file does not say, so whether {money!r} includes tax "
        f"(gross) or not (net) cannot be told; {what} is net of tax: if the account's prices exclude tax, write "
        f"'external' in those cells; if they include it, give the amounts before tax "
        f"({columns_option([('amount', 'NAME')])}) or a column of the tax beside them",
        source=source,
        column=column,
    )


def refuse_tax_included(
    df: pd.DataFrame, names: Mapping[str, str], source: str, what: str = "MRR", decimal: str | None = None
) -> None:
    """Refuse a file whose amounts include tax by a column of the exports' own (see the module docstring), when no
    column of the tax is beside them (:mod:`.taxes` reads those, and asks this where none holds a tax: the one check
    of a subscriptions or an orders file; ``what``: the figure the message names, ``decimal``: the file's).

    >>> df = pd.DataFrame({"Amount": ["120"], "LineAmountTypes": ["Inclusive"]})
    >>> try:
    ...     refuse_tax_included(df, {"amount": "Amount"}, "s.csv")
    ... except DataError as error:
    ...     print(str(error)[:80].rstrip())
    s.csv: column 'LineAmountTypes' says 'Amount' includes tax (row 2: 'Inclusive')
    """
    from ._distinct import text_codes
    from .order_columns import few_values  # by the column's Arrow encoding, hashed once
    from .taxes import tax_columns

    money = names.get("amount", names.get("mrr"))
    if money is None or any(_numbers(df, c, source, decimal) for c in tax_columns(df.columns, names)):
        return  # a column of the tax: read by reading.taxes
    ways = (
        f"and no column holds the tax; {what} is net of tax: give the amounts before tax "
        f"({columns_option([('amount', 'NAME')])}), or a column of the tax beside them"
    )
    used = {str(c) for c in names.values()}
    listed = list(map(str, df.columns))
    rates = [c for c in listed if _rate_named(_words(c))]
    own = _words(money)
    paypal = str(money) == df.attrs.get(PAYPAL_GROSS)  # PayPal's 'Brutto': before its fee (reading.paypal_names)
    # 'Gross Amount', 'Total', 'Gesamtbetrag' beside a rate
    if not paypal and (_gross_words(own) or _marked(money) or (_total_named(own) and rates)):
        raise DataError(
            f"{source}: {money!r} says by its name that it includes tax{f' (beside {rates[0]!r})' if rates else ''} "
            f"{ways}",
            source=source,
            column=str(money),
        )
    _refuse_net_beside(df, money, source, what, decimal)
    net_said = False  # a column of tax modes saying the amounts exclude tax (Xero's 'Exclusive', Paddle's 'external')
    for position, column in enumerate(listed):
        if column in used or listed.count(column) != 1:
            continue
        words = _words(column)
        values = few_values(df.iloc[:, position])
        if values is None or not values.size:
            continue
        said = _spelled(values)
        inclusive = np.isin(said, list(_INCLUSIVE_VALUES))
        inclusive |= np.asarray([v.startswith(("tax_inclusive", "inclusive")) for v in said], dtype=bool)
        if words & _TAX:
            inclusive |= np.isin(said, list(_PADDLE_INCLUSIVE))
        if _gross_words(words) or "gross" in words or (words & _TAX and words & _BEHAVIOR):
            inclusive |= np.isin(said, list(_YES | {"incl"}))  # 'Taxes Included' true, 'Tax Behavior' incl
        if not inclusive.any() and words & _TAX:
            _refuse_account_setting(df, position, said, money, source, what)
        if not inclusive.any():
            told = said[said != ""]
            net_said |= bool(words & _TAX or modes_named(words)) and told.size > 0 and np.isin(
                told, list(_EXCLUSIVE_VALUES)).all()  # fmt: skip
            continue
        modes = np.isin(said, list(_INCLUSIVE_VALUES | _EXCLUSIVE_VALUES | _PADDLE_INCLUSIVE | _YES))
        if not (words & _TAX or _gross_words(words) or modes.all()):
            continue  # 'Inclusive' among other words of a column about something else
        codes, texts = text_codes(df.iloc[:, position])  # the first row saying so, by the distinct values
        hit = np.isin(_spelled(texts), said[inclusive])[codes]
        row = int(np.flatnonzero(hit)[0]) if hit.any() else 0
        where = row_of(source_of(df, source), row)
        raise DataError(
            f"{source}: column {column!r} says {money!r} includes tax ({where}: {texts[codes[row]]!r}) {ways}",
            source=source,
            column=column,
        )
    if not net_said:  # 'VAT rate' 19 beside 'Price': gross or net? (a rate is never seats)
        _refuse_rate_beside(df, names, money, source, what, decimal)
