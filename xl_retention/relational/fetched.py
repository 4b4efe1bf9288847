"""A typed table's columns fetched to be read as a file's (:func:`fetched`): a file's rows in its order, DECIMAL ids
as their digits, timestamps with a time zone in UTC (:func:`in_utc`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ibis.expr.types as ir
import pandas as pd

from .refusals import ROW

__all__ = ["fetched", "in_utc"]


def fetched(
    con: Any, table: ir.Table, wanted: list[str], source: str, names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The columns ``wanted`` of ``table``, to be read as a file's: a file's rows (the :data:`ROW` column) in its
    order, marked as read from the file (its rows named by number); a table's as the engine gives them (a
    :class:`~xl_retention.reading.errors.TableRows` ``source`` names them by their values). Ids of a DECIMAL column
    (PostgreSQL's ``numeric(20,0)`` of 64-bit ids) come as their digits: a driver may fetch them as doubles, which
    make 9007199254740993 and 9007199254740992 one customer. A timestamp with a time zone comes in UTC, as the engine
    counts it (:mod:`.instants`), whatever zone Ibis gives it (:func:`in_utc`)."""
    ids = {(names or {}).get(ours) for ours in ("customer_id", "visitor_id")}
    schema = table.schema()
    exact = {c: table[c].cast("string") for c in wanted if c in ids and schema[c].is_decimal()}
    picked = [exact.get(c, table[c]).name(c) for c in wanted]
    if ROW not in table.columns:
        return in_utc(con.execute(table.select(*picked)), schema)
    frame = in_utc(con.execute(table.order_by(ROW).select(*picked)), schema)
    frame.attrs["source"] = str(source)  # a file read by the engine: its rows by number, not as a frame's labels
    return frame


def in_utc(frame: pd.DataFrame, schema: Any) -> pd.DataFrame:
    """``frame``'s columns of timestamps with a time zone (TIMESTAMPTZ: instants) in UTC. Ibis converts them to the
    zone of the table's schema, which for a table made by ``con.create_table(name, frame)`` on PostgreSQL is the
    pandas frame's own (``timestamp('Europe/Berlin')``; the server's table says nothing of it): their months were
    read as that zone's where the SQL counts them, and the note names, UTC's."""
    for name in frame.columns:
        dtype = schema[name] if name in schema else None
        column = frame[name]
        if (
            dtype is not None
            and dtype.is_timestamp()
            and dtype.timezone
            and isinstance(column.dtype, pd.DatetimeTZDtype)
        ):
            frame[name] = column.dt.tz_convert("UTC")
    return frame
