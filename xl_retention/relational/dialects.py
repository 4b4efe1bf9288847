"""The SQL dialects ``xl-retention sql`` names (its ``--dialect`` help and its refusal of a dialect Ibis does not
know), kept apart from :mod:`.sql` so that the command line's help is built without loading Ibis."""

from __future__ import annotations

__all__ = ["DEFAULT", "DIALECTS", "NO_SERIES", "dialect_help"]

#: the dialects named in ``xl-retention sql --help`` and in its refusal of a dialect Ibis does not know
DIALECTS = ("duckdb", "postgres", "spark", "snowflake", "bigquery", "trino", "databricks", "mssql", "mysql", "oracle")
#: Dialects whose SQL in Ibis has no series of months (a range unnested): every table's months are counted with ten
#: digits written as constants (:mod:`.sql_digits`), so they get the same tables as the others, a month without any
#: activity at all a row of 0, as in the import.
NO_SERIES = frozenset({"mysql", "mssql", "oracle", "sqlite"})
#: ``--dialect``'s default
DEFAULT = "duckdb"


def dialect_help() -> str:
    """``xl-retention sql --dialect``'s help: :data:`DIALECTS`, the default marked.

    >>> dialect_help()[:41]
    'duckdb (default), postgres, spark, snowfl'
    """
    names = ", ".join(f"{d} (default)" if d == DEFAULT else d for d in DIALECTS)
    return f"{names}, ... (any SQL dialect Ibis compiles to)"
