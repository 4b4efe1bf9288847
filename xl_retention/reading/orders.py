"""Orders exports as shops write them: one row per line item, and orders that were cancelled or voided.

* **Line items.** Shopify (and WooCommerce, Magento, ...) export one row per line item: an order of two
  products is two rows with the same order id ("Name" ``#1001``), customer and time, the order's total on
  the first row only. With an order id column (``order_id``, or ``order_number``, ``order_no``, ``order``,
  ``order_name``, ``order_ref``; Shopify's "Name" where the file has "Lineitem ..." columns, or any column
  mapped with ``--columns order_id=NAME``), the rows of one order are one order: its first row's date and
  customer (rows of one order with another customer or date are refused), its amount the sum of its rows'
  amounts (blanks are the rows without one; an order without any amount is refused). A file with line-item
  columns and no order id column is refused: every line item would count as an order.
* **Orders that were not paid** are not purchases (as refunds are not): rows whose cancellation date
  (``cancelled_at``, ``canceled_at``, Shopify's "Cancelled at") is filled, whose ``captured`` column is false
  (Stripe's uncaptured charges), or whose status (``status``, ``order_status``, ``financial_status``,
  ``payment_status``; any case, WooCommerce's ``wc-`` prefix dropped) is one of :data:`NOT_PAID` (voided,
  cancelled, failed, pending payment, fully refunded, ...) are left out, their whole order with them. A status
  that is neither one of those nor one of :data:`PAID` (on hold, draft, disputed, ...) is refused, naming the
  rows: whether it was paid cannot be told. A blank status (an order's other line items) passes.
* **Refunds marked by a column.** A type column (``type``, ``transaction_type``, ``order_type``, ``kind``) whose
  value says a refund (``refund``, ``return``, ``chargeback``, ``reversal``, ``credit_note``) makes the row a
  refund, left out as a negative amount is; a value that says a sale (``sale``, ``order``, ``purchase``,
  ``payment``, ``charge``, ``subscription``, ``renewal``, ``invoice``) passes, any other is refused. A refunded
  flag ("Fully Refunded?", or "Refunded?" / ``is_refunded`` when there is no "fully" one) that is true leaves
  the sale out.
* **Refunded amounts.** An ``amount_refunded`` (``refunded_amount``, ``refund_amount``, ``amount_refunded``,
  Stripe's "Amount Refunded") column beside the amount is taken off it (blank = nothing refunded).

Row numbers in refusals stay those of the file: the rows kept are named by their own positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows

__all__ = [
    "NOT_PAID",
    "ORDER_ALIASES",
    "PAID",
    "orders_as_paid",
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
#: Order and payment statuses of orders that were not paid (lower case, spaces and hyphens as ``_``, no ``wc_``).
NOT_PAID = frozenset({"voided", "void", "cancelled", "canceled", "failed", "declined", "pending", "pending_payment",
                      "refunded", "uncaptured", "expired", "abandoned", "trash", "checkout_draft"})  # fmt: skip
#: Statuses of orders that were paid (a partial refund is a paid order; the refund is an amount of its own).
PAID = frozenset({"paid", "completed", "complete", "succeeded", "success", "successful", "processing", "shipped",
                  "fulfilled", "delivered", "partially_refunded", "partially_paid", "authorized", "captured",
                  "settled", "approved", "closed", "active"})  # fmt: skip
_REFUNDED = ("amount_refunded", "refunded_amount", "refund_amount")  # how a refunded amount's column name starts
_FALSE = frozenset({"false", "no", "0", "n"})
_TRUE = frozenset({"true", "yes", "1", "y"})
_TYPES = frozenset({"type", "transaction_type", "order_type", "kind", "transaction_kind", "record_type"})
_REFUND_TYPES = frozenset({"refund", "refunded", "return", "returned", "chargeback", "reversal", "credit_note"})
_SALE_TYPES = frozenset({"sale", "order", "purchase", "payment", "charge", "subscription", "renewal", "invoice",
                         "checkout", "recurring", "new"})  # fmt: skip


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


def cancelled_rows(df: pd.DataFrame, source: str = "input") -> np.ndarray:
    """Whether each row of ``df`` is an order that was not paid (see the module docstring), as a bool array;
    :class:`DataError` for a status that says neither."""
    from .columns import keys_of
    from .statuses import spelled

    out = np.zeros(len(df), dtype=bool)
    flags = {k.rstrip("?"): p for p, c in enumerate(df.columns) for k in keys_of(c)}
    flag = flags.get("fully_refunded", flags.get("refunded", flags.get("is_refunded")))
    if flag is not None:  # a sale refunded in full: no purchase
        out |= np.isin(spelled(df.iloc[:, flag]), list(_TRUE))
    for position, name in enumerate(map(str, df.columns)):
        keys = keys_of(name)
        column = df.iloc[:, position]
        if keys & _TYPES:
            kind = spelled(column)
            unknown = ~np.isin(kind, list(_REFUND_TYPES | _SALE_TYPES)) & (kind != "")
            if unknown.any():
                problem = "row types that say neither a sale nor a refund (whether these were purchases cannot be told)"
                raise bad_rows(source, name, problem, np.flatnonzero(unknown), column.to_numpy())
            out |= np.isin(kind, list(_REFUND_TYPES))
        elif keys & _CANCELLED_DATES:
            text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
            out |= (text != "").to_numpy()
        elif "captured" in keys:
            out |= np.isin(spelled(column), list(_FALSE))
        elif keys & _STATUSES:
            status = pd.Series(spelled(column), dtype=object).str.replace(r"^wc_", "", regex=True).to_numpy()
            unknown = ~np.isin(status, list(NOT_PAID | PAID)) & (status != "")
            if unknown.any():
                rows = np.flatnonzero(unknown)
                problem = (
                    "order statuses that say neither paid nor unpaid (whether these were purchases cannot be told: "
                    "remove those rows, or give them a status such as completed or cancelled)"
                )
                raise bad_rows(source, name, problem, rows, column.to_numpy())
            out |= np.isin(status, list(NOT_PAID))
    return out


def refunded_column(df: pd.DataFrame, source: str = "input") -> str | None:
    """The column of ``df`` holding each order's refunded amount ("Amount Refunded"), None without one; two are
    refused."""
    from .columns import keys_of

    found = [str(c) for c in df.columns if any(k.startswith(_REFUNDED) for k in keys_of(c))]
    if len(found) > 1:
        listing = ", ".join(map(repr, found))
        raise DataError(f"{source}: {len(found)} columns could be the refunded amount ({listing})", source=source)
    return found[0] if found else None


def orders_as_paid(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str, read_numbers: Any
) -> tuple[dict[str, Any], np.ndarray]:
    """The orders of ``df`` as they were paid: refunded amounts taken off, one row per order, orders that were not
    paid left out (see the module docstring); and the file positions of the rows kept.
    ``read_numbers(series, column)`` reads a number column (blanks allowed)."""
    refunded = refunded_column(df, source) if "amount" in typed else None
    if refunded is not None:
        position = [str(c) for c in df.columns].index(refunded)
        taken = np.nan_to_num(read_numbers(df.iloc[:, position], refunded), nan=0.0)
        typed["amount"] = np.asarray(typed["amount"], dtype=np.float64) - taken
    return one_row_per_order(typed, names, cancelled_rows(df, source), source)


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
