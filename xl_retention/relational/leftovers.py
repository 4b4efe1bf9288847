"""The views and temporary tables a call makes in the caller's own connection or Spark session, dropped after it.

Ibis registers an in-memory table (a pandas frame or an Arrow table the call sends) as a view of the DuckDB
connection, a temporary table of the PostgreSQL session or a temporary view of the Spark session, named
``ibis_..._memtable_...``; a Spark DataFrame is read through a temporary view ``xl_retention_input_N``
(:func:`.backends.spark_table`). Left there, they piled up in the user's connection, one or more per call, holding the
data sent (the data-engineer tester's finding 5). :func:`dropped_after` drops the ones that appeared during the call,
whatever happens in it; the caller's own views and tables are never touched (only names the call made, new since it
began, of those two prefixes). The package's own embedded DuckDB (:func:`.backends.default_duckdb`, where a pandas
frame is computed without ``backend``) is cleaned the same way: it kept three views per call, and a long-running
process calling the functions in a loop grew by the data it sent each time. So is the Spark session a call with
``backend="spark"`` starts (the first call kept the view of the frame it sent).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from .session_zone import _plain_duckdb, _spark_sessions, _sql_connections

__all__ = ["dropped_after"]

_OURS = ("ibis_", "xl_retention_")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _names(con: Any) -> dict[str, str]:
    """The views and temporary tables of ``con`` (a plain DuckDB connection, or an Ibis DuckDB or PostgreSQL one)
    whose names the call may have made: name -> how to drop it."""
    if _plain_duckdb(con) or con.name == "duckdb":
        sql = "SELECT view_name, 'VIEW' FROM duckdb_views() WHERE NOT internal UNION ALL " \
              "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE temporary"  # fmt: skip
        rows = con.execute(sql).fetchall() if _plain_duckdb(con) else con.raw_sql(sql).fetchall()
    else:
        sql = "SELECT c.relname, CASE WHEN c.relkind = 'v' THEN 'VIEW' ELSE 'TABLE' END FROM pg_class c " \
              "WHERE c.relnamespace = pg_my_temp_schema() AND c.relkind IN ('r', 'v')"  # fmt: skip
        with con.raw_sql(sql) as cursor:
            rows = cursor.fetchall()
    return {str(name): kind for name, kind in rows if str(name).startswith(_OURS)}


def _drop(con: Any, name: str, kind: str) -> None:
    if _plain_duckdb(con):
        try:
            con.unregister(name)  # a registered Arrow table is a view DuckDB drops by unregistering
        except Exception:
            con.execute(f"DROP {kind} IF EXISTS {_quoted(name)}")
        return
    statement = f"DROP {kind} IF EXISTS {_quoted(name)}"
    if con.name == "duckdb":
        con.con.unregister(name) if kind == "VIEW" else con.raw_sql(statement)
    else:
        with con.raw_sql(statement):
            pass


def _spark_views(session: Any) -> set[str]:
    return {t.name for t in session.catalog.listTables() if t.isTemporary and t.name.startswith(_OURS)}


def _own_duckdb() -> Any:
    """The package's embedded DuckDB connection, once made (None before the first call that needs it)."""
    from . import backends

    return backends._DUCKDB


def _started_spark(backend: Any) -> Any:
    """The active Spark session, where ``backend="spark"`` found none when the call began (it started one)."""
    import sys

    if backend != "spark" or "pyspark" not in sys.modules:
        return None
    from pyspark.sql import SparkSession

    return SparkSession.getActiveSession()


@contextlib.contextmanager
def dropped_after(data: Any, backend: Any) -> Iterator[None]:
    """While the block runs, note the caller's connection's (``backend``, or the Ibis table ``data``'s own), the
    package's own DuckDB's and Spark sessions' views and temporary tables; after it, drop those the block made."""
    cons = _sql_connections(data, backend)
    own = _own_duckdb()
    if own is not None and all(own is not con for con in cons):
        cons.append(own)
    sessions = _spark_sessions(data, backend)
    before = [(con, _names(con)) for con in cons]
    views = [(session, _spark_views(session)) for session in sessions]
    failed = False
    try:
        yield
    except BaseException:
        failed = True  # an error on its way: dropping must not hide it
        raise
    finally:
        try:
            made = _own_duckdb()
            if own is None and made is not None and all(made is not con for con in cons):
                before.append((made, {}))  # made during the call: everything of ours in it is the call's
            started = _started_spark(backend) if not sessions else None
            if started is not None:  # backend="spark" started the session: every view of ours in it is the call's
                views.append((started, set()))
            for con, had in before:
                for name, kind in _names(con).items():
                    if name not in had:
                        _drop(con, name, kind)
                forget = getattr(con, "_memtables", None)  # Ibis' record of what it registered: gone now
                if forget is not None:
                    for op in [op for op in forget if getattr(op, "name", None) not in had]:
                        forget.discard(op)
            for session, had in views:
                for name in _spark_views(session) - had:
                    session.catalog.dropTempView(name)
        except Exception:
            if not failed:
                raise
