"""An orders table's ``order_id`` column that changes nothing: one row per order (H331's finding 03).

An order id makes a table be read as a file's (:mod:`.typed_tables`): an order's rows are its line items, added up,
a refund row with its sale's id is taken off that sale, a later item's blank customer is the order's. Read as a
file's, the rows go back to a PostgreSQL server as a temporary table, which a SELECT-only role may not make. Where
the table has no column but the ones read (customer, order id, date, amount, the segment's, a currency's: no status,
deletion date or other column a file's rules read), every row has an id of its own (no blank one, none twice, none
with a space around it) and no amount is negative, none of those rules has anything to do: each row is one order, as
in a table without the column, and the table is counted where it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

import ibis.expr.types as ir

from ..reading.values import WHITESPACE
from .refusals import ROW

__all__ = ["FILE_READ_BY", "one_row_per_order"]

#: Why the last orders table asked was read as a file's for its order ids (None: it was not, or not for them): the
#: no-TEMP refusal names it (:mod:`.api`), as a SELECT-only role cannot take that way.
FILE_READ_BY: ContextVar[str | None] = ContextVar("xl_retention_order_ids_file_read_by", default=None)


def one_row_per_order(con: Any, table: ir.Table, names: dict[str, str], also: Iterable[str] = ()) -> bool:
    """Whether ``table`` has no column but ``names``' values, ``also`` (the segment's, a currency's) and the row
    numbers, its order ids (``names['order_id']``) are each on one row, none blank nor (text) with a space around it
    (``'1 '``: order ``'1'`` to a file's strip), and no amount (``names['amount']``) is below 0: the column then
    changes no figure (one aggregate query, and one count for text ids)."""
    ids, amount = names.get("order_id"), names.get("amount")
    if ids is None or amount is None or not table[amount].type().is_numeric():
        return False
    others = sorted(set(table.columns) - {*names.values(), *also, ROW})
    if others:  # another column: the file rules read it
        FILE_READ_BY.set(f"column {ids!r} beside column {others[0]!r}, which a file's rules read")
        return False
    column = table[ids]
    present = column.notnull()
    if column.type().is_string():
        present &= column.strip() != ""
        # '1' and '1 ' are one order to a file's rules (Python's strip), two to an engine: read as a file's
        edge = f"^[{WHITESPACE}]|[{WHITESPACE}]$"
        if int(con.execute(table.filter(column.re_search(edge)).count())) > 0:
            FILE_READ_BY.set(f"column {ids!r}: an order id with spaces around it, one order with the same id without")
            return False
    counts = table.aggregate(
        rows=table.count(),
        ids=column.nunique(),
        present=present.sum(),
        negative=(table[amount] < 0).sum(),
    )
    got = con.execute(counts).iloc[0]
    rows, negative = int(got["rows"]), int(got["negative"] or 0)
    if int(got["ids"]) == rows and int(got["present"]) == rows and negative == 0:
        return True
    why = ("an order id on more than one row (line items, a sale's refunds)"
           if int(got["ids"]) < int(got["present"]) else f"{negative} negative amounts (refunds)" if negative
           else "blank order ids")  # fmt: skip
    FILE_READ_BY.set(f"column {ids!r}: {why}, added up per order as a file's are")
    return False
