"""An order whose lines carry their own status: one line cancelled, the others paid.

Amazon's All Orders Report has one row per item with ``order-status`` and ``item-status``; when one item of an order
is cancelled (out of stock) the others still ship. Line-item exports of other shops carry a status per line too.
Read as the order's status, one cancelled (refunded, pending) line left the whole order out (its buyer and the
shipped lines' money lost), and a ``returned`` line counted in full. A line's status (a column of an item's, such as
``item-status``, "Lineitem status", ``line_item_status``; not a fulfilment status) is read per line: a line not paid
(:data:`~.orders.NOT_PAID`, ``returned``) has its amount left out and the order stays where another line of it was
paid; an order whose every line is unpaid is no purchase. A line refunded in part (how much is not said), a status
saying neither paid nor unpaid, or an amount that is the order's total (whose share the line was is not said) is
refused naming the column and rows.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .order_statuses import NOT_PAID, PAID, said_statuses

__all__ = ["line_status_columns", "unpaid_lines"]

#: Line statuses of an item given back: its money returned.
RETURNED = frozenset({"returned", "return", "returned_to_seller", "retourniert", "retourné", "retourne", "devuelto"})
#: Line statuses of an item refunded in part: how much is not said.
IN_PART = frozenset({"partially_refunded", "partial_refund", "partially_returned"})


def line_status_columns(names: Any) -> list[int]:
    """Positions of the columns of ``names`` that hold each line's own status: an item's column
    (:func:`~.orders.item_columns`) with the word ``status``, not a fulfilment's.

    >>> line_status_columns(["order-status", "sku", "item-status", "Lineitem fulfillment status", "Lineitem status"])
    [2, 4]
    """
    from .names import key
    from .orders import item_columns

    items = set(item_columns(names))
    out = []
    for position, name in enumerate(map(str, names)):
        words = set(key(name).replace(".", "_").split("_"))
        if name in items and "status" in words and not words & {"fulfillment", "fulfilment", "shipping", "shipment"}:
            out.append(position)
    return out


def unpaid_lines(df: pd.DataFrame, source: str, amount: str | None) -> np.ndarray:
    """Whether each row's line status says the line was not paid (see the module docstring), as a bool array."""
    from .names import key
    from .order_rows import ORDER_TOTAL_NAMES

    out = np.zeros(len(df), dtype=bool)
    for position in line_status_columns(df.columns):
        column, name = df.iloc[:, position], str(df.columns[position])
        status = said_statuses(column)
        part = np.isin(status, list(IN_PART))
        if part.any():
            problem = (
                "lines refunded in part, and no column says how much (write the refunded amount as a line of its own)"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(part), column.to_numpy())
        unknown = ~np.isin(status, list(NOT_PAID | PAID | RETURNED)) & (status != "")
        if unknown.any():
            problem = (
                "line statuses that say neither paid nor unpaid (whether these lines were bought cannot be told: "
                "give them the status shipped where they were paid, cancelled where they were not)"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(unknown), column.to_numpy())
        unpaid = np.isin(status, list(NOT_PAID | RETURNED))
        if unpaid.any() and amount is not None and key(amount) in ORDER_TOTAL_NAMES:
            problem = (
                f"lines not paid beside {amount!r}, the order's total: how much of it they were cannot be told "
                "(map amount to the line's price)"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(unpaid), column.to_numpy())
        out |= unpaid
    return out


def unpaid_orders(order_ids: Any, unpaid: np.ndarray) -> np.ndarray:
    """Whether each row belongs to an order whose every line is unpaid (no order id: each row is its order).

    >>> unpaid_orders(np.array(["1", "1", "2"], dtype=object), np.array([True, False, True])).tolist()
    [False, False, True]
    """
    if order_ids is None:
        return unpaid
    codes = pd.factorize(np.asarray(order_ids, dtype=object))[0]
    paid = np.bincount(codes, weights=(~unpaid).astype(np.float64), minlength=codes.max() + 1 if len(codes) else 0)
    return paid[codes] == 0
