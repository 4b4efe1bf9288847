"""A price taken as MRR beside billing-period columns that show periods of several months.

A subscriptions export without a billing interval column may still write each subscription's current billing
period (Stripe's "Current Period Start (UTC)"/"Current Period End (UTC)", Recurly's ``current_period_started_at``/
``current_period_ends_at``, Chargebee's ``current_term_start``/``current_term_end``), or its last payment's date
and the next one's (Paddle Classic's ``last_payment_date``/``next_payment_date``), and an invoices export each
invoice's "Period Start"/"Period End". A price mapped to ``mrr`` is monthly only when said so (docs/metrics.md,
"Billing intervals"): where such a period spans 2 months or more (a yearly plan's 12, a quarterly's 3), the price
is per period, and read as monthly it counts 12 or 3 times (an invoice of a year: 12 months' MRR in its month,
the customer lost the month after). :func:`refuse_period_spans` refuses it, naming the rows, the spans and the way
out (a monthly column, or a billing interval column with the price mapped as ``amount``). Periods under 2 months
(a month's, a partial first period, a week's) are not read; nor a free trial's (its trial end on or after the
period's end); nor a column whose name says a month or a year (MRR, ARR: :func:`~.revenue.per_month`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import SHOW_ROWS, bad_rows
from .names import columns_option

__all__ = ["LONG_DAYS", "period_columns", "price_per_period", "refuse_period_spans"]

#: A period of this many days or more is 2 months or more (1 January to 1 March: 59 days).
LONG_DAYS = 58
_STARTS = frozenset({"start", "starts", "started", "begin", "began", "begins", "from"})
_ENDS = frozenset({"end", "ends", "ended", "ending", "until", "through", "thru", "to"})
_PERIOD = frozenset({"period", "term", "cycle"})
_FILLER = frozenset({"at", "on", "date", "time", "utc", "gmt", "dt", "ts"})
_SAYS_MONTH_OR_YEAR = frozenset({"mrr", "arr", "acv", "month", "monthly", "months", "mo", "monat", "monatlich",
                                 "mensuel", "mois", "mensual", "mensal", "mensile", "maandelijks"})  # fmt: skip


def _words(name: Any) -> list[str]:
    """A column's lower-case words in order, camel case split (``CurrentPeriodStart``)."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", str(name).replace("\ufeff", "")).lower()
    return [w for w in re.split(r"[^a-z0-9]+", text) if w]


def _shape(name: Any, edge: frozenset[str]) -> tuple[str, ...] | None:
    """The name's words with its one ``edge`` word (a start's or an end's) as ``*``, fillers left out; None unless
    it names a billing period, term or cycle and has one such word."""
    words = _words(name)
    if not _PERIOD & set(words) or "trial" in words or sum(w in edge for w in words) != 1:
        return None
    return tuple("*" if w in edge else w for w in words if w not in _FILLER)


#: A last payment's date and the next one's (Paddle Classic's ``last_payment_date``/``next_payment_date``, "Last
#: Charge Date"/"Next Charge Date", ``previous_billing_date``/``next_billing_date``): the period the last paid.
_LAST = frozenset({"last", "previous", "prev", "latest", "recent"})
_NEXT = frozenset({"next", "upcoming"})
_PAYMENT = frozenset({"payment", "charge", "billing", "bill", "renewal", "invoice", "rebill"})


def _payment_shape(name: Any, edge: frozenset[str]) -> tuple[str, ...] | None:
    """The name's words with its one ``edge`` word (last's or next's) as ``*``, fillers left out; None unless it
    names a payment (charge, billing) date with one such word and no amount."""
    words = _words(name)
    if not _PAYMENT & set(words) or "trial" in words or sum(w in edge for w in words) != 1:
        return None
    if {"amount", "total", "price", "sum", "currency", "status", "id", "method", "count"} & set(words):
        return None
    return tuple("*" if w in edge else w for w in words if w not in _FILLER)


def period_columns(names: Sequence[Any], payments: bool = True) -> list[tuple[str, str]]:
    """The (start, end) column pairs of ``names`` that hold each row's billing period or term, or (``payments``) its
    last payment's date and the next one's (the period the last payment paid for).

    >>> period_columns(["id", "Current Period Start (UTC)", "Current Period End (UTC)", "Trial End (UTC)"])
    [('Current Period Start (UTC)', 'Current Period End (UTC)')]
    >>> period_columns(["current_period_started_at", "current_period_ends_at", "CurrentTermStart", "CurrentTermEnd"])
    [('current_period_started_at', 'current_period_ends_at'), ('CurrentTermStart', 'CurrentTermEnd')]
    >>> period_columns(["Period Start (UTC)", "Period End (UTC)", "Start Date", "End Date"])
    [('Period Start (UTC)', 'Period End (UTC)')]
    >>> period_columns(["last_payment_date", "last_payment_amount", "next_payment_date", "Next Charge Date"])
    [('last_payment_date', 'next_payment_date')]
    """
    pairs = []
    shapes = ((_shape, _STARTS, _ENDS), (_payment_shape, _LAST, _NEXT))
    for shape_of, first, then in shapes if payments else shapes[:1]:
        ends = {shape_of(n, then): str(n) for n in names}
        ends.pop(None, None)
        for name in names:
            shape = shape_of(name, first)
            if shape is not None and shape in ends:
                pairs.append((str(name), ends[shape]))
    return pairs


def price_per_period(name: Any) -> bool:
    """Whether a money column taken as ``mrr`` may be a price per billing period: its name says no month nor year.

    >>> [price_per_period(n) for n in ("Amount", "plan_price", "Total", "MRR", "ARR", "Monthly Price", "mrr_usd")]
    [True, True, True, False, False, False, False]
    """
    return not _SAYS_MONTH_OR_YEAR & set(_words(name))


def refuse_period_spans(
    df: pd.DataFrame,
    typed: dict[str, Any],
    names: dict[str, str],
    source: str,
    read_dates: Callable[[pd.Series, str], np.ndarray],
    trial_end: str | None = None,
) -> None:
    """Refuse a price mapped to ``mrr`` (no billing interval) on rows whose billing period spans 2 months or more
    (see the module docstring); ``read_dates(series, column)`` reads a column of dates, blanks allowed;
    ``trial_end``: the file's column of a free trial's end, if any (a period a trial's is not read)."""
    money = names.get("mrr")
    if money is None or not price_per_period(money):
        return
    from .deal_amounts import refuse_deal_amounts

    refuse_deal_amounts(df, typed, names, source)  # Salesforce's Opportunity 'Amount': a contract's total
    columns = list(map(str, df.columns))
    paid = np.asarray(typed["mrr"], dtype=np.float64)
    paid = ~np.isnan(paid) & (paid != 0)
    for start, end in period_columns(columns):
        begun = np.asarray(read_dates(df.iloc[:, columns.index(start)], start), dtype="datetime64[s]")
        ended = np.asarray(read_dates(df.iloc[:, columns.index(end)], end), dtype="datetime64[s]")
        days = (ended - begun).astype(np.float64) / 86400.0  # NaT: nan
        long = paid & (days >= LONG_DAYS)
        trial = None
        if trial_end is not None:  # a free trial's period: the trial, not the price's
            trial = np.asarray(read_dates(df.iloc[:, columns.index(trial_end)], trial_end), dtype="datetime64[s]")
            long &= np.isnat(trial) | (trial < ended - np.timedelta64(86400, "s"))
        if not long.any():
            _refuse_short_periods(df, typed, names, source, (start, end), (begun, ended, days), paid, trial)
            continue
        rows = np.flatnonzero(long)
        shown = {
            int(p): f"{df.iloc[p, columns.index(money)]} over {str(begun[p])[:10]} to {str(ended[p])[:10]} "
            f"({round(days[p] / 30.44)} months)"
            for p in rows[:SHOW_ROWS]
        }
        if "month" in names:  # one row per customer and month: a payment of several months in one month
            way = (
                "a payment of a year would be 12 months' MRR in its month and the customer lost the month after: "
                "give one row per customer and month the payment covers, with the MRR, or import the rows with "
                "--orders"
            )
        else:
            way = (
                "read as monthly, a yearly price would count 12 times: map mrr to a monthly column, or give a billing "
                f"interval column (month, year) and map the price as amount ({columns_option([('amount', money)])} "
                "with interval=...)"
            )
        problem = (
            f"{money!r} (taken as mrr) is a price per billing period, and {start!r} to {end!r} spans 2 months or more"
        )
        raise bad_rows(source, money, problem, rows, shown, count=len(rows), advice=way)


#: Periods shorter than this many days are shorter than any month (February's 28 days, an hour of summer time less)
SHORT_DAYS = 27.5
#: Lengths of a billing interval shorter than a month, in days: a day's, a week's, two and three weeks'
_INTERVAL_DAYS = np.array([1.0, 7.0, 14.0, 21.0])
SHORT_PROBLEM = (
    "{money!r} (taken as mrr) is a price per billing period, and {start!r} to {end!r} spans less than a month "
    "{why}: read as monthly, a weekly price would count a quarter of what it is: give a billing interval column "
    "(week, month) and map the price as amount ({option} with interval=...), or map mrr to a monthly column; "
    "billing periods shorter than a month"
)


def _refuse_short_periods(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str, pair: tuple[str, str],
    spans: tuple[np.ndarray, np.ndarray, np.ndarray], paid: np.ndarray, trial: np.ndarray | None,
) -> None:  # fmt: skip
    """Refuse a price taken as ``mrr`` in a file of intervals whose billing periods (``pair``: its columns; ``spans``:
    their starts, ends and days) say a plan billed by the week or the day: a period under a month that is not the
    subscription's first (a renewal: it started after the subscription's ``start`` and its trial's end), or a first
    period of exactly 1, 7, 14 or 21 days between two times of day other than midnight. A shorter first period is
    most often a monthly plan's prorated first period up to its billing day (its price stays monthly): read as it
    is, with a note where it lasts a whole number of weeks (a weekly plan's first week reads the same)."""
    if "month" in names or "start" not in typed:  # an invoice's amount by month: what was paid that month
        return
    begun, ended, days = spans
    dated = (begun == begun.astype("datetime64[D]")) & (ended == ended.astype("datetime64[D]"))
    # a date's end may be the period's last day (Braintree's 'Billing Period End Date': 20 February to 19 March is
    # February's month, 27 days apart): a month's period of dates is 27 days or more
    short = paid & (days > 0) & (np.where(dated, days + 1, days) < SHORT_DAYS)
    if trial is not None:  # a free trial's period, and the trial's own: not the price's
        short &= np.isnat(trial) | (trial < ended - np.timedelta64(86400, "s"))
    if not short.any():
        return
    day = np.timedelta64(86400, "s")
    start = np.asarray(typed["start"], dtype="datetime64[s]")
    first = np.abs(begun - start) < day
    if trial is not None:  # the first paid period starts at the trial's end
        first |= ~np.isnat(trial) & (np.abs(begun - trial) < day)
    whole = np.abs(days[:, None] - _INTERVAL_DAYS[None, :]).min(axis=1) * 24 < 1  # within an hour
    timed = (begun != begun.astype("datetime64[D]")) & (ended != ended.astype("datetime64[D]"))
    renewed = short & ~first
    exact = short & first & whole & timed & (np.abs(days - np.round(days)) * 86400 < 1)
    money = names["mrr"]
    columns = list(map(str, df.columns))

    def shown(where: np.ndarray) -> dict[int, str]:
        return {int(p): f"{df.iloc[p, columns.index(money)]} over {str(begun[p])[:10]} to {str(ended[p])[:10]} "
                f"({round(float(days[p]))} days)" for p in where[:SHOW_ROWS]}  # fmt: skip

    said = (
        (renewed, "and is no first period (a renewal: a plan billed by the week or the day)"),
        (exact, "to the second of a whole week or day (a plan billed by the week or the day)"),
    )
    for rows, why in said:
        if rows.any():
            where = np.flatnonzero(rows)
            option = columns_option([("amount", money)])
            problem = SHORT_PROBLEM.format(money=money, start=pair[0], end=pair[1], why=why, option=option)
            raise bad_rows(source, money, problem, where, shown(where), count=len(where))
    weeks = np.flatnonzero(short & first & whole)
    if weeks.size:
        from .notes import note

        what = f"a first billing period ({pair[0]!r} to {pair[1]!r}) of a whole number of weeks or days"
        note(
            f"{bad_rows(source, money, what, weeks, shown(weeks), count=len(weeks))}: read as a monthly plan's "
            f"prorated first period ({money!r} per month); if the plan is billed by the week, give a billing "
            "interval column (week) and map the price as amount"
        )
