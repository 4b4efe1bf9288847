"""Orders of amount 0.00: no money collected, no purchase (H413's finding 02).

Stripe's invoices export writes a trial subscription's first invoice as ``paid`` with an "Amount Paid" of 0.00
("Billing Reason" ``subscription_create``); read as orders, each was a purchase: a customer who paid nothing a buyer,
a repeat purchaser with its first paid invoice, a cohort of trials that never paid. docs/metrics.md already said so
of an order adjusted to 0.00, a $0 card check and the App Store's "Free Trial" start; the same holds for any order
whose amount, all its rows netted (its items added up, its refunds taken off), is 0.00: it collects no money, so
(:func:`without_zero_orders`) it is left out with a note naming its rows ("a trial's invoice" where a "Billing
Reason" says ``subscription_create`` or a trial flag column says true on each of them). A file whose every order is
0.00 is refused naming the amount column mapped: probably the wrong column (Stripe's "Amount Due" of a file of paid
invoices, a discount's). Without an amount mapped nothing changes (what an order collected cannot be told).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, rows_named
from .notes import note

__all__ = ["ZERO", "without_zero_orders"]

#: An order's amount within this of 0 is 0.00: nothing collected (a cent's half, as amounts are written in cents).
ZERO = 0.005
#: Column keys (:func:`~.columns.keys_of`) of the reason an invoice was made, and the value of a subscription's first
#: (Stripe's "Billing Reason" ``subscription_create``): of 0.00, a free trial's start.
_REASONS = frozenset({"billing_reason", "invoice_reason", "reason"})
_CREATED = frozenset({"subscription_create"})


def without_zero_orders(
    df: pd.DataFrame,
    typed: dict[str, Any],
    kept: np.ndarray,
    ids: np.ndarray | None,
    names: dict[str, str],
    source: Any,
) -> tuple[dict[str, Any], np.ndarray]:
    """``typed`` (one row per order, its amount netted; ``kept``: each order's row of ``df``) without its orders of
    amount 0.00, with a note naming their rows of the file (every row of the order where ``ids``, the file's order
    ids, are given), and their ``kept`` positions; unchanged without an amount or such an order. Raises
    :class:`DataError` naming the amount column where every order is 0.00.

    Formula: an order is no purchase where ``abs(sum of its rows' amounts) <= 0.005``.

    >>> df = pd.DataFrame({"customer": ["a", "b"], "amount": ["0.00", "49.00"]})
    >>> typed = {"customer_id": np.array(["a", "b"], dtype=object), "amount": np.array([0.0, 49.0])}
    >>> out, kept = without_zero_orders(df, typed, np.array([0, 1]), None, {"amount": "amount"}, "orders.csv")
    >>> out["amount"].tolist(), kept.tolist()
    ([49.0], [1])
    """
    if "amount" not in typed or not len(kept):
        return typed, kept
    amounts = np.asarray(typed["amount"], dtype=np.float64)
    zero = np.abs(amounts) <= ZERO  # NaN: no amount, not 0
    if not zero.any():
        return typed, kept
    column = names.get("amount", "amount")
    if zero.all():
        raise DataError(
            f"{source}, column {column!r}: every order's amount is 0.00 ({len(zero)} orders): no money collected on "
            f"any, so no purchase to count; is {column!r} the amount paid? Map the column of the amounts paid "
            "(--columns amount=NAME)",
            source=str(source),
            column=column,
        )
    firsts = kept[zero]
    if ids is not None:  # every row of those orders
        ids = np.asarray(ids, dtype=object)
        rows = np.flatnonzero(pd.Index(ids[firsts]).get_indexer(ids) >= 0)
    else:
        rows = firsts
    shown = rows_named(source, rows[:5]) + (" ..." if len(rows) > 5 else "")
    what = _trials(df, firsts) or f"an order of amount 0.00 under {column!r} (all its rows netted)"
    note(
        f"{source}: {int(zero.sum())} order(s) of amount 0.00 left out, {shown}: {what} collects no money, no purchase"
    )
    keep = np.flatnonzero(~zero)
    out = {k: v.array.take(keep) if isinstance(v, pd.Series) else np.asarray(v)[keep] for k, v in typed.items()}
    return out, kept[keep]


def _trials(df: pd.DataFrame, rows: np.ndarray) -> str | None:
    """What the export says the orders at ``rows`` of ``df`` are, where it says a trial's invoice on each: a "Billing
    Reason" ``subscription_create`` (Stripe's), or a trial flag column true; None where it does not."""
    from .columns import keys_of
    from .statuses import spelled
    from .trial_flags import trial_flag_rows

    for position, name in enumerate(map(str, df.columns)):
        if keys_of(name) & _REASONS and np.isin(spelled(df.iloc[rows, position]), list(_CREATED)).all():
            return f"a trial's invoice ({name!r} subscription_create of 0.00: a free trial's start, nothing paid)"
    try:
        flags = trial_flag_rows(df, "")
    except DataError:  # neither true nor false: it says nothing here
        return None
    for name, flagged in flags:
        if flagged[rows].all():
            return f"a trial's invoice ({name!r} true: a free trial, nothing paid)"
    return None
