"""Whole amounts whose unit another column's values say: Metronome's credit type ``USD (cents)``.

Metronome's invoices write every amount of an invoice in its credit type, named in a column of its own
(``credit_type_name``): its fiat type is ``USD (cents)``, so a ``total`` of 12050 is 120.50 US dollars. The amount's
name says nothing of cents and no billing API's shape is there (no ``cus_`` ids): without reading that column, the
amounts were read as dollars, revenue 100 times too high, exit 0, no note (H569's finding 01).

:func:`said_cents_divisors`: where a column other than the amount says cents in its values (a currency, or any text,
``USD (cents)``, ``EUR [minor units]``), the amounts it says so of are read in cents (divided by 100) with a note;
refused, asking for ``--amounts``, where some rows of the amount say cents and others do not (``credits``, ``USD``),
or where the amounts are not whole (cents are whole). ``--amounts`` decides before this (``units``: as written).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["CENTS_SAID", "said_cents_column", "said_cents_divisors"]

#: a unit column holds a few values (a credit type, a currency): one of more in its first rows is none
_MOST = 40

#: A value that says an amount's unit is cents: a word of the smallest unit in brackets (``USD (cents)``,
#: ``EUR [minor units]``, ``usd (smallest unit)``).
CENTS_SAID = re.compile(r"[(\[]\s*(?:cents?|minor[ _-]?units?|smallest[ _-](?:currency[ _-])?units?)\s*[)\]]", re.I)


def said_cents_column(df: pd.DataFrame, column: str) -> str | None:
    """The first column of ``df`` other than the amount ``column`` whose text values say cents (:data:`CENTS_SAID`),
    None where none does.

    >>> said_cents_column(pd.DataFrame({"total": [12050], "credit_type_name": ["USD (cents)"]}), "total")
    'credit_type_name'
    >>> said_cents_column(pd.DataFrame({"total": [120.5], "currency": ["USD"]}), "total") is None
    True
    """
    for name in map(str, df.columns):
        if name == column or list(map(str, df.columns)).count(name) != 1:
            continue
        values = df[name]
        if pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_datetime64_any_dtype(values.dtype):
            continue
        if values.iloc[:2000].nunique(dropna=True) > _MOST:
            continue  # ids, names, dates as text: no unit column (not hashed whole on a large file)
        distinct = pd.unique(values.dropna().to_numpy(dtype=object))
        if any(isinstance(v, str) and CENTS_SAID.search(v) for v in distinct):
            return name
    return None


def said_cents_divisors(df: pd.DataFrame, column: str, source: str, whole: bool) -> np.ndarray | None:
    """Each row's divisor of the amount ``column`` where another column's values say cents
    (:func:`said_cents_column`): 100 on every row, with a note; None where no column says so. ``whole``: whether every
    amount is whole, written without a decimal mark. :class:`DataError` naming the rows where some amounts are said
    to be in cents and others not, or where the amounts said in cents are not whole.

    >>> df = pd.DataFrame({"total": ["12050", "8000"], "credit_type_name": ["USD (cents)"] * 2})
    >>> said_cents_divisors(df, "total", "f.csv", True).tolist()
    [100.0, 100.0]
    """
    from .errors import bad_rows
    from .notes import note

    said = said_cents_column(df, column)
    if said is None:
        return None
    unit = df[said].astype(object).where(df[said].notna(), "").astype(str).str.strip().to_numpy()
    text = df[column].astype(object).where(df[column].notna(), "").astype(str).str.strip().to_numpy()
    filled = text != ""
    cents = np.array([bool(CENTS_SAID.search(u)) for u in unit], dtype=bool)
    example = unit[np.flatnonzero(cents)[0]]
    other = filled & ~cents
    if other.any():
        problem = (
            f"amounts said to be in cents by {said!r} in some rows ({example!r}) and not in others (their unit there "
            "cannot be told)"
        )
        advice = "say which with --amounts cents or --amounts units, or import the rows of one unit"
        raise bad_rows(source, said, problem, np.flatnonzero(other), unit, advice=advice)
    if not whole:
        problem = f"amounts with a decimal mark or that are no numbers, where {said!r} says cents ({example!r})"
        advice = "cents are whole: if the amounts are in units, import with --amounts units"
        raise bad_rows(source, column, problem, np.flatnonzero(filled)[:1], text, advice=advice)
    first = int(np.flatnonzero(filled)[0]) if filled.any() else 0
    written = text[first][:-2] if text[first].endswith(".0") else text[first]
    shown = f"{written} as {float(written) / 100:,.2f}" if written else "4900 as 49.00"
    note(
        f"{source}: the whole amounts of {column!r} were read in cents, as {said!r} says ({example!r}: {shown}); "
        "if they are whole units, import with --amounts units"
    )
    return np.full(len(df), 100.0)


def said_cents_mrr(df: pd.DataFrame, values: np.ndarray, name: str, source: str, amounts: str | None) -> np.ndarray:
    """A subscriptions file's MRR ``values`` (of the column ``name``, already per month) in units where another
    column's values say cents (:func:`said_cents_divisors`: Metronome's ``USD (cents)``), unless its name said cents
    (divided already) or ``amounts`` (``--amounts``) is ``units``.

    >>> df = pd.DataFrame({"mrr": ["12050"], "credit_type_name": ["USD (cents)"]})
    >>> said_cents_mrr(df, np.array([12050.0]), "mrr", "f.csv", None).tolist()
    [120.5]
    """
    from .revenue import says_cents
    from .smallest_units import _whole_numbers

    if amounts == "units" or says_cents(name) or list(map(str, df.columns)).count(name) != 1:
        return values
    divisors = said_cents_divisors(df, name, source, _whole_numbers(df[name]))
    return values if divisors is None else values / divisors
