"""The refusal of two currencies in an engine's typed table (:func:`.mirrors._refuse_currencies`), naming the rows
and the values as written as the pandas path does (:func:`~xl_retention.reading.currency.check_currency_column`):
a Parquet file's first row of each currency by its record number ("in rows 1, 2 (counting the Parquet file's first
record as row 1): 'USD', 'eur'"), a database table's one row of each by its values; the advice pastes the last
currency as written (``--segment currency=eur``), which every path reads as one segment (:mod:`.one_segment`).
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from ..reading import DataError, bad_rows
from ..reading.currency import code_of, segment_said
from .refusals import ROW, _stripped, first_rows

__all__ = ["currency_refusal"]

#: The most spellings of a currency column read to name its rows (a column of more is named as before: no rows).
_MOST = 200


def currency_refusal(con: Any, table: ir.Table, source: Any, name: str, hint: str) -> DataError | None:
    """The refusal of the currency column ``name`` of ``table`` holding two currencies, naming the first row of each
    (by its row number with :data:`~.refusals.ROW`, else by its values) and the value written there, with ``hint``
    and the remedy; ``None`` when its spellings are more than :data:`_MOST` (or make one currency)."""
    raw = table[name].cast("string")
    text = _stripped(raw)
    kept = table.filter(text.notnull() & (text != ""))
    if ROW in table.columns:  # each spelling's first record, in the file's order (pandas: its first appearance)
        spellings = kept.group_by(__v=raw).aggregate(__r=kept[ROW].min()).order_by("__r").limit(_MOST + 1)
    else:  # a table has no row order: its spellings sorted
        spellings = kept.select(__v=raw).distinct().limit(_MOST + 1)
    found = con.execute(spellings).to_dict("records")
    if len(found) > _MOST:
        return None
    if ROW not in table.columns:
        found.sort(key=lambda record: str(record["__v"]))
    first: dict[str, dict[str, Any]] = {}
    for record in found:  # 'EUR', '€', 'eur': one currency, its first spelling's row (reading.currency)
        first.setdefault(code_of(str(record["__v"]).strip()), record)
    if len(first) < 2:
        return None
    problem = f"{len(first)} currencies ({', '.join(first)})"
    last = str(list(first.values())[-1]["__v"]).strip()
    remedy = (
        "; amounts are added up: convert them to one currency first, or import one currency at a time "
        f"({segment_said(f'{name}={last}')})"
    )
    if ROW in table.columns:
        rows = {int(r["__r"]): r["__v"] for r in first.values()}
        error = bad_rows(source, name, problem, list(rows), rows)
    else:  # one row of each currency's spelling, the first by the table's columns
        order = [c for c in table.columns if not table.schema()[c].is_nested()]
        numbered = table.mutate(__k=ibis.row_number().over(group_by=raw, order_by=order))
        picked = numbered[name].cast("string").isin([r["__v"] for r in first.values()]) & (numbered.__k == 0)
        error = first_rows(con, numbered, picked, source, name, problem, name, len(first))
    return DataError(
        str(error) + hint + remedy, source=source, column=name, rows=error.rows, row_count=error.row_count
    )  # fmt: skip
