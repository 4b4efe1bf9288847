"""Recharge's prepaid subscriptions in a whole database table, not its first rows only.

A file's rows are all read by :func:`~xl_retention.reading.prepaid_intervals.refuse_prepaid_intervals`; a database
table's import checked the first 1,000 rows it fetches for its other columns' values, so a prepaid subscription
(``charge_interval_frequency`` 3 beside ``order_interval_frequency`` 1) in a later row was read by the charge's
interval alone, its MRR possibly 3 times too low. :func:`refuse_prepaid_table` finds the table's distinct pairs of
the two frequencies with one aggregate query (GROUP BY: a few, such as (1, 1), (3, 1), (3, 3)), compares them as the
file's check does, and fetches the first row of a pair that differs, refused with the file's message.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import reduce
from typing import Any

import ibis.expr.types as ir
import numpy as np
import pandas as pd

from ..reading.names import key
from ..reading.prepaid_intervals import ORDER_FREQUENCIES, _numbers, refuse_prepaid_intervals
from .refusals import ROW

__all__ = ["refuse_prepaid_table"]


def refuse_prepaid_table(con: Any, table: ir.Table, names: Mapping[str, str], source: str) -> None:
    """Refuse ``table``'s first row (by its row number, else any) whose order frequency differs from the charge's
    interval count (``names["interval_count"]``), as a file's is, over every row of the table."""
    count = names.get("interval_count")
    columns = [c for c in table.columns if c != ROW]
    if count is None or count not in columns:
        return
    used = {key(c) for c in names.values()}
    for column in columns:
        if key(column) not in ORDER_FREQUENCIES or key(column) in used:
            continue
        pairs = con.execute(table.select(c=table[count], o=table[column]).distinct())
        charge, order = _numbers(pairs["c"]), _numbers(pairs["o"])
        differ = pairs[(charge != order) & ~np.isnan(charge) & ~np.isnan(order)]
        if differ.empty:
            continue
        matches = [
            (table[count] == c) & (table[column] == o)
            for c, o in zip(differ["c"].tolist(), differ["o"].tolist(), strict=True)
        ]
        bad = table.filter(reduce(lambda a, b: a | b, matches))
        if ROW in table.columns:
            bad = bad.order_by(ROW)
        row = con.execute(bad.limit(1))
        positions = row[ROW].tolist() if ROW in row.columns else None
        row = pd.DataFrame(row[columns])
        refuse_prepaid_intervals(row, names, source, positions)
