"""An export's summary rows at its end ("Total", "Grand Total", "Subtotal", "Sum", "Gesamt", "Totaux"): a report's
totals, not a customer's row.

Read as data, a total row with a date was one more customer whose amount is the sum of all others (revenue
doubled, one buyer more), silently; one without a date stopped with "missing dates", which names no cause. The
rows at the end of a table (or right below its header) whose first filled cell says total or average (the whole
cell, any case, a colon after it) are refused, naming the row and the cell: remove them.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["SUMMARY", "refuse_repeated_headers", "refuse_summary_rows"]

#: A cell that says a row is a summary of the rows above it (English, German, French, Spanish, Dutch, Italian).
SUMMARY = re.compile(
    r"(?i)^\s*(?:grand[\s_-]*totals?|totals?|sub[\s_-]*totals?|sum|summe|gesamt(?:summe)?|zwischensumme|"
    r"total[\s_-]+g[ée]n[ée]ral|totaux|suma[\s_-]+total|totale|totaal|totales?|average|avg|mean|durchschnitt|moyenne|"
    r"promedio)\s*:?\s*$"
)
#: How many rows at the end of a table are looked at (a report ends with a few totals at most).
LAST_ROWS = 5


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""


def _label(df: pd.DataFrame, row: int) -> int | None:
    """The position of row ``row``'s first filled cell when it says total (:data:`SUMMARY`), else None."""
    for position, value in enumerate(df.iloc[row].tolist()):
        if not _blank(value):
            return position if isinstance(value, str) and SUMMARY.match(value) else None
    return None


def refuse_summary_rows(df: pd.DataFrame, source: str) -> None:
    """Refuse (:class:`~.errors.DataError` naming the first such row and its cell) when the last rows of ``df`` are
    summary rows: a row among the last :data:`LAST_ROWS` whose first filled cell matches :data:`SUMMARY` (a report
    writes its label there; a refund type ``total`` further right is no label), with only such rows after it; or
    when the first row below the header is one (a report's grand total written above its rows).

    >>> refuse_summary_rows(pd.DataFrame({"customer_id": ["a", "Total"], "amount": ["1", "1"]}), "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'customer_id': a summary row of the export (its totals, \
not data: remove it) in row 3 (counting the header as row 1): 'Total'
    """
    first: tuple[int, int] | None = None
    for row in range(len(df) - 1, max(len(df) - LAST_ROWS, 0) - 1, -1):  # from the last row up, while summaries
        cell = _label(df, row)
        if cell is None:
            break
        first = (row, cell)
    if first is None:  # a report's totals right below its header (Google Analytics' and pivot tables' Grand total)
        cell = _label(df, 0) if len(df) else None
        first = (0, cell) if cell is not None else None
    if first is None:
        return
    row, column = first
    values = {row: df.iat[row, column]}
    problem = "a summary row of the export (its totals, not data: remove it)"
    raise bad_rows(source, str(df.columns[column]), problem, np.array([row]), values)


def _repeats(cells: list[object], names: list[str]) -> bool:
    """Whether a row's filled cells, two at least, are each its own column's name (any case)."""
    filled = [(str(c).strip().casefold(), n) for c, n in zip(cells, names, strict=True) if not _blank(c)]
    return len(filled) >= 2 and all(c == n for c, n in filled)


def refuse_repeated_headers(df: pd.DataFrame, source: str) -> None:
    """Refuse a data row that repeats the header (each of its filled cells, two at least, is its own column's name,
    any case): files appended with their headers (``cat jan.csv feb.csv``), named as such rather than as a date that
    does not parse.

    >>> refuse_repeated_headers(pd.DataFrame({"id": ["a", "id"], "date": ["2024-01-05", "Date"]}), "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'id': rows that repeat the header (files appended with \
their headers? remove them) in row 3 (counting the header as row 1): 'id'
    """
    names = [str(c).strip().casefold() for c in df.columns]
    if len(df) == 0 or sum(1 for n in names if n) < 2:
        return
    first = next(p for p, n in enumerate(names) if n)  # a repeated header has its names as written: one compare
    candidates = np.flatnonzero((df.iloc[:, first] == str(df.columns[first])).fillna(False).to_numpy(dtype=bool))
    rows = [int(r) for r in candidates if _repeats(df.iloc[int(r)].tolist(), names)]
    if rows:
        column = first
        problem = "rows that repeat the header (files appended with their headers? remove them)"
        raise bad_rows(source, str(df.columns[column]), problem, np.array(rows), {r: df.iat[r, column] for r in rows})
