"""Google Play's order ids as customer ids: a renewal's id is its subscription's first order's id and ``..N``.

Google Play's earnings report has no buyer id: its only id is "Description", the order id, and a subscription's
renewals carry the first order's id followed by ``..0``, ``..1``, ... (``GPA.3371-5148-4219-36789..0`` is the first
renewal of ``GPA.3371-5148-4219-36789``: Google Play Console Help, "Understand subscription renewals"). Mapped as
the customer id (the one choice the file offers), each renewal was a new buyer: a monthly subscriber's cohort 1, 0, 0
for 1, 1, 1 and no returning customer ever (H266 finding 15). So (:func:`play_purchasers`) a customer id of that
form is read as its first order's id, the subscription's purchaser, with a note saying so and that each
subscription or one-time purchase counts as a customer of its own (the report cannot tell one buyer's two).

That id is each row's order id too: a "Charge refund" row names the order it refunds with the same id. Without an order
id mapped, its refund was a row of no order, left out of the sums: a refunded order counted as a buyer, its revenue
gross (H350 finding 05). So (:func:`play_order_column`) the customer id column of Google Play order ids is read as
the order id as well, with a note.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .notes import note

__all__ = ["play_order_column", "play_purchasers"]

#: A Google Play order id: ``GPA.`` and groups of digits, a renewal's ``..N`` after them.
_ORDER = r"GPA\.\d+(?:-\d+)+(?:\.\.\d+)?"
#: A Google Play renewal's order id: the first order's id (``GPA.`` and groups of digits), ``..`` and a count.
_RENEWAL = r"^(GPA\.\d+(?:-\d+)+)\.\.\d+$"


def play_purchasers(customers: Any, source: str, column: str) -> Any:
    """``customers`` with each Google Play renewal order id read as its first order's (see the module docstring),
    with a note; ``customers`` itself where none is one.

    >>> play_purchasers(np.array(["GPA.3371-5148-4219-36789", "GPA.3371-5148-4219-36789..0", "x..1"], dtype=object),
    ...                 "earnings.csv", "Description").tolist()
    ['GPA.3371-5148-4219-36789', 'GPA.3371-5148-4219-36789', 'x..1']
    """
    values = np.asarray(customers, dtype=object)
    text = pd.Series(values).astype(str)
    first = text.str.extract(_RENEWAL, expand=False)
    renewal = first.notna().to_numpy()
    if not renewal.any():
        return customers
    shown = ", ".join(
        f"{a!r} as {b!r}" for a, b in list(dict.fromkeys(zip(text[renewal], first[renewal], strict=True)))[:2]
    )
    note(
        f"{source}, column {column!r}: {int(renewal.sum())} Google Play renewal order id(s) read as their "
        f"subscription's first order's purchaser ({shown}); the report has no buyer id, so each subscription and each "
        "one-time purchase counts as a customer of its own"
    )
    out = values.copy()
    out[renewal] = first[renewal].to_numpy(dtype=object)
    return out


def play_order_column(df: pd.DataFrame, names: dict[str, str], source: str) -> str | None:
    """The customer id column of ``df`` to read as its order id as well: Google Play's "Description", each value an
    order id (:data:`_ORDER`), where no order id is mapped (``names``: the columns found); None otherwise. Noted
    (``source``: the file).

    >>> frame = pd.DataFrame({"Description": ["GPA.3303-7777-8888-99999", "GPA.3303-7777-8888-99999"]})
    >>> play_order_column(frame, {"customer_id": "Description"}, "earnings.csv")
    'Description'
    >>> play_order_column(frame.assign(Description=["GPA.3303-7777-8888-99999", "c1"]), {"customer_id": "Description"},
    ...                   "earnings.csv") is None
    True
    """
    column = names.get("customer_id")
    if "order_id" in names or column is None or list(map(str, df.columns)).count(column) != 1:
        return None
    text = df[column].astype(str).str.strip()
    if text.empty or not text.str.fullmatch(_ORDER).all():
        return None
    note(
        f"{source}, column {column!r}: read as the order id too (Google Play's order ids), so a refund row of an "
        "order ('Charge refund') is taken off that order"
    )
    return column
