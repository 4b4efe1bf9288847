"""``xl-retention sql --dialect NAME``: the SQL of every monthly table, compiled by Ibis from :mod:`.definitions`.

The queries read four tables, which a warehouse or a dbt project provides (rename them in the
SQL, or make views of these names):

* ``subscriptions``: ``customer_id`` (text), ``month`` (DATE, any day of the month), ``mrr`` (number);
  one row per customer and month (snapshots; two rows with an MRR stop the query naming them, rows of MRR 0 beside
  one add nothing: :func:`.sql_stops.one_row_per_customer_month`);
* ``orders``: ``customer_id`` (text), ``date`` (TIMESTAMP), ``amount`` (number; negative = refund);
* ``visits``: ``visitor_id`` (text), ``date`` (TIMESTAMP);
* ``answers``: ``date`` (TIMESTAMP), ``score`` (number 0-10, NULL or -99 = no answer; another number stops the
  query naming it, as the import refuses it: :func:`.sql_inputs._scored`);

each with a ``segment`` (text) column when ``segment`` is asked for (labelled as the import labels it; one typed
two ways stops the query: :func:`.sql_inputs._labelled`). A NULL in a column read (but ``score``) stops the
query, naming it, as the import refuses a blank (:func:`.sql_inputs._without_nulls`). Months come out as the first
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

import re
from collections.abc import Callable, Sequence

import ibis
import ibis.expr.types as ir

from ..errors import RetentionInputError
from . import definitions as d
from .dialects import DIALECTS, NO_SERIES
from .sql_dates import UTC_READS
from .sql_digits import with_digits
from .sql_inputs import SPELLINGS, _inputs, _segment_column, spellings_query
from .sql_rewrite import _SQLGLOT, CODE_POINT_COLLATIONS, NO_STOP, _raising, _read_inputs
from .sql_words import (
    AS_WRITTEN_IDS,
    CURRENCY_CODES,
    HEADER,
    MYSQL_SPELLINGS,
    MYSQL_STOP,
    RATES,
    SEGMENTS,
    SESSION_ZONES,
    TYPED_SEGMENTS,
    UTC_ZONES,
)
from .sql_written_ids import as_written

__all__ = [
    "CODE_POINT_COLLATIONS", "DIALECTS", "HEADER", "NO_STOP", "RATES", "SPELLINGS", "TABLES", "expressions", "render",
    "spellings_query",
]  # fmt: skip


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


_ALIASES = {"spark": "pyspark", "spark2": "pyspark", "postgresql": "postgres", "sqlserver": "mssql"}


#: Dialects whose digits (:func:`.sql_digits.with_digits`) are written in Ibis' sqlglot tree, giving the SQL their
#: text gave (checked on every table, with and without --segment); SQL Server's text differs (aliases, parentheses).
_TREES = frozenset({"mysql", "oracle"})


def _compiled_tree(expr: ir.Table, engine: str) -> object:
    """``expr`` as Ibis' compiler for ``engine`` builds it for :func:`ibis.to_sql`: the sqlglot tree, not written yet,
    where it reads the digits; else its SQL, as :func:`ibis.to_sql` writes it."""
    import ibis.backends.sql.compilers as compilers
    from sqlglot import expressions as exp

    compiler = getattr(compilers, engine).compiler
    tree = compiler.to_sqlglot(expr.unbind())
    if any(table.name == d.DIGITS for table in tree.find_all(exp.Table)):
        return tree
    return tree.sql(dialect=compiler.dialect, pretty=True)


def _flat_concats(expr: ir.Table) -> ir.Table:
    """``expr`` with each text joined of joined texts (a message's ``a + b + c``) one join of them all, ``CONCAT(a, b,
    c)``: the same text, NULL where one of them is; where Ibis writes a join as a NULL test around it (Oracle's
    ``CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE CONCAT(a, b) END``, SQL Server's ``IIF``), nested joins wrote
    each part twice per level, a message of nine parts 256 times (Oracle's SQL was 5.3 MB)."""
    import ibis.expr.operations as ops

    def flat(node: ops.Node, kwargs: dict | None) -> ops.Node:
        node = node.__recreate__(kwargs) if kwargs else node
        if not isinstance(node, ops.StringConcat) or not any(isinstance(a, ops.StringConcat) for a in node.arg):
            return node
        return ops.StringConcat(
            tuple(p for a in node.arg for p in (a.arg if isinstance(a, ops.StringConcat) else (a,)))
        )

    return expr.op().replace(flat).to_expr()


#: Ibis' refusal of an operation a dialect's compiler lacks ("Compilation rule for 'RegexReplace' operation is not
#: defined")
_NO_RULE = re.compile(r"Compilation rule for '(\w+)' operation is not defined")


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
    if as_written(engine):
        out[0] += AS_WRITTEN_IDS
    if engine == "mysql":
        out[0] += MYSQL_STOP.format(spellings=MYSQL_SPELLINGS if column is not None else "")
    if engine == "pyspark":
        ibis.pyspark  # noqa: B018  (registers the PySpark compiler's options)

    def compiled(expr: ir.Table, name: str = "segment_spellings") -> str:
        expr = _flat_concats(expr)
        try:  # no series of months: Ibis' sqlglot tree given the digits itself (no SQL written and read again)
            sql = _compiled_tree(expr, engine) if engine in _TREES else str(ibis.to_sql(expr, dialect=engine))
        except Exception as error:  # an unknown dialect, or a feature it lacks
            why = str(error).splitlines()[0]
            if "IntegerRange" in why:  # no series of months in Ibis' SQL, nor counted with digits (Impala's)
                why = (
                    f"the {name} table needs a series of months (a range unnested), which Ibis does not write for "
                    "it; the cohort tables need one too: write the SQL for another dialect"
                )
            elif why.startswith("Unknown dialect"):  # a typo or a spreadsheet's name: the dialects to choose from
                why = f"no SQL dialect of that name: give one of {', '.join(DIALECTS)} or another Ibis writes"
            elif (rule := _NO_RULE.match(why)) is not None:  # Druid's RegexReplace: Ibis' words, said as the user's
                operation = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", rule.group(1)).lower()
                why = (
                    f"the {name} table needs a {operation}, which Ibis does not write for it: write the SQL for "
                    "another dialect"
                )
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
