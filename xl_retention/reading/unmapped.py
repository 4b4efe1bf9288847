"""Columns of a subscriptions export that no name of ours knows, told by their values: used or refused, never ignored.

The names of an end date, a status, a trial's end or a pause differ by billing system, CRM and language
(``valid_until``, ``Gültig bis``, ``Date de résiliation``; ``Zustand``, ``Lifecycle Stage``; ``Probezeit bis``;
``suspended_at``): a column left unmapped because its name is in no list of ours would change nothing, and the MRR
or the churn would be silently wrong. So an unmapped column is also judged by what it holds:

* dates (:func:`refuse_unused_dates`, a subscriptions file of intervals): a column of dates blank in some rows and on
  or after the row's start in the others, some after it, says when something happened to a subscription after it
  began: the day it stopped (with no ``end`` mapped, it is refused as :func:`.ends.refuse_unused_end` refuses a
  column named as an end), a pause, a suspension, a trial's end. Beside a mapped ``end`` such a column whose dates
  fall while the subscription runs is refused naming it, unless its name says a date that changes no MRR (a login,
  an update, a renewal, an invoice, ...); one of a later month than the end on rows that ended, blank in some rows or
  on every row (Braintree's ``paid_through_date``), is refused as a later end whatever its name ("Deactivation Date",
  "Paid Through", "Last Day": :func:`.ends.refuse_later_column`). A
  trial's end in any language is read as one (:mod:`.trials`).
* statuses: a column whose values are subscription statuses (``active``, ``canceled``, ``trialing``, ``churned``,
  ``former customer``) is a status column whatever its name (:func:`.statuses.status_columns_of`).
* a contract's total taken as mrr (``Total Contract Value``, ``TCV``, ``Bookings``: :func:`contract_total`), or a
  customer's lifetime total (Stripe's customers export's "Total Spend": :func:`lifetime_total`), is refused with
  them: it says no month.
* MRR movements (:func:`refuse_movements_log`): a column whose values are the types of a movements log (ChartMogul's,
  Baremetrics' "New Business", "Expansion", "Contraction", "Churn", "Reactivation") says each row is a change of MRR,
  not a subscription nor a customer's month: the file is refused naming it.

pandas (:func:`.preparation.prepare`) and the SQL engines (:mod:`xl_retention.relational.inputs`, which read a table
such a column may be in as a file's, :func:`date_suspects`) call the same checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError
from .names import columns_option, key

__all__ = [
    "contract_total",
    "date_suspects",
    "lifetime_total",
    "movement_column",
    "refuse_movements_log",
    "refuse_unused_dates",
]

#: words of a name that say a date which changes no MRR: when a record was created, updated or seen, a renewal, an
#: invoice or payment, a login, a due date of unpaid invoices (a past-due subscription pays), a start
_HARMLESS = frozenset({
    "created", "creation", "updated", "modified", "changed", "imported", "synced", "seen", "login", "logged", "visit",
    "last", "next", "due", "invoice", "invoiced", "billing", "billed", "payment", "paid", "charged", "renewal",
    "renews", "renewed", "period", "term", "birthday", "birth", "born", "verified", "confirmed", "authorized",
    "start", "started", "starts", "activated", "activation", "began", "signup", "signed", "joined", "since_signup",
    "erstellt", "aktualisiert", "creado", "actualizado", "cree", "modifie", "reminder", "notified", "email",
    "cancel", "scheduled", "requested", "coupon", "discount", "promo", "promotion",
    "unsubscribe", "unsubscribed",  # RevenueCat's unsubscribe_detected_at: auto-renew turned off, paid to period end
})  # fmt: skip
#: words of :data:`_HARMLESS` that may name the day service stopped when no end is mapped ('Paid Thru', 'Cancel At')
_MAY_END = frozenset({"paid", "period", "term", "cancel", "scheduled", "requested", "unsubscribe", "unsubscribed"})
#: words that say a pause or a suspension (in the languages of :mod:`.ends`)
_PAUSE = frozenset({"pause", "paused", "pausiert", "pausa", "pausada", "suspend", "suspended", "suspension",
                    "suspendu", "suspendue", "hold", "frozen", "freeze", "gesperrt", "sospeso", "sospesa"})  # fmt: skip
_DATE_TEXT = re.compile(r"^\s*(\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})([ T]\S.*)?\s*$")


#: words that, with ``first``, say the first payment (Paddle's ``first_billed_at``, "First Payment Date"): a free
#: trial's end, when a subscription starts paying; so do ``activated_at`` (Chargebee's, blank while in trial) and
#: "Paid Since" beside another start
_PAYMENT = frozenset({"billed", "billing", "payment", "paid", "charged", "charge", "invoice", "invoiced"})


def _first_payment(words: set[str]) -> bool:
    """Whether a name's ``words`` say the first payment or the activation after a trial (see :data:`_PAYMENT`).

    >>> [_first_payment(_words(n)) for n in ("first_billed_at", "First Payment Date", "Paid Since", "paid_at")]
    [True, True, True, False]
    """
    return bool(words & {"first", "erste", "premier", "primer"} and words & _PAYMENT) or bool(
        words & {"activated", "activation"} or ({"paid", "paying"} & words and "since" in words)
    )


def _words(name: Any) -> set[str]:
    camel = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", str(name)).lower()
    return (set(re.split(r"[^\w]+|_", key(name))) | set(re.split(r"[^\w]+|_", camel))) - {""}


def _named_otherwise(column: str, names: Mapping[str, str]) -> bool:
    """Whether ``column`` is mapped, or its name says what it is to another check (a trial's end, a pause, an end
    named as one, a status, a renewal): those read or refuse it by its name."""
    from .ends import end_like_columns
    from .pauses import pause_columns
    from .trials import trial_end_columns

    if key(column) in {key(c) for c in names.values()}:
        return True
    return bool(trial_end_columns([column]) or pause_columns([column]) or end_like_columns([column], names))


def _blank(value: Any) -> bool:
    return bool(pd.isna(value)) if not isinstance(value, str) else not value.strip()


def looks_like_dates(values: Iterable[Any]) -> bool:
    """Whether the non-blank ``values`` (a sample) are all dates: date or datetime objects, or text written as one
    (``2024-03-01``, ``01/03/2024``, ``2026-06``, with a time after it).

    >>> looks_like_dates(["2024-03-01", None, ""]), looks_like_dates(["2024-03-01", "soon"]), looks_like_dates([""])
    (True, False, False)
    """
    seen = False
    for value in values:
        if not isinstance(value, str) and pd.isna(value):
            continue
        if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "year"):
            seen = True
            continue
        text = str(value).strip()
        if not text:
            continue
        if not _DATE_TEXT.match(text):
            return False
        seen = True
    return seen


def date_suspects(columns: Iterable[Any], names: Mapping[str, str], kind: str, sample: Callable[[str], list]) -> list:
    """The columns of an intervals table (``kind``) that :func:`refuse_unused_dates` may refuse, by their names and
    a ``sample(column)`` of their values (blanks as None or ''): an SQL engine reads a table holding one as a file's.
    """
    if kind != "intervals":
        return []
    found = []
    for column in map(str, columns):
        harmless = _HARMLESS if "end" in names else _HARMLESS - _MAY_END  # 'Paid Thru' beside no end: the end?
        words = _words(column)
        if "end" in names and _served_until(words):  # 'Paid Through', 'Last Day' beside an end: a later end?
            harmless = frozenset()
        if _named_otherwise(column, names) or (words & harmless and not _first_payment(words)):
            continue
        values = sample(column)
        blank = any(_blank(v) for v in values)
        full = "end" not in names and not _words(column) & _THROUGH  # 'Expires' on every row: a paid-through date
        full = full or _first_payment(_words(column))  # Paddle's first_billed_at on every row: a trial before it?
        full = full or ("end" in names and len(values) > 1)  # 'Valid Until', paid_through_date beside an end: later?
        if (blank or full) and looks_like_dates(values):
            found.append(column)
    return found


def refuse_unused_dates(
    df: pd.DataFrame,
    typed: Mapping[str, Any],
    names: Mapping[str, str],
    source: str,
    read_dates: Callable[[pd.Series, str], np.ndarray],
) -> None:
    """Refuse an intervals file's unmapped column of dates after the start (see the module docstring).
    ``read_dates(series, column)`` reads a column of dates, blanks allowed (a :class:`.DataError` if it cannot)."""
    start = np.asarray(typed["start"], dtype="datetime64[us]")
    end = np.asarray(typed["end"], dtype="datetime64[us]") if "end" in typed else None
    columns = list(map(str, df.columns))
    for column in date_suspects(columns, names, "intervals", lambda c: _sample(df, columns.index(c))):
        try:
            dates = np.asarray(read_dates(df.iloc[:, columns.index(column)], column), dtype="datetime64[us]")
        except (DataError, ValueError, TypeError):
            continue
        filled = ~np.isnat(dates) & ~np.isnat(start)
        if not filled.any() or (dates[filled] < start[filled]).any():
            continue
        words = _words(column)
        months = dates[filled].astype("datetime64[M]") > start[filled].astype("datetime64[M]")
        if filled.all() and _first_payment(words) and months.any():  # Paddle's first_billed_at on every row
            from .errors import row_of, source_of

            first, where = int(np.flatnonzero(filled)[np.flatnonzero(months)[0]]), source_of(df, source)
            raise DataError(
                f"{source}: column {column!r} is not used, and its name says the first payment, after a free trial "
                f"(not paying before it), in a later month than the start in some rows ({row_of(where, first)}: "
                f"{str(dates[first])[:10]}, started {str(start[first])[:10]}): map it as the start "
                f"({columns_option([('start', column)])}), or remove the column if the subscriptions paid from their "
                "start",
                source=source,
                column=column,
            )
        if end is not None and filled.all():  # on every row beside an end (Braintree's paid_through_date, 'Valid
            if not _no_end(words) and np.unique(dates.astype("datetime64[D]")).size > 1:  # Until'): a later end?
                _refuse_later(df, typed, names, source, column, dates)  # (one day on every row: the export's)
            continue
        if filled.all() and not _paid_through(dates, end, column):
            continue
        if not (dates[filled] > start[filled]).any():
            continue  # a trial's start, a sign-up: the start itself
        if _first_payment(words):  # first_billed_at, activated_at: paying from then (a trial before it)
            raise DataError(
                f"{source}: column {column!r} holds dates while subscriptions run (blank in other rows) and is not "
                f"used: its name says the first payment, after a free trial (not paying before it; blank: not paid "
                f"yet, or never): map it as the start ({columns_option([('start', column)])}) and remove the rows "
                f"without it that never paid, or remove the column if the subscriptions paid from their start",
                source=source,
                column=column,
            )
        if end is None and filled.all() and words & {"paid", "period", "term"}:  # 'paid_until': renews then
            raise DataError(
                f"{source}: column {column!r} says until when each subscription is paid, past on some rows and to "
                "come on others, and is not used: without an end every subscription counts as active to this day "
                "(no churn), and a paid-through date is no end (an active subscription renews then): give the day "
                "service stopped (--columns end=NAME, blank while active), or remove the rows of lapsed subscriptions",
                source=source,
                column=column,
            )
        if end is None:
            seen = "past and to come, on every row" if filled.all() else "blank in other rows"
            raise DataError(
                f"{source}: column {column!r} looks like the day subscriptions ended but is not used (dates after the "
                f"start, {seen}): without an end every subscription counts as active to this day (no "
                f"churn); map it: {columns_option([('end', column)])} (in Python: columns={{'end': {column!r}}}), or "
                f"remove the column if it is not the day service stopped",
                source=source,
                column=column,
            )
        running = filled & (np.isnat(end) | (dates < end))
        if not running.any() or _served_until(words):  # at or after each end: closed, archived, or service's end
            if not _no_end(words):  # a later month than the end on rows that ended: served until then?
                _refuse_later(df, typed, names, source, column, dates)
            continue
        if _refund_named(words):  # RevenueCat's refunded_at beside end_time: end=refunded_at refused by ends.py
            from .errors import row_of, source_of

            first = int(np.flatnonzero(running)[0])
            raise DataError(
                f"{source}: column {column!r} is not used, and its name says a refund, on rows still running then "
                f"({row_of(source_of(df, source), first)}: {str(dates[first])[:10]}, before its end "
                f"{str(end[first])[:10]} in {names['end']!r}): a refunded period is no paid month after the refund "
                f"(the store stops service then), and counted to its end it would be MRR no one paid: write the "
                f"refund's day in {names['end']!r} on those rows (or remove the rows refunded in full), then remove "
                f"the column",
                source=source,
                column=column,
            )
        what = "a pause or a suspension" if words & _PAUSE else "a pause, a suspension, a trial's end or the end"
        raise DataError(
            f"{source}: column {column!r} holds dates while subscriptions run (blank in other rows) and is not used: "
            f"if it says {what} of service, the months paid differ and the MRR would be wrong; map the day service "
            f"stopped ({columns_option([('end', column)])}) or split a paused subscription in two rows, or remove "
            f"the column if it says none of these",
            source=source,
            column=column,
        )


def _refuse_later(
    df: pd.DataFrame, typed: Mapping[str, Any], names: Mapping[str, str], source: str, column: str, dates: np.ndarray
) -> None:
    """Refuse ``column`` where, on rows that ended, its ``dates`` are of a later month than the mapped end
    (:func:`.ends.refuse_later_column`), with the advice to write a paid-through date in the end (mapped as the end,
    one is refused: :data:`.ends.PAID_THROUGH_ADVICE`)."""
    from .ends import PAID_THROUGH_ADVICE, refuse_later_column
    from .renewals import renewal_column

    paid = PAID_THROUGH_ADVICE.format(column=column, end=names["end"]) if renewal_column(column) else None
    refuse_later_column(df, typed, names, source, column, dates, paid)


#: words of a name that say a refund (RevenueCat's ``refunded_at``, "Refund Date", "Erstattet am", "Remboursé le")
_REFUND = frozenset({"refund", "refunds", "refunded", "refunded_at", "erstattet", "erstattung", "rückerstattet",
                     "rückerstattung", "remboursé", "rembourse", "remboursement", "reembolso", "reembolsado",
                     "rimborso", "rimborsato", "terugbetaald", "terugbetaling", "chargeback"})  # fmt: skip

#: words of a name whose dates after an end are no day service stopped: a refund, a payment card's expiry
_NO_END = _REFUND | frozenset({"card", "cc", "credit", "payment", "method", "token", "passport", "license", "licence"})


def _refund_named(words: set[str]) -> bool:
    """Whether a name's ``words`` say a refund: :data:`_REFUND`, or a word beginning as one does in Polish, Czech,
    Dutch, Swedish or Japanese (:data:`~.event_dates.FOREIGN_REFUND_STEMS`: "Data zwrotu", "返金日").

    >>> [_refund_named(_words(n)) for n in ("refunded_at", "Data zwrotu", "Återbetalningsdatum", "返金日", "Ended")]
    [True, True, True, True, False]
    """
    from .event_dates import FOREIGN_REFUND_STEMS

    return bool(words & _REFUND) or any(w.startswith(FOREIGN_REFUND_STEMS) for w in words)


def _no_end(words: set[str]) -> bool:
    """Whether a name's ``words`` say dates that are no day service stopped (:data:`_NO_END`, a refund's)."""
    return bool(words & _NO_END) or _refund_named(words)


#: words of a name that, with ``last``, say the last day served ("Last Day", "Last Day of Service"; not "Last Login")
_LAST_DAY = frozenset({"last", "day", "date", "of", "service", "access", "subscription"})


def _served_until(words: set[str]) -> bool:
    """Whether a name's ``words``, some of :data:`_HARMLESS`, say the last day served: "Paid Through" (Braintree's
    ``paid_through_date``), "Paid Until", "Last Day" (beside a mapped end its later dates are refused as one's).

    >>> [_served_until(_words(n)) for n in ("Paid Through", "paid_through_date", "Last Day", "Last Login",
    ...                                     "Next Billing Date", "Last Payment Date", "Paid Through Period End")]
    [True, True, True, False, False, False, False]
    """
    if "paid" in words and words & {"through", "thru", "until", "till"}:
        return not words & (_HARMLESS - {"paid"})
    return "last" in words and words <= _LAST_DAY and bool(words & {"day", "service", "access"})


#: words of a name on every row that say no paid-through date: :data:`_HARMLESS` but ``paid``, ``period``, ``term``
#: (``paid_until``, "Period End": renewal dates, refused as no end where some are past)
_THROUGH = _HARMLESS - {"paid", "period", "term"}


def _paid_through(dates: np.ndarray, end: Any, column: str) -> bool:
    """Whether a column of dates on every row (after each start), with no end mapped, is an expiry or paid-through
    date (app stores' "Expiration Date", a membership's "Access Until", ``paid_until``: lapsed in the past, paid in the
    future): some before today and some after it, and its name says no renewal, period, term or event that changes no
    MRR (:data:`_THROUGH`).

    >>> d = np.array(["2024-03-07", "2099-02-05"], dtype="datetime64[us]")
    >>> _paid_through(d, None, "Expires"), _paid_through(d, None, "Renewal Date"), _paid_through(d[:1], None, "x")
    (True, False, False)
    """
    if end is not None or _words(column) & _THROUGH:
        return False
    today = np.datetime64("today", "us")
    return bool((dates < today).any() and (dates > today).any())


def _sample(df: pd.DataFrame, position: int, most: int = 200) -> list:
    """Up to ``most`` distinct values of ``df``'s column at ``position`` (of its first rows), with a blank (None)
    when the column has one."""
    column = df.iloc[:, position]
    text = column.astype("string").str.strip()
    blank = bool((column.isna() | (text == "")).any())
    return ([None] if blank else []) + list(pd.unique(column.dropna().iloc[: most * 20].to_numpy(dtype=object))[:most])


_MONTHLY = frozenset({"monthly", "month", "mrr", "mtl", "monatlich", "mensuel", "mensual", "pm"})


def contract_total(name: Any) -> bool:
    """Whether the column ``name`` says a contract's or a deal's total value (TCV, bookings), which says no month.

    >>> [contract_total(n) for n in ("Total Contract Value", "TCV", "Bookings", "Deal Amount", "MRR", "Contract MRR")]
    [True, True, True, True, False, False]
    """
    words = _words(name)
    if words & _MONTHLY:
        return False
    return bool(
        words & {"tcv", "bookings", "booking", "ltv"}
        or ("contract" in words and words & {"value", "amount", "total", "sum"})
        or ("deal" in words and words & {"value", "amount", "size"})
        or ("lifetime" in words and "value" in words)
    )


def lifetime_total(name: Any) -> bool:
    """Whether the column ``name`` says what a customer has spent in all (Stripe's customers export's "Total Spend",
    Shopify's "Total Spent", "Lifetime Spend", "Amount Spent", "Lifetime Revenue"), which says no month. ("Total
    Paid" is an invoice's or a payment's as often: :mod:`.payment_logs`.)

    >>> [lifetime_total(n) for n in ("Total Spend", "Total Spent", "Amount Spent", "Lifetime Revenue", "Total Paid",
    ...                              "Monthly Spend", "MRR", "Spend")]
    [True, True, True, True, False, False, False, False]
    """
    words = _words(name)
    if words & _MONTHLY:
        return False
    spent = bool(words & {"spend", "spent"} and words & {"total", "amount", "lifetime", "all", "overall"})
    return spent or ("lifetime" in words and bool(words & {"revenue", "spend", "paid", "sales"}))


#: the types of an MRR movements log's rows (ChartMogul, Baremetrics, ProfitWell), spelled as statuses are
MOVEMENTS = frozenset({"new_business", "expansion", "contraction", "churn", "reactivation", "new_biz", "upgrade",
                       "downgrade", "churned", "reactivated", "new"})  # fmt: skip
_MOVEMENT_KINDS = frozenset({"new_business", "expansion", "contraction", "reactivation", "new_biz"})


def movement_column(columns: Iterable[Any], names: Mapping[str, str], values: Callable[[str], list]) -> str | None:
    """The unmapped column whose ``values(column)`` (distinct) are an MRR movements log's types: two of
    :data:`MOVEMENTS` or more, one of them a movement's own (expansion, contraction, new business, reactivation).

    >>> movement_column(["Date", "Activity type"], {}, lambda c: {"Date": ["2026-01-05"],
    ...                 "Activity type": ["New Business", "Expansion", "Churn"]}[c])
    'Activity type'
    """
    from .statuses import SEPARATORS

    used = {key(c) for c in names.values()}
    for column in map(str, columns):
        if key(column) in used:
            continue
        said = {re.sub(SEPARATORS, "_", str(v).strip().lower()) for v in values(column) if isinstance(v, str)}
        said.discard("")
        if len(said) >= 2 and said <= MOVEMENTS and said & _MOVEMENT_KINDS:
            return column
    return None


def refuse_movements_log(
    columns: Iterable[Any], names: Mapping[str, str], source: str, kind: str, values: Callable[[str], list]
) -> str | None:
    """Refuse a subscriptions file (``kind`` snapshots or intervals) that is an MRR movements log
    (:func:`movement_column`): each row a change of MRR, read as subscriptions its expansions add up and its churn
    rows are lost. A snapshots file's such column is returned instead, its rows checked once read
    (:func:`.movement_levels.check_movement_levels`: dbt's ``fct_mrr``, a month's MRR with its movement's word)."""
    from .movement_levels import movements_log_error

    if kind not in ("snapshots", "intervals"):
        return None
    if "mrr" in names and contract_total(names["mrr"]):
        mrr = names["mrr"]
        raise DataError(
            f"{source}: {mrr!r} (taken as mrr) says a contract's total value, not a month's revenue: read as MRR it "
            f"counts the whole contract every month; map mrr to a monthly column (or divide each value by its "
            f"contract's months first)",
            source=source,
            column=mrr,
        )
    if "mrr" in names and lifetime_total(names["mrr"]):  # Stripe's customers export's 'Total Spend' (H170)
        mrr = names["mrr"]
        raise DataError(
            f"{source}: {mrr!r} (taken as mrr) says what each customer has spent in all (a lifetime total, Stripe's "
            f"customers export's 'Total Spend'), not a month's revenue: read as MRR it counts every payment so far "
            f"each month; map mrr to a monthly column, or import the payments with --orders",
            source=source,
            column=mrr,
        )
    column = movement_column(columns, names, values)
    if column is None or kind == "snapshots":
        return column
    shown = ", ".join(sorted({str(v) for v in values(column) if isinstance(v, str) and v.strip()})[:5])
    raise movements_log_error(source, column, shown)
