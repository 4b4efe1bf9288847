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
  equal to the amount paid says nothing (paid in Stripe's sense); in that shape a row whose status says paid
  (:data:`SAID_PAID`) with 0 paid is Stripe's invoice paid out of band (before API 2025-03-31), paid, and a "Paid Out
  Of Band" true (:data:`OUT_OF_BAND`) is paid anywhere. Without an amount paid column, a remaining column equal to the
  row's amount or its total (Shopify's ``authorized``, not captured) is nothing paid, left out with a note; one above
  0 and below it on a row taken as paid is refused the same way (Shopify's ``partially_paid`` with 60.00
  outstanding of a Total of 100.00 counted 100.00).
* **Xero's statuses.** In a Xero-shaped file (:func:`xero_shaped`: a type of ``ACCREC``, the API's ``InvoiceNumber``
  beside ``AmountDue``, ``LineAmountTypes``) the statuses are read as Xero means them (:func:`xero_statuses`):
  ``AUTHORISED`` is an invoice approved and awaiting payment, not paid (left out as ``awaiting_payment`` is; one part
  paid by its ``AmountPaid`` is refused as above, counted where ``AmountPaid`` is the amount mapped), ``DELETED`` a
  draft deleted (left out as ``voided``); ``DRAFT``, ``SUBMITTED`` (awaiting approval), ``VOIDED`` are not paid and
  ``PAID`` is paid as elsewhere. A card's ``authorised`` (Adyen's) stays paid in other files.

Blank amounts say nothing; refund rows (negative amounts) and amounts below 0 are not judged here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .credit_invoices import TOTAL_KEYS
from .errors import DataError, bad_rows
from .names import keys_of
from .notes import note
from .order_statuses import ORDER_STATUS_NAMES, said_statuses
from .statuses import spelled
from .yes_no import TRUE

__all__ = [
    "DUE_AMOUNTS",
    "OUT_OF_BAND",
    "PAID_AMOUNTS",
    "REMAINING",
    "SAID_PAID",
    "remaining_by_words",
    "unpaid_by_amounts",
    "xero_shaped",
    "xero_statuses",
]

#: Names (as :func:`~.names.keys_of` spells them) of a column of what was paid of an invoice.
PAID_AMOUNTS = frozenset({"amount_paid", "paid_amount", "total_paid", "invoice_amount_paid"})
#: Names of a column of what is left to pay of an invoice (never its whole amount).
REMAINING = frozenset({"amount_remaining", "remaining_amount", "balance_due", "outstanding_balance",
                       "amount_outstanding", "outstanding_amount", "invoice_balance_due",
                       # QuickBooks' Invoice List and A/R reports ("Open Balance", H467's finding 05)
                       "open_balance", "amount_unpaid", "unpaid_amount"})  # fmt: skip
#: Names of a column of an amount due: what is left to pay (Xero, Chargebee) or the invoice's amount (Stripe).
DUE_AMOUNTS = REMAINING | {"amount_due", "invoice_amount_due"}
#: Names of a column that says an invoice was paid outside the processor (Stripe's "Paid Out Of Band"): paid.
OUT_OF_BAND = frozenset({"paid_out_of_band"})
#: Statuses that say paid, not approved or authorised: beside Stripe's "Amount Due" (the invoice's amount, no
#: remaining column) with an "Amount Paid" of 0.00 the invoice was paid out of band (before API 2025-03-31), not unpaid.
SAID_PAID = frozenset({"paid", "succeeded", "complete", "completed"})
#: Xero's invoice statuses as the import's words (Xero API, Invoice Status Codes).
_XERO = {"authorised": "awaiting_payment", "deleted": "voided"}
#: A cent: amounts closer than this are equal, amounts below it 0.
_CENT = 0.005


def _keys(columns: Any) -> list[set[str]]:
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
    out = np.zeros(len(df), dtype=bool)
    if not xero_shaped(df):
        return out
    for position, names in enumerate(_keys(df.columns)):
        if names & ORDER_STATUS_NAMES:
            out |= said_statuses(df.iloc[:, position]) == "authorised"
    return out


#: Words of a name that say what is left to pay (English, German, Dutch, French, Spanish, Portuguese, Italian):
#: "Outstanding Amount", "Remaining Balance", "Offener Betrag", "Openstaand bedrag", "Saldo pendiente".
_LEFT = frozenset({"outstanding", "remaining", "unpaid", "owing", "owed", "open", "offen", "offener", "offene",
                   "ausstehend", "ausstehender", "openstaand", "restant", "restante", "pendiente", "pendente",
                   "restbetrag", "insoluto", "residuo", "due", "fällig", "fallig"})  # fmt: skip
#: Words of a name that say the money left: an amount or a balance ("Due Amount", Zuora's "Invoice.Balance").
_LEFT_MONEY = frozenset({"amount", "balance", "betrag", "bedrag", "montant", "importe", "monto", "importo", "valor",
                         "saldo", "solde", "sum", "summe"})  # fmt: skip
#: Words of a balance's name alone: an invoice's amount left to pay (Zoho's, Invoice Ninja's "Balance") or an
#: account's (PayPal's activity), which cannot be told.
_BALANCE = frozenset({"balance", "saldo", "solde"})
#: Words of an invoice, that make a balance its amount left to pay (Zuora's "Invoice.Balance", "Invoice Balance").
_INVOICE = frozenset({"invoice", "invoices", "rechnung", "factuur", "facture", "factura", "fattura", "bill"})
#: Words of a name that say no invoice's amount left to pay: a date, a count, a status, an account's or a
#: customer's balance, a balance at a period's start or end, a credit, a fee or a tax.
_NOT_LEFT = frozenset({"date", "datum", "at", "on", "days", "day", "time", "id", "number", "no", "status", "count",
                       "rate", "reason", "currency", "account", "customer", "client", "credit", "starting", "ending",
                       "running", "previous", "prior", "start", "end", "opening", "closing", "beginning", "initial",
                       "available", "pending", "fee", "fees", "tax", "taxes", "vat", "total", "totals", "percent",
                       "%", "paid", "flag", "is", "type", "wallet", "points", "gift", "card", "fecha",
                       "deposit"})  # fmt: skip
#: Signs and currencies a name may end with ("Balance ($)", "Due Amount (EUR)").
_MARKS = frozenset({"$", "€", "£", "usd", "eur", "gbp", "cad", "aud", "chf"})


def _left_words(name: Any) -> str | None:
    """What ``name``'s words say of an invoice's amount left to pay: ``"remaining"`` (a word of what is left and
    a word of money, "Due Amount", "Outstanding Amount"; an invoice's balance, "Invoice.Balance"), ``"balance"`` (a
    balance alone: an invoice's or an account's), None (anything else, Stripe's "Amount Due" among them: the
    invoice's amount, :data:`DUE_AMOUNTS`).

    >>> [_left_words(n) for n in ("Due Amount", "Invoice.Balance", "Balance ($)", "Account.Balance", "Amount Due")]
    ['remaining', 'remaining', 'balance', None, None]
    >>> [_left_words(n) for n in ("Total Due", "Opening Balance", "Due Date", "Offener Betrag", "Saldo")]
    [None, None, None, 'remaining', 'balance']
    >>> [_left_words(n) for n in ("Amount Due (USD)", "DueAmount", "Amount Remaining (EUR)")]
    [None, 'remaining', 'remaining']
    """
    from .names import camel_spaced, words

    if keys_of(str(name)) & DUE_AMOUNTS:
        return None  # named exactly: read as before (Stripe's Amount Due is the invoice's amount)
    said = words(name, whole=False) - _MARKS
    if not said or said & _NOT_LEFT:
        return None
    order = [w for w in re.split(r"[^0-9a-zà-ÿ]+", camel_spaced(name).lower()) if w]
    if "due" in order and "amount" in order and order.index("amount") < order.index("due"):
        return None  # Stripe's "Amount Due (USD)": the invoice's amount, as "Amount Due" is
    if said & _LEFT and said & _LEFT_MONEY or said & _BALANCE and said & _INVOICE and said <= _BALANCE | _INVOICE:
        return "remaining"
    return "balance" if said <= _BALANCE else None


def remaining_by_words(columns: Any, skip: Any = ()) -> str | None:
    """The first column of ``columns`` (not one of ``skip``) whose name's words say an invoice's amount left to pay
    (:func:`_left_words`: "Due Amount", "Invoice.Balance"), None where there is none.

    >>> remaining_by_words(["Invoice Number", "Amount", "Due Amount"]), remaining_by_words(["Balance"])
    ('Due Amount', None)
    """
    return next((str(c) for c in columns if str(c) not in skip and _left_words(c) == "remaining"), None)


BALANCE_PROBLEM = (
    "balances above 0 ({name!r}: an invoice's amount still to pay, or an account's balance; whether these orders "
    "were paid cannot be told)"
)
BALANCE_ADVICE = (
    "rename the column 'Balance Due' where it is what is left to pay of each invoice, or remove it where it is an "
    "account's balance"
)


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


def _said(df: pd.DataFrame, words: frozenset[str]) -> np.ndarray:
    """Whether each row's status column says one of ``words`` (as :func:`~.orders.said_statuses` reads them)."""
    out = np.zeros(len(df), dtype=bool)
    for position, names in enumerate(_keys(df.columns)):
        if names & ORDER_STATUS_NAMES:
            out |= np.isin(said_statuses(df.iloc[:, position]), list(words))
    return out


def _out_of_band(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's ``paid_out_of_band`` column (Stripe's "Paid Out Of Band") says true: paid outside Stripe."""
    out = np.zeros(len(df), dtype=bool)
    for position, names in enumerate(_keys(df.columns)):
        if names & OUT_OF_BAND:
            out |= np.isin(spelled(df.iloc[:, position]), list(TRUE))
    return out


def _whole_amounts(df: pd.DataFrame, typed: dict[str, Any], due: np.ndarray, read_numbers: Callable) -> np.ndarray:
    """Whether each row's amount left to pay ``due`` is the row's whole amount (the amount mapped, or a total column
    of :data:`~.credit_invoices.TOTAL_KEYS`): nothing of it paid."""
    whole = np.zeros(len(df), dtype=bool)
    if "amount" in typed:
        whole |= np.abs(due - np.asarray(typed["amount"], dtype=np.float64)) < _CENT
    for position, names in enumerate(_keys(df.columns)):
        if names & TOTAL_KEYS:
            try:
                total = np.asarray(read_numbers(df.iloc[:, position], str(df.columns[position])), dtype=np.float64)
            except DataError:
                continue  # words: no total
            whole |= np.abs(due - total) < _CENT
    return whole


def unpaid_by_amounts(
    df: pd.DataFrame,
    typed: dict[str, Any],
    names: dict[str, str],
    source: str,
    read_numbers: Callable[[pd.Series, str], Any],
    cancelled: np.ndarray,
) -> tuple[np.ndarray, np.ndarray] | None:
    """The rows of ``df`` that belong to an order its own amount paid and amount due say was not paid at all, and
    the rows left out already that are paid in part where the amount mapped is what was paid (Xero's ``AUTHORISED``
    part paid beside ``AmountPaid`` mapped: counted), see the module docstring; None where the file has no such
    columns. ``cancelled``: the rows left out already (not judged, but Xero's ``AUTHORISED`` rows part paid are
    refused). :class:`DataError` naming the due column and the rows of orders part paid; a note naming the rows left
    out."""
    keys = _keys(df.columns)
    paid_at = _column(keys, PAID_AMOUNTS)
    due_at = _column(keys, REMAINING)
    left = [_left_words(c) if str(c) not in names.values() else None for c in df.columns]
    if due_at is None:  # named in other words: "Due Amount", Zuora's "Invoice.Balance" (or a balance alone)
        due_at = next((p for p, said in enumerate(left) if said == "remaining"), None)
    remaining = due_at is not None
    if due_at is None and paid_at is not None:
        due_at = _column(keys, DUE_AMOUNTS)
    balance = due_at is None and "balance" in left
    if balance:  # "Balance" alone: refused below where one is above 0 on a row counted
        due_at = left.index("balance")
    if due_at is None:
        return None
    due_name = str(df.columns[due_at])
    due = np.asarray(read_numbers(df.iloc[:, due_at], due_name), dtype=np.float64)
    owed = due > _CENT  # NaN (blank) compares False: says nothing
    judged = (~cancelled | _xero_awaiting(df)) & ~_out_of_band(df)  # Stripe's Paid Out Of Band true: paid
    if "amount" in typed:
        judged &= ~(np.asarray(typed["amount"], dtype=np.float64) < 0)  # a refund row: its refund's
    owed &= judged
    if not owed.any():
        return None
    if balance:
        problem = BALANCE_PROBLEM.format(name=due_name)
        raise bad_rows(source, due_name, problem, np.flatnonzero(owed), df.iloc[:, due_at].to_numpy(),
                       advice=BALANCE_ADVICE)  # fmt: skip
    paid_name = "" if paid_at is None else str(df.columns[paid_at])
    kept = np.zeros(len(df), dtype=bool)
    if paid_at is None:
        whole = _whole_amounts(df, typed, due, read_numbers)  # Shopify's authorized: Outstanding Balance its Total
        nothing = owed & whole & ~cancelled
        part = owed & ~whole & ~cancelled  # Xero's AUTHORISED without its AmountPaid: left out by its status
        shown = f"{due_name!r} above 0"
        said, named = "the whole amount still to pay: nothing paid (not paid: no purchase, left out)", due_at
    else:
        paid = np.asarray(read_numbers(df.iloc[:, paid_at], paid_name), dtype=np.float64)
        nothing = owed & (np.abs(paid) < _CENT) & ~cancelled  # Xero's AUTHORISED: left out by its status
        part = owed & (paid > _CENT)
        if not remaining and not xero_shaped(df):  # Stripe's Amount Due: the invoice's amount
            part &= np.abs(paid - due) >= _CENT
            nothing &= ~_said(df, SAID_PAID)  # Stripe's paid invoice of Amount Paid 0.00: paid out of band
        if names.get("amount") == paid_name:  # what was paid counts (Xero's AUTHORISED part paid too)
            kept, part = part & cancelled, np.zeros(len(df), dtype=bool)
        shown = f"{paid_name!r} above 0 and {due_name!r} above 0"
        said, named = f"0 paid and an amount still due in {due_name!r} (not paid: no purchase, left out)", paid_at
    if part.any():
        problem = (
            f"invoices or orders part paid ({shown}: what was paid of them, and whether they are purchases, cannot be "
            "told from the amount)"
        )
        advice = "remove the rows of those not paid in full"
        if (part & cancelled).any():
            advice += " (Xero's AUTHORISED: awaiting the rest of its payment), or map the amount paid as the amount"
        elif paid_at is not None:
            advice += ", or map the amount paid as the amount"
        else:
            advice += f", or write what was paid as their amount and 0 as their {due_name!r}"
        raise bad_rows(source, due_name, problem, np.flatnonzero(part), df.iloc[:, due_at].to_numpy(), advice=advice)
    if nothing.any():
        note(str(bad_rows(source, str(df.columns[named]), said, np.flatnonzero(nothing), df.iloc[:, named].to_numpy())))
    if not nothing.any() and not kept.any():
        return None
    return _whole_orders(typed.get("order_id"), nothing), kept
