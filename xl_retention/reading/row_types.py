"""A column of row types found by its values, whatever its name: Stripe's ``reporting_category``, "Category", "Event
Type", "Activity", ``txn_type``, "Buchungsart".

An orders file's type column (``type``, ``transaction_type``, ``kind``, ...: :data:`~.orders._TYPES`) makes a row a
refund or a sale, and refuses any other type. A ledger of payments (Stripe's itemized balance report, a bookkeeping
export) writes its types under names of its own: ignored, its refunds with a positive amount, its payouts, fees,
authorizations and dispute reversals would each count as a purchase (new customers who bought nothing). So a column
whose distinct values hold a sale's type (:data:`~.orders._SALE_TYPES`: ``payment``, ``charge``) and a type that is
no sale (a refund's, or one of :data:`OTHER_TYPES`: ``payout``, ``fee``, ``dispute_reversal``), more than half of its
distinct values being such types, is read as the type column is. So is a column whose values are blank on the sales
and a refund's or a chargeback's type on the other rows (Paddle's transactions beside their adjustments, whose
``action`` is ``refund``, ``chargeback``, ``chargeback_reverse``: counted, each chargeback was one more purchase). A
product's category ("Books", "Subscription") is none. Worked out on the column's distinct values (40 at most:
:func:`~.order_columns.few_values`), once per column.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["OTHER_TYPES", "holds_row_types", "is_type_column", "kept_types_advice", "type_by_values"]

#: Types of a ledger's rows that are neither a sale nor a refund (Stripe's reporting categories and balance
#: transaction types, PayPal's and the bookkeeping exports' words; German ones): never a purchase.
OTHER_TYPES = frozenset({
    "payout", "payouts", "payout_reversal", "payout_failure", "transfer", "transfer_reversal", "topup",
    "topup_reversal", "fee", "fees", "stripe_fee", "application_fee", "application_fee_refund", "network_cost",
    "adjustment", "other_adjustment", "dispute_reversal", "dispute_won", "dispute_lost",
    "chargeback_reversal", "authorization", "authorisation", "auth", "void", "reserve", "reserve_release",
    "reserved_funds", "risk_reserved_funds", "connect_reserved_funds", "tax", "withdrawal", "deposit", "interest",
    "currency_conversion", "conversion", "partial_capture_reversal", "charge_failure", "refund_failure",
    "platform_earning", "contribution", "advance", "advance_funding", "anticipation_repayment", "obligation",
    "google_fee", "google_fee_refund", "tax_refund", "fee_refund",  # Google Play's earnings report
    "auszahlung", "gebühr", "gebuhr", "gebühren", "umbuchung", "einzahlung", "versement", "frais", "virement",
    "merchantpayout", "paidout", "depositcorrection", "invoicededuction", "misccosts", "balancetransfer",
    "reserveadjustment", "matchedstatement", "acquirerpayout",  # Adyen's settlement details report
})  # fmt: skip


def holds_row_types(name: Any, column: pd.Series) -> bool:
    """Whether ``column`` (named ``name``) holds the types of a ledger's rows by its values (see the module
    docstring); a column named as a status is none (statuses are read as such).

    >>> holds_row_types("reporting_category", pd.Series(["charge", "dispute_reversal", "fee", "charge"]))
    True
    >>> holds_row_types("Category", pd.Series(["payment", "refund"])), holds_row_types("Category", pd.Series(["Books"]))
    (True, False)
    >>> holds_row_types("Product", pd.Series(["Subscription", "Books", "Toys"]))
    False
    >>> holds_row_types("action", pd.Series(["", "chargeback", None, "chargeback_reverse"]))  # blank: a sale
    True
    >>> holds_row_types("action", pd.Series(["chargeback", "refund"])), holds_row_types("note", pd.Series(["", "fee"]))
    (False, False)
    >>> holds_row_types("Notes", pd.Series(["", "refund", None]))  # free text: no type column
    False
    """
    from .columns import keys_of
    from .order_columns import few_values
    from .orders import _REFUND_TYPES, _SALE_TYPES, ORDER_STATUS_NAMES

    if keys_of(name) & ORDER_STATUS_NAMES or "status" in str(name).lower():
        return False
    values = few_values(column)
    if values is None or not values.size:
        return False
    from .disputes import REVERSED_TYPES

    sale = np.isin(values, list(_SALE_TYPES))
    other = np.isin(values, list(_REFUND_TYPES | OTHER_TYPES | REVERSED_TYPES))
    if sale.any() and other.any() and (sale | other).sum() * 2 > values.size:
        return True
    # the sales' rows blank (Paddle's adjustments' action): only under a name that says a row's type, not in free
    # text ('Notes' saying 'refund' on one order: a refund in full, in part, or asked for?)
    if not _names_a_type(name):
        return False
    refunds = np.isin(values, list(_REFUND_TYPES | REVERSED_TYPES))
    return bool(refunds.any() and other.all() and _has_blanks(column))


#: Words of a column's name that say it holds each row's type (Paddle's ``action``, ``transaction_type``, 'Typ').
_TYPE_WORDS = frozenset({"action", "type", "kind", "category", "event", "typ", "art", "tipo", "genre", "soort"})


def _names_a_type(name: Any) -> bool:
    """Whether a column's name says a row's type (:data:`_TYPE_WORDS`).

    >>> _names_a_type("action"), _names_a_type("Transaction Type"), _names_a_type("Notes"), _names_a_type("refund_flag")
    (True, True, False, False)
    """
    from .order_columns import name_words as _words

    return any(w in _TYPE_WORDS or w.endswith("type") for w in _words(name))


def _has_blanks(column: pd.Series) -> bool:
    """Whether ``column`` (of few distinct values: asked after :func:`~.order_columns.few_values`) has a blank cell
    (missing, or only spaces); its distinct values are looked at."""
    from ._distinct import distinct

    found = distinct(column)
    uniques = found.to_pylist() if found is not None else pd.unique(column.to_numpy()).tolist()
    return any(v is None or (not isinstance(v, str) and pd.isna(v)) or str(v).strip() == "" for v in uniques)


def type_by_values(df: pd.DataFrame, position: int) -> bool:
    """:func:`holds_row_types` of ``df``'s column at ``position``, worked out once per column of a frame.

    >>> type_by_values(pd.DataFrame({"id": ["1", "2"], "Activity": ["payment", "payout"]}), 1)
    True
    """
    from ._column_answers import column_answer

    return bool(column_answer(df, position, holds_row_types))


def is_type_column(df: pd.DataFrame, position: int) -> bool:
    """Whether ``df``'s column at ``position`` is a type column: by its name (:data:`~.orders._TYPES`) or by its
    values (:func:`type_by_values`).

    >>> is_type_column(pd.DataFrame({"Kind": ["x"], "Event Type": ["charge"]}), 0)
    True
    """
    from .columns import keys_of
    from .orders import _TYPES

    return bool(keys_of(df.columns[position]) & _TYPES) or type_by_values(df, position)


def kept_types_advice(
    kind: np.ndarray, sales: frozenset[str], refunds: frozenset[str], unknown: np.ndarray, written: Any = None
) -> str | None:
    """The way forward for row types that say neither a sale nor a refund (``unknown`` of ``kind``, spelled): where all
    of them are a ledger's other rows (:data:`OTHER_TYPES`: Google Play's fees and taxes, payouts), keep the rows of
    the sales and refunds the column holds (as ``written``, where given); None otherwise.

    >>> kind = np.array(["charge", "google_fee", "payout", "charge_refund"], dtype=object)
    >>> kept_types_advice(kind, frozenset({"charge"}), frozenset({"charge_refund"}), np.array([0, 1, 1, 0], bool))
    "they are a ledger's fees, taxes or payouts, no sale: keep the rows of type 'charge', 'charge_refund' only and \
import again"

    Where some are a tax's (Google Play's ``Tax``), each sale kept is less the tax a row of the other sign takes back
    off it (-1.72 of 10.80); a tax row of its sign is a tax paid on top of it (+0.80 of 10.00), in no sale:

    >>> kept_types_advice(np.array(["charge", "tax"], dtype=object), frozenset({"charge"}), frozenset(),
    ...                   np.array([0, 1], bool), ["Charge", "Tax"])
    "they are a ledger's fees, taxes or payouts, no sale: keep the rows of type 'Charge' only, each less the tax a \
'Tax' row of the other sign takes back off it (revenue is net of tax; a 'Tax' row of its sign is a tax paid on top \
of it, left out), and import again"
    """
    if not np.isin(kind[unknown], list(OTHER_TYPES)).all():
        return None
    shown_as = kind if written is None else np.asarray(written, dtype=object)
    kept = list(
        dict.fromkeys(str(w).strip() for v, w in zip(kind, shown_as, strict=True) if v in sales or v in refunds)
    )
    shown = ", ".join(repr(v) for v in kept[:4]) or "of the sales and refunds"
    taxes = [str(w).strip() for v, w in zip(kind, shown_as, strict=True) if v in _TAXES]
    if taxes:  # a charge's VAT taken back by a 'Tax' row: kept alone, it counted as revenue (H433 finding 01)
        less = " or ".join(repr(v) for v in list(dict.fromkeys(taxes))[:2])  # of either sign: told apart (H446_05)
        shown += (
            f" only, each less the tax a {less} row of the other sign takes back off it (revenue is net of tax; a "
            f"{less} row of its sign is a tax paid on top of it, left out),"
        )
        return f"they are a ledger's fees, taxes or payouts, no sale: keep the rows of type {shown} and import again"
    return f"they are a ledger's fees, taxes or payouts, no sale: keep the rows of type {shown} only and import again"


#: A ledger's row types of a tax (Google Play's ``Tax``, ``Tax refund``): a sale's tax, taken back off it.
_TAXES = frozenset({"tax", "tax_refund"})
