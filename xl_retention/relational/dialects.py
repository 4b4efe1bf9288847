"""The SQL dialects ``xl-retention sql`` names (its ``--dialect`` help and its refusal of a dialect Ibis does not
know), kept apart from :mod:`.sql` so that the command line's help is built without loading Ibis."""

from __future__ import annotations

__all__ = ["COHORTS_ONLY", "DEFAULT", "DIALECTS", "NO_SERIES", "dialect_help"]

#: the dialects named in ``xl-retention sql --help`` and in its refusal of a dialect Ibis does not know
DIALECTS = ("duckdb", "postgres", "spark", "snowflake", "bigquery", "trino", "databricks", "mssql", "mysql", "oracle")
#: Dialects whose SQL in Ibis has no series of months (a range unnested): only their cohort tables are written
#: (``--table subscription_cohorts``, ``--table order_cohorts``), their months counted with ten digits written as
#: constants (:mod:`.sql_digits`): a month without any activity at all is a row of 0 too, as in the import.
NO_SERIES = frozenset({"mysql", "mssql", "oracle", "sqlite"})
#: the dialects of :data:`DIALECTS` of the cohort tables only (:data:`NO_SERIES`)
COHORTS_ONLY = tuple(d for d in DIALECTS if d in NO_SERIES)
#: ``--dialect``'s default
DEFAULT = "duckdb"


def dialect_help() -> str:
    """``xl-retention sql --dialect``'s help: :data:`DIALECTS`, the default marked, and those of the cohort tables
    only (:data:`COHORTS_ONLY`).

    >>> dialect_help()[:41]
    'duckdb (default), postgres, spark, snowfl'
    """
    names = ", ".join(f"{d} (default)" if d == DEFAULT else d for d in DIALECTS)
    only = ", ".join(COHORTS_ONLY)
    return f"{names}, ... (any SQL dialect Ibis compiles to; {only}: the cohort tables only)"
