"""The caller's session time zone: UTC while the tables are computed, the caller's own setting again after.

A TIMESTAMP WITH TIME ZONE is an instant: its month is UTC's, whatever the session's zone (docs/metrics.md,
"Months"). The engines count it in their session's zone, which Ibis sets to UTC when it connects; a user's connection
may have been set to the business's zone since (``SET TimeZone='America/New_York'``, a notebook's first line), and
a 22:30 New York order on 31 March (02:30 UTC on 1 April) was then counted in March (H202's finding 02). Ibis' Spark
connection sets the caller's Spark session to UTC and left it so: the user's own later timestamps changed month
(H202's finding 03). :func:`utc_sessions` sets UTC on the connection and Spark sessions the tables are computed on,
and puts back each one's own setting after, whatever happens in between.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

__all__ = ["callers_zone", "utc_sessions"]

#: The zone the caller's own connection or Spark session was in before the call set UTC (None: UTC, or none given)
_CALLERS_ZONE: ContextVar[str | None] = ContextVar("xl_retention_callers_zone", default=None)


def callers_zone() -> str | None:
    """The zone the caller's connection or Spark session had before :func:`utc_sessions` set UTC, when not UTC: the
    zone their TIMESTAMPTZ values are shown in there (:mod:`.instants` names it in its note); None otherwise."""
    return _CALLERS_ZONE.get()


_SPARK_ZONE = "spark.sql.session.timeZone"


def _quoted(zone: str) -> str:
    return "'" + zone.replace("'", "''") + "'"


def _plain_duckdb(con: Any) -> bool:
    """A DuckDB connection as ``duckdb.connect()`` gives it (no Ibis around it)."""
    kind = type(con)
    return kind.__module__.lstrip("_").startswith("duckdb") and kind.__name__ == "DuckDBPyConnection"


def _sql_zone(con: Any) -> str | None:
    """The session zone of a DuckDB (Ibis or plain) or PostgreSQL Ibis connection; None for other engines."""
    if _plain_duckdb(con):
        return str(con.execute("SELECT current_setting('TimeZone')").fetchone()[0])
    name = getattr(con, "name", "")
    if name == "duckdb":
        return str(con.raw_sql("SELECT current_setting('TimeZone')").fetchone()[0])
    if name == "postgres":
        with con.raw_sql("SHOW TIME ZONE") as cursor:
            return str(cursor.fetchone()[0])
    return None


def _set_sql_zone(con: Any, zone: str) -> None:
    if _plain_duckdb(con):
        con.execute(f"SET TimeZone = {_quoted(zone)}")
    elif con.name == "duckdb":
        con.raw_sql(f"SET TimeZone = {_quoted(zone)}")
    else:
        with con.raw_sql(f"SET TIME ZONE {_quoted(zone)}"):
            pass


def _spark_sessions(data: Any, backend: Any) -> list[Any]:
    """The Spark sessions a call may compute on (and Ibis set to UTC): the data's, a Spark backend's (an Ibis
    connection or a ``SparkSession`` itself), the active one (``backend="spark"`` reuses it). None without PySpark
    imported."""
    if "pyspark" not in sys.modules:
        return []
    found = []
    if type(data).__module__.startswith("pyspark.sql") and hasattr(data, "sparkSession"):
        found.append(data.sparkSession)
    if getattr(backend, "name", "") == "pyspark" and getattr(backend, "_session", None) is not None:
        found.append(backend._session)
    if type(backend).__module__.startswith("pyspark.sql") and type(backend).__name__ == "SparkSession":
        found.append(backend)  # the caller's session given as it is: Ibis' wrapper of it sets it to UTC
    if backend == "spark":
        from pyspark.sql import SparkSession

        active = SparkSession.getActiveSession()
        if active is not None:
            found.append(active)
    unique: list[Any] = []
    for session in found:
        if all(session is not other for other in unique):
            unique.append(session)
    return unique


def _sql_connections(data: Any, backend: Any) -> list[Any]:
    """The caller's own DuckDB or PostgreSQL connection: ``backend`` given as one (an Ibis connection, or DuckDB's own
    ``duckdb.connect()``, which Ibis' wrapper sets to UTC and leaves so), else an Ibis table's own."""
    if backend is not None and not isinstance(backend, str):
        con = backend
    else:
        from ibis.expr.types import Table

        from .backends import backend_of

        con = backend_of(data) if backend is None and isinstance(data, Table) else None
    return [con] if _plain_duckdb(con) or getattr(con, "name", "") in ("duckdb", "postgres") else []


@contextlib.contextmanager
def utc_sessions(data: Any, backend: Any) -> Iterator[None]:
    """UTC as the session zone of the caller's connection (``backend``, or the Ibis table ``data``'s own) and of the
    Spark sessions the call computes on, while the block runs; each one's own zone back after."""
    spark = [(session, session.conf.get(_SPARK_ZONE)) for session in _spark_sessions(data, backend)]
    sql = []
    failed = False
    try:
        for con in _sql_connections(data, backend):
            zone = _sql_zone(con)
            if zone is not None and zone != "UTC":
                _set_sql_zone(con, "UTC")
                sql.append((con, zone))
        for session, _ in spark:
            session.conf.set(_SPARK_ZONE, "UTC")
        own = [zone for _, zone in [*sql, *spark] if zone and zone not in ("UTC", "Etc/UTC")]
        token = _CALLERS_ZONE.set(own[0] if own else None)
        try:
            yield
        finally:
            _CALLERS_ZONE.reset(token)
    except BaseException:
        failed = True  # an error on its way: restoring must not hide it
        raise
    finally:
        for con, zone in sql:
            try:
                _set_sql_zone(con, zone)
            except Exception:
                if not failed:
                    raise
        for session, zone in spark:
            try:
                session.conf.set(_SPARK_ZONE, zone)
            except Exception:
                if not failed:
                    raise
