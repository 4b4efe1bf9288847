"""Segments of one subscription mapped over the subscription's whole span: each would count from its start.

A subscription amended mid-term is exported as one row per charge segment (Zuora's rate plan charges: Pro at MRR 100
effective 2026-06-15 to 2026-09-15, Enterprise at 150 from 2026-09-15), each row carrying the subscription's own start
and end too. Mapped with the subscription's dates (``Subscription: Subscription Start Date``), both segments counted
from June: new MRR 400 for 250 and no September expansion, silently (H254 finding 03). :func:`refuse_spanned_segments`
refuses rows of one customer with the same mapped start and end whose unmapped start and end columns of another
period, named alike (``... Effective Start Date`` and ``... Effective End Date``), follow each other (one ends the day,
or the day before, the next starts), naming the rows and the mapping of each segment's own dates. Charges that run
side by side over the same dates (a base plan and an add-on) are no segments and add up as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, bad_rows
from .names import columns_option, key

__all__ = ["period_pairs", "refuse_spanned_segments", "segment_dates"]

_END = re.compile(r"(?<![a-z0-9])(end|ends|ended)(?![a-z0-9])")
_AS_START = {"end": "start", "ends": "starts", "ended": "started"}


def period_pairs(columns: Sequence[Any], names: Mapping[str, str]) -> list[tuple[str, str]]:
    """The unmapped columns of ``columns`` named as the start and the end of one period, alike but for the word
    (``Effective Start Date`` and ``Effective End Date``, ``current_term_start`` and ``current_term_end``).

    >>> period_pairs(["S: Start Date", "S: End Date", "C: Effective Start Date", "C: Effective End Date"],
    ...              {"start": "S: Start Date", "end": "S: End Date"})
    [('C: Effective Start Date', 'C: Effective End Date')]
    """
    from .ends import end_like_columns

    listed = [str(c) for c in columns]
    mapped = set(map(str, names.values()))
    by_key = {key(c): c for c in listed if c not in mapped and listed.count(c) == 1}
    pairs = []
    for end in end_like_columns(listed, names):
        if end not in by_key.values():
            continue
        start = by_key.get(_END.sub(lambda m: _AS_START[m.group(1)], key(end)))
        if start is not None and start != end:
            pairs.append((start, end))
    return pairs


def refuse_spanned_segments(
    df: pd.DataFrame,
    typed: Mapping[str, Any],
    names: Mapping[str, str],
    source: Any,
    read_dates: Callable[[Any, str], Any],
) -> None:
    """Refuse an intervals file's rows of one customer with the same ``start`` and ``end`` whose columns of a period
    of their own (:func:`period_pairs`) follow each other (see the module docstring). ``read_dates(series, column)``
    reads a column of dates, blanks allowed; a column it cannot read is no period.

    >>> df = pd.DataFrame({"Effective Start": ["2026-06-15", "2026-09-15"], "Effective End": ["2026-09-15", ""]})
    >>> typed = {"customer_id": np.array(["C", "C"], dtype=object),
    ...          "start": np.array(["2026-06-15"] * 2, dtype="datetime64[us]"),
    ...          "end": np.array(["NaT"] * 2, dtype="datetime64[us]")}
    >>> read = lambda s, c: pd.to_datetime(s.replace("", None)).to_numpy()
    >>> refuse_spanned_segments(df, typed, {"start": "Start", "end": "End"}, "z.csv", read)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: z.csv, column 'Effective Start': rows of one customer with the same \
start and end ('Start', 'End') that follow each other by 'Effective Start' and 'Effective End' (...) in rows 2, 3 \
(counting the header as row 1): '2026-06-15', '2026-09-15': map each segment's own dates, --columns \
'start=Effective Start,end=Effective End'
    """
    if "start" not in typed or "end" not in names or "customer_id" not in typed or len(df) < 2:
        return
    start = np.asarray(typed["start"], dtype="datetime64[us]")
    end = np.asarray(typed.get("end", np.full(len(df), np.datetime64("NaT"))), dtype="datetime64[us]")
    spans = pd.DataFrame({"c": pd.Series(np.asarray(typed["customer_id"], dtype=object)).astype(str), "s": start,
                          "e": end})  # fmt: skip
    same = spans.duplicated(keep=False).to_numpy()
    if not same.any():
        return
    pairs = period_pairs(df.columns, names)
    columns = [str(c) for c in df.columns]
    for first, last in pairs:
        try:
            begins = np.asarray(read_dates(df.iloc[:, columns.index(first)], first), dtype="datetime64[us]")
            ends = np.asarray(read_dates(df.iloc[:, columns.index(last)], last), dtype="datetime64[us]")
        except (DataError, ValueError, TypeError):
            continue  # not dates: no period
        found = _following(spans, same, begins, ends)
        if found is not None:
            problem = (
                f"rows of one customer with the same start and end ({names['start']!r}, {names['end']!r}) that "
                f"follow each other by {first!r} and {last!r} (segments of one subscription, a plan changed "
                "mid-term as Zuora's rate plan charges: each would count over the whole span, their MRRs added "
                "from its start)"
            )
            advice = f"map each segment's own dates, {columns_option([('start', first), ('end', last)])}"
            shown = df.iloc[:, columns.index(first)].to_numpy()
            raise bad_rows(source, first, problem, list(found), shown, advice=advice)


def _following(spans: pd.DataFrame, same: np.ndarray, begins: np.ndarray, ends: np.ndarray) -> tuple[int, int] | None:
    """The first two rows (0-based) among ``same`` (rows whose ``spans``, customer, start and end, are another
    row's too) of one customer, start and end, one of which ends (``ends``) the day, or the day before, the other
    begins (``begins``): segments of one subscription; None when there are none."""
    day = np.timedelta64(1, "D")
    rows = np.flatnonzero(same & ~np.isnat(begins))
    group = spans.iloc[rows].groupby(list(spans.columns), dropna=False, sort=False).ngroup().to_numpy()
    order = np.lexsort((begins[rows], group))
    ordered, kin = rows[order], group[order]
    for a, b, g, h in zip(ordered[:-1], ordered[1:], kin[:-1], kin[1:], strict=True):
        if g != h or np.isnat(ends[a]) or begins[b] <= begins[a]:
            continue
        if ends[a] == begins[b] or ends[a] + day == begins[b]:  # one segment, then the next from that day
            return int(a), int(b)
    return None


def segment_dates(df: pd.DataFrame, start: str, end: str | None, customer: str | None) -> tuple[str, str] | None:
    """The columns of each segment's own dates (:func:`period_pairs`) where ``start`` and ``end`` (the columns an
    unmapped file's dates would be guessed as: the subscription's) span segments that follow each other, rows of one
    ``customer`` (a column; None: any rows) alike (see the module docstring): the mapping to suggest instead; None
    otherwise (a Stripe export's current period is no segment: its rows' dates differ).

    >>> df = pd.DataFrame({"Sub Start": ["2026-06-15"] * 2, "Sub End": ["2027-06-15"] * 2,
    ...                    "Effective Start": ["2026-06-15", "2026-09-15"], "Effective End": ["2026-09-15", ""]})
    >>> segment_dates(df, "Sub Start", "Sub End", None)
    ('Effective Start', 'Effective End')
    """

    def read(column: str) -> np.ndarray:
        values = df[column].replace("", None) if df[column].dtype == object else df[column]
        read = pd.to_datetime(values, errors="coerce", format="mixed")
        return np.asarray(read.dt.tz_localize(None) if read.dt.tz is not None else read, dtype="datetime64[us]")

    if end is None or len(df) < 2 or any(list(map(str, df.columns)).count(c) != 1 for c in (start, end)):
        return None
    try:
        spans = pd.DataFrame({"s": read(start), "e": read(end)})
        if customer is not None:
            spans.insert(0, "c", df[customer].astype(str).to_numpy())
    except (ValueError, TypeError, KeyError):
        return None
    same = spans.duplicated(keep=False).to_numpy() & ~np.isnat(spans["s"].to_numpy())
    if not same.any():
        return None
    for first, last in period_pairs(df.columns, {"start": start, "end": end}):
        try:
            begins, ends = read(first), read(last)
        except (ValueError, TypeError, KeyError):
            continue
        if _following(spans, same, begins, ends) is not None:
            return first, last
    return None
