"""An order's money written on each of its item rows (Etsy's "Sold Order Items": ``Order Shipping`` and ``Order
Sales Tax`` repeated on every item of the order, beside ``Item Total``, the item's price x quantity).

Such a column is the order's, not the row's: comparing it with each row's amount (is the shipping inside it? is
the tax a rate of it?) asks the wrong question, and taking it off every row takes it off as many times as the order
has items (H188 finding 05: 70.00 of items read as 61.60). It is told by the file's order id: the same value on
every row of each order, and some order of several rows with a value other than 0. An amount named as an item's
(``Item Total``, "Line Total", "Product Price") holds no order's shipping; whether it holds the order's tax is told
by the tax's rate of the order's items together (:mod:`.taxes`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .names import words as _words

__all__ = [
    "item_amount", "named_orders", "order_codes", "order_column", "order_level", "order_named", "order_ranges",
    "order_same", "order_sums",
]  # fmt: skip

#: Words of an amount's name that say it is an item's (a line of an order), not the order's.
_ITEM = frozenset({"item", "items", "line", "lineitem", "product", "article", "position", "sku", "listing"})


def item_amount(name: str) -> bool:
    """Whether the amount's name says an item's amount ("Item Total", "Line Total"), not an order's.

    >>> item_amount("Item Total"), item_amount("Order Total"), item_amount("Total")
    (True, False, False)
    """
    said = _words(name)
    return bool(said & _ITEM) and "order" not in said


def order_named(name: str) -> bool:
    """Whether a column's name says it is the order's ("Order Shipping", "Order Sales Tax"), not an item's.

    >>> order_named("Order Shipping"), order_named("Shipping"), order_named("Item Total")
    (True, False, False)
    """
    said = _words(name)
    return "order" in said and not said & _ITEM


def order_same(values: Any, df: pd.DataFrame, names: Mapping[str, str]) -> bool:
    """Whether ``values`` are the same on every row of each order of ``df`` (by its order id, blank as 0; True where
    every order has one row, or the file has no order id): a column named as the order's (:func:`order_named`) that
    no order of several rows contradicts (H314 finding 01: Etsy's one-item orders, 'Order Shipping' beside 'Item
    Total')."""
    codes = order_codes(df, names)
    if codes is None:
        return True
    low, high = order_ranges(values, codes)
    return bool((np.abs(high - low) < 0.005).all())


def order_column(df: pd.DataFrame, names: Mapping[str, str]) -> str | None:
    """The order id column mapped or found by its name (``Order ID``), None without one."""
    from .columns import keys_of
    from .orders import ORDER_ALIASES

    titles = [str(c) for c in df.columns]
    mapped = names.get("order_id")
    found = (
        mapped
        if mapped in titles
        else next((c for c in titles if keys_of(c) & {"order_id", *ORDER_ALIASES} and titles.count(c) == 1), None)
    )
    return None if found is None or titles.count(found) != 1 else found


def named_orders(df: pd.DataFrame, names: Mapping[str, str], rows: Any, most: int = 3) -> str:
    """' (orders 3100000001, 3100000003)': the order ids of ``rows`` (positions), the first ``most`` and how many
    more, for a message; '' without an order id column.

    >>> frame = pd.DataFrame({"Order ID": ["31", "31", "32", "33", "34", "35"]})
    >>> named_orders(frame, {}, [0, 1, 2, 3, 4, 5]), named_orders(frame, {}, [2]), named_orders(frame, {"x": "y"}, [])
    (' (orders 31, 32, 33 and 2 more)', ' (order 32)', '')
    """
    column = order_column(df, names)
    if column is None:
        return ""
    ids = list(dict.fromkeys(str(v).strip() for v in df[column].iloc[list(rows)] if str(v).strip()))
    if not ids:
        return ""
    more = f" and {len(ids) - most} more" if len(ids) > most else ""
    return f" (order{'s' if len(ids) > 1 else ''} {', '.join(ids[:most])}{more})"


def order_codes(df: pd.DataFrame, names: Mapping[str, str]) -> np.ndarray | None:
    """Each row's order (a code; -1 where blank) by the order id mapped or found by its name (``Order ID``), None
    without one or where no order has two rows."""
    found = order_column(df, names)
    if found is None:
        return None
    text = df[found].astype("string").str.strip()
    codes, _ = pd.factorize(text.where(text != "").to_numpy(dtype=object, na_value=None))
    counts = np.bincount(codes[codes >= 0]) if (codes >= 0).any() else np.zeros(0, dtype=np.int64)
    return codes if (counts > 1).any() else None


def order_level(values: Any, codes: np.ndarray) -> bool:
    """Whether ``values`` are the same on every row of each order (blank as 0), with a value other than 0 in an order
    of several rows: the order's, written on each of its rows.

    >>> order_level(np.array([3.5, 3.5, 1.4]), np.array([0, 0, 1])), order_level(np.array([3.5, 2.0, 1.4]),
    ...                                                                          np.array([0, 0, 1]))
    (True, False)
    """
    known = codes >= 0
    if not known.any():
        return False
    low, high = order_ranges(values, codes)
    several = np.bincount(codes[known], minlength=len(high)) > 1
    return bool((np.abs(high - low) < 0.005).all() and (several & (np.abs(high) > 0.005)).any())


def order_ranges(values: Any, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each order's lowest and highest of ``values`` (blank as 0), by its code in ``codes`` (-1: a row of no order):
    an order whose two are equal writes one value on each of its rows.

    >>> [r.tolist() for r in order_ranges(np.array([3.5, np.nan, 1.4, 9.0]), np.array([0, 0, 1, -1]))]
    [[0.0, 1.4], [3.5, 1.4]]
    """
    values = np.nan_to_num(np.asarray(values, dtype=np.float64))
    known = codes >= 0
    size = int(codes[known].max()) + 1 if known.any() else 0
    low, high = np.full(size, np.inf), np.full(size, -np.inf)
    np.minimum.at(low, codes[known], values[known])
    np.maximum.at(high, codes[known], values[known])
    return low, high


def order_sums(values: Any, codes: np.ndarray) -> np.ndarray:
    """Each row's order's sum of ``values`` (a row without an order: its own value).

    >>> order_sums(np.array([20.0, 30.0, 20.0]), np.array([0, 0, 1])).tolist()
    [50.0, 50.0, 20.0]
    """
    values = np.nan_to_num(np.asarray(values, dtype=np.float64))
    known = codes >= 0
    sums = np.bincount(codes[known], weights=values[known]) if known.any() else np.zeros(0)
    return np.where(known, sums[np.where(known, codes, 0)] if sums.size else values, values)
