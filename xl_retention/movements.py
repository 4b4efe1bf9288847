"""Raw data to monthly tables: subscriptions, orders, visits and survey answers.

The counting rules are those of ``shared/METRICS.md`` ("Counting rules for raw data"); the
rates come from :mod:`xl_retention.metrics`, called on whole columns. pandas in, pandas
out: every per-month table is indexed by a contiguous ``PeriodIndex`` (freq ``M``, named
``month``) with no gaps, from the first to the last month of the data unless ``start`` /
``end`` are given. Nothing here writes a file.

Inputs (column names are matched case-insensitively, spaces and hyphens count as
underscores, and ``columns={"customer_id": "Customer"}`` maps our name to yours):

=============  ===========================================  ==================================
table          columns                                      function
=============  ===========================================  ==================================
snapshots      ``customer_id, month, mrr``                  :func:`monthly_movements`,
                                                            :func:`cohorts_from_snapshots`,
                                                            :func:`subscription_tables`
intervals      ``customer_id, start, mrr`` [, ``end``]      :func:`snapshots_from_intervals`
orders         ``customer_id, date`` [, ``amount``]         :func:`repeat_purchases`,
                                                            :func:`cohorts_from_orders`,
                                                            :func:`order_tables`,
                                                            :func:`overall_repeat_purchase_rate`
visits         ``visitor_id, date``                         :func:`returning_visitors`
answers        ``date, score``                              :func:`nps_by_month`
=============  ===========================================  ==================================

Conventions
-----------
* Active in a month: MRR above 0 that month (subscriptions), at least one order or visit
  that month (orders, visits). A month with no snapshot row for a customer is MRR 0, so a
  gap in a customer's snapshots is inactive months: a customer with snapshots in months
  m1 < m2 that are not adjacent is lost in m1 + 1 and reactivated in m2.
* New: first active month ever (also the customer's cohort). Reactivated: active after one
  or more inactive months. ``gained = new + reactivated``; ``customers_end =
  customers_start + gained - lost`` holds every month, and ``mrr_end = mrr_start + new_mrr
  + expansion_mrr + reactivation_mrr - contraction_mrr - churned_mrr``.
* Expansion excludes reactivation (as on the template's Revenue sheet): NRR and net
  revenue churn use ``expansion_mrr`` only, the quick ratio uses ``(new_mrr +
  reactivation_mrr + expansion_mrr) / lost_mrr`` (the sheet's "Gained MRR" + expansion).
* Subscription intervals: ``end`` is the day service stops, exclusive (Stripe's
  ``ended_at``); blank = still active. An interval counts in every month from its start's
  month up to the month before its end's month, and always in its start's month: a customer
  who joins and leaves within one month is new (and active) that month and lost the next;
  a plan change on 2024-03-10 (one interval ending, the next starting that day) counts the
  new plan from March on, never both plans at once. Overlapping intervals add up.
* Returning (orders and visits): ordered / visited in an earlier calendar month. Two orders
  in a customer's first month do not make them returning that month (they do count in
  :func:`overall_repeat_purchase_rate`, which counts orders per customer). Hence
  ``returning = buyers - (cohort size)`` every month.
* Undefined rates (start customers or start MRR 0, nothing lost for the quick ratio, no
  buyers, no responses) are NaN: the table never fails because of one month.
* Bad data raises :class:`DataError` (``#VALUE!``) naming the file, the column and the
  first rows, counted as in a spreadsheet: the header is row 1, the first data row is row 2.

Dates more than 100 years apart (:data:`MAX_MONTHS`) are taken for a typo and raise
:class:`DataError` naming the rows with the earliest and latest dates.

How it is computed (vectorized; no per-customer Python loop, no customers x months matrix):
months become 16-bit numbers; the rows are bucket-sorted by month (blocks small enough to
stay in cache, each radix-sorted, each month's run appended to that month's region); then
one numpy pass per month over that month's rows updates per-customer state held in flat
arrays indexed by integer customer codes (integer ids in a compact range are used as they
are, other ids are factorized). The state of a customer (cohort month, last active month,
row position) is packed in one int64, so one gather and one scatter per row classify it
(new, kept, reactivated), find its cohort and detect a customer twice in a month. Memory
beyond the input is about 1x the input columns (the grouped copy of ids and values).
Only numpy and pandas are imported.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from . import metrics as _metrics
from .errors import RetentionInputError

__all__ = [
    "COHORT_KINDS",
    "MOVEMENT_COLUMNS",
    "NPS_COLUMNS",
    "PURCHASE_COLUMNS",
    "SCHEMAS",
    "VISITOR_COLUMNS",
    "DataError",
    "OrderTables",
    "SubscriptionTables",
    "cohort_rates",
    "cohort_table",
    "cohorts_from_orders",
    "cohorts_from_snapshots",
    "monthly_movements",
    "normalize_columns",
    "nps_by_month",
    "order_tables",
    "overall_repeat_purchase_rate",
    "parse_column_map",
    "read_table",
    "repeat_purchases",
    "returning_visitors",
    "snapshots_from_intervals",
    "subscription_tables",
]

#: Required and optional columns of each kind of input table, in our names.
SCHEMAS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "snapshots": (("customer_id", "month", "mrr"), ()),
    "intervals": (("customer_id", "start", "mrr"), ("end",)),
    "orders": (("customer_id", "date"), ("amount",)),
    "visits": (("visitor_id", "date"), ()),
    "answers": (("date", "score"), ()),
}

#: Columns of :func:`monthly_movements`, in order.
MOVEMENT_COLUMNS: tuple[str, ...] = (
    "customers_start",
    "new",
    "reactivated",
    "gained",
    "lost",
    "customers_end",
    "mrr_start",
    "new_mrr",
    "expansion_mrr",
    "reactivation_mrr",
    "contraction_mrr",
    "churned_mrr",
    "mrr_end",
    "lost_mrr",
    "crr",
    "churn_rate",
    "net_revenue_churn",
    "gross_revenue_churn",
    "nrr",
    "grr",
    "quick_ratio",
)
PURCHASE_COLUMNS: tuple[str, ...] = ("buyers", "returning", "repeat_purchase_rate")
VISITOR_COLUMNS: tuple[str, ...] = ("visitors", "returning", "returning_visitor_rate")
NPS_COLUMNS: tuple[str, ...] = ("responses", "promoters", "passives", "detractors", "nps", "nps_moe")
COHORT_KINDS = ("customers", "revenue")

_ROW_NOTE = "(counting the header as row 1)"
_SHOW_ROWS = 5
_CHUNK = 1 << 20  # rows per chunk of the element-wise passes (bounds their temporaries)
_BLOCK = 1 << 16  # rows per block of the bucket sort by month (small enough to stay in cache)
_BLOCK_PER_MONTH = 1 << 10
MonthLike = Any  # "2024-03", a date, a Timestamp or a Period


# -- errors ---------------------------------------------------------------------------
class DataError(RetentionInputError):
    """Bad data in an input table: a missing column, a date that does not parse, ... (``#VALUE!``).

    The message names the file (``source``), the column and the first rows at fault,
    counted as a spreadsheet user counts them: the header is row 1, the first data row
    row 2 (row numbers are positions in the table, as :func:`read_table` returns it).

    Attributes:
        source: the file (or table) name given by the caller.
        column: the column at fault, in the file's own spelling (None if not one column).
        rows: the first (up to 5) 1-based row numbers at fault.
        row_count: how many rows are at fault in all.
    """

    excel_error = "#VALUE!"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        column: str | None = None,
        rows: Sequence[int] = (),
        row_count: int = 0,
    ) -> None:
        super().__init__(message, column, tuple(rows))
        self.source = source
        self.column = column
        self.rows = tuple(rows)
        self.row_count = row_count or len(self.rows)


def _show(value: Any) -> str:
    if isinstance(value, np.generic):
        value = value.item()
    return repr(value)


def _bad_rows(
    source: str,
    column: str,
    problem: str,
    positions: np.ndarray | Sequence[int],
    values: Sequence[Any] | None = None,
) -> DataError:
    """A :class:`DataError` for the rows at ``positions`` (0-based positions of the data rows)."""
    positions = np.unique(np.asarray(positions, dtype=np.int64))
    shown = positions[:_SHOW_ROWS]
    rows = [int(p) + 2 for p in shown]
    text = f"{'row' if len(positions) == 1 else 'rows'} {', '.join(map(str, rows))}"
    if len(positions) > len(shown):
        text += f" and {len(positions) - len(shown)} more"
    message = f"{source}, column {column!r}: {problem} in {text} {_ROW_NOTE}"
    if values is not None:
        message += ": " + ", ".join(_show(values[int(p)]) for p in shown)
    return DataError(message, source=source, column=column, rows=rows, row_count=len(positions))


# -- reading and column matching ------------------------------------------------------
def read_table(path: str | Path, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a CSV (``.csv``, ``.tsv``, ``.txt``), Parquet (``.parquet``, ``.pq``) or Excel (``.xlsx``, ``.xlsm``) file.

    ``sheet`` picks an Excel sheet by name or 0-based position (default: the first).
    CSV is read as UTF-8 (a byte-order mark is dropped), falling back to Windows-1252.
    Parquet needs pyarrow: without it this raises ``ImportError`` saying to install it.
    Other suffixes, an unknown sheet, or a file pandas cannot parse raise :class:`DataError`.
    """
    path = Path(path)
    source = path.name
    suffix = path.suffix.lower()
    if sheet is not None and suffix not in (".xlsx", ".xlsm"):
        raise DataError(f"{source}: a sheet ({sheet!r}) was given but the file is not a workbook", source=source)
    try:
        if suffix in (".csv", ".tsv", ".txt"):
            sep = "\t" if suffix == ".tsv" else ","
            try:
                return pd.read_csv(path, sep=sep, encoding="utf-8-sig")
            except UnicodeDecodeError:
                return pd.read_csv(path, sep=sep, encoding="cp1252", encoding_errors="replace")
        if suffix in (".parquet", ".pq"):
            try:
                return pd.read_parquet(path)
            except ImportError as error:
                raise ImportError(
                    f"reading {source} needs a Parquet engine: pip install pyarrow (or save the data as CSV)"
                ) from error
        if suffix in (".xlsx", ".xlsm"):
            with pd.ExcelFile(path, engine="openpyxl") as book:
                names = book.sheet_names
                if isinstance(sheet, str) and sheet not in names:
                    raise DataError(
                        f"{source}: no sheet {sheet!r}; sheets: {', '.join(map(repr, names))}", source=source
                    )
                if isinstance(sheet, int) and not 0 <= sheet < len(names):
                    raise DataError(f"{source}: no sheet number {sheet} (it has {len(names)})", source=source)
                return pd.read_excel(book, sheet_name=sheet if sheet is not None else 0)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, zipfile.BadZipFile) as error:
        raise DataError(f"{source}: cannot read the file: {error}", source=source) from error
    raise DataError(
        f"{source}: unsupported file type {suffix or '(none)'!r}; use .csv, .tsv, .parquet, .xlsx or .xlsm",
        source=source,
    )


def _key(name: Any) -> str:
    return re.sub(r"[\s\-_]+", "_", str(name).replace("\ufeff", "").strip().lower()).strip("_")


def subscription_kind(df: pd.DataFrame, columns: Mapping[str, str] | None = None) -> str:
    """``"snapshots"`` (a ``month`` column) or ``"intervals"`` (a ``start`` column) for a subscriptions table.

    >>> subscription_kind(pd.DataFrame(columns=["Customer ID", "Start", "MRR"]))
    'intervals'
    """
    keys = {_key(c) for c in df.columns} | {_key(ours) for ours in (columns or {})}
    return "intervals" if "start" in keys and "month" not in keys else "snapshots"


def mapping_for(df: pd.DataFrame, columns: Mapping[str, str] | None, kind: str) -> dict[str, str]:
    """The entries of a column map (one ``--columns`` for several files) that apply to ``df`` as ``kind``.

    An entry applies when it names one of ``kind``'s columns (:data:`SCHEMAS`) and ``df``
    has the column it maps to; otherwise the file is read with our names.

    >>> mapping_for(pd.DataFrame(columns=["Customer", "Month", "MRR"]), {"customer_id": "Customer"}, "snapshots")
    {'customer_id': 'Customer'}
    >>> mapping_for(pd.DataFrame(columns=["customer_id", "date"]), {"customer_id": "Customer"}, "orders")
    {}
    """
    required, optional = SCHEMAS[kind]
    present = {_key(c) for c in df.columns}
    return {
        ours: yours
        for ours, yours in (columns or {}).items()
        if ours in (*required, *optional) and (_key(yours) in present or _key(ours) not in present)
    }


def parse_column_map(text: str | None) -> dict[str, str]:
    """``"customer_id=Customer,date=Created"`` -> ``{"customer_id": "Customer", "date": "Created"}``.

    For a command-line option such as ``--columns``. Spaces around names are dropped.

    >>> parse_column_map("customer_id=Customer, date = Created at")
    {'customer_id': 'Customer', 'date': 'Created at'}
    """
    mapping: dict[str, str] = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise RetentionInputError(f"a column map item must be OUR_NAME=THEIR_NAME, got {item.strip()!r}", "columns")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def normalize_columns(
    df: pd.DataFrame,
    required: Sequence[str],
    optional: Sequence[str] = (),
    rename: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """The columns ``required`` (and those of ``optional`` present) of ``df``, under our names.

    Names match case-insensitively, ignoring surrounding spaces, with spaces and hyphens
    counting as underscores ("Customer ID" is ``customer_id``). ``rename`` maps our name to
    the name of the column in ``df`` (matched the same way). The result has our names, in
    the order ``required`` then ``optional``; ``result.attrs["source_columns"]`` maps each
    of our names to the original column name (error messages quote the original).

    A missing required column, an ambiguous name (two columns that match) or a ``rename``
    entry that matches nothing raises :class:`DataError`.

    >>> df = pd.DataFrame({"Customer ID": [1], "Created": ["2024-01-05"], "Total ": [9.5]})
    >>> columns = normalize_columns(df, ["customer_id", "date"], ["amount"], {"date": "created", "amount": "TOTAL"})
    >>> list(columns.columns), columns.attrs["source_columns"]["amount"]
    (['customer_id', 'date', 'amount'], 'Total ')
    """
    rename = dict(rename or {})
    known = list(required) + [c for c in optional if c not in required]
    unknown = [name for name in rename if name not in known]
    if unknown:
        raise DataError(
            f"{source}: unknown column name {', '.join(map(repr, unknown))} in the column map; "
            f"expected one of: {', '.join(known)}",
            source=source,
        )
    found: dict[str, list[Any]] = {}
    for column in df.columns:
        found.setdefault(_key(column), []).append(column)
    listing = ", ".join(repr(str(c)) for c in df.columns) or "none"
    picked: dict[str, Any] = {}
    missing = []
    for name in known:
        wanted = rename.get(name, name)
        matches = found.get(_key(wanted), [])
        if len(matches) > 1:
            raise DataError(
                f"{source}: {len(matches)} columns match {wanted!r} ({', '.join(repr(str(c)) for c in matches)})",
                source=source,
                column=str(matches[0]),
            )
        if matches:
            picked[name] = matches[0]
        elif name in rename:
            raise DataError(
                f"{source}: no column {wanted!r} (given for {name}); columns found: {listing}",
                source=source,
                column=wanted,
            )
        elif name in required:
            missing.append(name)
    if missing:
        word = "column" if len(missing) == 1 else "columns"
        raise DataError(
            f"{source}: missing {word} {', '.join(map(repr, missing))} (columns found: {listing}); "
            f"to use a column of another name, map it: {missing[0]}=NAME",
            source=source,
            column=missing[0],
        )
    out = pd.DataFrame({name: df[column] for name, column in picked.items()}, index=df.index, copy=False)
    out.attrs["source_columns"] = {name: str(column) for name, column in picked.items()}
    return out


def _prepare(
    df: pd.DataFrame,
    kind: str,
    columns: Mapping[str, str] | None,
    source: str,
    extra: Sequence[str] = (),
) -> tuple[pd.DataFrame, dict[str, str]]:
    required, optional = SCHEMAS[kind]
    if not isinstance(df, pd.DataFrame):
        raise DataError(f"{source}: expected a table (pandas DataFrame), got {type(df).__name__}", source=source)
    out = normalize_columns(df, required, tuple(optional) + tuple(extra), columns, source)
    return out, out.attrs["source_columns"]


# -- parsing columns ------------------------------------------------------------------
def _blank_strings(values: pd.Index) -> np.ndarray:
    """True where a value is a string of spaces (or empty)."""
    if not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)) or len(values) == 0:
        return np.zeros(len(values), dtype=bool)
    try:
        stripped = pd.Series(np.asarray(values, dtype=object), dtype=object).str.strip()
    except AttributeError:  # no text at all (dates, Periods, ...)
        return np.zeros(len(values), dtype=bool)
    return stripped.eq("").fillna(False).to_numpy(dtype=bool)


class _Codes(NamedTuple):
    codes: np.ndarray  # integer codes: code - offset is in 0 .. count - 1
    count: int
    offset: int = 0

    def dense(self) -> np.ndarray:
        """The codes minus the offset (a new array when the offset is not 0)."""
        return self.codes - self.offset if self.offset else self.codes


def _id_codes(series: pd.Series, source: str, column: str, what: str) -> _Codes:
    """Integer codes for ids (integer ids in a compact range are used as they are); missing ids raise."""
    dtype = series.dtype
    n = len(series)
    if isinstance(dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy()
        if (codes < 0).any():
            raise _bad_rows(source, column, f"missing {what}", np.flatnonzero(codes < 0))
        return _Codes(codes, len(dtype.categories))
    if pd.api.types.is_integer_dtype(dtype):
        if series.hasnans:
            raise _bad_rows(source, column, f"missing {what}", np.flatnonzero(series.isna().to_numpy()))
        values = series.to_numpy() if isinstance(dtype, np.dtype) else series.to_numpy(dtype=np.int64)
        if n == 0:
            return _Codes(np.zeros(0, np.int64), 0)
        low, high = int(values.min()), int(values.max())
        if high - low < max(n // 2, 1 << 20) and high < 2**62:  # per-id state stays small next to the input
            return _Codes(values, high - low + 1, low)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    blank = codes < 0
    empty = _blank_strings(uniques)
    if empty.any():
        blank |= empty[np.maximum(codes, 0)] & (codes >= 0)
    if blank.any():
        raise _bad_rows(source, column, f"missing {what}", np.flatnonzero(blank))
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


def _to_datetime(values: Any, **kwargs: Any) -> np.ndarray:
    """``pd.to_datetime`` (NaT where a value does not parse), tz-aware values as local wall time."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "could not infer format": parsed one by one, as wanted
        try:
            parsed = pd.to_datetime(values, errors="coerce", **kwargs)
        except (ValueError, TypeError):  # e.g. mixed time zones
            parsed = pd.to_datetime(values, errors="coerce", utc=True, **kwargs)
    parsed = pd.Series(parsed) if not isinstance(parsed, pd.Series) else parsed
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_localize(None)
    return parsed.to_numpy()


def _parse_dates(values: pd.Index) -> np.ndarray:
    """Distinct date-like values (text, dates, Periods) as ``datetime64[us]``; NaT where they do not parse.

    Text is stripped; Periods count as their first day; each value may have its own format.
    """
    objects = pd.Series(np.asarray(values, dtype=object), dtype=object)
    objects = objects.map(
        lambda v: v.strip() if isinstance(v, str) else v.start_time if isinstance(v, pd.Period) else v
    )
    parsed = _to_datetime(objects).astype("datetime64[us]")
    retry = np.isnat(parsed) & objects.notna().to_numpy() & ~_blank_strings(values)
    if retry.any():
        parsed[retry] = _to_datetime(objects[retry], format="mixed").astype("datetime64[us]")
    return parsed


def _parse_date_column(series: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A text (or object) column of dates: ``datetime64[us]`` values, blank and unparsed masks.

    ``pd.to_datetime`` first, on the whole column (fast, and it caches repeated values);
    then, for the rows it could not parse only, a second chance value by value (stripped
    text, Periods, mixed formats).
    """
    present = series.notna().to_numpy()
    try:
        values = _to_datetime(series).astype("datetime64[us]")
    except (ValueError, TypeError, OverflowError):
        values = np.full(len(series), np.datetime64("NaT"), dtype="datetime64[us]")
    failed = np.flatnonzero(np.isnat(values) & present)
    blank = ~present
    unparsed = np.zeros(len(series), dtype=bool)
    if failed.size:
        codes, uniques = pd.factorize(series.iloc[failed])
        again = _parse_dates(uniques)
        empty = _blank_strings(uniques)
        values[failed] = again[codes]
        blank[failed] = empty[codes]
        unparsed[failed] = np.isnat(again[codes]) & ~empty[codes]
    return values, blank, unparsed


_BLANK = np.iinfo(np.int32).min  # month ordinal of a blank date (where blanks are allowed)


def _month_ordinals(series: pd.Series, source: str, column: str, *, allow_blank: bool = False) -> np.ndarray:
    """Months since 1970-01 (int32) of a column of dates, months ('YYYY-MM') or Periods.

    Blank cells raise :class:`DataError` unless ``allow_blank``; then they are ``_BLANK``.
    """
    blank_value = _BLANK
    dtype = series.dtype
    if isinstance(dtype, pd.PeriodDtype):
        if dtype != pd.PeriodDtype("M"):
            series = series.dt.asfreq("M")
        blank = series.isna().to_numpy()
        ordinals = series.array.asi8.astype(np.int32)
    elif isinstance(dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(dtype):
        if isinstance(dtype, pd.DatetimeTZDtype):
            series = series.dt.tz_localize(None)
        values = series.to_numpy()
        blank = np.isnat(values)
        if blank.any():
            ordinals = np.full(len(values), blank_value, dtype=np.int32)
            ordinals[~blank] = _datetime_months(values[~blank])
        else:
            ordinals = _datetime_months(values)
    elif pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        blank = series.isna().to_numpy()
        if not blank.all():
            raise _bad_rows(
                source,
                column,
                "numbers where dates belong (use dates or YYYY-MM text)",
                np.flatnonzero(~blank),
                series.to_numpy(),
            )
        ordinals = np.full(len(series), blank_value, dtype=np.int32)
    else:
        values, blank, unparsed = _parse_date_column(series)
        if unparsed.any():
            raise _bad_rows(source, column, "dates that do not parse", np.flatnonzero(unparsed), series.to_numpy())
        ordinals = np.full(len(values), blank_value, dtype=np.int32)
        ordinals[~blank] = _datetime_months(values[~blank])
    if blank.any():
        if not allow_blank:
            raise _bad_rows(source, column, "missing dates", np.flatnonzero(blank))
        ordinals[blank] = blank_value
    return ordinals


def _numbers(series: pd.Series, source: str, column: str, *, allow_blank: bool = False) -> np.ndarray:
    """A column as float64; text raises :class:`DataError`, and so do blanks unless ``allow_blank`` (NaN)."""
    dtype = series.dtype
    if dtype == np.float64:
        values = series.to_numpy()
    elif pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        as_numbers = pd.to_numeric(pd.Series(np.asarray(uniques, dtype=object)), errors="coerce").to_numpy(
            dtype=np.float64
        )
        blank_unique = _blank_strings(uniques)
        text = np.isnan(as_numbers) & ~blank_unique
        if text.any():
            wrong = text[np.maximum(codes, 0)] & (codes >= 0)
            raise _bad_rows(source, column, "values that are not numbers", np.flatnonzero(wrong), series.to_numpy())
        values = as_numbers[np.maximum(codes, 0)]
        values[codes < 0] = np.nan
    if not np.isfinite(values).all():
        if np.isinf(values).any():
            raise _bad_rows(source, column, "infinite values", np.flatnonzero(np.isinf(values)), values)
        if not allow_blank:
            raise _bad_rows(source, column, "missing values", np.flatnonzero(np.isnan(values)))
    return values


def _month_arg(name: str, value: MonthLike) -> int | None:
    if value is None:
        return None
    try:
        if isinstance(value, pd.Period):
            return int(value.asfreq("M").ordinal)
        if isinstance(value, (bool, int, np.integer, float)):
            raise TypeError("a number is not a month")
        return int(pd.Period(value, freq="M").ordinal)
    except (ValueError, TypeError) as error:
        raise RetentionInputError(f"{name} must be a month such as '2024-03', got {value!r}", name, value) from error


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


def _check_span(ordinals: np.ndarray, rng: _Range, source: str, column: str) -> None:
    if rng.span <= MAX_MONTHS:
        return
    low, high = (int(ordinals.min()), int(ordinals.max())) if ordinals.size else (rng.low, rng.low)
    if high - low + 1 > MAX_MONTHS:
        first, last = pd.Period(ordinal=low, freq="M"), pd.Period(ordinal=high, freq="M")
        rows = np.flatnonzero((ordinals == low) | (ordinals == high))
        problem = f"dates more than {MAX_MONTHS // 12} years apart (from {first} to {last})"
        raise _bad_rows(source, column, problem, rows)
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
) -> _ByMonth:
    """Rows grouped by month (a stable bucket sort of 16-bit relative months); rows after ``end`` dropped."""
    rng = _month_range(ordinals, start, end)
    _check_span(ordinals, rng, source, column)
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


# -- subscriptions: intervals to snapshots --------------------------------------------
def snapshots_from_intervals(
    intervals: pd.DataFrame,
    through: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Monthly MRR snapshots (``customer_id, month, mrr``) from subscription intervals.

    ``intervals`` has ``customer_id, start, mrr`` and optionally ``end`` (blank or
    missing = still active). ``end`` is the day service stops (exclusive). An interval
    counts in the months from its start's month to the month before its end's month, and
    always in its start's month (a customer who joins and leaves within a month is active
    that month). A customer's intervals add up month by month (overlaps, add-ons).

    ``through`` is the last month of the result (open intervals run to it); by default the
    latest month in which something happens: a start, or the month after an interval's last
    month (when its loss is counted). Pass the month your export was taken (e.g. this
    month) so that open subscriptions reach it.

    The result is sorted by customer and month, ``month`` is a ``period[M]`` column, and
    it includes a row with MRR 0 in the month after each interval's last month (unless
    that is after ``through``), so that :func:`monthly_movements` shows the loss.

    >>> iv = pd.DataFrame({"customer_id": ["a", "a"], "start": ["2024-01-15", "2024-03-10"],
    ...                    "end": ["2024-03-10", None], "mrr": [50, 80]})
    >>> snapshots_from_intervals(iv, through="2024-04").to_dict("list")["mrr"]
    [50.0, 50.0, 80.0, 80.0]
    """
    df, names = _prepare(intervals, "intervals", columns, source)
    ids = _id_codes(df["customer_id"], source, names["customer_id"], "customer ids")
    del ids  # validation only: the output keeps the original ids
    starts = _month_ordinals(df["start"], source, names["start"]).astype(np.int64)
    if "end" in df:
        ends = _month_ordinals(df["end"], source, names["end"], allow_blank=True).astype(np.int64)
        has_end = ends != _BLANK
        start_days = _day_values(df["start"])
        end_days = _day_values(df["end"])
        backwards = has_end & (end_days < start_days)
        if backwards.any():
            raise _bad_rows(
                source, names["end"], "an end before the start", np.flatnonzero(backwards), df["end"].to_numpy()
            )
    else:
        ends = np.zeros(len(df), dtype=np.int64)
        has_end = np.zeros(len(df), dtype=bool)
    mrr = _numbers(df["mrr"], source, names["mrr"])
    if (mrr < 0).any():
        raise _bad_rows(source, names["mrr"], "negative MRR", np.flatnonzero(mrr < 0), mrr)
    last = np.where(has_end, np.maximum(starts, ends - 1), 0)
    if through is None:
        candidates = [starts, last[has_end] + 1]
        through_month = int(max(c.max() for c in candidates if c.size)) if len(df) else 0
    else:
        through_month = _month_arg("through", through)
    if len(df) and through_month - int(starts.min()) + 1 > MAX_MONTHS:
        low = int(starts.min())
        rows = np.flatnonzero((starts == low) | (has_end & (last + 1 == through_month)) | (starts == through_month))
        first, final = pd.Period(ordinal=low, freq="M"), pd.Period(ordinal=through_month, freq="M")
        where = f"{names['start']}, {names['end']}" if "end" in df else names["start"]
        raise _bad_rows(
            source, where, f"dates more than {MAX_MONTHS // 12} years apart (from {first} to {final})", rows
        )
    last = np.where(has_end, np.minimum(last, through_month), through_month)
    lengths = np.maximum(last - starts + 1, 0)
    loss = has_end & (last + 1 <= through_month) & (lengths > 0)
    try:
        codes, uniques = pd.factorize(df["customer_id"], sort=True)
    except TypeError:  # ids of mixed types do not sort
        codes, uniques = pd.factorize(df["customer_id"], sort=False)
    which = np.repeat(np.arange(len(df)), lengths)
    offsets = np.arange(which.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    row_codes = np.concatenate([codes[which], codes[loss]])
    row_months = np.concatenate([starts[which] + offsets, last[loss] + 1])
    row_mrr = np.concatenate([mrr[which], np.zeros(int(loss.sum()))])
    if row_codes.size == 0:
        return pd.DataFrame(
            {
                "customer_id": df["customer_id"].iloc[:0].reset_index(drop=True),
                "month": pd.PeriodIndex.from_ordinals(np.zeros(0, np.int64), freq="M"),
                "mrr": np.zeros(0),
            }
        )
    low = int(row_months.min())
    span = int(row_months.max()) - low + 1
    key = row_codes.astype(np.int64) * span + (row_months - low)
    unique_keys, inverse = np.unique(key, return_inverse=True)
    totals = np.bincount(inverse, weights=row_mrr, minlength=unique_keys.size)
    out_codes, out_months = np.divmod(unique_keys, span)
    return pd.DataFrame(
        {
            "customer_id": uniques.take(out_codes),
            "month": pd.PeriodIndex.from_ordinals(out_months + low, freq="M"),
            "mrr": totals,
        }
    )


def _day_values(series: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 (float, NaN for blanks) of a date column already known to parse."""
    if isinstance(series.dtype, pd.PeriodDtype):
        series = series.dt.start_time
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_localize(None)
    if pd.api.types.is_datetime64_dtype(series.dtype):
        days = series.to_numpy().astype("datetime64[D]")
    else:
        days = _parse_date_column(series)[0].astype("datetime64[D]")
    out = days.astype(np.float64)
    out[np.isnat(days)] = np.nan
    return out


# -- subscriptions: snapshots to movements and cohorts --------------------------------
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


class _Duplicate(Exception):
    """A customer twice in one month of the snapshots (``month``: relative month)."""


class _SubscriptionCounts(NamedTuple):
    columns: dict[str, np.ndarray]  # per relative month
    cohort_customers: np.ndarray  # [cohort month, calendar month]
    cohort_revenue: np.ndarray


def _subscription_pass(grouped: _ByMonth, cohorts: bool = True) -> _SubscriptionCounts:
    """Movements (and cohort matrices) month by month over snapshot rows grouped by month."""
    span, count = grouped.range.span, grouped.count
    stamp = np.full(count, -1, dtype=np.int64)
    last_mrr = np.zeros(count, dtype=np.float64)
    positions = np.arange(int(np.diff(grouped.bounds).max()) if span else 0, dtype=np.int64)
    names = (
        "customers_start new reactivated lost customers_end mrr_start new_mrr expansion_mrr "
        "reactivation_mrr contraction_mrr churned_mrr mrr_end"
    ).split()
    cols = {n: np.zeros(span, dtype=np.int64 if "mrr" not in n else np.float64) for n in names}
    cohort_customers = np.zeros((span, span) if cohorts else (0, 0), dtype=np.int64)
    cohort_revenue = np.zeros((span, span) if cohorts else (0, 0), dtype=np.float64)
    previous_codes = np.zeros(0, dtype=grouped.codes.dtype)
    previous_mrr = np.zeros(0)
    for month in range(span):
        a, b = grouped.bounds[month], grouped.bounds[month + 1]
        codes, mrr = grouped.codes[a:b], grouped.values[a:b]
        active = mrr > 0
        idle = None
        if not active.all():  # rows with MRR 0: inactive, but still rows for the duplicate check
            idle, codes, mrr = codes[~active], codes[active], mrr[active]
        before = stamp[codes]
        new = before < 0
        kept = (_stamp_month(before) == month - 1) & ~new
        back = ~(kept | new)
        cohort = np.where(new, month, before >> _COHORT_SHIFT)
        mine = (cohort << _COHORT_SHIFT) | (month << _POSITION_BITS) | positions[: codes.size]
        stamp[codes] = mine
        if (stamp[codes] != mine).any():
            raise _Duplicate(month)
        if idle is not None and idle.size:
            seen = stamp[idle]
            if ((seen >= 0) & (_stamp_month(seen) == month)).any() or np.unique(idle).size < idle.size:
                raise _Duplicate(month)
        change = mrr[kept] - last_mrr[codes[kept]]
        last_mrr[codes] = mrr
        cols["expansion_mrr"][month] = change[change > 0].sum()
        cols["contraction_mrr"][month] = (-change[change < 0]).sum()
        cols["new"][month] = np.count_nonzero(new)
        cols["new_mrr"][month] = mrr[new].sum()
        cols["reactivated"][month] = np.count_nonzero(back)
        cols["reactivation_mrr"][month] = mrr[back].sum()
        gone = _stamp_month(stamp[previous_codes]) != month
        cols["lost"][month] = np.count_nonzero(gone)
        cols["churned_mrr"][month] = previous_mrr[gone].sum()
        cols["customers_start"][month] = previous_codes.size
        cols["mrr_start"][month] = cols["mrr_end"][month - 1] if month else 0.0
        cols["customers_end"][month] = codes.size
        cols["mrr_end"][month] = mrr.sum()
        if cohorts and codes.size:
            cohort_customers[: month + 1, month] = np.bincount(cohort, minlength=month + 1)
            cohort_revenue[: month + 1, month] = np.bincount(cohort, weights=mrr, minlength=month + 1)
        previous_codes, previous_mrr = codes, mrr
    return _SubscriptionCounts(cols, cohort_customers, cohort_revenue)


def _run_subscriptions(
    snapshots: pd.DataFrame,
    start: MonthLike,
    end: MonthLike,
    columns: Mapping[str, str] | None,
    source: str,
    cohorts: bool,
) -> tuple[_SubscriptionCounts, _Range]:
    df, names = _prepare(snapshots, "snapshots", columns, source)
    codes = _id_codes(df["customer_id"], source, names["customer_id"], "customer ids")
    mrr = _numbers(df["mrr"], source, names["mrr"])
    if (mrr < 0).any():
        raise _bad_rows(source, names["mrr"], "negative MRR", np.flatnonzero(mrr < 0), mrr)
    month = names["month"]
    grouped = _group_by_month(
        _month_ordinals(df["month"], source, month), codes, mrr, start, end, source=source, column=month
    )
    grouped = grouped._replace(relative=None, ids=None, raw_values=None)  # only the grouped rows are needed
    del codes, mrr
    rng = grouped.range
    try:
        return _subscription_pass(grouped, cohorts), rng
    except _Duplicate as dup:
        del grouped
        in_month = np.flatnonzero(_month_ordinals(df["month"], source, month) == rng.low + dup.args[0])
        ids = _id_codes(df["customer_id"], source, names["customer_id"], "customer ids").codes[in_month]
        twice = in_month[pd.Series(ids).duplicated(keep=False).to_numpy()]
        problem = "duplicate snapshots (the same customer and month more than once)"
        raise _bad_rows(source, f"{names['customer_id']}, {month}", problem, twice) from None


def _movements_frame(counts: _SubscriptionCounts, rng: _Range) -> pd.DataFrame:
    shown = slice(rng.first, rng.last + 1)
    cols = {name: values[shown] for name, values in counts.columns.items()}
    df = pd.DataFrame(index=_month_index(rng))
    for name in ("customers_start", "new", "reactivated"):
        df[name] = cols[name]
    df["gained"] = cols["new"] + cols["reactivated"]
    for name in ("lost", "customers_end", "mrr_start", "new_mrr", "expansion_mrr", "reactivation_mrr"):
        df[name] = cols[name]
    for name in ("contraction_mrr", "churned_mrr", "mrr_end"):
        df[name] = cols[name]
    df["lost_mrr"] = cols["churned_mrr"] + cols["contraction_mrr"]
    start, gained, end = df["customers_start"], df["gained"], df["customers_end"]
    has_customers = start > 0
    df["crr"] = _defined(_metrics.crr, has_customers, end, gained, start)
    df["churn_rate"] = _defined(_metrics.churn_rate, has_customers, end, gained, start)
    mrr_start, expansion = df["mrr_start"], df["expansion_mrr"]
    # lost_mrr <= mrr_start holds exactly; the minimum only absorbs float rounding of the sums.
    lost = np.minimum(df["lost_mrr"], mrr_start)
    has_mrr = mrr_start > 0
    df["net_revenue_churn"] = _defined(_metrics.net_revenue_churn, has_mrr, lost, expansion, mrr_start)
    df["gross_revenue_churn"] = _defined(_metrics.gross_revenue_churn, has_mrr, lost, mrr_start)
    df["nrr"] = _defined(_metrics.nrr, has_mrr, lost, expansion, mrr_start)
    df["grr"] = _defined(_metrics.grr, has_mrr, lost, mrr_start)
    gained_mrr = df["new_mrr"] + df["reactivation_mrr"]
    df["quick_ratio"] = _defined(_metrics.quick_ratio, df["lost_mrr"] > 0, gained_mrr, expansion, df["lost_mrr"])
    return df[list(MOVEMENT_COLUMNS)]


def monthly_movements(
    snapshots: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Customer and MRR movements per month from monthly MRR snapshots.

    ``snapshots`` has ``customer_id, month, mrr``: one row per customer and month (a
    second row for the same customer and month is a :class:`DataError`); ``month`` is any
    date in the month, 'YYYY-MM' text or a Period. Active = MRR above 0; a month without a
    row is MRR 0. ``start`` / ``end`` ('YYYY-MM', a date or a Period) limit the months shown;
    data before ``start`` still decides who is new, reactivated or lost. Months after the
    data up to ``end`` count everyone as inactive, so give ``end`` only up to the month the
    data covers.

    Returns one row per month (contiguous ``PeriodIndex`` named ``month``) with the columns
    of :data:`MOVEMENT_COLUMNS`:

    * customers: ``customers_start`` (active the month before), ``new``, ``reactivated``,
      ``gained`` (new + reactivated), ``lost``, ``customers_end`` (active this month);
    * MRR: ``mrr_start``, ``new_mrr``, ``expansion_mrr`` (increases of customers active in
      both months), ``reactivation_mrr``, ``contraction_mrr`` (decreases to a non-zero MRR),
      ``churned_mrr`` (last month's MRR of those lost), ``mrr_end``, ``lost_mrr``
      (churned + contraction);
    * rates, from the core functions: ``crr``, ``churn_rate`` (NaN when customers_start is
      0), ``net_revenue_churn``, ``gross_revenue_churn``, ``nrr``, ``grr`` (NaN when
      mrr_start is 0), ``quick_ratio`` = (new + reactivation + expansion) / lost_mrr (NaN
      when lost_mrr is 0).

    ``grr`` is the capped customer-level GRR of METRICS.md: for the customers active at the
    start, sum(min(mrr_now, mrr_start)) / sum(mrr_start). Each such customer's month is
    exactly one of kept, expansion (min = mrr_start), contraction (min = mrr_start -
    contraction) or churn (min = 0), so that sum is mrr_start - lost_mrr and the capped GRR
    equals ``GRR(lost_mrr, mrr_start)`` (up to float rounding): MRR is netted per customer
    before it is classified, so one customer's upgrade never offsets another's downgrade.

    >>> snaps = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
    ...                       "month": ["2024-01", "2024-02", "2024-01", "2024-03", "2024-02"],
    ...                       "mrr": [10, 15, 20, 20, 5]})
    >>> m = monthly_movements(snaps)
    >>> m[["customers_start", "gained", "lost", "customers_end", "expansion_mrr"]]  # doctest: +NORMALIZE_WHITESPACE
             customers_start  gained  lost  customers_end  expansion_mrr
    month
    2024-01                0       2     0              2            0.0
    2024-02                2       1     1              2            5.0
    2024-03                2       1     2              1            0.0
    >>> m["crr"].round(4).tolist()
    [nan, 0.5, 0.0]
    """
    counts, rng = _run_subscriptions(snapshots, start, end, columns, source, cohorts=False)
    return _movements_frame(counts, rng)


# -- cohorts --------------------------------------------------------------------------
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


class SubscriptionTables(NamedTuple):
    """The tables of :func:`subscription_tables`."""

    movements: pd.DataFrame
    customer_cohorts: pd.DataFrame
    revenue_cohorts: pd.DataFrame


def subscription_tables(
    snapshots: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    as_rates: bool = False,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> SubscriptionTables:
    """:func:`monthly_movements` and both cohort tables of the snapshots, in one pass over the data.

    Cohort tables as in :func:`cohorts_from_snapshots`; ``as_rates`` divides each of their
    rows by month 0.
    """
    counts, rng = _run_subscriptions(snapshots, start, end, columns, source, cohorts=True)
    customers = _cohort_frame(counts.cohort_customers, rng)
    revenue = _cohort_frame(counts.cohort_revenue, rng)
    if as_rates:
        customers, revenue = cohort_rates(customers), cohort_rates(revenue)
    return SubscriptionTables(_movements_frame(counts, rng), customers, revenue)


def cohorts_from_snapshots(
    snapshots: pd.DataFrame,
    kind: str = "customers",
    as_rates: bool = False,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Cohort table of subscription snapshots (``customer_id, month, mrr``).

    A customer's cohort is their first month with MRR above 0. Rows: cohort months
    (``PeriodIndex`` named ``cohort``, contiguous, the months shown as in
    :func:`monthly_movements`); columns: months since (0, 1, ...; named ``months_since``).
    Cell (c, k): the number of cohort c's customers with MRR above 0 in month c + k
    (``kind="revenue"``: their MRR that month). Cells after the last month are NaN (the
    triangle), so counts are floats. ``as_rates`` divides each row by its month 0.
    For each month, the sum over cohorts of cell (c, month - c) is that month's
    ``customers_end`` (``mrr_end`` for revenue), when no ``start`` cuts earlier cohorts off.
    """
    _check_kind(kind)
    counts, rng = _run_subscriptions(snapshots, start, end, columns, source, cohorts=True)
    matrix = counts.cohort_customers if kind == "customers" else counts.cohort_revenue
    table = _cohort_frame(matrix, rng)
    return cohort_rates(table) if as_rates else table


class _ActivityCounts(NamedTuple):
    active: np.ndarray  # distinct customers per month
    new: np.ndarray  # customers in their first month
    cohort_customers: np.ndarray  # [cohort month, calendar month]
    cohort_values: np.ndarray | None  # the same, summing the values


def _activity_pass(grouped: _ByMonth, cohorts: bool) -> _ActivityCounts:
    """Distinct and new customers per month (and cohort matrices) over event rows grouped by month."""
    span, count = grouped.range.span, grouped.count
    stamp = np.full(count, -1, dtype=np.int64)
    positions = np.arange(int(np.diff(grouped.bounds).max()) if span else 0, dtype=np.int64)
    active = np.zeros(span, dtype=np.int64)
    new = np.zeros(span, dtype=np.int64)
    cohort_customers = np.zeros((span, span) if cohorts else (0, 0), dtype=np.int64)
    for month in range(span):
        a, b = grouped.bounds[month], grouped.bounds[month + 1]
        if a == b:
            continue
        codes = grouped.codes[a:b]
        before = stamp[codes]
        cohort = np.where(before < 0, month, before >> _COHORT_SHIFT)
        mine = (cohort << _COHORT_SHIFT) | (month << _POSITION_BITS) | positions[: codes.size]
        stamp[codes] = mine
        cohort = cohort[stamp[codes] == mine]  # one row per customer: the one whose write survived
        active[month] = cohort.size
        new[month] = np.count_nonzero(cohort == month)
        if cohorts:
            cohort_customers[: month + 1, month] = np.bincount(cohort, minlength=month + 1)
    cohort_values = None
    if cohorts and grouped.raw_values is not None:
        # Sum the values by (cohort, month) in file order: no sorted copy of the values.
        first = stamp >> _COHORT_SHIFT
        ids, relative, values = grouped.ids, grouped.relative, grouped.raw_values
        cells = np.zeros(span * span)
        for i in range(0, relative.size, _CHUNK):
            chunk = ids.codes[i : i + _CHUNK]
            cell = first[chunk - ids.offset if ids.offset else chunk] * span + relative[i : i + _CHUNK]
            cells += np.bincount(cell, weights=values[i : i + _CHUNK], minlength=span * span)
        cohort_values = cells.reshape(span, span)
    return _ActivityCounts(active, new, cohort_customers, cohort_values)


def _grouped_activity(
    df: pd.DataFrame,
    names: dict[str, str],
    id_column: str,
    date_column: str,
    value_column: str | None,
    start: MonthLike,
    end: MonthLike,
    source: str,
    what: str,
) -> _ByMonth:
    codes = _id_codes(df[id_column], source, names[id_column], what)
    values = None
    if value_column is not None:
        values = _numbers(df[value_column], source, names[value_column])
        if (values < 0).any():
            raise _bad_rows(
                source, names[value_column], "negative amounts", np.flatnonzero(values < 0), df[value_column].to_numpy()
            )
    date = names[date_column]
    months = _month_ordinals(df[date_column], source, date)
    return _group_by_month(months, codes, values, start, end, sort_values=False, source=source, column=date)


def cohort_table(
    activity: pd.DataFrame,
    value: str | None = None,
    kind: str = "customers",
    as_rates: bool = False,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Cohort table of any activity: one row per event, ``customer_id`` and ``month`` (or ``date``).

    Every row is activity (a customer is active in each month they have a row); their
    cohort is their first active month. ``kind="revenue"`` sums the column named ``value``
    (e.g. ``"amount"``) instead of counting customers. Layout as in
    :func:`cohorts_from_snapshots`. For MRR snapshots, where a row with MRR 0 is not
    activity, use :func:`cohorts_from_snapshots`; for orders, :func:`cohorts_from_orders`.

    >>> events = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["2024-01", "2024-02", "2024-02"]})
    >>> cohort_table(events).to_numpy().tolist()
    [[1.0, 1.0], [1.0, nan]]
    """
    _check_kind(kind)
    if kind == "revenue" and value is None:
        raise RetentionInputError("kind='revenue' needs value: the name of the amount column", "value")
    if not isinstance(activity, pd.DataFrame):
        raise DataError(f"{source}: expected a table (pandas DataFrame), got {type(activity).__name__}", source=source)
    optional = ("month", "date") + ((value,) if value is not None else ())
    df = normalize_columns(activity, ["customer_id"], optional, columns, source)
    names = df.attrs["source_columns"]
    date_column = "month" if "month" in df else "date"
    if date_column not in df:
        raise DataError(
            f"{source}: missing column 'month' (or 'date') (columns found: "
            f"{', '.join(repr(str(c)) for c in activity.columns) or 'none'})",
            source=source,
            column="month",
        )
    if value is not None and value not in df:
        raise DataError(f"{source}: missing column {value!r}", source=source, column=value)
    value_column = value if kind == "revenue" else None
    grouped = _grouped_activity(df, names, "customer_id", date_column, value_column, start, end, source, "customer ids")
    counts = _activity_pass(grouped, cohorts=True)
    matrix = counts.cohort_customers if kind == "customers" else counts.cohort_values
    table = _cohort_frame(matrix, grouped.range)
    return cohort_rates(table) if as_rates else table


# -- orders ---------------------------------------------------------------------------
class OrderTables(NamedTuple):
    """The tables of :func:`order_tables` (``revenue_cohorts`` is None without an ``amount`` column)."""

    purchases: pd.DataFrame
    customer_cohorts: pd.DataFrame
    revenue_cohorts: pd.DataFrame | None


def _purchases_frame(counts: _ActivityCounts, rng: _Range, total: str, rate: str, func: Callable) -> pd.DataFrame:
    shown = slice(rng.first, rng.last + 1)
    df = pd.DataFrame(index=_month_index(rng))
    df[total] = counts.active[shown]
    df["returning"] = counts.active[shown] - counts.new[shown]
    df[rate] = _defined(func, df[total] > 0, df["returning"], df[total])
    return df


def order_tables(
    orders: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    as_rates: bool = False,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> OrderTables:
    """:func:`repeat_purchases` and the cohort tables of :func:`cohorts_from_orders`, in one pass."""
    df, names = _prepare(orders, "orders", columns, source)
    value_column = "amount" if "amount" in df else None
    grouped = _grouped_activity(df, names, "customer_id", "date", value_column, start, end, source, "customer ids")
    counts = _activity_pass(grouped, cohorts=True)
    customers = _cohort_frame(counts.cohort_customers, grouped.range)
    revenue = _cohort_frame(counts.cohort_values, grouped.range) if value_column else None
    if as_rates:
        customers = cohort_rates(customers)
        revenue = cohort_rates(revenue) if revenue is not None else None
    purchases = _purchases_frame(counts, grouped.range, "buyers", "repeat_purchase_rate", _metrics.repeat_purchase_rate)
    return OrderTables(purchases, customers, revenue)


def repeat_purchases(
    orders: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Buyers and returning buyers per month, from orders (``customer_id, date`` [, ``amount``]).

    One row per order. Columns of :data:`PURCHASE_COLUMNS`: ``buyers`` (distinct customers
    who ordered that month: the template's "Customers who bought"), ``returning`` (of them,
    those who had ordered in an earlier month: "Of whom returning"; orders before
    ``start`` count), ``repeat_purchase_rate`` = returning / buyers (core function; NaN in
    a month without orders). A customer whose first two orders fall in the same month is
    not returning that month.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 1], "date": ["2024-01-03", "2024-01-20",
    ...                        "2024-02-01", "2024-02-09"]})
    >>> repeat_purchases(orders).to_dict("list")
    {'buyers': [1, 2], 'returning': [0, 1], 'repeat_purchase_rate': [0.0, 0.5]}
    """
    df, names = _prepare(orders, "orders", columns, source)
    grouped = _grouped_activity(df, names, "customer_id", "date", None, start, end, source, "customer ids")
    counts = _activity_pass(grouped, cohorts=False)
    return _purchases_frame(counts, grouped.range, "buyers", "repeat_purchase_rate", _metrics.repeat_purchase_rate)


def cohorts_from_orders(
    orders: pd.DataFrame,
    kind: str = "customers",
    as_rates: bool = False,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Cohort table of orders (``customer_id, date`` [, ``amount``], one row per order).

    A customer's cohort is the month of their first order; cell (c, k) counts cohort c's
    customers who ordered in month c + k (``kind="revenue"``: the sum of their order
    amounts that month, which needs ``amount``). Layout as in :func:`cohorts_from_snapshots`.
    """
    _check_kind(kind)
    df, names = _prepare(orders, "orders", columns, source)
    if kind == "revenue" and "amount" not in df:
        raise DataError(
            f"{source}: revenue cohorts need an 'amount' column (columns found: "
            f"{', '.join(repr(str(c)) for c in orders.columns)})",
            source=source,
            column="amount",
        )
    value_column = "amount" if kind == "revenue" else None
    grouped = _grouped_activity(df, names, "customer_id", "date", value_column, start, end, source, "customer ids")
    counts = _activity_pass(grouped, cohorts=True)
    table = _cohort_frame(counts.cohort_customers if kind == "customers" else counts.cohort_values, grouped.range)
    return cohort_rates(table) if as_rates else table


def overall_repeat_purchase_rate(
    orders: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> float:
    """Share of customers with 2 or more orders (rows), over the whole table; NaN without orders.

    Uses the one-argument core :func:`~xl_retention.metrics.repeat_purchase_rate` on each
    customer's order count.

    >>> overall_repeat_purchase_rate(pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                                            "date": ["2024-01-01"] * 3}))
    0.5
    """
    df, names = _prepare(orders, "orders", columns, source)
    codes = _id_codes(df["customer_id"], source, names["customer_id"], "customer ids")
    _month_ordinals(df["date"], source, names["date"])  # validation
    if codes.codes.size == 0:
        return float("nan")
    per_customer = np.bincount(codes.dense(), minlength=codes.count)
    return float(_metrics.repeat_purchase_rate(per_customer[per_customer > 0]))


# -- visits ---------------------------------------------------------------------------
def returning_visitors(
    visits: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.DataFrame:
    """Visitors and returning visitors per month, from visits (``visitor_id, date``, one row per visit).

    Columns of :data:`VISITOR_COLUMNS`: ``visitors`` (distinct visitors that month),
    ``returning`` (of them, those seen in an earlier month; visits before ``start`` count),
    ``returning_visitor_rate`` (core function; NaN in a month without visits).

    >>> visits = pd.DataFrame({"visitor_id": ["x", "y", "x"], "date": ["2024-01-02", "2024-02-03", "2024-02-04"]})
    >>> returning_visitors(visits).to_dict("list")
    {'visitors': [1, 2], 'returning': [0, 1], 'returning_visitor_rate': [0.0, 0.5]}
    """
    df, names = _prepare(visits, "visits", columns, source)
    grouped = _grouped_activity(df, names, "visitor_id", "date", None, start, end, source, "visitor ids")
    counts = _activity_pass(grouped, cohorts=False)
    return _purchases_frame(
        counts, grouped.range, "visitors", "returning_visitor_rate", _metrics.returning_visitor_rate
    )


# -- surveys --------------------------------------------------------------------------
def nps_by_month(
    answers: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    confidence: float = 0.95,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
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
    by_month = scores_by_month(answers, start, end, columns=columns, source=source)
    n = len(by_month)
    out = {name: np.zeros(n, dtype=np.int64) for name in NPS_COLUMNS[:4]}
    out["nps"] = np.full(n, np.nan)
    out["nps_moe"] = np.full(n, np.nan)
    for i, month_scores in enumerate(by_month):
        if month_scores.size == 0:
            continue
        b = _metrics.nps_breakdown(month_scores)
        out["responses"][i], out["promoters"][i] = b.responses, b.promoters
        out["passives"][i], out["detractors"][i] = b.passives, b.detractors
        out["nps"][i] = _metrics.nps(month_scores)
        out["nps_moe"][i] = _metrics.nps_moe(month_scores, confidence)
    return pd.DataFrame(out, index=by_month.index)[list(NPS_COLUMNS)]


def scores_by_month(
    answers: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
) -> pd.Series:
    """Each month's survey scores (a float array, in the answers' order), from ``date, score`` answers.

    Validated as in :func:`nps_by_month` (whole scores 0-10, blank scores skipped).

    >>> answers = pd.DataFrame({"date": ["2024-01-05", "2024-03-01"], "score": [10, 6]})
    >>> scores_by_month(answers).map(lambda s: s.tolist()).to_dict()
    {Period('2024-01', 'M'): [10.0], Period('2024-02', 'M'): [], Period('2024-03', 'M'): [6.0]}
    """
    df, names = _prepare(answers, "answers", columns, source)
    scores = _numbers(df["score"], source, names["score"], allow_blank=True)
    with np.errstate(invalid="ignore"):
        wrong = ~np.isnan(scores) & ((scores < 0) | (scores > 10) | (scores != np.round(scores)))
    if wrong.any():
        raise _bad_rows(
            source, names["score"], "scores outside 0-10 or not whole", np.flatnonzero(wrong), df["score"].to_numpy()
        )
    months = _month_ordinals(df["date"], source, names["date"])
    shown = _month_range(months, start, end)  # rows with a blank score still count for the months shown
    first, last = shown.low + shown.first, shown.low + shown.last
    keep = ~np.isnan(scores) & (months >= first)  # earlier months carry no state for NPS
    months, scores = months[keep], scores[keep]
    every = (pd.Period(ordinal=first, freq="M"), pd.Period(ordinal=last, freq="M")) if shown.span else (None, None)
    no_ids = _Codes(np.zeros(months.size, np.int64), 1)
    grouped = _group_by_month(months, no_ids, scores, *every, source=source, column=names["date"])
    rng = grouped.range
    values = [grouped.values[grouped.bounds[m] : grouped.bounds[m + 1]] for m in range(rng.first, rng.last + 1)]
    return pd.Series(values, index=_month_index(rng), dtype=object, name="scores")
