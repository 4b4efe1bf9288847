"""An orders table's ``order_id`` column that changes nothing: one row per order (H331's finding 03).

An order id makes a table be read as a file's (:mod:`.typed_tables`): an order's rows are its line items, added up,
a refund row with its sale's id is taken off that sale, a later item's blank customer is the order's. Read as a
file's, the rows go back to a PostgreSQL server as a temporary table, which a SELECT-only role may not make. Where
the table has no column but the ones read (customer, order id, date, amount, the segment's, a currency's: no status,
deletion date or other column a file's rules read), every row has an id of its own (no blank one, none twice) and no
amount is negative, none of those rules has anything to do: each row is one order, as in a table without the
column, and the table is counted where it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ibis.expr.types as ir

from .refusals import ROW

__all__ = ["one_row_per_order"]


def one_row_per_order(con: Any, table: ir.Table, names: dict[str, str], also: Iterable[str] = ()) -> bool:
    """Whether ``table`` has no column but ``names``' values, ``also`` (the segment's, a currency's) and the row
    numbers, its order ids (``names['order_id']``) are each on one row, none blank, and no amount
    (``names['amount']``) is below 0: the column then changes no figure (one aggregate query)."""
    ids, amount = names.get("order_id"), names.get("amount")
    if ids is None or amount is None or not table[amount].type().is_numeric():
        return False
    if set(table.columns) - {*names.values(), *also, ROW}:  # another column: the file rules read it
        return False
    column = table[ids]
    present = column.notnull()
    if column.type().is_string():
        present &= column.strip() != ""
    counts = table.aggregate(
        rows=table.count(),
        ids=column.nunique(),
        present=present.sum(),
        negative=(table[amount] < 0).sum(),
    )
    got = con.execute(counts).iloc[0]
    rows = int(got["rows"])
    return int(got["ids"]) == rows and int(got["present"]) == rows and int(got["negative"] or 0) == 0
