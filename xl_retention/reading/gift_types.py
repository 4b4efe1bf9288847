"""A donor export's gift types: pledges, recurring gifts' schedules and write-offs beside the payments.

A fundraising CRM's gifts export (Raiser's Edge, Bloomerang) writes each row's type in a column of its own, "Gift
Type" (``Cash``, ``Pledge``, ``Pay-Cash``, ``Recurring Gift``, ``Recurring Gift Pay-Cash``, ``Write Off``;
Bloomerang's ``Donation``, ``Pledge``, ``Pledge Payment``, ``Recurring Donation``, ``Recurring Donation Payment``).
Others use such a name for a payment's method or a gift's purpose (DonorPerfect's ``gift_type``: ``CK``, ``CC``,
``CASH``; CiviCRM's "Contribution Type": ``Donation``, ``Member Dues``): no promise among them, they are left alone.
Only the payments are money received: a pledge is a promise (its payments are rows of their own), a recurring gift's
row is its schedule (each payment is a row of its own), a write-off is a pledge's balance given up. Read as gifts,
the pledge of 1,200 counted beside its 100 paid, and its donor as a repeat donor (H360's finding 02).

So (:func:`without_promised_gifts`) a column named as a gift's type (:data:`GIFT_TYPE_NAMES`: "Gift Type", "Donation
Type") holding a pledge, a write-off or a recurring gift's schedule, or any column whose values are such types (a
pledge's or a write-off's beside a payment's, most of its values such types), is read: its rows of a pledge or a
write-off (:data:`PROMISES`) are left out with a note naming the column, the values and the rows; a recurring gift's
schedule (``Recurring Gift``) too where the column holds its payments (``Recurring Gift Pay-Cash``), and is refused
where it does not (a payment, or the schedule?); the payments (:data:`PAYMENTS`, any ``Pay-...`` type) are kept; any
other type (``Gift-in-Kind``, ``Other``) is refused naming the column, the values and the rows: whether it is money
received cannot be told. The rows kept keep their rows of the file in refusals (``attrs["file_rows"]``).

A plain type column (``Type``, ``Kind``: :data:`~.orders._TYPES`) says of each row a sale or a refund, and any other
type is refused; a way of paying there (:func:`paid_types`: ``Cash``, ``Check``, ``Credit Card``, DonorPerfect's
``CK``, ``CC``, ``EFT``, a pledge's payment ``Pay-Cash``) is money received, read as a sale: a donor or payment
export's "Type" of payment methods was refused, and so were the payments left beside its pledges once these were
left out (H366).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import bad_rows, rows_named, source_of
from .kept_rows import without_rows
from .notes import note

__all__ = ["GIFT_TYPE_NAMES", "METHODS", "PAID_BY", "PAYMENTS", "PROMISES", "gift_type_column",
           "methods_beside_others", "paid_types", "without_promised_gifts"]  # fmt: skip

#: Names (as :func:`~.columns.keys_of` spells them) of a column of gift types.
GIFT_TYPE_NAMES = frozenset({"gift_type", "gifttype", "gift_kind", "donation_type", "donationtype", "donation_kind",
                             "contribution_type", "gift_type_code"})  # fmt: skip
#: Types (as :func:`~.statuses.spelled` spells them) that are no money received: a promise, a balance written off.
PROMISES = frozenset({"pledge", "mg_pledge", "matching_gift_pledge", "pledged", "write_off", "writeoff",
                      "written_off", "mg_write_off", "matching_gift_write_off", "pledge_write_off",
                      "recurring_gift_write_off", "mg_writeoff"})  # fmt: skip
#: A recurring gift's schedule -> the start of its payments' type (Raiser's Edge, Bloomerang).
SCHEDULES = {"recurring_gift": "recurring_gift_pay", "recurring_donation": "recurring_donation_payment"}
#: Types of money received (and their ``Pay-...`` types, :data:`PAID_BY`: a pledge's payment in cash, stock, ...).
PAYMENTS = frozenset({"cash", "check", "cheque", "credit_card", "card", "donation", "gift", "one_time_gift",
                      "one_time_donation", "pledge_payment", "recurring_donation_payment", "stock/property",
                      "stock/property_(sold)", "matching_gift", "mg_cash", "payment"})  # fmt: skip


#: Ways of paying (as :func:`~.statuses.spelled` spells them) a type column may hold: money received, each of them
#: (DonorPerfect's ``CK``, ``CC``, ``EFT``; a payment export's "Bank Transfer", "PayPal"; German, French, Spanish and
#: Dutch ones). Not French ``Virement``: a ledger's transfer (:data:`~.row_types.OTHER_TYPES`), in or out.
METHODS = frozenset({"cash", "check", "cheque", "ck", "cc", "card", "credit_card", "debit_card", "eft", "ach", "wire",
                     "wire_transfer", "bank_transfer", "direct_debit", "paypal", "money_order",
                     "bar", "barzahlung", "kreditkarte", "ec_karte", "girocard", "überweisung", "lastschrift",
                     "sepa_lastschrift", "espèces", "especes", "chèque", "carte_bancaire", "carte_bleue", "carte",
                     "prélèvement", "prelevement", "efectivo", "tarjeta", "tarjeta_de_crédito", "tarjeta_de_credito",
                     "transferencia", "transferencia_bancaria", "domiciliación", "domiciliacion", "contant",
                     "contanten",
                     "pin", "pinbetaling", "creditcard", "overschrijving", "incasso", "ideal"})  # fmt: skip
#: How a donor export writes a pledge's or a recurring gift's payment: ``Pay-`` and what it was paid with (Raiser's
#: Edge's ``Pay-Cash``, ``MG Pay-Cash``, ``Recurring Gift Pay-Cash``, ``Pay-Stock/Property (Sold)``).
PAID_BY = ("pay_", "mg_pay_", "matching_gift_pay_", "recurring_gift_pay_")


def paid_types(kind: np.ndarray) -> np.ndarray:
    """Whether each row type (spelled) says money received by a way of paying: a payment method (:data:`METHODS`) or
    a donor export's payment (:data:`PAYMENTS` but a bare ``Gift``; a ``Pay-...`` type of one of them or of a method:
    ``Pay-Cash``); an orders file's type column reads them as sales (reading.orders), where any other type that says
    neither a sale nor a refund is refused: a cash drawer's ``Pay Out`` and ``Pay In``, ``Auto Pay Failed``, ``Pay
    Refund``.
    Worked out once per distinct value.

    >>> kind = ["cash", "credit_card", "ck", "pay_cash", "kreditkarte", "pledge", "payout", "pay_out", "pay_in", ""]
    >>> paid_types(np.array(kind, dtype=object)).tolist()
    [True, True, True, True, True, False, False, False, False, False]
    >>> paid_types(np.array(["gift", "donation"], dtype=object)).tolist()  # 'gift': a shop's free gift, refused
    [False, True]
    """
    codes, uniques = pd.factorize(np.asarray(kind, dtype=object))
    if not len(uniques):
        return np.zeros(len(codes), dtype=bool)
    paid = np.array([v in METHODS or (v not in _SHOP_GIFTS and _is_payment(v)) for v in uniques], dtype=bool)
    return paid[codes] & (codes >= 0)


#: A donor export's payments that in a shop's type column may be no sale (a free gift, a gift card handed out): read
#: as money received only in a column of gift types (:func:`without_promised_gifts`), refused in another type column
_SHOP_GIFTS = frozenset({"gift", "one_time_gift", "matching_gift"})


def _is_payment(value: str) -> bool:
    """Whether a spelled gift type is money received (:data:`PAYMENTS`, a ``Pay-...`` type of one of them or of a
    method: :data:`PAID_BY`).

    >>> [_is_payment(v) for v in ("pay_cash", "recurring_gift_pay_cash", "mg_pay_cash", "pay_stock/property_(sold)")]
    [True, True, True, True]
    >>> [_is_payment(v) for v in ("pledge", "gift_in_kind", "pay_gift_in_kind", "pay_out", "pay_refund", "pay_in")]
    [False, False, False, False, False, False]
    """
    if value in PAYMENTS:
        return True
    paid_with = next((value[len(p) :] for p in PAID_BY if value.startswith(p)), None)
    return paid_with is not None and (paid_with in PAYMENTS or paid_with in METHODS)


def methods_beside_others(kind: np.ndarray, unknown: np.ndarray, written: np.ndarray) -> str | None:
    """The advice for a type column holding ways of paying (:func:`paid_types`) beside types that are no sale
    (``unknown``): in a bank's or a bookkeeping ledger a ``Check``, ``Wire`` or ``ACH`` is money paid out as well as
    received, so the file is refused, not guessed; None where the column holds no way of paying.

    >>> kind = np.array(["check", "payout", "ach"], dtype=object)
    >>> methods_beside_others(kind, np.array([False, True, False]), np.array(["Check", "Payout", "ACH"], dtype=object))
    "beside them, 'Check', 'ACH' may be money paid out as well as received (a bank's or a bookkeeping ledger's \
types): keep the rows of money received only, with a sale's type (Sale), and import again"
    """
    paid = np.isin(np.asarray(kind, dtype=object), list(METHODS)) & ~unknown  # ways of paying, not 'Payment'
    if not paid.any():
        return None
    shown = list(dict.fromkeys(str(w).strip() for w in np.asarray(written, dtype=object)[paid]))
    return (
        f"beside them, {', '.join(repr(v) for v in shown[:4])} may be money paid out as well as received (a bank's or "
        "a bookkeeping ledger's types): keep the rows of money received only, with a sale's type (Sale), and import "
        "again"
    )


def _known(value: str) -> bool:
    return _is_payment(value) or value in PROMISES or value in SCHEDULES


def gift_type_column(df: pd.DataFrame) -> str | None:
    """The first column of ``df`` that holds gift types (see the module docstring), None where none does.

    >>> gift_type_column(pd.DataFrame({"Fund": ["Annual", "Annual"], "Gift Type": ["Cash", "Pledge"]}))
    'Gift Type'
    >>> gift_type_column(pd.DataFrame({"gift_type": ["CK", "CC", "CASH"]})) is None  # DonorPerfect's: no promise
    True
    >>> gift_type_column(pd.DataFrame({"Kind": ["Pledge", "Pay-Cash", "Cash"]}))
    'Kind'
    >>> gift_type_column(pd.DataFrame({"Payment Method": ["Cash", "Card", "Transfer"]})) is None
    True
    """
    from .columns import keys_of
    from .order_columns import few_values

    for position, name in enumerate(map(str, df.columns)):
        named = bool(keys_of(name) & GIFT_TYPE_NAMES)
        values = few_values(df.iloc[:, position], most=200 if named else 40)
        if values is None or not values.size:
            continue
        kept = [str(v) for v in values]
        promised = any(v in PROMISES or v in SCHEDULES for v in kept)
        if named and promised:  # by its name: a payment's method or a purpose (DonorPerfect's CK, CC) is left alone
            return name
        paid = any(_is_payment(v) for v in kept)
        if promised and paid and sum(map(_known, kept)) * 2 > len(kept):
            return name
    return None


def without_promised_gifts(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """``df`` without its pledges, recurring gifts' schedules and write-offs (see the module docstring), with a note
    naming them; ``df`` itself where it has none; :class:`~.errors.DataError` for a gift type that says neither.

    >>> df = pd.DataFrame({"id": ["G1", "G2", "G3"], "Gift Type": ["Cash", "Pledge", "Pay-Cash"]})
    >>> without_promised_gifts(df, "gifts.csv")["id"].tolist()
    ['G1', 'G3']
    """
    from .statuses import spelled

    if not len(df.columns) or not len(df):
        return df
    name = gift_type_column(df)
    if name is None:
        return df
    where = source_of(df, source)
    column = df.iloc[:, [str(c) for c in df.columns].index(name)]
    kind = np.asarray(spelled(column), dtype=object)
    said = set(kind.tolist()) - {""}
    schedules = {s for s in said & set(SCHEDULES) if not any(v.startswith(SCHEDULES[s]) for v in said)}
    unknown = np.array([v != "" and (not _known(v) or v in schedules) for v in kind], dtype=bool)
    if unknown.any():
        problem = (
            "gift types that say neither money received (Cash, Pay-Cash) nor a pledge or a write-off (whether these "
            "were gifts paid cannot be told)"
        )
        advice = (
            "keep the rows of money received only, or give them a payment's type; a recurring gift's row is its "
            "schedule where its payments are rows of their own"
            if schedules
            else "keep the rows of money received only, or give them a payment's type"
        )
        raise bad_rows(where, name, problem, np.flatnonzero(unknown), column.to_numpy(), advice=advice)
    left = np.array([v in PROMISES or v in SCHEDULES for v in kind], dtype=bool)
    if not left.any():
        return df
    found = np.flatnonzero(left)
    written = column.to_numpy()
    counts = pd.Series([str(written[p]).strip() for p in found]).value_counts(sort=False)
    values = ", ".join(f"{v!r} {n}" for v, n in counts.items())
    paid = list(dict.fromkeys(str(w).strip() for w, v in zip(written, kind, strict=True) if v and _is_payment(v)))
    payments = ", ".join(repr(v) for v in paid[:4]) or "none"
    shown = rows_named(where, found[:5]) + (" ..." if len(found) > 5 else "")
    note(
        f"{source}: {len(found)} row(s) of {name!r} left out ({values}), {shown}: a pledge is a promise, a recurring "
        f"gift's row its schedule, a write-off a pledge given up, no money received; the gifts counted are the "
        f"payments ({payments})"
    )
    return without_rows(df, left, where)
