"""Orders or survey answers without a record id loaded twice: rows identical to the second, in any order.

A warehouse table of orders loaded twice, or an export saved twice into one file and sorted again (by customer, by
score), holds every order or answer twice, and not where the order of the dates turns (:mod:`.appended_copies`
looks there only; a database table has no row order at all). Counted as read, every buyer is a repeat purchaser,
the revenue doubles, a month's NPS counts each answer twice, silently. Where the dates carry a time of day, two
orders of one customer at the same second with the same amount (two answers with the same score) in every column
alike are no chance: rows identical in every column to an earlier row are refused, naming the rows, when every row
of the file has such a twin (two repeated rows at least), or when they are three or more and a tenth of the rows at
least (a part of the table loaded again); fewer (two at least) are counted as read, with a note naming them (two
overlapping downloads appended and sorted). Dates by day alone are left to :mod:`.appended_copies`: two identical
orders of one customer on one day may be two purchases. Only rows whose date and time repeat are compared; a file
whose times are all different costs one look at its dates, one with times alike a hash of those rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["FEWEST_COPIES", "SHARE_OF_ROWS", "check_loaded_twice", "timed"]


def _note_twins(source: str, what: str, copies: np.ndarray, rows: int) -> None:
    """Note rows identical to an earlier one to the second, too few to refuse: counted as read, but named (H330's
    finding 02: two Google Forms downloads appended and sorted, 8 of 158 answers twice, October's NPS 13.8 for 10.0,
    with no word)."""
    from .errors import rows_named
    from .notes import note

    shown = rows_named(source, copies[:10].tolist()) + (f" and {copies.size - 10} more" if copies.size > 10 else "")
    note(
        f"{source}: {copies.size} of {rows} rows are identical in every column to an earlier row, to the second of "
        f"their time ({shown}): counted as read, each such {'order' if what == 'orders' else 'answer'} twice; if two "
        "exports overlap (downloads appended, then sorted), remove the repeated rows"
    )


#: Repeated rows refused when not every row has a twin: this many at least, and this share of the rows at least.
FEWEST_COPIES = 3
SHARE_OF_ROWS = 0.1


def timed(dates: np.ndarray) -> bool:
    """Whether ``dates`` (datetime64, NaT where blank) carry a time of day (one at least other than midnight)."""
    if dates.dtype.kind != "M":
        return False
    unit, _ = np.datetime_data(dates.dtype)
    if unit in "YMWD":
        return False
    ticks = dates[~np.isnat(dates)].view(np.int64)
    per_day = np.timedelta64(1, "D").astype(f"timedelta64[{unit}]").astype(np.int64)
    return bool((ticks % per_day != 0).any())


def check_loaded_twice(df: pd.DataFrame, dates: np.ndarray, source: str, column: str, what: str) -> None:
    """Refuse the rows of ``df`` (every column as read) identical to an earlier row when ``dates`` (each row's date,
    datetime64) carry a time of day and the repeats are no chance (see the module docstring). ``column``: the column
    to name; ``what``: "orders" or "answers". The caller asks only of files without a record id.

    >>> frame = pd.DataFrame({"customer_id": ["a", "b", "a", "b"], "amount": ["5", "7", "5", "7"],
    ...                       "date": ["2024-01-05 10:11:12", "2024-01-06 08:00:01"] * 2})
    >>> check_loaded_twice(frame, pd.to_datetime(frame["date"]).to_numpy(), "o.csv", "customer_id", "orders")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'customer_id': rows identical in every column to an earlier \
row, to the second of their time (every row has such a twin), in a file without an order id to tell two orders \
apart: the table loaded twice (or the export saved twice?), each would count twice in rows 4, 5 (counting the \
header as row 1): 'a', 'b': remove the repeated rows, or add the export's order id column

    Days alone: two orders of one customer on one day may be two purchases.

    >>> days = frame.assign(date=["2024-01-05", "2024-01-06"] * 2)
    >>> check_loaded_twice(days, pd.to_datetime(days["date"]).to_numpy(), "o.csv", "customer_id", "orders")
    """
    from .repeats import _text

    if len(df) < 4 or len(dates) != len(df) or not timed(dates):
        return
    ticks = pd.Series(dates.view(np.int64))
    same_time = ticks.duplicated(keep=False).to_numpy() & ~np.isnat(dates)
    if np.count_nonzero(same_time) < 4 and not same_time.all():
        return
    rows = np.flatnonzero(same_time)
    part = df.iloc[rows].reset_index(drop=True)
    part.columns = range(part.shape[1])
    try:  # one hash per row; only rows whose hash repeats are compared as text
        hashes = pd.util.hash_pandas_object(part, index=False)
    except TypeError:  # unhashable cells: compare as text
        hashes = pd.util.hash_pandas_object(_text(part), index=False)
    again = hashes.duplicated(keep=False).to_numpy()
    rows = rows[again]
    text = _text(df.iloc[rows].reset_index(drop=True))
    text.columns = range(text.shape[1])  # columns of one name twice: compared by place
    copies = rows[text.duplicated(keep="first").to_numpy()]
    if copies.size < 2:
        return
    twinned = rows[text.duplicated(keep=False).to_numpy()]
    whole = twinned.size == len(df)
    if not whole and (copies.size < FEWEST_COPIES or copies.size < SHARE_OF_ROWS * len(df)):
        _note_twins(source, what, copies, len(df))
        return
    record = "an order id" if what == "orders" else "a response id"
    kind = "order" if what == "orders" else "response"
    share = "every row has such a twin" if whole else f"{copies.size} of {len(df)} rows"
    problem = (
        f"rows identical in every column to an earlier row, to the second of their time ({share}), in a file "
        f"without {record} to tell two {what} apart: the table loaded twice (or the export saved twice?), each would "
        "count twice"
    )
    advice = f"remove the repeated rows, or add the export's {kind} id column"
    names = list(map(str, df.columns))
    values = df[column].to_numpy() if names.count(column) == 1 else None
    raise bad_rows(source, column, problem, copies, values, advice=advice)
