"""The stops of the SQL printed by ``xl-retention sql`` (:mod:`.sql`) on input rows ``xl-retention import`` refuses:
where the printed query reads such a row it fails with an error whose text names it (a message cast to a number,
:func:`stop`), where a silent count would depart from docs/metrics.md.

* ``subscriptions``: two rows with an MRR of one customer and month (no subscription id tells two subscriptions from
  a plan change or a table loaded twice: the import refuses them; rows of MRR 0 beside one add nothing),
  :func:`one_row_per_customer_month`; a negative MRR (:func:`without_negative_mrr`); a month with a time of day
  (:func:`months_without_times`); a month without any row between
  months with rows (a missing export: every customer lost, then back; :func:`without_missing_months`);
* every input: a date exported for a missing one (SQL Server's 1900-01-01, the Unix epoch) with no other date within
  a year after it (:func:`not_a_missing_date`); a row of a month after the current one (the database's
  ``CURRENT_DATE``), which has not happened yet
  (:func:`not_after_this_month`); ids of one customer typed two ways, ``ACME`` and ``Acme`` (:func:`one_spelling`);
* ``orders``, ``answers``: a table loaded twice, its rows identical in every column read to the second of their
  time (:func:`orders_once`, :func:`answers_once`).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

__all__ = [
    "STOP",
    "answers_once",
    "month_text",
    "months_without_times",
    "not_a_missing_date",
    "not_after_this_month",
    "one_row_per_customer_month",
    "one_spelling",
    "orders_once",
    "stop",
    "without_missing_months",
    "without_negative_mrr",
]

#: The start of every message a query stops with (cast to a number: :func:`stop`).
STOP = "xl-retention: "


def stop(message: ir.StringValue, to: str) -> ir.Value:
    """``message`` (starting :data:`STOP`; a column in it, so that no database folds it while planning, where a CASE
    does not reach it) cast to a number, which the databases refuse naming it (:func:`.sql_rewrite._raising`: where
    they do not), then to ``to``, the type of the column it stands in."""
    return message.cast("int64").cast(to)


def month_text(m: ir.IntegerValue) -> ir.StringValue:
    """The month ordinal ``m`` (months since 1970-01) as ``YYYY-MM``, in every dialect (no date formatting)."""
    years = m // 12
    month = m - years * 12 + 101  # 101 .. 112: its last two digits
    return (years + 1970).cast("string") + ibis.literal("-") + month.cast("string").substr(1, 2)


def one_row_per_customer_month(subs: ir.Table) -> ir.Table:
    """``subs`` (``customer_id, m, mrr`` [, ``segment``]) as one row per customer and month: its rows' MRR summed
    (a row of MRR 0 beside the month's paying row adds nothing; the segment is the paying row's), so that the window
    pass per customer sees one row a month, on every engine in the same order. Two rows with an MRR of one customer
    and month stop the query naming the customer and the month: docs/metrics.md ("A snapshots file's rows of one
    customer and month") adds up only rows of different subscriptions, which a table without a subscription id cannot
    tell from a plan change (the old plan's row beside the new one) or a table loaded twice; ``xl-retention import``
    refuses them there, and each row read as a customer made two customers of one (H90-05)."""
    paying = subs.mrr > 0
    keys = ["segment"] if "segment" in subs.columns else []
    extra = {}
    if keys:
        extra["segment"] = paying.ifelse(subs.segment, ibis.null("string")).min().coalesce(subs.segment.min())
    rows = subs.group_by(["customer_id", "m"]).aggregate(
        mrr=subs.mrr.sum().cast("float64"), __paying=paying.ifelse(1, 0).sum().cast("int64"), **extra
    )
    message = (
        ibis.literal(f"{STOP}subscriptions has ")
        + rows.__paying.cast("string")
        + ibis.literal(" rows with an MRR of customer_id ")
        + rows.customer_id
        + ibis.literal(" in the month ")
        + month_text(rows.m)
        + ibis.literal(
            " (two subscriptions, a plan change, or a table loaded twice? without a subscription id xl-retention "
            "import refuses them): keep one row per customer and month, their subscriptions' MRR summed "
            "(SELECT customer_id, month, SUM(mrr) AS mrr ... GROUP BY customer_id, month)"
        )
    )
    mrr = (rows.__paying > 1).ifelse(stop(message, "float64"), rows.mrr)
    return rows.select("customer_id", *keys, m=rows.m, mrr=mrr)


def without_negative_mrr(subs: ir.Table) -> ir.Table:
    """``subs`` (``customer_id, month, mrr``, as the warehouse holds them) whose negative MRR stops the query naming
    it and the row's customer: read, a credit month of -20 was a customer lost and churned MRR, then reactivated,
    where ``xl-retention import`` refuses a negative MRR (H90-03). An MRR within
    :data:`~xl_retention.reading.revenue.MRR_DUST` of 0 is 0 first, as the import reads it (H202's finding 07)."""
    from ..reading.revenue import MRR_DUST

    subs = subs.mutate(mrr=(subs.mrr.abs() < MRR_DUST).ifelse(ibis.literal(0.0, "float64"), subs.mrr))
    message = (
        ibis.literal(f"{STOP}subscriptions.mrr is ")
        + subs.mrr.cast("string")
        + ibis.literal(
            " in a row (a negative MRR, which xl-retention import refuses): correct or remove it (the row's "
            "customer_id: "
        )  # fmt: skip
        + subs.customer_id.cast("string").fill_null("NULL")
        + ibis.literal(")")
    )
    return subs.mutate(mrr=(subs.mrr < 0).ifelse(stop(message, "float64"), subs.mrr))


def without_missing_months(subs: ir.Table) -> ir.Table:
    """``subs`` (``customer_id, m, mrr`` [, ``segment``]) whose months stop the query where one has no row at all
    between months with rows, naming the first such month: a month's export missing from the table made every
    customer lost, then reactivated (CRR 0), where ``xl-retention import`` refuses it (docs/metrics.md, Months)."""
    months = subs.select("m").distinct()
    gaps = months.mutate(__prev=months.m.lag().over(ibis.window(order_by=months.m)))
    gaps = gaps.filter(gaps.m - gaps.__prev > 1)
    rows = subs.cross_join(gaps.aggregate(__gap=(gaps.__prev + 1).min()))
    message = (
        ibis.literal(f"{STOP}subscriptions has no rows at all for the month ")
        + month_text(rows.__gap)
        + ibis.literal(
            ", between months with rows (a month's export is missing: every customer would show as lost, then back; "
            "xl-retention import refuses it): add it, or, if no customer was active then, a row with MRR 0 for that "
            "month"
        )
    )
    return rows.mutate(mrr=rows.__gap.notnull().ifelse(stop(message, "float64"), rows.mrr)).select(*subs.columns)


def not_after_this_month(table: ir.Table, name: str, column: str, target: str, who: str) -> ir.Table:
    """``table`` (the input ``name`` as the warehouse holds it) whose rows of a month after the current one (the
    database's ``CURRENT_DATE``) stop the query naming the month and the row's ``who``: a forecast or a scheduled
    renewal loaded beside the actuals was counted as a month that happened, where ``xl-retention import`` refuses it.
    ``column``: the date or month; ``target``: the column the stop stands in (one every row's reading reads)."""
    from .definitions import month_ordinal

    m, now = month_ordinal(table[column]), month_ordinal(ibis.today())
    message = (
        ibis.literal(f"{STOP}{name}.{column} is ")
        + month_text(m)
        + ibis.literal(" in a row, after the current month (")
        + month_text(now)
        + ibis.literal(
            "): a month that has not happened yet is not counted, where xl-retention import refuses it (a forecast "
            f"or a scheduled renewal?); remove those rows (the row's {who}: "
        )
        + table[who].cast("string").fill_null("NULL")
        + ibis.literal(")")
    )
    value = (m > now).fill_null(False).ifelse(stop(message, str(table.schema()[target])), table[target])
    return table.mutate(**{target: value})


#: The dates a missing date is exported as (:func:`~xl_retention.reading.dates.epoch_placeholders`), each with the
#: day a year after it: the Unix epoch (time 0) and SQL Server's datetime 0 (Excel's first day).
PLACEHOLDERS = (
    ("1970-01-01", "1971-01-01", "the Unix epoch, a missing date exported as time 0"),
    ("1900-01-01", "1901-01-01", "a missing date exported as 0, SQL Server's and Excel's first day"),
)


def not_a_missing_date(table: ir.Table, name: str, column: str, target: str, who: str) -> ir.Table:
    """``table`` (the input ``name``) whose rows dated at midnight of 1900-01-01 or 1970-01-01 with no other date of
    the input within a year after it (:data:`PLACEHOLDERS`) stop the query naming the date and the row's ``who``: a
    missing date exported as a number 0 was counted as an order, a visit or a month of 1900, the months since then
    all shown, where ``xl-retention import`` refuses it (reading.dates, input_checks.check_placeholders).
    ``target``: the column the stop stands in."""
    when = table[column].cast("timestamp")
    days = {f"__others{n}": (when == ibis.timestamp(f"{day} 00:00:00")) for n, (day, _, _) in enumerate(PLACEHOLDERS)}
    # each placeholder's other dates' earliest, a window of its own select (MariaDB evaluates the stop's subquery
    # where a CASE's condition holds a window function)
    table = table.mutate(
        **{k: p.ifelse(ibis.null("timestamp"), when).min().over(ibis.window()) for k, p in days.items()}
    )
    when = table[column].cast("timestamp")
    value = table[target]
    for n, (day, year_after, what) in enumerate(PLACEHOLDERS):
        placeholder = when == ibis.timestamp(f"{day} 00:00:00")
        others = table[f"__others{n}"]
        alone = placeholder.fill_null(False) & (others.isnull() | (others >= ibis.timestamp(f"{year_after} 00:00:00")))
        message = (
            ibis.literal(f"{STOP}{name}.{column} is {day} in a row, with no other date within a year after it ({what})"
                         f", where xl-retention import refuses it: give the real date, or remove the row (the row's "
                         f"{who}: ")
            + table[who].cast("string").fill_null("NULL")
            + ibis.literal(")")
        )  # fmt: skip
        value = alone.ifelse(stop(message, str(table.schema()[target])), value)
    return table.mutate(**{target: value}).drop(*days)


def months_without_times(subs: ir.Table, text_dates: bool = False) -> ir.Table:
    """``subs`` (the subscriptions input) whose rows with a time of day other than midnight in ``month`` stop the
    query naming it and the customer: a payments or orders export taken as snapshots counted each payment as a
    month's MRR, where ``xl-retention import`` refuses a month column with times of day (reading.months.refuse_times).
    ``text_dates``: the dialect's timestamps are texts (SQLite), where Ibis' start of the day is written without the
    milliseconds the timestamp has ('2026-01-01 00:00:00' against '2026-01-01 00:00:00.000': every month stopped);
    the date made a timestamp again is compared there.
    """
    when = subs.month.cast("timestamp")
    midnight = when.date().cast("timestamp") if text_dates else when.truncate("D")
    timed = (midnight != when).fill_null(False)
    message = (
        ibis.literal(f"{STOP}subscriptions.month is ")
        + when.cast("string")
        + ibis.literal(
            " in a row, a time of day: one row per customer and month (a snapshot) has a month or a date there, a "
            "time of day says one row per event (a payments export is the orders table), where xl-retention import "
            "refuses it (the row's customer_id: "
        )
        + subs.customer_id.cast("string").fill_null("NULL")
        + ibis.literal(")")
    )
    return subs.mutate(mrr=timed.ifelse(stop(message, "float64"), subs.mrr))


def one_spelling(
    table: ir.Table, name: str, who: str, regex: bool = True, casefold: bool = True, spaces: bool = False
) -> ir.Table:
    """``table`` (the input ``name``) whose ids (``who``) typed two ways, differing only in capitals, spaces,
    apostrophes or hyphens (``ACME GmbH`` and ``Acme GmbH``; a machine's id, ``cus_AbC``, keeps its capitals: the
    folding of :func:`.sql_folding.folded`), stop the query naming both, as ``xl-retention import`` refuses them
    (:mod:`xl_retention.reading.lookalike_ids`): counted, one customer was two, a phantom loss and a new customer.
    Asked of the distinct ids, joined back by id. ``regex``: the dialect has regular expressions; ``casefold``: its
    SQL can case fold (:data:`.sql_folding.NO_CASEFOLD`); ``spaces``: the ids are read as written, where those
    differing by spaces at either end too (``Acme`` and ``acme ``) stop it (Spark's: H471; all but DuckDB's and
    PostgreSQL's: H479)."""
    from .sql_folding import folded
    from .sql_written_ids import trimmed_id

    ids = table.select(__id=table[who]).distinct()
    ids = ids.mutate(__key=folded(trimmed_id(ids.__id, regex) if spaces else ids.__id, regex, casefold))
    twice = ids.group_by("__key").aggregate(__a=ids.__id.min(), __b=ids.__id.max())
    twice = twice.filter(twice.__a != twice.__b)
    named = ids.join(twice, "__key").select("__id", "__a", "__b")
    rows = table.left_join(named, table[who] == named.__id)
    message = (
        ibis.literal(f"{STOP}{name}.{who} values that differ only in capitals, spaces, apostrophes or hyphens ('")
        + rows.__a
        + ibis.literal("' and '")
        + rows.__b
        + ibis.literal(
            "': one customer typed two ways? two would be counted, where xl-retention import refuses them): write "
            "each id one way"
        )
    )
    value = rows.__a.isnull().ifelse(rows[who], stop(message, "string"))
    return rows.mutate(**{who: value}).select(*table.columns)


def orders_once(orders: ir.Table, text_dates: bool = False) -> ir.Table:
    """``orders`` (``customer_id, date, amount`` [, ``segment``], as the warehouse holds them) whose rows identical
    in every column read, to the second of a date with a time of day, stop the query as ``xl-retention import``
    refuses them in a table without an order id (:func:`~xl_retention.reading.loaded_twice.check_loaded_twice`,
    docs/metrics.md "One record once"): when every row has such a twin, or when the repeated rows are three or more
    and a tenth of the rows at least (a table loaded twice, or a part of it; a database table has no row order).
    Counted, every buyer was a repeat purchaser (H530's finding 02: repeat purchase 100%, silently). The stop names
    the earliest such rows' customer and date and how many times they are there. Fewer are counted as read (the
    import's note cannot be said here); dates by day alone are read as before (two orders of one day may be two
    purchases). ``text_dates``: as for :func:`months_without_times`. Read after the segment is labelled (no NULL
    there)."""
    return _once(orders, "orders", text_dates)


def answers_once(answers: ir.Table, text_dates: bool = False) -> ir.Table:
    """``answers`` (``date, score`` [, ``segment``], the scores as read: :func:`.sql_inputs._scored`) whose rows
    identical in every column read, to the second of a date with a time of day, stop the query as :func:`orders_once`
    does, as ``xl-retention import`` refuses them in a file without a response id: counted, each answer was counted
    twice (H546: a month's NPS of twice the responses, silently). A score of no answer (NULL) is one value here, as
    a blank score is in the import."""
    return _once(answers, "answers", text_dates)


#: Each input :func:`_once` reads: the column the stop stands in, the columns of its rows besides the date, the record
#: id it lacks, and the advice after "remove the repeated rows (SELECT DISTINCT)".
_ONCE = {
    "orders": ("amount", ("customer_id", "amount"), "an order", ", or net and sum each order's rows first"),
    "answers": ("score", ("score",), "a response", ""),
}


def _once(table: ir.Table, name: str, text_dates: bool) -> ir.Table:
    """``table`` (the input ``name``: orders, answers) with the stop of :func:`orders_once` on rows loaded twice."""
    from ..reading.loaded_twice import FEWEST_COPIES, SHARE_OF_ROWS

    target, read, record, advice = _ONCE[name]
    # a score of no answer is NULL, which no join matches: keyed as -1 (never a score read) in __k
    keyed = table.mutate(__k=table[target].fill_null(-1)) if name == "answers" else table
    keys = [*("__k" if c == target and name == "answers" else c for c in read), "date",
            *(["segment"] if "segment" in table.columns else [])]  # fmt: skip
    when = keyed.date.cast("timestamp")
    midnight = when.date().cast("timestamp") if text_dates else when.truncate("D")
    groups = keyed.group_by(keys).aggregate(__n=keyed.count())
    twinned = groups.__n > 1
    found = groups.aggregate(
        __copies=twinned.ifelse(groups.__n - 1, 0).sum(),
        __twinned=twinned.ifelse(groups.__n, 0).sum(),
        __rows=groups.__n.sum(),
        __first=twinned.ifelse(groups.date, ibis.null(str(table.schema()["date"]))).min(),
    )
    timed = keyed.aggregate(__timed=(midnight != when).fill_null(False).ifelse(1, 0).max())
    # each row's count where it has twins: the groups of twins joined back by every column read (no window: SQL
    # Server's Ibis orders one by a column; a NULL stopped the query before, and a blank segment is '(blank)' here)
    twins = groups.filter(twinned)
    rows = keyed.left_join(twins, [keyed[k] == twins[k] for k in keys]).select(*keyed.columns, "__n")
    rows = rows.cross_join(found).cross_join(timed)
    whole = rows.__twinned == rows.__rows
    refused = (
        (rows.__rows >= 4)
        & (rows.__timed == 1)
        & (rows.__copies >= 2)
        & (whole | ((rows.__copies >= FEWEST_COPIES) & (rows.__copies >= SHARE_OF_ROWS * rows.__rows)))
    )
    share = whole.ifelse(
        ibis.literal("every row has such a twin"),
        rows.__copies.cast("string") + ibis.literal(" of ") + rows.__rows.cast("string") + ibis.literal(" rows"),
    )
    if name == "orders":
        first = ibis.literal("customer_id ") + rows.customer_id.cast("string") + ibis.literal(", date ")
        first += rows.date.cast("string")
    else:  # a whole score (0-10) as its digits, no answer as such
        score = rows.score.cast("int64").cast("string").fill_null("NULL (no answer)")
        first = ibis.literal("date ") + rows.date.cast("string") + ibis.literal(", score ") + score
    message = (
        ibis.literal(f"{STOP}{name} has rows identical in every column read to an earlier row, to the second of their "
                     "time (")
        + share
        + ibis.literal(
            f"), without {record} id to tell two {name} apart: the table loaded twice (or an export saved "
            f"twice?), each would count twice, where xl-retention import refuses them: remove the repeated rows "
            f"(SELECT DISTINCT){advice} (the first of them: "
        )
        + first
        + ibis.literal(", ")
        + rows.__n.cast("string")
        + ibis.literal(" times)")
    )  # fmt: skip
    here = refused.fill_null(False) & rows.__n.notnull() & (rows.date == rows.__first).fill_null(False)
    value = here.ifelse(stop(message, str(table.schema()[target])), rows[target])
    return rows.mutate(**{target: value}).select(*table.columns)
