"""Yes/no columns of an orders file that say an order was no customer's paid purchase, by their names.

An app database's or a BI tool's orders table keeps an order's state in boolean columns rather than a status:
``failed``, ``is_declined``, ``pending``, ``abandoned``, ``is_deleted`` (a soft delete), ``Annulé?`` (true: not paid);
``paid``, ``is_paid``, ``Paid?``, ``Bezahlt`` (false: not paid); ``is_duplicate``, ``demo``, ``is_internal``,
``is_sample``, ``is_spam`` (true: no customer's purchase); ``on_hold`` (true: whether it was paid cannot be told).
Counted as purchases, such rows made buyers and revenue of orders nobody paid, silently (H78 findings 03, 04, 06).

A column is read as such a flag only when every value says true or false (``true``, ``yes``, ``1``, ``x``, blank:
:mod:`.yes_no`): a ``Paid`` column of amounts or a ``Failed At`` column of dates is no flag. A bare name (``Failed``,
``Declined``; :data:`COUNTABLE`) whose values are only 0 and 1 may count the failed attempts before a payment went
through as well as flag an order that failed: refused naming the rows it would leave out, unless its name says a flag
(``is_failed``, ``Failed?``) or a word does (``true``/``yes``); a value 2 or more says a count (no flag, not read). A
state's name (``deleted``, ``pending``, ``duplicate``) or one of more words (``payment_failed``) of 0 and 1 is a flag. A
bare ``Paid`` of 0 and 1 is read: a count of payments of 0 and a paid flag false both say not paid.
The cancelled, voided and chargeback flags (:data:`~.orders.CANCEL_FLAGS`), the refunded and disputed flags and the
test-mode flags (:mod:`.sandbox`) are read where they were.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import yes_no
from .errors import bad_rows

__all__ = ["FLAG_NAMES", "flag_kind", "flag_rows", "refunded_flag_rows"]

FLAG_TRUE = yes_no.TRUE
FLAG_FALSE = yes_no.FALSE | yes_no.BLANK
#: Words before a flag's own word (``is_failed``, ``was_deleted``, ``order_pending``, ``payment_declined``).
_PREFIXES = ("is_", "was_", "has_", "order_", "payment_", "soft_")
#: A flag's own word (after :data:`_PREFIXES`) whose true value says the order was not paid.
_NOT_PAID = frozenset({"failed", "declined", "pending", "abandoned", "deleted", "trashed", "unpaid", "not_paid",
                       "rejected", "expired", "uncollectible", "cancelled", "canceled", "voided", "void",
                       "draft"})  # fmt: skip
#: Whose false value says the order was not paid (a blank is refused: paid or not cannot be told): Maxio's and
#: Chargify's transactions' ``success`` false is a declined card, an order not ``charged``/``collected``/``approved``.
_PAID = frozenset({"paid", "fully_paid", "payment_received", "payment_collected", "success", "successful",
                   "succeeded", "charged", "collected", "approved"})  # fmt: skip
#: Whose false value may say not paid (FastSpring's ``completed`` false: a checkout not completed; a card's payment
#: not ``settled``: declined) or paid (an order paid and not fulfilled yet; a card authorised, not settled yet):
#: refused naming the rows; a blank beside true ones (neither false nor paid) is refused as a paid flag's is.
_PAID_OR_NOT = frozenset({"completed", "complete", "settled"})
#: Whose true value says the row is no customer's purchase (a copy, a staff or sample order, spam): refused.
_NOT_CUSTOMER = frozenset({"duplicate", "dup", "demo", "internal", "sample", "spam", "staff", "employee", "fraud",
                           "fraudulent"})  # fmt: skip
#: Whose true value leaves whether the order was paid untold (WooCommerce's on-hold: a bank transfer awaited).
_UNCLEAR = frozenset({"on_hold", "hold", "held"})
#: Every name (as :func:`~.names.keys_of` spells it) read here: a typed table with one is read as a file's.
FLAG_NAMES = frozenset(
    p + w for w in _NOT_PAID | _PAID | _PAID_OR_NOT | _NOT_CUSTOMER | _UNCLEAR for p in ("", *_PREFIXES)
) | frozenset({"bezahlt", "payé", "pagado", "betaald", "annulé"})

NOT_CUSTOMER_PROBLEM = (
    "orders flagged as a duplicate, a demo, internal, a sample or spam (no customer's purchase: they would count as "
    "buyers and revenue), to be removed"
)
UNCLEAR_PROBLEM = (
    "orders flagged on hold (whether they were paid cannot be told): give them their status, completed where they "
    "were paid, cancelled where they were not, or remove them"
)
COUNT_OR_FLAG_PROBLEM = (
    "a column of only 0 and 1 (a count, as of the attempts that failed before a payment went through, or a flag "
    "saying these orders are {word}? cannot be told)"
)
COUNT_OR_FLAG_ADVICE = "rename it is_{word} if 1 says the order is {word}, or {word}_count if it counts (not read)"
REFUNDED_COUNT_PROBLEM = (
    "a column of only 0 and 1 (an amount refunded, a count of refunds, or a flag saying these orders were refunded "
    "in full? cannot be told)"
)
REFUNDED_COUNT_ADVICE = (
    "rename it is_refunded if 1 says refunded in full (left out), or refunded_amount if it is the amount taken off"
)
PAID_OR_NOT_PROBLEM = (
    "orders flagged not {word} (not paid, as a checkout abandoned or a card declined, or paid and not {word} yet? "
    "cannot be told)"
)
PAID_OR_NOT_ADVICE = (
    "rename the column paid if false says these orders were not paid (left out), or remove it if they were paid"
)
BLANK_PAID_PROBLEM = "orders whose {word} flag is blank (whether they were paid cannot be told)"
BLANK_PAID_ADVICE = "write true where they were paid, false where they were not"
#: A blank beside true ones in a completed/settled column: false written there would be refused (PAID_OR_NOT_PROBLEM).
BLANK_PAID_OR_NOT_ADVICE = (
    "write true where they were paid; where they were not, write false and rename the column paid (false: left out)"
)


def _word(key: str) -> str:
    """``key`` without its ``?`` and the first of :data:`_PREFIXES` it starts with."""
    key = key.rstrip("?")
    for prefix in _PREFIXES:
        if key.startswith(prefix) and key[len(prefix) :]:
            return key[len(prefix) :]
    return key


def flag_kind(name: Any) -> str | None:
    """What a true/false column named ``name`` says: ``"not_paid"`` (true: the order was not paid), ``"paid"`` (false:
    not paid), ``"paid_or_not"`` (false: paid or not cannot be told), ``"not_customer"``, ``"unclear"``, or None for a
    name of none of them. A name of one word in another
    language is read by its status word (``Annulé`` cancelled, ``Bezahlt`` paid).

    >>> [flag_kind(n) for n in ("is_failed", "Deleted?", "isDeleted", "Paid?", "Bezahlt", "is_duplicate", "on_hold")]
    ['not_paid', 'not_paid', 'not_paid', 'paid', 'paid', 'not_customer', 'unclear']
    >>> [flag_kind(n) for n in ("Success", "Payment Successful", "is_draft", "Completed", "settled")]
    ['paid', 'paid', 'not_paid', 'paid_or_not', 'paid_or_not']
    >>> [flag_kind(n) for n in ("failed_attempts", "amount", "pending_amount", "customer_id")]
    [None, None, None, None]
    """
    from .names import keys_of
    from .status_words import order_status

    for key in keys_of(name):
        word = _word(key)
        kinds = (
            ("not_paid", _NOT_PAID),
            ("paid", _PAID),
            ("paid_or_not", _PAID_OR_NOT),
            ("not_customer", _NOT_CUSTOMER),
        )
        for kind, words in kinds:
            if word in words or key.rstrip("?") in words:
                return kind
        if word in _UNCLEAR or key.rstrip("?") in _UNCLEAR:
            return "unclear"
    for key in keys_of(name):
        word = _word(key)
        if "_" in word or not word.isalpha():
            continue
        said = order_status(word)  # one word of another language: 'annulé', 'bezahlt', 'payé'
        if said in ("cancelled", "failed", "declined", "pending_payment", "voided"):
            return "not_paid"
        if said in ("completed", "paid") and word not in ("completed", "complete", "done", "closed", "fulfilled"):
            return "paid"
    return None


#: a one-word name of what may happen to an order more than once (a payment attempt that failed, was declined): a
#: column of only 0 and 1 of that name may count it; a state (``deleted``, ``pending``, ``duplicate``) or a name of more
#: words (``payment_failed``) says a flag
COUNTABLE = frozenset(
    {"failed", "failure", "failures", "declined", "decline", "declines", "error", "errors", "retries", "attempts"}
)


def _countable(name: str) -> bool:
    """Whether the column ``name`` may count events (:data:`COUNTABLE`) as well as flag them.

    >>> [_countable(n) for n in ("Failed", "declined", "deleted", "Pending", "payment_failed", "is_failed")]
    [True, True, False, False, False, False]
    """
    from .names import words

    said = words(name, whole=False)
    return len(said) == 1 and said <= COUNTABLE


def flag_rows(column: pd.Series, name: str, kind: str, source: str) -> np.ndarray | None:
    """The rows of a flag ``column`` of ``kind`` (:func:`flag_kind`) that are no paid purchase, as a bool array; None
    where ``column`` holds anything but true, false and blanks (no flag: an amount, a date). Raises
    :class:`~.errors.DataError` naming the rows flagged a duplicate/demo/internal/sample/spam or on hold, the false
    rows of a completed/settled flag, and the blank rows beside true ones of a paid or completed/settled flag.

    >>> flag_rows(pd.Series(["false", "TRUE", None]), "is_failed", "not_paid", "o.csv").tolist()
    [False, True, False]
    >>> flag_rows(pd.Series(["Yes", "No"]), "Paid?", "paid", "o.csv").tolist()
    [False, True]
    >>> flag_rows(pd.Series(["49.00", "0"]), "Paid", "paid", "o.csv") is None
    True
    >>> flag_rows(pd.Series(["true", None]), "Completed", "paid_or_not", "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Completed': orders whose completed flag is blank (whether \
they were paid cannot be told) in row 3 (counting the header as row 1): blank: write true where they were paid; where \
they were not, write false and rename the column paid (false: left out)
    """
    from .names import keys_of
    from .statuses import spelled

    said = spelled(column)
    if not np.isin(said, list(FLAG_TRUE | FLAG_FALSE)).all():
        return None
    true = np.isin(said, list(FLAG_TRUE))
    if kind != "paid" and true.any() and _countable(name) and yes_no.counted_or_flagged(said, keys_of(name)):
        word = _word(max(keys_of(name), key=len).rstrip("?"))
        problem, advice = COUNT_OR_FLAG_PROBLEM.format(word=word), COUNT_OR_FLAG_ADVICE.format(word=word)
        raise bad_rows(source, name, problem, np.flatnonzero(true), column.to_numpy(), advice=advice)
    if kind == "not_paid":
        return true
    if kind in ("paid", "paid_or_not"):
        blank = np.isin(said, list(yes_no.BLANK))
        if blank.all():
            return None  # an empty column says nothing
        word = _word(max(keys_of(name), key=len).rstrip("?"))
        if kind == "paid_or_not" and (false := ~true & ~blank).any():
            problem = PAID_OR_NOT_PROBLEM.format(word=word)
            rows = np.flatnonzero(false)
            raise bad_rows(source, name, problem, rows, column.to_numpy(), advice=PAID_OR_NOT_ADVICE)
        if blank.any() and true.any():  # for paid_or_not, its blanks: a blank is not false (H538 finding 06)
            problem = BLANK_PAID_PROBLEM.format(word="paid" if kind == "paid" else word)
            advice = BLANK_PAID_ADVICE if kind == "paid" else BLANK_PAID_OR_NOT_ADVICE
            raise bad_rows(source, name, problem, np.flatnonzero(blank), column.to_numpy(), advice=advice)
        return ~true
    if true.any():
        problem = NOT_CUSTOMER_PROBLEM if kind == "not_customer" else UNCLEAR_PROBLEM
        raise bad_rows(source, name, problem, np.flatnonzero(true), column.to_numpy())
    return true


def refunded_flag_rows(column: pd.Series, name: str, source: str | None = None) -> np.ndarray:
    """The rows of a refunded flag ``column`` (``Refunded?``, ``fully_refunded``) that were refunded in full, as a
    bool array: none where ``column`` holds anything but true, false and blanks (amounts refunded:
    :mod:`.refunded_amounts`; a 1 among them is one unit taken off, no refund in full). A bare name of only 0 and 1
    (:func:`.yes_no.counted_or_flagged`) is refused naming the rows of 1 where a ``source`` is given (none: no rows).

    >>> refunded_flag_rows(pd.Series(["false", "Yes", None]), "Refunded?").tolist()
    [False, True, False]
    >>> refunded_flag_rows(pd.Series(["0", "1", "25.00"]), "Refunded").tolist()
    [False, False, False]
    >>> refunded_flag_rows(pd.Series(["0", "1"]), "Refunded", "o.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Refunded': a column of only 0 and 1 (an amount refunded, a \
count of refunds, or a flag saying these orders were refunded in full? cannot be told) in row 3 (counting the \
header as row 1): '1': rename it is_refunded if 1 says refunded in full (left out), or refunded_amount if it is the \
amount taken off
    """
    from .names import keys_of
    from .statuses import spelled

    said = spelled(column)
    none = np.zeros(len(said), dtype=bool)
    if not np.isin(said, list(FLAG_TRUE | FLAG_FALSE)).all():
        return none
    true = np.isin(said, list(FLAG_TRUE))
    if true.any() and yes_no.counted_or_flagged(said, keys_of(name)):
        if source is None:
            return none
        rows = np.flatnonzero(true)
        raise bad_rows(source, name, REFUNDED_COUNT_PROBLEM, rows, column.to_numpy(), advice=REFUNDED_COUNT_ADVICE)
    return true
