"""Refusals of an engine's typed table: the first rows where a condition holds, named as a file's rows are.

:func:`refuse_any` counts every check in one aggregate query and raises :class:`~xl_retention.reading.DataError`
for the first that fails, naming its first rows (:func:`first_rows`: by the file's row numbers when the table has
the :data:`ROW` column, else by their ids and values).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import ibis.expr.types as ir
import numpy as np
import pandas as pd

from ..reading import DataError, bad_rows
from ..reading.errors import ROW_KEYS, SHOW_ROWS, TableRows, described

__all__ = ["ROW", "OtherValues", "first_rows", "refuse_any"]

#: The row numbers' column of engine inputs read from files (0 = the first data row).
ROW = "__row"


class OtherValues(NamedTuple):
    """A check's shown column where the value at fault is a blank (a missing id): the row's other values are shown,
    as the pandas path shows a file's row without an id ("in row 2 (...): (date '2026-01-06', amount 20.0)"):
    every column of the table but ``column`` and :data:`ROW`, named as ``labels`` names them (ours: the file's)."""

    column: str
    labels: Mapping[str, str]


def _stripped(text: ir.StringValue) -> ir.StringValue:
    """``text.strip()`` (spaces, tabs and newlines at either end), computed only for the values that need it.

    A value without a space at either end and without a tab or newline is left as it is; testing that
    costs a fraction of TRIM with a character set, which every id of a large table would otherwise pay.
    """
    needs = text.startswith(" ") | text.endswith(" ") | text.contains("\t") | text.contains("\n")
    return needs.ifelse(trimmed(text), text)


def unseen_in_ids(con: Any, table: ir.Table, columns: list[str]) -> bool:
    """Whether a text column of ``columns`` holds an id with a character of no width (a zero-width space, a byte
    order mark, a left-to-right mark) or accents not in one form (``e`` and a combining accent, macOS' form of
    ``é``), full-width digits, or is a whole number written as a decimal ('123.0'):
    :func:`~xl_retention.reading.values.visible_text` and :func:`~xl_retention.reading.values.whole_number_ids` make
    them one id with the one that looks alike, so the table is then read as a file's. Only the distinct values with a
    character outside printable ASCII are fetched."""
    import pyarrow as pa

    from ..reading.values import unseen_characters

    for name in columns:
        column = table[name]
        if int(con.execute(table.filter(column.re_search(r"^[0-9]+\.0+$")).count())):  # '123.0' (values.py)
            return True
        odd = table.filter(column.re_search("[^ -~]")).select(v=column).distinct()
        values = con.execute(odd)["v"]
        if len(values) and unseen_characters(pa.array(values.astype(object).tolist(), type=pa.string())):
            return True
    return False


def trimmed(text: ir.StringValue) -> ir.StringValue:
    """``text`` without white space at either end, by regular expressions: ibis' ``strip`` is, on Spark, a TRIM whose
    character list's vertical tab and form feed escapes Spark reads as the letters v and f ('free' became 'ree',
    'false' 'alse')."""
    return text.re_replace(r"^\s+", "").re_replace(r"\s+$", "")


def refuse_any(
    con: Any,
    t: ir.Table,
    source: str,
    checks: list[tuple[Any, ...]],
    extra: dict[str, ir.Scalar] | None = None,
) -> dict[str, Any]:
    """Raise :class:`DataError` for the first check (column, problem, condition, shown column [, advice: what to do,
    written after the rows, as :func:`first_rows` writes it]) any row fails.

    All the conditions (and the ``extra`` aggregates, whose values are returned) are computed in one
    aggregate query; the first rows of a failing check are fetched.
    """
    if not checks and not extra:
        return {}
    sums = {f"c{i}": check[2].ifelse(1, 0).sum() for i, check in enumerate(checks)}
    found = con.execute(t.aggregate(**sums, **(extra or {}))).iloc[0].to_dict()
    for i, (column, problem, condition, shown, *advice) in enumerate(checks):
        count = found[f"c{i}"]
        if pd.notna(count) and int(count) > 0:
            raise first_rows(con, t, condition, source, column, problem, shown, int(count), *advice)
    return found


def first_rows(
    con: Any, t: ir.Table, condition: ir.BooleanValue, source: str, column: str, problem: str, shown: str | None,
    count: int, advice: str | None = None,
) -> DataError:  # fmt: skip
    """The :class:`DataError` naming the first rows where ``condition`` holds (by row number, or by their values).

    ``advice``: what to do, written after the rows and values on both paths, as
    :func:`~xl_retention.reading.errors.bad_rows` writes it (never in ``problem``, whose end the rows follow).
    """
    bad = t.filter(condition)
    if ROW in t.columns and isinstance(shown, OtherValues):  # a blank id: the row's other values (reading.values)
        from ..reading.values import _rows_told

        others = [c for c in t.columns if c in shown.labels and c != shown.column]  # the mapped columns read
        rows = con.execute(bad.select(ROW, *others).order_by(ROW).limit(SHOW_ROWS))
        positions = rows[ROW].to_numpy(dtype=np.int64)
        frame = rows[others].rename(columns=dict(shown.labels)).reset_index(drop=True)
        told = _rows_told(frame, np.arange(len(frame)), "")
        values = {int(p): told[i] for i, p in enumerate(positions.tolist())}
        return bad_rows(source, column, problem, positions, values, count=count, advice=advice)
    if ROW in t.columns:
        picked = [ROW] + ([shown] if shown and shown in t.columns else [])
        rows = con.execute(bad.select(*picked).order_by(ROW).limit(SHOW_ROWS))
        positions = rows[ROW].to_numpy(dtype=np.int64)
        values = dict(zip(positions.tolist(), rows[shown].tolist(), strict=True)) if len(picked) > 1 else None
        return bad_rows(source, column, problem, positions, values, count=count, advice=advice)
    names = source.names if isinstance(source, TableRows) else {}
    label = {ours: theirs for ours, theirs in names.items() if ours in t.columns}  # our typed columns: their names
    label |= {c: c for c in names.values() if c in t.columns}  # the table's own columns (a check on the raw table)
    keys = [c for ours in ROW_KEYS for c in (ours, names.get(ours)) if c in label] or [
        c for c in ("customer_id", "visitor_id") if c in t.columns
    ]  # its id and dates, in the table's spelling; without names, the ids of our typed columns
    keys = list(dict.fromkeys(keys))
    others = [c for c in label if c not in keys and not c.startswith("__")]  # told where the id is blank
    picked = list(dict.fromkeys(keys + ([shown] if shown and shown in t.columns else []) + others))
    order = list(dict.fromkeys(keys + ([shown] if shown and shown in t.columns else [])))
    rows = con.execute(bad.select(*picked).order_by(order).limit(SHOW_ROWS)) if picked else pd.DataFrame()
    label |= {"__shown": column}  # a copy of the file's column made to show it: named as the column
    seen = [label.get(c, c) for c in keys]
    told = label.get(shown, shown) if shown else ""
    found = []
    for record in rows.to_dict("records"):
        named = {label.get(c, c): record[c] for c in picked if c in keys or c == shown}  # id, dates, the value
        named |= {label.get(c, c): record[c] for c in picked if c not in named}  # others: where the id is blank
        found.append(described(named, seen, told, named.get(told), told in named))
    text = f"{count} row{'s' if count != 1 else ''}" + (f", e.g. {'; '.join(found)}" if found else "")
    message = f"{source}, column {column!r}: {problem} in {text}" + (f": {advice}" if advice else "")
    return DataError(message, source=source, column=column, row_count=count)
