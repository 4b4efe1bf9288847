"""An orders table holding a credit invoice read by a money column of 0.00: read as a file's, which leaves it out.

A row whose amount mapped is 0 and whose own total ("Total", "Subtotal") is below 0 (Stripe's proration credit) is no
purchase (:mod:`xl_retention.reading.credit_invoices`); counted where it is, it was a buyer who paid nothing. So a
table with such a row (:func:`credit_invoices`) is read as a file's (:mod:`.typed_tables`): the same rule, the same
note on every engine.
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from ..reading.credit_invoices import total_columns
from ..reading.no_charge_rows import ZERO_NUMBER
from .refusals import ROW

__all__ = ["credit_invoices"]


def credit_invoices(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether ``table`` has a row whose amount (``names['amount']``) is 0 and whose total column is below 0 (one
    count query; True where the amount or a total is text: read as a file's, which reads it; False without a total
    column)."""
    amount = names.get("amount")
    if amount is None or amount not in table.columns:
        return False
    totals = total_columns([c for c in table.columns if c != ROW], amount)
    if not totals:
        return False
    schema = table.schema()
    if not all(schema[c].is_numeric() for c in (amount, *totals)):
        return True
    below = ibis.or_(*(table[c] < -ZERO_NUMBER for c in totals))
    return int(con.execute(table.filter((table[amount].abs() <= ZERO_NUMBER) & below).count())) > 0
