"""Month arithmetic shared by the tables: month ordinals, ranges, grouping rows by month, cohort frames.

How it is computed (vectorized; no per-customer Python loop, no customers x months matrix):
months become 16-bit numbers; the rows are bucket-sorted by month (blocks small enough to
stay in cache, each radix-sorted, each month's run appended to that month's region); then
one numpy pass per month over that month's rows updates per-customer state held in flat
arrays indexed by integer customer codes (integer ids in a compact range are used as they
are, other ids are factorized). Memory beyond the input is about 1x the input columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ..errors import RetentionInputError
from ..reading._distinct import arrow_codes
from ..reading.date_arguments import _DAY_AND_MONTH  # a date whose day and month are numbers
from ..reading.errors import bad_rows

COHORT_KINDS = ("customers", "revenue")
_CHUNK = 1 << 20  # rows per chunk of the element-wise passes (bounds their temporaries)
_BLOCK = 1 << 16  # rows per block of the bucket sort by month (small enough to stay in cache)
_BLOCK_PER_MONTH = 1 << 10
MonthLike = Any  # "2024-03", a date, a Timestamp or a Period


class _Codes(NamedTuple):
    codes: np.ndarray  # integer codes: code - offset is in 0 .. count - 1
    count: int
    offset: int = 0

    def dense(self) -> np.ndarray:
        """The codes minus the offset (a new array when the offset is not 0)."""
        return self.codes - self.offset if self.offset else self.codes


def _id_codes(series: pd.Series) -> _Codes:
    """Integer codes for ids already read (:func:`~xl_retention.reading.clean_ids`: no blanks).

    Integer ids in a compact range are used as they are; other ids are factorized.
    """
    dtype = series.dtype
    n = len(series)
    if isinstance(dtype, pd.CategoricalDtype):
        return _Codes(series.cat.codes.to_numpy(), len(dtype.categories))
    if pd.api.types.is_integer_dtype(dtype):
        values = series.to_numpy() if isinstance(dtype, np.dtype) else series.to_numpy(dtype=np.int64)
        if n == 0:
            return _Codes(np.zeros(0, np.int64), 0)
        low, high = int(values.min()), int(values.max())
        if high - low < max(n // 2, 1 << 20) and high < 2**62:  # per-id state stays small next to the input
            return _Codes(values, high - low + 1, low)
    encoded = arrow_codes(series)  # a CSV's ids (Arrow text): Arrow's hash encoding
    if encoded is not None:
        return _Codes(encoded[0].astype(np.intp), len(encoded[1]))  # intp as pandas': codes * months stay exact
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return _Codes(codes, len(uniques))


_TICKS_PER_DAY = {
    "D": 1,
    "h": 24,
    "m": 1440,
    "s": 86_400,
    "ms": 86_400_000,
    "us": 86_400_000_000,
    "ns": 86_400_000_000_000,
}


def month_ordinals(values: np.ndarray) -> np.ndarray:
    """Month ordinals (months since 1970-01, int32) of a column read by :func:`~xl_retention.reading.parse_dates`.

    ``values`` is ``datetime64``; NaT (a blank ``end``) becomes :data:`BLANK`.
    """
    blank = np.isnat(values)
    if not blank.any():
        return _datetime_months(values)
    out = np.full(values.size, BLANK, dtype=np.int32)
    out[~blank] = _datetime_months(values[~blank])
    return out


BLANK = np.iinfo(np.int32).min  # month ordinal of a blank date (where blanks are allowed)


def _datetime_months(values: np.ndarray) -> np.ndarray:
    """Month ordinals (months since 1970-01, int32) of a datetime64 array without NaT.

    Days are mapped to months with a lookup table, a chunk at a time (no full-size temporaries).
    """
    out = np.empty(values.size, dtype=np.int32)
    if values.size == 0:
        return out
    unit, count = np.datetime_data(values.dtype)
    if unit not in _TICKS_PER_DAY or _TICKS_PER_DAY[unit] % count:
        return values.astype("datetime64[M]").astype(np.int32)
    ticks = _TICKS_PER_DAY[unit] // count
    low = int(values.min().astype("datetime64[D]").astype(np.int64))
    high = int(values.max().astype("datetime64[D]").astype(np.int64))
    if high - low > 1_000_000:  # dates millennia apart (the span check reports them): convert directly
        return values.astype("datetime64[M]").astype(np.int32)
    table = np.arange(low, high + 1).astype("datetime64[D]").astype("datetime64[M]").astype(np.int32)
    stamps = values.view(np.int64)
    for i in range(0, values.size, _CHUNK):
        days = stamps[i : i + _CHUNK] // ticks
        days -= low
        out[i : i + _CHUNK] = table[days]
    return out


#: a year of four digits, 1000-9999, not inside a longer number
_YEAR = re.compile(r"(?<!\d)[1-9]\d{3}(?!\d)")
#: a year and nothing else ('2026', 'FY2026' is refused by pandas itself)
_YEAR_ALONE = re.compile(r"^\s*[1-9]\d{3}\s*$")
#: a quarter: '2026Q2', '2026-Q2', 'Q2 2026', '2026 q2'
_QUARTER = re.compile(r"(?<![A-Za-z])[Qq][1-4](?!\d)")


def _month_arg(name: str, value: MonthLike) -> int | None:
    if value is None:
        return None
    try:
        if isinstance(value, pd.Period):
            return int(value.asfreq("M").ordinal)
        if isinstance(value, (bool, int, np.integer, float)):
            raise TypeError("a number is not a month")
        if isinstance(value, str):
            if not _YEAR.search(value):  # pandas reads 'Sept' as September of the year 1
                raise ValueError("a month without its year")
            if _YEAR_ALONE.match(value):  # pandas reads '2026' as January 2026: the tables would end there
                raise RetentionInputError(
                    f"{name} must be a month such as '2024-03', got {value!r}: a year alone is no month (its last: "
                    f"'{value.strip()}-12')",
                    name,
                    value,
                )
            if _QUARTER.search(value):  # pandas reads '2026-Q2' as April, the quarter's first month
                raise RetentionInputError(
                    f"{name} must be a month such as '2024-03', got {value!r}: a quarter is no month", name, value
                )
            if _DAY_AND_MONTH.match(value):  # '1/6/2026': January to pandas, June to a day-first reader
                from ..reading.date_arguments import date_argument

                try:  # read when one order only makes a date ('13/06/2026'); start/end came read with the options
                    value = date_argument(value, name)
                except RetentionInputError:
                    raise RetentionInputError(
                        f"{name} {value!r} could be day-first or month-first: write it as YYYY-MM", name, value
                    ) from None
        return int(pd.Period(value, freq="M").ordinal)
    except RetentionInputError:
        raise
    except (ValueError, TypeError) as error:
        raise RetentionInputError(f"{name} must be a month such as '2024-03', got {value!r}", name, value) from error


#: the month through which the rows in hand are known observed beyond their own last row: a segment's rows are the
#: whole input's, observed through its last month (:func:`observed_until`)
_OBSERVED_UNTIL: ContextVar[int | None] = ContextVar("observed_until", default=None)


@contextmanager
def observed_until(month: MonthLike) -> Iterator[None]:
    """Within the block, the tables' data are known observed through ``month`` (:func:`refuse_after_data` takes a
    ``start``/``end`` up to it): each segment's part of an input observed as a whole (:mod:`..relational.segments`),
    whose later months are months of 0 buyers in that segment, not months nothing is known of."""
    token = _OBSERVED_UNTIL.set(_month_arg("month", month))
    try:
        yield
    finally:
        _OBSERVED_UNTIL.reset(token)


#: the month from which the rows in hand are known observed before their own first row: a segment's rows are the
#: whole input's, observed from its first month (:func:`observed_from`)
_OBSERVED_FROM: ContextVar[int | None] = ContextVar("observed_from", default=None)


@contextmanager
def observed_from(month: MonthLike) -> Iterator[None]:
    """Within the block, the tables' data are known observed from ``month`` (:func:`refuse_before_data` takes a
    ``start`` from it): each segment's part of an input observed as a whole (:mod:`..relational.segments`), whose
    earlier months are months of 0 buyers in that segment, not months nothing is known of."""
    token = _OBSERVED_FROM.set(_month_arg("month", month))
    try:
        yield
    finally:
        _OBSERVED_FROM.reset(token)


def refuse_before_data(start: int | None, end: int | None, first: int | None, source: str, what: str) -> None:
    """Refuse a ``start`` or ``end`` (month ordinals) before ``first``, the month of the data's first row: the tables
    would show its months as months without ``what`` (0 customers, 0 buyers), though nothing says there were none
    (the data begin later: an export from a later date, a filter). A ``RetentionInputError`` naming the argument and
    both months. (The twin of :func:`refuse_after_data`.)

    >>> refuse_before_data(672, None, 674, "orders.csv", "orders")
    Traceback (most recent call last):
    ...
    xl_retention.errors.RetentionInputError: start 2026-01 is before orders.csv's first month, 2026-03: the tables \
would show the months before it as months without orders, though nothing says there were none (give start from \
2026-03 on)
    """
    known = _OBSERVED_FROM.get()
    if known is not None:
        first = known if first is None else min(first, known)
    if first is None:
        return
    for name, month in (("start", start), ("end", end)):
        if month is not None and month < first:
            asked, held = pd.Period(ordinal=month, freq="M"), pd.Period(ordinal=first, freq="M")
            raise RetentionInputError(
                f"{name} {asked} is before {source}'s first month, {held}: the tables would show the months before it "
                f"as months without {what}, though nothing says there were none (give {name} from {held} on)",
                name,
                str(asked),
            )


def refuse_outside_data(
    start: int | None, end: int | None, first: int | None, last: int | None, source: str, what: str
) -> None:
    """:func:`refuse_before_data` and :func:`refuse_after_data`: a ``start``/``end`` outside the data's months."""
    refuse_before_data(start, end, first, source, what)
    refuse_after_data(start, end, last, source, what)


def refuse_after_data(start: int | None, end: int | None, last: int | None, source: str, what: str) -> None:
    """Refuse a ``start`` or ``end`` (month ordinals) after ``last``, the month of the data's last row: the tables
    would show its months as months without ``what`` (0 buyers, 0 answers), though nothing says there were none (the
    tables the import writes end with an input's last month, :mod:`.through`); months still to come among them. A
    ``RetentionInputError`` naming the argument and both months.

    >>> refuse_after_data(None, 686, 681, "orders.csv", "orders")
    Traceback (most recent call last):
    ...
    xl_retention.errors.RetentionInputError: end 2027-03 is after orders.csv's last month, 2026-10: the tables would \
show the months after it as months without orders, though nothing says there were none (give end up to 2026-10)
    """
    known = _OBSERVED_UNTIL.get()
    if known is not None:
        last = known if last is None else max(last, known)
    if last is None:
        return
    for name, month in (("start", start), ("end", end)):
        if month is not None and month > last:
            asked, held = pd.Period(ordinal=month, freq="M"), pd.Period(ordinal=last, freq="M")
            raise RetentionInputError(
                f"{name} {asked} is after {source}'s last month, {held}: the tables would show the months after it as "
                f"months without {what}, though nothing says there were none (give {name} up to {held})",
                name,
                str(asked),
            )


# -- month ranges and grouping by month -----------------------------------------------
class _Range(NamedTuple):
    low: int  # month ordinal of relative month 0 (the first month computed)
    span: int  # months computed, low .. low + span - 1
    first: int  # relative month of the first month shown
    last: int  # relative month of the last month shown (first - 1 when empty)


def _month_range(ordinals: np.ndarray, start: MonthLike, end: MonthLike) -> _Range:
    """Months to compute (all history before ``start`` counts) and to show."""
    s, e = _month_arg("start", start), _month_arg("end", end)
    if s is not None and e is not None and e < s:
        raise RetentionInputError(f"end ({end}) is before start ({start})", "end", end)
    if ordinals.size:
        data_low, data_high = int(ordinals.min()), int(ordinals.max())
    elif s is None and e is None:
        return _Range(0, 0, 0, -1)
    else:
        data_low = data_high = s if s is not None else e
    shown_low = s if s is not None else (min(data_low, e) if e is not None else data_low)
    shown_high = e if e is not None else max(data_high, shown_low)
    low = min(data_low, shown_low)
    return _Range(low, shown_high - low + 1, shown_low - low, shown_high - low)


MAX_MONTHS = 1200  # a table spans at most 100 years (a longer span is a typo in a date)


class _ByMonth(NamedTuple):
    codes: np.ndarray  # customer codes (0 .. count - 1), grouped by month; file order within a month
    values: np.ndarray | None  # the values in the same order (when asked for)
    bounds: np.ndarray  # month i's rows are codes[bounds[i]:bounds[i + 1]]
    count: int  # customer codes are < count
    range: _Range
    relative: np.ndarray | None  # relative month (int16) of each row, in file order
    ids: _Codes | None  # the ids in file order
    raw_values: np.ndarray | None  # the values in file order
    # (rows after the last month computed are dropped from all of these)


def _shifted(values: np.ndarray, dtype: Any, offset: int) -> np.ndarray:
    """``values - offset`` as ``dtype``, a chunk at a time."""
    out = np.empty(len(values), dtype=dtype)
    for i in range(0, len(values), _CHUNK):
        chunk = values[i : i + _CHUNK]
        out[i : i + _CHUNK] = chunk - offset if offset else chunk
    return out


def _bucket_by_month(
    relative: np.ndarray, bounds: np.ndarray, columns: Sequence[tuple[np.ndarray, Any, int]]
) -> list[np.ndarray]:
    """Each column (values, dtype, offset) reordered by month, stably: a bucket sort by blocks.

    Each block of rows (small enough to stay in cache) is radix-sorted by its 16-bit months,
    and each month's run is appended to that month's region of the output: every write is
    sequential, and no permutation of the whole table is materialised.
    """
    span = bounds.size - 1
    outs = [np.empty(relative.size, dtype=dtype) for _, dtype, _ in columns]
    cursor = bounds[:-1].copy()
    block = max(_BLOCK, _BLOCK_PER_MONTH * span)  # runs of ~1000 rows per month and block, at least
    for i in range(0, relative.size, block):
        months = relative[i : i + block]
        order = np.argsort(months, kind="stable")
        counts = np.bincount(months, minlength=span)
        blocks = []
        for values, _, offset in columns:
            chunk = values[i : i + block][order]
            blocks.append(chunk - offset if offset else chunk)
        run = 0
        for month in np.flatnonzero(counts).tolist():
            size, at = int(counts[month]), int(cursor[month])
            for out, chunk in zip(outs, blocks, strict=True):
                out[at : at + size] = chunk[run : run + size]
            run += size
        cursor += counts
    return outs


def file_rows(frame: pd.DataFrame | None, rows: np.ndarray, values: Any = None) -> tuple[np.ndarray, Any]:
    """The file's positions of the rows ``rows`` of ``frame`` (a table :func:`~xl_retention.reading.prepare` read:
    an orders file's rows kept, one per order, or a snapshots file's first row of each customer's month, are its
    ``positions``), and ``values`` (one per row of ``frame``) keyed by them, for :func:`bad_rows` to name the file's
    rows (the 1901 order on the file's row 4, not the third row kept).

    >>> frame = pd.DataFrame({"date": [1, 2]})
    >>> frame.attrs["positions"] = np.array([0, 2])
    >>> rows, values = file_rows(frame, np.array([1]), ["2024-01-05", "1901-01-05"])
    >>> rows.tolist(), values
    ([2], {2: '1901-01-05'})
    """
    positions = None if frame is None else frame.attrs.get("positions")
    if positions is None:
        return rows, values
    at = np.asarray(positions)[rows]
    return at, None if values is None else {int(a): values[int(r)] for a, r in zip(at, rows, strict=True)}


def _check_span(
    ordinals: np.ndarray,
    rng: _Range,
    source: str,
    column: str,
    values: np.ndarray | None = None,
    frame: pd.DataFrame | None = None,
) -> None:
    """Refuse dates more than :data:`MAX_MONTHS` apart, naming the file's rows (``frame``: :func:`file_rows`)."""
    if rng.span <= MAX_MONTHS:
        return
    low, high = (int(ordinals.min()), int(ordinals.max())) if ordinals.size else (rng.low, rng.low)
    if high - low + 1 > MAX_MONTHS:
        first, last = pd.Period(ordinal=low, freq="M"), pd.Period(ordinal=high, freq="M")
        rows, values = file_rows(frame, np.flatnonzero((ordinals == low) | (ordinals == high)), values)
        problem = f"dates more than {MAX_MONTHS // 12} years apart (from {first} to {last})"
        raise bad_rows(source, column, problem, rows, values)
    raise RetentionInputError(f"start and end span more than {MAX_MONTHS} months", "start, end")


def _group_by_month(
    ordinals: np.ndarray,
    ids: _Codes,
    values: np.ndarray | None,
    start: MonthLike,
    end: MonthLike,
    *,
    sort_values: bool = True,
    source: str = "input",
    column: str = "month",
    shown: np.ndarray | None = None,
    frame: pd.DataFrame | None = None,
) -> _ByMonth:
    """Rows grouped by month (a stable bucket sort of 16-bit relative months); rows after ``end`` dropped.
    ``frame``: the table read, whose rows a refusal names as the file's (:func:`file_rows`)."""
    rng = _month_range(ordinals, start, end)
    _check_span(ordinals, rng, source, column, shown, frame)
    if ordinals.size and int(ordinals.max()) > rng.low + rng.span - 1:
        keep = ordinals <= rng.low + rng.span - 1
        ordinals, ids = ordinals[keep], ids._replace(codes=ids.codes[keep])
        values = values[keep] if values is not None else None
    relative = np.empty(ordinals.size, dtype=np.int16)
    for i in range(0, ordinals.size, _CHUNK):
        np.subtract(ordinals[i : i + _CHUNK], rng.low, out=relative[i : i + _CHUNK], casting="unsafe")
    del ordinals
    counts = np.bincount(relative, minlength=rng.span) if relative.size else np.zeros(rng.span, np.int64)
    bounds = np.zeros(rng.span + 1, dtype=np.int64)
    np.cumsum(counts, out=bounds[1:])
    code_type = np.int32 if ids.count < 2**31 else np.int64
    if relative.size < 2 or bool(np.all(relative[:-1] <= relative[1:])):  # already in month order
        codes = _shifted(ids.codes, code_type, ids.offset)
        grouped_values = values if sort_values else None
    else:
        columns = [(ids.codes, code_type, ids.offset)]
        if sort_values and values is not None:
            columns.append((values, np.float64, 0))
        codes, *rest = _bucket_by_month(relative, bounds, columns)
        grouped_values = rest[0] if rest else None
    return _ByMonth(codes, grouped_values, bounds, ids.count, rng, relative, ids, values)


def _month_index(rng: _Range, name: str = "month") -> pd.PeriodIndex:
    return pd.PeriodIndex.from_ordinals(np.arange(rng.low + rng.first, rng.low + rng.last + 1), freq="M", name=name)


# -- per-month metrics ----------------------------------------------------------------
def _defined(func: Callable[..., Any], where: pd.Series, *args: pd.Series) -> pd.Series:
    """``func(*args)`` (a core metric) where ``where`` holds, NaN elsewhere."""
    out = pd.Series(np.nan, index=args[0].index, dtype=np.float64)
    if where.any():
        out[where.to_numpy()] = np.asarray(func(*(arg[where] for arg in args)), dtype=np.float64)
    return out


def _cohort_frame(matrix: np.ndarray, rng: _Range) -> pd.DataFrame:
    """[cohort, calendar month] counts to a cohort x months-since table of the shown months."""
    n = rng.last - rng.first + 1
    cohorts = np.arange(n)[:, None] + rng.first
    since = np.arange(n)[None, :]
    calendar = cohorts + since
    inside = calendar <= rng.last
    table = np.full((n, n), np.nan)
    if n:
        table[inside] = matrix[np.broadcast_to(cohorts, (n, n))[inside], calendar[inside]]
    return pd.DataFrame(table, index=_month_index(rng, "cohort"), columns=pd.RangeIndex(n, name="months_since"))


def cohort_rates(table: pd.DataFrame) -> pd.DataFrame:
    """Each row of a cohort table divided by its month 0 (NaN for an empty cohort).

    >>> t = pd.DataFrame([[4.0, 3.0], [0.0, np.nan]])
    >>> cohort_rates(t).to_numpy().tolist()
    [[1.0, 0.75], [nan, nan]]
    """
    if table.shape[1] == 0:
        return table.copy()
    size = table.iloc[:, 0].where(table.iloc[:, 0] > 0)
    return table.div(size, axis=0)


def _check_kind(kind: str) -> None:
    if kind not in COHORT_KINDS:
        raise RetentionInputError(f"kind must be 'customers' or 'revenue', got {kind!r}", "kind", kind)


# -- per-customer state of the month-by-month passes --------------------------------
# Per-customer state of the month-by-month passes, packed in one int64 so that one gather and
# one scatter per row do the work: cohort month (bits 47-62), last month seen (bits 31-46) and
# the row's position within that month (bits 0-30); -1 = never seen. Writing every row's own
# stamp and reading it back tells the distinct customers of a month (one write per customer
# survives) without a sort.
_POSITION_BITS = 31
_MONTH_BITS = 16
_COHORT_SHIFT = _POSITION_BITS + _MONTH_BITS
_MONTH_MASK = (1 << _MONTH_BITS) - 1


def _stamp_month(stamps: np.ndarray) -> np.ndarray:
    return (stamps >> _POSITION_BITS) & _MONTH_MASK


def keyed_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` indexed by its ``segment`` and ``month`` columns where it has them (the rows of ``xl-retention
    sql`` as a warehouse returns them: a month is its first day), months as periods; ``counts`` as it is otherwise.

    >>> rows = pd.DataFrame({"month": pd.to_datetime(["2026-01-01", "2026-02-01"]), "buyers": [3, 1]})
    >>> keyed_counts(rows).index.tolist()
    [Period('2026-01', 'M'), Period('2026-02', 'M')]
    """
    keys = [c for c in ("segment", "month") if c in counts.columns]
    if "month" not in keys:
        return counts
    frame = counts.copy()
    frame["month"] = pd.PeriodIndex(pd.to_datetime(frame["month"]), freq="M")
    return frame.set_index(keys)
