"""A payments export whose refund rows carry their sale's id: the id is then the order id.

Square's Transactions export writes a refund as a row of its own ("Event Type" Refund, a negative "Net Total") with
the "Transaction ID" and "Payment ID" of the payment it refunds; a generic export (``transaction_id``, ``type`` sale
or refund) does the same. Such an id is not the same record exported twice and changed between the two exports
(:mod:`.repeats` refuses those): its later rows are refunds of its one sale. In an orders file without an order id
column, a record id column (:data:`~.repeats.RECORD_IDS`) whose every repeated id is on one sale (an amount of 0 or
more) and refunds (negative amounts, or rows whose type says a refund, or a chargeback's reversal: :mod:`.disputes`)
of the same customer is read as the order
id: each refund is taken off its sale (:func:`~.order_rows.one_row_per_order`), a sale refunded in full is no
purchase. An id on two sales, or on rows of two customers, is not: those rows are refused as before.

A refund row of an order written with a positive amount and a type that says refund (Shopify's transactions,
``kind`` refund: ``40.00``) is the refund of that amount (:func:`signed_refunds`): taken off its order, as a negative
refund row is, never the whole order left out as if refunded in full.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .order_statuses import ORDER_STATUS_NAMES, STATE_NAMES, said_statuses
from .values import visible_values

__all__ = [
    "PAID_STATUSES",
    "REFUND_STATUSES",
    "SALE_IDS",
    "sale_id_column",
    "signed_refunds",
    "status_refunds",
    "refuse_unweighed_refunds",
    "refunds_in_order_share",
    "told_refunds",
    "typed_refunds",
]

#: A row's status (as :func:`~.orders.said_statuses` spells it) that says its money went back: refunded in full,
#: charged back, a dispute lost (of :data:`~.orders.NOT_PAID`: on a sale, no purchase; on a refund row of a sale, the
#: refund made).
REFUND_STATUSES = frozenset({"refunded", "charged_back", "chargeback", "chargedback", "chargeback_lost",
                             "dispute_lost", "lost_dispute", "dispute_accepted", "chargeback_accepted"})  # fmt: skip
#: A sale's status that says it was paid (of :data:`~.orders.PAID`): a refund row of its own names such a sale.
PAID_STATUSES = frozenset({"paid", "completed", "complete", "succeeded", "success", "successful", "settled",
                           "captured", "approved", "confirmed", "paid_out", "charged", "authorized", "authorised",
                           "partially_refunded", "partial_refund"})  # fmt: skip
#: Names of a sale's id that its refund's own row repeats (Paddle's adjustments' ``transaction_id``); a record's own
#: ``id`` is never another row's, and a subscription's is on each renewal.
SALE_IDS = frozenset({"transaction_id", "charge_id", "payment_id", "payment_intent_id", "invoice_id", "receipt_id"})

#: A money text that says a negative amount: '-20.00', '-$100.00', '$-20', '(20.00)', 'EUR -20', '20.00-'.
_NEGATIVE = r"^\s*[^\d\-\u2212(]*[-\u2212(]|-\s*$"


def _text(values: pd.Series) -> pd.Series:
    """Values as stripped text as they show (no zero-width characters: :func:`~.values.visible_values`), blanks as
    ``""``: a sale's id and its refund's are one id as the user sees them."""
    values = visible_values(values)
    return values.astype(object).where(values.notna(), "").astype(str).str.strip()


def _negative(values: pd.Series) -> np.ndarray:
    """Whether each value is a negative amount (a number below 0, or a money text that says one); each distinct value
    is looked at once.

    >>> _negative(pd.Series(["-20.00", "(5)", "12", None, "12", -3.0])).tolist()
    [True, True, False, False, False, True]
    """
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    distinct = pd.Series(np.asarray(distinct, dtype=object))
    numbers = pd.to_numeric(distinct, errors="coerce").to_numpy(dtype=np.float64)
    text = _text(distinct)
    said = text.str.contains(_NEGATIVE, regex=True).to_numpy(dtype=bool) & text.str.contains(r"\d").to_numpy(bool)
    negative = np.append(np.where(np.isnan(numbers), said, numbers < 0), False)  # the last: a missing value
    return negative[codes]


def sale_id_column(df: pd.DataFrame, names: Mapping[str, str], source: Any = "input") -> str | None:
    """The record id column of the orders file ``df`` that is its sales' id, repeated on their refund rows (see the
    module docstring); None when there is none, or the file has an order id (``names``: the columns found, as
    :func:`~.preparation.prepare` names them). A sale and its refunds whose rows name two customers are refused, naming
    them (``source``: the file).

    >>> frame = pd.DataFrame({"transaction_id": ["t1", "t2", "t1"], "customer": ["a", "b", "a"],
    ...                       "amount": ["100.00", "50.00", "-100.00"]})
    >>> sale_id_column(frame, {"customer_id": "customer", "amount": "amount"})
    'transaction_id'
    >>> names = {"customer_id": "customer", "amount": "amount"}
    >>> sale_id_column(frame.assign(amount=["100.00", "50.00", "90.00"]), names)  # two sales of one id
    """
    from .names import keys_of
    from .repeats import record_id_columns

    amount, customer = names.get("amount"), names.get("customer_id")
    columns = list(map(str, df.columns))
    if "order_id" in names or (amount is not None and columns.count(amount) != 1):
        return None
    positions = record_id_columns(columns, people=(customer,))
    if not positions:  # no record id column: nothing to read as the order id (most files; before the amounts)
        return None
    from .disputes import reversal_rows
    from .repeats import SUBSCRIPTION_IDS

    # without an amount, a refund row is told by its type alone (Stripe's itemized balance report's
    # reporting_category refund on the charge_id of its charge: H370's finding 02); how much it takes back is asked
    # once its order is read (refuse_unweighed_refunds)
    negative = np.zeros(len(df), dtype=bool) if amount is None else _negative(df[amount])
    refund = negative | typed_refunds(df)  # a refund row: a negative amount, or its type says so
    refund |= reversal_rows(df)  # a chargeback's reversal (Paddle's chargeback_reverse): no sale either
    told, paid = _said(df, (REFUND_STATUSES, PAID_STATUSES))  # refunded, charged back: with an id of its own, below
    told &= ~negative
    if not (refund | told).any():
        return None
    who = _text(df[customer]).to_numpy(dtype=object) if customer and columns.count(customer) == 1 else None
    for position in positions:
        if keys_of(columns[position]) & SUBSCRIPTION_IDS:  # on each renewal's payment by design: no sale's id
            continue
        ids = _text(df.iloc[:, position])
        filled = (ids != "").to_numpy()
        repeated = filled & ids.duplicated(keep=False).to_numpy()
        if not repeated.any():
            continue
        mine = told & repeated
        if mine.any():  # a chargeback's own row (Paddle's adj_01) naming a paid sale's id: a refund of it
            mine &= _own_records(df, columns[position], customer) & bool(keys_of(columns[position]) & SALE_IDS)
            mine &= ids.isin(pd.unique(ids[paid & ~told & ~refund])).to_numpy(dtype=bool)
        refund = refund | mine
        if _sales_and_refunds(ids.to_numpy(dtype=object)[repeated], refund[repeated], None if who is None else
                              who[repeated]):  # fmt: skip
            return columns[position]
        if who is not None and _sales_and_refunds(ids.to_numpy(dtype=object)[repeated], refund[repeated], None):
            _refuse_refunds_of_others(df, columns[position], customer, ids, refund, repeated, source)
        if mine.any():  # a chargeback's own row naming an id of two sales: which one it takes back?
            _refuse_untold_sales(df, columns[position], ids, refund, mine, source)
        return None  # an id on two sales: the same record changed between two exports (refused by .repeats)
    return None


def _refuse_refunds_of_others(
    df: pd.DataFrame, column: str, customer: Any, ids: pd.Series, refund: np.ndarray, repeated: np.ndarray, source: Any
) -> None:
    """Refuse a sale and its refunds (one id, one sale) whose rows name two customers, naming the customer column,
    the id and its rows: whose purchase the refund takes off cannot be told (a refund paid to someone else, a typo),
    and "keep the row of the latest export" (the advice for a record changed between two exports) would drop the
    sale or the refund."""
    from .errors import bad_rows

    who = _text(df[customer])
    frame = pd.DataFrame({"id": ids.to_numpy(dtype=object), "who": who.to_numpy(dtype=object)})[repeated]
    frame = frame[frame["who"] != ""]
    mixed = frame.groupby("id", sort=False)["who"].nunique()
    sale = str(mixed[mixed > 1].index[0])
    rows = np.flatnonzero((ids == sale).to_numpy())
    people = ", ".join(repr(p) for p in dict.fromkeys(who.iloc[rows]) if p)
    problem = (
        f"a sale and its refund with one {column!r} ({sale!r}) and two customers ({people}): whose purchase the "
        "refund takes off cannot be told"
    )
    advice = "give the refund row its sale's customer (or, if it refunds another sale, that sale's id)"
    raise bad_rows(source, str(customer), problem, rows, who.to_numpy(), advice=advice)


def _refuse_untold_sales(
    df: pd.DataFrame, column: str, ids: pd.Series, refund: np.ndarray, told: np.ndarray, source: Any
) -> None:
    """Refuse the rows of its own whose status says the money went back (``told``: :func:`status_refunds`, a record
    id of the row's own) naming a ``column`` id that is no one sale's: the id of two sales (or, in that column, ids
    are), so which sale the refund or chargeback takes back cannot be told, and left out as a payment not made it
    took nothing off (the sale counted whole). Named: the first such row and the rows of its id."""
    from .errors import bad_rows

    text = ids.to_numpy(dtype=object)
    sales = pd.Series(~refund).groupby(text, sort=False).sum()
    first = int(np.flatnonzero(told)[0])
    sale = text[first]
    count = int(sales.get(sale, 0))
    status = next(str(df.iloc[first, p]) for p in range(df.shape[1]) if status_refunds(df.iloc[:, [p]])[first])
    if count == 1:  # its own id has one sale, but the column's other ids have several: no sale's id
        other = str(sales[sales != 1].index[0])
        rows = np.flatnonzero((ids == sale).to_numpy() | (ids == other).to_numpy())
        said = f"the {column!r} of its sale ({sale!r}), while {other!r} is on {int(sales[other])} sales"
    else:
        rows = np.flatnonzero((ids == sale).to_numpy())
        said = f"{column!r} {sale!r}, the id of {count} sales"
    problem = (
        f"a row whose status says {status!r} (the money given back) with an id of its own, naming {said}: which "
        "sale it takes back cannot be told (left out as unpaid, it would take nothing off)"
    )
    advice = f"give each sale an id of its own in {column!r} (the refund's row naming the one it takes back)"
    raise bad_rows(source, column, problem, rows, ids.to_numpy(), advice=advice)


def _sales_and_refunds(ids: np.ndarray, refund: np.ndarray, who: Any) -> bool:
    """Whether every id of ``ids`` is on exactly one row that is no refund, and all its rows name one customer."""
    frame = pd.DataFrame({"id": ids, "sale": ~refund})
    sales = frame.groupby("id", sort=False)["sale"].sum()
    if not (sales == 1).all():
        return False
    if who is None:
        return True
    people = pd.DataFrame({"id": ids, "who": who})
    people = people[people["who"] != ""]
    return bool((people.groupby("id", sort=False)["who"].nunique() <= 1).all())


def _said(df: pd.DataFrame, kinds: tuple[frozenset[str], ...]) -> list[np.ndarray]:
    """For each set of statuses of ``kinds``, whether each row's status column (as :func:`~.orders.cancelled_rows`
    finds them: by name or by values) says one of them; each distinct status is looked at once."""
    from .names import keys_of
    from .order_columns import status_by_values

    out = [np.zeros(len(df), dtype=bool) for _ in kinds]
    for position, name in enumerate(df.columns):
        if keys_of(name) & (ORDER_STATUS_NAMES | STATE_NAMES) or status_by_values(df, position):
            said = said_statuses(df.iloc[:, position])
            for found, kind in zip(out, kinds, strict=True):
                found |= np.isin(said, list(kind))
    return out


def status_refunds(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's status column says its money went back (:data:`REFUND_STATUSES`).

    >>> status_refunds(pd.DataFrame({"status": ["completed", "Chargeback", "refunded", "failed"]})).tolist()
    [False, True, True, False]
    """
    return _said(df, (REFUND_STATUSES,))[0]


def _own_records(df: pd.DataFrame, sale: Any, people: Any = None) -> np.ndarray:
    """Whether each row of ``df`` has a record id of its own besides the column ``sale`` (a sale's id): a value of
    another record id column (:data:`~.repeats.RECORD_IDS`; not ``people``, the customer column) that is filled and
    on no other row.

    >>> frame = pd.DataFrame({"id": ["t1", "a1", "a1"], "transaction_id": ["t1", "t1", "t1"]})
    >>> _own_records(frame, "transaction_id").tolist(), _own_records(frame, "id").tolist()
    ([True, False, False], [False, False, False])
    """
    out = np.zeros(len(df), dtype=bool)
    for ids in _other_ids(df, sale, people):
        out |= ((ids != "") & ~ids.duplicated(keep=False)).to_numpy()
    return out


def _other_ids(df: pd.DataFrame, sale: Any, people: Any = None) -> list[pd.Series]:
    """The texts (:func:`_text`) of each record id column of ``df`` (:data:`~.repeats.RECORD_IDS`; not ``people``, the
    customer column) besides the column ``sale`` (a sale's id): the ids a row may have of its own.

    >>> frame = pd.DataFrame({"id": [" t1", None], "transaction_id": ["t1", "t1"]})
    >>> [ids.tolist() for ids in _other_ids(frame, "transaction_id")]
    [['t1', '']]
    """
    from .repeats import record_id_columns

    positions = record_id_columns(df.columns, people=(people,))
    return [_text(df.iloc[:, p]) for p in positions if str(df.columns[p]) != str(sale)]


def told_refunds(
    df: pd.DataFrame, orders: np.ndarray, amounts: np.ndarray, order: Any, people: Any = None
) -> np.ndarray:
    """The rows of an orders file with an order id (``orders``, read from its column ``order``; ``amounts`` as read)
    that are refunds of their order by their status (see the module docstring): a status of :data:`REFUND_STATUSES`,
    an amount above 0, a record id of the row's own, and a paid sale of the same order on another row (an amount
    above 0, a status of :data:`PAID_STATUSES`); as a bool array.

    >>> frame = pd.DataFrame({"id": ["t1", "a1", "t2"], "transaction_id": ["t1", "t1", "t2"],
    ...                       "status": ["completed", "chargeback", "refunded"]})
    >>> told_refunds(frame, frame["transaction_id"].to_numpy(), np.array([40.0, 40.0, 9.0]), "transaction_id").tolist()
    [False, True, False]
    """
    said, paid = _said(df, (REFUND_STATUSES, PAID_STATUSES))
    amounts = np.asarray(amounts, dtype=np.float64)
    told = said & (amounts > 0)
    if not told.any():
        return told
    told &= _own_records(df, order, people)
    orders = pd.Series(np.asarray(orders, dtype=object)).astype(str)
    # the sale is the row whose own record id IS the sale id (Paddle's txn_01 row of transaction_id txn_01), the
    # refund a row of another id naming it (adj_01): a charge refunded by its own status (ch_2 of order 1001, beside
    # its order's other charge ch_1) or an order's line is no refund of another row (H82 findings 02, 04)
    itself = _sale_records(df, orders.to_numpy(), order, people)
    told &= ~itself
    sold = orders[(amounts > 0) & paid & ~said & itself]
    return told & orders.isin(pd.unique(sold)).to_numpy(dtype=bool)


def _sale_records(df: pd.DataFrame, orders: np.ndarray, sale: Any, people: Any = None) -> np.ndarray:
    """Whether each row's record id (another record id column than ``sale``, :data:`~.repeats.RECORD_IDS`; not
    ``people``) is its sale id itself (``orders``, as text): the sale's own row.

    >>> frame = pd.DataFrame({"id": ["t1", "a1", "c2"], "transaction_id": ["t1", "t1", "t2"]})
    >>> _sale_records(frame, np.array(["t1", "t1", "t2"], dtype=object), "transaction_id").tolist()
    [True, False, False]
    """
    out = np.zeros(len(df), dtype=bool)
    for ids in _other_ids(df, sale, people):
        out |= ids.to_numpy(dtype=object) == orders
    return out


def typed_refunds(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's type column (``type``, ``transaction_type``, ``kind``, ...) says a refund (``refund``,
    ``return``, ``chargeback``, ...: :data:`~.orders._REFUND_TYPES`).

    >>> typed_refunds(pd.DataFrame({"kind": ["sale", "Refund", ""]})).tolist()
    [False, True, False]
    """
    from .names import keys_of
    from .orders import _REFUND_TYPES, _TYPES
    from .row_types import type_by_values
    from .statuses import spelled

    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(df.columns):
        if keys_of(name) & _TYPES or type_by_values(df, position):  # by its values too (reading.row_types)
            out |= np.isin(spelled(df.iloc[:, position]), list(_REFUND_TYPES))
    return out


def signed_refunds(df: pd.DataFrame, amounts: np.ndarray) -> np.ndarray:
    """``amounts`` with each positive amount on a row whose type says a refund made negative: in an orders file with
    an order id, the refund of that amount from its order (see the module docstring).

    >>> frame = pd.DataFrame({"kind": ["sale", "refund", "refund"]})
    >>> signed_refunds(frame, np.array([100.0, 40.0, -10.0])).tolist()
    [100.0, -40.0, -10.0]
    """
    amounts = np.asarray(amounts, dtype=np.float64)
    positive = typed_refunds(df) & (amounts > 0)
    return np.where(positive, -amounts, amounts) if positive.any() else amounts


def refunds_in_order_share(orders: Any, amounts: Any, net_share: Any) -> np.ndarray:
    """``amounts`` with each refund row (a negative amount) written gross, none of its own taken off (its share 1:
    no tax or shipping on it, WooCommerce's refund row with ``total_tax`` and ``shipping_total`` 0.00), of an order
    whose paid rows had tax or shipping taken off, taken off in that order's share (its paid rows' net / gross): a
    refund of what the buyer paid, its net part, as a refunded amount column's is (docs/metrics.md). ``net_share``:
    each row's net / gross (:func:`~.taxes.net_shares`), None where nothing was taken off.

    >>> refunds_in_order_share(["1", "1", "2"], [42.0, -52.5, 10.0], [0.8, 1.0, 1.0]).tolist()
    [42.0, -42.0, 10.0]
    """
    amounts = np.asarray(amounts, dtype=np.float64)
    if net_share is None:
        return amounts
    share = np.asarray(net_share, dtype=np.float64)
    gross = (amounts < 0) & (np.abs(share - 1) < 1e-9)
    if not gross.any():
        return amounts
    codes, _ = pd.factorize(pd.Series(np.asarray(orders, dtype=object)).astype(str))
    size = int(codes.max(initial=-1)) + 1
    paid = np.isfinite(amounts) & (amounts > 0) & (share > 0)
    net = np.bincount(codes, weights=np.where(paid, amounts, 0.0), minlength=size)
    written = np.bincount(codes, weights=np.where(paid, amounts / np.where(paid, share, 1.0), 0.0), minlength=size)
    order_share = np.divide(net, written, out=np.ones(size), where=written > 0)
    return np.where(gross, amounts * order_share[codes], amounts)


def refuse_unweighed_refunds(
    df: pd.DataFrame, orders: Any, order: str, cancelled: np.ndarray, kept: np.ndarray, source: Any,
    negative: np.ndarray | None = None,
) -> None:  # fmt: skip
    """Refuse the refund rows of paid orders in an orders file read without an amount, where the file does not show
    them to take off their whole order: a purchase refunded in part is still a purchase (a refunded amount is taken
    off, only a refund in full leaves the order out), and without amounts the refund's size is unknown.

    ``orders``: each row's order id (read from the column ``order``); ``cancelled``: the rows left out (a refund row
    is, by its type or status); ``kept``: the rows read at all. A refund row (:func:`~.orders.says_refunded`) of an
    order with a paid row of its own would leave the whole order out. That is right only where each column that may
    hold the amount (:func:`~.amount_hints.money_columns`: Braintree's 'Settlement Amount' 25.00 on its sale and its
    credit) shows the refunds equal to the order's paid rows; where one shows less (Stripe's itemized balance
    report: ``customer_facing_amount`` -33.00 of 99.00), or none shows it, the refund rows and their orders are
    refused naming the amount to map. ``negative``: the rows that are refunds by a negative value in a column that
    may hold the amount (:func:`~.order_parents.unmapped_refunds`: WooCommerce's refund row naming its order in
    ``parent_id``), refund rows as those told by their status or type are.

    >>> frame = pd.DataFrame({"charge_id": ["c1", "c1"], "reporting_category": ["charge", "refund"],
    ...                       "customer_facing_amount": ["99.00", "-33.00"]})
    >>> refuse_unweighed_refunds(frame, frame["charge_id"].to_numpy(), "charge_id", np.array([False, True]),
    ...                          np.array([True, True]), "b.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: b.csv, column 'reporting_category': refund rows of paid orders, and no \
amount mapped: whether each refund takes back its whole order (no purchase) or part of it (still a purchase) cannot \
be told ('customer_facing_amount' says 33 of 99 refunded); left out whole, an order refunded in part would be lost \
(charge_id 'c1' first) in rows 2, 3 (counting the header as row 1): 'charge', 'refund': map the column of each row's \
amount ('customer_facing_amount') with --columns amount=NAME (the refunds are then taken off their orders)
    >>> refuse_unweighed_refunds(frame.assign(customer_facing_amount=["99.00", "-99.00"]), frame["charge_id"],
    ...                          "charge_id", np.array([False, True]), np.array([True, True]), "b.csv")  # in full
    """
    from .amount_hints import money_columns
    from .errors import bad_rows
    from .orders import says_refunded

    said = says_refunded(df)
    refund = said & cancelled & kept
    if negative is not None:
        refund |= negative & kept
    if not refund.any():
        return
    codes, _ = pd.factorize(pd.Series(np.asarray(orders, dtype=object)).astype(str))
    size = int(codes.max(initial=-1)) + 1
    paid = kept & ~cancelled
    said_by_status = refund & ~typed_refunds(df)  # 'refunded' in a status column: of its order, not a refund row
    if said_by_status.any():  # an order's other line items, status blank (Shopify writes it on the first line
        blank = _status_blank(df)  # only): that order's lines, not paid rows of their own (H373's finding 01)
        of_status = np.bincount(codes, weights=said_by_status.astype(np.float64), minlength=size) > 0
        paid &= ~(blank & of_status[codes])
    with_paid = np.bincount(codes, weights=paid.astype(np.float64), minlength=size) > 0
    open_ = with_paid & (np.bincount(codes, weights=refund.astype(np.float64), minlength=size) > 0)
    if not open_.any():
        return
    full = np.zeros(size, dtype=bool)  # a column shows the refunds equal to the order's paid rows
    less = np.zeros(size, dtype=bool)  # a column shows them other than that: in part (or above it)
    shown = ""
    for name in money_columns(list(df.columns), df):
        sums = _paid_and_refunded(df, name, codes, size, paid, refund)
        if sums is None:
            continue
        sold, back, known = sums
        same = known & (np.abs(sold - back) <= 0.005) & (sold > 0)
        other = known & ~same & open_
        if other.any() and not shown:
            first = int(np.flatnonzero(other)[0])
            shown = f" ({name!r} says {back[first]:g} of {sold[first]:g} refunded)"
        full |= same
        less |= other
    unproven = open_ & (less | ~full)
    if not unproven.any():
        return
    rows = np.flatnonzero(unproven[codes] & (refund | paid))
    money = money_columns(list(df.columns), df)
    told = [str(c) for p, c in enumerate(df.columns) if says_refunded(df.iloc[:, [p]])[rows].any()]
    shown_by = money[:1] if negative is not None and negative[rows].any() else []  # 'total' -20.00 on the refund
    column = next(iter(told or shown_by or [order]))
    named = ", ".join(repr(c) for c in money[:3]) if money else ""
    problem = (
        f"refund rows of paid orders, and no amount mapped: whether each refund takes back its whole order (no "
        f"purchase) or part of it (still a purchase) cannot be told{shown}; left out whole, an order refunded in "
        f"part would be lost ({order} {str(np.asarray(orders, dtype=object)[rows[0]])!r} first)"
    )
    advice = (
        f"map the column of each row's amount ({named}) with --columns amount=NAME (the refunds are then taken off "
        "their orders)"
        if money
        else "add the column of each row's amount (the sale's and the refund's) and map it with --columns amount=NAME"
    )
    labels = [str(c) for c in df.columns]
    values = df.iloc[:, labels.index(column)].to_numpy() if labels.count(column) == 1 else None
    raise bad_rows(source, column, problem, rows, values, advice=advice)


def _status_blank(df: pd.DataFrame) -> np.ndarray:
    """Whether each row's status columns (as :func:`~.orders.says_refunded` finds them) are all blank: on an order of
    several line items, Shopify writes 'Financial Status' on its first line only."""
    from .names import keys_of
    from .order_columns import status_by_values

    out = np.ones(len(df), dtype=bool)
    for position, name in enumerate(map(str, df.columns)):
        if keys_of(name) & (ORDER_STATUS_NAMES | STATE_NAMES) or status_by_values(df, position):
            column = df.iloc[:, position]
            out &= column.isna().to_numpy() | (column.astype(str).str.strip() == "").to_numpy()
    return out


def _paid_and_refunded(
    df: pd.DataFrame, name: str, codes: np.ndarray, size: int, paid: np.ndarray, refund: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Each order's paid rows' and refund rows' sizes in ``df``'s column ``name`` (read as numbers, sign left out),
    and whether all of them are filled; None where the column cannot be read as numbers (no amount then)."""
    from .errors import DataError
    from .number_texts import parse_numbers

    columns = [str(c) for c in df.columns]
    if columns.count(name) != 1:
        return None
    try:
        numbers = np.abs(parse_numbers(df.iloc[:, columns.index(name)], "", name, allow_blank=True))
    except DataError:
        return None
    filled = ~np.isnan(numbers)
    values = np.where(filled, numbers, 0.0)
    sold = np.bincount(codes, weights=np.where(paid, values, 0.0), minlength=size)
    back = np.bincount(codes, weights=np.where(refund, values, 0.0), minlength=size)
    missing = np.bincount(codes, weights=((paid | refund) & ~filled).astype(np.float64), minlength=size)
    return sold, back, missing == 0
