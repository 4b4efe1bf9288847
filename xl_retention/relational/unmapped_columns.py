"""The checks of :mod:`xl_retention.reading.unmapped` on an engine's table: columns no name of ours knows, told by
their values (an end or a pause under another name, a status column, a movements log's types).

A table holding such a column is read as a file's (:func:`needs_file_reading`), so that the same rules refuse it with
the same words on every engine; an MRR movements log is refused here (:func:`refuse_movements_log`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ibis.expr.types as ir

from ..reading.statuses import SEPARATORS, status_columns_by_values
from ..reading.unmapped import date_suspects
from ..reading.unmapped import refuse_movements_log as _refuse_movements_log
from .refusals import ROW, trimmed

__all__ = ["needs_file_reading", "refuse_movements_log"]

#: distinct values looked at in a column: a status column has few, a column of dates is judged by a sample
_MOST = 50


def _texts(table: ir.Table) -> list[str]:
    return [c for c, dtype in table.schema().items() if dtype.is_string() and c != ROW]


def _distinct(con: Any, table: ir.Table, column: str, spelled: bool = False) -> list[Any]:
    value = table[column]
    if spelled:
        value = trimmed(value.cast("string")).lower().re_replace(SEPARATORS, "_")
    return con.execute(table.select(v=value).distinct().limit(_MOST + 1))["v"].tolist()


def refuse_movements_log(con: Any, table: ir.Table, names: Mapping[str, str], source: str, kind: str) -> bool:
    """An MRR movements log read as subscriptions is refused, as a file's is
    (:func:`xl_retention.reading.unmapped.refuse_movements_log`). Returns whether a snapshots table has a column of
    movements' words (dbt's ``fct_mrr``): read as a file's, whose rows are checked to be one per customer and month
    (:func:`~xl_retention.reading.movement_levels.check_movement_levels`)."""
    if kind not in ("snapshots", "intervals"):
        return False
    texts = set(_texts(table))
    found = _refuse_movements_log([c for c in table.columns if c != ROW], names, source, kind,
                                  lambda c: _distinct(con, table, c) if c in texts else [])  # fmt: skip
    return found is not None


def needs_file_reading(con: Any, table: ir.Table, names: Mapping[str, str], kind: str) -> bool:
    """Whether a subscriptions table holds an unmapped column whose values are statuses
    (:func:`~xl_retention.reading.statuses.status_columns_by_values`) or, in intervals, dates blank in some rows, or
    on every row (beside a mapped end, a later end; without one, an expiry or paid-through date: "Access Until",
    ``paid_until``) (:func:`~xl_retention.reading.unmapped.date_suspects`): read as a file's, it is used or refused
    alike."""
    if kind not in ("snapshots", "intervals"):
        return False
    used = set(names.values())
    texts = [c for c in _texts(table) if c not in used]

    def spelled(column: str) -> list[Any]:
        values = _distinct(con, table, column, spelled=True)
        return [] if len(values) > _MOST else [v for v in values if v is not None]

    if status_columns_by_values(texts, spelled):
        return True
    schema = table.schema()

    def sample(column: str) -> list[Any]:
        value = table[column]
        if schema[column].is_temporal():
            blank = value.isnull()
        elif schema[column].is_string():
            blank = value.isnull() | (trimmed(value) == "")
        else:
            return []
        counts = con.execute(table.aggregate(b=blank.sum(), n=(~blank).sum()))
        blanks, filled = int(counts["b"].iloc[0] or 0), int(counts["n"].iloc[0] or 0)
        if not blanks and filled:  # dates on every row beside an end: a later end (paid through)? without one: an
            return con.execute(table.select(v=value).distinct().limit(_MOST))["v"].tolist()  # expiry ('Access Until')?
        if not blanks or not filled:
            return []
        if schema[column].is_temporal():
            return [None, "2000-01-01"]
        return [None, *con.execute(table.filter(~blank).select(v=value).limit(_MOST))["v"].tolist()]

    others = [c for c in table.columns if c != ROW and c not in used]
    return bool(date_suspects(others, names, kind, sample))
