"""An order's refund written on the one row that carries the order's fields (Shopify's orders export: "Total" and
"Refunded Amount" on an order's first line-item row, blank on its other items).

Read by line item (``amount`` = "Lineitem price"), such a refund is the order's: the share of the order's total it
refunds is refunded off each of the order's items, not off the item that happens to share its row with it (H254
finding 04: shoe 50.00 and lace 30.00, ``Total`` 80.00, 30.00 refunded, kept 61.25 = 50 x 50/80 + 30 for 50.00).
"""

from __future__ import annotations

import numpy as np

__all__ = ["spread_to_order"]


def spread_to_order(refunded: np.ndarray, total: np.ndarray, codes: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """``refunded`` and ``total`` (blanks NaN) with each order's values copied to its other rows where one row of an
    order of several carries its total (and refund) and its other rows are blank in both; other rows as they are.

    >>> spread_to_order(np.array([30.0, np.nan, 5.0]), np.array([80.0, np.nan, 20.0]), np.array([0, 0, 1]))
    (array([30., 30.,  5.]), array([80., 80., 20.]))
    >>> spread_to_order(np.array([30.0, np.nan]), np.array([80.0, 80.0]), np.array([0, 0]))[0]  # total on each row
    array([30., nan])
    """
    refunded = np.asarray(refunded, dtype=np.float64)
    total = np.asarray(total, dtype=np.float64)
    if codes is None or not (codes >= 0).any():
        return refunded, total
    known = codes >= 0
    size = int(codes[known].max()) + 1
    carries = np.isfinite(total) & known
    blank = ~np.isfinite(total) & ~np.isfinite(refunded) & known
    carriers = np.bincount(codes[carries], minlength=size)
    blanks = np.bincount(codes[blank], minlength=size)
    rows = np.bincount(codes[known], minlength=size)
    spread = (carriers == 1) & (blanks == rows - 1) & (rows > 1)
    if not spread.any():
        return refunded, total
    carrier = np.zeros(size, dtype=np.int64)
    carrier[codes[carries]] = np.flatnonzero(carries)
    fill = blank & spread[np.where(known, codes, 0)]
    source = carrier[codes[fill]]
    refunded, total = refunded.copy(), total.copy()
    refunded[fill] = refunded[source]
    total[fill] = total[source]
    return refunded, total
