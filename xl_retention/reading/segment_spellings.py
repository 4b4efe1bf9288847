"""Segment values that differ only in what Excel and the eye pass over: capitals, spaces, apostrophes, hyphens.

A plan or country typed two ways in one file (``Pro`` and ``PRO``, ``DE`` and ``de``) made two segments, and
``--segment plan=Pro`` left out the customers whose plan was typed ``PRO``, silently (H50 finding 01). Excel's pivot
tables, COUNTIF and MATCH take ``Pro`` and ``PRO`` as one item. Whether one segment typed two ways or two segments are
meant cannot be told, so such spellings are refused, naming both and their rows, by the rule of customer ids
(:mod:`.lookalike_ids`: docs/metrics.md, "Customers" and "Segments"); a machine's code (no space; a digit or an
underscore: ``price_1AbC``) keeps its capitals, as an id's does.

Asked of the distinct values (Arrow's kernels, :func:`~.lookalike_ids.may_collide`), on the pandas path, on the
engines' frames and on a database table's distinct labels (:mod:`xl_retention.relational.inputs`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import ColumnValues, bad_rows
from .lookalike_ids import _may_collide, lookalike_spellings

__all__ = ["lookalike_segments", "refuse_lookalike_segments"]


def lookalike_segments(uniques: Any, currency: bool = False) -> list[Any]:
    """The first spellings of one segment among ``uniques`` (distinct values) that differ only in capitals, spaces,
    apostrophes or hyphens; [] for none. ``currency`` (the column is named as currencies): also one currency written
    two ways, its code, symbol or name (``EUR``, ``€``, ``Euro``; ``USD``, ``US$``: :func:`.currency.code_of`), whose
    rows would be split in two segments (``--segment currency=EUR`` leaving out the rows written ``€``).

    >>> lookalike_segments(["Pro", "Basic", "PRO"]), lookalike_segments(["Pro", "Basic", "price_1AbC", "price_1abc"])
    (['Pro', 'PRO'], [])
    >>> lookalike_segments(["EUR", "USD", "€"], currency=True), lookalike_segments(["EUR", "$", "USD"], currency=True)
    (['EUR', '€'], [])
    """
    texts = [u for u in uniques if isinstance(u, str)]
    found = lookalike_spellings(texts)
    if found or not currency:
        return found
    from .currency import code_of

    spelled: dict[str, list[str]] = {}
    for text in texts:
        spelled.setdefault(code_of(text.strip()), []).append(text)
    return next((ways for ways in spelled.values() if len(ways) > 1), [])


def segment_problem(spellings: list[Any], currency: bool = False) -> str:
    """The refusal's words for ``spellings`` of one segment value (``currency``: of one currency)."""
    both = " and ".join(map(repr, spellings[:3]))
    if currency and not lookalike_spellings(list(spellings)):
        return (
            f"one currency written two ways ({both}): its rows would be split in two segments, one of them left out "
            "of a segment's tables: write each currency one way (its code, e.g. EUR)"
        )
    return (
        f"segment values that differ only in capitals, spaces, apostrophes or hyphens ({both}: one segment typed two "
        "ways? Excel's pivot tables and COUNTIF take them as one): write each segment's value one way"
    )


def refuse_lookalike_segments(
    labels: pd.Series, series: pd.Series, source: str, column: str, currency: bool = False
) -> None:
    """Refuse two distinct segment values (``labels``: cleaned, blanks missing; ``series``: as written) that are one
    under :func:`~.lookalike_ids.folded` (or, ``currency``, one currency: :func:`lookalike_segments`), naming both and
    their rows.

    >>> refuse_lookalike_segments(*(2 * [pd.Series(["Pro", "Basic", "PRO"])]), "subs.csv", "plan")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv, column 'plan': segment values that differ only in capitals, \
spaces, apostrophes or hyphens ('Pro' and 'PRO': one segment typed two ways? Excel's pivot tables and COUNTIF take \
them as one): write each segment's value one way in rows 2, 4 (counting the header as row 1): 'Pro', 'PRO'
    """
    if pd.api.types.is_numeric_dtype(labels.dtype) or (not currency and not _may_collide(labels)):
        return
    spellings = lookalike_segments(pd.unique(labels.dropna().to_numpy(dtype=object)), currency)
    if spellings:
        rows = np.flatnonzero(labels.isin(spellings).to_numpy(dtype=bool))
        raise bad_rows(source, column, segment_problem(spellings, currency), rows, ColumnValues(series))
