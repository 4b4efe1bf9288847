"""PayPal's activity download ("Date", "Time", "TimeZone", "Name", "Type", "Status", "Currency", "Gross", "Fee",
"Net", "From Email Address", "To Email Address", "Transaction ID", "Reference Txn ID", ...) as orders.

The file is the account's ledger, not a list of orders: beside the payments received it holds refunds (a negative
"Payment Refund" whose "Reference Txn ID" is the payment refunded), currency conversions, withdrawals, holds and
payments the account made. Read as orders as it is, each conversion was a purchase and a refund a purchase of its
own. So (:func:`paypal_orders`):

* a payment received (a positive Gross of a payment type: "Express Checkout Payment", "Website Payment",
  "Subscription Payment", ...) is an order: its "Transaction ID", its payer's "From Email Address", its Gross (what
  the customer paid; the fee is the seller's cost); its date the Date with its Time and TimeZone;
* a refund or reversal ("Payment Refund", "Payment Reversal", "Chargeback", a negative Gross) is a refund row of the
  payment its "Reference Txn ID" names (taken off it, as docs/metrics.md says of refund rows), its customer the
  payer ("To Email Address");
* a payment in another currency that PayPal converted (conversion rows naming it) is read at its converted amount
  (:mod:`.paypal_conversions`);
* a reversal undone ("Cancellation of Reversal", "Chargeback Reversal": the money put back, naming the payment)
  takes its reversal away, the payment standing whole (:func:`undone_reversals`); one whose reversal is not in the
  file (the amount put back cannot be matched), or whose payment's own status says Reversed, is refused;
* rows that move money without a sale (currency conversions, withdrawals, deposits, transfers, holds and their
  releases, authorizations and voids, fees) and payments the account sent (a negative Gross of a payment type) are
  no orders and are left out; a type not known here is refused naming its rows;
* the status: Completed (and Cleared) is paid; Pending, Uncleared, Unclaimed, Held, Denied, Failed, Canceled,
  Reversed, Returned are payments not received, left out (the order statuses' rules: pending, declined, ...);
  Refunded and Partially Refunded as the order statuses say; any other is refused naming its rows.

Refusals name the file's own rows (``attrs["file_rows"]``: the rows left out are not counted away).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, advice_apart, bad_rows, numbered, source_of
from .names import key
from .paypal_conversions import converted
from .paypal_names import GERMAN_COLUMNS, GERMAN_STATUSES, GERMAN_TYPES, PAYPAL_GROSS, in_english
from .values import parse_numbers

__all__ = ["is_paypal", "paypal_orders", "undone_reversals"]

#: The columns that make a file PayPal's activity download (as :func:`~.names.key` spells them).
SIGNATURE = frozenset({"gross", "fee", "net", "type", "status", "transaction_id"})
#: Payments: received where their Gross is positive (sent by the account where it is negative: no order).
PAYMENTS = frozenset({
    "express checkout payment", "website payment", "subscription payment", "recurring payment",
    "preapproved payment bill user payment", "payment received", "mobile payment", "web accept payment received",
    "shopping cart payment received", "invoice payment", "donation payment", "pos payment", "paypal here payment",
    "general payment", "virtual terminal payment", "direct credit card payment", "mass pay payment",
    "ebay auction payment",
    "instant payment", "payment", "checkout api payment", "order payment",
})  # fmt: skip
#: Refunds and reversals of a payment (its "Reference Txn ID").
REFUNDS = frozenset({
    "payment refund", "refund", "payment reversal", "reversal", "chargeback", "partial refund", "general refund",
})  # fmt: skip
#: A reversal (or chargeback) of a payment undone: PayPal puts the money back (a positive Gross naming the payment).
REINSTATEMENTS = frozenset({"cancellation of reversal", "chargeback reversal", "reversal of chargeback"})
#: Rows that move money without a sale.
NOT_ORDERS = frozenset({
    "general currency conversion", "currency conversion", "general withdrawal", "withdraw funds to bank account",
    "user initiated withdrawal", "bank deposit to pp account", "general credit card deposit", "transfer",
    "transfer to bank", "hold on balance for dispute investigation", "cancellation of hold for dispute resolution",
    "account hold for open authorization", "reversal of general account hold", "general hold", "general hold release",
    "payment hold", "payment release", "general authorization", "void of authorization", "authorization",
    "order", "fee", "chargeback fee", "general account correction", "release of held funds", "hold", "release",
    "fee reversal", "dispute fee",
})  # fmt: skip
#: PayPal's statuses as the order statuses of :mod:`.orders` say them (anything else is refused).
STATUSES = {
    "completed": "completed", "cleared": "completed", "pending": "pending", "uncleared": "pending",
    "unclaimed": "pending", "held": "pending", "placed": "pending", "denied": "declined", "failed": "failed",
    "canceled": "cancelled", "cancelled": "cancelled", "reversed": "voided", "returned": "voided",
    "refunded": "refunded", "partially refunded": "partially refunded",
}  # fmt: skip


def is_paypal(names: Any) -> bool:
    """Whether columns ``names`` are PayPal's activity download (Gross, Fee, Net, Type, Status, Transaction ID).

    >>> is_paypal(["Date", "Type", "Status", "Gross", "Fee", "Net", "Transaction ID", "Reference Txn ID"])
    True
    >>> is_paypal(["Datum", "Typ", "Status", "Brutto", "Gebühr", "Netto", "Transaktionscode"])  # a German account's
    True
    """
    return SIGNATURE <= {GERMAN_COLUMNS.get(key(n), key(n)) for n in names}


def _column(df: pd.DataFrame, *names: str) -> str | None:
    """The column of ``df`` that the English download names ``names`` (the first found), under its English or its
    German name (:mod:`.paypal_names`)."""
    keys = {GERMAN_COLUMNS.get(key(c), key(c)): str(c) for c in df.columns}
    return next((keys[n] for n in names if n in keys), None)


def _words(values: pd.Series, german: dict[str, str]) -> pd.Series:
    """A type or status column's values in lower case, German ones in English (:mod:`.paypal_names`)."""
    return _text(values).str.lower().map(lambda w: in_english(w, german))


def _text(values: pd.Series) -> pd.Series:
    return values.astype(object).where(values.notna(), "").map(lambda v: " ".join(str(v).split()))


def _sign(values: pd.Series) -> np.ndarray:
    """-1, 0 or 1 of each Gross as written ("-120.00", "(120.00)", "1,049.00"); 0 where it is no number."""
    text = _text(values)
    negative = text.str.startswith(("-", "(", "\u2212")).to_numpy(dtype=bool)
    digits = text.str.replace(r"[^\d]", "", regex=True)
    nonzero = digits.str.strip("0").str.len().to_numpy() > 0
    return np.where(nonzero, np.where(negative, -1, 1), 0)


def paypal_orders(
    df: pd.DataFrame, columns: Mapping[str, str], source: str, keep: tuple[str, ...] = ()
) -> tuple[pd.DataFrame, dict[str, str]]:
    """``(orders, columns)``: PayPal's activity download ``df`` as an orders table (see the module's docstring) and
    the column map that reads it; any other ``df`` and ``columns`` as they are. ``keep``: other columns to keep
    (a ``--segment`` column). Raises :class:`~.errors.DataError` naming the rows of a type or status not known.
    """
    if not is_paypal(df.columns):
        return df, dict(columns)
    source = source_of(df, source)
    kind = _words(df[_column(df, "type")], GERMAN_TYPES)
    status_column = _column(df, "status")
    status = _words(df[status_column], GERMAN_STATUSES)
    gross = _column(df, "gross")
    amount = columns.get("amount", gross)
    sign = _sign(df[gross])
    unknown = ~kind.isin(PAYMENTS | REFUNDS | NOT_ORDERS | REINSTATEMENTS).to_numpy()
    if unknown.any():
        problem = ("PayPal transaction types not known as a payment received, a refund or a row without a sale "
                   "(whether they are orders cannot be told: filter the activity to payments received)")  # fmt: skip
        problem, advice = advice_apart(problem)  # what to do after the rows
        rows = np.flatnonzero(unknown)
        raise bad_rows(source, str(_column(df, "type")), problem, rows, df[_column(df, "type")], advice=advice)
    refund = kind.isin(REFUNDS).to_numpy() & (sign < 0)  # a positive one: a refund the account received
    refund &= ~undone_reversals(df, kind, refund, status, source)  # 'Cancellation of Reversal': the payment stands
    sale = kind.isin(PAYMENTS).to_numpy() & (sign > 0)
    rows = sale | refund
    odd = rows & ~status.isin(list(STATUSES)).to_numpy()
    if odd.any():
        problem, advice = "PayPal statuses not known as paid or not paid", "relabel them Completed, or remove the rows"
        raise bad_rows(source, status_column, problem, np.flatnonzero(odd), df[status_column], advice=advice)
    txn = _column(df, "transaction_id")
    reference = _column(df, "reference_txn_id")
    if refund.any() and reference is None:
        raise bad_rows(source, str(_column(df, "type")), "refunds without a 'Reference Txn ID' column naming the "
                       "payment refunded", np.flatnonzero(refund), df[_column(df, "type")])  # fmt: skip
    payer = columns.get("customer_id", _column(df, "from_email_address") or "From Email Address")
    to = _column(df, "to_email_address")
    customer = df[payer].astype(object).copy() if payer in df.columns else None
    if customer is None:
        return df, dict(columns)  # no payer's column: the map's refusal names what is missing
    if to is not None and "customer_id" not in columns:
        customer[refund] = df[to].astype(object)[refund]  # a refund is paid to the payer
    order = df[columns.get("order_id", txn)].astype(object).copy()
    if reference is not None:
        order[refund] = df[reference].astype(object)[refund]  # the payment refunded
        unnamed = refund & (_text(df[reference]) == "").to_numpy()  # was "column 'Transaction ID': missing order ids"
        if unnamed.any() and "order_id" not in columns:
            problem = ("refunds with a blank 'Reference Txn ID' (the payment refunded cannot be told, so it would be "
                       "taken off no purchase: fill in the payment's Transaction ID, or remove them)")  # fmt: skip
            problem, advice = advice_apart(problem)  # what to do after the rows
            raise bad_rows(source, reference, problem, np.flatnonzero(unnamed), df[reference], advice=advice)
    date = columns.get("date", _column(df, "date") or "Date")
    when = _text(df[date]) if date in df.columns else None
    time, zone = _column(df, "time"), _column(df, "timezone", "time_zone")
    if when is not None and "date" not in columns and time is not None:
        when = (when + " " + _text(df[time])).str.strip()
        if zone is not None:  # 'PST', 'CET', 'Europe/Berlin': read by reading.zones
            when = (when + " " + _text(df[zone])).str.strip()
    positions = np.flatnonzero(rows)
    file_rows = df.attrs.get("file_rows")
    first = getattr(source, "header_row", 1) + 1
    where = tuple(int(file_rows[p]) if file_rows is not None and p < len(file_rows) else int(p) + first
                  for p in range(len(df)))  # fmt: skip
    currency = _column(df, "currency")  # a payment PayPal converted: its converted amount (reading.paypal_conversions)
    amounts, currencies = converted(df, kind, rows, (txn, reference, currency, amount), source, where)
    out = pd.DataFrame(
        {
            payer: customer.to_numpy()[positions],
            date: (when if when is not None else df[date]).to_numpy()[positions],
            amount: amounts.to_numpy()[positions],
            txn: order.to_numpy()[positions],
            status_column: status.map(STATUSES).to_numpy()[positions],
        }
    )
    for name in ("currency", *map(key, keep)):
        found = _column(df, name)
        if found is not None and found not in out.columns:
            values = currencies if found == currency and currencies is not None else df[found]
            out[found] = values.to_numpy()[positions]
    # Gross holds the shipping and the sales tax: read beside it (reading.order_shipping, reading.taxes), at the rate
    # of a payment PayPal converted into another currency
    same = amounts.astype(object).equals(df[amount].astype(object))
    factor = None if same else _conversion_factors(df[amount], amounts, source, amount)
    beside = ("gross", "fee") if amount != gross else ()  # 'Net' mapped: Gross less Fee, holding the tax (fee_nets)
    for name in ("shipping_and_handling_amount", "sales_tax", *beside):
        found = _column(df, name)
        if found is None or found in out.columns or (not same and factor is None):
            continue
        if same:
            out[found] = df[found].to_numpy()[positions]
            continue
        try:
            values = parse_numbers(df[found], source, found, allow_blank=True)
        except DataError:
            continue  # not amounts: left out as before
        out[found] = np.round(np.nan_to_num(values) * factor, 2)[positions]
    out.attrs.update({k: v for k, v in df.attrs.items() if k not in ("file_rows", "sheet", "header_row")})
    if numbered(source):
        out.attrs["file_rows"] = tuple(where[p] for p in positions)
    else:  # a DataFrame given in Python: its rows keep their index labels (a table's are named by their values)
        out.index = df.index[positions]
    if amount == gross:  # 'Brutto' of a German account: the payment before PayPal's fee ('Netto' after it), not
        out.attrs[PAYPAL_GROSS] = gross  # a word about tax (reading.tax_flags; a 'Sales Tax' column is read)
    mapped = {"customer_id": payer, "date": date, "amount": amount, "order_id": txn}
    return out, mapped


def _conversion_factors(written: pd.Series, amounts: pd.Series, source: Any, column: str) -> np.ndarray | None:
    """Each row's converted amount / its amount as written (1 where not converted or 0), None where the written
    amounts do not read as numbers."""
    try:
        original = parse_numbers(written, source, column, allow_blank=True)
    except DataError:
        return None
    now = np.asarray(amounts, dtype=np.float64)
    told = np.isfinite(original) & np.isfinite(now) & (original != 0)
    return np.divide(now, original, out=np.ones(len(now)), where=told)


def undone_reversals(
    df: pd.DataFrame, kind: pd.Series, refund: np.ndarray, status: pd.Series, source: Any
) -> np.ndarray:
    """The refund rows (``refund``: negative reversals, chargebacks) that a later "Cancellation of Reversal" or
    "Chargeback Reversal" of ``df`` undoes: PayPal put the money back, so the payment stands whole. Each
    reinstatement (a positive Gross) is matched to a reversal of the same amount of the payment it names (its
    "Reference Txn ID" is the payment's, or the reversal's own, Transaction ID). Refused, naming the rows: a
    reinstatement with a negative Gross, one whose reversal is not in the file (what it puts back cannot be told
    apart from a sale), and one of a payment whose own status still says Reversed (left out as not received, it
    would stay out).

    >>> frame = pd.DataFrame({"Type": ["Payment", "Payment Reversal", "Cancellation of Reversal"],
    ...     "Status": ["Completed"] * 3, "Gross": ["100.00", "-100.00", "100.00"], "Transaction ID": ["T1", "R1", "C1"],
    ...     "Reference Txn ID": ["", "T1", "T1"]})
    >>> kind, status = _text(frame["Type"]).str.lower(), _text(frame["Status"]).str.lower()
    >>> undone_reversals(frame, kind, np.array([False, True, False]), status, "d.csv").tolist()
    [False, True, False]
    """
    undone = np.zeros(len(df), dtype=bool)
    back = kind.isin(REINSTATEMENTS).to_numpy()
    if not back.any():
        return undone
    type_column = str(_column(df, "type"))
    gross, txn, reference = _column(df, "gross"), _column(df, "transaction_id"), _column(df, "reference_txn_id")
    sign = _sign(df[gross])
    if (back & (sign <= 0)).any() or reference is None:
        problem = ("a reversal undone without a positive Gross or a 'Reference Txn ID' naming the payment (what it "
                   "puts back cannot be told: remove it and its reversal, or the payment)")  # fmt: skip
        raise bad_rows(source, type_column, problem, np.flatnonzero(back & ((sign <= 0) | (reference is None))),
                       df[type_column])  # fmt: skip
    ids, refs = _text(df[txn]), _text(df[reference])
    size = _text(df[gross]).str.replace(r"[^\d]", "", regex=True).str.lstrip("0")  # the amount's digits, unsigned
    reversed_payments = set(ids[(status == "reversed").to_numpy()])
    for row in np.flatnonzero(back):
        named = refs.iloc[row]
        payment = named if named not in set(ids[refund]) else refs[ids == named].iloc[0]  # the reversal's own id
        candidates = np.flatnonzero(refund & ~undone & ((refs == payment) | (ids == named)).to_numpy()
                                    & (size == size.iloc[row]).to_numpy())  # fmt: skip
        if payment in reversed_payments or not candidates.size:
            why = ("its payment's own status still says Reversed (whether the payment now counts cannot be told: "
                   "relabel it Completed, or remove the reversal and this row)" if payment in reversed_payments else
                   "no reversal of that amount of the payment it names is in the file (what it puts back cannot be "
                   "told apart from a sale: export the months of the reversal too, or remove the row)")  # fmt: skip
            raise bad_rows(source, type_column, f"a reversal undone: {why}", [row], df[type_column])
        undone[candidates[0]] = True
    return undone
