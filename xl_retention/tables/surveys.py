"""Survey answers: NPS per month (``date, score``, one row per answer).

Scores are whole numbers from 0 to 10; a blank score is skipped (no answer); TRUE/FALSE,
text and anything else are refused naming the rows (:func:`xl_retention.reading.parse_numbers`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .. import metrics as _metrics
from ..errors import ReadingNoteWarning, user_stacklevel
from ..reading import ReadOptions, bad_rows, source_of
from ..reading.date_arguments import month_argument
from ..reading.notes import collecting, note, python_wording
from ._counts import check_balance, checked_counts
from ._keywords import checked_keywords
from ._months import (
    MonthLike,
    _Codes,
    _defined,
    _group_by_month,
    _month_arg,
    _month_index,
    _month_range,
    keyed_counts,
    month_ordinals,
    refuse_outside_data,
)
from ._split import prepared

__all__ = ["ANSWER_DATES", "ZONED", "NPS_COLUMNS", "NPS_COUNTS", "nps_by_month", "nps_from_counts", "scores_by_month"]

NPS_COLUMNS: tuple[str, ...] = ("responses", "promoters", "passives", "detractors", "nps", "nps_moe")
#: The counts every engine computes; :func:`nps_from_counts` makes the scores.
NPS_COUNTS: tuple[str, ...] = NPS_COLUMNS[:4]


@checked_keywords
def nps_by_month(
    answers: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    confidence: float = 0.95,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """NPS per month from survey answers (``date, score``, one row per answer).

    Scores are whole numbers from 0 to 10; a blank score is skipped (no answer), anything
    else is a :class:`DataError`. Columns of :data:`NPS_COLUMNS`: ``responses``,
    ``promoters`` (9-10), ``passives`` (7-8), ``detractors`` (0-6), ``nps`` and ``nps_moe``
    (margin of error at ``confidence``), from the core ``nps_breakdown``, ``nps`` and
    ``nps_moe``; NaN in a month without responses.

    >>> answers = pd.DataFrame({"date": ["2024-01-05"] * 7, "score": [10, 9, 9, 8, 7, 6, 3]})
    >>> nps_by_month(answers).round(4).to_dict("records")
    [{'responses': 7, 'promoters': 3, 'passives': 2, 'detractors': 2, 'nps': 14.2857, 'nps_moe': 61.7079}]
    """
    by_month = scores_by_month(answers, start, end, columns=columns, source=source, options=options)
    _warn_edge_months(by_month, source)
    counts = {name: np.zeros(len(by_month), dtype=np.int64) for name in NPS_COUNTS}
    for i, month_scores in enumerate(by_month):
        if month_scores.size:
            b = _metrics.nps_breakdown(month_scores)
            counts["responses"][i], counts["promoters"][i] = b.responses, b.promoters
            counts["passives"][i], counts["detractors"][i] = b.passives, b.detractors
    return nps_from_counts(pd.DataFrame(counts, index=by_month.index), confidence)


def _warn_edge_months(by_month: pd.Series, source: str) -> None:
    """Warn (:class:`~xl_retention.errors.ReadingNoteWarning`) of a last month holding only answers of the data's
    first day, or a first month only of its last day: the hours ``options=ReadOptions(timezone=...)`` moved there
    from a file exported by UTC days (:func:`~xl_retention.workbook.spilled_answers.edge_notes`, the import's note
    on a tracker's answers). The import, which notes it on the tracker it writes, collects no warning here."""
    if (by_month.map(len) > 0).sum() < 2:
        return
    from ..workbook.spilled_answers import edge_notes

    found = edge_notes(by_month, by_month.attrs.get(ANSWER_DATES, {}), source, bool(by_month.attrs.get(ZONED)))
    if collecting():  # the import (--to-csv): its notes, as --into's (H330's finding 01: no word before)
        for text in found:
            note(text)
        return
    for text in found:
        text = re.sub(r"--through (\S+?)\)", r"end='\1')", text)  # this function's argument
        warnings.warn(python_wording(text), ReadingNoteWarning, stacklevel=user_stacklevel())


def nps_from_counts(counts: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """The NPS table (:data:`NPS_COLUMNS`) from ``responses, promoters, passives, detractors`` per month.

    ``nps`` and ``nps_moe`` from the core :func:`~xl_retention.metrics.nps_from_counts` and
    :func:`~xl_retention.metrics.nps_moe_from_counts` (the formulas of ``NPS`` and ``NPS_MOE``),
    NaN in a month without responses. Every engine counts and this one function makes the
    scores. Same index as ``counts``; a missing column is a :class:`KeyError`; a count that is no whole number >= 0,
    or ``responses`` other than ``promoters + passives + detractors``, an
    :class:`~xl_retention.errors.OutOfRangeError` naming the month.

    >>> nps_from_counts(pd.DataFrame({"responses": [7, 0], "promoters": [3, 0], "passives": [2, 0],
    ...                               "detractors": [2, 0]}))["nps"].round(4).tolist()
    [14.2857, nan]
    """
    counts = keyed_counts(counts)  # a SQL result's month (and segment) columns: the index
    missing = [c for c in NPS_COUNTS if c not in counts.columns]
    if missing:
        raise KeyError(f"counts has no column {missing[0]!r} (needs {', '.join(NPS_COUNTS)})")
    df = checked_counts(counts, NPS_COUNTS)  # whole numbers >= 0, naming the month otherwise
    check_balance(df, "responses", [("promoters", 1), ("passives", 1), ("detractors", 1)])
    some = df["responses"] > 0
    df["nps"] = _defined(_metrics.nps_from_counts, some, df["promoters"], df["detractors"], df["responses"])
    df["nps_moe"] = _defined(
        lambda p, d, n: _metrics.nps_moe_from_counts(p, d, n, confidence),
        some,
        df["promoters"],
        df["detractors"],
        df["responses"],
    )
    return df[list(NPS_COLUMNS)]


@checked_keywords
def scores_by_month(
    answers: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.Series:
    """Each month's survey scores (a float array, in the answers' order), from ``date, score`` answers.

    Validated as in :func:`nps_by_month` (whole scores 0-10, blank scores skipped).

    >>> answers = pd.DataFrame({"date": ["2024-01-05", "2024-03-01"], "score": [10, 6]})
    >>> scores_by_month(answers).map(lambda s: s.tolist()).to_dict()
    {Period('2024-01', 'M'): [10.0], Period('2024-02', 'M'): [], Period('2024-03', 'M'): [6.0]}
    """
    source = source_of(answers, source)  # a sheet's table: its rows are named as the sheet's
    start, end = month_argument(start, "start", options), month_argument(end, "end", options)  # '01/02/2025'
    df, names = prepared(answers, "answers", columns, source, options, "nps_by_month")  # tables._split
    scores = df["score"].to_numpy()
    with np.errstate(invalid="ignore"):
        wrong = ~np.isnan(scores) & ((scores < 0) | (scores > 10) | (scores != np.round(scores)))
    if wrong.any():
        raise bad_rows(source, names["score"], "scores outside 0-10 or not whole", np.flatnonzero(wrong), scores)
    months = month_ordinals(df["date"].to_numpy())
    if months.size and (start is not None or end is not None):  # months outside the data's are not months of none
        asked = _month_arg("start", start), _month_arg("end", end)
        refuse_outside_data(*asked, int(months.min()), int(months.max()), source, "answers")
    shown = _month_range(months, start, end)  # rows with a blank score still count for the months shown
    first, last = shown.low + shown.first, shown.low + shown.last
    keep = ~np.isnan(scores) & (months >= first)  # earlier months carry no state for NPS
    months, scores = months[keep], scores[keep]
    every = (pd.Period(ordinal=first, freq="M"), pd.Period(ordinal=last, freq="M")) if shown.span else (None, None)
    no_ids = _Codes(np.zeros(months.size, np.int64), 1)
    grouped = _group_by_month(months, no_ids, scores, *every, source=source, column=names["date"])
    rng = grouped.range
    values = [grouped.values[grouped.bounds[m] : grouped.bounds[m + 1]] for m in range(rng.first, rng.last + 1)]
    out = pd.Series(values, index=_month_index(rng), dtype=object, name="scores")
    out.attrs[ANSWER_DATES] = _dates_by_month(out, months, scores, df["date"].to_numpy()[keep])
    out.attrs[ZONED] = bool(options is not None and options.timezone)  # --timezone moved the dates (edge_notes)
    return out


#: The key of :func:`scores_by_month`'s ``attrs`` that holds each month's answer dates, in its scores' order (an
#: import matches a re-export's answers with a tracker's by their date order: workbook.kept_answers).
ANSWER_DATES = "answer_dates"
#: The key of :func:`scores_by_month`'s ``attrs`` saying the answers' dates were moved to a time zone (``timezone``):
#: an edge month of a few hours is then explained by it (workbook.spilled_answers).
ZONED = "answers_zoned"


def _dates_by_month(
    scores: pd.Series, months: np.ndarray, values: np.ndarray, dates: np.ndarray
) -> dict[pd.Period, np.ndarray]:
    """Each month's answer dates (int64 nanoseconds) beside ``scores``' values of that month, in the same order; a
    month whose values the stable grouping here does not give as ``scores`` has (rows after its end) none."""
    order = np.argsort(months, kind="stable")
    months, values = months[order], values[order]
    stamps = np.asarray(dates).astype("datetime64[ns]").astype(np.int64)[order]
    out = {}
    for month, given in scores.items():
        low, high = np.searchsorted(months, [month.ordinal, month.ordinal + 1])
        if high - low == len(given) and np.array_equal(values[low:high], np.asarray(given, dtype=np.float64)):
            out[month] = stamps[low:high]
    return out
