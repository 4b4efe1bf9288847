""":mod:`xl_retention.reading.vendor_cents` for a typed table on its engine: a vendor's documented cents fields.

A table of Chargebee's API objects (``plan_unit_price`` in cents beside an ``object`` column of its objects,
``resource_version``, or two fields only its API writes) is refused asking for ``--amounts``; a table in Baremetrics'
CSV import template (its ``oid`` columns) is read in cents with a note, refused where an amount is below one unit in
cents. A table read as a file's is fetched with its mapped columns only, which would hide the fields that tell: so
these are told here, by the table's column names and a few aggregate queries (a typed table of the template was read
in units, June new MRR 25,000 for 250).
"""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir
import pandas as pd

from ..reading import key
from ..reading.api_cents import chargebee_kind, whole_amounts_problem
from ..reading.notes import note
from ..reading.vendor_cents import (
    CHARGEBEE_CENTS,
    baremetrics_below_problem,
    baremetrics_note,
    baremetrics_table,
    chargebee_api_fields,
    vendor_cents_named,
)
from .refusals import ROW, first_rows

__all__ = ["square_cents_unsure", "vendor_cents_table"]


def _written(value: float) -> str:
    """A whole amount as a file writes it (``4900``)."""
    return f"{value:.0f}"


def vendor_cents_table(con: Any, table: ir.Table, column: str, divisors: ir.Value, source: Any) -> ir.Value | None:
    """Each row's divisor of ``column`` where it is Baremetrics' template's ``plan_amount`` (``divisors``: by the
    row's currency), with a note; refused where a vendor's cents may be units (see the module docstring); None where
    no vendor's table says so, or its amounts are not whole."""
    columns = [c for c in table.columns if c != ROW]
    if not vendor_cents_named(columns, column):
        return None
    amount = table[column].cast("float64")
    filled = amount.notnull()
    below = filled & (amount != 0) & (amount.abs() < divisors)
    found = con.execute(
        table.aggregate(
            n=filled.ifelse(1, 0).sum(),
            fractions=(filled & (amount != amount.floor())).ifelse(1, 0).sum(),
            below=below.ifelse(1, 0).sum(),
        )
    ).iloc[0]
    count = int(found["n"] or 0)
    if not count or int(found["fractions"] or 0):
        return None
    ordered = table.order_by(ROW) if ROW in table.columns else table.order_by(column)
    if key(column) in CHARGEBEE_CENTS and (told := chargebee_api_fields(_names_frame(con, table, columns))):
        first = con.execute(ordered.filter(filled).select(v=amount).limit(1))["v"].iloc[0]
        problem = whole_amounts_problem(_written(first), chargebee_kind(told), "Chargebee's CSV exports write")
        raise first_rows(con, table, filled, source, column, problem, column, count)
    if baremetrics_table(columns) is None:
        return None
    if int(found["below"] or 0):
        first = con.execute(ordered.filter(below).select(v=amount, d=divisors).limit(1)).iloc[0]
        problem = baremetrics_below_problem(column, _written(first["v"]), float(first["d"]))
        raise first_rows(con, table, below, source, column, problem, column, int(found["below"]))
    first = con.execute(ordered.filter(filled & (divisors > 1)).select(v=amount, d=divisors).limit(1))
    if first.empty:
        return None
    note(baremetrics_note(source, column, _written(first["v"].iloc[0]), float(first["d"].iloc[0])))
    return divisors


def square_cents_unsure(con: Any, table: ir.Table, column: str, customer: str, currencies: list[str]) -> bool:
    """Whether whole amounts of ``column`` are Square's cents by its API's word, or may be: a Money object's amount
    flattened (``amount_money.amount``: read in cents with a note), or an API field's name (``amount``) beside one
    currency column and customer ids as a payment API writes them (refused: cents or units?), as
    :func:`xl_retention.reading.vendor_cents.square_divisors` and ``refuse_api_whole_amounts`` tell a file's. The
    table is then read as a file's, which does either (its currency column is fetched with it); a typed table of them
    was read in units, 4900 for 49.00. One aggregate query, and one of the distinct ids (at most 10,000)."""
    from ..reading.smallest_units import _api_amount, _api_headers
    from ..reading.vendor_cents import api_ids, square_money

    money = square_money(column)
    headers = [c for c in table.columns if c != ROW and c not in currencies]
    api = len(currencies) == 1 and _api_headers(headers) and _api_amount(column)
    if not (money or api):
        return False
    amount = table[column].cast("float64")
    found = con.execute(
        table.aggregate(n=amount.count(), f=(amount.notnull() & (amount != amount.floor())).ifelse(1, 0).sum())
    ).iloc[0]
    if not int(found["n"] or 0) or int(found["f"] or 0):
        return False
    if money:
        return True
    ids = con.execute(table.select(v=table[customer].cast("string")).distinct().limit(10_000))["v"]
    return api_ids(ids.dropna().tolist()) is not None


def _names_frame(con: Any, table: ir.Table, columns: list[str]) -> pd.DataFrame:
    """A frame of the table's columns, empty but for its ``object`` column's distinct values (at most 50): what
    :func:`~xl_retention.reading.vendor_cents.chargebee_api_fields` reads."""
    objects = [c for c in columns if key(c) == "object"]
    if len(objects) != 1:
        return pd.DataFrame(columns=columns)
    values = con.execute(table.select(v=table[objects[0]].cast("string")).distinct().limit(50))["v"]
    frame = pd.DataFrame({c: [None] * len(values) for c in columns})
    frame[objects[0]] = values.to_numpy()
    return frame
