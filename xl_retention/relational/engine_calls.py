"""How a table function of :mod:`.api` reaches its engine: the Ibis backend it computes on (``backend=`` as given, the
data's own, else an in-memory DuckDB: :func:`_engine`), and each call run in UTC sessions with the views and temporary
tables it made dropped after, a read-only PostgreSQL role's refusal of a temporary table said in the user's words
(:func:`_in_utc`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

import pandas as pd

from ..errors import RetentionInputError
from ..reading import DataError
from .backends import backend_of, default_duckdb
from .leftovers import dropped_after
from .order_ids import FILE_READ_BY
from .session_zone import utc_sessions

__all__ = ["_connection", "_engine", "_in_utc"]


def _in_utc(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` run with its connection's and Spark sessions' zone UTC, the caller's own put back after
    (:mod:`.session_zone`: a TIMESTAMPTZ's month is UTC's, and the caller's session is left as it was), and the views
    and temporary tables it made there dropped after (:mod:`.leftovers`)."""
    first = next(iter(inspect.signature(function).parameters))

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        data = args[0] if args else kwargs.get(first)
        FILE_READ_BY.set(None)  # said by this call's tables only (order_ids)
        try:
            with utc_sessions(data, kwargs.get("backend")), dropped_after(data, kwargs.get("backend")):
                return function(*args, **kwargs)
        except Exception as error:
            if type(error).__name__ == "InsufficientPrivilege" and "temporary tables" in str(error):
                from ibis.expr.types import Table

                said = _NO_TEMP_TABLE if isinstance(data, Table) else _NO_TEMP  # a table on the server: read back
                said = said.format(str(error).strip().splitlines()[0])
                why = FILE_READ_BY.get() if isinstance(data, Table) else None
                raise DataError(said + (f" (this table's: {why})" if why else "")) from None
            raise

    return run


#: A table sent to a PostgreSQL server is a temporary table there: a read-only role may not make one (H202's 13).
_NO_TEMP = (
    "the database role may not create temporary tables ({}), which sending a table from Python to the server "
    "needs: pass a table already on the server (con.table('schema.name'), which a role that may read it can "
    "count), give the role TEMP (GRANT TEMP ON DATABASE name TO role), or compute with backend='duckdb'"
)
#: A table already on the server whose rows are read as a file's (a subscription_id column, statuses, text dates:
#: :mod:`.inputs`) and sent back as a temporary table: passing the table again cannot help (H225's finding 01).
_NO_TEMP_TABLE = (
    "the database role may not create temporary tables ({}): the table's rows are read as a file's are (its columns "
    "need the file rules: a subscription_id, an order_id on several rows (line items, a sale's refunds) or beside "
    "other columns, statuses, text dates, ...) and sent back to the server as a temporary "
    "table, which needs TEMP: give the role TEMP (GRANT TEMP ON DATABASE name TO role), or export the table to a file "
    "and import that (--backend duckdb; backend='duckdb' in Python)"
)


def _engine(data: Any, backend: Any) -> Any:
    """The Ibis backend to compute on: ``backend`` (a connection, or an engine's name as ``--backend`` spells it:
    ``"duckdb"``, ``"spark"``, connected by :func:`~.backends.connect`; a PostgreSQL server's URL
    ``"postgres://user@host:port/database"``), else the data's own engine, else an in-memory DuckDB."""
    if isinstance(backend, str):  # backend="duckdb", as the CLI's --backend duckdb
        from .backends import connect

        if backend == "pandas":
            raise ValueError(
                "backend='pandas': xl_retention.relational computes in an engine (backend='duckdb', 'spark', "
                "'postgres' or a connection); the pandas tables are xl_retention.tables' functions"
            )
        if backend.startswith(("postgres://", "postgresql://")):  # a server's URL, as the CLI's --connection
            return connect("postgres", backend)
        if backend == "postgres":  # the CLI's --connection has no keyword here: the connection is the backend
            raise ValueError(
                "backend='postgres' needs the server: backend='postgres://user@host:port/database', or an Ibis "
                "connection, backend=ibis.postgres.connect(host=..., database=...)"
            )
        if backend == "duckdb":
            return default_duckdb()
        if backend == "spark":
            return connect(backend)
        raise RetentionInputError(f"backend {backend!r} is none of the backends: {_BACKEND_FORMS}", "backend", backend)
    if backend is not None:
        return _connection(backend)
    if type(data).__module__.startswith("pyspark.sql"):
        import ibis

        return ibis.pyspark.connect(data.sparkSession)
    if not isinstance(data, pd.DataFrame):
        found = backend_of(data)
        if found is not None:
            return found
    return default_duckdb()


#: what ``backend=`` takes, for its refusals
_BACKEND_FORMS = (
    "give an Ibis connection (ibis.duckdb.connect(...), ibis.postgres.connect(...)), a DuckDB connection, a Spark "
    "session, 'duckdb', 'spark' or a PostgreSQL server's URL ('postgres://user@host:5432/database')"
)


def _connection(backend: Any) -> Any:
    """``backend=`` given as an object: an Ibis connection as it is; a DuckDB connection (``duckdb.connect()``) or a
    Spark session wrapped by Ibis (the tables are computed there, on its tables and settings); anything else refused
    naming ``backend`` and what it takes."""
    from ibis.backends import BaseBackend

    if isinstance(backend, BaseBackend):
        return backend
    kind = type(backend)
    if kind.__module__.lstrip("_").startswith("duckdb") and kind.__name__ == "DuckDBPyConnection":
        import ibis

        return ibis.duckdb.from_connection(backend)
    if kind.__module__.startswith("pyspark.sql") and kind.__name__ == "SparkSession":
        import ibis

        return ibis.pyspark.connect(backend)
    raise RetentionInputError(
        f"backend is no connection: got {backend!r} ({kind.__module__}.{kind.__qualname__}); {_BACKEND_FORMS}",
        "backend",
        backend,
    )
