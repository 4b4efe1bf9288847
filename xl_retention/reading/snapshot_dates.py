"""A snapshots file's own dates on its rows: a row with an MRR in a month its own dates say it did not pay.

A monthly snapshots export (customer, month, MRR) from a CRM or BI tool often carries the subscription's dates
joined on every row: its cancel or churn date ('Cancelled At', ``churn_date``, 'Churned On', 'Lost Date',
``Kündigungsdatum``). A BI "carry forward the last MRR" fills the months after that date with the last MRR: counted,
the customer pays after they left (never lost, MRR too high). A row with an MRR above 0 in a month whose first day is
after the row's own end date is refused naming the rows and the column, as a flag saying it ended is
(:func:`.statuses.check_ended_snapshots`): whether the row or the date is wrong cannot be told.

:func:`paying_outside` is the comparison alone (months against a date, before or after it), for the other dates of a
row (a trial's end, a start after its month).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["AFTER_END_PROBLEM", "IN_TRIAL_PROBLEM", "check_months_after_end", "paying_outside"]

AFTER_END_PROBLEM = (
    "snapshot rows with an MRR in a month after the row's own end date in column {column!r} (a snapshot's row with "
    "an MRR counts as an active, paying customer that month; one that ended before the month began cannot pay in "
    "it): remove the rows of the months after the end, or correct the date"
)

IN_TRIAL_PROBLEM = (
    "snapshot rows with an MRR in a month wholly inside the row's own free trial (its end in column {column!r}: a "
    "subscription in its trial does not pay yet): give those months MRR 0, or correct the trial's end"
)


def paying_outside(month: Any, mrr: Any, dates: Any, side: str) -> np.ndarray:
    """The positions of the rows with an MRR above 0 whose month lies wholly ``side`` of the row's date:
    ``"after"``: the month's first day is after the date (a month after an end); ``"before"``: the month's last day
    is before the date (a month before a start, or wholly inside a trial ending later). Blank dates (NaT) never.

    >>> months = np.array(["2024-01-01", "2024-02-01", "2024-03-01"], dtype="datetime64[us]")
    >>> ends = np.array(["2024-02-15", "2024-02-15", "2024-02-15"], dtype="datetime64[us]")
    >>> paying_outside(months, [50, 50, 50], ends, "after").tolist(), paying_outside(months, [50, 50, 0], ends, "after")
    ([2], array([], dtype=int64))
    >>> paying_outside(months, [50, 50, 50], ends, "before").tolist()
    [0]
    """
    first = np.asarray(month, dtype="datetime64[M]")
    day = np.asarray(dates, dtype="datetime64[us]")
    known = ~np.isnat(day) & ~np.isnat(first)
    paying = np.nan_to_num(np.asarray(mrr, dtype=np.float64), nan=0.0) > 0
    if side == "after":
        outside = first.astype("datetime64[us]") > day
    elif side == "before":
        outside = (first + 1).astype("datetime64[us]") <= day
    else:
        raise ValueError(f"side must be 'after' or 'before', not {side!r}")
    return np.flatnonzero(paying & known & outside)


def check_months_after_end(
    df: pd.DataFrame,
    typed: Mapping[str, Any],
    names: Mapping[str, str],
    source: str,
    dated: Callable[[pd.Series, str], np.ndarray],
) -> None:
    """Refuse the rows of a snapshots file whose MRR is above 0 in a month whose first day is after the row's own
    end date (a column named as the day service stopped, :func:`.ends.end_like_columns`, not mapped), or in a month
    whose last day is before the row's own trial end (:func:`.trials.trial_end_columns`: in the trial, not paying).
    ``typed``: the values read (``month``, ``mrr``); ``dated(series, column)``: the column's dates, NaT where blank.

    >>> df = pd.DataFrame({"customer_id": ["a", "b"], "month": ["2024-03", "2024-03"], "mrr": [100, 50],
    ...                    "churn_date": ["", "2024-02-15"]})
    >>> typed = {"month": np.array(["2024-03-01"] * 2, dtype="datetime64[us]"), "mrr": np.array([100.0, 50.0])}
    >>> dated = lambda s, c: pd.to_datetime(s.replace("", None)).to_numpy()
    >>> check_months_after_end(df, typed, {"month": "month", "mrr": "mrr"}, "snap.csv", dated)
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: snap.csv, column 'churn_date': snapshot rows with an MRR in a month \
after the row's own end date in column 'churn_date' (a snapshot's row with an MRR counts as an active, paying \
customer that month; one that ended before the month began cannot pay in it): remove the rows of the months after \
the end, or correct the date in row 3 (counting the header as row 1): '2024-02-15'
    """
    from .ends import end_like_columns
    from .trials import trial_end_columns

    if "month" not in typed or "mrr" not in typed:
        return
    paying = np.nan_to_num(np.asarray(typed["mrr"], dtype=np.float64), nan=0.0) > 0
    if not paying.any():
        return
    labels = [str(c) for c in df.columns]
    for column in end_like_columns(df.columns, names):
        series = df.iloc[:, labels.index(column)]
        rows = paying_outside(typed["month"], typed["mrr"], dated(series, column), "after")
        if rows.size:
            raise bad_rows(source, column, AFTER_END_PROBLEM.format(column=column), rows, series.to_numpy())
    # a month wholly before the row's own trial end: in the trial, not paying yet (H66 finding 17)
    for column in [c for c in trial_end_columns(df.columns) if c not in names.values()]:
        series = df.iloc[:, labels.index(column)]
        rows = paying_outside(typed["month"], typed["mrr"], dated(series, column), "before")
        if rows.size:
            raise bad_rows(source, column, IN_TRIAL_PROBLEM.format(column=column), rows, series.to_numpy())
