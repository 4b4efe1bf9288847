"""The data's first month: returning customers and returning visitors cannot be known there.

A returning customer ordered in an earlier month, a returning visitor was seen in one (docs/metrics.md, "Orders").
The first month of an export has no earlier month in the data, so its count is 0 whatever happened before the
export starts: a shop with years of repeat buyers would read "nobody came back" in it. As the first month's
CRR and NRR (no customers or MRR at its start), these figures are left blank by ``import`` (the tracker and
``--to-csv``), not written as a measured 0. Repeat purchasers (more than one order within the month) are
measurable and stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from .importer import Tables

#: table -> (the count of those active in an earlier month, its rate)
UNKNOWN_IN_FIRST_MONTH: dict[str, tuple[str, str]] = {
    "purchases": ("returning", "returning_rate"),
    "visits": ("returning", "returning_visitor_rate"),
}


def blank_unknown_first_month(tables: Tables) -> None:
    """Set the returning customers and visitors of each table's first month (and their rates) to blank (NaN).

    The first month is the earliest of the month index (its last level for tables per segment: every segment's
    first month). The count column becomes float (NaN the blank; the tracker gets a blank cell and whole numbers,
    ``--to-csv`` whole numbers through :func:`whole_counts`). A table without rows or without the columns is left
    as it is.

    Example: orders of a (January and February) and b (February) give purchases whose returning is ``[nan, 1]``
    and returning_rate ``[nan, 0.5]`` (was ``[0, 1]`` and ``[0.0, 0.5]``); buyers stay ``[1, 2]``.
    """
    for name, (count, rate) in UNKNOWN_IN_FIRST_MONTH.items():
        frame = getattr(tables, name)
        if frame is None or not len(frame) or count not in frame.columns or rate not in frame.columns:
            continue
        months = frame.index.get_level_values(-1)
        first = np.asarray(months == months.min())
        out = frame.copy()
        out[count] = out[count].astype(float)
        out.loc[first, [count, rate]] = np.nan
        setattr(tables, name, out)


def whole_counts(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (the table ``name`` of :class:`~.importer.Tables`) with its returning count as whole numbers and
    blanks (``Int64``), as ``--to-csv`` writes it: ``1`` and an empty field, not ``1.0``; other tables as they are.

    Raises ``TypeError`` when the count holds a fraction (no table counts a fraction of a customer).
    """
    columns = UNKNOWN_IN_FIRST_MONTH.get(name)
    if columns is None or columns[0] not in frame.columns:
        return frame
    return frame.astype({columns[0]: "Int64"})


__all__ = ["UNKNOWN_IN_FIRST_MONTH", "blank_unknown_first_month", "whole_counts"]
