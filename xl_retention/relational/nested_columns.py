"""A typed table's column of nested values (a struct, a list, a map) mapped to one of the tables' columns: refused
naming it, before any of its values is read.

Such a column holds no id, date, amount or score: read as a file's, its values (dicts, lists) stopped the reading with
``TypeError: unhashable type: 'dict'``, naming nothing. A Spark DataFrame made from a pandas frame with a month column
of ``Period`` values is one: Spark makes each month an empty struct, and the months are lost before the call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..reading import DataError

__all__ = ["refuse_nested_columns"]

#: what each of our columns holds, for the message
_HOLDS = {"customer_id": "ids", "visitor_id": "ids", "subscription_id": "ids", "order_id": "ids", "segment": "labels"}


def refuse_nested_columns(schema: Any, names: Mapping[str, str], source: Any, extra: tuple[str, ...] = ()) -> None:
    """:class:`DataError` naming the first column of ``names`` (ours -> theirs) or ``extra`` (a segment's column)
    whose type in ``schema`` (an Ibis schema) is a struct, an array or a map."""
    mapped = [(ours, theirs) for ours, theirs in names.items()] + [("segment", c) for c in extra]
    for ours, theirs in mapped:
        if theirs not in schema:
            continue
        dtype = schema[theirs]
        if not (dtype.is_struct() or dtype.is_array() or dtype.is_map()):
            continue
        kind = "struct" if dtype.is_struct() else "list" if dtype.is_array() else "map"
        holds = _HOLDS.get(ours, "dates" if ours in ("date", "month", "start", "end") else "numbers")
        advice = (
            "a Spark DataFrame made from a pandas column of Periods has empty structs there: make them dates or "
            "'YYYY-MM' texts first (frame[column].dt.to_timestamp())"
            if dtype.is_struct() and not dtype.names
            else f"select the {holds} out of it into a column of their own and map that one"
        )
        raise DataError(
            f"{source}, column {theirs!r}: its values are {kind}s ({dtype}), not {holds}: {advice}",
            source=source,
            column=theirs,
        )
