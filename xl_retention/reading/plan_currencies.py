"""Currencies said only in a plan's or price's id or name: "pro-USD-Monthly", "pro_monthly_eur", "Pro (EUR)".

Chargebee's Product Catalog 2.0 names one item price per currency and period (``pro-USD-Monthly``,
``pro-EUR-Monthly``), Stripe's lookup keys and nicknames often end with the currency (``pro_monthly_eur``), and a
hand-kept plan column says it in brackets (``Pro (EUR)``). Without a currency column, their amounts in USD, EUR and
JPY were added up as one currency. A plan, price, item, product, SKU, lookup key or nickname column whose values say
two or more major currencies (:data:`~.currency.MAJOR_CODES`, as a word of their own) is refused as a currency
column of two currencies is, naming the column, the codes and a row of each (:func:`check_plan_currencies`); one
currency throughout passes. Where the file has a currency column, that column decides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import factorize
from .currency import segment_said
from .errors import DataError, bad_rows

__all__ = ["check_plan_currencies", "plan_columns", "said_currency"]

#: Words of a column's name that make it a plan's or price's id or name.
_PLAN_WORDS = frozenset({"plan", "plans", "price", "item", "product", "sku", "lookup", "nickname", "tier", "package",
                         "offer", "variant", "edition"})  # fmt: skip
#: Lower-case words that are ordinary words more often than currencies in a plan's name.
_WORDS_NOT_CODES = frozenset({"try", "rub", "aud"})


def said_currency(value: Any) -> str | None:
    """The one major currency a plan's id or name says as a word of its own, None for none or several.

    >>> [said_currency(v) for v in ("pro-USD-Monthly", "pro_monthly_eur", "Pro (EUR)", "Try Pro", "EUR to USD", 7)]
    ['USD', 'EUR', 'EUR', None, None, None]
    """
    from .currency import MAJOR_CODES

    if not isinstance(value, str):
        return None
    words = [w for w in re.split(r"[^A-Za-z]+", value) if len(w) == 3]
    ordinary = {w for w in words if not w.isupper() and w.lower() in _WORDS_NOT_CODES}  # 'Try Pro', not TRY
    codes = {w.upper() for w in words if w.upper() in MAJOR_CODES and w not in ordinary}
    return codes.pop() if len(codes) == 1 else None


def plan_columns(columns: list[str], names: Mapping[str, str], segment: str | None) -> list[str]:
    """The columns of ``columns`` that may say a plan's or price's currency: named with a word of :data:`_PLAN_WORDS`,
    not read (``names``), not the ``segment`` the tables are split by.

    >>> plan_columns(["Customer", "Plan", "Product Name", "Amount"], {"customer_id": "Customer"}, None)
    ['Plan', 'Product Name']
    """
    from .names import key
    from .order_columns import name_words as _words

    used = {str(c) for c in names.values()}
    return [c for c in columns if c not in used and not (segment is not None and key(segment) == key(c))
            and set(_words(c)) & _PLAN_WORDS]  # fmt: skip


def check_plan_currencies(df: pd.DataFrame, source: str, names: dict[str, str], segment: str | None) -> None:
    """Refuse a plan or price column whose values say two currencies (see the module docstring), unless the file has
    a currency column, the amount's name says its currency, or the tables are split by that column (``segment``)."""
    from .currency import codes_column, named_code, named_currency

    money = names.get("amount", names.get("mrr"))
    if money is not None and named_code(money) is not None:
        return
    columns = list(map(str, df.columns))
    if any(named_currency(c) and c != money and not _numeric(df.iloc[:, i]) for i, c in enumerate(columns)):
        return  # a currency column (codes); not the amount named with the word (price_in_purchased_currency)
    planned = set(plan_columns(columns, names, segment))
    for position, name in enumerate(columns):
        if name not in planned:
            continue
        column = df.iloc[:, position]
        if pd.api.types.is_numeric_dtype(column.dtype):
            continue
        codes, distinct = factorize(column)
        if codes_column(list(distinct)):
            return  # the column is itself a currency column: reading.currency decides
        said = [said_currency(v) for v in distinct]
        first: dict[str, int] = {}
        for i, code in enumerate(said):
            if code is not None:
                first.setdefault(code, i)
        if len(first) > 1:
            rows = [int(np.flatnonzero(codes == i)[0]) for i in first.values()]
            listing = ", ".join(first)
            problem = f"prices in {len(first)} currencies ({listing}) said in its values"
            error = bad_rows(source, name, problem, rows, column.to_numpy())
            remedy = (
                "; amounts are added up: convert them to one currency first, or add a currency column (the code of "
                f"each row) and import one currency at a time ({segment_said('currency=EUR')})"
            )
            raise DataError(str(error) + remedy, source=source, column=name, rows=error.rows,
                            row_count=error.row_count)  # fmt: skip


def _numeric(column: pd.Series) -> bool:
    """Whether a column holds numbers (an amount such as RevenueCat's ``price_in_purchased_currency``, a rate), not
    currency codes: typed so, or written so in a file (``currency_rate`` of "1.0", "0.0067": H357's task 2).

    >>> _numeric(pd.Series(["1.0", "0.0067"])), _numeric(pd.Series(["USD", "JPY"])), _numeric(pd.Series([None]))
    (True, False, False)
    """
    from .money_currencies import numbers_only

    if pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
        return True
    return numbers_only(list(pd.unique(column.dropna().to_numpy(dtype=object))[:100]))
