"""Rows of one order id with different amounts in an orders file without item columns: items, or one order twice?

An orders export of one row per item writes an order's items on rows next to each other (Shopify, WooCommerce,
Magento, Amazon, a till's receipt lines): their amounts add up to the order's (docs/metrics.md, "Line items"). A
file without any item or line-item column (:func:`~.orders.item_columns`: no ``sku``, "Item", "Product Name",
"Lineitem ...") whose order id is on two rows with different amounts may be such an order's items, or the same
order in two exports appended, edited between them (100.00, then 120.00 after an item was added): added up, the
order would count 220.00. So:

* rows of one order next to each other (no other order's row between them) are read as its items, added up, and a
  note names the first such order and its rows (:func:`~.notes.note`): the guess is said;
* rows of one order apart (another order's rows between them: the order listed again further down) are refused,
  naming the order id, the amount column and the rows (which row is current cannot be told); keep the latest
  export's row, or give the file its item column;
* in a database table (``table:NAME``) or a Parquet file (a table unloaded), whose rows come in no set order, rows
  apart are read as items too (noted); a CSV or workbook of a query's rows in no set order is refused as above, the
  message saying to sort it by the order id;
* rows with an id of their own (another record id column, :data:`~.repeats.RECORD_IDS`: a line's ``id``, a
  payment's ``payment_id``, different on each row) are different records: items or payments of the order, added up.

Rows identical in every column are refused before (:mod:`.repeats`: the same record twice); rows of one order with
another customer or date than its first are left to :func:`~.order_rows.one_row_per_order`, which refuses them naming
that column (an order id reused: two shops' exports appended, not one order's items); orders with refund rows
and orders of one amount on each row are left to those rules (:func:`~.order_rows._once_per_order`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .notes import note

__all__ = ["check_orders_apart", "orders_with_own_ids"]

APART = (
    "rows of one order ({order}) with different amounts, apart in the file (other orders' rows between them), and "
    "no item column: the order's items, or the order in two exports appended, edited between them (added up, it "
    "would count twice)? which cannot be told from {amount!r} alone"
)
#: What to do about :data:`APART`, after its rows and amounts (:func:`~.errors.bad_rows`' ``advice``).
APART_ADVICE = (
    "keep the row of the latest export, or, if they are its items, keep the export's item column (sku, Item, "
    "Product Name) in the file, or, where its rows come in no set order (a query's result), sort them by "
    "{order_column!r} (an order's rows next to each other are added up)"
)
ITEMS = "rows of one order ({order}) {where}with different amounts and no item column"
#: What the note of :data:`ITEMS` says was done, and what to do if it is wrong, after its rows and amounts.
ITEMS_ADVICE = (
    "read as the order's items, added up ({total:g}); if the order was exported twice, edited between the two, keep "
    "the row of the latest export"
)


def check_orders_apart(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str, skip: np.ndarray | None = None
) -> None:
    """Refuse (or note) an order's rows with different amounts in a file without item columns (see the module
    docstring). ``typed``: the columns read, one value per row of ``df`` (refunds negative); ``skip``: rows left out
    already (a chargeback undone), or None.

    >>> frame = pd.DataFrame({"order_id": ["1", "2", "1"], "amount": ["100", "50", "20"]})
    >>> typed = {"order_id": frame["order_id"].to_numpy(), "amount": np.array([100.0, 50.0, 20.0])}
    >>> names = {"order_id": "order_id", "amount": "amount"}
    >>> check_orders_apart(frame, typed, names, "orders.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: orders.csv, column 'amount': rows of one order (order_id '1') ...
    >>> check_orders_apart(frame.iloc[[0, 2, 1]], {k: v[[0, 2, 1]] for k, v in typed.items()}, names, "o.csv")
    """
    from .orders import item_columns

    if "order_id" not in typed or "amount" not in typed or item_columns(df.columns):
        return
    amounts = np.asarray(typed["amount"], dtype=np.float64)
    sale = amounts > 0  # NaN (a later row without an amount) and refunds are no item's amount
    if skip is not None:
        sale &= ~np.asarray(skip, dtype=bool)
    codes, uniques = pd.factorize(np.asarray(typed["order_id"], dtype=object))
    size = len(uniques)
    refunded = np.bincount(codes, weights=(amounts < 0).astype(np.float64), minlength=size) > 0
    several = (np.bincount(codes, weights=sale.astype(np.float64), minlength=size) >= 2) & ~refunded
    if not several.any():
        return
    rows = np.flatnonzero(sale & several[codes])
    frame = pd.DataFrame({"order": codes[rows], "amount": amounts[rows], "at": rows})
    spread = frame.groupby("order").agg(low=("amount", "min"), high=("amount", "max"), first=("at", "min"),
                                        last=("at", "max"))  # fmt: skip
    spread = spread[spread["high"] - spread["low"] > 0.005]  # orders whose rows carry different amounts
    if spread.empty:
        return
    spread = spread[~orders_with_own_ids(df, codes, rows, spread.index.to_numpy(), names["order_id"])]
    spread = spread[~_other_customer_or_date(typed, codes, rows, spread.index.to_numpy())]
    if spread.empty:  # rows of two customers or dates: refused as such by one_row_per_order, not as items here
        return
    # an order's rows next to each other: every row from its first to its last is the order's
    inside = pd.DataFrame({"order": codes, "at": np.arange(len(codes))})
    inside = inside[inside["order"].isin(spread.index)]
    start, stop = spread["first"].reindex(inside["order"]).to_numpy(), spread["last"].reindex(inside["order"])
    within = (inside["at"].to_numpy() >= start) & (inside["at"].to_numpy() <= stop.to_numpy())
    counted = pd.Series(within).groupby(inside["order"].to_numpy()).sum().reindex(spread.index)
    apart = (spread["last"] - spread["first"] + 1).to_numpy() > counted.to_numpy()
    column, amount = names["order_id"], names["amount"]  # the rows' amounts are shown: under the amount's name
    shown = df.iloc[:, [str(c) for c in df.columns].index(amount)].to_numpy()
    if apart.any() and not _in_no_set_order(source):
        order = int(spread.index[np.flatnonzero(apart)[0]])
        mine = frame.loc[frame["order"] == order, "at"].to_numpy()
        problem = APART.format(order=f"{column} {uniques[order]!r}", amount=amount)
        raise bad_rows(source, amount, problem, mine, shown, advice=APART_ADVICE.format(order_column=column))
    order = int(spread.index[0])
    mine = frame.loc[frame["order"] == order, "at"].to_numpy()
    total = float(amounts[mine].sum())
    where = "" if apart.any() else "next to each other "
    said = ITEMS.format(order=f"{column} {uniques[order]!r}", where=where)
    note(str(bad_rows(source, amount, said, mine, shown, advice=ITEMS_ADVICE.format(total=total))))


def _in_no_set_order(source: Any) -> bool:
    """Whether ``source``'s rows come in no set order: a database table (``table:NAME``) or a Parquet file (a table
    unloaded by a warehouse, Spark, DuckDB's ``COPY``: rows by partition, an order's lines anywhere), never a file
    appended by hand from two exports."""
    name = str(source).lower()
    return name.startswith("table:") or name.endswith((".parquet", ".pq"))


def _other_customer_or_date(
    typed: dict[str, Any], codes: np.ndarray, rows: np.ndarray, orders: np.ndarray
) -> np.ndarray:
    """Whether each order of ``orders`` (codes) has, on its rows of ``rows``, two customers or two dates (a date left
    blank on a later row is the order's): an order id reused (two shops' exports, numbers restarting), which
    :func:`~.order_rows.one_row_per_order` refuses naming the customer or date column, not the order's items."""
    out = np.zeros(len(orders), dtype=bool)
    mine = rows[np.isin(codes[rows], orders)]
    for ours in ("customer_id", "date"):
        if ours not in typed:
            continue
        values = pd.Series(np.asarray(typed[ours])[mine])
        distinct = values.groupby(codes[mine]).nunique(dropna=ours == "date")  # a blank customer is another
        differ = distinct > 1
        out |= differ.reindex(orders).fillna(False).to_numpy(dtype=bool)
    return out


def orders_with_own_ids(
    df: pd.DataFrame, codes: np.ndarray, rows: np.ndarray, orders: np.ndarray, order: str
) -> np.ndarray:
    """Whether each order of ``orders`` (codes of ``codes``, each row's order code) has, on its rows of ``rows``, an id
    of each row's own in another record id column than ``order`` (filled, different on each of its rows): different
    records, not one exported twice.

    >>> frame = pd.DataFrame({"id": ["ch_1", "ch_2", "ch_3", "ch_3"], "order_id": ["1", "1", "2", "2"]})
    >>> codes = np.array([0, 0, 1, 1])
    >>> orders_with_own_ids(frame, codes, np.arange(4), np.array([0, 1]), "order_id").tolist()
    [True, False]
    """
    from .repeats import record_id_columns

    out = np.zeros(len(orders), dtype=bool)
    mine = rows[np.isin(codes[rows], orders)]
    for position in record_id_columns(df.columns):
        if str(df.columns[position]) == str(order):
            continue
        values = df.iloc[mine, position]
        text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
        frame = pd.DataFrame({"order": codes[mine], "id": text.to_numpy(dtype=object)})
        filled = frame[frame["id"] != ""]
        distinct = filled.groupby("order")["id"].nunique()
        count = frame.groupby("order")["id"].size()
        own = (distinct.reindex(count.index).fillna(0) == count).reindex(orders).fillna(False).to_numpy(dtype=bool)
        out |= own
    return out
