"""Refunded amounts beside an order's amount: which column holds the refunded part of which amount, and the amounts
less their refunds (see :mod:`.orders`, "Refunded amounts").

A refunded amount column (``amount_refunded``, ``refunded_amount``, ``refund_amount``, or a name whose words say a
refund and an amount: Stripe's "Amount Refunded", Magento's, WooCommerce's and BigCommerce's "Total Refunded",
Gumroad's "Partial Refund ($)"; credit notes issued after payment, Stripe's ``post_payment_credit_notes_amount``:
:func:`.written_off.given_back_columns`; or one found by its values, :func:`.order_columns.refund_amount_columns`) is
taken off its amount (blank = nothing refunded); an order refunded in full is no purchase; a refund above its amount is
refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from . import order_columns as by_values
from .errors import DataError, bad_rows

__all__ = [
    "gross_refund_share",
    "read_refunds",
    "refunded_column",
    "refunded_columns",
    "refunded_payments",
    "take_refunds",
]

_REFUNDED = ("amount_refunded", "refunded_amount", "refund_amount")  # how a refunded amount's column name starts
_REFUND_WORDS = frozenset({"refund", "refunded", "refunds"})
_MONEY_WORDS = frozenset({"amount", "total", "sum", "value", "partial", "$", "€", "£", "usd", "eur", "gbp"})
_NOT_AMOUNT_WORDS = frozenset({"date", "at", "on", "time", "count", "quantity", "qty", "id", "reason", "status",
                               "number", "no", "type", "method", "currency"})  # fmt: skip


def refunded_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that hold a refunded amount: a name that starts with ``amount_refunded``,
    ``refunded_amount`` or ``refund_amount``, or whose words say a refund and an amount ("Total Refunded": Magento,
    WooCommerce, BigCommerce; Stripe's "Amount Refunded" and "Converted Amount Refunded"), not a date, count or id;
    or credit notes issued after payment (Stripe's ``post_payment_credit_notes_amount``:
    :func:`~.written_off.given_back_columns`).

    >>> refunded_columns(["Total", "Total Refunded", "Fully Refunded?", "Refund Date", "Converted Amount Refunded",
    ...                   "post_payment_credit_notes_amount"])
    ['Total Refunded', 'Converted Amount Refunded', 'post_payment_credit_notes_amount']
    """
    from .columns import keys_of
    from .written_off import given_back_columns

    def says_refund(k: str) -> bool:
        words = set(re.split(r"[_.()]+", k))
        return bool(words & _REFUND_WORDS and words & _MONEY_WORDS and not words & _NOT_AMOUNT_WORDS)

    given = set(given_back_columns(names))
    return [str(c) for c in names if c in given or any(k.startswith(_REFUNDED) or says_refund(k) for k in keys_of(c))]


def refunded_column(df: pd.DataFrame, source: str = "input", amount: str | None = None) -> str | None:
    """The column of ``df`` holding the refunded part of the amount column ``amount``, None without one.

    Of several (:func:`refunded_columns`), the one named as ``amount``'s refund (its name followed by words:
    "Converted Amount" -> "Converted Amount Refunded", "Amount" -> "Amount Refunded") is taken; otherwise two are
    refused, naming both. Without ``amount`` (whether the table has such a column at all), the first."""
    from .columns import key

    found = refunded_columns(df.columns)
    found += [c for c in by_values.refund_amount_columns(df, (amount,))[0] if c not in found]  # 'Erstattet', 'Refunds'
    found = [c for c in found if c != amount]  # no amount is its own refund ('Net Sales before refunds' mapped)
    if len(found) > 1 and amount is not None:
        paired = [c for c in found if key(c).startswith(key(amount) + "_")]
        if len(paired) != 1:  # Lemon Squeezy's 'refunded_amount_usd' of 'total_usd', 'refunded_amount' of 'total'
            paired = [c for c in found if _qualifiers(c) == _qualifiers(amount)]
        found = paired if len(paired) == 1 else found
    if len(found) > 1 and amount is not None:
        listing = ", ".join(map(repr, found))
        raise DataError(
            f"{source}: {len(found)} columns could be the refunded part of {amount!r} ({listing}): remove the one "
            "that is not in the currency of the amount",
            source=source,
            column=found[0],
        )
    if found and amount is not None:
        _refuse_other_amounts_refund(df, source, found[0], amount)
    return found[0] if found else None


#: Words of an amount's or a refund's name that say no currency nor kind of amount (``total``, ``refunded``).
_PLAIN_WORDS = frozenset({"total", "amount", "sum", "value", "order", "grand", "refund", "refunded", "refunds", "in",
                          "of", "the"})  # fmt: skip


def _qualifiers(name: Any) -> frozenset[str]:
    """The words of a money column's name beyond a total's, an amount's and a refund's: its currency or kind
    (``total_usd``: usd; ``refunded_amount_usd``: usd; ``refunded_amount``: none; "Converted Amount": converted).

    >>> sorted(_qualifiers("refunded_amount_usd")), sorted(_qualifiers("Total")), sorted(_qualifiers("total_usd"))
    (['usd'], [], ['usd'])
    """
    from .columns import key

    return frozenset(w for w in re.split(r"[^a-z0-9$€£]+", key(name)) if w and w not in _PLAIN_WORDS)


def _refuse_other_amounts_refund(df: pd.DataFrame, source: str, refunded: str, amount: str) -> None:
    """Refuse the refund column ``refunded`` named as the refund of another amount column of ``df`` than ``amount``
    (Stripe's "Amount Refunded", in the charge's currency, beside "Converted Amount" mapped: 50 GBP off 127 USD)
    where that column differs from ``amount`` on a refunded row, naming the rows (H66 finding 08); the same values
    (one currency) are one amount."""
    from .columns import key

    titles = [str(c) for c in df.columns]
    owners = [  # 'Amount' of 'Amount Refunded'; not the flag 'refunded' of 'refunded_amount_usd'
        c
        for c in titles
        if c not in (refunded, amount)
        and key(refunded).startswith(key(c) + "_")
        and set(key(refunded)[len(key(c)) + 1 :].split("_")) & _REFUND_WORDS
    ]
    if not owners or key(refunded).startswith(key(amount) + "_"):
        return
    owner = max(owners, key=lambda c: len(key(c)))
    text = lambda c: df.iloc[:, titles.index(c)].astype("string").str.strip().fillna("")  # noqa: E731
    refund = text(refunded)
    numbers = pd.to_numeric(refund, errors="coerce")
    taken = (numbers > 0).fillna(False) | (numbers.isna() & (refund != ""))  # blank: nothing refunded
    rows = np.flatnonzero((taken & (text(owner) != text(amount))).fillna(False).to_numpy(dtype=bool))
    if rows.size:
        problem = f"refunds of {owner!r}, not of {amount!r} (the amount mapped, which differs there: another currency?)"
        advice = f"export the refunded part of {amount!r} too ({amount + ' Refunded'!r}: Stripe's export dialog)"
        shown = df.iloc[:, titles.index(refunded)].to_numpy()
        raise bad_rows(source, refunded, problem, rows, shown, advice=advice)


def read_refunds(df: pd.DataFrame, column: str, read_numbers: Any, source: str) -> tuple[np.ndarray, np.ndarray]:
    """The refunded amounts of ``df``'s column ``column`` as amounts taken off (0 or more), and the file's values.

    A column written with a minus sign on every refund (Square's "Partial Refunds" -$10.00, an accounting export's
    refund_amount -10.00) holds the refunds as negative amounts: their size is taken off, with a note. Negative
    refunds beside positive ones cannot be told apart (a refund, or a refund undone?) and are refused, naming them.

    >>> frame = pd.DataFrame({"Partial Refunds": ["-10.00", "0.00", ""]})
    >>> read = lambda s, c: pd.to_numeric(s).to_numpy()  # noqa: E731
    >>> read_refunds(frame, "Partial Refunds", read, "t.csv")[0].tolist()
    [10.0, 0.0, nan]
    """
    from .notes import note

    position = [str(c) for c in df.columns].index(column)
    shown = df.iloc[:, position].to_numpy()
    taken = np.array(read_numbers(df.iloc[:, position], column), dtype=np.float64)
    negative = np.nan_to_num(taken, nan=0.0) < 0
    if not negative.any():
        return taken, shown
    if (np.nan_to_num(taken, nan=0.0) > 0).any():
        problem = "negative refunded amounts beside positive ones (which are refunds, and which undo one?)"
        advice = "write every refund with the same sign, or correct the rows"
        raise bad_rows(source, column, problem, np.flatnonzero(negative), shown, advice=advice)
    note(
        f"{source}: {column!r} writes its refunds as negative amounts: their size is taken off the amount "
        f"({int(negative.sum())} refunded row{'s' if negative.sum() != 1 else ''})"
    )
    return np.abs(taken), shown


def take_refunds(
    amount: np.ndarray, refunded: np.ndarray, source: str, column: str, amount_column: str, shown: Any = None
) -> tuple[np.ndarray, np.ndarray]:
    """The amounts less their refunded parts, and whether each row was refunded in full (no purchase).

    A refund above its amount is refused, naming the rows: the refund is of another amount (another currency,
    Stripe's "Amount Refunded" beside its "Converted Amount"), and taking it off would make a purchase a refund;
    the message quotes ``shown`` (the file's values), else ``refunded``.

    >>> kept, full = take_refunds(np.array([120.0, 80.0, 60.0]), np.array([0.0, 80.0, 20.0]), "o.csv", "R", "T")
    >>> kept.tolist(), full.tolist()
    ([120.0, 0.0, 40.0], [False, True, False])
    """
    taken = np.nan_to_num(np.asarray(refunded, dtype=np.float64), nan=0.0)
    amount = np.asarray(amount, dtype=np.float64)
    over = np.flatnonzero((taken > amount + 0.005) & (taken > 0))
    if over.size:
        problem = (
            f"refunded amounts above the amount of their row in {amount_column!r} (a refund of another amount, in "
            "another currency?)"
        )
        advice = "map the amount whose refund this is, or correct the rows"
        raise bad_rows(source, column, problem, over, refunded if shown is None else shown, advice=advice)
    full = (taken > 0) & (taken >= amount - 0.005)
    return amount - taken, full


def refunded_payments(df: pd.DataFrame, order_ids: Any, amounts: Any, refunded: Any, order_column: str) -> np.ndarray:
    """Whether each row is a payment of an order refunded in full by its own refunded amount (Stripe's charge ch_1:
    'Amount' 100.00, 'Amount Refunded' 100.00, status Refunded) beside another payment of the order not refunded in
    full (ch_2, Paid), each of the order's rows with an id of its own (:data:`~.repeats.RECORD_IDS`, a charge's
    ``id``): two payments of the order, not the order in two exports; the order is paid by its other payment, the
    refunded one takes nothing off it and leaves no purchase of its own (docs/metrics.md, "Refunded amounts").

    >>> frame = pd.DataFrame({"id": ["ch_2", "ch_1", "ch_3"], "order_id": ["1", "1", "2"]})
    >>> refunded_payments(frame, frame["order_id"], [100.0, 100.0, 50.0], [0.0, 100.0, 0.0], "order_id").tolist()
    [False, True, False]
    >>> refunded_payments(frame.drop(columns="id"), frame["order_id"], [100.0, 100.0, 50.0], [0.0, 100.0, 0.0],
    ...                   "order_id").tolist()  # no id of each row's own: which row is current cannot be told
    [False, False, False]
    """
    from .orders_apart import orders_with_own_ids

    amounts = np.asarray(amounts, dtype=np.float64)
    taken = np.nan_to_num(np.asarray(refunded, dtype=np.float64), nan=0.0)
    full = (amounts > 0) & (taken >= amounts - 0.005)
    none = np.zeros(len(amounts), dtype=bool)
    if not full.any():
        return none
    codes, uniques = pd.factorize(np.asarray(order_ids, dtype=object))
    size = len(uniques)
    paid = (amounts > 0) & ~full & (codes >= 0)
    both = (np.bincount(codes[codes >= 0], weights=full[codes >= 0].astype(np.float64), minlength=size) > 0) & (
        np.bincount(codes[paid], minlength=size) > 0
    )
    orders = np.flatnonzero(both)
    if not orders.size:
        return none
    rows = np.flatnonzero(np.isin(codes, orders))
    own = orders_with_own_ids(df, codes, rows, orders, order_column)
    return full & np.isin(codes, orders[own])


#: Words that say a total includes the tax (BigCommerce's "Order Total (inc tax)", "Total (incl. VAT)").
_GROSS_WORDS = frozenset({"inc", "incl", "including", "inclusive", "gross", "inkl", "brutto", "ttc"})


def _gross_total(name: str) -> bool:
    """Whether ``name`` is an order's whole total: ``Total``, or a total named as including the tax ("Order Total
    (inc tax)"), never a subtotal (its word is ``subtotal``) nor one before tax ("Order Total (ex tax)")."""
    from .columns import key
    from .names import words

    said = words(name)
    return key(name) == "total" or ("total" in said and bool(said & _GROSS_WORDS))


def gross_refund_share(
    df: pd.DataFrame, amount: np.ndarray, refunded: np.ndarray, names: dict[str, str], refund_column: str,
    source: str, read_numbers: Any,
) -> tuple[np.ndarray, np.ndarray] | None:  # fmt: skip
    """Each row's share of a refund written of the order's ``Total`` that falls on the amount mapped, where that is
    another, smaller column (Shopify's "Refunded Amount" is of its ``Total``, tax and shipping included: 59.40 of
    118.80 refunded off a ``Subtotal`` of 100.00 leaves 50.00, not 40.60), with a note, and the refunded amounts
    it is a share of; None where no refunded row has a ``Total`` above its amount (docs/metrics.md, "Refunded
    amounts": the same share as a tax taken off). An order's total and refund written on one of its rows only
    (Shopify's line items: its first) are the order's: each of its rows gets the share (:mod:`.first_row_refunds`).

    >>> frame = pd.DataFrame({"Subtotal": ["100.00"], "Total": ["118.80"], "Refunded Amount": ["59.40"]})
    >>> share, taken = gross_refund_share(frame, np.array([100.0]), np.array([59.4]), {"amount": "Subtotal"},
    ...                                   "Refunded Amount", "o.csv", lambda s, c: pd.to_numeric(s).to_numpy())
    >>> round(float(share[0] * taken[0]), 2)
    50.0
    """
    from .first_row_refunds import spread_to_order
    from .notes import note
    from .order_level import order_codes

    titles = [str(c) for c in df.columns]
    mapped = names.get("amount")
    totals = [c for c in titles if _gross_total(c) and c not in (mapped, refund_column) and titles.count(c) == 1]
    if mapped is None or len(totals) != 1 or _gross_total(mapped):
        return None
    if _qualifiers(mapped) and _qualifiers(mapped) <= _qualifiers(refund_column):
        return None  # named as the mapped amount's refund: Lemon Squeezy's 'refunded_amount_usd' of 'total_usd'
    total = np.asarray(read_numbers(df.iloc[:, titles.index(totals[0])], totals[0]), dtype=np.float64)
    amount = np.asarray(amount, dtype=np.float64)
    written = np.asarray(refunded, dtype=np.float64)
    spread_refunds, spread_total = spread_to_order(written, total, order_codes(df, names))
    spread = ~np.isfinite(total) & np.isfinite(spread_total)  # an order's item row, its total on another row
    total = spread_total
    taken = np.nan_to_num(spread_refunds, nan=0.0)
    gross = (taken > 0) & np.isfinite(total) & ((total > amount + 0.005) | spread) & (amount > 0)
    if not gross.any():
        return None
    share = np.where(gross, amount / np.where(gross, total, 1.0), 1.0)
    others = int((gross & spread).sum())
    items = (  # Shopify's line items: the order's refund on its first row only
        f", and {others} other item row{'s' if others != 1 else ''} of their orders, whose refund is written on one "
        "row only"
        if others
        else ""
    )
    note(
        f"{source}: {refund_column!r} is the refunded part of {totals[0]!r} (tax and shipping included), above "
        f"{mapped!r}: taken off {mapped!r} in the same share ({int((gross & ~spread).sum())} refunded row"
        f"{'s' if (gross & ~spread).sum() != 1 else ''}{items})"
    )
    return share, np.where(spread, spread_refunds, written)
