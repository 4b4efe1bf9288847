"""Engines for the relational tables: DuckDB (embedded), Spark (PySpark) and SQL servers (PostgreSQL, ...).

``connect(name, connection)`` gives an Ibis backend:

* ``duckdb``: embedded, no server. ``connection`` is a database file (default: in memory).
  Larger-than-memory inputs spill to a temporary folder (``temp_directory``) once DuckDB's
  ``memory_limit`` (default: 80% of RAM; ``XL_RETENTION_DUCKDB_MEMORY``, e.g. ``4GB``) is reached.
* ``spark``: ``connection`` is the Spark master (default ``local[2]``: this machine); an existing
  active session is reused. Small shuffles (``spark.sql.shuffle.partitions`` 2) suit monthly tables. A session
  started here gives its driver a quarter of the machine's memory, 1 to 8 GB (``SPARK_DRIVER_MEMORY`` or
  ``--driver-memory`` in ``PYSPARK_SUBMIT_ARGS`` set it instead; Spark's own default of 1 GB ran out on a million
  snapshot rows), and its Java process ends when out of memory, which :func:`spark_ended` tells, instead of hanging.
* ``postgres`` (and any other Ibis backend by URL): ``connection`` is the URL,
  e.g. ``postgres://user:password@host:5432/db``.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..reading import DataError

__all__ = [
    "BACKENDS",
    "computed_once",
    "connect",
    "default_duckdb",
    "java_reason",
    "money_read",
    "spark_ended",
    "spark_table",
]

BACKENDS = ("duckdb", "spark", "postgres")
_DUCKDB: Any = None
_VIEWS = itertools.count()
_TEMPORARY = itertools.count()


@contextlib.contextmanager
def computed_once(con: Any, table: Any) -> Iterator[Any]:
    """``table`` computed once while in use: a temporary table on DuckDB and PostgreSQL, dropped after (Spark and
    other engines, and a PostgreSQL role that may not create temporary tables: as it is, computed where used)."""
    if con.name not in ("duckdb", "postgres"):
        yield table
        return
    name = f"xl_retention_rows_{next(_TEMPORARY)}"
    try:
        cached = con.create_table(name, table, temp=True)
    except Exception as error:  # a read-only role (no TEMP on the database): computed where used (H202's finding 13)
        if type(error).__name__ != "InsufficientPrivilege":
            raise
        yield table
        return
    try:
        yield cached
    finally:
        try:
            con.drop_table(name, force=True)
        except Exception:  # the connection is gone: the temporary table went with it
            pass


def connect(name: str = "duckdb", connection: str | None = None, existing: bool = False) -> Any:
    """An Ibis backend for the engine ``name`` (see the module docstring); ``ValueError`` naming what is missing.
    ``existing``: a DuckDB file must be there already (an import reads its tables: a mistyped name would otherwise be
    created empty); without it, connecting to a new file creates the database, as DuckDB does."""
    try:
        import ibis
    except ImportError:
        extra = {"postgres": "postgres", "spark": "spark"}.get(name, "duckdb")
        raise ValueError(f"--backend {name} needs ibis-framework: pip install 'xl-retention[{extra}]'") from None

    if name == "duckdb":
        config: dict[str, Any] = {"temp_directory": _spill_folder()}
        if os.environ.get("XL_RETENTION_DUCKDB_MEMORY"):
            config["memory_limit"] = os.environ["XL_RETENTION_DUCKDB_MEMORY"]
        given, connection = connection, _duckdb_path(connection) if connection else connection
        if existing and connection and _missing_file(connection):  # connecting would create an empty database
            named = connection if given == connection else f"{connection} (from {given})"
            raise ValueError(f"no DuckDB database {named}: the file does not exist (a typo of its name?)")
        try:
            return ibis.duckdb.connect(connection or ":memory:", **config)
        except Exception as error:  # DuckDB's own errors (a folder that does not exist, a locked file): one line
            raise ValueError(
                f"cannot open the DuckDB database {connection}: {str(error).strip().splitlines()[0]}"
            ) from None
    if name == "spark":
        return ibis.pyspark.connect(spark_session(connection))
    if name == "postgres":
        if not connection:
            raise ValueError("--backend postgres needs --connection postgres://user@host:port/database")
        try:
            return ibis.connect(connection)
        except Exception as error:  # the driver's own errors: one line naming the server
            reason = _safe(connection, str(error).strip().splitlines()[0])
            raise ValueError(f"cannot connect to {_safe(connection)}: {reason}") from None
    raise ValueError(f"unknown backend {name!r}: one of pandas, {', '.join(BACKENDS)}")


def _duckdb_path(connection: str) -> str:
    """The database a DuckDB ``connection`` names: a ``duckdb:`` URL (Ibis', SQLAlchemy's and dbt's form:
    ``duckdb:///abs/w.duckdb``, ``duckdb://rel/w.duckdb``, ``duckdb:w.duckdb``; ``duckdb://`` alone is in memory) read
    as Ibis reads it, its ``?options`` left out; anything else as it is.

    >>> _duckdb_path("duckdb:///data/w.duckdb"), _duckdb_path("duckdb://out/w.duckdb"), _duckdb_path("duckdb:w.duckdb")
    ('/data/w.duckdb', 'out/w.duckdb', 'w.duckdb')
    >>> _duckdb_path("DuckDB://"), _duckdb_path("duckdb:///:memory:"), _duckdb_path("md:my_db")
    (':memory:', ':memory:', 'md:my_db')
    """
    from urllib.parse import urlparse

    text = connection.strip()
    if not text.lower().startswith("duckdb:"):
        return connection
    url = urlparse(text)
    path = url.netloc + url.path if url.netloc else url.path
    return ":memory:" if path.strip("/") in ("", ":memory:") else path


def _missing_file(connection: str) -> bool:
    """Whether the DuckDB ``connection`` is a database file's path that does not exist (not ``:memory:``, nor a
    MotherDuck address, ``md:`` or ``motherduck:``; any other ``name:`` is a file's name to DuckDB).

    >>> _missing_file(":memory:"), _missing_file("md:my_db"), _missing_file("/no/such/warehuose.duckdb")
    (False, False, True)
    >>> _missing_file("sqlite:no_such.db")
    True
    """
    import re

    text = connection.strip()
    if text.startswith(":memory:") or re.match(r"^(md|motherduck):", text, re.IGNORECASE):
        return False
    return not os.path.exists(os.path.expanduser(text))


_SPILL: str | None = None


def _spill_folder() -> str:
    """One temporary folder per process for DuckDB's spilled data, removed when the process exits."""
    global _SPILL
    if _SPILL is None:
        import atexit
        import shutil

        _SPILL = tempfile.mkdtemp(prefix="xl-retention-duckdb-")
        atexit.register(shutil.rmtree, _SPILL, True)
    return _SPILL


#: a connection URL's query parameters that hold a secret (libpq's ``password``, ODBC's ``PWD``, tokens)
_SECRET_PARAMETERS = r"password|passwd|pwd|pass|secret|token|access_token|api_key|private_key_passphrase"


def _safe(url: str, text: str | None = None) -> str:
    """``url`` with every password in it as ``***``: the one of its user info (``me:S3cret@``) and those of its query
    (``?password=S3cret``, libpq's parameter); given ``text`` (a driver's message about ``url``), that text with those
    passwords (of 4 characters or more) as ``***``.

    >>> _safe("postgres://me:S3cret@db/prod"), _safe("postgres://me@db:5432/prod?sslmode=require&password=S3cret")
    ('postgres://me:***@db/prod', 'postgres://me@db:5432/prod?sslmode=require&password=***')
    >>> _safe("postgres://me:p@db/prod?pwd=S3cret", "password S3cret refused for me")
    'password *** refused for me'
    """
    import re
    from urllib.parse import unquote

    user_info = re.compile(r"(//[^:/@?#]+:)([^@/?#]*)(@)")
    query = re.compile(rf"(?i)([?&;](?:{_SECRET_PARAMETERS})=)([^&;#]*)()")
    if text is None:
        return query.sub(r"\1***\3", user_info.sub(r"\1***\3", url))
    secrets = {m.group(2) for pattern in (user_info, query) for m in pattern.finditer(url)}
    for secret in sorted(secrets | {unquote(s) for s in secrets}, key=len, reverse=True):
        if len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


def default_duckdb() -> Any:
    """The embedded DuckDB connection shared by the Python functions (made on first use)."""
    global _DUCKDB
    if _DUCKDB is None:
        _DUCKDB = connect("duckdb")
    return _DUCKDB


#: the log4j2 configuration of the Spark sessions this package starts: errors only (its comments say why)
_LOG4J2 = Path(__file__).with_name("spark_log4j2.properties")


def spark_session(master: str | None = None) -> Any:
    """The active Spark session, or a new one on ``master`` (default ``local[2]``). py4j's own log of a command lost
    with the Java process is left out (:func:`_quiet_ended_java`): :func:`spark_ended` says why in one line."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ValueError("--backend spark needs PySpark: pip install 'xl-retention[spark]'") from None
    _quiet_ended_java()
    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    options = {
        "spark.master": master or "local[2]",
        "spark.app.name": "xl-retention",
        "spark.sql.shuffle.partitions": "2",
        "spark.default.parallelism": "2",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.warehouse.dir": _warehouse_dir(),  # not ./spark-warehouse beside the user's files
    }
    memory = _driver_memory()
    if memory is not None:
        options["spark.driver.memory"] = memory
    submit_args = os.environ.get("PYSPARK_SUBMIT_ARGS", "")
    java_options = [] if "OutOfMemoryError" in submit_args else ["-XX:+ExitOnOutOfMemoryError"]  # ended, not hung
    if "log4j" not in submit_args:  # errors only from the JVM's start: no start-up log before the command's line
        java_options.append(f'"-Dlog4j2.configurationFile={_LOG4J2}"')
    if java_options:
        options["spark.driver.extraJavaOptions"] = " ".join(java_options)
    try:
        _start_java(options)
        session = SparkSession.builder.config(map=options).getOrCreate()
        session.sparkContext.setLogLevel("ERROR")
        return session
    except Exception as error:  # no Java, ...
        raise ValueError(f"cannot start Spark ({master or 'local[2]'}): {str(error).strip().splitlines()[0]}") from None


def _warehouse_dir() -> str:
    """A folder of its own, removed when the process ends, for Spark's warehouse (``spark.sql.warehouse.dir``): Spark
    made an empty ``spark-warehouse`` in the current folder, beside the user's files, where the command was told to
    write only its tables (H576's finding 01). The command saves no table in it."""
    import atexit  # noqa: PLC0415  (a Spark session only)
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    folder = tempfile.mkdtemp(prefix="xl-retention-spark-warehouse-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return Path(folder).as_uri()


#: what the JVM prints on stderr for the incubator module Spark's launcher always adds (``--add-modules``): no JVM
#: option turns it off
_INCUBATOR_NOTICE = b"WARNING: Using incubator modules: "


def _start_java(options: dict[str, Any]) -> None:
    """Spark's Java process started as PySpark starts it (``launch_gateway``, the builder's ``options`` as ``--conf``),
    its stderr passed on line by line but for the JVM's notice of the incubator module (:data:`_INCUBATOR_NOTICE`),
    which came before the command's own line. Spark's log records (errors, spark_log4j2.properties) and anything else
    it prints pass. Nothing done where a Java process is there already or PySpark is to connect to one."""
    from pyspark import SparkConf, SparkContext
    from pyspark.java_gateway import launch_gateway

    if SparkContext._gateway is not None or "PYSPARK_GATEWAY_PORT" in os.environ:
        return
    if os.environ.get("SPARK_REMOTE") or os.environ.get("SPARK_CONNECT_MODE_ENABLED"):
        return
    import threading

    conf = SparkConf(loadDefaults=False).setAll(list(options.items()))
    with SparkContext._lock:
        if SparkContext._gateway is not None:
            return
        read_end, write_end = os.pipe()
        stream = _JavaStderr()
        reader = threading.Thread(target=stream.pass_on, args=(os.fdopen(read_end, "rb"),), name="spark-stderr")
        reader.daemon = True
        reader.start()  # reading before Java starts: what it prints when it cannot start is the reason (H581's 05)
        try:
            gateway = launch_gateway(conf, popen_kwargs={"stderr": write_end})
        except Exception as error:
            os.close(write_end)
            reader.join(timeout=10)
            if stream.held:  # spark-class's or Java's own words: "/nonexistent/bin/java: No such file or directory"
                raise RuntimeError(stream.held[0]) from error
            raise
        os.close(write_end)  # the Java process holds its own end
        stream.started()
        SparkContext._ensure_initialized(gateway=gateway)


class _JavaStderr:
    """The Java process's stderr, line by line: held while Java starts (the first line is the reason it gives where
    it cannot start: :func:`_start_java` says it in the command's one line), then written to this process's stderr
    (file descriptor 2, where Java wrote before), but for the incubator notice (:data:`_INCUBATOR_NOTICE`)."""

    def __init__(self) -> None:
        import threading

        self.held: list[str] = []
        self._lock = threading.Lock()
        self._passing = False

    def started(self) -> None:
        """Java is up: what it wrote while starting is passed on, and what it writes from now on."""
        with self._lock:
            self._passing = True
            for line in self.held:
                os.write(2, (line + "\n").encode())
            self.held.clear()

    def pass_on(self, stream: Any) -> None:
        for line in iter(stream.readline, b""):
            if line.startswith(_INCUBATOR_NOTICE):
                continue
            with self._lock:
                if self._passing:
                    os.write(2, line)
                elif line.strip():
                    self.held.append(line.decode(errors="replace").rstrip())


class _EndedJava(logging.Filter):
    """Drops py4j's records (logged on the root logger: "Exception while sending command." and its traceback) once
    the Spark session's Java process has ended, which :func:`spark_ended` tells in one line; others pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        from_py4j = record.name.startswith("py4j") or f"{os.sep}py4j{os.sep}" in (record.pathname or "")
        if not from_py4j:
            return True
        # a connection lost (reset, closed, an empty answer) is logged by py4j while the Java process is still being
        # reaped, before spark_ended can tell: the command's own error says it in one line either way
        lost = record.exc_info is not None and _lost_connection(record.exc_info[1])
        return not (lost or spark_ended() is not None)


def _lost_connection(error: BaseException | None) -> bool:
    """Whether ``error`` (what py4j logs with its traceback) is its connection to the Java side lost."""
    if isinstance(error, (ConnectionError, EOFError, BrokenPipeError)):
        return True
    return type(error).__name__ == "Py4JNetworkError"


def _quiet_ended_java() -> None:
    """The root logger (where py4j logs a command its ended Java process did not answer, and ``logging.exception``
    prints its traceback) and py4j's own loggers filtered by :class:`_EndedJava`, once per process."""
    for name in ("", "py4j", "py4j.java_gateway", "py4j.clientserver"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _EndedJava) for f in logger.filters):
            logger.addFilter(_EndedJava())


def _driver_memory(total: int | None = None) -> str | None:
    """The Spark driver's memory for a session this package starts: a quarter of the machine's ``total`` bytes, whole
    GB from 1 to 8; None where the user sets it (``SPARK_DRIVER_MEMORY``, ``--driver-memory`` in
    ``PYSPARK_SUBMIT_ARGS``) or the machine's memory cannot be read.

    >>> _driver_memory(24 * 2**30), _driver_memory(2 * 2**30), _driver_memory(256 * 2**30)
    ('6g', '1g', '8g')
    """
    if os.environ.get("SPARK_DRIVER_MEMORY") or "driver-memory" in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        return None
    if total is None:
        try:
            total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        except (AttributeError, ValueError, OSError):  # Windows: Spark's own default
            return None
    return f"{min(8, max(1, total // 4 // 2**30))}g"


def spark_ended() -> str | None:
    """Why a command failed where the Spark session this process started has lost its Java process (ended when out
    of memory: its driver's memory and how to give it more), else None. Without PySpark imported: None.

    >>> spark_ended() is None
    True
    """
    import sys

    if "pyspark" not in sys.modules:
        return None
    from pyspark import SparkContext

    process = getattr(SparkContext._gateway, "proc", None)
    if process is None or process.poll() is None:
        return None
    memory = os.environ.get("SPARK_DRIVER_MEMORY") or _driver_memory() or "as set"
    return (
        f"Spark's Java process ended during the query (out of memory? its driver had spark.driver.memory {memory}): "
        f"run again with more, e.g. SPARK_DRIVER_MEMORY=16g, or use --backend duckdb, which spills to disk"
    )


def java_reason(error: BaseException) -> str | None:
    """Why Spark's Java side failed, where ``error`` is py4j's ``Py4JJavaError`` (a Java exception PySpark does not
    turn into one of its own, e.g. a file that is not Parquet): the first line of the innermost message of the Java
    exception's causes, where the reason is (its outer ones say "Job aborted due to stage failure", "Exception thrown
    in awaitResult"), as ``Spark: ...``; else None. None too where the Java process cannot be asked.

    >>> java_reason(ValueError("not from Java")) is None
    True
    """
    java = getattr(error, "java_exception", None)
    if type(error).__name__ != "Py4JJavaError" or java is None:
        return None
    reason = None
    try:
        for _ in range(50):  # a cause chain is short; a cycle is not followed for ever
            message = java.getMessage()
            if message and message.strip():
                reason = message.strip().splitlines()[0]
            java = java.getCause()
            if java is None:
                break
    except Exception:  # the Java process is gone: spark_ended says why
        return None
    return f"Spark: {reason}" if reason else None


def spark_table(frame: Any, con: Any = None) -> Any:
    """An Ibis table over a Spark DataFrame (a temporary view in its session)."""
    import ibis

    if con is None or getattr(con, "name", "") != "pyspark":
        con = ibis.pyspark.connect(frame.sparkSession)
    name = f"xl_retention_input_{next(_VIEWS)}"
    frame.createOrReplaceTempView(name)
    return con.table(name)


def backend_of(table: Any) -> Any:
    """The Ibis backend an Ibis table is bound to (None for an unbound table)."""
    try:
        return table._find_backend(use_default=False)
    except Exception:
        return None


def table_of(con: Any, name: str, source: str | None = None) -> Any:
    """The table ``name`` (``schema.table`` allowed) of the connection; :class:`DataError` naming it when absent."""
    database = None
    if "." in name:
        database, name = name.rsplit(".", 1)
    try:
        table = con.table(name, database=database) if database else con.table(name)
    except Exception:
        where = f"{database}.{name}" if database else name
        if _in_memory(con):  # no --connection: an empty database of its own (H385's finding 05)
            from ..reading.errors import said_as

            given = said_as("--connection", "connection=")
            raise DataError(
                f"{source or where}: no table {where!r}: --backend duckdb reads the tables of the DuckDB file given "
                f"with {given} (none given: an empty in-memory database)",
                source=source or where,
            ) from None
        raise DataError(
            f"{source or where}: no table {where!r} in the {con.name} database", source=source or where
        ) from None
    return _money_as_numbers(con, table, f"{database}.{name}" if database else name)


def _in_memory(con: Any) -> bool:
    """Whether ``con`` is DuckDB's in-memory database (:func:`connect` without a connection)."""
    if getattr(con, "name", "") != "duckdb":
        return False
    try:
        return con.con.execute("SELECT current_database()").fetchone()[0] == "memory"
    except Exception:
        return False


def _money_as_numbers(con: Any, table: Any, name: str) -> Any:
    """``table`` with PostgreSQL's money columns cast to NUMERIC: Ibis types them decimal(19, 4) but the driver
    gives their text ('$10.00'), which failed every read ('TypeError: Unable to construct decimal from '$10.00'')."""
    if con.name != "postgres":
        return table
    quoted = ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))
    found = con.con.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND atttypid = 'money'::regtype "
        "AND attnum > 0 AND NOT attisdropped",
        (quoted,),
    )
    money = [row[0] for row in found.fetchall()]
    return table.mutate(**{c: table[c].cast("decimal(38, 4)") for c in money}) if money else table


def money_read(table: Any) -> Any:
    """A PostgreSQL table's ``money`` columns read as numbers, as the import reads a ``table:`` input
    (:func:`table_of`): Ibis types them decimal(19, 4), but the driver gives their text (``'$10.00'``), and
    every read failed (``TypeError: Unable to construct decimal``; the data-engineer tester's finding 4). Such a column
    is cast to NUMERIC in the query (a numeric(19, 4) column too, which the cast leaves as it is)."""
    if getattr(backend_of(table), "name", "") != "postgres":
        return table
    money = [name for name, dtype in table.schema().items() if dtype.is_decimal() and (dtype.precision, dtype.scale)
             == (19, 4)]  # fmt: skip
    return table.mutate(**{c: table[c].cast("decimal(38, 4)") for c in money}) if money else table
