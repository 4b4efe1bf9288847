"""A subscription's items on rows of their own that share its id (a plan and its seats, add-ons).

A subscriptions export may write each item of a subscription on a row of its own with the subscription's id
(``sub_1`` Pro 99, ``sub_1`` Extra seats 3 x 10): its MRR is their sum, as a customer's intervals add up. The same
id on two rows with one start and end may also be one subscription in two exports appended, changed between them
(Basic, then Pro): summed, both would count. The rows are read as items (:func:`are_items`) only where nothing else
can be meant:

* the rows of each such id are next to each other in the file (an export writes a subscription's items together;
  two exports appended put the copies an export apart);
* every column whose values differ between them describes an item (its plan, product, price, quantity, amount,
  interval: :func:`item_column`), not a state (a status, a cancellation, an update time, a period's end);
* the rows name different items (their plan, product or price names or ids differ: one item with another
  quantity or amount is a change between exports).

Otherwise they stay refused (:data:`~.repeats.ITEMS`). Items read are said in a note naming the rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import key
from .notes import note

__all__ = ["READ_AS_ITEMS", "are_items", "item_column", "item_names"]

#: Words of a column's name that say it describes an item (as :func:`~.names.key` spells them).
_ITEM_WORDS = ("plan", "product", "price", "item", "addon", "add_on", "sku", "description", "quantity", "qty",
               "seats", "amount", "mrr", "interval", "billing_period", "unit", "tier", "variant")  # fmt: skip
#: Words that say the column names the item (not its quantity or money).
_NAMING_WORDS = ("plan", "product", "price", "item", "addon", "add_on", "sku", "description", "tier", "variant")
#: Words that say the column is a number of the item: a quantity or money.
_NUMBER_WORDS = ("amount", "quantity", "qty", "seats", "mrr", "unit_price", "total", "interval", "billing_period",
                 "count", "cents", "price")  # fmt: skip
#: What a note says of rows read as items.
READ_AS_ITEMS = (
    "a subscription's id on rows next to each other of one period (its start and end, or its month) naming other "
    "items (a plan, its seats or add-ons): read as that subscription's items, their MRRs added up (if they are one "
    "subscription in two exports, keep the row of the latest export)"
)


def item_column(name: object) -> bool:
    """Whether a column's name says it describes an item of a subscription.

    >>> [item_column(n) for n in ("Plan", "Quantity", "Amount", "Price ID", "Status", "Canceled At (UTC)")]
    [True, True, True, True, False, False]
    """
    k = key(name)
    return any(word in k for word in _ITEM_WORDS) and not k.endswith(("_at", "date", "(utc)")) and "status" not in k


def _naming(name: object) -> bool:
    """Whether an item's column names it (Plan, Product, "Price ID", "Plan Nickname"), not a number of it (Amount,
    Quantity, "Plan Amount", "Unit Price").

    >>> [_naming(n) for n in ("Plan", "Price ID", "Plan Nickname", "Plan Amount", "Unit Price", "Price")]
    [True, True, True, False, False, False]
    """
    k = key(name)
    if not any(word in k for word in _NAMING_WORDS):
        return False
    if k.endswith(("id", "name", "nickname", "code", "description")):
        return True
    return not any(word in k for word in _NUMBER_WORDS)


def are_items(
    df: pd.DataFrame,
    ids: pd.Series,
    rows: np.ndarray,
    source: str,
    keys: pd.Series | None = None,
    said: bool = True,
) -> bool:
    """Whether the rows of ``df`` at ``rows`` (each with an id of ``ids`` that repeats, and one start and end per
    id) are the items of their subscriptions (see the module docstring); says so in a note when they are (unless
    ``said`` is False: a snapshots file's, whose month may also be a plan change, :mod:`.snapshot_rows`). ``keys``
    (a snapshots file's id and month, one per row of ``df``): what a subscription's rows are grouped by, else ``ids``.

    >>> frame = pd.DataFrame({"id": ["s1", "s1", "s2"], "Plan": ["Pro", "Seats", "Basic"], "Quantity": ["1", "3", "1"],
    ...                       "Amount": ["99", "10", "29"], "Status": ["active"] * 3})
    >>> are_items(frame, frame["id"], np.array([0, 1]), "s.csv")
    True
    >>> are_items(frame.assign(Status=["active", "canceled", "active"]), frame["id"], np.array([0, 1]), "s.csv")
    False
    """
    part = df.iloc[rows]
    text = part.astype(object).where(part.notna(), "").astype(str).apply(lambda c: c.str.strip())
    names = [str(c) for c in df.columns]
    text.columns = range(len(names))
    groups = pd.factorize((ids if keys is None else keys).iloc[rows].astype(str).str.strip().to_numpy())[0]
    naming = [p for p, name in enumerate(names) if _naming(name)]
    if not naming:
        return False
    # each group's rows at once (a file of many subscriptions with items: no Python step per group)
    spans = pd.DataFrame({"g": groups, "row": rows}).groupby("g")["row"].agg(["min", "max", "size"])
    if ((spans["max"] - spans["min"] + 1) != spans["size"]).any():  # not next to each other
        return False
    differ = text.groupby(groups).nunique() > 1
    if (~differ.any(axis=1)).any():  # rows alike in every column
        return False
    items = [item_column(names[p]) for p in differ.columns]
    if differ.loc[:, [not item for item in items]].any(axis=None):  # a status, an update time between them
        return False
    if text[naming].assign(g=groups).duplicated().any():  # one item twice: another quantity or amount of it
        return False
    if said:
        note(str(bad_rows(source, str(ids.name), READ_AS_ITEMS, rows, ids.to_numpy())))
    return True


def item_names(df: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """Each of the rows' item as a number (rows naming one item alike in the columns that name an item,
    :func:`_naming`, have one number), int64; all 0 where no column names one.

    >>> frame = pd.DataFrame({"id": ["s1", "s1", "s2"], "Plan": ["Pro", " Seats", "Pro"], "Amount": ["9", "3", "5"]})
    >>> item_names(frame, np.arange(3)).tolist()
    [0, 1, 0]
    """
    naming = [p for p, name in enumerate(df.columns) if _naming(name)]
    if not naming:
        return np.zeros(len(rows), dtype=np.int64)
    part = df.iloc[rows, naming]
    text = part.astype(object).where(part.notna(), "").astype(str).apply(lambda c: c.str.strip())
    text.columns = range(len(naming))
    return text.groupby(list(text.columns), sort=False).ngroup().to_numpy(dtype=np.int64)
