"""The currency column beside a money column, found alike by a file's reading and by the engines'.

:func:`~.smallest_units.minor_unit_divisors` reads whole amounts of Stripe's and Paddle's APIs in their currency's
smallest unit (2900 is 29.00 in ``usd``, 500 in ``jpy`` is 500): it needs the one column of the rows' currencies, named
so (``currency``, "Currency Code": :func:`~.smallest_units.currency_columns`), with a word of currency ("Currency ISO",
``plan_currency``) or, under any name, holding codes (``ccy`` of ``usd``). :mod:`xl_retention.relational.mirrors`
asks the same function with its engine's distinct values, so a table gives the MRR its file gives.

A column named so whose values are numbers (``currency_rate`` of 1.0 and 0.0067, a ``currency`` of 1.0: a rate, no
code) is no currency column: taken for one, it hid the codes of ``ccy`` beside it, and Stripe's 2900 cents were read
as 2,900.00 by the file's reading and the engines alike (H357's task 2).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

__all__ = ["money_currency_columns", "numbers_only", "other_currency_column", "values_of"]


def values_of(df: pd.DataFrame) -> Callable[[str], list[Any] | None]:
    """Some distinct values of a frame's column by its name, None for a column of numbers (no codes)."""

    def values(name: str) -> list[Any] | None:
        column = df[name]
        if pd.api.types.is_numeric_dtype(column.dtype):
            return None
        return list(pd.unique(column.dropna().to_numpy(dtype=object))[:100])

    return values


def _other_currency_column(df: pd.DataFrame) -> list[str]:
    return other_currency_column([str(c) for c in df.columns], values_of(df))


def other_currency_column(names: Sequence[str], values: Callable[[str], Sequence[Any] | None]) -> list[str]:
    """The one column of ``names`` of currency codes that :func:`currency_columns` does not find by its name: named
    with a word of currency (``plan_currency``, "Plan Currency", "Currency ISO", "Währung") or, without one, of codes
    alone, one of them a major currency's (``ccy``, ``cur`` of ``usd``); none where there are none or several.
    ``values(name)``: some of the column's distinct values, None for a column of numbers. Without it, a Stripe Sigma
    file's ``plan_amount`` 2900 beside ``plan_currency`` usd was read as 2,900.00, an MRR 100 times too high,
    silently (H234 finding 05). The file's reading and the engines' (:mod:`xl_retention.relational.mirrors`) both
    find the column here.

    >>> _other_currency_column(pd.DataFrame({"plan_amount": ["2900"], "plan_currency": ["usd"]}))
    ['plan_currency']
    >>> _other_currency_column(pd.DataFrame({"amount": ["2900"], "ccy": ["usd"], "status": ["new"]}))
    ['ccy']
    >>> _other_currency_column(pd.DataFrame({"amount": ["2900"], "status": ["all"]}))
    []
    >>> other_currency_column(["amount", "Currency ISO"], lambda c: ["EUR"])
    ['Currency ISO']
    >>> other_currency_column(["amount", "currency_rate"], lambda c: None)  # numbers: a rate
    []
    """
    from .currency import ISO_CODES, MAJOR_CODES, named_currency

    names = [str(c) for c in names]
    named = [c for c in names if named_currency(c) and names.count(c) == 1 and not numbers_only(values(c))]
    if named:
        return named if len(named) == 1 else []
    found = []
    for name in names:
        if names.count(name) != 1:
            continue
        some = values(name)
        if some is None:
            continue
        texts = [str(v).strip() for v in some]
        texts = [t for t in texts if t]
        if not texts or not all(re.fullmatch(r"[A-Za-z]{3}", t) for t in texts):
            continue
        codes = {t.upper() for t in texts}
        if codes <= ISO_CODES and codes & MAJOR_CODES:
            found.append(name)
    return found if len(found) == 1 else []


def money_currency_columns(names: Sequence[str], values: Callable[[str], Sequence[Any] | None]) -> list[str]:
    """The currency columns beside a money column whose cents :func:`minor_unit_divisors` tells: by their names
    (:func:`currency_columns`: ``currency``, "Currency Code"), else the one :func:`other_currency_column` finds.

    >>> money_currency_columns(["plan_amount", "Currency Code"], lambda c: ["usd"])
    ['Currency Code']
    >>> money_currency_columns(["plan_amount", "Currency ISO"], lambda c: ["usd"])
    ['Currency ISO']
    >>> money_currency_columns(["plan_amount", "currency", "ccy"], {"currency": ["1.0"], "ccy": ["usd"]}.get)
    ['ccy']
    """
    from .smallest_units import currency_columns

    return [c for c in currency_columns(names) if not numbers_only(values(c))] or other_currency_column(names, values)


#: A number as a file writes it (a rate, an amount): no currency's code.
_NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?")


def numbers_only(values: Sequence[Any] | None) -> bool:
    """Whether a column's values (some of its distinct ones; None: a column of numbers) are numbers, no codes.

    >>> numbers_only(None), numbers_only(["1.0", "0.0067", ""]), numbers_only(["usd", "1"]), numbers_only([])
    (True, True, False, False)
    """
    if values is None:
        return True
    texts = [t for t in (str(v).strip() for v in values if not pd.isna(v)) if t]
    return bool(texts) and all(_NUMBER.fullmatch(t) for t in texts)
