"""The monthly tables as one relational definition (Ibis), run by DuckDB, Spark or a SQL server.

* :mod:`.definitions`: every table as an Ibis expression (no engine-specific SQL);
* :mod:`.inputs`: pandas frames, Ibis tables and Spark DataFrames to typed tables, and the checks;
* :mod:`.backends`: :func:`connect` to ``duckdb`` (embedded), ``spark`` or ``postgres``;
* :mod:`.api`: the table functions (same results as :mod:`xl_retention.tables`, returned as pandas);
* :mod:`.sql`: the SQL of every table in any dialect Ibis compiles to (``xl-retention sql``);
* :mod:`.segments`: per-segment tables on the pandas path (the reference for the engines).

Needs ``ibis-framework`` (``pip install 'xl-retention[duckdb]'``, ``[spark]``, ``[postgres]``).
"""

from __future__ import annotations

from .api import (
    monthly_movements,
    nps_by_month,
    order_tables,
    repeat_purchases,
    returning_visitors,
    subscription_tables,
)
from .backends import BACKENDS, connect

__all__ = [
    "BACKENDS",
    "connect",
    "monthly_movements",
    "nps_by_month",
    "order_tables",
    "repeat_purchases",
    "returning_visitors",
    "subscription_tables",
]
