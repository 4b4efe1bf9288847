"""The monthly tables as one relational definition (Ibis), run by DuckDB, Spark or a SQL server.

* :mod:`.definitions`: every table as an Ibis expression (no engine-specific SQL) of counts and sums only;
  the rates are made from the fetched counts by :func:`xl_retention.tables.movements_from_counts` & co.;
* :mod:`.inputs`: pandas frames, Ibis tables and Spark DataFrames to typed tables, and the checks;
* :mod:`.backends`: :func:`connect` to ``duckdb`` (embedded), ``spark`` or ``postgres``;
* :mod:`.api`: the table functions (same results as :mod:`xl_retention.tables`, returned as pandas; the engine they
  compute on: :mod:`.engine_calls`, their months: :mod:`.month_ranges`, the fetched counts: :mod:`.fetched_counts`);
* :mod:`.sql`: the SQL of every table in any dialect Ibis compiles to (``xl-retention sql``; its inputs as the import
  reads them: :mod:`.sql_inputs`, the rewriting per dialect: :mod:`.sql_rewrite`, the header: :mod:`.sql_words`);
* :mod:`.segments`: per-segment tables on the pandas path (the reference for the engines; no Ibis needed);
* :mod:`.load`: ``xl-retention import --backend/--connection/--segment``.

Needs ``ibis-framework`` (``pip install 'xl-retention[duckdb]'``, ``[spark]``, ``[postgres]``); names are
loaded when first used, so that the pandas path of :mod:`.load` and :mod:`.segments` work without it.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "monthly_movements": "api",
    "nps_by_month": "api",
    "order_tables": "api",
    "repeat_purchases": "api",
    "returning_visitors": "api",
    "subscription_tables": "api",
    "BACKENDS": "backends",
    "connect": "backends",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's names with those imported on first use (PEP 562): dir(), help() and Tab completion list them."""
    return sorted(set(globals()) | set(__all__))
