"""A snapshots file's rows of one customer and month, read as that customer's month.

A snapshots file (``customer_id, month, mrr``) may hold one row per *subscription* per month (``subscription_id``,
Stripe's ``id``, ... beside the customer), or a row per state of a month (paused with MRR 0, then resumed with its
MRR). Each such file says one customer's MRR in the month unambiguously:

* rows of different subscriptions (their ids differ) add up, as a customer's intervals do;
* a row with MRR 0 adds nothing (a paused, ended or free row beside the month's paying one);
* rows of one subscription next to each other naming other items (a plan and its seats) are its items and add up,
  except a plan changed within the month: an item of the month before, gone the month after, beside a new one that
  stays (Basic, then Basic and Pro, then Pro) is the new plan alone (:func:`_plan_changes`).

What cannot be told is refused, naming the rows: two rows with an MRR of one subscription in one month, or, in a
file without a subscription id, of one customer in one month (two subscriptions, a plan change within the month, or
one row pasted twice: which MRR the month has cannot be told).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .notes import note
from .repeats import _text
from .subscription_ids import subscription_columns
from .subscription_items import READ_AS_ITEMS, are_items, item_names

__all__ = ["MONTH_ROWS", "TWICE_IN_A_MONTH", "kept_segments", "one_row_per_month", "order_groups"]

#: ``attrs`` key of a snapshots frame whose rows of one customer and month were joined: ``(group of each file row,
#: whether it pays)``, the group numbered as the rows kept (:func:`kept_segments`); an orders frame's (an order's
#: rows) has a third item, True: a blank label is its other rows' (:func:`order_groups`).
MONTH_ROWS = "month_rows"
#: The label of a blank segment cell (:data:`xl_retention.relational.segments.BLANK_SEGMENT`).
_BLANK_LABEL = "(blank)"

TWICE_IN_A_MONTH = (
    "rows of one customer and month with an MRR each, in a file without a subscription id (two subscriptions, a plan "
    "change within the month, or a row pasted twice? which MRR the month has cannot be told)"
)
#: What a note says of a snapshots file's month of a plan changed within it (:func:`_plan_changes`).
PLAN_CHANGED = (
    "a subscription's rows of one month naming its item of the month before (gone the month after) and a new one "
    "(kept the month after): a plan changed within the month, its MRR the new plan's alone (as a plan change within a "
    "month of an intervals file; if both were billed that month, give them two subscription ids)"
)
ONE_SUBSCRIPTION_TWICE = (
    "rows of one subscription and month with an MRR each (a plan change within the month, or a row pasted twice? "
    "which MRR the month has cannot be told)"
)
#: What to do, said after the rows (:func:`~.errors.bad_rows`' ``advice``).
ADVICE = {
    ONE_SUBSCRIPTION_TWICE: "keep one row per subscription and month",
    TWICE_IN_A_MONTH: "keep one row per customer and month, or add a column of each subscription's id "
    "(subscription_id; under another name: --columns subscription_id=NAME) to add them up",
}


def one_row_per_month(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str
) -> tuple[dict[str, Any], np.ndarray | None, tuple[np.ndarray, np.ndarray] | None]:
    """The columns read of a snapshots file (``typed``: ``customer_id``, ``month``, ``mrr``, ... in the rows of
    ``df``, the file as read) with one row per customer and month (see the module docstring), the positions of
    the rows kept (the first of each customer and month) and :data:`MONTH_ROWS`; ``None``, ``None`` when every
    customer has one row a month.

    >>> frame = pd.DataFrame({"customer": ["A", "A", "B"], "subscription_id": ["s1", "s2", "s3"]})
    >>> typed = {"customer_id": pd.Series(["A", "A", "B"]), "mrr": np.array([50.0, 30.0, 100.0]),
    ...          "month": np.array(["2026-01-01"] * 3, dtype="datetime64[us]")}
    >>> rows, kept, groups = one_row_per_month(frame, typed, {"customer_id": "customer"}, "s.csv")
    >>> rows["mrr"].tolist(), kept.tolist(), groups[0].tolist()
    ([80.0, 100.0], [0, 2], [0, 0, 1])
    """
    n = len(df)
    if n < 2:
        return typed, None, None
    customers = pd.factorize(pd.Series(np.asarray(typed["customer_id"], dtype=object)))[0].astype(np.int64)
    months = np.asarray(typed["month"]).astype("datetime64[M]").astype(np.int64)
    months = months - months.min()
    pair = customers * (int(months.max()) + 1) + months
    codes = pd.factorize(pair)[0]
    if codes.max() + 1 == n:
        return typed, None, None  # one row per customer and month
    mrr = np.asarray(typed["mrr"], dtype=np.float64)
    if np.isnan(mrr).any() or (mrr < 0).any():
        return typed, None, None  # refused later, naming the rows
    columns = list(map(str, df.columns))
    ids = subscription_columns(columns, names)  # mapped, a record id, Zuora's Subscription Number (subscription_ids)
    subscription = pd.factorize(_text(df.iloc[:, ids[0]]))[0].astype(np.int64) if ids else np.zeros(n, dtype=np.int64)
    paying = mrr > 0
    keyed = pd.DataFrame({"g": codes[paying], "s": subscription[paying]})
    twice = keyed.duplicated(keep=False).to_numpy()
    replaced = np.zeros(n, dtype=bool)
    if twice.any() and ids:  # a subscription's items in one month, next to each other (subscription_items)
        keyed_rows = np.flatnonzero(paying)
        keys = (
            pd.Series(subscription.astype(str), index=df.index) + "\x00" + pd.Series(codes.astype(str), index=df.index)
        )
        twin = keyed_rows[keyed.duplicated(keep=False).to_numpy()]
        if are_items(df, df.iloc[:, ids[0]], twin, source, keys, said=False):
            twice = np.zeros_like(twice)
            replaced, changed = _plan_changes(df, subscription, months, paying, twin)
            written = df.iloc[:, ids[0]].to_numpy()
            if changed.size:
                note(str(bad_rows(source, columns[ids[0]], PLAN_CHANGED, changed, written)))
            items = twin[~np.isin(twin, changed)]
            if items.size:
                note(str(bad_rows(source, columns[ids[0]], READ_AS_ITEMS, items, written)))
    if twice.any():
        rows = np.flatnonzero(paying)[twice]
        problem = ONE_SUBSCRIPTION_TWICE if ids else TWICE_IN_A_MONTH
        where = columns[ids[0]] if ids else f"{names['customer_id']}, {names['month']}"
        values = df.iloc[:, ids[0]].to_numpy() if ids else None
        raise bad_rows(source, where, problem, rows, values, advice=ADVICE[problem])
    sums = np.bincount(codes, weights=np.where(replaced, 0.0, mrr))  # a plan changed within the month: the new one's
    paying &= ~replaced
    first = np.unique(codes, return_index=True)[1]  # the first row of each customer and month, in file order
    kept = np.sort(first)
    out = {}
    for name, values in typed.items():
        out[name] = values.iloc[kept] if isinstance(values, pd.Series) else values[kept]
    out["mrr"] = sums[codes[kept]]
    return out, kept, (codes.astype(np.int64), paying)  # codes number the groups in the order of the rows kept


def _plan_changes(
    df: pd.DataFrame, subscription: np.ndarray, months: np.ndarray, paying: np.ndarray, twin: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Of the rows ``twin`` (rows of one subscription and month read as its items), those of a plan changed within
    the month: in a month of the subscription between two of its months, an item of the month before that is gone
    the month after beside one that is new this month and stays (Basic in January, Basic and Pro in February, Pro in
    March). Returns whether each row of ``df`` is such an old item's (its MRR left out: the month's MRR is the new
    plan's, as an intervals file's plan change within a month counts the new plan alone) and the rows of the months
    so read. A month at either end of the subscription's months, or whose items only come or only go (an add-on
    added or removed), stays items; so does a month whose old item has its replacement in another month
    (:func:`_replaced_elsewhere`: seats bought in February, the plan upgraded in March).
    """
    subs = np.unique(subscription[twin])
    mine = np.flatnonzero(paying & np.isin(subscription, subs))  # every paying row of those subscriptions
    sub, month, item = subscription[mine], months[mine], item_names(df, mine)
    had = pd.MultiIndex.from_arrays([sub, month, item]).unique()  # (subscription, month, item) that pay
    months_had = pd.MultiIndex.from_arrays([sub, month]).unique()
    asked = np.isin(mine, twin)
    sub, month, item, rows = sub[asked], month[asked], item[asked], mine[asked]
    was = pd.MultiIndex.from_arrays([sub, month - 1, item]).isin(had)  # the item paid the month before
    stays = pd.MultiIndex.from_arrays([sub, month + 1, item]).isin(had)  # and the month after
    between = pd.MultiIndex.from_arrays([sub, month - 1]).isin(months_had) & pd.MultiIndex.from_arrays(
        [sub, month + 1]
    ).isin(months_had)  # a month between two of the subscription's: what came and went can be told
    leaving, arriving = between & was & ~stays, between & ~was & stays
    groups = pd.factorize(pd.MultiIndex.from_arrays([sub, month]))[0]
    both = (np.bincount(groups, weights=leaving) > 0) & (np.bincount(groups, weights=arriving) > 0)
    changed = both[groups] & ~_replaced_elsewhere(had, sub, month)
    replaced = np.zeros(len(df), dtype=bool)
    replaced[rows[changed & leaving]] = True
    return replaced, np.sort(rows[changed])


def _replaced_elsewhere(had: pd.MultiIndex, sub: np.ndarray, month: np.ndarray) -> np.ndarray:
    """Whether each (subscription ``sub``, ``month``) borders a change of items of its own: the month after holds an
    item new there (not in ``month``), or the month before one gone in ``month``. ``had``: every (subscription,
    month, item) that pays. Such a month's old item was replaced at the start of the month after (or its new item
    replaced one at this month's start), not within the month: Pro 100 in January, Pro and Extra seats 30 in
    February, Business 200 and Extra seats in March is February's two items billed (130), the seats bought then and
    Pro replaced by Business in March, not Pro replaced by the seats within February (30).

    >>> had = pd.MultiIndex.from_arrays([[0, 0, 0, 0, 0], [0, 1, 1, 2, 2], ["Pro", "Pro", "Seats", "Biz", "Seats"]])
    >>> _replaced_elsewhere(had, np.array([0]), np.array([1])).tolist()
    [True]
    """
    subs, months, items = (had.get_level_values(i).to_numpy() for i in range(3))
    # (subscription, month) holding an item its month before lacks / lacking an item its month after holds
    new_in = pd.MultiIndex.from_arrays([subs, months - 1, items]).isin(had)
    kept_on = pd.MultiIndex.from_arrays([subs, months + 1, items]).isin(had)
    months_had = pd.MultiIndex.from_arrays([subs, months])
    before_had = pd.MultiIndex.from_arrays([subs, months - 1]).isin(months_had)
    after_had = pd.MultiIndex.from_arrays([subs, months + 1]).isin(months_had)
    arrives = pd.MultiIndex.from_arrays([subs[before_had & ~new_in], months[before_had & ~new_in]])
    leaves = pd.MultiIndex.from_arrays([subs[after_had & ~kept_on], months[after_had & ~kept_on]])
    return pd.MultiIndex.from_arrays([sub, month + 1]).isin(arrives) | pd.MultiIndex.from_arrays([sub, month - 1]).isin(
        leaves
    )


def kept_segments(labels: np.ndarray, attrs: dict[str, Any]) -> np.ndarray:
    """The segment label of each row kept of a file whose rows are ``labels`` (``attrs``: the frame's, with
    ``positions``, the rows kept, and for a snapshots file's joined rows :data:`MONTH_ROWS`). A customer's month of
    several rows has the smallest label (by code point, as Python compares text) of its rows that pay (an MRR above
    0; of all its rows where none does), as docs/metrics.md's segments say where a first month's rows disagree;
    other rows kept (an order's first line item) their own. An order's line items (:func:`order_groups`) have the
    smallest label of those not blank: Shopify writes an order's own columns (Source, Billing Country, Tags) on its
    first row only, its other items' cells blank (as its date and status, :mod:`.order_rows`), so a blank there is
    the order's value, not "(blank)"; an order all of whose rows are blank is "(blank)".

    >>> attrs = {"positions": np.array([0, 3]), MONTH_ROWS: (np.array([0, 0, 0, 1]), np.array([0, 1, 1, 1], bool))}
    >>> kept_segments(np.array(["Trial", "Pro", "Basic", "x"], dtype=object), attrs).tolist()
    ['Basic', 'x']
    >>> orders = {"positions": np.array([0, 2]), MONTH_ROWS: (np.array([0, 0, 1, 1]), np.ones(4, bool), True)}
    >>> kept_segments(np.array(["web", "(blank)", "(blank)", "(blank)"], dtype=object), orders).tolist()
    ['web', '(blank)']
    """
    kept = attrs.get("positions")
    if kept is None:
        return labels
    groups = attrs.get(MONTH_ROWS)
    if groups is None:
        return labels[kept]
    codes, paying = groups[:2]
    text = np.asarray(labels, dtype=object)
    blank = pd.isna(text) | (text == _BLANK_LABEL) if len(groups) > 2 and groups[2] else np.zeros(len(text), bool)
    rows = pd.DataFrame({"g": codes, "idle": ~paying, "blank": blank, "label": text})
    rows = rows[rows["g"] >= 0]  # rows of no row kept (an order left out as unpaid)
    order = ["g", "idle", "blank", "label"]
    best = rows.sort_values(order, kind="stable").drop_duplicates("g")  # Python's str order
    return best.sort_values("g")["label"].to_numpy(dtype=object)


def order_groups(
    orders: np.ndarray, kept: np.ndarray, refunds: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, bool] | None:
    """:data:`MONTH_ROWS` of an orders file's rows (``orders``: each row's order id) read as one row per order (the
    rows ``kept``): each row's order numbered as the rows kept (-1: an order left out), whether it is no refund
    (``refunds``: negative amounts) and True (a blank label is the order's other rows'), so that an order's segment
    is the smallest of its items' not blank (:func:`kept_segments`); None where the orders kept repeat an id.

    >>> order_groups(np.array(["1", "1", "2", "3"], dtype=object), np.array([0, 3]), None)[0].tolist()
    [0, 0, -1, 1]
    """
    index = pd.Index(orders[kept])
    if not index.is_unique:
        return None
    paying = np.ones(len(orders), dtype=bool) if refunds is None else ~np.asarray(refunds, dtype=bool)
    return index.get_indexer(orders).astype(np.int64), paying, True
