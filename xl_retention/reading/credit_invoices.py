"""An invoice whose own totals say it is a credit, read by a money column of 0.00: no purchase, left out with a note.

Stripe's proration credit (a downgrade: "Billing Reason" ``subscription_update``, "Subtotal" and "Total" -20.00,
"Amount Due" and "Amount Paid" 0.00, the 20.00 going to the customer's balance) is a credit *to* the customer. Mapped
as ``amount=Total`` it is a refund, no purchase (docs/metrics.md, "Orders"); mapped as ``amount="Amount Paid"`` it was
an order of 0.00, its customer a buyer and a returning customer (H467 finding 02): two answers by the money column.
So (:func:`without_credit_invoices`) a row whose amount mapped is 0 and whose own total (a column named ``total``,
``subtotal``, "Total (excl. tax)", ... : :data:`TOTAL_KEYS`, not the amount) is below 0 is left out before anything
else is read of it, with a note naming the rows: the answer ``Total`` gives. Every other order of 0.00 stays an order
(a 100% coupon's 0.00 beside a "Subtotal" of 49.00, a ``subscription_cycle`` invoice of 0.00); a row whose mapped
amount is negative is read as before (a refund row, taken off its order).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .errors import DataError, rows_named, source_of
from .kept_rows import without_rows
from .notes import note

__all__ = ["TOTAL_KEYS", "credit_invoice_rows", "total_columns", "without_credit_invoices"]

#: Keys (:func:`~.names.keys_of`) of a column holding an invoice's own total (Stripe's "Subtotal", "Total",
#: ``total_excluding_tax``).
TOTAL_KEYS = frozenset({"total", "subtotal", "total_excluding_tax", "subtotal_excluding_tax", "total_excl_tax",
                        "subtotal_excl_tax", "invoice_total", "invoice_subtotal"})  # fmt: skip


def total_columns(names: list[str], amount: str | None) -> list[str]:
    """The columns of ``names`` holding an invoice's own total (:data:`TOTAL_KEYS`), the amount mapped left out.

    >>> total_columns(["Amount Paid", "Subtotal", "Total", "Ending Balance"], "Amount Paid")
    ['Subtotal', 'Total']
    """
    from .names import keys_of

    return [n for n in map(str, names) if n != amount and keys_of(n) & TOTAL_KEYS]


def credit_invoice_rows(df: pd.DataFrame, amount: str, source: str) -> tuple[np.ndarray, str | None]:
    """Whether each row of ``df`` is a credit invoice read by ``amount`` (see the module docstring), and the first
    total column saying so (None where no row is).

    >>> df = pd.DataFrame({"Amount Paid": ["100.00", "0.00", "0.00"], "Total": ["100.00", "-20.00", "0.00"],
    ...                    "Subtotal": ["100.00", "-20.00", "49.00"]})
    >>> rows, column = credit_invoice_rows(df, "Amount Paid", "inv.csv")
    >>> rows.tolist(), column
    ([False, True, False], 'Total')
    """
    from .no_charge_rows import ZERO_AMOUNT
    from .number_texts import parse_numbers

    names = [str(c) for c in df.columns]
    if amount not in names:
        return np.zeros(len(df), dtype=bool), None
    column = df.iloc[:, names.index(amount)]
    text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
    zero = text.str.fullmatch(ZERO_AMOUNT).to_numpy(dtype=bool)
    credit = np.zeros(len(df), dtype=bool)
    first = None
    if not zero.any():
        return credit, None
    for name in total_columns(names, amount):
        try:
            numbers = parse_numbers(df.iloc[:, names.index(name)], source, name, allow_blank=True)
        except DataError:
            continue  # words: no total
        below = zero & (np.nan_to_num(numbers, nan=0.0) < -0.005)
        if below.any():
            credit |= below
            first = first or name
    return credit, first


def without_credit_invoices(df: pd.DataFrame, source: str, columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``df`` without its credit invoices read by the mapped amount (see the module docstring), with a note naming
    how many, which rows and why; ``df`` itself where it has none (or no amount is mapped)."""
    amount = (columns or {}).get("amount")
    if amount is None:  # not mapped: a column named so (a table's 'amount')
        amount = next((str(c) for c in df.columns if str(c).strip().lower() == "amount"), None)
    if amount is None or not len(df) or not total_columns(list(df.columns), amount):
        return df
    where = source_of(df, source)
    rows, column = credit_invoice_rows(df, amount, where)
    if column is None:
        return df
    found = np.flatnonzero(rows)
    shown = rows_named(where, found[:5]) + (" ..." if len(found) > 5 else "")
    value = str(df.iloc[found[0], [str(c) for c in df.columns].index(column)]).strip()
    note(
        f"{source}: {len(found)} row(s) of a credit invoice left out, {shown}: {amount!r} 0.00 beside {column!r} "
        f"{value} (the invoice's own total a credit to the customer, nothing paid) is no purchase, as {column!r} "
        "mapped reads it; any other order of 0.00 is an order"
    )
    return without_rows(df, rows, where)
