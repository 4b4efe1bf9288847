"""Rows an orders export marks as collecting no money by a column of its own: a card update, a free trial's start.

Paddle Billing's transactions report writes a customer's update of their card as a ``completed`` transaction of
0.00 whose ``origin`` is ``subscription_payment_method_change`` (no invoice, no billing period); App Store Connect's
Subscriber report writes a free trial's start as a row of 0.00 proceeds whose "Subscription Offer Type" is "Free
Trial". Read as orders, each was a purchase (docs/metrics.md: an order of amount 0 is an order): a customer who did
not pay a buyer and a returning customer, a trial's subscriber in the cohort of the trial's month (H266 findings 03,
10). So (:func:`without_no_charge_rows`) such rows are left out before anything else is read of them, with a note
naming them, as Recurly's card checks are (:mod:`.authorizations`). Where such a row has a money column (the column
mapped as the amount, whatever its name, or one whose name says an amount, a price, proceeds, a total, earnings, ...)
that is not 0, the file says two things (no charge, and money), and the rows are refused, naming them.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import yes_no
from .errors import bad_rows, rows_named, source_of
from .kept_rows import without_rows
from .notes import note

__all__ = [
    "AMOUNT_TEXT",
    "MONEY_WORDS",
    "NO_CHARGE",
    "ZERO_AMOUNT",
    "ZERO_NUMBER",
    "no_charge_rows",
    "trial_start_flags",
    "without_no_charge_rows",
]

#: For each column (by its key, :func:`~.columns.keys_of`) that says a row's kind, the values (as
#: :func:`~.statuses.spelled` spells them) of a row collecting no money, and what such a row is.
NO_CHARGE: dict[frozenset[str], tuple[frozenset[str], str]] = {
    frozenset({"origin", "transaction_origin"}): (
        frozenset({"subscription_payment_method_change"}),
        "a card update (Paddle's subscription_payment_method_change: a payment method changed, nothing charged)",
    ),
    frozenset({"subscription_offer_type", "offer_type"}): (
        frozenset({"free_trial"}),
        "a free trial's start (the App Store's Subscription Offer Type 'Free Trial': nothing paid yet)",
    ),
}
#: Beginnings of the words of a money column's name: the amounts a row of no charge holds as 0 ("Developer
#: Proceeds", ``grand_total``, ``earnings``; not ``paid_at`` nor ``charge_id``).
MONEY_WORDS = ("amount", "price", "proceeds", "total", "subtotal", "earning", "revenue", "gross", "net", "betrag",
               "preis", "montant", "importe")  # fmt: skip
#: An amount however written: 0.00, $0.00, 0,00 €, USD 30.00, -1.50 (no id, no date).
AMOUNT_TEXT = re.compile(r"[^\w\d]*(?:[A-Z]{3}\s*)?-?\d[\d.,\s]*(?:\s*[A-Z]{3})?[^\w\d]*")
#: A zero however written: 0, 0.00, $0.00, 0,00 €, USD 0.
ZERO_AMOUNT = re.compile(r"^[^\d\-]*-?0+(?:[.,]0+)?[^\d]*$")
#: A number within this of 0 is 0.00 (a cent's half): :data:`ZERO_AMOUNT` for an engine's numeric column.
ZERO_NUMBER = 0.005


def no_charge_rows(df: pd.DataFrame) -> tuple[np.ndarray, str | None, str]:
    """Whether each row of ``df`` is marked as collecting no money (see the module docstring), the first column saying
    so (None where no row is), and what such a row is.

    >>> df = pd.DataFrame({"origin": ["web", "subscription_payment_method_change"], "subtotal": ["30.00", "0.00"]})
    >>> rows, column, what = no_charge_rows(df)
    >>> rows.tolist(), column
    ([False, True], 'origin')
    """
    from .columns import keys_of
    from .statuses import spelled

    out = np.zeros(len(df), dtype=bool)
    first, what = None, ""
    for position, name in enumerate(map(str, df.columns)):
        keys = keys_of(name)
        for names, (values, said) in NO_CHARGE.items():
            if keys & names:
                found = np.isin(spelled(df.iloc[:, position]), list(values))
                if found.any():
                    out |= found
                    first, what = first or name, what or said
    for position in trial_start_flags(df):
        name = str(df.columns[position])
        found = np.isin(spelled(df.iloc[:, position]), list(yes_no.TRUE))
        if found.any():
            out |= found
            first, what = first or name, what or f"a free trial's start ({name!r} true: nothing paid yet)"
    return out, first, what


#: The words a flag saying an order is a free trial's start may have beside a trial's (:mod:`.trial_flags`' words):
#: Gumroad's "Free trial purchase?", ``is_trial``, "Trial Order", ``trial_signup``.
_TRIAL_START = frozenset({"purchase", "purchases", "order", "orders", "sale", "sales", "transaction", "signup",
                          "start", "started", "subscription"})  # fmt: skip


def trial_start_flags(df: pd.DataFrame) -> list[int]:
    """The positions of the columns of an orders file ``df`` whose name says a free trial (the words of a trial, in
    the languages :mod:`.trial_flags` knows, and words such as ``is``, ``free``, ``purchase``: Gumroad's "Free trial
    purchase?") and whose values are all true or false (1, 0, yes, blank): a row flagged true is a free trial's start.

    >>> frame = pd.DataFrame({"Free trial purchase?": ["0", "1"], "Trial Days": ["0", "1"], "Trial Plan": ["a", ""]})
    >>> trial_start_flags(frame)
    [0]
    """
    from .names import camel_spaced, key
    from .statuses import spelled
    from .trial_flags import FILLER_WORDS, TRIAL_WORDS

    found = []
    for position, name in enumerate(map(str, df.columns)):
        said = set(re.split(r"[^\w]+|_", key(camel_spaced(name)).rsplit(".", 1)[-1])) - {""}
        if not said & TRIAL_WORDS or said - TRIAL_WORDS - FILLER_WORDS - _TRIAL_START:
            continue
        values = pd.unique(spelled(df.iloc[:, position]))
        if np.isin(values, list(yes_no.TRUE | yes_no.FALSE | yes_no.BLANK)).all():
            found.append(position)
    return found


def _charged(df: pd.DataFrame, rows: np.ndarray, amount: str | None = None) -> tuple[str, np.ndarray] | None:
    """The first money column with an amount other than 0 on one of ``rows``, and those rows; None where every one is
    0 or blank. A money column is the column ``amount`` (the one mapped as the amount, matched as
    :func:`~.names.key` spells names), checked first, whatever its name ('value', 'paid', 'Umsatz'): a value neither
    blank nor 0 in it is money; or one whose name's words begin with :data:`MONEY_WORDS`.

    >>> df = pd.DataFrame({"paid_at": ["2026-10-20"], "charge_id": ["ch_1"], "Net": ["USD 0.00"], "total": ["$5.00"]})
    >>> _charged(df, np.array([True]))[0]
    'total'
    >>> _charged(pd.DataFrame({"value": ["30.00"], "total": ["0.00"]}), np.array([True]), "Value")[0]
    'value'
    """
    from .names import key, words

    mapped = [p for p, name in enumerate(df.columns) if amount is not None and key(name) == key(amount)]
    others = [p for p in range(len(df.columns)) if p not in mapped]
    for position in mapped + others:
        name = str(df.columns[position])
        said = words(name)
        money_name = any(w.startswith(MONEY_WORDS) for w in said)
        if position not in mapped and (not money_name or any(w in ("id", "currency", "date", "at") for w in said)):
            continue
        column = df.iloc[:, position]
        text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
        zero = text.str.fullmatch(ZERO_AMOUNT)
        written = text.str.fullmatch(AMOUNT_TEXT) if position not in mapped else text.ne("")
        money = (written & ~zero).to_numpy(dtype=bool) & rows
        if money.any():
            return name, money
    return None


def without_no_charge_rows(df: pd.DataFrame, source: str, amount: str | None = None) -> pd.DataFrame:
    """``df`` without its rows marked as collecting no money (see the module docstring), with a note naming them;
    ``df`` itself where it has none. :class:`~.errors.DataError` where such a row holds an amount other than 0 (in
    ``amount``, the column mapped as the amount, or a column named as money). The rows kept keep their rows of the
    file (``attrs["file_rows"]``)."""
    if not len(df.columns) or not len(df):
        return df
    rows, column, what = no_charge_rows(df)
    if not rows.any():
        return df
    where = source_of(df, source)
    if (charged := _charged(df, rows, amount)) is not None:
        name, money = charged
        problem = (
            f"rows that {column!r} calls {what.split(' (')[0]} with an amount other than 0 (no charge, or a "
            "payment: which is right cannot be told)"
        )
        advice = f"correct the amount to 0, or remove the rows if they were no payment, or correct {column!r}"
        raise bad_rows(where, name, problem, np.flatnonzero(money), df.iloc[:, df.columns.get_loc(name)], advice=advice)
    found = np.flatnonzero(rows)
    shown = rows_named(where, found[:5]) + (" ..." if len(found) > 5 else "")
    note(f"{source}: {len(found)} row(s) of {column!r} left out, {shown}: {what}, no purchase")
    return without_rows(df, rows, where)
