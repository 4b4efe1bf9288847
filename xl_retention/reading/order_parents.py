"""The order an export's row belongs to where its own id does not say it: a later line item's blank customer (its
order's, :func:`customers_of_orders`), a refund written as an order of its own naming its parent order (WooCommerce's
``parent_id``, :func:`orders_of_parents`).

Split from :mod:`.orders` (which re-exports both names).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from . import order_columns as by_values
from .values import visible_values

__all__ = ["PARENT_NAMES", "customers_of_orders", "orders_of_parents", "unmapped_refunds"]


def customers_of_orders(customers: pd.Series, orders: pd.Series) -> pd.Series:
    """``customers`` with each blank cell on a row with an order id given its order's customer (the first one
    written on the order's rows): the later line items of an order, whose customer Shopify-style exports write on
    the order's first row only. Rows whose order names no customer stay blank (refused as missing ids); rows of one
    order with two customers are refused later (:func:`~.orders.one_row_per_order`).

    Shape: a Series of ``len(customers)`` with its index; ``customers`` itself when no cell is blank.

    >>> customers_of_orders(pd.Series(["a", None, "b", None]), pd.Series(["#1", "#1", "#2", "#3"])).tolist()
    ['a', 'a', 'b', nan]
    """
    blank = customers.isna().to_numpy()
    if not blank.any():
        return customers
    orders = visible_values(orders)  # '#1' and '#1\u200b': one order, as the order ids are read
    keys = orders.astype(object).where(orders.notna(), None).map(lambda v: None if v is None else str(v).strip())
    keys = keys.where(keys != "", None)
    named = pd.Series(customers.to_numpy(dtype=object)[~blank], index=keys.to_numpy()[~blank])
    first = named[named.index.notna()].groupby(level=0, sort=False).first()
    filled = customers.astype(object).copy()
    fill = blank & keys.notna().to_numpy()
    found = keys[fill].map(first)
    filled[fill] = found.to_numpy()
    return filled


#: Names (as :func:`~xl_retention.reading.key` spells them) of the column that ties a refund to the order it refunds:
#: WooCommerce writes its refunds as orders of their own (``shop_order_refund``) with the order's id as ``parent_id``.
PARENT_NAMES = ("parent_id", "parent_order_id", "original_order_id", "parent_order", "refunded_order_id")


#: A money text that says a negative amount: '-20.00', '$-20', '(20.00)', 'EUR -20', '20.00-'.
_NEGATIVE_TEXT = r"^\s*[^\d\-\u2212(]*[-\u2212(]|-\s*$"


def orders_of_parents(
    order_ids: pd.Series, df: pd.DataFrame, amount: str | None = None, mapped: Iterable[str] = ()
) -> pd.Series:
    """``order_ids`` with each refund row that names a parent order (:data:`PARENT_NAMES`; not blank, not
    WooCommerce's 0 for "none") given the parent's id: a refund written as an order of its own is one of its order's
    rows, taken off it (:func:`~.orders.one_row_per_order`), never a refund of nothing beside a purchase counted in
    full.

    A refund is a row whose status or type says one (:func:`~.orders.says_refunded`) or whose ``amount`` column (the
    file's name of it) is negative; any other row naming a parent (a renewal, a re-order) is an order of its own and
    keeps its id.

    Shape: a Series of ``len(order_ids)`` with its index; ``order_ids`` itself without a parent column.

    >>> frame = pd.DataFrame({"order_id": ["123", "130", "140"], "parent_id": ["0", "123", "123"],
    ...                       "total": ["50.00", "-20.00", "50.00"]})
    >>> orders_of_parents(frame["order_id"], frame, "total").tolist()
    ['123', '123', '140']
    """
    from .columns import keys_of

    found = [p for p, c in enumerate(df.columns) if keys_of(c) & set(PARENT_NAMES)]
    if not found:  # a credit note naming its invoice in another column (Xero's Reference): found by its values
        linked = by_values.linked_orders(order_ids, df, _refund_rows(df, amount), mapped)
        return order_ids if linked is None else linked
    parents = df.iloc[:, found[0]].astype(object)
    text = parents.map(lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v).strip())
    text = text.str.replace(r"\.0$", "", regex=True)  # a parent id read as a number: 123.0
    named = ~text.isin(["", "0"]).to_numpy() & _refund_rows(df, amount)
    if not named.any():  # a parent column blank on the refunds (Maxio's parent_id): linked by another (payment_id)
        linked = by_values.linked_orders(order_ids, df, _refund_rows(df, amount), mapped)
        return order_ids if linked is None else linked
    out = order_ids.astype(object).copy()
    out[named] = text[named].to_numpy()
    return out


def _refund_rows(df: pd.DataFrame, amount: str | None) -> np.ndarray:
    """Whether each row is a refund: its status or type says one (:func:`~.orders.says_refunded`), or its ``amount``
    column (the file's name of it) is negative."""
    from .orders import says_refunded

    refund = says_refunded(df)
    money = [p for p, c in enumerate(df.columns) if str(c) == amount] if amount is not None else []
    if money:
        values = df.iloc[:, money[0]].astype(object)
        written = values.map(lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v))
        numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
        refund |= (numbers < 0) | written.str.contains(_NEGATIVE_TEXT, regex=True).to_numpy()
    elif amount is None:  # no amount mapped: WooCommerce's refund row, told by its negative 'total'
        refund |= unmapped_refunds(df)
    return refund


def unmapped_refunds(df: pd.DataFrame) -> np.ndarray:
    """Whether each row is a refund by the columns that may hold the amount (:func:`~.amount_hints.money_columns`),
    none of them mapped: one of them negative on the row and none positive (WooCommerce's refund row, ``total``
    -20.00 naming its order in ``parent_id``). Read so in an orders file imported without an amount, such a row is
    never a purchase (docs/metrics.md). Columns not read as numbers are passed over.

    >>> unmapped_refunds(pd.DataFrame({"id": ["1", "2", "3"], "total": ["50.00", "-20.00", ""],
    ...                                "shipping_total": ["4.90", "0.00", "0.00"]})).tolist()
    [False, True, False]
    """
    from .amount_hints import money_columns
    from .errors import DataError
    from .number_texts import parse_numbers

    negative = np.zeros(len(df), dtype=bool)
    positive = np.zeros(len(df), dtype=bool)
    listed = [str(c) for c in df.columns]
    for name in money_columns(listed, df):
        if listed.count(name) != 1:
            continue
        try:
            numbers = parse_numbers(df.iloc[:, listed.index(name)], "", name, allow_blank=True)
        except DataError:
            continue
        numbers = np.asarray(numbers, dtype=np.float64)
        negative |= numbers < -0.005
        positive |= numbers > 0.005
    return negative & ~positive
