"""A typed table's timestamps with a time zone (DuckDB's and PostgreSQL's TIMESTAMPTZ): instants, counted in UTC.

A CSV file's ``2026-03-31 22:00:00 -0400`` is a March order: its month is the date as written (docs/metrics.md,
"Months"). Loaded into a database as a TIMESTAMP WITH TIME ZONE (DuckDB's ``strptime(..., '%z')``, PostgreSQL's
``timestamptz``), the same order is an instant, 02:00 UTC on 1 April, and no date is written any more: the engines
(Ibis sets each session's zone to UTC) count it in April, silently unlike the file (H54 finding 05). Which zone's
months the user means cannot be read from the table; the months are counted in UTC, the same on every machine and
engine, with a note naming the column, the zone, and ``--timezone`` to count them in the user's zone (which reads the
table as a file's, each instant converted to that zone). A column whose every value is a UTC midnight holds dates
(stored as instants): no note. Spark's ``TIMESTAMP`` (``TimestampType``, not ``TIMESTAMP_NTZ``) is such an instant too,
shown in the session's zone (UTC, which Ibis sets), though Ibis' schema gives it no zone: noted alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ibis
import ibis.expr.types as ir

from ..reading.notes import note
from .session_zone import callers_zone

__all__ = ["note_instants", "zoned_instants"]

#: The columns read as dates or months (ours).
_DATED = ("date", "start", "end", "month")


def note_instants(con: Any, table: ir.Table, names: Mapping[str, str], source: str, timezone: str | None) -> None:
    """A note for each mapped date column of ``table`` typed as a timestamp with a time zone whose values have a
    time of day in it (one count per such column), unless ``timezone`` (``--timezone``) converts them."""
    if timezone is not None:
        return
    schema = table.schema()
    for ours in _DATED:
        theirs = names.get(ours)
        if theirs is None or theirs not in schema or not schema[theirs].is_timestamp():
            continue
        zone = schema[theirs].timezone or _spark_zone(con, table, theirs)
        if zone is None:
            continue
        c = table[theirs]
        if con.name == "pyspark":  # Ibis' Spark has no microsecond: a time of day is a value off its day's start
            timed = c.truncate("D") != c
        else:
            timed = ibis.or_(c.hour() != 0, c.minute() != 0, c.second() != 0, c.microsecond() != 0)
        if int(con.execute(table.filter(c.notnull() & timed).count())) == 0:
            continue
        # the zone the caller's connection shows them in, where not UTC (a DuckDB relation's Arrow table carries it)
        own = callers_zone() or (zone if zone not in ("UTC", "Etc/UTC", "+00:00") else None)
        yours = f"--timezone {own} counts them in {own}'s, as your connection shows them" if own else (
            "--timezone ZONE counts them in yours")  # fmt: skip
        note(
            f"{source}, column {theirs!r}: timestamps with a time zone (instants: no date is written) are counted in "
            f"UTC months; {yours} (an order at 22:00 in New York on 31 March is an April one in UTC)"
        )


def _spark_zone(con: Any, table: ir.Table, column: str) -> str | None:
    """The Spark session's time zone where ``column`` of ``table`` is Spark's ``TimestampType`` (an instant shown in
    that zone: Ibis types it as a timestamp without a zone, as ``TIMESTAMP_NTZ``); None on other engines and types.
    Asks Spark for the column's type only (no job runs)."""
    if getattr(con, "name", "") != "pyspark":
        return None
    from pyspark.sql.types import TimestampType

    spark = con._session
    field = spark.sql(str(con.compile(table.select(column)))).schema.fields[0]
    return spark.conf.get("spark.sql.session.timeZone") if isinstance(field.dataType, TimestampType) else None


def zoned_instants(con: Any, table: ir.Table, frame: Any, timezone: str | None) -> Any:
    """``frame`` (``table`` fetched, to be read as a file's) with Spark's ``TimestampType`` columns as the instants
    they are (in the session's zone, UTC during the call), read as a TIMESTAMPTZ's are: ``timezone`` (``--timezone``)
    converts them, and without it they are UTC's dates, and a snapshots month of another zone's midnights
    (``2025-12-31 23:00`` UTC, Berlin's 1 January) is refused naming that zone and ``--timezone`` as DuckDB's and
    PostgreSQL's are (Spark hands them over as times without a zone, which were read as written: refused as a
    payments export's times of day). Unchanged on other engines."""
    del timezone  # converted by the reading (reading.dates), as a TIMESTAMPTZ's fetched values are
    if getattr(con, "name", "") != "pyspark":
        return frame
    import pandas as pd
    from pyspark.sql.types import TimestampType

    spark = con._session
    zone = spark.conf.get("spark.sql.session.timeZone")
    fields = spark.sql(str(con.compile(table))).schema.fields
    for field in fields:
        if isinstance(field.dataType, TimestampType) and field.name in frame.columns:
            column = frame[field.name]
            if pd.api.types.is_datetime64_dtype(column.dtype):  # no zone yet
                frame[field.name] = column.dt.tz_localize(zone)
    return frame
