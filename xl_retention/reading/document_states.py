"""Billing systems' and ERPs' invoices: a document's state beside its payment status, their invoice kinds.

Lago's invoices write the document's state (``status``: draft, finalized, voided) beside the money's
(``payment_status``: pending, succeeded, failed), Odoo's ``Status`` (Draft, Posted, Cancelled) beside ``Payment
Status`` (Not Paid, In Payment, Paid, Partially Paid, Reversed). The document's ``finalized`` or ``posted`` says it
was issued, nothing of its payment; it was refused as a status saying neither paid nor unpaid, and these systems'
exports could not be imported at all (H569's finding 03). Here:

* **A document's state beside a payment status** (:func:`states_beside_payment`): where the file has a payment status
  column (``payment_status``, "Payment Status", "Zahlungsstatus": :func:`payment_status_columns`) holding a status
  read as paid or not paid, a document's state that says nothing of payment (:data:`ISSUED`: finalized, posted,
  issued) in another status column says nothing: the payment status decides. Drafts, voided and cancelled documents
  stay left out. Without a payment status column ``finalized`` is refused as before, saying what to add.
* **A payment status's words** (:func:`payment_statuses`): Odoo's ``In Payment`` (paid, being reconciled) is paid
  anywhere; ``Reversed`` in a payment status column is an invoice reversed by a credit note, left out as refunded is
  (in a dispute's status ``reversed`` is a chargeback reversed, the money kept: read there).
* **Paid in part** (:func:`refuse_part_paid`): a row whose status says paid in part (``partially_paid``, Odoo's
  Partially Paid) counted its whole amount; it is refused naming the rows unless the amount mapped is the amount
  paid (Xero's ``AmountPaid``, "Amount Paid") or the file's amount due column says what is left (read by
  :mod:`.amounts_due`).
* **Invoice kinds** (:data:`INVOICE_KINDS`, :func:`invoice_kind_sales`): Lago's ``invoice_type`` subscription,
  add_on, one_off and progressive_billing are invoices of sales; Metronome's ``type`` USAGE and SCHEDULED too, in a
  file of invoices (a status column holding a document's state, FINALIZED, DRAFT, VOID). Lago's ``credit`` is prepaid
  credits bought (Lago's docs: an advance payment, not revenue until used, the credits used taken off its later
  invoices' totals): refused naming the rows (:func:`refuse_prepaid_credits`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import keys_of

__all__ = [
    "INVOICE_KINDS",
    "ISSUED",
    "invoice_kind_sales",
    "issued_advice",
    "payment_status_columns",
    "payment_statuses",
    "refuse_part_paid",
    "refuse_prepaid_credits",
    "states_beside_payment",
]

#: A document's states that say it was issued and nothing of its payment (Lago's and Metronome's finalized, Odoo's
#: Posted, an issued invoice).
ISSUED = frozenset({"finalized", "finalised", "posted", "issued"})
#: Statuses that say paid in part: what was paid of the amount cannot be told from it.
PART_PAID = frozenset({"partially_paid", "partly_paid", "part_paid"})
#: Lago's invoice types of sales (its ``credit``, prepaid credits bought, is refused: :data:`PREPAID`).
INVOICE_KINDS = frozenset({"subscription", "add_on", "one_off", "progressive_billing"})
#: Metronome's invoice types of sales, read so in a file of invoices (a document's state beside them).
_METERED_KINDS = frozenset({"usage", "scheduled"})
#: Lago's invoice type of prepaid credits bought.
PREPAID = "credit"
#: A document's states of a file of invoices (Metronome's FINALIZED, DRAFT, VOID).
_INVOICE_STATES = ISSUED | {"draft", "void", "voided"}
_TYPE_KEYS = frozenset({"invoice_type", "type"})


def _says_payment(keys: set[str]) -> bool:
    return any(("payment" in k or "zahlung" in k) and ("status" in k or "state" in k) for k in keys)


def payment_status_columns(columns: Any) -> list[int]:
    """The positions of the columns named as a payment's status ("Payment Status", ``payment_state``,
    "Zahlungsstatus").

    >>> payment_status_columns(["Number", "Status", "Payment Status"]), payment_status_columns(["status"])
    ([2], [])
    """
    return [p for p, c in enumerate(columns) if _says_payment(keys_of(str(c)))]


def payment_statuses(name: str, status: np.ndarray) -> np.ndarray:
    """``status`` (a status column's statuses as read) with Odoo's payment status words as the import's: ``in_payment``
    paid; ``reversed`` refunded where the column ``name`` is a payment status.

    >>> payment_statuses("Payment Status", np.array(["in_payment", "reversed", "paid"], dtype=object)).tolist()
    ['paid', 'refunded', 'paid']
    >>> payment_statuses("Status", np.array(["reversed"], dtype=object)).tolist()
    ['reversed']
    """
    out = np.where(status == "in_payment", "paid", status)
    if _says_payment(keys_of(name)):
        out = np.where(out == "reversed", "refunded", out)
    return out.astype(object)


def states_beside_payment(df: pd.DataFrame, position: int, status: np.ndarray, known: Any) -> np.ndarray:
    """``status`` of the status column at ``position`` with a document's states that say nothing of payment
    (:data:`ISSUED`) blank, where ``df`` has another column, a payment status (:func:`payment_status_columns`),
    holding a status of ``known`` (paid or not paid); ``status`` as it is elsewhere.

    >>> df = pd.DataFrame({"status": ["finalized", "voided"], "payment_status": ["succeeded", "pending"]})
    >>> states_beside_payment(df, 0, np.array(["finalized", "voided"], dtype=object), {"succeeded"}).tolist()
    ['', 'voided']
    """
    from .order_statuses import said_statuses

    if not np.isin(status, list(ISSUED)).any():
        return status
    others = [p for p in payment_status_columns(df.columns) if p != position]
    if not any(np.isin(said_statuses(df.iloc[:, p]), list(known)).any() for p in others):
        return status
    return np.where(np.isin(status, list(ISSUED)), "", status).astype(object)


def issued_advice(status: np.ndarray, unknown: np.ndarray) -> str | None:
    """What to do where the statuses refused are a document's issued state (``finalized``) and the file has no
    payment status column: add it."""
    if not np.isin(status[unknown], list(ISSUED)).all():
        return None
    return (
        "finalized, posted or issued says a document was issued, nothing of its payment: add the export's payment "
        "status column beside it (Lago's payment_status, Odoo's Payment Status), which then decides"
    )


def refuse_part_paid(df: pd.DataFrame, names: dict[str, str], source: str, counted: np.ndarray, due: bool) -> None:
    """Refuse the rows counted (``counted``) whose status says paid in part (:data:`PART_PAID`: Odoo's Partially
    Paid), naming the rows, unless the amount mapped is the amount paid or the file has an amount due column (``due``:
    :mod:`.amounts_due` judged them)."""
    from .amounts_due import PAID_AMOUNTS
    from .order_statuses import ORDER_STATUS_NAMES, said_statuses

    if due or "amount" not in names or keys_of(names["amount"]) & PAID_AMOUNTS:
        return
    for position, name in enumerate(map(str, df.columns)):
        if not keys_of(name) & ORDER_STATUS_NAMES:
            continue
        part = np.isin(said_statuses(df.iloc[:, position]), list(PART_PAID)) & counted
        if part.any():
            problem = (
                f"statuses that say paid in part (what was paid of {names['amount']!r} cannot be told from it, and "
                "counted whole it would count money not received)"
            )
            advice = (
                "map the amount paid with --columns amount=NAME, or write what was paid as their amount and give "
                "them the status paid, or remove them"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(part), df.iloc[:, position].to_numpy(), advice=advice)


def _invoice_states(df: pd.DataFrame) -> bool:
    from .order_statuses import ORDER_STATUS_NAMES
    from .statuses import spelled

    return any(
        keys_of(str(c)) & ORDER_STATUS_NAMES and np.isin(spelled(df.iloc[:, p]), list(_INVOICE_STATES)).any()
        for p, c in enumerate(df.columns)
    )


def invoice_kind_sales(df: pd.DataFrame, name: str, kind: np.ndarray) -> np.ndarray:
    """Whether each row type ``kind`` of the type column ``name`` is an invoice kind of a sale: Lago's
    (:data:`INVOICE_KINDS`) in its ``invoice_type``; Metronome's USAGE and SCHEDULED beside a document's state.

    >>> df = pd.DataFrame({"type": ["USAGE", "SCHEDULED"], "status": ["FINALIZED", "DRAFT"]})
    >>> invoice_kind_sales(df, "type", np.array(["usage", "scheduled"], dtype=object)).tolist()
    [True, True]
    >>> invoice_kind_sales(df.drop(columns="status"), "type", np.array(["usage", "scheduled"], dtype=object)).tolist()
    [False, False]
    """
    keys = keys_of(name)
    out = np.isin(kind, list(INVOICE_KINDS)) if "invoice_type" in keys else np.zeros(len(kind), dtype=bool)
    if keys & _TYPE_KEYS and np.isin(kind, list(_METERED_KINDS)).any() and _invoice_states(df):
        out |= np.isin(kind, list(_METERED_KINDS))
    return out


def refuse_prepaid_credits(kind: np.ndarray, column: pd.Series, name: str, source: str) -> None:
    """Refuse Lago's ``credit`` invoices (prepaid credits bought) in an ``invoice_type`` column of Lago's kinds,
    naming the rows: whether buying credits is a purchase cannot be told."""
    credit = kind == PREPAID
    if "invoice_type" not in keys_of(name) or not credit.any():
        return
    if not np.isin(kind[~credit & (kind != "")], list(INVOICE_KINDS)).all():
        return
    problem = (
        "invoices of prepaid credits bought (Lago's credit: an advance payment, not revenue until the credits are "
        "used, and the credits used are taken off the later invoices' totals): whether these are purchases cannot "
        "be told"
    )
    advice = "remove these rows to count what was invoiced, or give them the type one_off to count the money taken"
    raise bad_rows(source, name, problem, np.flatnonzero(credit), column.to_numpy(), advice=advice)
