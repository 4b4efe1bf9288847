"""Inputs of the relational tables: pandas frames, Ibis tables or Spark DataFrames to typed Ibis tables; checks.

Two ways in, one set of errors (:class:`~xl_retention.reading.DataError`, one line naming the
file or table, the column and the first rows):

* a pandas DataFrame (a file read by :func:`xl_retention.reading.read_table`) is read column by
  column by :func:`xl_retention.reading.prepare` exactly as the pandas tables read it (dates
  sniffed, decimal commas, billing intervals, ...) and handed to the engine with its row
  positions, so that the checks below name the same rows as the pandas path does;
* an Ibis table (a database table, a Parquet file read by DuckDB) or a Spark DataFrame stays in
  its engine when its columns are typed (ids text or whole numbers, dates DATE/TIMESTAMP,
  amounts numeric; billing intervals as text). A column that needs reading (dates or numbers
  stored as text) is fetched and read as a file would be (the same rules, the same errors).

The checks that need the whole table (negative MRR, a customer twice in one month, an
interval ending before it starts, scores outside 0-10, dates a century apart, blanks in a
typed table) run in the engine as one aggregate query; only when one fails are the first
rows fetched. Rows are named by their row number (header = row 1; a table read from a sheet:
the sheet's own rows, as on the pandas path) where the input has an order (frames, Parquet
files), else by their values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from ..reading import DataError, ReadOptions, key, normalize_columns, prepare, source_of
from ..reading.answer_flags import answer_flag_columns
from ..reading.billing import (
    BILLING_ALIASES,
    UNREAD_INTERVALS,
    UNREAD_INTERVALS_ADVICE,
    interval_in_text,
    interval_months,
    price_in_cents,
)
from ..reading.billing_columns import (
    _check_dates_given,
    _refuse_billing_names_without_interval,
    _refuse_count_without_interval,
    _refuse_unused_billing_columns,
    period_interval,
    price_needed,
)
from ..reading.columns import _BILLING, FUTURE_HINTS, SCHEMAS, billing_optional, both_prices, in_cents, is_billing
from ..reading.discounts import discount_columns, percent_columns
from ..reading.ends import empty_end_message, end_like_columns, refuse_unused_end
from ..reading.errors import TableRows, _is_parquet
from ..reading.export_kinds import refuse_count_report, refuse_counts
from ..reading.extra_prices import extra_price_columns
from ..reading.frames import (
    empty_table,
    full_type_name,
    is_duckdb_relation,
    is_polars_frame,
    pandas_table,
    relation_arrow,
)
from ..reading.free_quantities import free_quantity_columns
from ..reading.interval_columns import swapped_interval_columns
from ..reading.line_totals import may_be_line_total
from ..reading.list_prices import names_a_price
from ..reading.money_twins import check_money_twins
from ..reading.observed import OBSERVED_MONTH, period_start_columns
from ..reading.order_shipping import shipping_alone, shipping_named
from ..reading.orders import item_columns, order_aliases
from ..reading.pauses import pause_columns
from ..reading.renewals import scheduled_cancel
from ..reading.repeats import record_id_columns
from ..reading.revenue import ENDED_AT_ZERO, ENDED_AT_ZERO_ADVICE, MRR_DUST, says_unit
from ..reading.sandbox import sandbox_columns
from ..reading.segment_spellings import lookalike_segments
from ..reading.shipping import shipping_columns
from ..reading.snapshot_rows import kept_segments
from ..reading.statuses import FUTURE, NEVER_PAID_ENDED, TRIALING, ended_flag_columns, status_columns
from ..reading.tax_flags import may_say_tax_included
from ..reading.taxes import tax_named
from ..reading.trial_days import trial_days_columns
from ..reading.trial_flags import trial_flag_columns
from ..reading.trials import trial_end_columns
from ..reading.values import missing_ids_advice
from .definitions import billing_mrr, intervals_to_snapshots, month_ordinal, whole_score
from .file_rules import Typed, id_checks, read_as_file
from .id_forms import salesforce_pairs
from .instants import note_instants, zoned_instants
from .loaded_twice import timed_copies
from .mirrors import (
    _add_on_columns,
    _by_currency,
    _continued_phases,
    _currency_columns,
    _id_checks,
    _ids_repeat,
    _last_day_ends,
    _minor_unit_divisors,
    _months_twice,
    _refuse_currencies,
    _refuse_ended_without_end,
    _refuse_other_ids,
    _refuse_renewal_ends,
    _refuse_repeated_rows,
    _refuse_statuses,
    _refuse_test_answers,
)
from .nested_columns import refuse_nested_columns
from .order_marks import orders_by_values
from .prepaid_rows import refuse_prepaid_table
from .read_as_files import _cancellable, _odd_spaces, _qualtrics_unanswered
from .refusals import ROW, _stripped, refuse_any, unseen_in_ids
from .segments import BLANK_SEGMENT, _segment_name, segment_labels
from .unmapped_columns import needs_file_reading, refuse_movements_log

__all__ = ["Input", "coded_segments", "typed_input"]


@dataclass
class Input:
    """A typed input table on an engine: ``table`` in our column names (see :mod:`.definitions`)."""

    table: ir.Table
    kind: str
    source: str
    names: dict[str, str] = field(default_factory=dict)  # our name -> the input's spelling
    checks: list = field(default_factory=list)  # (column, problem, condition over `table`, shown column[, advice])
    #: months after the current month are refused (``ReadOptions.refuse_missing_months``: an import's exports),
    #: the current month being ``today``'s (None: the run's); a typed table's, as :func:`~.reading.prepare` does
    refuse_future: bool = False
    today: Any = None
    #: a snapshots table with a month without any row between months with rows is refused as a missing export
    #: (``ReadOptions.refuse_missing_months``), a typed table's as :func:`~.reading.prepare` refuses a file's
    refuse_missing: bool = False
    #: the segment labels, in code-point order, when ``table.segment`` holds their codes (see :func:`coded_segments`)
    labels: list[str] | None = None
    #: an intervals table's latest current-period start month (ordinal): a month observed (reading.observed)
    observed: int | None = None

    def decoded(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` (an engine's result) with the segment codes of its ``segment`` column as their labels."""
        if self.labels is None or "segment" not in frame.columns:
            return frame
        codes = pd.to_numeric(frame["segment"]).to_numpy(dtype=np.int64)
        return frame.assign(segment=np.asarray(self.labels, dtype=object)[codes])


def coded_segments(labels: Any) -> tuple[dict[str, str], list[str]]:
    """Each distinct segment label's code (its rank in code-point order, as nine digits) and the labels in that order.

    The engine compares codes, not labels, where a customer's first month has rows of two segments ("the smallest
    value", docs/metrics.md "Segments"): equal-length digit strings sort alike under every collation, where labels
    sort by the database's (PostgreSQL's en-US puts 'basic' before 'Pro', Python and DuckDB 'Pro' first).

    >>> coded_segments(["basic", "Pro", "basic"])
    ({'Pro': '000000000', 'basic': '000000001'}, ['Pro', 'basic'])
    """
    order = sorted({str(label) for label in labels})
    return {label: f"{i:09d}" for i, label in enumerate(order)}, order


def _as_ibis(data: Any, con: Any) -> ir.Table | pd.DataFrame:
    """An Ibis table for ``data`` (pandas frames are returned as they are)."""
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, ir.Table):
        from .backends import money_read

        return money_read(data)  # a PostgreSQL money column: its numbers
    if type(data).__module__.startswith("pyspark.sql") and type(data).__name__ == "DataFrame":
        from .backends import spark_table

        return spark_table(data, con)
    if is_polars_frame(data):  # read through its to_pandas()
        return pandas_table(data, "input")
    if _is_arrow_table(data):  # in memory already: read as the frame it converts to, as a polars frame is
        return pandas_table(data.to_pandas(date_as_object=False), "input")
    if is_duckdb_relation(data):
        # its connection cannot be read from it (H202's finding 08): run on its own connection, its rows come as the
        # Arrow table they are (DuckDB's types: DATE, DECIMAL, BIGINT), which the engine scans as a typed table, as
        # a database's table is read (not through pandas); a relation has no row order: rows named by their values
        return ibis.memtable(relation_arrow(data))
    raise DataError(
        "expected a table (a pandas or polars DataFrame, an Ibis table, a Spark DataFrame, a pyarrow Table or a "
        "DuckDB relation), "
        f"got {full_type_name(data)}"
    )


def _is_arrow_table(data: Any) -> bool:
    """True for a pyarrow Table (without importing pyarrow)."""
    return type(data).__module__.split(".")[0] == "pyarrow" and type(data).__name__ == "Table"


def typed_input(
    data: Any,
    kind: str,
    con: Any,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    segment: str | None = None,
) -> Input:
    """``data`` as a typed Ibis table of ``kind`` (``snapshots``, ``intervals``, ``orders``, ``visits``, ``answers``).

    ``segment`` names a column of ``data`` (matched as column names are) that becomes ``segment`` (text; blank =
    ``(blank)``). Raises :class:`DataError` for bad data (see the module docstring).
    """
    data = _as_ibis(data, con)
    if isinstance(data, pd.DataFrame):
        item = _from_frame(data, kind, columns, source, options, segment)  # reading.prepare refuses future months
        item.today = options.today if options is not None else None  # the run's date (snapshots_of: after today)
        return item
    if int(con.execute(data.limit(1).count())) == 0:  # a query that matched nothing: refused as an empty frame is
        raise empty_table(source, [c for c in data.columns if c != ROW])
    item = _from_table(data, kind, con, columns, source, options, segment)
    if options is not None and options.refuse_missing_months and kind in FUTURE_HINTS:
        item.refuse_future, item.today = True, options.today
        item.refuse_missing = kind == "snapshots"
    return item


def _refuse_counts(con: Any, table: ir.Table, names: dict[str, str], kind: str, source: str) -> None:
    """:func:`~xl_retention.reading.export_kinds.refuse_counts` on a typed table with one row per date (a report has
    one a day: its rows are read, up to 100,000; a log with days of several rows is not one)."""
    who = names.get("visitor_id" if kind == "visits" else "customer_id")
    when = names.get("date")
    if who is None or when is None:
        return
    found = con.execute(table.aggregate(n=table.count(), dates=table[when].nunique())).iloc[0]
    if int(found["n"]) != int(found["dates"]) or int(found["n"]) > 100_000:
        return
    refuse_counts(con.execute(table.select(who, when) if who != when else table.select(who)), names, kind, source)


def _refuse_empty_end(con: Any, table: Any, source: str, names: dict[str, str]) -> None:
    """The mapped end blank in every row while another column named as an end holds a value: refused as a file's
    is (:func:`~xl_retention.reading.ends.refuse_empty_end`), one count per column."""
    end = names.get("end")
    if end is None or int(con.execute(table.filter(table[end].notnull()).count())) > 0:
        return
    for other in end_like_columns([c for c in table.columns if c != ROW], names):
        text = _stripped(table[other].cast("string"))  # blank text or NULL: no date (refusals._stripped: Spark)
        if int(con.execute(table.filter(text.notnull() & (text != "")).count())) > 0:
            raise DataError(f"{source}: {empty_end_message(end, other)}", source=source, column=end)


def _copied_rows(con: Any, table: ir.Table, names: dict[str, str]) -> bool:
    """Whether a subscriptions table without a record id column has a row twice in every column (refused as a
    file's, :func:`~xl_retention.reading.copies.check_copied_rows`): one count of its distinct rows."""
    columns = [c for c in table.columns if c != ROW]
    if record_id_columns(columns, people=(names.get("customer_id"),)):
        return False
    return int(con.execute(table.select(*columns).distinct().count())) < int(con.execute(table.count()))


def _from_frame(
    df: pd.DataFrame,
    kind: str,
    columns: Mapping[str, str] | None,
    source: str,
    options: ReadOptions | None,
    segment: str | None,
) -> Input:
    source = source_of(df, source)  # a sheet's table: rows named as the sheet's, as on the pandas path
    frame, names = prepare(df, kind, columns, source, options)
    out: dict[str, Any] = {}
    for name in frame.columns:
        values = frame[name]
        if name in ("customer_id", "visitor_id"):
            out[name] = values.astype(str).astype(object) if pd.api.types.is_integer_dtype(values) else values
        else:
            out[name] = values
    typed = pd.DataFrame(out)
    order = None
    if segment is not None:
        labels = segment_labels(df, segment, source)  # 'Pro' beside 'PRO': refused (reading.segment_spellings)
        labels = kept_segments(labels, frame.attrs)  # the rows kept; a customer's month of several: the smallest
        codes, order = coded_segments(labels)
        typed["segment"] = pd.Series(labels, dtype=object).map(codes).to_numpy(dtype=object)
        names["segment"] = segment
    # the file positions of the rows (an orders file's line items and cancelled orders are left out: reading.orders)
    typed[ROW] = np.asarray(frame.attrs.get("positions", np.arange(len(typed))), dtype=np.int64)
    typed = typed.reset_index(drop=True)
    import pyarrow as pa

    # an Arrow table: engines scan it in parallel, where a pandas frame is scanned by one thread
    table = ibis.memtable(pa.Table.from_pandas(typed, preserve_index=False))
    item = _shape(table, kind, source, names)
    item.labels = order
    item.observed = frame.attrs.get(OBSERVED_MONTH)
    return item


def _shape(table: ir.Table, kind: str, source: str, names: dict[str, str]) -> Input:
    """Our typed columns to the definitions' columns (month ordinals ``m``, ``t``, ``start_m``, ...)."""
    extra = [c for c in ("segment", ROW) if c in table.columns]
    if kind in ("snapshots", "intervals"):
        mrr = table.mrr.cast("float64")  # within MRR_DUST of 0: 0, as reading.revenue.check_negative_mrr reads it
        mrr = (mrr.abs() < MRR_DUST).ifelse(ibis.literal(0.0, "float64"), mrr)
    if kind == "snapshots":
        t = table.select("customer_id", *extra, m=month_ordinal(table.month), mrr=mrr, month=table.month)
    elif kind == "intervals":
        end = table.end if "end" in table.columns else ibis.null("timestamp")
        t = table.select("customer_id", *extra, start_m=month_ordinal(table.start), mrr=mrr,
                         end_m=month_ordinal(end) if "end" in table.columns else ibis.null("int64"),
                         start=table.start, end=end)  # fmt: skip
    elif kind in ("orders", "visits"):
        who = "customer_id" if kind == "orders" else "visitor_id"
        sums = {"amount": table.amount.cast("float64")} if "amount" in table.columns else {}
        t = table.select(who, *extra, m=month_ordinal(table.date), t=table.date, date=table.date, **sums)
    else:
        t = table.select(*extra, m=month_ordinal(table.date), score=whole_score(table.score), date=table.date)
    return Input(t, kind, source, names)


# -- typed tables (databases, Parquet, Spark) -----------------------------------------------------------------------
_TEXT_NEEDS_READING = {"month", "date", "start", "end", "mrr", "amount", "score", "quantity", "interval_count"}
_DATES = {"month", "date", "start", "end"}


def _dated_segment(table: ir.Table, segment: str | None, names: dict[str, str], source: str) -> ir.Table:
    """``table`` with a DATE segment column (not read as anything else) as its text (``2026-01-01``), as a file's
    segment of dates is labelled, not as the midnight a fetched date becomes (``2026-01-01 00:00:00``)."""
    if not segment:
        return table
    name = _segment_name(list(table.columns), segment, source)
    if name in names.values() or not table.schema()[name].is_date():
        return table
    return table.mutate(**{name: table[name].cast("string")})


def _from_table(
    table: ir.Table,
    kind: str,
    con: Any,
    columns: Mapping[str, str] | None,
    source: str,
    options: ReadOptions | None,
    segment: str | None,
) -> Input:
    required, optional = SCHEMAS[kind]
    if ROW not in table.columns and not _is_parquet(source):  # a table: no header, no order (its rows by values)
        source = TableRows(source)
    cols = dict(columns or {})
    mapped_subscription = cols.pop("subscription_id", None) is not None  # rows added up as a file's (subscription_ids)
    later = False  # a trial ending after today, incomplete_expired, future: read as a file's (reading.trials)
    if kind == "intervals":  # a snapshot's status goes with its MRR: read as a file's (reading.statuses)
        trials = TRIALING if trial_end_columns(table.columns) else frozenset()
        later = _refuse_statuses(con, table, source, NEVER_PAID_ENDED | FUTURE | trials)  # future: by its start
    refuse_count_report(pd.DataFrame(columns=[c for c in table.columns if c != ROW]), kind, source)  # export_kinds
    if kind in ("snapshots", "intervals"):  # Zuora's "Billing Period", a "Billing Frequency" of Yearly (by values)
        strings = {c for c, dtype in table.schema().items() if dtype.is_string()}

        def some(c: str) -> list[Any]:
            return con.execute(table.select(v=table[c]).distinct().limit(100))["v"].tolist() if c in strings else []

        listed = [c for c in table.columns if c != ROW]
        values = lambda c: con.execute(table.select(v=table[c]).distinct().limit(100))["v"].tolist()  # noqa: E731
        cols |= swapped_interval_columns(listed, cols, values)  # WooCommerce's billing_period: month
        period = period_interval(listed, cols, some, source)
        cols = {**cols, "interval": period} if period else cols
    billing = kind in ("snapshots", "intervals") and is_billing(table.columns, cols)
    empty = pd.DataFrame(columns=[c for c in table.columns if c != ROW])  # the file row number is not theirs
    if kind in ("snapshots", "intervals"):  # the checks of reading.prepare on the columns' names, in its order
        _check_dates_given(empty, kind, cols, source)
    if billing:
        required = tuple(c for c in required if c != "mrr")
        optional = billing_optional(optional, cols)
    elif kind in ("snapshots", "intervals"):
        _refuse_billing_names_without_interval(cols, source)
        _refuse_count_without_interval(empty, cols, source)  # an interval count, seats beside a unit price
        optional = tuple(c for c in optional if c not in _BILLING)
    aliases = BILLING_ALIASES if billing else order_aliases(empty.columns) if kind == "orders" else None
    names = dict(normalize_columns(empty, required, optional, cols, source, aliases).attrs["source_columns"])
    source = TableRows(source, names) if isinstance(source, TableRows) else source  # a row by its id and dates
    refuse_unused_end(empty.columns, names, source, kind)  # an end date under another name, unmapped: no churn
    refuse_nested_columns(table.schema(), names, source, (segment,) if segment else ())  # a struct holds no date
    note_instants(con, table, names, source, options.timezone if options else None)  # TIMESTAMPTZ: UTC months
    movements = refuse_movements_log(con, table, names, source, kind)  # Activity type: Churn (reading.unmapped)
    if kind in ("visits", "orders"):  # 'Date, Users': a report's counts, one row a date (reading.export_kinds)
        _refuse_counts(con, table, names, kind, source)
    if kind in ("snapshots", "intervals", "orders"):  # 'MRR' beside 'MRR (USD)': which one? (reading.money_twins)
        check_money_twins(list(empty.columns), names, cols, source)
    sample = empty
    if billing:  # a quantity or interval count column left unused would change nothing where it changes the MRR
        sample = con.execute(table.select(*[c for c in table.columns if c != ROW]).limit(1000))  # 'Team size': values
        _refuse_unused_billing_columns(sample, names, source)
        refuse_prepaid_table(con, table, names, source)  # Recharge's prepaid rows past the sample's 1,000 too
    _refuse_other_ids(con, table, source, names, cols)
    if kind in ("snapshots", "intervals", "orders"):
        _refuse_currencies(con, table, source, segment, names.get("amount", names.get("mrr")))
    table = _dated_segment(table, segment, names, source)
    schema = table.schema()
    needs_reading = any(
        (ours in _TEXT_NEEDS_READING and not (schema[theirs].is_temporal() or schema[theirs].is_numeric()))
        or (ours in _DATES and not schema[theirs].is_temporal())  # 20260105 as a number: read (or refused) as a file's
        or (ours in ("customer_id", "visitor_id") and not (schema[theirs].is_string() or schema[theirs].is_integer()))
        for ours, theirs in names.items()
    )
    month = names.get("month") if kind == "snapshots" else None
    if month is not None and not needs_reading and schema[month].is_timestamp():  # times of day: payments, refused
        column = table[month]  # as a file's (reading.months.refuse_times), rows named; midnights need no reading
        timed = (column.hour() != 0) | (column.minute() != 0) | (column.second() != 0) | (column.millisecond() != 0)
        needs_reading = int(con.execute(table.filter(timed).count())) > 0
    labels = _segment_name(list(table.columns), segment, source) if segment else None
    wanted = list(names.values()) + ([labels] if labels else [])
    # a segment of numbers other than integers, or of booleans: labelled as a file's are ('1', 'TRUE', not '1.0')
    needs_reading |= labels is not None and not (schema[labels].is_string() or schema[labels].is_integer())
    wanted += [c for c in _currency_columns(table) if c not in wanted]  # read as a file's: Stripe's cents tell by it
    if kind == "intervals":  # statuses and the file's other end dates, checked with the end as a file's are
        listed = [c for c in table.columns if c != ROW]
        found = status_columns(listed) + ended_flag_columns(listed) + end_like_columns(listed, names)
        found += [c for c in [scheduled_cancel(names.get("end", ""), listed)] if c]  # Stripe's Cancel At Period End
        wanted += [c for c in dict.fromkeys(found) if c not in wanted]
    # ids or segments with spaces the engines' TRIM keeps (a no-break space, an em space): read as a file's, whose
    # strip drops every space Python's does, so that 'abc' and 'abc\u00a0' are one customer on every engine; so are
    # ids with a character of no width ('abc\u200b') or a decomposed accent (refusals.unseen_in_ids)
    texts = [theirs for ours, theirs in names.items() if ours in ("customer_id", "visitor_id")]
    texts += [labels] if labels else []
    texts = [c for c in texts if c and schema[c].is_string()]
    needs_reading |= not needs_reading and (_odd_spaces(con, table, texts) or unseen_in_ids(con, table, texts))
    priced = billing or (kind in ("snapshots", "intervals") and names_a_price(names.get("mrr")))  # a list price
    if (
        (kind == "orders" and ("order_id" in names or _cancellable(empty) or item_columns(empty.columns)))
        or (kind == "orders" and shipping_named(names.get("amount", "")))  # 'Amount incl. P&P' (order_shipping)
        or (kind == "orders" and shipping_alone(names.get("amount", "")))  # 'Shipping' as amount (order_shipping)
        or (kind == "intervals" and (later or bool(trial_end_columns(table.columns))))
        or (kind in ("snapshots", "intervals") and bool(trial_flag_columns(empty.columns)))  # is_trial (trial_flags)
        or (kind == "intervals" and bool(period_start_columns(table.columns)))  # a month observed (reading.observed)
        or (priced and bool(discount_columns(empty) or percent_columns(sample, list(names.values()))))  # '50%' off
        or (billing and _add_on_columns(list(empty.columns), names))
        or (billing and bool(free_quantity_columns(empty.columns)))  # seats included (reading.free_quantities)
        or (billing and may_be_line_total(list(empty.columns), names))  # a total x quantity (reading.line_totals)
        or (billing and bool(extra_price_columns(list(empty.columns), names)))  # 'Storage Fee' (extra_prices)
        or (kind in ("snapshots", "intervals") and tax_named(list(empty.columns), names))  # reading.taxes
        or (kind in ("snapshots", "intervals") and bool(shipping_columns(list(empty.columns), names)))  # shipping
        or (kind in ("snapshots", "intervals") and may_say_tax_included(list(empty.columns), names))  # tax_flags
        or (not billing and any(ours in ("mrr", "amount") and says_unit(theirs) for ours, theirs in names.items()))
        or (options is not None and options.timezone is not None and bool({"date", "start", "end"} & set(names)))
        or (kind != "answers" and bool(sandbox_columns(empty.columns)))  # test-mode rows: refused as a file's
        or (kind in ("snapshots", "intervals") and _copied_rows(con, table, names))  # pasted twice (reading.copies)
        or (kind in ("orders", "answers") and timed_copies(con, table, names))  # loaded twice (reading.loaded_twice)
        or (kind == "snapshots" and bool(status_columns(empty.columns)))  # paused with MRR 0 (reading.statuses)
        or (kind == "snapshots" and bool(ended_flag_columns(empty.columns)))  # is_active false with an MRR (statuses)
        or (kind == "snapshots" and bool(end_like_columns(empty.columns, names)))  # reading.snapshot_dates
        or (kind == "snapshots" and bool(trial_end_columns(empty.columns)))  # months inside a trial (snapshot_dates)
        or (kind in ("snapshots", "intervals") and bool(trial_days_columns(empty.columns)))  # reading.trial_days
        or mapped_subscription  # --columns subscription_id=NAME (reading.subscription_ids)
        or movements  # dbt's fct_mrr: a month's MRR beside its movement's word (reading.movement_levels)
        or (kind in ("snapshots", "intervals") and bool(pause_columns(empty.columns)))  # reading.pauses
        or (kind == "snapshots" and _months_twice(con, table, names))  # subscriptions (reading.snapshot_rows)
        or needs_file_reading(con, table, names, kind)  # statuses, dates under names we do not know (reading.unmapped)
        or (kind in ("snapshots", "intervals") and _ids_repeat(con, table, names))  # months, phases (reading.repeats)
        or (kind == "intervals" and _last_day_ends(con, table, names))  # 31 December: a last day (inclusive_ends)
        or (kind == "intervals" and _continued_phases(con, table, names))  # 'Active' on an ended phase (renewals)
        or (kind == "orders" and _ids_repeat(con, table, names))  # a refund row with its sale's id (sale_refunds)
        or salesforce_pairs(con, table, names)  # 0015g00000AbCdE and 0015g00000AbCdEAAV (reading.salesforce_ids)
        or (kind == "orders" and orders_by_values(con, table, names))  # 'Zahlungsstatus' (reading.order_columns)
        or (kind == "answers" and _qualtrics_unanswered(con, table, names))  # -99: no answer, a note (reading.scores)
        or (kind == "answers" and bool(answer_flag_columns(empty.columns)))  # is_deleted: left out (answer_flags)
        or read_as_file(Typed(con, table, kind, names, source, billing, segment))  # the file rules (file_rules)
    ):  # (line) items, cancelled orders, trials, discounts, add-ons, ARR or cents, times to convert: read as a file's
        needs_reading, wanted = True, [c for c in table.columns if c != ROW]
    if needs_reading:  # text dates or numbers: read them as a file's columns are read (same rules, same errors)
        frame = _fetched(con, table, wanted, source, names)
        frame = zoned_instants(con, table, frame, options.timezone if options else None)  # Spark's TIMESTAMP
        return _from_frame(frame, kind, columns, source, options, segment)
    if kind == "intervals":  # 'canceled' with no end: it would never churn (reading.statuses)
        _refuse_ended_without_end(con, table, source, names.get("end"))
        _refuse_renewal_ends(con, table, source, names, options.today if options else None)  # reading.renewals
        _refuse_empty_end(con, table, source, names)  # an empty end beside a filled canceled_at (reading.ends)
    if kind == "answers":  # a survey's previews, tests and spam are no answers (reading.statuses)
        _refuse_test_answers(con, table, source)
    rename = {ours: table[theirs] for ours, theirs in names.items()}
    for who in ("customer_id", "visitor_id"):
        if who in rename:
            text = _stripped(rename[who].cast("string")).nullif("")
            rename[who] = text.contains("@").ifelse(text.lower(), text)  # e-mail ids: one address (reading.values)
    order = None
    if segment:
        seg = _stripped(table[_segment_name(list(table.columns), segment, source)].cast("string"))  # Spark: refusals
        labelled = (seg.isnull() | (seg == "")).ifelse(BLANK_SEGMENT, seg)
        found = con.execute(table.select(s=labelled).distinct())["s"]
        if lookalike_segments(found):  # 'Pro' beside 'PRO': read as a file's, refused naming the rows ('usd', 'USD'
            frame = _fetched(con, table, wanted, source, names)
            split = replace(options or ReadOptions(), segment=segment)  # of a currency column: one, segments.CODE)
            return _from_frame(frame, kind, columns, source, split, segment)
        codes, order = coded_segments(found)
        rename["segment"] = labelled.substitute(codes)  # codes: compared alike under every collation
        names["segment"] = segment
    if ROW in table.columns:
        rename[ROW] = table[ROW]
    money = "amount" if "amount" in names else "mrr"
    amounts = options.amounts if options is not None else None
    divisors = _minor_unit_divisors(con, table, names, money, source, amounts) if billing or kind == "orders" else None
    if isinstance(divisors, str):  # whole amounts in cents or units? read as a file's, which refuses (reading.revenue)
        return _from_frame(_fetched(con, table, wanted, source, names), kind, columns, source, options, segment)
    if divisors is not None:  # Stripe's, Paddle's API amounts: 4900 is 49.00, 500 JPY is 500 (reading.revenue)
        rename[money] = rename[money].cast("float64") / divisors
    elif billing and len(currencies := _currency_columns(table)) == 1:  # a unit_amount in cents: 990 JPY is 990
        rename[MINOR] = _by_currency(table, currencies[0])
    t = table.select(**rename)
    blanks = [n for n in names if n in t.columns and n not in ("end", "score", "segment", "interval")]
    if billing:
        refuse_any(con, t, source, [_blank(t, n, names) for n in blanks])
        if "amount" not in t.columns and "mrr" not in t.columns:  # no price: refused naming one, as a file's is
            rows = con.execute(table.select(*[c for c in table.columns if c != ROW]).limit(1000))
            raise price_needed(rows, names, source)
        t = _billing(con, t, source, names, cols, divisors is not None)
        blanks = []
    item = _shape(t, kind, source, names)
    item.labels = order
    first, later = id_checks(Typed(con, table, kind, names, source), item.table)  # 'Total January'; 'ACME GmbH'
    item.checks = first + [_blank(item.table, n, names) for n in blanks]
    integers = {c for c in _numbered_from_zero(con, table, names)}  # their 0 is an id (reading.values, as pandas)
    item.checks += _id_checks(item.table, names, [c for c in table.columns if c != ROW], integers)  # reading.values'
    item.checks += later
    if kind != "visits":  # the same record twice: overlapping exports appended (reading.repeats)
        _refuse_repeated_rows(con, table, source, (names.get("customer_id"), names.get("visitor_id")))
    shaped = item.table
    if kind == "intervals" and "end" in names and int(con.execute(shaped.filter(shaped.mrr > 0).count())) > 0:
        ended = shaped.end.notnull() & (shaped.mrr == 0)  # today's MRR: 0 once cancelled (as reading.revenue)
        item.checks.append((names["mrr"], ENDED_AT_ZERO, ended, "mrr", ENDED_AT_ZERO_ADVICE))
    return item


def _numbered_from_zero(con: Any, table: ir.Table, names: Mapping[str, str]) -> list[str]:
    """The typed integer id columns whose ids are numbered from 0 (id 1 is there too, or no id but 0): their 0 is an
    id; any other integer column's 0 and -1 stand for no one, as in text
    (:func:`~xl_retention.reading.values.numbered_from_zero`)."""
    schema = table.schema()
    found = []
    for ours in ("customer_id", "visitor_id"):
        theirs = names.get(ours)
        if theirs is not None and schema[theirs].is_integer():
            ids = table[theirs]
            counts = con.execute(
                table.aggregate(one=(ids == 1).ifelse(1, 0).sum(), other=(ids != 0).ifelse(1, 0).sum())
            )
            one, other = (int(v) if pd.notna(v) else 0 for v in counts.iloc[0])
            if one or not other:
                found.append(theirs)
    return found


def _fetched(
    con: Any, table: ir.Table, wanted: list[str], source: str, names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The columns ``wanted`` of ``table``, to be read as a file's: a file's rows (the :data:`ROW` column) in its
    order, marked as read from the file (its rows named by number); a table's as the engine gives them (a
    :class:`~xl_retention.reading.errors.TableRows` ``source`` names them by their values). Ids of a DECIMAL column
    (PostgreSQL's ``numeric(20,0)`` of 64-bit ids) come as their digits: a driver may fetch them as doubles, which
    make 9007199254740993 and 9007199254740992 one customer. A timestamp with a time zone comes in UTC, as the engine
    counts it (:mod:`.instants`), whatever zone Ibis gives it (:func:`_in_utc`)."""
    ids = {(names or {}).get(ours) for ours in ("customer_id", "visitor_id")}
    schema = table.schema()
    exact = {c: table[c].cast("string") for c in wanted if c in ids and schema[c].is_decimal()}
    picked = [exact.get(c, table[c]).name(c) for c in wanted]
    if ROW not in table.columns:
        return _in_utc(con.execute(table.select(*picked)), schema)
    frame = _in_utc(con.execute(table.order_by(ROW).select(*picked)), schema)
    frame.attrs["source"] = str(source)  # a file read by the engine: its rows by number, not as a frame's labels
    return frame


def _in_utc(frame: pd.DataFrame, schema: Any) -> pd.DataFrame:
    """``frame``'s columns of timestamps with a time zone (TIMESTAMPTZ: instants) in UTC. Ibis converts them to the
    zone of the table's schema, which for a table made by ``con.create_table(name, frame)`` on PostgreSQL is the
    pandas frame's own (``timestamp('Europe/Berlin')``; the server's table says nothing of it): their months were
    read as that zone's where the SQL counts them, and the note names, UTC's."""
    for name in frame.columns:
        dtype = schema[name] if name in schema else None
        column = frame[name]
        if (
            dtype is not None
            and dtype.is_timestamp()
            and dtype.timezone
            and isinstance(column.dtype, pd.DatetimeTZDtype)
        ):
            frame[name] = column.dt.tz_convert("UTC")
    return frame


def _blank(t: ir.Table, name: str, names: dict[str, str]) -> tuple[str, ...]:
    ids = {"customer_id": "customer ids", "visitor_id": "visitor ids"}
    if name in ids:  # what such a row is and the way out, as the file's refusal says it (reading.values)
        return names[name], f"missing {ids[name]}", t[name].isnull(), name, missing_ids_advice(ids[name])
    problem = "missing dates" if name in ("month", "date", "start") else "blank numbers"
    return names[name], problem, t[name].isnull(), name


#: The column of each row's divisor of a price in cents to its currency's units (100; 1 for JPY: reading.revenue).
MINOR = "__minor"


def _billing(
    con: Any, t: ir.Table, source: str, names: dict[str, str], cols: Mapping[str, str], in_units: bool = False
) -> ir.Table:
    money = "amount" if "amount" in t.columns else "mrr"
    if "amount" in t.columns and "mrr" in t.columns:
        raise both_prices(source, names)
    spelled = t.interval.cast("string")
    # the distinct spellings (a few) read by reading.billing's own rule: every engine reads them alike
    found = {v: interval_months(v) or interval_in_text(v)  # 'Pro (billed annually)' mapped as the interval
             for v in con.execute(t.select(v=spelled).distinct())["v"].dropna().tolist()}  # fmt: skip
    readable = {v: m for v, m in found.items() if m is not None}
    months = spelled.substitute(readable, else_=ibis.null("float64")) if readable else ibis.null("float64")
    t = t.mutate(months=months.cast("float64"))
    checks = [(names["interval"], UNREAD_INTERVALS, t.months.isnull(), "interval", UNREAD_INTERVALS_ADVICE)]
    if "quantity" in t.columns:
        checks.append((names["quantity"], "negative quantities", t.quantity < 0, "quantity"))
    if "interval_count" in t.columns:
        checks.append((names["interval_count"], "interval counts below 1", t.interval_count <= 0, "interval_count"))
    refuse_any(con, t, source, checks)
    t = t.drop("interval")
    if money == "mrr":
        t = t.rename(amount="mrr")
    mapped = any(key(v) == key(names[money]) for v in cols.values())
    stripe = lambda: int(con.execute(t.filter(t.customer_id.cast("string").startswith("cus_")).count())) > 0  # noqa: E731
    # amounts in the smallest unit were divided already (in_units); else cents by the name, or Stripe's unit_amount
    if not in_units and price_in_cents(names[money], in_cents(names[money]), mapped, stripe, source, names.values()):
        t = t.mutate(amount=t.amount.cast("float64") / (t[MINOR] if MINOR in t.columns else 100))
    t = t.drop(MINOR) if MINOR in t.columns else t
    names["mrr"] = names.pop("amount", names.get("mrr", "mrr"))
    return billing_mrr(t)


def snapshots_of(con: Any, item: Input, through: int | None = None) -> ir.Table:
    """The snapshots (``customer_id, m, mrr`` [, ``segment``]) of a snapshots or intervals input."""
    keep = [c for c in ("segment",) if c in item.table.columns]
    if item.kind == "snapshots":
        return item.table.select("customer_id", "m", "mrr", *keep, *[c for c in (ROW,) if c in item.table.columns])

    from ..tables.subscriptions import current_month, month_only  # months after the current one are not observed

    now = current_month() if through is None else None
    dates = [c for c in ("start", "end") if c in item.table.columns]  # a plan change within a month (definitions)
    rows = item.table.select("customer_id", "start_m", "end_m", "mrr", *keep, *dates)
    if now is not None and "end" in dates:  # an end later this month, after today: active through it, not lost
        from ..reading.renewals import _today  # (tables.interval_snapshots._after_today)

        month = current_month(item.today)
        later = (rows.end_m == month) & (rows.end > ibis.literal(pd.Timestamp(_today(item.today))))
        rows = rows.mutate(end_m=later.ifelse(ibis.literal(month + 1, "int64"), rows.end_m))
    if now is not None and "start" in dates and not month_only(item.today):
        from ..reading.renewals import _today  # (tables.interval_snapshots._starts_after_today)

        month = current_month(item.today)  # a start later this month, after today: not started yet, in no month
        day = pd.Timestamp(_today(item.today))
        rows = rows.mutate(not_yet=(rows.start_m == month) & (rows.start > ibis.literal(day)))
        counts = con.execute(rows.aggregate(n=rows.count(), later=rows.not_yet.ifelse(1, 0).sum()))
        n, later = int(counts["n"].iloc[0]), int(counts["later"].fillna(0).iloc[0])
        if n and later == n:  # every start later this month: no customer yet (tables.subscriptions, the same words)
            from .refusals import first_rows

            problem = f"every start is after today ({str(day)[:10]}): nothing is observed yet"
            start = item.names.get("start", "start")
            raise first_rows(con, item.table, ibis.literal(True), item.source, start, problem, "start", n)
    return intervals_to_snapshots(rows, through, now, item.observed)
