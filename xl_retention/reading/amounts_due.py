"""What an invoice's own columns say was paid: an amount paid beside an amount still due.

Invoice exports write beside the invoice's amount what was paid of it and what is still due: Xero's ``AmountPaid``
and ``AmountDue`` (its web export's ``InvoiceAmountPaid``, ``InvoiceAmountDue``), Chargebee's and Zoho's "Amount
Paid" and "Amount Due" / "Balance Due", Stripe's "Amount Paid" and "Amount Remaining", Shopify's "Outstanding
Balance". A status that says paid (``approved``, ``authorised``: an approval, or a card's authorisation) is not
proof the money came in; these columns are:

* **Nothing paid, all due.** A row taken as paid (its status paid, or blank, or no status column) whose amount paid
  is 0 while an amount is still due (:data:`PAID_AMOUNTS` beside :data:`DUE_AMOUNTS`) is no purchase: its order is
  left out, with a note naming the rows (a generic invoice's Status ``approved``, Amount Paid 0.00, Amount Due
  100.00).
* **Part paid.** A row taken as paid with an amount paid above 0 and an amount still due above 0 is refused, naming
  the due column and the rows: what was kept, and whether a part paid invoice is a purchase, cannot be told from the
  amount. It passes where the amount mapped is the amount paid column (what was paid counts). Stripe writes the
  invoice's amount as its "Amount Due" (equal to "Amount Paid" once paid, what is left in "Amount Remaining"), others
  what is left to pay: a remaining column (:data:`REMAINING`) is read before an "Amount Due", and an "Amount Due"
  equal to the amount paid says nothing (paid in Stripe's sense). Without an amount paid column, a remaining column
  (Shopify's "Outstanding Balance") above 0 on a row taken as paid is refused the same way (Shopify's
  ``partially_paid`` with 60.00 outstanding of a Total of 100.00 counted 100.00).
* **Xero's statuses.** In a Xero-shaped file (:func:`xero_shaped`: a type of ``ACCREC``, the API's ``InvoiceNumber``
  beside ``AmountDue``, ``LineAmountTypes``) the statuses are read as Xero means them (:func:`xero_statuses`):
  ``AUTHORISED`` is an invoice approved and awaiting payment, not paid (left out as ``awaiting_payment`` is; one part
  paid by its ``AmountPaid`` is refused as above), ``DELETED`` a draft deleted (left out as ``voided``); ``DRAFT``,
  ``SUBMITTED`` (awaiting approval), ``VOIDED`` are not paid and ``PAID`` is paid as elsewhere. A card's
  ``authorised`` (Adyen's) stays paid in other files.

Blank amounts say nothing; refund rows (negative amounts) and amounts below 0 are not judged here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .notes import note

__all__ = ["DUE_AMOUNTS", "PAID_AMOUNTS", "REMAINING", "unpaid_by_amounts", "xero_shaped", "xero_statuses"]

#: Names (as :func:`~.names.keys_of` spells them) of a column of what was paid of an invoice.
PAID_AMOUNTS = frozenset({"amount_paid", "paid_amount", "total_paid", "invoice_amount_paid"})
#: Names of a column of what is left to pay of an invoice (never its whole amount).
REMAINING = frozenset({"amount_remaining", "remaining_amount", "balance_due", "outstanding_balance",
                       "amount_outstanding", "outstanding_amount", "invoice_balance_due"})  # fmt: skip
#: Names of a column of an amount due: what is left to pay (Xero, Chargebee) or the invoice's amount (Stripe).
DUE_AMOUNTS = REMAINING | {"amount_due", "invoice_amount_due"}
#: Xero's invoice statuses as the import's words (Xero API, Invoice Status Codes).
_XERO = {"authorised": "awaiting_payment", "deleted": "voided"}
#: A cent: amounts closer than this are equal, amounts below it 0.
_CENT = 0.005


def _keys(columns: Any) -> list[set[str]]:
    from .names import keys_of

    return [keys_of(str(c)) for c in columns]


def xero_shaped(df: pd.DataFrame) -> bool:
    """Whether ``df`` is a Xero invoices export: a type column holding ``ACCREC`` (or ``ACCRECCREDIT``), or the
    API's names (``LineAmountTypes``; ``InvoiceNumber`` or ``InvoiceID`` beside ``AmountDue``).

    >>> xero_shaped(pd.DataFrame({"Type": ["ACCREC"], "Status": ["PAID"]}))
    True
    >>> xero_shaped(pd.DataFrame(columns=["InvoiceNumber", "Status", "AmountDue"]))
    True
    >>> xero_shaped(pd.DataFrame(columns=["Invoice Number", "Status", "Amount Due"]))
    False
    """
    from .statuses import spelled

    keys = _keys(df.columns)
    every = set().union(*keys) if keys else set()
    if "lineamounttypes" in every or "amountdue" in every and {"invoicenumber", "invoiceid"} & every:
        return True
    for position, names in enumerate(keys):
        if names & {"type", "invoice_type"}:
            if np.isin(spelled(df.iloc[:, position]), ["accrec", "accreccredit"]).any():
                return True
    return False


def xero_statuses(df: pd.DataFrame, status: np.ndarray) -> np.ndarray:
    """``status`` (a status column's statuses as :func:`~.orders.said_statuses` reads them) as Xero means them
    where ``df`` is a Xero-shaped file (:func:`xero_shaped`): ``authorised`` awaiting payment, ``deleted`` voided.

    >>> frame = pd.DataFrame({"Type": ["ACCREC"] * 3})
    >>> xero_statuses(frame, np.array(["paid", "authorised", "deleted"], dtype=object)).tolist()
    ['paid', 'awaiting_payment', 'voided']
    >>> xero_statuses(frame.assign(Type="Sale"), np.array(["authorised"], dtype=object)).tolist()
    ['authorised']
    """
    said = np.isin(status, list(_XERO))
    if not said.any() or not xero_shaped(df):
        return status
    out = np.asarray(status, dtype=object).copy()
    out[said] = [_XERO[s] for s in out[said]]
    return out


def _xero_awaiting(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's status column says Xero's ``AUTHORISED`` (in a Xero-shaped file)."""
    from .orders import _STATUSES, said_statuses

    out = np.zeros(len(df), dtype=bool)
    if not xero_shaped(df):
        return out
    for position, names in enumerate(_keys(df.columns)):
        if names & _STATUSES:
            out |= said_statuses(df.iloc[:, position]) == "authorised"
    return out


def _column(keys: list[set[str]], names: frozenset[str]) -> int | None:
    """The position of the first column named by ``names``, None where there is none."""
    return next((p for p, k in enumerate(keys) if k & names), None)


def _whole_orders(order_ids: Any, rows: np.ndarray) -> np.ndarray:
    """Whether each row belongs to an order one of ``rows`` is of (no order id: each row is its order): Shopify
    writes an order's amounts on its first row only.

    >>> _whole_orders(np.array(["1", "1", "2"], dtype=object), np.array([True, False, False])).tolist()
    [True, True, False]
    """
    if order_ids is None:
        return rows
    codes = pd.factorize(np.asarray(order_ids, dtype=object))[0]
    return np.isin(codes, codes[rows])


def unpaid_by_amounts(
    df: pd.DataFrame,
    typed: dict[str, Any],
    names: dict[str, str],
    source: str,
    read_numbers: Callable[[pd.Series, str], Any],
    cancelled: np.ndarray,
) -> np.ndarray | None:
    """Whether each row of ``df`` belongs to an order its own amount paid and amount due say was not paid at all
    (see the module docstring); None where the file has no such columns. ``cancelled``: the rows left out already
    (not judged, but Xero's ``AUTHORISED`` rows part paid are refused). :class:`DataError` naming the due column and
    the rows of orders part paid; a note naming the rows left out."""
    keys = _keys(df.columns)
    paid_at = _column(keys, PAID_AMOUNTS)
    due_at = _column(keys, REMAINING)
    if due_at is None and paid_at is not None:
        due_at = _column(keys, DUE_AMOUNTS)
    if due_at is None:
        return None
    due_name = str(df.columns[due_at])
    due = np.asarray(read_numbers(df.iloc[:, due_at], due_name), dtype=np.float64)
    owed = due > _CENT  # NaN (blank) compares False: says nothing
    judged = ~cancelled | _xero_awaiting(df)
    if "amount" in typed:
        judged &= ~(np.asarray(typed["amount"], dtype=np.float64) < 0)  # a refund row: its refund's
    owed &= judged
    if not owed.any():
        return None
    paid_name = "" if paid_at is None else str(df.columns[paid_at])
    if paid_at is None:
        nothing = np.zeros(len(df), dtype=bool)
        part = owed & ~cancelled  # Xero's AUTHORISED without its AmountPaid: left out by its status
        shown = f"{due_name!r} above 0"
    else:
        paid = np.asarray(read_numbers(df.iloc[:, paid_at], paid_name), dtype=np.float64)
        nothing = owed & (np.abs(paid) < _CENT) & ~cancelled  # Xero's AUTHORISED: left out by its status
        part = owed & (paid > _CENT)
        if not keys[due_at] & REMAINING and not xero_shaped(df):  # Stripe's Amount Due: the invoice's amount
            part &= np.abs(paid - due) >= _CENT
        if names.get("amount") == paid_name:  # what was paid counts (not Xero's AUTHORISED: awaiting the rest)
            part &= cancelled
        shown = f"{paid_name!r} above 0 and {due_name!r} above 0"
    if part.any():
        problem = (
            f"invoices or orders part paid ({shown}: what was paid of them, and whether they are purchases, cannot be "
            "told from the amount)"
        )
        advice = "remove the rows of those not paid in full"
        if (part & cancelled).any():
            advice += " (Xero's AUTHORISED: awaiting the rest of its payment)"
        elif paid_at is not None:
            advice += ", or map the amount paid as the amount"
        else:
            advice += f", or write what was paid as their amount and 0 as their {due_name!r}"
        raise bad_rows(source, due_name, problem, np.flatnonzero(part), df.iloc[:, due_at].to_numpy(), advice=advice)
    if not nothing.any():
        return None
    said = f"0 paid and an amount still due in {due_name!r} (not paid: no purchase, left out)"
    note(str(bad_rows(source, paid_name, said, np.flatnonzero(nothing), df.iloc[:, paid_at].to_numpy())))
    return _whole_orders(typed.get("order_id"), nothing)
