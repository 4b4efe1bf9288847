"""Payments disputed by the card holder: a dispute lost is a chargeback, the money taken back, no purchase.

Stripe's Payments export (``unified_payments.csv``) writes beside each charge its ``Disputed Amount`` and ``Dispute
Status`` (``needs_response``, ``under_review``, ``warning_needs_response``, ``warning_under_review``,
``warning_closed``, ``won``, ``lost``); Shopify's disputes say ``accepted`` (the merchant gave in), ``won``,
``lost``. The charge's own status stays ``Paid``. So, in an orders file with a dispute status column
(:data:`STATUS_NAMES`: "Dispute Status", ``chargeback_status``, "Dispute Outcome", ...):

* a dispute lost (:data:`LOST`: ``lost``, ``accepted``, ``charge_refunded``, ``charged_back``, ...) took the money
  back: the charge is no purchase, as a ``chargeback`` flag says (where the disputed amount is only part of what the
  charge kept, ``Amount`` less ``Amount Refunded``, the rows are refused: the amount kept cannot be told in the
  amount's currency);
* a dispute won, or an inquiry closed without one (:data:`KEPT`: ``won``, ``warning_closed``, ``prevented``), and a
  blank (no dispute) keep it;
* a dispute still open (:data:`OPEN`) is refused naming the rows: whether the money stays cannot be told until it is
  decided; any other value too.

A disputed amount column (:data:`AMOUNT_NAMES`: "Disputed Amount", ``chargeback_amount``) with amounts other than 0
and no dispute status column is refused: which disputes were lost cannot be told. An amount whose name says it was
charged back (:func:`taken_back_columns`: Mollie's "Amount charged back", its API's ``amountChargedBack``, its Dutch
dashboard's "Teruggeboekt bedrag") is no dispute of unknown outcome, though: Mollie writes the amount the payer's bank
took back, and has no dispute status column. Without a status column, a payment whose amount charged back is all it
kept (its ``Amount`` less its ``Amount refunded``) is no purchase, left out with a note naming the column and the rows;
one charged back in part is refused naming the rows (the part kept cannot be told in the amount mapped), as is one
beside no ``Amount`` column to tell. A column named as a dispute's flag
("Disputed", ``chargeback``, "Disputed?") is told by its values (:func:`flag_named_amounts`): holding true and false
it is a flag (read by :func:`~.orders.cancelled_rows`), holding amounts (0.00, 30.00) a disputed amount.

An order's status may say its dispute too (Shopify's "Financial Status" ``dispute_lost``, ``dispute_won``): lost is a
chargeback, no purchase (:data:`~.orders.NOT_PAID`), won keeps the money (:data:`~.orders.PAID`), and one still open
(:data:`OPEN_STATUSES`: ``disputed``, ``chargeback_pending``, Paddle's ``chargeback_warning``) is refused as an open
dispute is. A row whose type (or status) is a chargeback's reversal (:data:`REVERSALS`: Paddle's adjustment
``chargeback_reverse``, Stripe's ``dispute_reversal``: the dispute won after the money was taken, and put back) undoes
its chargeback: it is no purchase, and in a file with an order id the chargeback row of its order with its amount is
left out with it, so the order stands whole (:func:`undone_chargebacks`); a reversal whose sale is in the file and
whose chargeback is not (its dispute row removed) is refused naming the rows. Without an order id a chargeback row is
no purchase anyway (a refund row left out), and the sale stands. Stripe's ``dispute`` row (its itemized balance
report's ``reporting_category``: funds withdrawn for a dispute) is a chargeback type (:data:`~.orders._REFUND_TYPES`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = [
    "AMOUNT_NAMES",
    "KEPT",
    "LOST",
    "OPEN",
    "OPEN_STATUSES",
    "REVERSALS",
    "REVERSED_TYPES",
    "STATUS_NAMES",
    "dispute_columns",
    "flag_named_amounts",
    "lost_disputes",
    "refuse_open_disputes",
    "reversal_rows",
    "taken_back_columns",
    "undone_chargebacks",
]

#: Names (as :func:`~.names.key` spells them) of a payment's dispute status column.
STATUS_NAMES = frozenset({"dispute_status", "dispute_state", "dispute_outcome", "dispute_result", "chargeback_status",
                          "chargeback_state", "chargeback_outcome", "disputes_status"})  # fmt: skip
#: Names of a payment's disputed (charged back) amount column.
AMOUNT_NAMES = frozenset({"disputed_amount", "dispute_amount", "amount_disputed", "chargeback_amount",
                          "charged_back_amount", "amount_charged_back"})  # fmt: skip
#: Dispute statuses that say the money was taken back (spelled: lower case, spaces and hyphens as ``_``).
LOST = frozenset({"lost", "dispute_lost", "chargeback_lost", "lost_dispute", "accepted", "charge_refunded",
                  "charged_back", "chargeback", "chargedback", "closed_lost"})  # fmt: skip
#: ... that say the money stays: won, an inquiry closed, a dispute prevented.
KEPT = frozenset({"won", "dispute_won", "chargeback_won", "won_dispute", "warning_closed", "prevented", "closed_won",
                  "chargeback_reversed", "reversed", "dispute_reversed"})  # fmt: skip
#: ... of a dispute (or an inquiry) not decided yet.
OPEN = frozenset({"needs_response", "under_review", "warning_needs_response", "warning_under_review", "open",
                  "pending", "in_review", "inquiry", "evidence_required", "response_submitted", "submitted",
                  "awaiting_response", "needs_action", "action_required"})  # fmt: skip
#: An order's or payment's status (or a row's type) that says a dispute not decided yet.
OPEN_STATUSES = frozenset({"disputed", "in_dispute", "under_dispute", "dispute_open", "dispute_opened",
                           "dispute_pending", "dispute_created", "dispute_needs_response", "dispute_under_review",
                           "chargeback_pending", "chargeback_open", "chargeback_initiated", "chargeback_warning",
                           "chargeback_notification", "pending_chargeback"})  # fmt: skip
#: A row's type (or status) that says a chargeback reversed: the money the chargeback took put back.
REVERSALS = frozenset({"chargeback_reverse", "chargeback_reversal", "dispute_reversal", "reversal_of_chargeback",
                       "chargeback_reversed_adjustment", "chargebackreversed"})  # fmt: skip
#: A row's type that says a chargeback reversed, as :data:`REVERSALS` do, and in the past tense (Mollie's "Chargeback
#: reversed" row): in a status column that tense says a payment whose chargeback was reversed, paid
#: (:data:`~.orders.PAID`), not a row of its own.
REVERSED_TYPES = REVERSALS | frozenset({"chargeback_reversed", "dispute_reversed", "reversed_chargeback"})
#: A payment's own status that says its chargeback was reversed: the amount charged back was put back.
_REVERSED_STATUSES = frozenset({"chargeback_reversed", "dispute_reversed", "reversed_chargeback"})
OPEN_PROBLEM = (
    "disputes not decided yet (a dispute lost takes the money back, a dispute won keeps it: whether these were "
    "purchases cannot be told)"
)
UNKNOWN_PROBLEM = "dispute statuses that say neither won, lost nor open (whether the money stays cannot be told)"
PARTLY_PROBLEM = (
    "disputes lost on part of a charge ({disputed!r} below {amount!r} less its refunds): the amount kept cannot be "
    "told in the currency of the amount"
)
TAKEN_BACK_PROBLEM = (
    "payments charged back in part ({taken!r} below {amount!r} less its refunds): the amount kept cannot be told in "
    "the amount mapped"
)
NO_AMOUNT_PROBLEM = "amounts charged back, and no 'Amount' column to tell whether the whole payment was taken back"
NO_STATUS_PROBLEM = (
    "disputed amounts, and no column says whether the dispute was lost (a dispute lost is a chargeback: the money "
    "taken back)"
)
UNDONE_PROBLEM = (
    "a chargeback's reversal ({reversal}) of {column!r} {order!r}, whose sale is in the file and whose chargeback "
    "(a dispute or chargeback row of its amount) is not: what it puts back cannot be told (the dispute row removed, or "
    "the export cut short)"
)
#: What to do, said after the rows (:func:`~.errors.bad_rows`' ``advice``), for each problem that has a way out.
ADVICE = {
    OPEN_PROBLEM: "import again once they are decided, or remove their rows",
    PARTLY_PROBLEM: "write the amount kept, or remove these rows",
    UNDONE_PROBLEM: "keep the dispute (chargeback) row the reversal undoes, as the export writes it, and import again",
    NO_STATUS_PROBLEM: "add the dispute status column of the export (Stripe's 'Dispute Status'), or remove the rows "
    "of disputes lost",
    TAKEN_BACK_PROBLEM: "write the amount kept (the amount less its refunds and the part charged back) as the "
    "amount, or remove these rows",
    NO_AMOUNT_PROBLEM: "export the payments with their 'Amount' column, or remove the rows charged back",
}
#: Words of a name that say an amount already taken back by the payer's bank (Mollie's "Amount charged back",
#: ``amountChargedBack``, "Teruggeboekt bedrag"; German "Zurückgebucht"), not a dispute opened.
_TAKEN_BACK = ("chargedback", "teruggeboekt", "zurückgebucht", "zuruckgebucht")


#: Beginnings of a name's words that say a dispute or a chargeback (English, German, Dutch, French, Spanish,
#: Italian, Portuguese): "Chargebacks", Mollie's "Teruggeboekt bedrag", "Rückbuchung", "Contracargo", "Litige".
DISPUTE_STEMS = ("chargeback", "dispute", "disputed", "teruggeboekt", "terugboeking", "rückbuchung", "ruckbuchung",
                 "rückbelastung", "ruckbelastung", "contracargo", "rétrofactur", "retrofactur", "litige", "disputa",
                 "betwist", "contestaç", "contestac")  # fmt: skip
#: Words of a name that say a dispute's status (a status column: "Chargeback Outcome", "Estado de la disputa").
_STATUS_WORDS = frozenset({"status", "state", "outcome", "result", "statut", "estado", "stato", "zustand", "ergebnis",
                           "resultado", "uitkomst", "résultat", "resultat", "esito"})  # fmt: skip
#: Words of a name that say no amount taken back: a date, a reason, an id, a count, a fee or a rate of disputes.
_NOT_AMOUNT = frozenset({"date", "datum", "time", "at", "on", "reason", "reasons", "grund", "raison", "motivo", "id",
                         "number", "no", "nr", "count", "counts", "quantity", "type", "fee", "fees", "gebühr",
                         "gebuhr", "kosten", "frais", "cost", "costs", "rate", "ratio", "percent", "pct", "%",
                         "currency", "method", "evidence", "due", "by", "deadline", "won", "lost", "open", "is", "has",
                         "flag", "code", "category", "network", "case", "description", "note", "notes", "fecha",
                         "reden", "kenmerk"})  # fmt: skip
#: Flags named as a dispute (read by :func:`~.orders.cancelled_rows`: Gumroad's "Disputed?", "Dispute Won?").
_FLAG_KEYS = frozenset({"disputed", "is_disputed", "dispute_won", "chargeback", "chargedback", "charged_back",
                        "is_chargeback", "has_chargeback", "is_charged_back"})  # fmt: skip


def _keyed(names: Sequence[Any], wanted: frozenset[str]) -> list[str]:
    from .names import keys_of

    return [str(n) for n in names if keys_of(n) & wanted]


def _says_dispute(name: Any) -> bool:
    """Whether ``name``'s words say a dispute or a chargeback (:data:`DISPUTE_STEMS`, or 'charged back')."""
    from .names import words

    said = words(name)
    return any(w.startswith(DISPUTE_STEMS) for w in said) or {"charged", "back"} <= said


def _status_columns(names: Sequence[Any]) -> list[str]:
    """The dispute status columns of ``names``: :data:`STATUS_NAMES`, or a name whose words say a dispute and a
    status ("Chargeback Outcome", "Dispute Status (Stripe)")."""
    from .names import words

    return [str(n) for n in names if str(n) in _keyed([n], STATUS_NAMES) or _says_dispute(n) and
            words(n, whole=False) & _STATUS_WORDS and "?" not in str(n)]  # fmt: skip


def _amount_columns(names: Sequence[Any]) -> list[str]:
    """The disputed (charged back) amount columns of ``names`` by name: :data:`AMOUNT_NAMES`, or a name whose
    words say a dispute or a chargeback and nothing else than an amount ("Chargeback Amount ($)", "Chargebacks",
    "Teruggeboekt bedrag", "Rückbuchung"; not "Dispute Date", "Chargeback Fee", "Disputed?", a status)."""
    from .names import keys_of, words

    statuses = set(_status_columns(names))
    return [str(n) for n in names if str(n) in _keyed([n], AMOUNT_NAMES) or str(n) not in statuses and
            _says_dispute(n) and "?" not in str(n) and not {k.rstrip("?") for k in keys_of(n)} & _FLAG_KEYS and
            not words(n, whole=False) & _NOT_AMOUNT]  # fmt: skip


def taken_back_columns(names: Sequence[Any]) -> list[str]:
    """The disputed amount columns of ``names`` (:func:`_amount_columns`) whose name says the amount was charged back,
    taken back by the payer's bank: "charged back", ``chargedback``, "Teruggeboekt", not a dispute's amount.

    >>> taken_back_columns(["Amount charged back", "amountChargedBack", "Teruggeboekt bedrag", "Disputed Amount",
    ...                     "Chargeback Amount ($)", "Chargebacks", "Charged back?"])
    ['Amount charged back', 'amountChargedBack', 'Teruggeboekt bedrag']
    """
    from .names import words

    def says(name: Any) -> bool:
        said = words(name, whole=False)
        return {"charged", "back"} <= said or any(w.startswith(_TAKEN_BACK) for w in said)

    return [n for n in _amount_columns(names) if says(n)]


def _taken_back(df: pd.DataFrame, name: str, source: str) -> np.ndarray:
    """The payments of ``df`` charged back whole by the amount charged back column ``name`` (see the module
    docstring), noted naming the rows; :class:`~.errors.DataError` for a payment charged back in part, or for amounts
    charged back beside no ``Amount`` column."""
    from .errors import rows_named
    from .notes import note

    taken = np.abs(np.nan_to_num(_numbers(df, name, source), nan=0.0))  # -30.00: taken back too
    back = taken > 0.005
    reversed_ = back & _reversed_by_status(df)  # Status 'chargeback reversed': the amount charged back put back
    if reversed_.any():
        found = np.flatnonzero(reversed_)
        rows = rows_named(source, found[:5]) + (" ..." if len(found) > 5 else "")
        note(f"{source}: {len(found)} payment(s) charged back by {name!r} whose status says the chargeback was "
             f"reversed kept, {rows}: the reversal puts the money back, a purchase")  # fmt: skip
        back &= ~reversed_
    if not back.any():
        return back
    shown = df[name].to_numpy()
    charged = _keyed(df.columns, frozenset({"amount"}))
    if not charged:
        raise bad_rows(source, name, NO_AMOUNT_PROBLEM, np.flatnonzero(back), shown, advice=ADVICE[NO_AMOUNT_PROBLEM])
    kept = np.nan_to_num(_numbers(df, charged[0], source), nan=0.0)
    refunded = _keyed(df.columns, frozenset({"amount_refunded", "refunded_amount"}))
    if refunded:
        kept = kept - np.nan_to_num(_numbers(df, refunded[0], source), nan=0.0)
    partly = back & (taken < kept - 0.005)
    if partly.any():
        problem = TAKEN_BACK_PROBLEM.format(taken=name, amount=charged[0])
        raise bad_rows(source, name, problem, np.flatnonzero(partly), shown, advice=ADVICE[TAKEN_BACK_PROBLEM])
    found = np.flatnonzero(back)
    rows = rows_named(source, found[:5]) + (" ..." if len(found) > 5 else "")
    note(
        f"{source}: {len(found)} payment(s) charged back whole by {name!r} left out, {rows}: a chargeback takes the "
        "money back, no purchase"
    )
    return back


def _reversed_by_status(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's own status (a column :func:`~.orders.cancelled_rows` reads as an order's status) says its
    chargeback was reversed (:data:`_REVERSED_STATUSES`: Mollie's payment 'Chargeback reversed' beside its 'Amount
    charged back'), as a bool array.

    >>> _reversed_by_status(pd.DataFrame({"Status": ["paid", "Chargeback reversed"]})).tolist()
    [False, True]
    """
    from .columns import keys_of
    from .order_columns import status_by_values
    from .orders import _TYPES, ORDER_STATUS_NAMES, STATE_NAMES
    from .status_words import spelled_by_distinct

    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(df.columns):
        keys = keys_of(name)
        if not keys & _TYPES and (keys & (ORDER_STATUS_NAMES | STATE_NAMES) or status_by_values(df, position)):
            out |= np.isin(spelled_by_distinct(df.iloc[:, position]), list(_REVERSED_STATUSES))
    return out


def dispute_columns(names: Sequence[Any]) -> list[str]:
    """The dispute status and disputed amount columns of ``names`` (by their names' words, see
    :func:`lost_disputes`).

    >>> dispute_columns(["id", "Amount", "Disputed Amount", "Dispute Status", "Dispute Reason", "Disputed?"])
    ['Disputed Amount', 'Dispute Status']
    >>> dispute_columns(["Chargeback Amount ($)", "Chargebacks", "Teruggeboekt bedrag", "Chargeback Fee"])
    ['Chargeback Amount ($)', 'Chargebacks', 'Teruggeboekt bedrag']
    """
    found = set(_status_columns(names)) | set(_amount_columns(names))
    return [str(n) for n in names if str(n) in found]


def flag_named_amounts(df: pd.DataFrame) -> list[str]:
    """The columns of ``df`` named as a dispute's flag (:data:`_FLAG_KEYS` but "Dispute Won?", an outcome; or a name
    :func:`_amount_columns` would take but for its "?") whose values are amounts, not true and false: disputed
    amounts (see the module docstring).

    >>> flag_named_amounts(pd.DataFrame({"Disputed": ["0.00", "30.00"], "Chargeback?": ["0", "1"], "x": ["1", "2"]}))
    ['Disputed']
    """
    from .names import keys_of

    named = [str(n) for n in df.columns if {k.rstrip("?") for k in keys_of(n)} & (_FLAG_KEYS - {"dispute_won"})]
    asked = _amount_columns([str(n).replace("?", "") for n in df.columns if "?" in str(n)])
    named += [str(n) for n in df.columns if "?" in str(n) and str(n).replace("?", "") in asked and str(n) not in named]
    return [n for n in named if n not in _amount_columns(df.columns) and _amount_values(df, n)]


def _amount_values(df: pd.DataFrame, name: str) -> bool:
    """Whether the column ``name`` of ``df`` holds amounts: numbers (as money is written: 30.00, $30.00, 30,00 €),
    not only true and false (0, 1)."""
    from . import yes_no
    from .statuses import spelled

    column = df.iloc[:, [str(c) for c in df.columns].index(name)]
    values = pd.Series(pd.unique(spelled(column)), dtype=object)
    values = values[values != ""]
    if not len(values) or values.isin(list(yes_no.TRUE | yes_no.FALSE | yes_no.BLANK)).all():
        return False
    numbers = values.str.replace(r"[^\d.,\-]", "", regex=True).str.replace(",", ".")
    return bool(pd.to_numeric(numbers, errors="coerce").notna().all())


def _numbers(df: pd.DataFrame, name: str, source: str) -> np.ndarray:
    from .values import parse_numbers

    return parse_numbers(df.iloc[:, [str(c) for c in df.columns].index(name)], source, name, allow_blank=True)


def lost_disputes(df: pd.DataFrame, source: str = "input") -> np.ndarray:
    """Whether each row of ``df`` is a charge whose dispute was lost (see the module docstring), as a bool array;
    :class:`~.errors.DataError` for disputes not decided, unknown statuses, partial losses and disputed amounts
    without a status.

    >>> frame = pd.DataFrame({"Amount": ["100", "50"], "Disputed Amount": ["100", ""], "Dispute Status": ["lost", ""]})
    >>> lost_disputes(frame, "p.csv").tolist()
    [True, False]
    """
    from .status_words import spelled_by_distinct

    lost = np.zeros(len(df), dtype=bool)
    statuses = _status_columns(df.columns)
    amounts = [n for n in _amount_columns(df.columns) if n in _keyed([n], AMOUNT_NAMES) or _amount_values(df, n)]
    amounts += flag_named_amounts(df)  # 'Disputed' of 0.00 and 30.00: an amount, not a flag
    if not statuses:
        taken_back = taken_back_columns(amounts)  # Mollie's 'Amount charged back': taken back, no dispute open
        for name in taken_back:
            lost |= _taken_back(df, name, source)
        for name in (n for n in amounts if n not in taken_back):
            disputed = np.abs(np.nan_to_num(_numbers(df, name, source), nan=0.0))  # -30.00: taken back too
            if (disputed > 0.005).any():
                shown = df[name].to_numpy()
                rows = np.flatnonzero(disputed > 0.005)
                raise bad_rows(source, name, NO_STATUS_PROBLEM, rows, shown, advice=ADVICE[NO_STATUS_PROBLEM])
        return lost
    for name in statuses:
        column = df.iloc[:, [str(c) for c in df.columns].index(name)]
        said = spelled_by_distinct(column)
        for problem, rows in ((UNKNOWN_PROBLEM, ~np.isin(said, list(LOST | KEPT | OPEN)) & (said != "")),
                              (OPEN_PROBLEM, np.isin(said, list(OPEN)))):  # fmt: skip
            if rows.any():
                raise bad_rows(
                    source, name, problem, np.flatnonzero(rows), column.to_numpy(), advice=ADVICE.get(problem)
                )
        lost |= np.isin(said, list(LOST))
    charged = _keyed(df.columns, frozenset({"amount"}))
    if lost.any() and amounts and charged:  # a dispute of part of the charge: the part kept is not the amount
        refunded = _keyed(df.columns, frozenset({"amount_refunded"}))
        kept = _numbers(df, charged[0], source)
        if refunded:
            kept = kept - np.nan_to_num(_numbers(df, refunded[0], source), nan=0.0)
        disputed = _numbers(df, amounts[0], source)
        partly = lost & (disputed < kept - 0.005)
        if partly.any():
            problem = PARTLY_PROBLEM.format(disputed=amounts[0], amount=charged[0])
            raise bad_rows(source, amounts[0], problem, np.flatnonzero(partly), df[amounts[0]].to_numpy(),
                           advice=ADVICE[PARTLY_PROBLEM])  # fmt: skip
    return lost


def reversal_rows(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's type or status column (as :func:`~.orders.cancelled_rows` finds them) says a chargeback's
    reversal (:data:`REVERSALS`; a type also :data:`REVERSED_TYPES`), as a bool array.

    >>> reversal_rows(pd.DataFrame({"type": ["payment", "chargeback", "Chargeback Reverse"]})).tolist()
    [False, False, True]
    >>> reversal_rows(pd.DataFrame({"Type": ["payment", "chargeback", "Chargeback reversed"]})).tolist()
    [False, False, True]
    """
    from .columns import keys_of
    from .order_columns import status_by_values
    from .orders import _TYPES, ORDER_STATUS_NAMES, STATE_NAMES
    from .row_types import type_by_values
    from .status_words import spelled_by_distinct

    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(df.columns):
        keys = keys_of(name)
        if keys & _TYPES or type_by_values(df, position):  # a type 'chargeback reversed' too (REVERSED_TYPES)
            out |= np.isin(spelled_by_distinct(df.iloc[:, position]), list(REVERSED_TYPES))
        elif keys & (ORDER_STATUS_NAMES | STATE_NAMES) or status_by_values(df, position):
            out |= np.isin(spelled_by_distinct(df.iloc[:, position]), list(REVERSALS))
    return out


def undone_chargebacks(
    df: pd.DataFrame, typed: dict[str, Any], source: str = "input", order_column: str | None = None
) -> np.ndarray:
    """The rows a chargeback's reversal leaves out (see the module docstring): each reversal row and, where ``typed``
    (the columns read) has an order id and amounts, the first chargeback row (a negative amount) of its order with
    the same amount; as a bool array.

    >>> frame = pd.DataFrame({"type": ["payment", "chargeback", "chargeback_reverse", "payment"]})
    >>> typed = {"order_id": np.array(["t1", "t1", "t1", "t2"], dtype=object), "amount": np.array([30.0, -30, 30, 5])}
    >>> undone_chargebacks(frame, typed).tolist(), undone_chargebacks(frame, {}).tolist()
    ([False, True, True, False], [False, False, True, False])
    """
    out = reversal_rows(df)
    if not out.any() or "order_id" not in typed or "amount" not in typed:
        return out
    orders = np.asarray(typed["order_id"], dtype=object)
    cents = np.round(np.abs(np.asarray(typed["amount"], dtype=np.float64)) * 100)
    asked = np.isin(orders, np.unique(orders[out].astype(str)).tolist())  # the reversed orders' rows only (few)
    open_ = np.flatnonzero(asked & (np.asarray(typed["amount"], dtype=np.float64) < 0)).tolist()
    alone = []
    for row in np.flatnonzero(out):
        match = next((r for r in open_ if orders[r] == orders[row] and cents[r] == cents[row]), None)
        if match is not None:
            out[match] = True
            open_.remove(match)
        else:
            alone.append(row)
    sold = asked & ~out & (np.asarray(typed["amount"], dtype=np.float64) > 0)  # the reversed orders' sales
    alone = [r for r in alone if (sold & (orders == orders[r])).any()]
    if alone:  # its sale here, its chargeback not: what was put back, on which charge, cannot be told
        rows = np.flatnonzero(np.isin(orders, [orders[r] for r in alone]) & (asked | out))
        column = str(order_column) if order_column is not None else "order_id"
        shown = repr(str(df.iloc[alone[0], _reversal_position(df, alone[0])]).strip())
        problem = UNDONE_PROBLEM.format(reversal=shown, order=orders[alone[0]], column=column)
        raise bad_rows(source, column, problem, rows, orders, advice=ADVICE[UNDONE_PROBLEM])
    return out


def _reversal_position(df: pd.DataFrame, row: int) -> int:
    """The position of the column of ``df`` whose value at ``row`` says a chargeback's reversal."""
    from .status_words import spelled_by_distinct

    return next(p for p in range(df.shape[1]) if spelled_by_distinct(df.iloc[[row], p])[0] in REVERSALS)


def refuse_open_disputes(said: np.ndarray, column: pd.Series, name: str, source: str) -> None:
    """Refuse the rows whose status or type (``said``: spelled, one per row of ``column``, named ``name``) says a
    dispute not decided yet (:data:`OPEN_STATUSES`), naming them."""
    open_ = np.isin(said, list(OPEN_STATUSES))
    if open_.any():
        raise bad_rows(
            source, name, OPEN_PROBLEM, np.flatnonzero(open_), column.to_numpy(), advice=ADVICE[OPEN_PROBLEM]
        )
