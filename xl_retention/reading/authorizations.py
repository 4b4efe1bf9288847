"""A card check among the payments: Recurly's ``authorization`` rows, no sale.

Recurly's transactions export writes three types of rows: "Authorization: A $1 or $0 transaction created to validate
payment information usability after billing updates", "Purchase" and "Refund" (docs.recurly.com, "Transactions -
export"); its API's ``verify`` is such a check too (a $0 or $1 transaction voided at once). Read as orders, the type
``authorization`` was refused as "row types that say neither a sale nor a refund", and with the invoice as the order
id as "missing order ids" (a card check belongs to no invoice): the file could not be imported (H162 finding 01).
An authorization collects no money (Shopify's transactions: "Money does not change hands until the authorization is
captured"; a capture is a row of its own), so (:func:`without_authorizations`) the rows of an orders file whose type
column (by its name, :data:`~.orders._TYPES`, or by its values, :mod:`.row_types`) says an authorization are no
purchase: left out before anything else is read of them, with a note naming them. The other rows keep their rows of
the file in refusals (``attrs["file_rows"]``).

A pre-order's authorization is no charge either: Gumroad's Sales export writes the buyer's pre-order as a row of its
price flagged "Pre-order authorization?" 1 (the card authorized, "The customer will not be charged until the day of
the release"), and the charge on release as a purchase row of its own (flagged 0, its "Pre-order authorization time"
the authorization's). Counted, the authorization was a buyer and a cohort member months before any money, or with
none if the pre-order was cancelled (H504). A flag column whose name's words say a pre-order and an authorization
(:func:`preorder_authorization_flags`: "Pre-order authorization?", ``is_preorder_authorization``) and whose values are
all true or false marks its true rows as no purchase, left out with a note naming the column and the rows, whatever
their amount (the price authorized, never charged by that row).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .errors import rows_named, source_of
from .kept_rows import without_rows
from .notes import note

__all__ = [
    "ADYEN_STEPS",
    "AUTHORIZATIONS",
    "VOIDS",
    "authorization_rows",
    "preorder_authorization_flags",
    "without_authorizations",
]

#: Row types (as :func:`~.statuses.spelled` spells them) of a card check that collects no money.
AUTHORIZATIONS = frozenset({"authorization", "authorisation", "verify", "card_verification"})
#: Row types of an authorization voided (Checkout.com's payment actions: ``Void``, the hold released): no money.
VOIDS = frozenset({"void", "voided"})
#: Adyen's payment accounting report's record types of a payment's steps that move no money (docs.adyen.com, "Reports
#: and the payments lifecycle": Received, a payment attempt with validated details; Authorised, the acquirer's
#: authorisation; SentForSettle and SentForRefund, a capture or a refund requested; Refused, Expired, Error): its
#: ``Settled`` (``SettledBulk``) row is the sale, ``Refunded`` (``RefundedBulk``) the refund, ``Chargeback`` the
#: chargeback. Left out only in a column holding one of :data:`_ADYEN_OWN` (elsewhere ``received`` may be money in).
ADYEN_STEPS = frozenset({
    "received", "authorised", "sentforsettle", "sent_for_settle", "sentforrefund", "sent_for_refund", "refused",
    "expired", "error",
})  # fmt: skip
_ADYEN_OWN = frozenset({
    "sentforsettle", "sent_for_settle", "sentforrefund", "sent_for_refund", "settled", "settledbulk", "refundedbulk",
})  # fmt: skip
#: The words of a name that say an authorization, and the other words a pre-order authorization flag's name may have.
_AUTHORIZED = frozenset({"authorization", "authorisation", "authorized", "authorised", "auth"})
_PREORDER_FILLER = frozenset({"is", "was", "a", "flag", "pre", "order", "preorder"})


def authorization_rows(df: pd.DataFrame, types: frozenset[str] = AUTHORIZATIONS) -> tuple[np.ndarray, str | None]:
    """Whether each row of ``df`` is an authorization by its type column (see the module docstring), and the name of
    the first type column saying one (None where no row is); ``types``: the types looked for (:data:`VOIDS`).

    >>> df = pd.DataFrame({"type": ["purchase", "Authorization", "refund"], "amount": ["10", "1", "10"]})
    >>> rows, column = authorization_rows(df)
    >>> rows.tolist(), column
    ([False, True, False], 'type')
    >>> authorization_rows(pd.DataFrame({"Notes": ["authorization", ""]}))[0].tolist()  # free text: no type column
    [False, False]
    """
    from .columns import keys_of
    from .orders import _TYPES
    from .row_types import type_by_values
    from .statuses import spelled

    out = np.zeros(len(df), dtype=bool)
    first = None
    for position, name in enumerate(map(str, df.columns)):
        if not (keys_of(name) & _TYPES or type_by_values(df, position)):
            continue
        said = np.isin(spelled(df.iloc[:, position]), list(types))
        if said.any():
            out |= said
            first = first or name
    return out, first


def preorder_authorization_flags(df: pd.DataFrame) -> list[int]:
    """The positions of the columns of ``df`` whose name's words say a pre-order and an authorization (and nothing but
    such words as ``is``: Gumroad's "Pre-order authorization?", ``is_preorder_authorization``; not its "Pre-order
    authorization time (UTC timezone)") and whose values are all true or false (1, 0, yes, blank): a row flagged true
    is a pre-order authorized, not charged (see the module docstring).

    >>> frame = pd.DataFrame({"Pre-order authorization?": ["0", "1"], "Pre-order authorization time": ["", "x"],
    ...                       "is_preorder_authorization": ["maybe", "1"], "Authorized": ["0", "1"]})
    >>> preorder_authorization_flags(frame)
    [0]
    """
    from . import yes_no
    from .names import words
    from .statuses import spelled

    found = []
    for position, name in enumerate(df.columns):
        said = words(name, whole=False)
        preorder = "preorder" in said or {"pre", "order"} <= said
        if not preorder or not said & _AUTHORIZED or said - _AUTHORIZED - _PREORDER_FILLER:
            continue
        values = pd.unique(spelled(df.iloc[:, position]))
        if np.isin(values, list(yes_no.TRUE | yes_no.FALSE | yes_no.BLANK)).all():
            found.append(position)
    return found


def _without_preorder_authorizations(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """``df`` without its rows flagged as a pre-order's authorization (:func:`preorder_authorization_flags`), with a
    note naming the column and the rows; ``df`` itself where it has none."""
    from . import yes_no
    from .statuses import spelled

    rows = np.zeros(len(df), dtype=bool)
    column = None
    for position in preorder_authorization_flags(df):
        flagged = np.isin(spelled(df.iloc[:, position]), list(yes_no.TRUE))
        if flagged.any():
            rows |= flagged
            column = column or str(df.columns[position])
    if not rows.any():
        return df
    said = (
        f"of {column!r} left out, {{shown}}: a pre-order authorized ({column!r} true: the card is charged on release, "
        "in a row of its own), no purchase"
    )
    return _left_out(df, rows, source, said)


def _left_out(df: pd.DataFrame, rows: np.ndarray, source: str, said: str) -> pd.DataFrame:
    """``df`` without ``rows``, with a note "``source``: N row(s) ``said``", ``{shown}`` in ``said`` naming the
    first five rows as the file numbers them."""
    where = source_of(df, source)
    found = np.flatnonzero(rows)
    shown = rows_named(where, found[:5]) + (" ..." if len(found) > 5 else "")
    note(f"{source}: {len(found)} row(s) " + said.replace("{shown}", shown))  # not format: a column's own braces
    return without_rows(df, rows, where)


def without_authorizations(df: pd.DataFrame, source: str, columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``df`` without its authorization rows (see the module docstring), with a note naming them; ``df`` itself where
    it has none (``columns``: the column map, its amount checked on rows of no charge). The rows kept keep their rows
    of the file (``attrs["file_rows"]``)."""
    from .no_charge_rows import without_no_charge_rows

    amount = (columns or {}).get("amount")  # the amount mapped: money on a row of no charge whatever its name
    df = without_no_charge_rows(df, source, amount)  # Paddle's card updates, the App Store's free trials
    if len(df.columns) and len(df):
        df = _without_preorder_authorizations(df, source)  # Gumroad's 'Pre-order authorization?' 1
    if not len(df.columns) or not len(df):
        return df
    rows, column = authorization_rows(df)
    if rows.any():
        said = (
            f"of type authorization in {column!r} left out, {{shown}}: a card check (Recurly's $1 or $0 transaction "
            "validating payment details) collects no money, no purchase"
        )
        df = _left_out(df, rows, source, said)
    df = _without_adyen_steps(df, source)
    return _without_voids(df, source, (columns or {}).get("order_id"))


def _without_adyen_steps(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """``df`` without its rows of Adyen's payment steps that move no money (:data:`ADYEN_STEPS`), where their type
    column holds one of Adyen's own record types (:data:`_ADYEN_OWN`), with a note naming them.

    >>> frame = pd.DataFrame({"Record Type": ["Received", "Authorised", "SentForSettle", "Settled"], "Amount": [9] * 4})
    >>> _without_adyen_steps(frame, "par.csv")["Record Type"].tolist()
    ['Settled']
    >>> _without_adyen_steps(frame.iloc[[0]], "ledger.csv")["Record Type"].tolist()  # 'Received' alone: not Adyen's
    ['Received']
    """
    from .statuses import spelled

    rows, column = authorization_rows(df, ADYEN_STEPS)
    if not rows.any() or column is None or not np.isin(spelled(df[column]), list(_ADYEN_OWN)).any():
        return df
    written = ", ".join(repr(v) for v in dict.fromkeys(str(v).strip() for v in df[column].to_numpy()[rows]))
    said = (
        f"of Adyen's record types {written} in {column!r} left out, {{shown}}: a payment's steps before its money is "
        "settled or refunded move no money (its 'Settled' row is the sale, 'Refunded' the refund, 'Chargeback' the "
        "chargeback), no purchase"
    )
    return _left_out(df, rows, source, said)


def _without_voids(df: pd.DataFrame, source: str, order_id: str | None) -> pd.DataFrame:
    """``df`` without its rows of type void (:data:`VOIDS`: an authorization released, no money), with a note
    naming them; refused where a void may undo a sale: a row of a sale's type (``Capture``) of the void's order
    (``order_id``, the column mapped), or, with no order id mapped, any such row beside the voids.

    >>> frame = pd.DataFrame({"Payment ID": ["p1", "p2"], "Action Type": ["Capture", "Void"], "Amount": [9, 5]})
    >>> _without_voids(frame, "actions.csv", "Payment ID")["Payment ID"].tolist()
    ['p1']
    >>> _without_voids(frame.assign(**{"Payment ID": ["p1", "p1"]}), "actions.csv", "Payment ID")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: actions.csv, column 'Action Type': rows of type void (an authorization \
released, no money) of an order ('Payment ID' 'p1') with a sale's row (whether its sale was voided cannot be told: \
remove the voided sale's rows, or the void's) in row 3 (counting the header as row 1): 'Void'
    """
    from .errors import bad_rows
    from .orders import _SALE_TYPES
    from .statuses import spelled

    rows, column = authorization_rows(df, VOIDS)
    if not rows.any() or column is None:
        return df
    kinds = spelled(df[column])
    sales = np.isin(kinds, list(_SALE_TYPES))
    if sales.any() and (order_id is None or order_id not in df.columns):
        problem = (
            "rows of type void (an authorization released, no money) beside sales, and no order id mapped to tell "
            "which sale each voids: map the payment's id as the order id"
        )
        raise bad_rows(source_of(df, source), column, problem, np.flatnonzero(rows), df[column].to_numpy())
    if order_id is not None and order_id in df.columns:
        ids = df[order_id].to_numpy(dtype=object)
        voided = rows & np.isin(ids, ids[sales])
        if voided.any():
            first = np.flatnonzero(voided)[0]
            problem = (
                f"rows of type void (an authorization released, no money) of an order ({order_id!r} {ids[first]!r}) "
                "with a sale's row (whether its sale was voided cannot be told: remove the voided sale's rows, or "
                "the void's)"
            )
            raise bad_rows(source_of(df, source), column, problem, np.flatnonzero(voided), df[column].to_numpy())
    said = f"of type void in {column!r} left out, {{shown}}: an authorization released collects no money, no purchase"
    return _left_out(df, rows, source, said)
