"""Rows repeated whole in a subscriptions file without a record id: the same export pasted twice.

An export of subscriptions with no id of its own (``customer, plan, mrr, start, end``) pasted twice into one file, or
two overlapping exports appended, holds every subscription twice; a customer's intervals add up month by month, so
each one's MRR would count twice, silently (:mod:`.repeats` tells such copies by the record's id, where the file has
one). A row identical in every column to an earlier row of such a file is refused, naming the rows: two subscriptions
of one customer alike in every column cannot be told from one pasted twice (give each its subscription id, or write
one row with its quantity).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .repeats import _text, record_id_columns
from .values import visible_values

__all__ = ["COPIED", "COPIED_ADVICE", "check_copied_rows"]

COPIED = (
    "rows identical in every column to an earlier row, in a file without a subscription id to tell two subscriptions "
    "apart: the same export pasted twice (or overlapping exports appended?), whose MRR would count twice"
)
#: What to do, said after the rows (:func:`~.errors.bad_rows`' ``advice``).
COPIED_ADVICE = (
    "remove the repeated rows, or, if they are subscriptions of their own, add a column of their ids "
    "(subscription_id) or write one row with their quantity"
)


def check_copied_rows(df: pd.DataFrame, source: str, people: Any = (), ids: Any = ()) -> None:
    """Refuse the rows of ``df`` (a subscriptions file as read, every column) identical to an earlier row when the
    file has no record id column (:func:`~.repeats.record_id_columns`; ``people``: the columns taken as customer
    ids, never a record's; ``ids``: a column mapped as the subscription's id). One hash per row; only rows whose hash
    repeats are compared as text.

    >>> frame = pd.DataFrame({"customer": ["A", "B", "A"], "mrr": ["50", "100", "50"], "start": ["2026-01-05"] * 3})
    >>> check_copied_rows(frame, "subs.csv", ("customer",))
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv, column 'customer': rows identical in every column to an earlier \
row, in a file without a subscription id to tell two subscriptions apart: the same export pasted twice (or \
overlapping exports appended?), whose MRR would count twice in row 4 (counting the header as row 1): 'A': remove \
the repeated rows, or, if they are subscriptions of their own, add a column of their ids (subscription_id) or write \
one row with their quantity
    >>> check_copied_rows(frame.assign(id=["sub_1", "sub_2", "sub_3"]), "subs.csv", ("customer",))  # ids: records
    """
    columns = list(map(str, df.columns))
    if len(df) < 2 or record_id_columns(columns, people=people, ids=ids):
        return
    ids = [c for c in dict.fromkeys(str(c) for c in people if c is not None) if columns.count(c) == 1]
    shown = {c: v for c in ids if (v := visible_values(col := df[c])) is not col}  # 'A', 'A\u200b': one customer
    written, df = df, df.assign(**shown) if shown else df
    try:
        hashes = pd.util.hash_pandas_object(df, index=False).to_numpy()
    except TypeError:  # unhashable cells: compare as text
        hashes = pd.util.hash_pandas_object(_text(df), index=False).to_numpy()
    again = pd.Series(hashes).duplicated(keep=False).to_numpy()
    if not again.any():
        return
    rows = np.flatnonzero(again)
    copies = rows[_text(df.iloc[rows]).duplicated(keep="first").to_numpy()]
    if copies.size:
        mapped = [str(c) for c in people if c is not None and str(c) in columns]
        column = mapped[0] if mapped else columns[0]
        quoted = written[column].to_numpy() if columns.count(column) == 1 else None  # as the file writes them
        raise bad_rows(source, column, COPIED, copies, quoted, advice=COPIED_ADVICE)
