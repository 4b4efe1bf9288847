"""The date or month column of each input in the SQL printed by ``xl-retention sql`` (:mod:`.sql`), read as
``xl-retention import`` reads it (docs/metrics.md, Months), on the dialects that can tell a column's type in a query
(DuckDB's ``typeof``, PostgreSQL's ``pg_typeof``):

* a TIMESTAMP WITH TIME ZONE is an instant: its month is UTC's, whatever the session's time zone;
* a DATE or a timestamp without a zone is read as written;
* a date in text (``2026-01-31``, ``2026-01-31T23:30:00-05:00``, ``2026-01``) is the date as written, its offset or
  zone no part of it, as the import reads a file's text (a cast to TIMESTAMP WITH TIME ZONE made it an instant, whose
  UTC month is February for that 23:30 of 31 January in New York); a text in another form stops the query naming it
  (the import sniffs day and month orders, which one query cannot): cast it to DATE first.

The amount or MRR column likewise (:func:`read_amount`): a number type's value (PostgreSQL's money through NUMERIC), a
plain number in text (``-4``, ``9.5``) read, another text (``1,234.50``) stopping the query naming it.

Every branch is written with casts that bind for a column of any type (each engine binds the branches not taken).
"""

from __future__ import annotations

from .sql_stops import STOP

__all__ = ["AMOUNTS", "UTC_READS", "read_amount", "read_date"]

#: The leading date (and wall time) of a text written as ISO 8601 (``T`` or a space before the time), and a month.
_WRITTEN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?:\:[0-9]{2}(?:\.[0-9]{1,6})?)?)?"
_MONTH = r"^[0-9]{4}-[0-9]{2}$"

#: Per dialect: the column's text (``{c}``); a text's type test; the instant of a zoned column as UTC's wall time; a
#: DATE's or zone-less timestamp's wall time; the leading ISO date and time of a text (``{t}``); a number as a
#: timestamp (the stop, ``{n}``).
UTC_READS: dict[str, dict[str, str]] = {
    "duckdb": {
        "text": "CAST({c} AS VARCHAR)",
        "is_text": "typeof({c}) = 'VARCHAR'",
        "is_zoned": "typeof({c}) = 'TIMESTAMP WITH TIME ZONE'",
        "zoned": "make_timestamp(epoch_us(TRY_CAST({c} AS TIMESTAMPTZ)))",
        "plain": "make_timestamp(epoch_us(TRY_CAST({c} AS TIMESTAMP)))",
        "written": f"regexp_extract({{t}}, '{_WRITTEN}')",
        "month": f"regexp_full_match({{t}}, '{_MONTH[1:-1]}')",
        "timestamp": "CAST({t} AS TIMESTAMP)",
        "number": "make_timestamp({n})",
    },
    "postgres": {
        "text": "(to_jsonb({c}) #>> '{}')",  # ISO 8601 whatever the session's DateStyle
        "is_text": "CAST(pg_typeof({c}) AS TEXT) IN ('text', 'character varying', 'character')",
        "is_zoned": "CAST(pg_typeof({c}) AS TEXT) = 'timestamp with time zone'",
        "zoned": "CAST((to_jsonb({c}) #>> '{}') AS TIMESTAMPTZ) AT TIME ZONE 'UTC'",
        "plain": "CAST((to_jsonb({c}) #>> '{}') AS TIMESTAMP)",
        "written": f"substring({{t}} from '{_WRITTEN}')",
        "month": f"{{t}} ~ '{_MONTH}'",
        "timestamp": "CAST({t} AS TIMESTAMP)",
        "number": "to_timestamp({n}) AT TIME ZONE 'UTC'",
    },
}


def _fill(template: str, **values: str) -> str:
    """``template`` with each ``{name}`` replaced (no other braces read: the regular expressions keep theirs)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


def read_date(column: str, engine: str, table: str, name: str) -> str:
    """The SQL (``engine``: duckdb or postgres) of the date or month ``column`` (quoted SQL) of input ``table`` (its
    column ``name``), as a timestamp without a zone read as the import reads it (see the module docstring)."""
    how = UTC_READS[engine]
    text = f"trim({_fill(how['text'], c=column)})"
    written = _fill(how["written"], t=text)
    message = (
        f"'{STOP}{table}.{name} is ''' || {text} || ''', a date in text not written YYYY-MM-DD (a time and an offset "
        f"may follow): xl-retention import reads the date as written there (its month is the one written, whatever "
        f"the offset); cast the column to DATE first'"
    )
    stop = _fill(how["number"], n=f"CAST({message} AS BIGINT)")
    wall, first = f"replace({written}, 'T', ' ')", f"{text} || '-01'"
    as_text = (
        f"CASE WHEN {text} = '' THEN NULL "
        f"WHEN {_fill(how['month'], t=text)} THEN {_fill(how['timestamp'], t=first)} "
        f"WHEN {written} <> '' THEN {_fill(how['timestamp'], t=wall)} ELSE {stop} END"
    )
    return (
        f"CASE WHEN {_fill(how['is_text'], c=column)} THEN {as_text} "
        f"WHEN {_fill(how['is_zoned'], c=column)} THEN {_fill(how['zoned'], c=column)} "
        f"ELSE {_fill(how['plain'], c=column)} END"
    )


#: Each input's number column: amounts, the MRR, an answer's score (a blank score: no answer, as a NULL).
AMOUNTS = {"subscriptions": "mrr", "orders": "amount", "answers": "score"}
#: Per dialect: an amount column (``{c}``) of a number type as DOUBLE, bound for a column of any type: PostgreSQL's
#: money (``$10.00`` as text) through NUMERIC, a real through its own type (its float8 value, as a cast of it gives).
_AMOUNTS = {
    "duckdb": "CAST({c} AS DOUBLE)",
    "postgres": (
        "CASE WHEN CAST(pg_typeof({c}) AS TEXT) = 'money' THEN CAST(CAST({c} AS NUMERIC) AS DOUBLE PRECISION) "
        "WHEN CAST(pg_typeof({c}) AS TEXT) = 'real' THEN CAST(CAST(CAST({c} AS TEXT) AS REAL) AS DOUBLE PRECISION) "
        "ELSE CAST(CAST({c} AS TEXT) AS DOUBLE PRECISION) END"
    ),
}
#: A number in text the SQL reads as the import does: digits, a decimal point, a sign (no thousands separators, no
#: decimal comma, no currency: those the import reads by the column's other values, which one query cannot).
_PLAIN_NUMBER = r"^[-+]?[0-9]+(\.[0-9]+)?$"


def read_amount(column: str, engine: str, table: str, name: str) -> str:
    """The SQL (``engine``: duckdb or postgres) of the amount or MRR ``column`` (quoted SQL) of input ``table`` (its
    column ``name``) as DOUBLE: a number type's value (PostgreSQL's money too, which could not be read); a text's
    plain number (a blank NULL), another text stops the query naming it (a text column could not be read)."""
    how = UTC_READS[engine]
    text = f"trim({_fill(how['text'], c=column)})"
    plain = (
        f"regexp_full_match({text}, '{_PLAIN_NUMBER[1:-1]}')" if engine == "duckdb" else f"{text} ~ '{_PLAIN_NUMBER}'"
    )
    message = (
        f"'{STOP}{table}.{name} is ''' || {text} || ''', a number in text not written as digits with a decimal point "
        f"(xl-retention import reads its thousands separators, decimal commas or currency by the column''s other "
        f"values): cast the column to a number first'"
    )
    as_text = (
        f"CASE WHEN {text} = '' THEN NULL WHEN {plain} THEN CAST({text} AS DOUBLE PRECISION) "
        f"ELSE CAST(CAST({message} AS BIGINT) AS DOUBLE PRECISION) END"
    )
    return f"CASE WHEN {_fill(how['is_text'], c=column)} THEN {as_text} ELSE {_fill(_AMOUNTS[engine], c=column)} END"
