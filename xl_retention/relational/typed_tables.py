"""A typed table (a database's, a Parquet file read by DuckDB, a Spark DataFrame) as a relational input
(:func:`from_table`): it stays in its engine where its columns are typed (ids text or whole numbers, dates DATE or
TIMESTAMP, amounts numeric; billing intervals as text), the file's checks made there as aggregate queries
(:mod:`.mirrors`, :mod:`.file_rules`); a column that needs reading (dates or numbers stored as text) or a column a
file's rule reads (statuses, discounts, trials, ...) has the table fetched and read as a file's
(:func:`~.frame_input.from_frame`: the same rules, the same errors).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

from ..reading import DataError, ReadOptions, normalize_columns
from ..reading.answer_flags import answer_flag_columns
from ..reading.billing import (
    BILLING_ALIASES,
)
from ..reading.billing_columns import (
    _check_dates_given,
    _refuse_billing_names_without_interval,
    _refuse_count_without_interval,
    _refuse_unused_billing_columns,
    period_interval,
    price_needed,
)
from ..reading.columns import _BILLING, SCHEMAS, billing_optional, is_billing
from ..reading.currency import named_currency as _named_currency
from ..reading.discounts import discount_columns, percent_columns
from ..reading.ends import empty_end_message, end_like_columns, refuse_unused_end
from ..reading.errors import TableRows, _is_parquet
from ..reading.export_kinds import refuse_count_report, refuse_counts
from ..reading.extra_prices import extra_price_columns
from ..reading.free_quantities import free_quantity_columns
from ..reading.interval_columns import swapped_interval_columns
from ..reading.line_totals import may_be_line_total
from ..reading.list_prices import names_a_price
from ..reading.money_twins import check_money_twins
from ..reading.names import key
from ..reading.observed import period_start_columns
from ..reading.order_shipping import shipping_alone, shipping_named
from ..reading.orders import item_columns, order_aliases
from ..reading.pauses import pause_columns
from ..reading.renewals import scheduled_cancel
from ..reading.repeats import record_id_columns
from ..reading.revenue import ENDED_AT_ZERO, ENDED_AT_ZERO_ADVICE, says_unit
from ..reading.sandbox import sandbox_columns
from ..reading.segment_spellings import lookalike_segments
from ..reading.shipping import shipping_columns
from ..reading.statuses import FUTURE, NEVER_PAID_ENDED, TRIALING, ended_flag_columns, status_columns
from ..reading.store_count_reports import count_id_columns, refuse_event_counts, refuse_subscription_counts
from ..reading.tax_flags import may_say_tax_included
from ..reading.taxes import tax_named
from ..reading.trial_days import trial_days_columns
from ..reading.trial_flags import trial_flag_columns
from ..reading.trials import trial_end_columns
from ..reading.values import missing_ids_advice
from .credit_invoices import credit_invoices
from .fetched import fetched
from .file_rules import Typed, id_checks, read_as_file
from .frame_input import from_frame
from .id_forms import salesforce_pairs
from .input_shape import Input, coded_segments, shape
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
    said_cents_columns,
)
from .nested_columns import refuse_nested_columns
from .order_ids import one_row_per_order
from .order_marks import orders_by_values
from .prepaid_rows import refuse_prepaid_table
from .read_as_files import _cancellable, _odd_spaces, _qualtrics_unanswered
from .refusals import ROW, OtherValues, _stripped, refuse_any, unseen_in_ids
from .segments import BLANK_SEGMENT, _segment_name
from .trial_invoices import trial_invoices
from .typed_billing import MINOR, typed_billing
from .unmapped_columns import needs_file_reading, refuse_movements_log

__all__ = ["from_table"]


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


def from_table(
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
    _refuse_store_reports(con, table, source)  # App Store's reports, by their values too (store_count_reports)
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
        distinct = lambda c: con.execute(table.select(v=table[c]).distinct().limit(100))["v"].tolist()  # noqa: E731
        check_money_twins(list(empty.columns), names, cols, source, distinct)  # 'mrr_currency' of USD: no twin
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
    said = said_cents_columns(con, table, names, options) if kind in ("snapshots", "intervals", "orders") else []
    needs_reading, wanted = needs_reading or bool(said), wanted + [c for c in said if c not in wanted]  # 'USD (cents)'
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
        (kind == "orders" and (_cancellable(empty) or item_columns(empty.columns)))
        or (kind == "orders" and "order_id" in names and not one_row_per_order(con, table, names, wanted))  # order_ids
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
        or any(_nested(schema[c]) for c in table.columns if c != ROW)  # a list unmapped: refused as a file's
        or movements  # dbt's fct_mrr: a month's MRR beside its movement's word (reading.movement_levels)
        or (kind in ("snapshots", "intervals") and bool(pause_columns(empty.columns)))  # reading.pauses
        or (kind == "snapshots" and _months_twice(con, table, names))  # subscriptions (reading.snapshot_rows)
        or needs_file_reading(con, table, names, kind)  # statuses, dates under names we do not know (reading.unmapped)
        or (kind in ("snapshots", "intervals") and _ids_repeat(con, table, names))  # months, phases (reading.repeats)
        or (kind == "intervals" and _last_day_ends(con, table, names))  # 31 December: a last day (inclusive_ends)
        or (kind == "intervals" and _continued_phases(con, table, names))  # 'Active' on an ended phase (renewals)
        or (kind == "orders" and _ids_repeat(con, table, names))  # a refund row with its sale's id (sale_refunds)
        or (kind == "orders" and trial_invoices(con, table, names))  # a trial's $0 invoice (reading.trial_invoices)
        or (kind == "orders" and credit_invoices(con, table, names))  # 0.00 of a Total -20.00 (credit_invoices)
        or salesforce_pairs(con, table, names)  # 0015g00000AbCdE and 0015g00000AbCdEAAV (reading.salesforce_ids)
        or (kind == "orders" and orders_by_values(con, table, names))  # 'Zahlungsstatus' (reading.order_columns)
        or (kind == "answers" and _qualtrics_unanswered(con, table, names))  # -99: no answer, a note (reading.scores)
        or (kind == "answers" and bool(answer_flag_columns(empty.columns)))  # is_deleted: left out (answer_flags)
        or read_as_file(Typed(con, table, kind, names, source, billing, segment))  # the file rules (file_rules)
    ):  # (line) items, cancelled orders, trials, discounts, add-ons, ARR or cents, times to convert: read as a file's
        needs_reading, wanted = True, [c for c in table.columns if c != ROW]
    if needs_reading:  # text dates or numbers: read them as a file's columns are read (same rules, same errors)
        frame = fetched(con, table, wanted, source, names)
        frame = zoned_instants(con, table, frame, options.timezone if options else None)  # Spark's TIMESTAMP
        return from_frame(frame, kind, columns, source, options, segment)
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
        seg_name = _segment_name(list(table.columns), segment, source)
        seg = _stripped(table[seg_name].cast("string"))  # Spark: refusals
        labelled = (seg.isnull() | (seg == "")).ifelse(BLANK_SEGMENT, seg)
        found = con.execute(table.select(s=labelled).distinct())["s"]
        currency = _named_currency(seg_name)  # 'EUR' beside '€': one currency, two segments (refused too)
        if lookalike_segments(found, currency):  # 'Pro' beside 'PRO': read as a file's, refused naming the rows
            frame = fetched(con, table, wanted, source, names)
            split = replace(options or ReadOptions(), segment=segment)  # 'usd', 'USD': one currency (segments.CODE)
            return from_frame(frame, kind, columns, source, split, segment)
        codes, order = coded_segments(found)
        rename["segment"] = labelled.substitute(codes)  # codes: compared alike under every collation
        names["segment"] = segment
    if ROW in table.columns:
        rename[ROW] = table[ROW]
    money = "amount" if "amount" in names else "mrr"
    amounts = options.amounts if options is not None else None
    divisors = _minor_unit_divisors(con, table, names, money, source, amounts) if billing or kind == "orders" else None
    if isinstance(divisors, str):  # whole amounts in cents or units? read as a file's, which refuses (reading.revenue)
        return from_frame(fetched(con, table, wanted, source, names), kind, columns, source, options, segment)
    if divisors is not None:  # Stripe's, Paddle's API amounts: 4900 is 49.00, 500 JPY is 500 (reading.revenue)
        rename[money] = rename[money].cast("float64") / divisors
    elif billing and len(currencies := _currency_columns(table)) == 1:  # a unit_amount in cents: 990 JPY is 990
        rename[MINOR] = _by_currency(table, currencies[0])
    t = table.select(**rename)
    blanks = [n for n in names if n in t.columns and n not in ("end", "score", "segment", "interval", "order_id")]
    if billing:
        refuse_any(con, t, source, [_blank(t, n, names) for n in blanks])
        if "amount" not in t.columns and "mrr" not in t.columns:  # no price: refused naming one, as a file's is
            rows = con.execute(table.select(*[c for c in table.columns if c != ROW]).limit(1000))
            raise price_needed(rows, names, source)
        t = typed_billing(con, t, source, names, cols, divisors is not None)
        blanks = []
    item = shape(t, kind, source, names)
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


def _blank(t: ir.Table, name: str, names: dict[str, str]) -> tuple[str, ...]:
    ids = {"customer_id": "customer ids", "visitor_id": "visitor ids"}
    if name in ids:  # what such a row is and the way out, as the file's refusal says it (reading.values)
        shown = OtherValues(name, names) if ROW in t.columns else name  # a file's row: by its other values
        return names[name], f"missing {ids[name]}", t[name].isnull(), shown, missing_ids_advice(ids[name])
    problem = "missing dates" if name in ("month", "date", "start") else "blank numbers"
    return names[name], problem, t[name].isnull(), name


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


def _refuse_store_reports(con: Any, table: ir.Table, source: str) -> None:
    """App Store Connect's Subscription Event report, refused naming the events it counts (their distinct values, in
    one query), and its Subscription report with a column naming one subscriber beside its counts, refused where a
    row counts more than 1 (one query, its first such row read as a file's), as reading.store_count_reports reads a
    file's."""
    listed = [c for c in table.columns if c != ROW]
    events = next((c for c in listed if key(c) == "event"), None)
    if events is not None:
        kinds = con.execute(table.select(v=table[events]).distinct().limit(100))["v"].tolist()
        refuse_event_counts(pd.DataFrame({c: kinds if c == events else [None] * len(kinds) for c in listed}), source)
    counts, ids = count_id_columns(listed)
    if not counts:
        return
    over = ibis.or_(*(table[c].try_cast("float64") > 1 for c in counts))
    refuse_subscription_counts(con.execute(table.filter(over).select(ids[0], *counts).limit(1)), source)


def _nested(dtype: Any) -> bool:
    """Whether a column of ``dtype`` holds nested values (a struct, a list, a map): no cell's text, number or date,
    refused where a file's are (reading.nested_values), mapped or not."""
    return bool(dtype.is_struct() or dtype.is_array() or dtype.is_map())
