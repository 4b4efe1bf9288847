"""Whole amounts an API writes in cents beside files that write units: refused until ``--amounts`` says which.

Chargebee's API (a table with its ``object`` and ``resource_version`` fields) and Lemon Squeezy's write money in the
currency's smallest unit (7900 is 79.00), their CSV exports and tables typed by hand in units; read as units, every MRR
was 100 times too high, silently. The refusal names the column, the first value and both of its readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .errors import bad_rows

__all__ = ["chargebee_kind", "refuse_chargebee_cents", "refuse_whole_amounts", "whole_amounts_problem"]


def refuse_chargebee_cents(
    values: Any, column: str, source: str, told: Sequence[str] = ("object", "resource_version")
) -> None:
    """Refuse the whole amounts of a Chargebee API export flattened to a table (``told``: the fields that say so, its
    ``object`` and ``resource_version``, :func:`.vendor_cents.chargebee_api_fields`): the API writes money in the
    currency's smallest unit (``plan_unit_price`` 7900 is 79.00), its CSV exports in units; read as units, every MRR
    was 100 times too high, silently (H68 finding 11, H254 finding 01).

    >>> import pandas as pd
    >>> refuse_chargebee_cents(pd.Series(["7900", "2900"]), "plan_unit_price", "cb.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: cb.csv, column 'plan_unit_price': whole amounts in an export of \
Chargebee's API (its object and resource_version fields), which writes money in cents (7900 as 79.00), where \
Chargebee's CSV exports write units (7900.00): say which with --amounts cents or --amounts units in row 2 (counting \
the header as row 1): '7900'
    """
    refuse_whole_amounts(values, column, source, chargebee_kind(told), "Chargebee's CSV exports write")


def chargebee_kind(told: Sequence[str]) -> str:
    """What writes whole amounts in cents in a table of Chargebee's API objects told by the fields ``told``."""
    fields = f"{' and '.join(told)} field{'s' if len(told) > 1 else ''}"
    return f"an export of Chargebee's API (its {fields}), which writes money"


def refuse_whole_amounts(values: Any, column: str, source: str, cents_kind: str, units_kind: str) -> None:
    """Refuse whole amounts that ``cents_kind`` writes in cents and ``units_kind`` in units, naming the first and both
    of its readings (:func:`refuse_chargebee_cents`, :func:`.lemon_squeezy.refuse_cents`)."""
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip().to_numpy()
    filled = np.flatnonzero(text != "")
    first = int(filled[0]) if filled.size else 0
    written = text[first][:-2] if text[first].endswith(".0") else text[first]
    raise bad_rows(source, column, whole_amounts_problem(written, cents_kind, units_kind), [first], text)


def whole_amounts_problem(written: str, cents_kind: str, units_kind: str) -> str:
    """The problem of :func:`refuse_whole_amounts`, by the first amount as ``written`` (a typed table's too)."""
    shown = f"{float(written) / 100:,.2f}" if written else "?"
    return (
        f"whole amounts in {cents_kind} in cents ({written} as {shown}), where {units_kind} units ({written}.00): say "
        "which with --amounts cents or --amounts units"
    )
