"""``xl-retention sql --dialect NAME``: the SQL of every monthly table, compiled by Ibis from :mod:`.definitions`.

The queries read four tables, which a warehouse or a dbt project provides (rename them in the
SQL, or make views of these names):

* ``subscriptions``: ``customer_id`` (text), ``month`` (DATE, any day of the month), ``mrr`` (number);
  one row per customer and month (snapshots; two rows with an MRR stop the query naming them, rows of MRR 0 beside
  one add nothing: :func:`.sql_stops.one_row_per_customer_month`);
* ``orders``: ``customer_id`` (text), ``date`` (TIMESTAMP), ``amount`` (number; negative = refund);
* ``visits``: ``visitor_id`` (text), ``date`` (TIMESTAMP);
* ``answers``: ``date`` (TIMESTAMP), ``score`` (number 0-10, NULL or -99 = no answer; another number stops the
  query naming it, as the import refuses it: :func:`_scored`);

each with a ``segment`` (text) column when ``segment`` is asked for (labelled as the import labels it; one typed
two ways stops the query: :func:`_labelled`). A NULL in a column read (but ``score``) stops the query, naming it, as
the import refuses a blank (:func:`_without_nulls`). Months come out as the first
day of the month; cohort tables in long form (``cohort, months_since, customers, ...``: one row
per cohort and month from the cohort's to the data's last, 0 where none of the cohort is active; a cell not
observed yet has no row).

The queries give counts and MRR sums only, never a rate: the rates (CRR, churn, NRR, GRR,
quick ratio, purchase and visitor rates, NPS) are computed from those counts by the formulas
of ``docs/metrics.md``, which the output's comments repeat (:data:`RATES`); in Python,
``xl_retention.tables.movements_from_counts`` (and ``purchases_``, ``visitors_``,
``nps_from_counts``) do it on the fetched rows, as the table functions do.

>>> "WITH" in render("postgres", tables=["movements"]) or "SELECT" in render("postgres", tables=["movements"])
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ibis
import ibis.expr.types as ir

from ..errors import RetentionInputError
from . import definitions as d
from .dialects import DIALECTS, NO_SERIES
from .sql_dates import AMOUNTS, UTC_READS, read_amount, read_date
from .sql_digits import with_digits
from .sql_folding import NO_CASEFOLD, folded
from .sql_ids import ID_COLUMNS, TEXT_TYPED, no_one_stop, typed_text, visible_id, whole_number_id, whole_segment
from .sql_stops import (
    STOP,
    months_without_times,
    not_a_missing_date,
    not_after_this_month,
    one_row_per_customer_month,
    one_spelling,
    without_missing_months,
    without_negative_mrr,
)
from .sql_stops import stop as _stop

__all__ = ["DIALECTS", "HEADER", "RATES", "TABLES", "expressions", "render"]


#: The columns of each input table the SQL reads (and ``segment`` with ``--segment``).
_RAW: dict[str, dict[str, str]] = {
    "subscriptions": {"customer_id": "string", "month": "date", "mrr": "float64"},
    "orders": {"customer_id": "string", "date": "timestamp", "amount": "float64"},
    "visits": {"visitor_id": "string", "date": "timestamp"},
    "answers": {"date": "timestamp", "score": "float64"},
}


#: Dialects without regular expressions in Ibis
_NO_REGEX = frozenset({"mysql", "mssql"})
#: The words a query stops with where one segment is typed two ways (as ``xl-retention import`` refuses them:
#: :mod:`xl_retention.reading.segment_spellings`); the two spellings follow, then :data:`_SPELLINGS_END`.
SPELLINGS = STOP + "segment values that differ only in capitals, spaces, apostrophes or hyphens ("
_SPELLINGS_END = ": one segment typed two ways?): write each segment's value one way"


def _is_code(label: ir.StringValue, regex: bool = True) -> ir.BooleanValue:
    """Whether ``label`` is a currency's code as the import takes it (:data:`.segments.CODE`: three letters A-Z or
    a-z); compared letter by letter where the dialect has no regular expressions (the segment is read by code point
    there: :data:`CODE_POINT_COLLATIONS`)."""
    from .segments import CODE

    if regex:
        return label.re_search(f"^{CODE}$")
    letters = [label.substr(i, 1) for i in range(3)]
    ascii_letter = [((c >= "A") & (c <= "Z")) | ((c >= "a") & (c <= "z")) for c in letters]
    return (label.length() == 3) & ibis.and_(*ascii_letter)


def _labels(table: ir.Table, regex: bool = True, currency: bool = False) -> ir.Table:
    """``table`` with its ``segment`` as ``xl-retention import`` labels it (docs/metrics.md, "Segments"): spaces at
    either end dropped, a blank ``(blank)``; ``currency`` (the segment column is named as currencies: ``--segment
    currency``): every code upper case (``usd`` and ``USD`` are USD), as
    :func:`.segments.segment_labels` does. ``regex``: the dialect has regular expressions (Spark's TRIM of ibis'
    ``strip`` takes 'v' and 'f' as spaces: :func:`.refusals.trimmed`; MySQL and SQL Server have none, their TRIM is
    right)."""
    from .refusals import trimmed

    label = (trimmed(table.segment) if regex else table.segment.strip()).nullif("")
    rows = table.mutate(segment=label.isnull().ifelse(ibis.literal(d.BLANK_SEGMENT), label))
    if currency:
        rows = rows.mutate(segment=_is_code(rows.segment, regex).ifelse(rows.segment.upper(), rows.segment))
    return rows


def _spellings(rows: ir.Table, regex: bool = True, casefold: bool = True) -> ir.Table:
    """The segment values of ``rows`` (:func:`_labels`) typed two ways: ``__s``, one of them, with ``__a``, ``__b``
    (the smallest and largest of those that fold alike: :func:`.sql_folding.folded`, of the distinct values)."""
    spelled = rows.select(__s=rows.segment).distinct()
    spelled = spelled.mutate(__key=folded(spelled.__s, regex, casefold))
    twice = spelled.group_by("__key").aggregate(__a=spelled.__s.min(), __b=spelled.__s.max())
    twice = twice.filter(twice.__a != twice.__b)
    return spelled.join(twice, "__key").select("__s", "__a", "__b")


def _labelled(table: ir.Table, regex: bool = True, currency: bool = False, casefold: bool = True) -> ir.Table:
    """``table`` with its ``segment`` labelled (:func:`_labels`); where two of its values differ only in capitals,
    spaces, apostrophes or hyphens (``EMEA`` and ``emea``), the query stops with an error naming both: the label
    becomes :data:`SPELLINGS` and them cast to a number, which the databases refuse (``Could not convert string
    ...``; where the cast is no error, :func:`_raising` writes another stop)."""
    rows = _labels(table, regex, currency)
    twice = _spellings(rows, regex, casefold)
    joined = rows.left_join(twice, rows.segment == twice.__s)
    both = ibis.literal(SPELLINGS + "'") + joined.__a + ibis.literal("' and '") + joined.__b
    stop = _stop(both + ibis.literal("'" + _SPELLINGS_END), "string")
    return joined.mutate(segment=joined.__a.isnull().ifelse(joined.segment, stop)).select(*table.columns)


#: Each input's columns where a NULL stops the query (xl-retention import refuses a blank there) and what it would
#: read as; the column the stop stands in (one every row's filter reads: a row is never filtered out before it), and
#: the column that names the row.
_NULLS: dict[str, tuple[str, str, dict[str, str]]] = {
    "subscriptions": ("mrr", "customer_id", {"customer_id": "a row of no one", "month": "a row of no month",
                                             "mrr": "no MRR: a customer lost"}),
    "orders": ("amount", "customer_id", {"customer_id": "an order of no one", "date": "an order of no month",
                                         "amount": "no order"}),
    "visits": ("visitor_id", "visitor_id", {"visitor_id": "a visit of no one", "date": "a visit of no month"}),
    "answers": ("score", "score", {"date": "an answer of no month"}),
}  # fmt: skip


def _without_nulls(table: ir.Table, name: str) -> ir.Table:
    """``table`` (the input ``name``) whose rows with a NULL where the SQL reads a value (:data:`_NULLS`) stop the
    query, naming the input, the column and the row's id: a NULL MRR would be a churn, a NULL amount no order,
    silently, where the import refuses a blank."""
    target, who, columns = _NULLS[name]
    shown = table[who].cast("string").fill_null("NULL")
    value = table[target]
    for column, reads in reversed(columns.items()):
        message = (
            ibis.literal(
                f"{STOP}{name}.{column} is NULL in a row (read as {reads}, where xl-retention import refuses a "
                f"blank): fill or remove it (the row's {who}: "
            )
            + shown
            + ibis.literal(")")
        )
        value = table[column].isnull().ifelse(_stop(message, str(table.schema()[target])), value)
    return table.mutate(**{target: value})


def _scored(table: ir.Table) -> ir.Table:
    """The ``answers`` ``table`` with each score as ``xl-retention import --nps`` reads it: -99 (Qualtrics' code of a
    question seen but unanswered, :data:`~xl_retention.reading.scores.UNANSWERED`) no answer (NULL, not counted); any
    other score outside 0-10 or not whole stops the query naming it (the import refuses it: counted, -99 was a
    detractor and 11 a promoter, silently)."""
    from ..reading.scores import UNANSWERED

    score = d.whole_score(table.score)  # 3.0000000000000004 is 3, as the import reads it (at 15 digits)
    wrong = (score < 0) | (score > 10) | (score != score.round())
    message = (
        ibis.literal(f"{STOP}answers.score is ")
        + score.cast("string")
        + ibis.literal(
            " in a row (outside 0-10 or not whole, where xl-retention import refuses it; NULL or -99 is no answer): "
            "correct or remove it"
        )
    )
    read = (score == UNANSWERED).ifelse(ibis.null("float64"), wrong.ifelse(_stop(message, "float64"), score))
    return _on_the_nps_scale(table.mutate(score=read))


def _on_the_nps_scale(table: ir.Table) -> ir.Table:
    """The ``answers`` ``table`` whose scores stop the query where at least
    :data:`~xl_retention.score_scales.SCALE_ANSWERS` of them, none above 7, are another question's (a 1-5 CSAT, a 1-7
    CES), as ``xl-retention import`` refuses them (:func:`~xl_retention.reading.scores.check_scale`, whose words the
    stop repeats): read as NPS, every answer of a 1-5 question is a detractor (NPS -100), and a 1-7 question's 7s are
    passives, none a promoter (:func:`~xl_retention.score_scales.as_nps`), silently."""
    from ..score_scales import SCALE_ANSWERS, SCALE_TOP, as_nps

    found = table.aggregate(__top=table.score.max(), __answered=table.score.count())
    rows = table.cross_join(found)
    other = (rows.__answered >= SCALE_ANSWERS) & (rows.__top <= SCALE_TOP)
    top = rows.__top.cast("int64").cast("string")
    as_read = (rows.__top >= 7).ifelse(ibis.literal(as_nps(7)), ibis.literal(as_nps(0)))  # a 7: a passive
    message = (
        ibis.literal(f"{STOP}answers.score has no answer above ")
        + top
        + ibis.literal(" in ")
        + rows.__answered.cast("string")
        + ibis.literal(": the answers of a 1-")
        + top
        + ibis.literal(
            " scale (a satisfaction or effort question), not of NPS's 0-10 'How likely are you to recommend ...?' "
            "(read as NPS, "
        )
        + as_read
        + ibis.literal("), where xl-retention import refuses them")
    )
    score = other.ifelse(_stop(message, "float64"), rows.score)
    return rows.mutate(score=score).select(*table.columns)


def _raw(name: str, column: str | None) -> ir.Table:
    """The input table ``name`` as the SQL reads it, with the segment column ``column`` (None: none) as
    ``segment``."""
    if column is None:
        return ibis.table(_RAW[name], name=name)
    table = ibis.table({**_RAW[name], column: "string"}, name=name)
    return table if column == "segment" else table.rename(segment=column)


def _segment_column(segment: bool | str | None) -> str | None:
    """The input tables' segment column of ``segment`` (True: ``segment``; a name; False or None: no segment)."""
    if segment is None or segment is False:
        return None
    column = "segment" if segment is True else str(segment).strip()
    taken = sorted({c for columns in _RAW.values() for c in columns})
    if not column or column in taken:
        raise RetentionInputError(
            f"--segment {segment}: the segment column cannot be one of the columns the SQL reads ({', '.join(taken)})",
            "segment",
            column,
        )
    return column


def _inputs(segment: bool | str | None, engine: str | None = None) -> dict[str, ir.Table]:
    column = _segment_column(segment)
    subs, orders, visits, answers = (_without_nulls(_raw(n, column), n) for n in _RAW)
    subs, orders, visits, answers = (
        not_after_this_month(t, n, "month" if n == "subscriptions" else "date", *_NULLS[n][:2])
        for t, n in zip((subs, orders, visits, answers), _RAW, strict=True)
    )
    subs, orders, visits, answers = (
        not_a_missing_date(t, n, "month" if n == "subscriptions" else "date", *_NULLS[n][:2])
        for t, n in zip((subs, orders, visits, answers), _RAW, strict=True)
    )
    subs = months_without_times(without_negative_mrr(subs), text_dates=engine == "sqlite")
    regex, casefold = engine not in _NO_REGEX, engine not in NO_CASEFOLD
    subs, orders = (
        one_spelling(subs, "subscriptions", "customer_id", regex, casefold),
        one_spelling(orders, "orders", "customer_id", regex, casefold),
    )
    visits = one_spelling(visits, "visits", "visitor_id", regex, casefold)
    answers = _scored(answers)
    if column is not None:
        from ..reading.currency import named_currency

        regex, currency = engine not in _NO_REGEX, named_currency(column)
        subs, orders, visits, answers = (
            _labelled(t, regex, currency, casefold) for t in (subs, orders, visits, answers)
        )
    keep = ["segment"] if column is not None else []
    return {
        "subscriptions": without_missing_months(
            one_row_per_customer_month(subs.select("customer_id", *keep, m=d.month_ordinal(subs.month), mrr=subs.mrr))
        ),
        "orders": orders.select(
            "customer_id", *keep, m=d.month_ordinal(orders.date), t=orders.date, amount=orders.amount
        ),  # fmt: skip
        "visits": visits.select("visitor_id", *keep, m=d.month_ordinal(visits.date), t=visits.date),
        "answers": answers.select(*keep, m=d.month_ordinal(answers.date), score=answers.score),
    }


def spellings_query(inputs: Sequence[str], segment: bool | str = True, engine: str | None = None) -> ir.Table:
    """The segment values of each input of ``inputs`` (``subscriptions``, ...) typed two ways: one row per pair
    (``input``, ``first``, ``second``), none where every segment is typed one way. For the dialects where a query
    cannot stop with a message naming them (MySQL: :func:`_raising`)."""
    column = _segment_column(segment) or "segment"
    from ..reading.currency import named_currency

    regex = engine not in _NO_REGEX
    parts = []
    for name in inputs:
        labels = _labels(_raw(name, column), regex, named_currency(column))
        twice = _spellings(labels, regex, engine not in NO_CASEFOLD)
        twice = twice.select("__a", "__b").distinct()
        parts.append(twice.select(input=ibis.literal(name), first=twice.__a, second=twice.__b))
    found = parts[0] if len(parts) == 1 else ibis.union(*parts, distinct=False)
    return found.order_by(["input", "first"])


#: Each table: (the input it reads, its definition).
TABLES: dict[str, tuple[str, Callable[..., ir.Table]]] = {
    "movements": ("subscriptions", d.movements),
    "subscription_cohorts": ("subscriptions", d.subscription_cohorts),
    "purchases": ("orders", d.purchases),
    "order_cohorts": ("orders", d.order_cohorts),
    "visitors": ("visits", d.visitors),
    "nps": ("answers", d.nps),
}


def expressions(
    tables: Sequence[str] | None = None, segment: bool | str = False, engine: str | None = None
) -> dict[str, ir.Table]:
    """The Ibis expression of each table (all by default) over the unbound input tables (``engine``: the dialect
    they are compiled for, default one with regular expressions; ``segment``: True or the name of the input tables'
    segment column, ``segment`` for True)."""
    inputs = _inputs(segment, engine)
    names = list(tables or TABLES)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise RetentionInputError(f"unknown table {unknown[0]!r}: one of {', '.join(TABLES)}", "table", unknown[0])
    out = {}
    for name in names:
        read, definition = TABLES[name]
        if name.endswith("_cohorts"):  # every observed cell a row (0: all lost); no series of months: ten digits
            out[name] = definition(inputs[read], every_cell="digits" if engine in NO_SERIES else True)
        else:  # every month a row; no series of months: counted with ten digits too
            out[name] = definition(inputs[read], digits=engine in NO_SERIES)
    return out


#: Each table's rates, computed from its counts (docs/metrics.md); blank where the denominator is 0.
RATES: dict[str, tuple[str, ...]] = {
    "movements": (
        "gained = new + reactivated; lost_mrr = churned_mrr + contraction_mrr; capped = MIN(lost_mrr, mrr_start)",
        "crr = (customers_end - gained) / customers_start",
        "churn_rate = (customers_start + gained - customers_end) / customers_start",
        "net_revenue_churn = (capped - expansion_mrr) / mrr_start; gross_revenue_churn = capped / mrr_start",
        "nrr = (mrr_start - capped + expansion_mrr) / mrr_start; grr = (mrr_start - capped) / mrr_start",
        "quick_ratio = (new_mrr + reactivation_mrr + expansion_mrr) / lost_mrr",
    ),
    "subscription_cohorts": ("as rates: each cell / the cohort's months_since 0 cell",),
    "purchases": ("repeat_purchase_rate = repeat_purchasers / buyers; returning_rate = returning / buyers",),
    "order_cohorts": ("as rates: each cell / the cohort's months_since 0 cell",),
    "visitors": ("returning_visitor_rate = returning / visitors",),
    "nps": (
        "nps = 100 * (promoters - detractors) / responses",
        "nps_moe = z * 100 * SQRT(((p + d) - (p - d)^2) / responses), p = promoters / responses,"
        " d = detractors / responses, z = 1.959964 at 95% confidence",
    ),
}

HEADER = (
    "-- xl-retention monthly tables, dialect {dialect}: counts and MRR sums only (one row per month{per}; cohorts:\n"
    "-- per cohort and month). The rates are computed from these counts by the formulas of xl-retention's\n"
    "-- docs/metrics.md, repeated under each table's name (a rate is blank where its denominator is 0).\n"
    "-- Inputs: subscriptions(customer_id, month DATE, mrr), orders(customer_id, date, amount), visits(visitor_id,\n"
    "-- date), answers(date, score); a month is its first day, dates are DATEs or timestamps (text: below).\n"
    "-- A NULL in a column read (but a score: no answer) stops the query with an error naming it, as the import\n"
    "-- refuses a blank (a NULL mrr is no churn, a NULL amount no missing order). A score of -99 (Qualtrics' no\n"
    "-- answer) is no answer; any other score outside 0-10 or not whole stops the query naming it, as do 30\n"
    "-- answers or more none above 7 (a 1-5 or 1-7 question's, not NPS's 0-10). subscriptions holds one row per\n"
    "-- customer and month (a row of MRR 0 beside it adds nothing): two rows with an MRR stop the query naming them\n"
    "-- (two subscriptions, a plan change or a table loaded twice cannot be told apart without a subscription id).\n"
    "-- As the import refuses them, a negative mrr, a month with no subscriptions row between months with rows (a\n"
    "-- missing export), a row of a month after the current one (CURRENT_DATE's) and ids that differ only in\n"
    "-- capitals, spaces, apostrophes or hyphens (ACME GmbH, Acme GmbH) stop the query naming them, as does a date of\n"
    "-- 1900-01-01 or 1970-01-01 with no other date within a year after it (a missing date exported as 0).\n"
    "-- Cohort tables: a row for each cohort and month up to the last month (0: none of the cohort active; each\n"
    "-- month is a cohort, of each segment, 0 where nobody joined, as the import writes it); a cell with no row is\n"
    "-- not observed yet.\n"
    "-- orders holds one row per order, as the import reads a table without an order id: a refund row (a negative\n"
    "-- amount) is no order and is taken off none, and each line item is an order: net an order's refunds and sum\n"
    "-- its lines first (GROUP BY order_id, customer_id, dated with the order; an order refunded in full, cancelled\n"
    "-- or unpaid kept as one refund row, amount -1). The months run to the latest row's, a refund's too: a last\n"
    "-- month of refunds only is written with 0 buyers (its rates blank), as the import writes a last month none of\n"
    "-- whose orders was paid, with its note ('none of the orders of 2026-11 was paid ...: written with 0 buyers').\n"
    "{zones}"
)
#: The header's words on zones: the dialects that read dates as UTC's wall time (:data:`UTC_READS`), the others.
UTC_ZONES = (
    "-- A TIMESTAMP WITH TIME ZONE is counted in UTC months, whatever the session's time zone; a timestamp without\n"
    "-- one, as written: a Parquet file's timestamps with a zone (pandas writes tz=America/New_York) are read as\n"
    "-- TIMESTAMP WITH TIME ZONE, UTC months, where xl-retention import counts them in the file's zone, with a note:\n"
    "-- for its months, a view with date AT TIME ZONE 'America/New_York'. A date in text (2026-01-31,\n"
    "-- 2026-01-31T23:30:00-05:00, 2026-01) is the date written, whatever its offset, as xl-retention import reads\n"
    "-- it (do not cast it to TIMESTAMP WITH TIME ZONE: that\n"
    "-- instant's UTC month may be the next one); text in another form stops the query naming it: cast it to DATE.\n"
    "-- Ids are read as xl-retention import reads them: spaces at either end, characters of no\n"
    "-- width, accent forms, full-width digits and letters make no other id, a blank one stops the query, and in a\n"
    "-- column of whole numbers 1001.0 is 1001; an id of no one in a text column (0, '(not set)', guest) stops the\n"
    "-- query.\n"
)
SESSION_ZONES = (
    "-- On this dialect a TIMESTAMP WITH TIME ZONE is counted in the session's time zone: run the queries in a\n"
    "-- session whose zone is UTC (Snowflake: ALTER SESSION SET TIMEZONE = 'UTC'; Spark: spark.sql.session.timeZone)\n"
    "-- to count UTC months, as xl-retention import does. On this dialect ids are compared as written: trim them and\n"
    "-- write each customer's id one way (no zero-width characters, one accent form, 1001 not 1001.0) first. Cast a\n"
    "-- date in text to the DATE it writes, CAST(SUBSTRING(date, 1, 10) AS DATE) for 2026-01-31T23:30:00-05:00, as\n"
    "-- xl-retention import takes that date whatever the offset (a TIMESTAMP WITH TIME ZONE is an instant: its month\n"
    "-- may be the next one).\n"
)

SEGMENTS = (
    "-- Segments (column {column} of the inputs) are labelled as xl-retention import labels them (spaces at either\n"
    "-- end dropped, a blank is '(blank)'{currency}); two values that differ only in capitals, spaces, apostrophes or\n"
    "-- hyphens ('EMEA' and 'emea') stop the query with an error naming both: write each segment's value one way.\n"
)
#: The segments' words of the dialects whose SQL reads the segment as the database writes it (not DuckDB's or
#: PostgreSQL's: :func:`.sql_ids.typed_text`, :func:`.sql_ids.whole_segment`).
TYPED_SEGMENTS = (
    "-- On this dialect a segment column of numbers or TRUE/FALSE is labelled as the database writes it (1.0, true):\n"
    "-- cast it to text as xl-retention import labels it first (a whole number's digits, 1; TRUE, FALSE).\n"
)
#: The currency rule of the header (a column named as currencies, docs/metrics.md "Segments").
CURRENCY_CODES = "; a currency's code typed two ways, 'usd' and 'USD', is one: every code upper case"
#: MySQL's stop, said in the header (:func:`_raising`).
MYSQL_STOP = (
    "-- MySQL cannot raise an error with a text inside a query (its failed cast is 0): there a query stops with\n"
    "-- ERROR 1242 'Subquery returns more than 1 row' (a NULL read{spellings}).\n"
)
#: MySQL's stop with --segment.
MYSQL_SPELLINGS = ", or segment values typed two ways: the query segment_spellings, last, lists them"

_ALIASES = {"spark": "pyspark", "spark2": "pyspark", "postgresql": "postgres", "sqlserver": "mssql"}

#: A collation that compares text by code point, for the dialects whose text order is the database's collation
#: (PostgreSQL's en-US puts 'basic' before 'Pro'; MySQL's and SQL Server's defaults ignore case). DuckDB, Spark,
#: Snowflake, BigQuery and Trino compare by code point (UTF-8 bytes) unless a column is given a collation.
CODE_POINT_COLLATIONS: dict[str, str] = {
    "postgres": "C",
    "mysql": "utf8mb4_bin",
    "mssql": "Latin1_General_100_BIN2_UTF8",
}
_SQLGLOT = {"mssql": "tsql"}


#: Each input's date or month column (:data:`_RAW`), read as UTC's wall time where :data:`UTC_READS` says how.
_DATES = {"subscriptions": "month", "orders": "date", "visits": "date", "answers": "date"}


def _read_inputs(sql: str, engine: str, column: str | None = None) -> str:
    """``sql`` with each input table read through a SELECT of its columns (``FROM orders`` becomes ``FROM (SELECT
    ... FROM orders)``): ``column``, the segment, under the dialect's code-point collation
    (:data:`CODE_POINT_COLLATIONS`), so that every comparison of segments (the smallest on ties, docs/metrics.md
    "Segments"), which inherits the column's collation, orders them as Python does, and, where ids are read as the
    import reads them (:func:`.sql_ids.visible_id`: DuckDB, PostgreSQL), read so too (``Café`` in two accent forms,
    or with a zero-width space, is one segment, as in the import); the date or month as UTC's wall time
    (:data:`UTC_READS`). ``sql`` unchanged where the dialect needs neither."""
    collation = CODE_POINT_COLLATIONS.get(engine) if column is not None else None
    utc = UTC_READS.get(engine)
    if collation is None and utc is None:
        return sql
    import sqlglot
    from sqlglot import expressions as exp

    dialect = _SQLGLOT.get(engine, engine)
    names = {name: [*columns, *([column] if column is not None else [])] for name, columns in _RAW.items()}
    done: set[int] = set()

    def read(name: str, c: str) -> exp.Expression:
        if c == column:  # DuckDB, PostgreSQL: the segment as the import reads it, as an id (NFC, no zero width, ..)
            value = exp.column(c, quoted=True)
            if utc is not None:  # a typed value as the import labels it (TRUE; 1 of a DOUBLE's 1.0), then `labelled`
                typed = sqlglot.parse_one(typed_text(value.sql(dialect=dialect), engine), read=dialect)
                return exp.alias_(sqlglot.parse_one(visible_id(typed, engine), read=dialect), c, quoted=True)
            return exp.alias_(by_code_point(value), c, quoted=True)
        if c == _DATES[name] and utc is not None:
            quoted = exp.column(c, quoted=True).sql(dialect=dialect)
            return exp.alias_(sqlglot.parse_one(read_date(quoted, engine, name, c), read=dialect), c, quoted=True)
        if c == AMOUNTS.get(name) and utc is not None:  # money, text: read (or stopped naming them) as the import
            quoted = exp.column(c, quoted=True).sql(dialect=dialect)
            return exp.alias_(sqlglot.parse_one(read_amount(quoted, engine, name, c), read=dialect), c, quoted=True)
        return exp.column(c, quoted=True)

    def by_code_point(value: exp.Expression) -> exp.Expression:
        if collation is None:
            return value
        return exp.Collate(this=value, expression=exp.to_identifier(collation, quoted=engine == "postgres"))

    def labelled(select: exp.Select, name: str, alias: exp.Identifier) -> exp.Expression:
        """``select`` as a subquery whose segment, where read as the import reads it, is a whole number's digits in a
        column of whole numbers (``1.0``: :func:`.sql_ids.whole_segment`), under the code-point collation."""
        if column is None or utc is None:
            return select.subquery(alias, copy=False)
        quoted = exp.column(column, quoted=True).sql(dialect=dialect)
        whole = by_code_point(sqlglot.parse_one(whole_segment(quoted, engine), read=dialect))
        columns = [
            exp.alias_(whole, c, quoted=True) if c == column else exp.column(c, quoted=True) for c in names[name]
        ]
        return exp.select(*columns).from_(select.subquery(alias)).subquery(alias, copy=False)

    def wrapped(node: exp.Expression) -> exp.Expression:
        if not isinstance(node, exp.Table) or node.name not in names or id(node) in done or node.args.get("db"):
            return node
        inner = exp.Table(this=exp.to_identifier(node.name, quoted=True))
        done.add(id(inner))
        alias = exp.to_identifier(node.alias_or_name, quoted=True)
        who = next((c for c in ID_COLUMNS if c in names[node.name]), None)
        if who is None or utc is None:  # ids as written where the dialect cannot read them as the import does
            return labelled(exp.select(*(read(node.name, c) for c in names[node.name])).from_(inner), node.name, alias)
        seen = exp.alias_(sqlglot.parse_one(visible_id(exp.column(who, quoted=True), engine), read=dialect), who,
                          quoted=True)  # fmt: skip
        typed = exp.alias_(sqlglot.parse_one(TEXT_TYPED[engine].format(exp.column(who, quoted=True).sql(dialect)),
                                             read=dialect), "__text", quoted=True)  # fmt: skip
        first = exp.select(*(seen if c == who else read(node.name, c) for c in names[node.name]), typed).from_(inner)
        whole = sqlglot.parse_one(whole_number_id(exp.column(who, quoted=True).sql(dialect=dialect), engine),
                                  read=dialect)  # fmt: skip
        checked = no_one_stop(exp.column(who, quoted=True), exp.column("__text", quoted=True), whole, node.name, who)
        columns = [exp.alias_(checked, who, quoted=True) if c == who else exp.column(c, quoted=True)
                   for c in names[node.name]]  # fmt: skip
        return labelled(exp.select(*columns).from_(first.subquery(alias)), node.name, alias)

    return sqlglot.parse_one(sql, read=dialect).transform(wrapped).sql(dialect=dialect, pretty=True)


#: How a query stops on segment values typed two ways where a text cast to a number is no error (:func:`_raising`).
_STOPS = {"pyspark": "raise_error", "databricks": "raise_error", "mysql": "two rows", "sqlite": "json path"}
#: Dialects whose failed cast is NULL or 0 and that have no expression that stops a query: ``--segment`` refused.
NO_STOP = frozenset({"impala", "druid", "hive"})


def _raising(sql: str, engine: str) -> str:
    """``sql`` with the cast that stops a query on segment values typed two ways (:func:`_labelled`) written as an
    expression that fails where the cast does not (:data:`_STOPS`): Spark's and Databricks' ``raise_error`` (a text
    cast to a number is NULL with ANSI mode off); MySQL's and MariaDB's scalar subquery of two rows (a failed cast
    is 0 there, with a warning, in strict mode too; the error, 1242, cannot name the values: the header says so and
    ``segment_spellings`` lists them); SQLite's ``json_extract`` with the message as its path (a cast is 0; the
    error, "JSON path error near '...'", names them). ``sql`` unchanged for other dialects."""
    how = _STOPS.get(engine)
    if how is None:
        return sql
    import sqlglot
    from sqlglot import expressions as exp

    dialect = "spark" if engine == "pyspark" else engine

    def raised(node: exp.Expression) -> exp.Expression:
        inner = node.this if isinstance(node, exp.Cast) else None
        if not isinstance(inner, exp.Cast) or not any(
            isinstance(s, exp.Literal) and s.this.startswith(STOP) for s in inner.this.find_all(exp.Literal)
        ):
            return node
        message = inner.this
        if how == "raise_error":
            return exp.Anonymous(this="raise_error", expressions=[message])
        if how == "json path":
            return exp.Anonymous(this="json_extract", expressions=[exp.Literal.string("{}"), message])
        rows = exp.union(exp.select(message.copy()), exp.select(message.copy()), distinct=False)
        return exp.Subquery(this=rows)

    return sqlglot.parse_one(sql, read=dialect).transform(raised).sql(dialect=dialect, pretty=True)


def render(dialect: str, tables: Sequence[str] | None = None, segment: bool | str = False) -> str:
    """The SQL of each table in ``dialect`` (a sqlglot dialect name) after :data:`HEADER`, each headed by comment
    lines: its name and the formulas of its rates (:data:`RATES`). ``segment``: the tables per segment, True or the
    name of the inputs' segment column (``segment`` for True; one named as currencies, ``currency``, merges a code
    typed two ways as the import does)."""
    from ..reading.currency import named_currency

    column = _segment_column(segment)
    engine = _ALIASES.get(dialect.lower(), dialect.lower())
    if column is not None and engine in NO_STOP:
        raise ValueError(
            f"cannot write SQL for dialect {dialect!r} with --segment: a text cast to a number is NULL there and "
            "nothing stops a query, so segment values typed two ways ('EMEA' and 'emea') would be two segments, "
            "silently; write the SQL for another dialect, or without --segment"
        )
    zones = UTC_ZONES if engine in UTC_READS else SESSION_ZONES
    out = [HEADER.format(dialect=dialect, per=" and segment" if column else "", zones=zones)]
    if column is not None:
        currency = CURRENCY_CODES if named_currency(column) else ""
        out[0] += SEGMENTS.format(column=column, currency=currency)
        if engine not in UTC_READS:
            out[0] += TYPED_SEGMENTS
    if engine == "mysql":
        out[0] += MYSQL_STOP.format(spellings=MYSQL_SPELLINGS if column is not None else "")
    if engine == "pyspark":
        ibis.pyspark  # noqa: B018  (registers the PySpark compiler's options)

    def compiled(expr: ir.Table, name: str = "segment_spellings") -> str:
        try:
            sql = str(ibis.to_sql(expr, dialect=engine))
        except Exception as error:  # an unknown dialect, or a feature it lacks
            why = str(error).splitlines()[0]
            if "IntegerRange" in why:  # no series of months in Ibis' SQL, nor counted with digits (Impala's)
                why = (
                    f"the {name} table needs a series of months (a range unnested), which Ibis does not write for "
                    "it; the cohort tables need one too: write the SQL for another dialect"
                )
            elif why.startswith("Unknown dialect"):  # a typo or a spreadsheet's name: the dialects to choose from
                why = f"no SQL dialect of that name: give one of {', '.join(DIALECTS)} or another Ibis writes"
            raise ValueError(f"cannot write SQL for dialect {dialect!r}: {why}") from None
        sql = with_digits(sql, _SQLGLOT.get(engine, engine))  # the months counted with ten digits (no series)
        sql = _read_inputs(sql, engine, column)  # segments by code point, dates in UTC (where the dialect needs)
        return _raising(sql, engine).strip()

    names = list(tables or TABLES)
    for name, expr in expressions(names, column or False, engine).items():
        rates = "".join(f"--   {line}\n" for line in RATES[name])
        out.append(f"-- {name} (xl-retention {TABLES[name][0]} -> {name}; dialect {dialect}); rates from its counts:\n"
                   f"{rates}{compiled(expr, name)};\n")  # fmt: skip
    if column is not None and engine == "mysql":
        inputs = list(dict.fromkeys(TABLES[name][0] for name in names))
        out.append(f"-- segment_spellings (dialect {dialect}): the segment values of {', '.join(inputs)} typed two "
                   f"ways; a table's query\n-- stops where this lists a row of its input\n"
                   f"{compiled(spellings_query(inputs, column, engine))};\n")  # fmt: skip
    return "\n".join(out)
