"""An orders table holding a free trial's $0 invoice: read as a file's, which leaves it out with a note.

Stripe's invoice of a subscription starting with a free trial ("Billing Reason" ``subscription_create``, a line
"Trial period for ...", of 0.00) is no purchase (:mod:`xl_retention.reading.trial_invoices`); counted where it is, it
was a buyer who paid nothing. So a table with such a row (:func:`trial_invoices`) is read as a file's
(:mod:`.typed_tables`): the same rule, the same note on every engine. A table whose marked rows all hold an amount
(a subscription's first invoice paid) stays in its engine.
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from ..reading.names import keys_of
from ..reading.no_charge_rows import ZERO_NUMBER
from ..reading.statuses import SEPARATORS
from ..reading.trial_invoices import CREATED, DESCRIPTION_KEYS, REASON_KEYS, TRIAL_LINE
from .refusals import ROW, trimmed

__all__ = ["trial_invoices"]


def trial_invoices(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether a text column of ``table`` that may mark a trial's invoice (a reason, a line's description) marks a row
    whose amount (``names['amount']``) is 0.00, blank or text (one count query; False without such a column)."""
    schema = table.schema()
    marks = []
    for column in table.columns:
        if column == ROW or not schema[column].is_string():
            continue
        keys = keys_of(column)
        text = trimmed(table[column]).lower()
        if keys & REASON_KEYS:
            marks.append(text.re_replace(SEPARATORS, "_") == CREATED)
        elif keys & DESCRIPTION_KEYS:
            marks.append(text.startswith(TRIAL_LINE))
    if not marks:
        return False
    found = ibis.or_(*marks)
    amount = names.get("amount")
    if amount is not None and amount in table.columns and schema[amount].is_numeric():
        found &= table[amount].isnull() | (table[amount].abs() <= ZERO_NUMBER)
    return int(con.execute(table.filter(found).count())) > 0
