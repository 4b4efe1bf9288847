"""A free trial's $0 invoice, as the export itself marks it: no purchase, left out with a note.

Stripe creates an invoice when a subscription starts, its free trial's too: "Billing Reason" ``subscription_create``,
Status ``paid``, "Amount Paid" and "Total" 0.00 (its line, in an invoice line items export: "Trial period for Pro
Plan", 0.00). Read as orders, each was a purchase: a customer still in a trial a buyer, and a repeat purchaser with
their first paid invoice of the same month. docs/metrics.md keeps "an order of amount 0 is an order" for every other
order of 0.00 (a 100% coupon, a proration, an order adjusted to 0): only rows the file marks as a trial's $0 invoice
(:func:`trial_invoice_rows`) are left out, before anything else is read of them (:func:`without_trial_invoices`),
with a note naming how many rows and why:

* a reason column (``billing_reason``, Stripe's "Billing Reason") of ``subscription_create``, or a description
  column (``description``, "Line Item Description", ...) beginning "Trial period for";
* and every money column of the row (its name says an amount, a total, a price, ...: Stripe's "Amount Due", "Amount
  Paid", "Subtotal", "Total"; and the amount mapped) 0 or blank, one of them 0. A subscription's first invoice of
  49.00, or of 0.00 beside a "Subtotal" of 49.00 (a coupon), is a purchase as before.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .errors import rows_named, source_of
from .kept_rows import without_rows
from .names import words
from .no_charge_rows import AMOUNT_TEXT, MONEY_WORDS, ZERO_AMOUNT
from .notes import note

__all__ = ["REASON_KEYS", "DESCRIPTION_KEYS", "trial_invoice_rows", "trial_marker_columns", "without_trial_invoices"]

#: Keys (:func:`~.names.keys_of`) of a column saying why an invoice was made (Stripe's "Billing Reason"), and the
#: value (as :func:`~.statuses.spelled` spells it) of a subscription's first invoice.
REASON_KEYS = frozenset({"billing_reason", "invoice_billing_reason"})
CREATED = "subscription_create"
#: Keys of a column describing an invoice's line (Stripe's line items export: "Trial period for Pro Plan"), and the
#: beginning (lower case) of a trial's line.
DESCRIPTION_KEYS = frozenset({"description", "line_item_description", "line_description", "item_description",
                              "invoice_line_item_description", "line_items_description"})  # fmt: skip
TRIAL_LINE = "trial period for "


def trial_marker_columns(names: list[str]) -> list[str]:
    """The columns of ``names`` that may mark a trial's invoice: a reason or a line's description (by their keys).

    >>> trial_marker_columns(["id", "Billing Reason", "Amount Paid", "Description"])
    ['Billing Reason', 'Description']
    """
    from .names import keys_of

    return [n for n in map(str, names) if keys_of(n) & (REASON_KEYS | DESCRIPTION_KEYS)]


def trial_invoice_rows(df: pd.DataFrame, amount: str | None = None) -> tuple[np.ndarray, str | None]:
    """Whether each row of ``df`` is a trial's $0 invoice (see the module docstring; ``amount``: the column mapped as
    the amount, a money column whatever its name), and the first column saying so (None where no row is).

    >>> df = pd.DataFrame({"Billing Reason": ["subscription_create", "subscription_create", "subscription_cycle"],
    ...                    "Amount Paid": ["0.00", "49.00", "0.00"], "Total": ["0.00", "49.00", "0.00"]})
    >>> rows, column = trial_invoice_rows(df)
    >>> rows.tolist(), column
    ([True, False, False], 'Billing Reason')
    """
    from .names import keys_of
    from .statuses import spelled

    marked = np.zeros(len(df), dtype=bool)
    first = None
    for position, name in enumerate(map(str, df.columns)):
        keys = keys_of(name)
        if keys & REASON_KEYS:
            said = spelled(df.iloc[:, position]) == CREATED
        elif keys & DESCRIPTION_KEYS:
            column = df.iloc[:, position]
            text = column.astype(object).where(column.notna(), "").astype(str).str.strip().str.lower()
            said = text.str.startswith(TRIAL_LINE).to_numpy(dtype=bool)
        else:
            continue
        if said.any():
            marked |= said
            first = first or name
    if not marked.any():
        return marked, None
    marked &= _all_zero(df, amount)
    return marked, (first if marked.any() else None)


def _all_zero(df: pd.DataFrame, amount: str | None) -> np.ndarray:
    """Whether each row's money columns (by their names' words, as :mod:`.no_charge_rows` reads them, and
    ``amount``) are all 0 or blank, one of them 0 at least."""
    zero = np.zeros(len(df), dtype=bool)
    charged = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(map(str, df.columns)):
        said = words(name)
        money = any(w.startswith(MONEY_WORDS) for w in said) and not any(
            w in ("id", "currency", "date", "at") for w in said
        )
        if not (money or name == amount):
            continue
        column = df.iloc[:, position]
        text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
        is_zero = text.str.fullmatch(ZERO_AMOUNT).to_numpy(dtype=bool)
        zero |= is_zero
        charged |= text.str.fullmatch(AMOUNT_TEXT).to_numpy(dtype=bool) & ~is_zero
        if name == amount:  # the amount mapped: a value neither blank nor 0 (a number) is money
            charged |= (text != "").to_numpy(dtype=bool) & ~is_zero
    return zero & ~charged


def without_trial_invoices(df: pd.DataFrame, source: str, columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``df`` without its rows of a trial's $0 invoice (see the module docstring), with a note naming how many, which
    rows and why; ``df`` itself where it has none. The rows kept keep their rows of the file
    (``attrs["file_rows"]``)."""
    if not len(df.columns) or not len(df) or not trial_marker_columns(list(df.columns)):
        return df
    rows, column = trial_invoice_rows(df, (columns or {}).get("amount"))
    if column is None:
        return df
    where = source_of(df, source)
    found = np.flatnonzero(rows)
    shown = rows_named(where, found[:5]) + (" ..." if len(found) > 5 else "")
    what = (
        f"{column!r} subscription_create of 0.00"
        if any(k in REASON_KEYS for k in _keys(column))
        else f"{column!r} 'Trial period for ...' of 0.00"
    )
    note(
        f"{source}: {len(found)} row(s) of a free trial's $0 invoice left out, {shown}: {what} (a subscription "
        "starting with a free trial, nothing paid) is no purchase; any other order of 0.00 is an order"
    )
    return without_rows(df, rows, where)


def _keys(name: str) -> set[str]:
    from .names import keys_of

    return keys_of(name)
