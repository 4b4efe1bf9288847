"""Orders exports as shops write them: one row per line item, and orders that were cancelled or voided.

* **Line items.** Shopify (and WooCommerce, Magento, ...) export one row per line item: an order of two
  products is two rows with the same order id ("Name" ``#1001``), customer and time, the order's total on
  the first row only. With an order id column (``order_id``, or ``order_number``, ``order_no``, ``order``,
  ``order_name``, ``order_ref``; Shopify's "Name" where the file has "Lineitem ..." columns, or any column
  mapped with ``--columns order_id=NAME``), the rows of one order are one order: its first row's date and
  customer (rows of one order with another customer or date are refused), its amount the sum of its rows'
  amounts (blanks are the rows without one; an order without any amount is refused). A file with line-item
  columns and no order id column is refused: every line item would count as an order.
* **Cancelled and voided orders** are not purchases (as refunds are not): rows whose cancellation date
  (``cancelled_at``, ``canceled_at``, Shopify's "Cancelled at") is filled, or whose status (``status``,
  ``order_status``, ``financial_status``, ``payment_status``) is ``voided``, ``void``, ``cancelled`` or
  ``canceled``, are left out, their whole order with them.

Row numbers in refusals stay those of the file: the rows kept are named by their own positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows

__all__ = [
    "ORDER_ALIASES",
    "cancelled_rows",
    "check_order_id",
    "line_item_columns",
    "one_row_per_order",
    "order_aliases",
]

#: Other names of an order id column (as :func:`~xl_retention.reading.key` spells them).
ORDER_ALIASES: tuple[str, ...] = ("order_number", "order_no", "order", "order_name", "order_ref", "order_reference")

_CANCELLED_DATES = frozenset({"cancelled_at", "canceled_at", "cancelled_date", "canceled_date", "voided_at"})
_STATUSES = frozenset({"status", "order_status", "financial_status", "payment_status"})
_CANCELLED = frozenset({"voided", "void", "cancelled", "canceled"})


def line_item_columns(names: Sequence[Any]) -> list[str]:
    """The columns that say a file has one row per line item ("Lineitem name", ``line_item_price``, ...).

    >>> line_item_columns(["Name", "Email", "Lineitem quantity", "Total"])
    ['Lineitem quantity']
    """
    from .columns import key

    return [str(n) for n in names if key(n).startswith(("lineitem", "line_item"))]


def order_aliases(names: Sequence[Any]) -> dict[str, tuple[str, ...]]:
    """The aliases of ``order_id`` for a file with columns ``names``: Shopify's "Name" only in a line-item export."""
    return {"order_id": ORDER_ALIASES + (("name",) if line_item_columns(names) else ())}


def check_order_id(df: pd.DataFrame, names: dict[str, str], source: str) -> None:
    """A line-item export (:func:`line_item_columns`) without an order id column is refused: each line item would
    count as an order (a repeat purchase where there was one order of two products)."""
    items = line_item_columns(df.columns)
    if items and "order_id" not in names:
        raise DataError(
            f"{source}: {items[0]!r} says one row per line item, but no order id column was found: every line item "
            f"would count as an order; map it: --columns order_id=NAME (Shopify: order_id=Name)",
            source=source,
            column=items[0],
        )


def cancelled_rows(df: pd.DataFrame) -> np.ndarray:
    """Whether each row of ``df`` is a cancelled or voided order (see the module docstring), as a bool array."""
    from .columns import keys_of
    from .statuses import spelled

    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(df.columns):
        keys = keys_of(name)
        column = df.iloc[:, position]
        if keys & _CANCELLED_DATES:
            text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
            out |= (text != "").to_numpy()
        elif keys & _STATUSES:
            out |= np.isin(spelled(column), list(_CANCELLED))
    return out


def one_row_per_order(
    typed: dict[str, Any], names: dict[str, str], cancelled: np.ndarray, source: str
) -> tuple[dict[str, Any], np.ndarray]:
    """``typed`` (the columns read, one value per row) as one row per order, cancelled orders left out; and the
    file positions of the rows kept (each order's first row). Without ``order_id``, the rows not cancelled.

    Raises :class:`DataError` for rows of one order with another customer or date than its first row, and for an
    order with no amount on any row.

    >>> typed = {"customer_id": np.array(["a", "a", "b"], dtype=object), "order_id": np.array(["1", "1", "2"],
    ...          dtype=object), "date": np.array(["2026-01-05"] * 3, dtype="datetime64[us]"),
    ...          "amount": np.array([35.0, np.nan, 20.0])}
    >>> one, kept = one_row_per_order(typed, {}, np.zeros(3, dtype=bool), "orders.csv")
    >>> one["amount"].tolist(), kept.tolist()
    ([35.0, 20.0], [0, 2])
    """
    rows = len(cancelled)
    if "order_id" not in typed:
        if not cancelled.any():
            return typed, np.arange(rows)
        kept = np.flatnonzero(~cancelled)
        return {k: _take(v, kept) for k, v in typed.items()}, kept
    ids = np.asarray(typed["order_id"], dtype=object)
    codes, uniques = pd.factorize(ids)
    _, first = np.unique(codes, return_index=True)
    head = first[codes]  # each row's order's first row
    for ours in ("customer_id", "date"):
        values = np.asarray(typed[ours])
        differ = np.flatnonzero(values != values[head])
        if differ.size:
            what = "customer" if ours == "customer_id" else "date"
            order = f"{names['order_id']} {ids[differ[0]]!r}"
            problem = f"rows of one order ({order}) with another {what} than its first row"
            raise bad_rows(source, names[ours], problem, differ, values)
    out = {k: _take(v, first) for k, v in typed.items() if k != "amount"}
    if "amount" in typed:
        amounts = np.asarray(typed["amount"], dtype=np.float64)
        present = ~np.isnan(amounts)
        totals = np.bincount(codes, weights=np.where(present, amounts, 0.0), minlength=len(uniques))
        counted = np.bincount(codes, weights=present.astype(np.float64), minlength=len(uniques))
        if (counted == 0).any():
            lacking = np.flatnonzero(counted[codes] == 0)
            raise bad_rows(source, names["amount"], "orders without an amount on any of their rows", lacking)
        out["amount"] = totals
    dropped = np.bincount(codes, weights=cancelled.astype(np.float64), minlength=len(uniques)) > 0
    keep = ~dropped
    if rows and not keep.any():
        raise DataError(f"{source}: every order is cancelled or voided: no purchase to count", source=source)
    return {k: _take(v, np.flatnonzero(keep)) for k, v in out.items()}, first[keep]


def _take(values: Any, positions: np.ndarray) -> Any:
    if isinstance(values, pd.Series):  # its array, not a Series: the frame is built with the kept rows' index
        return values.array.take(positions)
    return np.asarray(values)[positions]
