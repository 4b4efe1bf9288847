"""A subscription's renewal date mapped as its end: active customers would churn at their next renewal.

A billing export has, beside the day service stopped (Stripe's "Ended At (UTC)", Chargebee's
``subscriptions.cancelled_at``, Recurly's ``expires_at``), the end of each subscription's current billing term or
period: the day an active subscription renews (Stripe's "Current Period End (UTC)", Chargebee's
``current_term_end`` and ``next_billing_at``, Recurly's and Maxio's ``current_period_ends_at``, Maxio's
``next_assessment_at``, Paddle's ``next_bill_date`` and ``next_billed_at``, Zuora's ``TermEndDate``, Braintree's
"Next Billing Date" and "Paid Through Date", WooCommerce's "Next Payment Date", Lemon Squeezy's ``renews_at``).
Read as the end, every active subscription is lost at its renewal: an export a few weeks old loses most of its
customers in the current month, silently. So (:func:`check_renewal_ends`):

* a column named as such a date (:func:`renewal_column`) is never suggested as the end, and mapped as the end it is
  refused where a subscription that has not ended (its status is not cancelled, expired, non-renewing, ...; or the
  file has no status, unless the name says only a term's end, :func:`term_end_only`) would be counted lost by it
  (its date in the current month or before), naming the file's column of the day service stopped when it has one;
* whatever its name, an end date already past on a row whose status says the subscription is active (``active``,
  ``past_due``, ``live``: not cancelled, not set to end) contradicts the status, and is refused: either the end is a
  renewal date or the export is older than the date (export it again).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import status_words as words
from .errors import bad_rows
from .names import columns_option

__all__ = [
    "RUNNING",
    "STOPPED",
    "check_renewal_ends",
    "renewal_column",
    "renewal_problem",
    "running_problem",
    "scheduled_cancel",
    "term_end_only",
]

#: Statuses of a subscription that runs on, not cancelled nor set to end (a non_renewing one ends at its term's end).
_RUNNING = ("active", "paid", "past_due", "live", "renewing", "current", "in_grace_period")
RUNNING = frozenset(_RUNNING) | frozenset("wc_" + status for status in _RUNNING) | words.PAYING
#: Statuses of a subscription that ended or is set to end: its renewal date, if any, is the end of its service.
_STOPPED = ("canceled", "cancelled", "expired", "ended", "terminated", "deleted", "churned", "inactive",
            "non_renewing", "pending_cancel", "pending_cancellation", "on_hold_cancel")  # fmt: skip
STOPPED = frozenset(_STOPPED) | frozenset("wc_" + status for status in _STOPPED) | words.ENDED

#: words that make a date column a renewal date by themselves (next billing, renews at)
_NEXT = frozenset({"next", "renews", "renewal", "renew", "renewing", "rebill", "upcoming"})
#: words of an end, which with a billing term's or period's word make the end of the current term or period
_END = frozenset({"end", "ends", "ending", "enddate", "until", "through", "thru"})
_TERM = frozenset({"term", "period", "cycle", "paid", "billing"})


def _words(name: Any) -> set[str]:
    """The lower-case words of a column's name, camel case split (``TermEndDate``: term, end, date), a Chargebee or
    Zuora object prefix (``subscriptions.``, ``Subscription.``) dropped."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", str(name).replace("\ufeff", ""))
    return set(re.split(r"[^a-z0-9]+", text.lower())) - {""}


def renewal_column(name: Any) -> bool:
    """Whether the column ``name`` is the end of a subscription's current billing term or period, or its next
    renewal (the module docstring lists them), not the day service stopped.

    >>> [renewal_column(n) for n in ("subscriptions.current_term_end", "Current Period End (UTC)",
    ...  "current_period_ends_at", "next_bill_date", "Subscription.TermEndDate", "Paid Through Date", "renews_at")]
    [True, True, True, True, True, True, True]
    >>> [renewal_column(n) for n in ("subscriptions.cancelled_at", "Ended At (UTC)", "expires_at", "end_date",
    ...  "Cancel At Period End", "Current Period Start (UTC)")]
    [False, False, False, False, False, False]
    """
    words = _words(name)
    if words & {"cancel", "canceled", "cancelled", "cancellation", "ended", "expires", "expired", "start", "starts"}:
        return False
    return bool(words & _NEXT) or bool(words & _TERM and words & _END)


def term_end_only(name: Any) -> bool:
    """Whether renewal column ``name`` names only a term's end (Zuora's ``TermEndDate``, "Term End"): a contract's
    last day in a file of one's own, a renewal in a billing system's; told apart by a status column only (a term's
    end on a row that says active). Not a current term's end, a billing period's or a next renewal.

    >>> term_end_only("Subscription.TermEndDate"), term_end_only("current_term_end"), term_end_only("Contract End")
    (True, False, False)
    """
    words = _words(name)
    return renewal_column(name) and words & (_TERM | _NEXT | {"current"}) == {"term"}


def renewal_parts(other: str | None) -> tuple[str, str]:
    """The refusal of a renewal column mapped as the end, as the problem its rows follow and the advice after them;
    ``other``: the file's column of the day service stopped."""
    remedy = (
        f"map the day service stopped: {columns_option([('end', other)])}"
        if other
        else "map the day service stopped (the day a subscription was cancelled or expired, blank while active)"
    )
    return (
        "the end of a subscription's current billing term or period (the day it renews while it is active), not the "
        "day service stopped, on subscriptions that have not ended",
        f"as the end, active subscriptions would be lost at their renewal; {remedy}",
    )


def renewal_problem(other: str | None) -> str:
    """:func:`renewal_parts` in one text ending in the rows' noun (the engine path's, relational.mirrors)."""
    problem, advice = renewal_parts(other)
    noun = "subscriptions that have not ended"
    return f"{problem.removesuffix(f', on {noun}')}: {advice}; {noun}"


def scheduled_cancel(end: str, columns: Iterable[object]) -> str | None:
    """Where the end (column ``end``) is named as a cancellation (Stripe's "Canceled At (UTC)": when it was asked for)
    and the file has a column of a cancellation set for later (Stripe's "Cancel At Period End", "Cancel At (UTC)"),
    that column's name; None otherwise. Stripe: "If the subscription has been canceled with the
    cancel_at_period_end flag set to true, canceled_at will reflect the time of the most recent update request, not
    the end of the subscription period" (its subscription object's reference): an active row's past 'Canceled At'
    is a subscription set to end, not one that runs on.

    >>> scheduled_cancel("Canceled At (UTC)", ["Status", "Canceled At (UTC)", "Cancel At Period End"])
    'Cancel At Period End'
    >>> scheduled_cancel("Ended At (UTC)", ["Canceled At (UTC)", "Cancel At Period End"]) is None
    True
    """
    said = _words(end)
    if not said & {"canceled", "cancelled", "cancellation"} or said & {"ended", "end", "expires", "expired"}:
        return None
    found = [str(c) for c in columns if "cancel" in _words(c) and not _words(c) & {"canceled", "cancelled"}]
    return found[0] if found else None


def running_parts(end: str, status: str, other: str | None, scheduled: str | None = None) -> tuple[str, str]:
    """The refusal of active rows whose end (column ``end``) has passed, as the problem its rows follow and the
    advice after them; ``status``: the status column's name; ``scheduled``: :func:`scheduled_cancel`'s column."""
    remedy = f" ({columns_option([('end', other)])})" if other else ""
    if scheduled is not None:  # Stripe's 'Canceled At' of a subscription set to cancel at its period's end
        return (
            f"end dates already past on subscriptions whose status ({status!r}) says active: {end!r} is when a "
            f"cancellation was asked for, and beside {scheduled!r} such a subscription runs until its period's end",
            f"map the day service stopped instead{remedy or ' (Stripe: Ended At (UTC), blank while active)'}; if the "
            "export is older than these dates, export it again",
        )
    return (
        f"end dates already past on subscriptions whose status ({status!r}) says active, not cancelled nor set to end",
        f"if {end!r} is a renewal or billing period's end, map the day service stopped instead{remedy}; if the "
        f"export is older than these dates, export it again",
    )


def running_problem(end: str, status: str, other: str | None, scheduled: str | None = None) -> str:
    """:func:`running_parts` in one text (the engine path's, relational.mirrors)."""
    problem, advice = running_parts(end, status, other, scheduled)
    return f"{problem}: {advice}"


def _today(today: Any) -> np.datetime64:
    """The run's date (``today``: a date, ``'YYYY-MM-DD'``, ``'YYYY-MM'`` or a Period: its first day)."""
    if today is None:
        return np.datetime64(pd.Timestamp.today().normalize().date(), "us")
    if isinstance(today, pd.Period):
        return np.datetime64(today.start_time.normalize(), "us")
    return np.datetime64(pd.Timestamp(str(today)).normalize(), "us")


def other_end(columns: Iterable[object], names: Mapping[str, str]) -> str | None:
    """The file's column of the day service stopped, not the mapped end (:func:`.ends.end_like_columns`)."""
    from .ends import end_like_columns

    found = end_like_columns(columns, names)
    return found[0] if found else None


def check_renewal_ends(
    df: pd.DataFrame, end: Any, names: Mapping[str, str], source: str, today: Any = None, continued: Any = None
) -> None:
    """Refuse an ``end`` (the values read from ``names['end']``, ``datetime64``) that is a renewal date (see the
    module docstring), on the rows of ``df`` it would count as lost by ``today`` (default: the run's date).
    ``continued``: whether each row ends the day another row of its subscription or customer starts
    (:func:`.paused_phases.followed_by_phase`; or a function giving it, called only where an active row's end has
    passed): a subscription's status is its last phase's, so an ended earlier phase (Zuora's rate plan charge
    segment ended by an amendment) beside an 'Active' status is no contradiction, and such an end loses no one.

    >>> frame = pd.DataFrame({"status": ["active", "cancelled"], "current_term_end": ["2026-11-05", "2026-09-12"],
    ...                       "cancelled_at": [None, "2026-09-12"]})
    >>> ends = np.array(["2026-11-05", "2026-09-12"], dtype="datetime64[us]")
    >>> check_renewal_ends(frame, ends, {"end": "current_term_end"}, "subs.csv", "2026-11-20")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.csv, column 'current_term_end': the end of a subscription's current \
billing term or period (the day it renews while it is active), not the day service stopped, on subscriptions that \
have not ended in row 2 (counting the header as row 1): '2026-11-05': as the end, active subscriptions would be lost \
at their renewal; map the day service stopped: --columns end=cancelled_at
    >>> check_renewal_ends(frame, ends, {"end": "current_term_end"}, "subs.csv", "2026-10-20")  # renews next month
    >>> check_renewal_ends(frame.rename(columns={"current_term_end": "end"}), ends, {"end": "end"}, "s.csv",
    ...                    "2026-11-20")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'end': end dates already past on subscriptions whose \
status ('status') says active, not cancelled nor set to end in row 2 (counting the header as row 1): '2026-11-05': if \
'end' is a renewal or billing period's end, map the day service stopped instead (--columns end=cancelled_at); if the \
export is older than these dates, export it again
    """
    from .statuses import spelled, status_columns

    column = names.get("end")
    if column is None:  # a contract's term, a renewal deal: open-ended, stacked (reading.open_contracts)
        from .open_contracts import refuse_open_contracts

        refuse_open_contracts(df, names, source)
    if column is None or end is None or not len(end):
        return
    ends = np.asarray(end, dtype="datetime64[us]")
    dated = ~np.isnat(ends)
    if not dated.any():
        return
    now = _today(today)
    statuses = [spelled(df.iloc[:, [str(c) for c in df.columns].index(n)]) for n in status_columns(df.columns)]
    shown = df[column].to_numpy() if column in df.columns else ends
    other = other_end(df.columns, names)
    if renewal_column(column) and (statuses or not term_end_only(column)):
        month_end = (now.astype("datetime64[M]") + 1).astype("datetime64[us]")
        stopped = np.zeros(len(df), dtype=bool)
        for said in statuses:
            stopped |= np.isin(said, list(STOPPED))
        rows = np.flatnonzero(dated & (ends < month_end) & ~stopped)  # counted lost by the current month
        if rows.size:
            problem, advice = renewal_parts(other)
            raise bad_rows(source, column, problem, rows, shown, advice=advice)
    last = None  # the rows no later phase continues, found where an active row's end has passed
    for name, said in zip(status_columns(df.columns), statuses, strict=True):
        rows = np.flatnonzero(dated & (ends < now) & np.isin(said, list(RUNNING)))
        if rows.size and continued is not None:
            if last is None:
                last = ~np.asarray(continued() if callable(continued) else continued, dtype=bool)
            rows = rows[last[rows]]
        if rows.size:
            problem, advice = running_parts(column, name, other, scheduled_cancel(column, df.columns))
            raise bad_rows(source, column, problem, rows, shown, advice=advice)
