"""A table's column of nested values (dicts, lists, arrays, sets): refused naming it and its first such row, before any
check reads it.

No cell of an export holds one: a DataFrame made from an API's records (``pd.DataFrame(subscriptions)``, Stripe's
``plan``, ``items``, ``metadata``), a polars or pyarrow table with a struct or list column, or a Parquet file with one,
has them. Read as a cell, the value stopped the reading with ``TypeError: unhashable type: 'dict'`` naming nothing (the
first check that hashed the column's values). Every column is read (an unmapped status or end date would change the
counts, :mod:`.unmapped`), so one that is not mapped is refused too: its values may say what the mapped ones do not.
An engine's typed table is refused the same way by :mod:`xl_retention.relational.nested_columns`.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import Any

import numpy as np
import pandas as pd

from .errors import _is_parquet, bad_rows, source_of

__all__ = ["parquet_advice", "refuse_nested_values"]

#: kinds of value no cell holds (a tuple is a value of a pandas MultiIndex's level, never of a column read here)
_NESTED = (Mapping, list, tuple, Set, np.ndarray)


def _kind(value: Any) -> str:
    """``{}`` -> 'dict', ``[1]`` -> 'list', ``np.array([1])`` -> 'array'."""
    if isinstance(value, Mapping):
        return "dict"
    if isinstance(value, np.ndarray):
        return "array"
    return "set" if isinstance(value, Set) else type(value).__name__


def _article(kind: str) -> str:
    """'array' -> 'an array', 'dict' -> 'a dict'."""
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def refuse_nested_values(df: pd.DataFrame, source: str) -> None:
    """:class:`~.errors.DataError` naming ``df``'s first column holding a dict, a list, a tuple, a set or an array,
    its first such row and value, and how many rows hold one; nothing where no column does.

    Only object columns whose values pandas cannot type as one kind (``infer_dtype`` 'mixed') are looked at, by the
    types of their values: a column of text, numbers or dates costs one typed pass.

    >>> refuse_nested_values(pd.DataFrame({"id": ["a", "b"], "mrr": [1.0, 2.0]}), "input")
    >>> refuse_nested_values(pd.DataFrame({"id": ["a", "b"], "plan": [{"amount": 5}, None]}), "input")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: input, column 'plan': a dict (a nested value, no cell's text, number or \
date) in the row at index 0: {'amount': 5}: take the value you mean out of it into a column of its own \
(pandas.json_normalize makes one of each field: 'plan.amount') and map that one, or leave the column out (a column not \
mapped is read too: a status or an end date there would change the counts)
    """
    for position in range(df.shape[1]):
        values = df.iloc[:, position]
        if values.dtype != object or pd.api.types.infer_dtype(values, skipna=True) != "mixed":
            continue
        cells = values.to_numpy()
        kinds = {kind for kind in set(map(type, cells)) if issubclass(kind, _NESTED)}  # a pass of C: 30 ms a million
        if not kinds:
            continue
        nested = np.flatnonzero([type(value) in kinds for value in cells])
        first = int(nested[0])
        value = values.iloc[first]
        shown = value.tolist() if isinstance(value, np.ndarray) else value
        name = str(df.columns[position])
        fields = [str(k) for k in value] if isinstance(value, Mapping) else []
        flatten = f" (pandas.json_normalize makes one of each field: {name + '.' + fields[0]!r})" if fields else ""
        advice = (
            f"take the value you mean out of it into a column of its own{flatten} and map that one, or leave the "
            "column out (a column not mapped is read too: a status or an end date there would change the counts)"
        )
        kind = _kind(value)
        if _is_parquet(source):  # a file's: its own types, and a way on with pyarrow (which read it), not pandas
            kind, advice = parquet_advice(str(source), name, fields)
        raise bad_rows(
            source_of(df, source),
            name,
            f"{_article(kind)} (a nested value, no cell's text, number or date)",
            [first],
            {first: shown},
            count=len(nested),
            advice=advice,
        )


def parquet_advice(file: str, name: str, fields: list[str]) -> tuple[str, str]:
    """The Parquet type of column ``name`` of ``file`` holding nested values (a struct, whose ``fields`` are given;
    else a list) and the way on: a column of each field (pyarrow's ``Table.flatten``), or the column left out.

    >>> print(parquet_advice("orders.parquet", "shipping", ["city", "zip"])[1])
    make a column of each of its fields and map the one you mean: pyarrow.parquet.write_table(\
pyarrow.parquet.read_table('orders.parquet').flatten(), 'orders_flat.parquet') writes 'shipping.city', \
'shipping.zip'; or leave the column out: pyarrow.parquet.write_table(pyarrow.parquet.read_table('orders.parquet')\
.drop_columns(['shipping']), 'orders_flat.parquet') (a column not mapped is read too: a status or an end date there \
would change the counts)
    """
    stem = file[: file.lower().rfind(".")] if "." in file else file
    out = f"{stem}_flat.parquet"
    read = f"pyarrow.parquet.read_table({file!r})"
    drop = (
        f"pyarrow.parquet.write_table({read}.drop_columns([{name!r}]), {out!r}) (a column not mapped is read too: a "
        "status or an end date there would change the counts)"
    )
    if fields:
        made = ", ".join(repr(f"{name}.{f}") for f in fields[:3]) + (", ..." if len(fields) > 3 else "")
        return "struct", (
            f"make a column of each of its fields and map the one you mean: pyarrow.parquet.write_table({read}"
            f".flatten(), {out!r}) writes {made}; or leave the column out: {drop}"
        )
    return "list", (
        "several values in one record: write the one you mean in a column of its own (one value a record) and map "
        f"that one, or leave the column out: {drop}"
    )
