"""A subscriptions export's end dates: a column that says when service stopped is used or refused, never ignored.

A subscriptions table read by its ``start`` (one row per subscription) takes ``end`` as the day service stopped; a
blank ``end`` is a subscription still active. An export whose end dates are under another name (Stripe's
"Ended At (UTC)", Recurly's ``expires_at``, ``canceled_at``, ``end_date``) with only ``start`` mapped would count
every subscription as active to this day: no churn, customers and MRR too high. :func:`refuse_unused_end` refuses
such a file, naming the columns and the option that maps one; pandas (:func:`.preparation.prepare`) and the SQL engines
(:mod:`xl_retention.relational.inputs`) call it on the columns' names alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from .errors import ColumnValues, DataError, bad_rows, source_of
from .names import columns_option, key

__all__ = [
    "empty_end_message",
    "end_like_columns",
    "refuse_empty_end",
    "refuse_later_column",
    "refuse_later_ends",
    "refuse_unused_end",
]

#: words of a column naming the day a subscription stopped, best first (the end of service before the request to
#: cancel: Recurly's expires_at is when service stops, its canceled_at when the customer asked)
_END_WORDS = (
    "ended", "end", "ends", "ende", "fin", "fine", "einde", "expired", "expires", "expiry", "expiration", "churned",
    "churn", "terminated", "termination", "stopped", "canceled", "cancelled", "cancellation", "lost",
)  # fmt: skip
#: words that make it another date: a trial's or a billing period's end, a scheduled or requested cancellation, a
#: pause, a discount's end, or not a date at all (a reason, a flag's count)
_OTHER = frozenset({
    "trial", "period", "cancel", "scheduled", "requested", "request", "pause", "paused", "resume", "resumes",
    "coupon", "discount", "promotion", "promo", "invoice", "billing", "reason", "comment", "comments", "note",
    "notes", "feedback", "by", "type", "status", "count", "user", "email", "id", "mrr", "arr", "amount", "revenue",
    "price", "balance", "customers", "value",
})  # fmt: skip
#: words that make the column a date (a flag 'canceled' TRUE/FALSE is not one), in the languages of _END_WORDS
_DATE_WORDS = frozenset({"at", "date", "on", "time", "day", "utc", "timestamp", "dt", "datetime", "datum", "fecha",
                         "data"})  # fmt: skip
#: end words that name a date by themselves ("Service End", "Contract End", "End Of Service": no flag says "end"),
#: and whole names that are an end date in one word (German, Dutch)
_END_ALONE = frozenset({"end", "ends", "ende", "expiry", "expiration", "fin", "fine", "einde"})
_END_NAMES = frozenset({"kündigungsdatum", "kuendigungsdatum", "enddatum", "vertragsende", "austrittsdatum",
                        "einddatum", "opzegdatum", "ablaufdatum"})  # fmt: skip


def end_like_columns(columns: Iterable[object], names: Mapping[str, str]) -> list[str]:
    """The columns of ``columns`` whose name says the day a subscription ended and that are not used
    (``names``: our name -> the file's column), best first (:data:`_END_WORDS`' order).

    >>> end_like_columns(["Customer ID", "Start Date (UTC)", "Ended At (UTC)", "Current Period End (UTC)"],
    ...                  {"start": "Start Date (UTC)"})
    ['Ended At (UTC)']
    >>> end_like_columns(["id", "start", "canceled_at", "expires_at", "canceled"], {"start": "start"})
    ['expires_at', 'canceled_at']
    >>> end_like_columns(["subscriptions.current_term_end", "subscriptions.cancelled_at"], {})
    ['subscriptions.cancelled_at']
    >>> end_like_columns(["Subscription.TermEndDate", "Subscription.CancelledDate"], {})
    ['Subscription.CancelledDate']
    """
    from .renewals import renewal_column
    from .trials import trial_end_columns

    used = {key(c) for c in names.values()}
    found: list[tuple[int, str]] = []
    for column in columns:
        k = key(column)
        if k in used or renewal_column(column):  # a current term's end, the next renewal: not when service stopped
            continue
        if trial_end_columns([column]):  # 'Testphase Ende', 'fin_essai': a trial's end, read as one (reading.trials)
            continue
        camel = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", str(column)).lower()  # Zuora's CancelledDate: cancelled, date
        words = (set(re.split(r"[^\w]+|_", k)) | set(re.split(r"[^\w]+|_", camel))) - {""}
        if words & _END_NAMES and not words & _OTHER:
            found.append((0, str(column)))
            continue
        if words & _OTHER or not (words & _DATE_WORDS or words & _END_ALONE):
            continue
        rank = min((_END_WORDS.index(w) for w in words if w in _END_WORDS), default=None)
        if rank is not None:
            found.append((rank, str(column)))
    return [column for _, column in sorted(found, key=lambda item: item[0])]


def refuse_unused_end(columns: Iterable[object], names: Mapping[str, str], source: str, kind: str) -> None:
    """Refuse a subscriptions table read by its start (``kind`` ``"intervals"``) that uses no ``end`` column while
    a column's name says when subscriptions ended (:func:`end_like_columns`): its subscriptions would never churn.

    >>> refuse_unused_end(["Customer ID", "Start", "Ended At (UTC)"], {"customer_id": "Customer ID",
    ...                   "start": "Start"}, "subs.csv", "intervals")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv: column 'Ended At (UTC)' looks like the day subscriptions \
ended but is not used: without an end every subscription counts as active to this day (no churn); map it: \
--columns 'end=Ended At (UTC)' (in Python: columns={'end': 'Ended At (UTC)'}), or remove the column if it is not \
the day service stopped
    """
    if kind == "snapshots" and "month" in names:
        _refuse_start_as_month(columns, names, source)
        return
    if kind != "intervals" or "end" in names:
        return
    candidates = end_like_columns(columns, names)
    if not candidates:
        return
    best = candidates[0]
    from .renewals import scheduled_cancel

    if (scheduled := scheduled_cancel(best, columns)) is not None:  # Stripe's Canceled At: when it was asked for
        raise DataError(
            f"{source}: column {best!r} is when a cancellation was asked for (beside {scheduled!r}, a subscription "
            "set to cancel at its period's end runs until then), and no column says the day service stopped: without "
            "an end every subscription counts as active to this day (no churn); export the day service stopped "
            f"(Stripe: 'Ended At (UTC)', blank while active) and map it: {columns_option([('end', 'Ended At (UTC)')])}",
            source=source,
            column=best,
        )
    listed = f"column {best!r}" if len(candidates) == 1 else "columns " + ", ".join(map(repr, candidates))
    looks = "looks" if len(candidates) == 1 else "look"
    raise DataError(
        f"{source}: {listed} {looks} like the day subscriptions ended but {'is' if len(candidates) == 1 else 'are'} "
        f"not used: without an end every subscription counts as active to this day (no churn); map "
        f"{'it' if len(candidates) == 1 else 'the day service stopped'}: {columns_option([('end', best)])} "
        f"(in Python: columns={{'end': {best!r}}}), or remove the column if it is not the day service stopped",
        source=source,
        column=best,
    )


#: words of a column naming the day a subscription started
_START_WORDS = frozenset({"start", "started", "starts", "activated", "activation", "began", "signup", "signed"})


def _refuse_start_as_month(columns: Iterable[object], names: Mapping[str, str], source: str) -> None:
    """A snapshots table (one row per customer and month) whose ``month`` is a column named as a start
    (``start_date``) beside a column named as an end (``end_date``): one row per subscription, read by its dates
    (a customer active with no end would be lost the month after their start, an end ignored)."""
    month = names["month"]
    if not set(re.split(r"[^a-z0-9]+", key(month))) & _START_WORDS:
        return
    ends = end_like_columns(columns, names)
    if not ends:
        return
    option = columns_option([("start", month), ("end", ends[0])])
    raise DataError(
        f"{source}: the month is column {month!r}, a start date, and {ends[0]!r} looks like the day subscriptions "
        f"ended: one row per subscription is read by its start and end ({option}); a month column is for one row "
        f"per customer and month",
        source=source,
        column=month,
    )


def empty_end_message(end: str, other: str) -> str:
    """The refusal of an ``end`` column blank in every row beside ``other``, a column of end dates that holds some."""
    return (
        f"the end column {end!r} is blank in every row while {other!r} holds dates of subscriptions that ended: "
        f"without them nobody churns; map the day service stopped: {columns_option([('end', other)])}"
    )


SCHEDULED_PROBLEM = "dates of subscriptions that ended while the end column {end!r} is blank in every row"
SCHEDULED_ADVICE = (
    "without them nobody churns; give those rows their end in {end!r} ({other!r} on a subscription still paying is a "
    "cancellation set for later, not its end)"
)


def refuse_empty_end(df: Any, end: Any, names: Mapping[str, str], source: str, kind: str) -> None:
    """Refuse a subscriptions table whose mapped ``end`` (``end``: the values read, ``datetime64``) is blank in
    every row while another column named as an end (:func:`end_like_columns`) holds a value: a Stripe export's empty
    ``end`` beside its filled ``canceled_at`` would count every subscription as active.

    >>> import numpy as np, pandas as pd
    >>> frame = pd.DataFrame({"end": [None, None], "canceled_at": [None, "2026-02-03"]})
    >>> refuse_empty_end(frame, np.array(["NaT", "NaT"], dtype="datetime64[us]"), {"end": "end"}, "s.csv", "intervals")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv: the end column 'end' is blank in every row while 'canceled_at' \
holds dates of subscriptions that ended: without them nobody churns; map the day service stopped: --columns \
end=canceled_at
    """
    import numpy as np

    if kind != "intervals" or "end" not in names or end is None or not len(end):
        return
    if not np.isnat(np.asarray(end, dtype="datetime64[us]")).all():
        return
    from .months import EVERY_MONTH_OBSERVED
    from .scheduled_ends import ended_rows

    if df.attrs.get(EVERY_MONTH_OBSERVED):  # a segment's rows: the whole file's ends were checked (relational.segments)
        return
    for other in end_like_columns(df.columns, names):
        ended, later = ended_rows(df, other)  # a 'Canceled At' on an active row is a cancellation set for later
        if ended.any() and later.any():  # mapped as the end, those would be refused: the ends go in the end column
            problem = SCHEDULED_PROBLEM.format(end=names["end"])
            advice = SCHEDULED_ADVICE.format(end=names["end"], other=other)
            where = source_of(df, source)
            raise bad_rows(where, other, problem, np.flatnonzero(ended), ColumnValues(df[other]), advice=advice)
        if ended.any():
            raise DataError(f"{source}: {empty_end_message(names['end'], other)}", source=source, column=names["end"])


#: words of an end-like column that is no subscription's: a payment card's expiry
_NOT_SERVICE = frozenset({"card", "cc", "credit", "payment", "method", "token", "passport", "license", "licence"})
LATER_END = (
    "dates of a later month than the end mapped, {end!r}, on rows that ended, a month more active (a subscription "
    "cancelled on {end!r} that served until {column!r}, as Recurly's canceled_at and expires_at, Stripe's 'Canceled "
    "At' and 'Ended At': the months it paid would count as lost)"
)
#: What to do about :data:`LATER_END`, after its rows and values.
LATER_END_ADVICE = "map the day service stopped, {option}, or remove this column if it is not"
#: :data:`LATER_END`'s advice for a paid-through date (refused as the end: an active subscription renews then)
PAID_THROUGH_ADVICE = (
    "if service ran until {column!r} on those rows, write its date in {end!r} there (mapped as the end, a paid-through "
    "date is refused: an active subscription renews then), or remove this column if service stopped on {end!r}"
)


def refuse_later_ends(
    df: Any, typed: Mapping[str, Any], names: Mapping[str, str], source: str, read_dates: Any
) -> None:  # fmt: skip
    """Refuse an intervals file whose mapped ``end`` is, on rows that ended, before another unmapped column named as
    the day service stopped (:func:`end_like_columns`) by a month counted active: the request to cancel mapped as the
    end beside the day service stopped (Recurly's ``canceled_at`` beside ``expires_at``), whose months paid between the
    two would count as lost; a row continued that day by the customer's next (a plan change) loses no month. Rows of
    one customer over the same dates that unmapped columns of their own period split into segments are refused first
    (:func:`.charge_segments.refuse_spanned_segments`). ``read_dates(series, column)`` reads a column of dates,
    blanks allowed; a column it cannot read is no end.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"canceled_at": ["2026-02-01", ""], "expires_at": ["2026-03-10", ""]})
    >>> typed = {"start": np.array(["2026-01-10", "2026-01-15"], dtype="datetime64[us]"),
    ...          "end": np.array(["2026-02-01", "NaT"], dtype="datetime64[us]")}
    >>> read = lambda s, c: pd.to_datetime(s.replace("", None)).to_numpy()
    >>> refuse_later_ends(frame, typed, {"end": "canceled_at"}, "s.csv", read)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'expires_at': dates of a later month than the end mapped, \
'canceled_at', on rows that ended, a month more active (...) in row 2 (counting the header as row 1): '2026-03-10': \
map the day service stopped, --columns end=expires_at, or remove this column if it is not
    """
    if "end" not in typed or "end" not in names:
        return
    from .charge_segments import refuse_spanned_segments

    refuse_spanned_segments(df, typed, names, source, read_dates)  # segments mapped over the whole subscription
    end = np.asarray(typed["end"], dtype="datetime64[us]")
    if np.isnat(end).all():
        return
    columns = [str(c) for c in df.columns]
    for column in end_like_columns(columns, names):
        if set(re.split(r"[^\w]+|_", key(column))) & _NOT_SERVICE:
            continue
        try:
            dates = np.asarray(read_dates(df.iloc[:, columns.index(column)], column), dtype="datetime64[us]")
        except (DataError, ValueError, TypeError):
            continue  # not dates: no end
        refuse_later_column(df, typed, names, source, column, dates)


def refuse_later_column(
    df: Any, typed: Mapping[str, Any], names: Mapping[str, str], source: str, column: str, dates: Any,
    advice: str | None = None,
) -> None:  # fmt: skip
    """Refuse the unmapped ``column`` of ``df`` (``dates``: its values read, ``datetime64``) where, on rows that ended,
    it is of a later month than the mapped ``end`` by a month counted active (:data:`LATER_END`): named as an end
    (:func:`refuse_later_ends`) or found by its values whatever its name (FastSpring's "Deactivation Date", "Valid
    Until", "Paid Through": :func:`.unmapped.refuse_unused_dates`). A row continued that day by the customer's next
    (a plan change) loses no month. ``advice``: what to do, when mapping ``column`` as the end would not do
    (:data:`LATER_END_ADVICE` by default)."""
    from .paused_phases import followed_by_phase

    end = np.asarray(typed["end"], dtype="datetime64[us]")
    begun = np.asarray(typed["start"], dtype="datetime64[us]")
    dates = np.asarray(dates, dtype="datetime64[us]")
    both = ~np.isnat(end) & ~np.isnat(dates)
    later = both & (_last_month(dates, begun) > _last_month(end, begun))  # a month more counted active
    if later.any():  # a segment continued that day by the customer's next (a plan change): no month lost
        later &= ~followed_by_phase(df, typed, names, customers=True)  # (reading.paused_phases)
    if later.any():
        option = columns_option([("end", column)])
        problem = LATER_END.format(end=names["end"], column=column)
        advice = advice or LATER_END_ADVICE.format(option=option)
        shown = df.iloc[:, [str(c) for c in df.columns].index(column)].to_numpy()
        raise bad_rows(source, column, problem, np.flatnonzero(later), shown, advice=advice)


def _last_month(end: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The last month counted active of service from ``start`` to ``end``: the month before the end's, or the start's
    (joined and left within a month: active that month)."""
    return np.maximum(end.astype("datetime64[M]") - np.timedelta64(1, "M"), start.astype("datetime64[M]"))


NO_SERVICE = (
    "an end at the start, with an MRR (a subscription of no service: cancelled as it began, or a payment that failed?"
    " it would count as a customer and MRR in its month): remove these rows, or give the day service stopped"
)


def check_end_dates(typed: Mapping[str, Any], names: Mapping[str, str], source: str, shown: Any = None) -> None:
    """Refuse intervals with an end before their start, then with an end at their start and an MRR (no service:
    :data:`NO_SERVICE`), quoting ``shown()`` (the end column as the file writes it, ``15/01/2025``), else the dates
    read.

    >>> typed = {"start": np.array(["2025-02-01"], "datetime64[us]"), "end": np.array(["2025-01-15"], "datetime64[us]"),
    ...          "mrr": np.array([20.0])}
    >>> try:
    ...     check_end_dates(typed, {"end": "Ended"}, "s.csv", lambda: ["15/01/2025"])
    ... except DataError as error:
    ...     print(error)
    s.csv, column 'Ended': an end before the start in row 2 (counting the header as row 1): '15/01/2025'
    """
    if "end" not in typed:
        return
    start, end = np.asarray(typed["start"]), np.asarray(typed["end"])
    has_end = ~np.isnat(end)
    for problem, wrong in (
        ("an end before the start", has_end & (end < start)),
        (NO_SERVICE, has_end & (end == start) & (np.asarray(typed["mrr"], dtype=np.float64) > 0)),
    ):
        if wrong.any():
            raise bad_rows(source, names["end"], problem, np.flatnonzero(wrong), end if shown is None else shown())
