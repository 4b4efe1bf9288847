"""Amounts of another kind that an order's amount may hold (import duties, tips): the columns' values read, and the
rows where they and the amount are both there (:func:`amounts_inside`), the opening of :func:`.duties.net_of_duties`
and :func:`.tips.net_of_tips`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Inside", "amounts_inside"]


@dataclass(frozen=True)
class Inside:
    """The columns of one kind of amount beside an order's ``amount``.

    Attributes:
        read: each column's values (blank as 0), by the column's name.
        part: their sum in each row.
        amount: the order's amount in each row (``typed["amount"]``).
        rows: the rows where both the part and the amount are there (not 0).
        money_name: the amount's column, as the file names it.
        shown: the columns' names, quoted, joined by "and" (a note's).
    """

    read: dict[str, np.ndarray]
    part: np.ndarray
    amount: np.ndarray
    rows: np.ndarray
    money_name: str
    shown: str


def amounts_inside(
    df: pd.DataFrame,
    typed: Mapping[str, Any],
    names: Mapping[str, str],
    source: str,
    decimal: str | None,
    columns: list[str],
) -> Inside | None:
    """The ``columns`` of ``df`` (duties, tips) read beside ``typed["amount"]``; None where none reads as numbers or
    no row has both.

    >>> df = pd.DataFrame({"Total": ["12", "10"], "Tip": ["2", ""]})
    >>> found = amounts_inside(df, {"amount": np.array([12.0, 10.0])}, {"amount": "Total"}, "s.csv", None, ["Tip"])
    >>> found.part.tolist(), found.rows.tolist(), found.shown
    ([2.0, 0.0], [0], "'Tip'")
    """
    from .order_shipping import _read  # (order_shipping takes the duties off: imported when used)

    read = _read(df, columns, source, decimal)
    if not read:
        return None
    part = np.sum(list(read.values()), axis=0)
    amount = np.asarray(typed["amount"], dtype=np.float64)
    rows = np.flatnonzero((part != 0) & np.isfinite(amount) & (amount != 0))
    if not rows.size:
        return None
    shown = " and ".join(repr(c) for c in read)
    return Inside(read, part, amount, rows, str(names["amount"]), shown)
