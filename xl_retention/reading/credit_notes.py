"""Credit notes beside their invoices, by their own status: Chargebee's ``adjusted``, ``refund_due`` and ``voided``.

A credit note of an invoice in the file is a refund row of that invoice (:func:`~.order_columns.check_credit_notes`):
taken off it. Chargebee writes each credit note's status (its API's ``credit_note.status``, the "Credit Note Status"
of its Credit Notes report: ``adjusted``, ``refunded``, ``refund_due``, ``voided``): "Adjustment Credit Notes are
created for the 'unpaid' component of the invoice and it can have statuses - Adjusted and Voided. Refundable Credit
Notes are created for 'paid' component of the invoice and it can have statuses - Refunded, Refund Due and Voided"
(apidocs.chargebee.com, Credit Notes). So:

* ``adjusted`` (:func:`applied_credit_notes`): the credit note took its amount off its invoice, which was never
  paid in full: taken off the invoice, as a ``refunded`` one is (it was refused as "order statuses that say neither
  paid nor unpaid");
* ``voided``, or any status of a refund row that says it did not go through (failed, declined, pending:
  :func:`refunds_made`): it takes nothing off. The row's type (``credit_note``, ``refund``) said the refund was made
  whatever its status, so a voided credit note was taken off its invoice, silently;
* ``refund_due`` (a refundable credit note not refunded yet, its credits kept for a later invoice or a refund to
  come): whether it will come off cannot be told, so it is refused naming the rows
  (:func:`refuse_due_credit_notes`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import bad_rows, source_of
from .order_statuses import ORDER_STATUS_NAMES, said_statuses

__all__ = ["APPLIED", "DUE", "applied_credit_notes", "refunds_made", "refuse_due_credit_notes"]

#: A credit note's status (as :func:`~.orders.said_statuses` spells it) that says it was applied to its invoice.
APPLIED = frozenset({"adjusted"})
#: A credit note's status that says its refund is still to come (Chargebee's refundable credit note).
DUE = frozenset({"refund_due"})


def _credit_note_rows(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's type column (by its name or its values) says a credit note."""
    from .columns import keys_of
    from .order_columns import CREDIT_NOTES
    from .orders import _TYPES
    from .row_types import type_by_values
    from .statuses import spelled

    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(map(str, df.columns)):
        if keys_of(name) & _TYPES or type_by_values(df, position):
            out |= np.isin(spelled(df.iloc[:, position]), list(CREDIT_NOTES))
    return out


def _status_positions(df: pd.DataFrame) -> list[int]:
    """The positions of ``df``'s order status columns (by name, or by values: :mod:`.order_columns`)."""
    from .columns import keys_of
    from .order_columns import status_by_values

    return [p for p, c in enumerate(map(str, df.columns)) if keys_of(c) & ORDER_STATUS_NAMES or status_by_values(df, p)]


def _said(df: pd.DataFrame, words: frozenset[str]) -> np.ndarray:
    """Whether each row's status (any status column) is one of ``words``."""
    out = np.zeros(len(df), dtype=bool)
    for position in _status_positions(df):
        out |= np.isin(said_statuses(df.iloc[:, position]), list(words))
    return out


def applied_credit_notes(df: pd.DataFrame) -> np.ndarray:
    """Whether each row of ``df`` is a credit note whose status says ``adjusted``: applied to its invoice (see the
    module docstring).

    >>> df = pd.DataFrame({"document_type": ["invoice", "credit_note", "invoice"],
    ...                    "status": ["paid", "adjusted", "adjusted"]})
    >>> applied_credit_notes(df).tolist()  # an invoice 'adjusted' is no credit note's
    [False, True, False]
    """
    return _credit_note_rows(df) & _said(df, APPLIED)


def refunds_made(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's status or type says a refund that was made (:func:`~.orders.says_refunded`), and no status
    column says it did not go through (voided, failed, declined, pending: :data:`~.orders.NOT_PAID` other than a
    refund's own statuses, :data:`~.sale_refunds.REFUND_STATUSES`).

    >>> df = pd.DataFrame({"type": ["credit_note", "credit_note", "refund"], "status": ["refunded", "voided", "paid"]})
    >>> refunds_made(df).tolist()
    [True, False, True]
    """
    from .orders import NOT_PAID, says_refunded
    from .sale_refunds import REFUND_STATUSES

    made = says_refunded(df)
    if not made.any():
        return made
    return made & ~_said(df, NOT_PAID - REFUND_STATUSES)


def refuse_due_credit_notes(df: pd.DataFrame, source: str) -> None:
    """Refuse the credit notes whose status says ``refund_due`` (see the module docstring), naming the rows."""
    if not len(df) or not _said(df, DUE).any():
        return
    notes = _credit_note_rows(df)
    for position in _status_positions(df):
        due = notes & np.isin(said_statuses(df.iloc[:, position]), list(DUE))
        if not due.any():
            continue
        problem = (
            "credit notes whose refund is still due (Chargebee's refund_due: credits not refunded yet, kept for a "
            "later invoice or a refund to come; whether they come off their invoice cannot be told)"
        )
        advice = "give them the status refunded where they were refunded or applied, voided where they were not"
        column = df.iloc[:, position]
        raise bad_rows(source_of(df, source), str(df.columns[position]), problem, np.flatnonzero(due),
                       column.to_numpy(), advice=advice)  # fmt: skip
