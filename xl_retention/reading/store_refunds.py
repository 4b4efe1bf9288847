"""App Store Connect's refund rows taken off the purchase they refund: its "Purchase Date" names it.

App Store Connect's Subscriber report writes a refund as a row of its own: ``Refund`` Yes, ``Units`` -1 (its per-unit
"Developer Proceeds" positive, or written negative too) and, in "Purchase Date", "the date of the original purchase"
(Apple's field reference). The report has no order id, so the refund row was left out as a negative amount without
an order id is (docs/metrics.md) and the purchase it refunds counted whole, with no word (H357's task 1: subscriber
9002's 2026-02-28 renewal refunded on 2026-03-10 still a February purchase of 6.30).

So (:func:`placed_store_refunds`) in such a report read as orders with no order id mapped, a refund row (a negative
amount) is taken off its customer's purchase on its "Purchase Date" (a row of that customer whose date column says
that day), as a refund row of an order is taken off the order: refunded in full, the purchase is none. A refund whose
purchase is not in the file (bought before the export's first day), or larger than every purchase of that day, is
left out as before and said in a note naming its rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .notes import note

__all__ = ["placed_store_refunds"]

#: Columns naming the purchase a refund row refunds (App Store Connect's "Purchase Date").
_PURCHASE_DATES = frozenset({"purchase_date", "original_purchase_date"})
#: What a note says of the refunds taken off their purchases, and of those left out.
PLACED = "refund rows taken off the purchase of their customer on their {column!r} (the date of the purchase refunded)"
UNPLACED = "refund rows whose purchase is not in the file ({why})"
#: What the note on :data:`UNPLACED` says of them, after their rows and values.
UNPLACED_DONE = (
    "left out, as a refund without an order id is (the purchase refunded, if it is in an earlier export, still "
    "counts whole there)"
)
_NO_PURCHASE = "no purchase of that customer on their {column!r} as large as the refund"
_NO_DATE = "no column naming the date of the purchase refunded, Apple's 'Purchase Date'"


def _days(column: pd.Series) -> np.ndarray:
    """The day each value of ``column`` (dates as the report writes them) says, NaT where none."""
    text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
    days = pd.to_datetime(text.where(text != ""), errors="coerce", format="mixed")
    return np.asarray(days.dt.normalize(), dtype="datetime64[D]")


def placed_store_refunds(
    df: pd.DataFrame, typed: Mapping[str, Any], names: Mapping[str, str], source: str
) -> tuple[Any, np.ndarray]:
    """The amounts of ``df`` with each App Store Connect refund row's amount taken off the purchase its
    "Purchase Date" names (see the module docstring), and which purchases are refunded in full (no purchase). The
    amounts as they are and no purchase refunded where ``df`` is no such report, an order id is mapped or no row is
    a refund. Noted (``source``: the file).

    >>> df = pd.DataFrame({"Event Date": ["2026-02-28", "2026-03-31", "2026-03-10"], "Units": [1, 1, -1],
    ...                    "Proceeds Currency": ["EUR"] * 3, "Purchase Date": ["", "", "2026-02-28"],
    ...                    "Subscriber ID": ["9002"] * 3})
    >>> typed = {"customer_id": df["Subscriber ID"].to_numpy(), "amount": np.array([6.3, 6.3, -6.3])}
    >>> names = {"customer_id": "Subscriber ID", "date": "Event Date", "amount": "Developer Proceeds"}
    >>> amounts, full = placed_store_refunds(df, typed, names, "s.txt")
    >>> amounts.tolist(), full.tolist()
    ([0.0, 6.3, -6.3], [True, False, False])
    """
    from .names import keys_of
    from .store_units import store_report

    full = np.zeros(len(df), dtype=bool)
    columns = list(map(str, df.columns))
    dated_once = columns.count(str(names.get("date"))) == 1
    if "order_id" in typed or "amount" not in typed or not store_report(columns) or not dated_once:
        return typed.get("amount"), full
    amounts = np.asarray(typed["amount"], dtype=np.float64)
    refund = amounts < 0
    if not refund.any():
        return typed["amount"], full
    dated = [p for p, c in enumerate(columns) if keys_of(c) & _PURCHASE_DATES and c not in names.values()]
    sold = _days(df.iloc[:, columns.index(names["date"])])
    bought = _days(df.iloc[:, dated[0]]) if dated else np.full(len(df), np.datetime64("NaT"), dtype="datetime64[D]")
    who = pd.Series(np.asarray(typed["customer_id"], dtype=object)).astype(str).to_numpy()
    left = np.where(refund | np.isnan(amounts), 0.0, amounts)  # what is left of each purchase
    sales: dict[tuple[str, Any], list[int]] = {}
    for row in np.flatnonzero(left > 0):
        if not np.isnat(sold[row]):
            sales.setdefault((who[row], sold[row]), []).append(int(row))
    placed, unplaced = [], []
    touched = np.zeros(len(df), dtype=bool)
    for row in np.flatnonzero(refund):
        size = -amounts[row]
        fits = [s for s in sales.get((who[row], bought[row]), []) if left[s] >= size - 0.005]
        if np.isnat(bought[row]) or not fits:
            unplaced.append(int(row))
            continue
        same = [s for s in fits if abs(left[s] - size) <= 0.005]  # the purchase of the refund's size first
        sale = same[0] if same else max(fits, key=lambda s: left[s])
        left[sale] -= size
        touched[sale] = True
        placed.append(int(row))
    full = touched & (left <= 0.005)
    out = np.where(touched, np.where(full, 0.0, left), amounts)
    amount = names["amount"]
    if placed and dated:
        note(str(bad_rows(source, columns[dated[0]], PLACED.format(column=columns[dated[0]]), placed,
                          df.iloc[:, dated[0]].to_numpy())))  # fmt: skip
    if unplaced:
        shown = {r: f"{-amounts[r]:.2f} of {who[r]!r}" for r in unplaced}
        why = _NO_PURCHASE.format(column=columns[dated[0]]) if dated else _NO_DATE
        said = UNPLACED.format(why=why)
        note(str(bad_rows(source, amount, said, unplaced, shown, advice=UNPLACED_DONE)))
    return out, full
