"""An orders table with an amount of 0.00: read as a file's, where such an order is left out with a note.

An order whose amount (its rows netted) is 0.00 collects no money: no purchase, left out with a note naming its rows
(:mod:`xl_retention.reading.zero_orders`, H413's finding 02). Counted where it is, a table's row of 0.00 was an
order (a buyer who paid nothing); so a table with one is read as a file's (:mod:`.typed_tables`), the same rule
and the same note on every engine. One count, of the rows within half a cent of 0.
"""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir

from ..reading.zero_orders import ZERO

__all__ = ["zero_amounts"]


def zero_amounts(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether ``table``'s amount column (``names['amount']``, numeric) holds a value within 0.005 of 0 (an order of
    0.00, or an item of one: read as a file's, which nets the order first); False without a numeric amount (a text
    one is read as a file's anyway)."""
    amount = names.get("amount")
    if amount is None or amount not in table.columns or not table[amount].type().is_numeric():
        return False
    return int(con.execute(table.filter(table[amount].abs() <= ZERO).count())) > 0
