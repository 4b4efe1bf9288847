"""A trial's row priced 0.00 (``$0.00``, ``0,00 €``): it adds nothing, so it is not refused as a trial's price.

Moved from :mod:`.preparation` (its length) with no change of behaviour.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from .columns import ReadOptions
from .errors import DataError
from .values import parse_numbers

__all__ = ["priced_zero"]


def priced_zero(df: pd.DataFrame, names: Mapping[str, str], source: str, options: ReadOptions) -> np.ndarray | None:
    """The rows whose price (the amount per interval, else the MRR) reads 0: a trial's row priced 0.00 adds nothing,
    so it is not refused as a trial; None when the price cannot be read here (its own refusal comes when it is)."""
    money = names.get("amount", names.get("mrr"))
    if money is None or money not in df.columns:
        return None

    def zero(values: pd.Series) -> np.ndarray:
        return parse_numbers(values, source, money, decimal=options.decimal, allow_blank=True) == 0

    try:
        return zero(df[money])
    except DataError:  # '$0.00' beside '8,99 €' (mixed marks, refused later): each value read alone
        codes, distinct = pd.factorize(df[money].astype(object))
        said = np.array([_or_false(zero, v) for v in distinct] + [False], dtype=bool)  # code -1 (blank): last
        return said[codes]


def _or_false(zero: Callable[[pd.Series], np.ndarray], value: object) -> bool:
    try:
        return bool(zero(pd.Series([value], dtype=object))[0])
    except DataError:
        return False
