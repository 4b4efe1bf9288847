"""An orders or answers table without a record id loaded twice: its rows read as a file's, which refuses them.

A table whose rows repeat in every column with a time of day (:mod:`~xl_retention.reading.loaded_twice`: every order
twice, to the second, is a table loaded twice) is read as a file is, where the rule is judged and the rows named.
One count of the distinct rows; where some repeat, the dates of the first repeated rows are looked at for a time of
day (rows of one day alone may be two purchases, and are read by the engine as before).
"""

from __future__ import annotations

import re
from typing import Any

import ibis.expr.types as ir

from ..reading.repeats import record_id_columns
from .refusals import ROW

__all__ = ["timed_copies"]

_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
#: Repeated rows whose dates are looked at.
_LOOKED_AT = 1_000


def _has_time(value: Any) -> bool:
    """Whether ``value`` (a date as the engine returns it) carries a time of day other than midnight."""
    found = _TIME.search(str(value))
    return found is not None and any(int(g) for g in found.groups() if g)


def timed_copies(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether an orders or answers table without a record id column has rows twice in every column whose date
    carries a time of day."""
    columns = [c for c in table.columns if c != ROW]
    date = names.get("date")
    if date is None or record_id_columns(columns, names.get("order_id"), people=(names.get("customer_id"),)):
        return False
    if int(con.execute(table.select(*columns).distinct().count())) == int(con.execute(table.count())):
        return False
    counted = table.group_by(columns).aggregate(__n=table.count())
    twice = counted.filter(counted.__n > 1).select(date).limit(_LOOKED_AT)
    return any(_has_time(v) for v in con.execute(twice)[date])
