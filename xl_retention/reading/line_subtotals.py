"""Line items whose orders' own columns prove the items' prices are before tax (docs/metrics.md: "`Total` =
`Subtotal` + `Shipping` + `Taxes` confirms the subtotal is before tax").

Shopify's orders export of a store whose prices exclude tax, read by line item (``amount`` = "Lineitem price"),
writes each order's ``Subtotal``, ``Shipping``, ``Taxes``, ``Total`` and "Discount Amount" on its first line-item row
(blank on its other items; Squarespace-style exports write them on each). Where, for every order with a tax, its
``Subtotal`` is its lines' prices times their quantities less its discount and its ``Total`` is that ``Subtotal`` plus
its shipping and its tax, the tax was added on top of the prices: they are before tax, read as they are. A store whose
prices include the tax writes ``Total`` = ``Subtotal`` + ``Shipping`` (the tax inside), which this never takes for
before tax; where no such columns prove it, :func:`~.taxes.net_of_tax` decides by its other rules (H508's finding 04,
its related Shopify case: refused "whether 'Lineitem price' includes it cannot be told" whenever the shop charged tax).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .equal_columns import CENT, numbers_or_none
from .names import words
from .tax_words import GROSS_WORDS, NET_WORDS, TAX_WORDS

__all__ = ["lines_before_tax", "order_values"]


def order_values(values: np.ndarray, codes: np.ndarray) -> np.ndarray | None:
    """Each row's order's one value where every order writes one value, on each of its rows or on one row with its
    other rows blank (Shopify's order fields on its first line-item row); 0 for an order with none, the row's own for
    a row of no order. None where an order writes two values.

    >>> order_values(np.array([6.4, np.nan, 2.4, 3.0]), np.array([0, 0, 1, -1])).tolist()
    [6.4, 6.4, 2.4, 3.0]
    >>> order_values(np.array([6.4, 1.0]), np.array([0, 0])) is None
    True
    """
    values = np.asarray(values, dtype=np.float64)
    known = codes >= 0
    if not known.any():
        return np.nan_to_num(values)
    size = int(codes[known].max()) + 1
    written = known & np.isfinite(values)
    low, high = np.full(size, np.inf), np.full(size, -np.inf)
    np.minimum.at(low, codes[written], values[written])
    np.maximum.at(high, codes[written], values[written])
    some = np.isfinite(low)
    if (high[some] - low[some] > CENT).any():
        return None
    each = np.where(some, low, 0.0)
    return np.where(known, each[np.where(known, codes, 0)], np.nan_to_num(values))


def lines_before_tax(
    df: pd.DataFrame,
    lines: np.ndarray,
    tax: np.ndarray,
    column: str,
    codes: np.ndarray,
    skip: set[str],
    source: str,
    decimal: str | None,
) -> str | None:
    """Why the items' amounts are before tax, where for every order with a tax (``tax``: the tax column ``column`` as
    written, ``codes``: each row's order, ``lines``: each row's price times its quantity) a column S is the order's
    lines less a discount column (or none) and a column named as a total is S plus a shipping column (or none) plus
    the tax; None where none are.

    >>> df = pd.DataFrame({"Subtotal": ["80.00", None, "30.00"], "Shipping": ["5.00", None, "5.00"],
    ...                    "Taxes": ["6.20", None, "2.40"], "Total": ["91.20", None, "37.40"]})
    >>> lines_before_tax(df, np.array([30.0, 50.0, 30.0]), np.array([6.2, np.nan, 2.4]), "Taxes",
    ...                  np.array([0, 0, 1]), {"Taxes"}, "o.csv", None)
    "'Total' is 'Subtotal' + 'Shipping' + 'Taxes' on each order with a tax, and 'Subtotal' is the order's items"
    >>> df["Total"] = ["85.00", None, "35.00"]  # a store whose prices include the tax: 'Total' = 'Subtotal' + shipping
    >>> lines_before_tax(df, np.array([30.0, 50.0, 30.0]), np.array([6.2, np.nan, 2.4]), "Taxes",
    ...                  np.array([0, 0, 1]), {"Taxes"}, "o.csv", None) is None
    True
    """
    from .discounts import discount_columns
    from .order_discounts import SHIPPING_WORDS, discount_words, part_named
    from .order_level import order_sums
    from .shipping import shipping_columns

    known = codes >= 0
    order_tax = order_values(tax, codes)
    if order_tax is None or not known.any():
        return None
    taxed = known & (np.abs(order_tax) > CENT)
    if not taxed.any() or (np.isfinite(tax) & (np.abs(np.nan_to_num(tax)) > CENT) & ~known).any():
        return None  # a taxed row of no order: its order's columns cannot be told
    items = order_sums(np.nan_to_num(np.asarray(lines, dtype=np.float64)), codes)
    listed = list(map(str, df.columns))
    once = [c for c in listed if c not in skip and listed.count(c) == 1]
    read: dict[str, np.ndarray | None] = {}

    def each_order(column: str) -> np.ndarray | None:  # the column's order values, read once
        if column not in read:
            values = numbers_or_none(df[column], source, column, decimal)
            read[column] = None if values is None else order_values(values, codes)
        return read[column]

    totals = [c for c in once if words(c) & GROSS_WORDS and not words(c) & (TAX_WORDS | NET_WORDS)]
    shipped = [c for c in shipping_columns(once, {}) if not words(c) & TAX_WORDS]
    offs = [c for c in discount_columns(df) if c in once and not discount_words(c) & SHIPPING_WORDS]
    subtotals = [c for c in once if c not in totals and not part_named(c)]
    none = np.zeros(len(codes))
    for total in totals:
        whole = each_order(total)
        if whole is None:
            continue
        for off in ["", *offs]:
            less = none if not off else each_order(off)
            if less is None:
                continue
            for subtotal in subtotals:
                sub = each_order(subtotal)
                if sub is None or not (np.abs(sub - (items - np.abs(less))) <= CENT)[taxed].all():
                    continue
                for shipping in ["", *shipped]:
                    cost = none if not shipping else each_order(shipping)
                    if cost is None or not (np.abs(whole - sub - cost - order_tax) <= CENT)[taxed].all():
                        continue
                    parts = " + ".join(repr(c) for c in (subtotal, shipping, column) if c)
                    less_off = f" less {off!r}" if off else ""
                    return (
                        f"{total!r} is {parts} on each order with a tax, and {subtotal!r} is the order's "
                        f"items{less_off}"
                    )
    return None
