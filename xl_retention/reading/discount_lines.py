"""A subscription's discount written as an item line of its own: a negative amount among its items.

A subscriptions export that writes each item of a subscription on a row of its own (:mod:`.subscription_items`: a
plan 100, extra seats 20) may write its coupon or discount the same way, a line with a negative amount (Chargebee's
and Stripe's invoice-like item lists: ``Coupon 40 off``, -40). MRR is after discounts (docs/metrics.md), and a
subscription's items add up: its MRR is 100 + 20 - 40 = 80. So a row whose MRR is below 0 is read as such a line
where nothing else can be meant:

* the file has a subscription's (a record's) id column, and the row's id is on rows with an MRR above 0 of the same
  customer and period (an intervals file's start and end, a snapshots file's month);
* those rows are the subscription's items (:func:`~.subscription_items.are_items`: next to each other, differing only
  in what describes an item, naming different items);
* their MRRs add up to 0 or more (a discount is never more than what it is taken off).

The line's MRR is taken off the subscription's largest item of that period (the plan: 100 - 40, seats 20), or off
every item in its share where the largest is less than the discount, and the line is read as MRR 0; a note names the
rows. Any other row below 0 stays refused as negative MRR, naming it
(:func:`~.revenue.check_negative_mrr`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .notes import note

__all__ = ["FOLDED", "fold_discount_lines"]

#: What a note says of the discount lines read.
FOLDED = (
    "a subscription's item lines with a negative amount (a coupon or a discount) beside its other items of that "
    "period: taken off their MRR (MRR is after discounts)"
)


def _text(values: Any) -> np.ndarray:
    """Values as stripped text, blanks as ``""``, as an object array."""
    series = pd.Series(np.asarray(values, dtype=object))
    return series.where(series.notna(), "").astype(str).str.strip().to_numpy(dtype=object)


def _id_positions(columns: list[str], customer: str | None, mapped: str | None = None) -> list[int]:
    """The record id columns (:func:`~.repeats.record_id_columns`; ``mapped``: the column mapped as the subscription's
    id), a subscription's first (Stripe's 'Subscription ID' beside its items' own 'id'; the mapped one)."""
    from .names import keys_of
    from .repeats import SUBSCRIPTION_IDS, record_id_columns

    positions = record_id_columns(columns, people=(customer,), ids=(mapped,) if mapped else ())
    return sorted(positions, key=lambda p: not (keys_of(columns[p]) & SUBSCRIPTION_IDS or columns[p] == mapped))


def _taken_off(mrr: np.ndarray, codes: np.ndarray, mine: np.ndarray, negative: np.ndarray, out: np.ndarray) -> Any:
    """``out`` with each group's (``codes``, those of ``mine``) discount (the sum of its ``negative`` rows) taken off
    its largest item where that covers it, else off each item above 0 in its share of their sum."""
    rows = np.flatnonzero(mine)
    frame = pd.DataFrame({"g": codes[rows], "x": mrr[rows], "row": rows})
    discount = frame[negative[rows]].groupby("g")["x"].sum()
    items = frame[~negative[rows] & (mrr[rows] > 0)]
    largest = items.sort_values(["g", "x", "row"], ascending=[True, False, True]).groupby("g").head(1).set_index("g")
    out = out.copy()
    for group, off in discount.items():
        top = largest.loc[group]
        if top["x"] + off >= 0:
            out[int(top["row"])] = top["x"] + off
        else:  # more than the largest item: off each in its share
            mine_items = items[items["g"] == group]
            paid = float(mine_items["x"].sum())
            out[mine_items["row"].to_numpy()] = mine_items["x"].to_numpy() * (paid + off) / paid
    return out


def fold_discount_lines(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str
) -> np.ndarray | None:
    """Take the MRR of a subscription's discount lines (rows below 0, see the module docstring) off its other items
    in ``typed["mrr"]`` (replaced, not changed in place) and read those lines as 0; returns which rows were so read
    (None where none was). Rows below 0 that are no such line are left as they are (refused by
    :func:`~.revenue.check_negative_mrr`).

    >>> frame = pd.DataFrame({"id": ["s1", "s1", "s1", "s2"], "Plan": ["Pro", "Seats", "Coupon", "Basic"],
    ...                       "Amount": ["100", "20", "-40", "50"]})
    >>> typed = {"customer_id": np.array(["a", "a", "a", "b"], dtype=object), "mrr": np.array([100.0, 20, -40, 50]),
    ...          "start": np.array(["2024-01-05"] * 4, dtype="datetime64[us]")}
    >>> fold_discount_lines(frame, typed, {"start": "Start"}, "s.csv").tolist(), typed["mrr"].tolist()
    ([False, False, True, False], [60.0, 20.0, 0.0, 50.0])
    """
    from .repeats import _text as shown
    from .subscription_items import are_items

    mrr = np.asarray(typed["mrr"], dtype=np.float64)
    negative = mrr < 0
    if not negative.any():
        return None
    columns = [str(c) for c in df.columns]
    period = [typed[k] for k in ("start", "end", "month") if k in typed]
    base = _text(typed["customer_id"]) if "customer_id" in typed else np.full(len(df), "", dtype=object)
    for values in period:
        base = base + "\x00" + _text(np.asarray(values).astype(str))
    left = negative.copy()
    out = mrr.copy()
    for position in _id_positions(columns, names.get("customer_id"), names.get("subscription_id")):
        ids = shown(df.iloc[:, position]).to_numpy(dtype=object)
        keys = ids + "\x00" + base
        codes = pd.factorize(keys)[0]
        size = int(codes.max()) + 1
        total = np.bincount(codes, weights=mrr, minlength=size)
        paying = np.bincount(codes, weights=(mrr > 0).astype(np.float64), minlength=size) > 0
        told = left & (ids != "") & paying[codes] & (total[codes] >= -0.005)
        if not told.any():
            continue
        groups = np.unique(codes[told])
        rows = np.flatnonzero(np.isin(codes, groups))
        key_series = pd.Series(keys, index=df.index)
        if not are_items(df, df.iloc[:, position], rows, source, key_series, said=False):
            continue
        mine = np.isin(codes, groups)
        out = np.where(mine & negative, 0.0, _taken_off(mrr, codes, mine, negative, out))
        note(str(bad_rows(source, columns[position], FOLDED, np.flatnonzero(mine & negative), ids)))
        left &= ~mine
        if not left.any():
            break
    folded = negative & ~left
    if not folded.any():
        return None
    typed["mrr"] = out
    return folded
