"""An order in two exports appended into one file, its status changed between them.

Two Shopify exports of overlapping dates appended: order #1001 was ``pending`` (or ``unfulfilled``) in the older one
and ``paid`` (``fulfilled``) in the newer one. Its rows share the order id and differ, so they are not refused as
rows repeated in every column (:mod:`.repeats`), and an order's rows are its line items: read as they are, the
order is one order of two items (its amount counted twice), or left out whole as unpaid (one row says
``pending``). An order's own status does not differ from one of its rows to another: rows of one order (not its
refund rows, negative amounts, which carry the refund's status; not rows of another day, an exchange's) whose
status columns (a name with ``status``: "Financial Status", "Fulfillment Status", ``order_status``; not an item's
own, "Lineitem fulfillment status", Amazon's ``item-status``) hold two values are refused, naming the order, the
column, the values and the rows: keep the row of the latest export.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .sale_refunds import typed_refunds

__all__ = ["check_order_copies", "status_columns"]

PROBLEM = (
    "rows of one order ({order}) with {count} statuses ({values}): the same order in two exports, changed between "
    "them (which row is current cannot be told: its items would count twice, or the order as unpaid); keep the row "
    "of the latest export"
)


def status_columns(names: Any) -> list[int]:
    """Positions of the columns of ``names`` that hold an order's status: a word ``status`` in the name, not an
    item's own column (:func:`~.orders.item_columns`).

    >>> status_columns(["Name", "Financial Status", "Fulfillment Status", "Lineitem fulfillment status", "item-status"])
    [1, 2]
    """
    from .names import key
    from .orders import item_columns

    items = set(item_columns(names))
    out = []
    for position, name in enumerate(map(str, names)):
        words = set(key(name).replace(".", "_").replace("-", "_").split("_"))
        if "status" in words and name not in items:
            out.append(position)
    return out


def check_order_copies(df: pd.DataFrame, typed: dict[str, Any], source: str, refunds: Any = None) -> None:
    """Refuse the rows of one order whose status columns differ (see the module docstring). ``typed``: the columns
    read (``order_id``, ``date``, ``amount``), one value per row of ``df``; ``refunds``: rows known as the order's
    refunds besides negative amounts and refund types (a chargeback's own row: :func:`~.sale_refunds.told_refunds`),
    or None."""
    from .statuses import spelled

    if "order_id" not in typed:
        return
    positions = status_columns(df.columns)
    if not positions:
        return
    orders = pd.Series(np.asarray(typed["order_id"], dtype=object)).astype(str).to_numpy(dtype=object)
    dates = pd.Series(np.asarray(typed["date"])).astype(str).to_numpy(dtype=object) if "date" in typed else None
    amounts = np.asarray(typed.get("amount", np.zeros(len(df))), dtype=np.float64)
    sale = ~(amounts < 0) & ~typed_refunds(df)  # NaN (an order's later line item) compares False: kept
    if refunds is not None:
        sale &= ~np.asarray(refunds, dtype=bool)
    for position in positions:
        column = df.iloc[:, position]
        status = spelled(column)
        filled = sale & (status != "")
        if not filled.any():
            continue
        frame = pd.DataFrame({"order": orders, "status": status, "at": np.arange(len(df))})[filled]
        if dates is not None:
            frame["order"] = frame["order"] + "\x00" + dates[filled]  # an exchange's row on another day: its own
        counts = frame.groupby("order", sort=False)["status"].nunique()
        mixed = counts[counts > 1]
        if mixed.empty:
            continue
        mine = frame[frame["order"] == mixed.index[0]]
        rows = mine.drop_duplicates("status")["at"].to_numpy()
        shown = column.to_numpy()
        values = ", ".join(repr(str(shown[r]).strip()) for r in rows)
        order = repr(str(typed["order_id"][rows[0]]))
        problem = PROBLEM.format(order=order, count=len(rows), values=values)
        raise bad_rows(source, str(df.columns[position]), problem, mine["at"].to_numpy(), shown)
