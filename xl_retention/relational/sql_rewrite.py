"""The compiled SQL rewritten where a dialect needs it (sqlglot): each input read through a SELECT of its columns
(:func:`_read_inputs`: the segment by code point, ids and dates as the import reads them) and the stop on segment
values typed two ways written as an expression that fails where a text cast to a number does not (:func:`_raising`).
"""

from __future__ import annotations

from .sql_dates import AMOUNTS, UTC_READS, read_amount, read_date
from .sql_ids import ID_COLUMNS, TEXT_TYPED, no_one_stop, typed_text, visible_id, whole_number_id, whole_segment
from .sql_inputs import _RAW
from .sql_stops import STOP

__all__ = ["CODE_POINT_COLLATIONS", "NO_STOP"]


#: A collation that compares text by code point, for the dialects whose text order is the database's collation
#: (PostgreSQL's en-US puts 'basic' before 'Pro'; MySQL's and SQL Server's defaults ignore case). DuckDB, Spark,
#: Snowflake, BigQuery and Trino compare by code point (UTF-8 bytes) unless a column is given a collation.
CODE_POINT_COLLATIONS: dict[str, str] = {
    "postgres": "C",
    "mysql": "utf8mb4_bin",
    "mssql": "Latin1_General_100_BIN2_UTF8",
}
_SQLGLOT = {"mssql": "tsql"}
#: Dialects whose default collations compare text ignoring case (MySQL's and MariaDB's utf8mb4_general_ci and
#: utf8mb4_0900_ai_ci accents too, SQL Server's SQL_Latin1_General_CP1_CI_AS): their ids are read under
#: :data:`CODE_POINT_COLLATIONS`', so that Müller and Muller, ACME GmbH and Acme GmbH are two customers, as the import
#: reads them, and the stop on ids differing only in capitals sees both (H518's finding 01).
_CASE_BLIND = frozenset({"mysql", "mssql"})


#: Each input's date or month column (:data:`.sql_inputs._RAW`), read as UTC's wall time where :data:`UTC_READS` says
#: how.
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
    ids_by_code_point = engine in _CASE_BLIND  # ids read as written: ACME GmbH and Acme GmbH two (H518's 01)
    if collation is None and utc is None and not ids_by_code_point:
        return sql
    import sqlglot
    from sqlglot import expressions as exp

    dialect = _SQLGLOT.get(engine, engine)
    names = {name: [*columns, *([column] if column is not None else [])] for name, columns in _RAW.items()}
    done: set[int] = set()

    def read(name: str, c: str) -> exp.Expression:
        if c in ID_COLUMNS and ids_by_code_point and utc is None:
            return exp.alias_(code_point(exp.column(c, quoted=True)), c, quoted=True)
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
        return value if collation is None else code_point(value)

    def code_point(value: exp.Expression) -> exp.Expression:
        if engine == "mysql":  # utf8mb4_bin is no collation of a latin1 column: its text made utf8mb4 first (H518/02)
            value = exp.Cast(this=value, to=exp.CharacterSet(this=exp.var("utf8mb4")))
        elif engine == "mssql":  # COLLATE takes text only: an INT id made text first (Msg 447; H524's finding 04),
            # a FLOAT's in style 3, 17 digits (its default, 6: 1000001 and 1000002 both '1e+006'; H524's finding 10)
            text = exp.DataType.build("NVARCHAR(4000)", dialect="tsql")
            value = exp.Convert(this=text, expression=value, style=exp.Literal.number(3))
        named = CODE_POINT_COLLATIONS[engine]
        return exp.Collate(this=value, expression=exp.to_identifier(named, quoted=engine == "postgres"))

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
    """``sql`` with the cast that stops a query on segment values typed two ways (:func:`.sql_inputs._labelled`)
    written as an expression that fails where the cast does not (:data:`_STOPS`): Spark's and Databricks'
    ``raise_error`` (a text cast to a number is NULL with ANSI mode off); MySQL's and MariaDB's scalar subquery of two
    rows (a failed cast is 0 there, with a warning, in strict mode too; the error, 1242, cannot name the values: the
    header says so and ``segment_spellings`` lists them); SQLite's ``json_extract`` with the message as its path (a
    cast is 0; the error, "JSON path error near '...'", names them). ``sql`` unchanged for other dialects."""
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
