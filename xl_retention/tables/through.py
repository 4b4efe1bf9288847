"""The month an import stops at (``xl-retention import --through YYYY-MM``).

An export taken on December 2 makes December, two days of it, the tables' last month: its churn is only the churn so
far (a CRR of 100%), the churn average takes its 0% in, and a lifetime value read from it comes out high
(docs/metrics.md, "Months not observed yet"). ``--through 2026-11`` ends every table with November.

Every table is counted month by month from that month and the ones before it only (a month's customers and MRR, its
new, returning and lost customers, its buyers, returning buyers, visitors and answers, a cohort's cell of that
calendar month), so the tables through a month are the whole tables' rows up to it, cohort cells of later calendar
months blank: a sign-up after it is not a customer yet, a customer lost after it is still active at its end (an end
date in December: active through November), orders, visits and answers after it are left out. :func:`cut_tables`
ends a :class:`~xl_retention.workbook.importer.Tables` so, whatever engine computed it, and says what it left out.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ..errors import RetentionInputError

__all__ = ["before_first_month", "cut_tables", "through_argument"]

#: the tables with a row per month (index level ``month``)
_MONTHLY = ("movements", "whole_movements", "purchases", "visits", "nps")
#: the cohort tables (index level ``cohort``, columns: months since sign-up)
_COHORTS = ("customer_cohorts", "revenue_cohorts", "survivors", "order_cohorts", "order_revenue_cohorts")
#: (the table, the input's kind in Tables.sources, the figures of a month left out: column, one, several)
_LEFT_OUT = (
    ("movements", "subscriptions", (("new", "new customer", "new customers"), ("reactivated", "returning", "returning"),
                                    ("lost", "lost", "lost"))),
    ("purchases", "orders", (("buyers", "buyer", "buyers"),)),
    ("visits", "visits", (("visitors", "visitor", "visitors"),)),
    ("nps", "nps", (("responses", "answer", "answers"),)),
)  # fmt: skip
#: the figures that count each month's distinct customers: one who is in two months is in both counts, so several
#: months' are not added up (227 "buyers" for 226 customers, H331's 04) but told month by month
_PER_MONTH = ("reactivated", "lost", "buyers", "visitors")
_YYYY_MM = re.compile(r"(\d{4})-(\d{2})")


def through_argument(value: str, today: Any = None) -> pd.Period:
    """``--through``'s month: text ``YYYY-MM`` (a month 01-12), not after the current month (``today``'s; default the
    run's). Anything else raises :class:`~xl_retention.errors.RetentionInputError` naming the argument and value.

    >>> through_argument("2026-11", today="2026-12-02")
    Period('2026-11', 'M')
    >>> through_argument("2027-01", today="2026-12-02")
    Traceback (most recent call last):
    ...
    xl_retention.errors.RetentionInputError: --through 2027-01 is after the current month, 2026-12: its months have \
not happened yet (the last full month: --through 2026-11)
    """
    from .subscriptions import current_month

    now = pd.Period(ordinal=current_month(today), freq="M")
    text = str(value).strip()
    match = _YYYY_MM.fullmatch(text)
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise RetentionInputError(
            f"--through {value!r} is not a month: give it as YYYY-MM (the last full month: --through {now - 1})",
            "through",
            value,
        )
    month = pd.Period(text, freq="M")
    if month > now:
        raise RetentionInputError(
            f"--through {text} is after the current month, {now}: its months have not happened yet (the last full "
            f"month: --through {now - 1})",
            "through",
            value,
        )
    return month


def _months(index: pd.Index, level: str) -> pd.PeriodIndex:
    """The months of ``index``'s level ``level`` (the whole index when it has no such level) as monthly periods."""
    values = index.get_level_values(level) if level in (index.names or []) else index.get_level_values(-1)
    if isinstance(values, pd.PeriodIndex):
        return values.asfreq("M")
    return pd.PeriodIndex(pd.to_datetime(values.astype(str)), freq="M")


def before_first_month(tables: Any, through: pd.Period) -> str | None:
    """The refusal of ``through`` before an input's first month (none of its months would be imported), or None."""
    for attribute, kind, _ in _LEFT_OUT:
        frame = getattr(tables, attribute, None)
        if frame is None or not len(frame):
            continue
        first = _months(frame.index, "month").min()
        if through < first:
            return (
                f"--through {through} is before {_name(tables, kind)}'s first month, {first}: none of its months "
                f"would be imported (give --through {first} or later, or leave that input out)"
            )
    return None


def _name(tables: Any, kind: str) -> str:
    source = getattr(tables, "sources", {}).get(kind)
    return getattr(source, "name", None) or f"the {kind}"


def _plural(count: int, one: str, several: str) -> str:
    return f"{count} {one if count == 1 else several}"


def _figure(monthly: pd.Series, one: str, several: str, column: str) -> str:
    """The figure ``column`` of the months left out (``monthly``: its value per month): added up where it counts
    events (new customers, answers) or there is one month; else month by month (three months at most) or its
    range a month, a customer of two months being in both counts. Empty where it is 0 in every month.

    >>> months = pd.PeriodIndex(["2026-11", "2026-12"], freq="M")
    >>> _figure(pd.Series([2, 1], index=months), "buyer", "buyers", "buyers")
    '2 buyers in 2026-11, 1 in 2026-12'
    >>> _figure(pd.Series([2, 1], index=months), "answer", "answers", "responses")
    '3 answers'
    """
    counts = [(month, int(value)) for month, value in monthly.items()]
    if not any(value for _, value in counts):
        return ""
    if column not in _PER_MONTH or len(counts) == 1:
        return _plural(sum(value for _, value in counts), one, several)
    if len(counts) <= 3:
        (first, value), rest = counts[0], counts[1:]
        return ", ".join([f"{_plural(value, one, several)} in {first}", *(f"{v} in {m}" for m, v in rest)])
    low, high = min(value for _, value in counts), max(value for _, value in counts)
    return f"{_plural(high, one, several)} a month" if low == high else f"{low} to {high} {several} a month"


def _left_out(tables: Any, through: pd.Period) -> list[str]:
    """What of each input is after ``through``: its months and their figures (:func:`_figure`)."""
    out = []
    for attribute, kind, figures in _LEFT_OUT:
        frame = getattr(tables, attribute, None)
        if frame is None or not len(frame):
            continue
        months = _months(frame.index, "month")
        after = np.asarray(months > through)
        if not after.any():
            continue
        later = months[after].unique().sort_values()
        span = f"{later[0]}" if len(later) == 1 else f"{later[0]} to {later[-1]} ({len(later)} months)"
        said = [_figure(frame.loc[after, column].groupby(months[after]).sum(), one, several, column)
                for column, one, several in figures if column in frame.columns]  # fmt: skip
        counts = f" ({', '.join(text for text in said if text)})" if any(said) else ""
        out.append(f"{span} of {_name(tables, kind)}{counts}")
    return out


def _rows_through(frame: pd.DataFrame, through: pd.Period) -> pd.DataFrame:
    months = _months(frame.index, "month")
    return frame if not len(frame) or months.max() <= through else frame[np.asarray(months <= through)]


def _cohorts_through(frame: pd.DataFrame, through: pd.Period) -> pd.DataFrame:
    """A cohort table ended with ``through``: its later cohorts dropped, the cells of later calendar months blank and
    the months since sign-up as many as the months through it (the table's last cohort is its last month)."""
    if not len(frame):
        return frame
    cohorts = _months(frame.index, "cohort")
    last = cohorts.max()
    if last <= through:
        return frame
    kept = frame[np.asarray(cohorts <= through)]
    width = max(frame.shape[1] - (last - through).n, 0)
    values = kept.iloc[:, :width].to_numpy(dtype=np.float64, copy=True)
    ordinals = np.asarray(cohorts[np.asarray(cohorts <= through)].asi8, dtype=np.int64)
    calendar = ordinals[:, None] + np.arange(width)[None, :]
    values[calendar > through.ordinal] = np.nan
    return pd.DataFrame(values, index=kept.index, columns=frame.columns[:width])


def _scores_through(scores: pd.Series, through: pd.Period) -> pd.Series:
    months = _months(scores.index, "month")
    if not len(scores) or months.max() <= through:
        return scores
    out = scores[np.asarray(months <= through)].copy()
    out.attrs = {
        key: ({m: v for m, v in value.items() if m <= through} if isinstance(value, dict) else value)
        for key, value in scores.attrs.items()
    }
    return out


def cut_tables(tables: Any, through: pd.Period) -> list[str]:
    """End every table of ``tables`` (a :class:`~xl_retention.workbook.importer.Tables`) with ``through``, in place
    (see the module); returns what it left out, one text per input with months after it (empty: none has).

    >>> from types import SimpleNamespace
    >>> months = pd.PeriodIndex(["2026-10", "2026-11", "2026-12"], freq="M", name="month")
    >>> cohorts = pd.DataFrame([[4.0, 3.0, 3.0], [2.0, 1.0, np.nan], [1.0, np.nan, np.nan]],
    ...                        index=months.rename("cohort"))
    >>> t = SimpleNamespace(purchases=pd.DataFrame({"buyers": [4, 3, 5]}, index=months), order_cohorts=cohorts,
    ...                     sources={})
    >>> cut_tables(t, pd.Period("2026-11", "M"))
    ['2026-12 of the orders (5 buyers)']
    >>> t.order_cohorts.to_numpy().tolist(), t.purchases["buyers"].tolist()
    ([[4.0, 3.0], [2.0, nan]], [4, 3])
    """
    left = _left_out(tables, through)
    for attribute in _MONTHLY:
        frame = getattr(tables, attribute, None)
        if frame is not None:
            setattr(tables, attribute, _rows_through(frame, through))
    for attribute in _COHORTS:
        frame = getattr(tables, attribute, None)
        if frame is not None:
            setattr(tables, attribute, _cohorts_through(frame, through))
    if getattr(tables, "scores", None) is not None:
        tables.scores = _scores_through(tables.scores, through)
    return left
