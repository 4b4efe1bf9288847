"""A snapshots file's plan change written as the old plan's row canceled beside the new plan's active row.

Some billing tools export a plan change within a month as two rows of the subscription (or of the customer) in that
month: the old plan's, its status ``canceled`` (its price still on it), and the new plan's, ``active``. Read as they
were, the old row was refused (a row with an MRR whose status says it ended), and with a subscription id both rows
were refused as one record changed between two exports. Where the months around it say a plan change, it is one:

* in month M the subscription (its id; without one, the customer) has two rows, one whose status says it ended
  (:data:`~.statuses.ENDED`) naming one plan, one whose status says it pays (:data:`~.statuses.PAYING`) naming
  another (:func:`~.subscription_items.item_names`);
* the month before, M - 1, it paid for the old plan and not the new one; the month after, M + 1 (where the file has
  a row of it), the old plan is gone.

The old row's MRR is then left out (the month's MRR is the new plan's, as a plan change within a month of an
intervals file counts the new plan alone: an expansion or contraction), said in a note naming the rows. A pair of
that shape the months do not bear out is refused naming its rows where it has a subscription id (as before); without
one, the old row is read as before (refused where it holds an MRR).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["canceled_beside_new", "read_canceled_plans"]

SWITCHED = (
    "rows of one subscription and month, the old plan's canceled and a new plan's active, the old plan paid the "
    "month before and gone after: a plan change within the month, its MRR the new plan's alone"
)
UNTOLD = (
    "rows of one subscription and month, one plan's canceled and another's active, where the months around do not "
    "show a plan change (the old plan paid the month before, the new one not yet, the old one gone after): the same "
    "record in two exports, changed between them? keep the row of the latest export"
)


def _said(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, str | None]:
    """Whether each row's status says it ended, whether it says it pays, and the status column's name."""
    from .status_words import spelled_by_distinct as spelled
    from .statuses import ENDED, PAYING, status_columns_of

    names = status_columns_of(df)
    if len(names) != 1:
        return np.zeros(len(df), dtype=bool), np.zeros(len(df), dtype=bool), None
    said = spelled(df.iloc[:, [str(c) for c in df.columns].index(names[0])])
    return np.isin(said, list(ENDED)), np.isin(said, list(PAYING)), names[0]


def _pairs(df: pd.DataFrame, groups: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Whether each group of ``rows`` (``groups``: a key per row of ``rows``) is a canceled old plan's row beside an
    active new plan's: two rows, one ended, one paying, naming two plans; one bool per row of ``rows``."""
    from .subscription_items import item_names

    ended, paying, _ = _said(df)
    frame = pd.DataFrame({"g": pd.factorize(pd.Series(groups))[0], "ended": ended[rows], "paying": paying[rows],
                          "item": item_names(df, rows)})  # fmt: skip
    shape = frame.groupby("g").agg(n=("g", "size"), ended=("ended", "sum"), paying=("paying", "sum"),
                                   items=("item", "nunique"))  # fmt: skip
    fits = (shape["n"] == 2) & (shape["ended"] == 1) & (shape["paying"] == 1) & (shape["items"] == 2)
    return fits.reindex(frame["g"]).to_numpy(dtype=bool)


def canceled_beside_new(df: pd.DataFrame, keys: pd.Series, rows: np.ndarray) -> bool:
    """Whether every group of ``rows`` of one record id and month (``keys``: a key per row of ``df``) is a canceled
    old plan's row beside an active new plan's: :func:`read_canceled_plans` reads them or refuses them."""
    if not len(rows):
        return False
    return bool(_pairs(df, keys.to_numpy(dtype=object)[rows], rows).all())


def read_canceled_plans(df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str) -> np.ndarray:
    """The MRR of a snapshots file (``typed``: the columns read) with the old plan's canceled row of each plan change
    within a month left out (see the module docstring), as a new array (``typed['mrr']`` where there is none)."""
    from .notes import note
    from .repeats import _text
    from .subscription_ids import subscription_columns
    from .subscription_items import item_names

    mrr = np.asarray(typed["mrr"], dtype=np.float64)
    ended, paying, status = _said(df)
    if status is None or not ended.any() or not paying.any():
        return mrr
    columns = list(map(str, df.columns))
    ids = subscription_columns(columns, names)
    who = _text(df.iloc[:, ids[0]]) if ids else pd.Series(np.asarray(typed["customer_id"], dtype=object)).astype(str)
    whom = pd.factorize(who.to_numpy(dtype=object))[0].astype(np.int64)
    months = np.asarray(typed["month"]).astype("datetime64[M]").astype(np.int64)
    months = months - months.min()
    key = whom * (int(months.max()) + 1) + months  # one number per subscription and month
    candidates = ended & pd.Series(key).duplicated(keep=False).to_numpy()
    if not candidates.any():
        return mrr
    asked = np.flatnonzero(np.isin(whom, np.unique(whom[candidates])))  # every row of those subscriptions
    item = item_names(df, asked)
    pairs = _pairs(df, key[asked], asked)
    had = pd.MultiIndex.from_arrays([whom[asked][mrr[asked] > 0], months[asked][mrr[asked] > 0],
                                     item[mrr[asked] > 0]]).unique()  # fmt: skip
    seen = pd.MultiIndex.from_arrays([whom[asked], months[asked]]).unique()
    old = pairs & ended[asked]
    new_of = {}  # each pair's (subscription, month) -> its new plan
    for w, m, i, is_new in zip(whom[asked], months[asked], item, pairs & paying[asked], strict=True):
        if is_new:
            new_of[(w, m)] = i
    out = mrr.copy()
    switched, untold = [], []
    for position in np.flatnonzero(old):
        row, w, m, i = asked[position], whom[asked][position], months[asked][position], item[position]
        new = new_of.get((w, m))
        before = (w, m - 1, i) in had and (w, m - 1, new) not in had
        after = (w, m + 1) not in seen or (w, m + 1, i) not in had
        mates = np.flatnonzero((whom == w) & (months == m))
        (switched if before and after else untold).extend(mates.tolist())
        if before and after:
            out[row] = 0.0
    written = df.iloc[:, columns.index(status)].to_numpy()
    if untold and ids:
        raise bad_rows(source, columns[ids[0]], UNTOLD, np.array(sorted(untold)), df.iloc[:, ids[0]].to_numpy())
    if switched:
        note(str(bad_rows(source, status, SWITCHED, np.array(sorted(switched)), written)))
    return out
