"""``xl-retention import --backend ... --segment ...``: inputs from files or database tables, tables by an engine.

An input is a file (CSV, Excel, Parquet) or ``table:NAME`` (``table:schema.name``), a table of the
database the backend reaches (``--connection``: a PostgreSQL URL, a DuckDB database file, a Spark
master whose catalog has the table). CSV and Excel files are read by :mod:`xl_retention.reading`
(sniffed as always) and handed to the engine; Parquet files and tables with typed columns are read
by the engine itself (DuckDB streams Parquet from disk, so inputs larger than memory work).

``segment``: ``COLUMN`` gives every table per segment (index ``segment, month``; for ``--to-csv``),
``COLUMN=VALUE`` the tables of one segment (for ``--into``).
"""

from __future__ import annotations

import errno
import os
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..reading import DataError, ReadOptions, mapping_for, read_table, sheets_for, subscription_kind
from ..reading import key as column_key
from ..reading.file_zones import zone_note
from ..reading.notes import note
from ..reading.row_sources import TableRows
from ..tables import nps_by_month as pd_nps
from ..tables import order_tables as pd_orders
from ..tables import returning_visitors as pd_visitors
from ..tables import scores_by_month
from ..tables import snapshots_from_intervals as pd_intervals
from ..tables import subscription_tables as pd_subscriptions
from ..tables._split import split_by_caller
from ..tables.existing_customers import ExistingCustomersWarning
from .backends import connect, table_of
from .segments import by_segment, split_rows

__all__ = ["load_tables", "parse_segment"]

TABLE_PREFIX = "table:"
ROW = "__row"  # the row numbers' column of engine inputs (xl_retention.relational.inputs.ROW)


def parse_segment(text: str | None) -> tuple[str | None, str | None]:
    """``"plan"`` -> ``("plan", None)``; ``"plan=Pro"`` -> ``("plan", "Pro")``; None -> ``(None, None)``."""
    if text is None:
        return None, None
    column, sep, value = text.partition("=")
    if not column.strip() or (sep and not value.strip()):
        raise ValueError(f"--segment is COLUMN or COLUMN=VALUE, got {text!r}")
    return column.strip(), (value.strip() if sep else None)


def _name(path: Any) -> str:
    text = str(path)
    return text if text.startswith(TABLE_PREFIX) else Path(text).name


def _question_rows(frame: pd.DataFrame, column: str, value: str, source: Any) -> pd.DataFrame:
    """``frame``'s rows of the question ``value`` where ``--segment``'s ``column`` says the question a row answers
    ("Question": a long survey export, one row per question): the other questions' answers (a follow-up's text, a
    1-5 rating) are no answers of this import, left out before the scores are read; ``frame`` itself otherwise."""
    from ..reading.survey_questions import says_question
    from .segments import _segment_name, segment_labels

    name = _segment_name(list(map(str, frame.columns)), column, str(source))
    if not says_question(name):
        return frame
    from ..reading.kept_rows import without_rows

    labels = segment_labels(frame, column, source)
    if not (labels == value).any():
        return frame  # none: refused naming the segments
    return without_rows(frame, labels != value, source)  # refusals name the file's rows


def load_tables(
    subscriptions: Any = None,
    orders: Any = None,
    nps: Any = None,
    visits: Any = None,
    columns: dict[str, str] | None = None,
    sheet: Any = None,
    options: ReadOptions | None = None,
    *,
    backend: str = "duckdb",
    connection: str | None = None,
    segment: str | None = None,
) -> Any:
    """Every table of the inputs given, by ``backend`` (``pandas``, ``duckdb``, ``spark``, ``postgres``).

    Returns :class:`xl_retention.workbook.importer.Tables`. Raises :class:`DataError` for bad data
    (one line naming the file or table, the column and the first rows), ``ValueError`` for a
    backend that cannot be reached or a segment that is not there.
    """
    from ..reading.observed import period_starts
    from ..workbook.importer import Tables, check_package

    column, value = parse_segment(segment)
    # a currency column as the segment allows several currencies (reading.currency); files are exports: a snapshots
    # file missing a month is refused
    options = replace(options or ReadOptions(), segment=column, refuse_missing_months=True)
    given = {"subscriptions": subscriptions, "orders": orders, "nps": nps, "visits": visits}
    files = {k: v for k, v in given.items() if v is not None and not str(v).startswith(TABLE_PREFIX)}
    sheets = sheets_for(sheet, files)
    if backend == "pandas" and len(files) < len([v for v in given.values() if v is not None]):
        named = next(str(v) for v in given.values() if v is not None and str(v).startswith(TABLE_PREFIX))
        raise ValueError(
            f"{named}: a table:NAME input is a table of a database, read by a database backend: add --backend "
            f"duckdb, spark or postgres and --connection (the database: a DuckDB file, a Spark master, a "
            f"postgres:// address); files are read without them"
        )
    for path in files.values():  # before an engine starts (Spark: tens of seconds): a typo in a path fails fast
        text = str(path) if isinstance(path, (str, os.PathLike)) else ""
        if text and "://" not in text and not any(c in text for c in "*?[") and not Path(text).exists():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), text)
    con = None if backend == "pandas" else connect(backend, connection, existing=True)
    used: set[str] = set()
    zoned: dict[str, dict[str, str]] = {}  # a Parquet file's zoned columns read by the engine: their zones

    def read(path: Any, kind: str) -> tuple[Any, str]:
        text, source = str(path), _name(path)
        if text.startswith(TABLE_PREFIX):
            table = table_of(con, text[len(TABLE_PREFIX) :], source)
            if int(con.execute(table.count())) == 0:
                raise DataError(f"{source}: no data rows (the table is empty)", source=source)
            return table, source
        if Path(text).suffix.lower() in (".xlsx", ".xlsm"):
            try:
                check_package(path, "workbook")
            except ValueError as error:
                raise DataError(str(error), source=source) from None
        parquet = Path(text).suffix.lower() in (".parquet", ".pq") and Path(text).exists()
        zones = _zones(text) if parquet else {}
        # DuckDB reads a zoned file of events too, each zoned column as its own zone's wall times (H331's 05); a
        # subscriptions month of instants is read by pandas, which tells a zone's midnights (reading.dates)
        streamed = backend == "duckdb" and (
            not zones or (kind != "subscriptions" and options.timezone is None and all(map(_named, zones.values())))
        )
        if parquet and (streamed or (backend == "spark" and not zones)):
            table = _engine_parquet(con, backend, text, zones)
            zoned[source] = zones
            if int(con.execute(table.count())) == 0:
                raise DataError(f"{source}: no data rows (only a header)", source=source)
            return table, source
        df = read_table(path, sheets[kind], sep=options.sep, encoding=options.encoding)
        if df.empty:
            raise DataError(f"{source}: no data rows (only a header)", source=source)
        return df, source

    def maps(data: Any, kind: str, source: str = "") -> dict[str, str]:
        names = [c for c in data.columns if c != ROW]
        mapping = mapping_for(pd.DataFrame(columns=names), columns, kind)
        for ours in ("date", "start", "end", "month") if zoned.get(source) else ():  # said as a file's (file_zones)
            theirs = mapping.get(ours, ours)  # a column named as ours is not in the mapping
            said = zone_note(source, theirs, zoned[source][theirs]) if theirs in zoned[source] else None
            if said is not None:  # said where a value has a time of day (a column of midnights holds dates)
                timed = data[theirs].notnull() & (data[theirs].truncate("D") != data[theirs])
                if int(con.execute(data.filter(timed).count())):
                    note(said)
        present = {column_key(c) for c in names}
        used.update(ours for ours, yours in mapping.items() if column_key(yours) in present)
        return mapping

    tables = Tables()
    tables.sources = {kind: Path(str(path)) for kind, path in given.items() if path is not None}
    run = _Runner(backend, con, column, value, options)
    if subscriptions is not None:
        data, source = read(subscriptions, "subscriptions")
        kind = subscription_kind(pd.DataFrame(columns=[c for c in data.columns if c != ROW]), maps(data, "intervals"))
        mapping = maps(data, kind, source)
        sub = run.subscriptions(data, kind, mapping, source)
        tables.intervals = kind == "intervals"
        if tables.intervals:  # current_term_start: read as a month seen (workbook.last_month names it)
            tables.period_starts = period_starts([c for c in data.columns if c != ROW], mapping)
        tables.movements, tables.customer_cohorts, tables.revenue_cohorts, tables.survivors = sub
        tables.whole_movements = run.whole_movements
    if orders is not None:
        data, source = read(orders, "orders")
        tables.purchases, tables.order_cohorts, tables.order_revenue_cohorts = run.orders(
            data, maps(data, "orders", source), source
        )
    if nps is not None:
        data, source = read(nps, "nps")
        tables.nps, tables.scores = run.nps(data, maps(data, "answers", source), source)
    if visits is not None:
        data, source = read(visits, "visits")
        tables.visits = run.visits(data, maps(data, "visits", source), source)
    unused = {ours: yours for ours, yours in (columns or {}).items() if ours not in used}
    if unused:
        ours, yours = next(iter(unused.items()))
        names = ", ".join(_name(p) for p in given.values() if p is not None)
        raise DataError(f"--columns {ours}={yours}: no input file has a column {yours!r} ({names})")
    return tables


def _zones(path: str) -> dict[str, str]:
    """A Parquet file's timestamp columns with a time zone: their zones. DuckDB and Spark show such instants in their
    session's zone, where pandas keeps the file's own zone: a time such as 23:30 in New York would fall in another
    day, and month, on the engine. DuckDB reads each as that zone's wall times (:func:`_engine_parquet`); for Spark,
    or with --timezone, such a file is read by pandas (each timestamp's date as written in its zone, as a CSV file's
    with an offset), then handed to the engine."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pq.read_schema(path)
    except Exception:  # not readable here: the engine's own reading names the fault
        return {}
    return {f.name: str(f.type.tz) for f in schema if pa.types.is_timestamp(f.type) and f.type.tz is not None}


def _named(zone: str) -> bool:
    """Whether ``zone`` is a zone's name (``America/New_York``, ``UTC``), not an offset (``+05:00``)."""
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(zone)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return False
    return True


def _engine_parquet(con: Any, backend: str, path: str, zones: dict[str, str]) -> Any:
    if backend == "duckdb" and zones:  # each zoned column as its zone's wall times, as pandas shows them (_zones)
        quoted = path.replace("'", "''")
        replaced = ", ".join(
            f"timezone('{zone.replace(chr(39), chr(39) * 2)}', \"{name.replace(chr(34), chr(34) * 2)}\") "
            f'AS "{name.replace(chr(34), chr(34) * 2)}"'
            for name, zone in zones.items()
        )
        table = con.sql(f"SELECT * REPLACE ({replaced}) FROM read_parquet('{quoted}', file_row_number = true)")
        return table.rename({ROW: "file_row_number"})
    if backend == "duckdb":
        table = con.read_parquet(path, file_row_number=True)
        return table.rename({ROW: "file_row_number"})
    from .backends import spark_table

    session = con._session
    return spark_table(session.read.parquet(os.path.abspath(path)), con)


class _Runner:
    """The tables of one input by the chosen backend, whole, per segment, or for one segment."""

    def __init__(self, backend: str, con: Any, column: str | None, value: str | None, options: ReadOptions) -> None:
        if column is not None and value is not None:
            import re

            from ..reading.currency import named_currency
            from .segments import CODE

            if named_currency(column) and re.fullmatch(CODE, value.strip()):  # 'eur': the segment EUR
                value = value.strip().upper()
        self.backend, self.con, self.column, self.value, self.options = backend, con, column, value, options
        #: every segment's movements (index segment, month) when the tables are one segment's: what the export holds
        self.whole_movements: Any = None

    def _one(self, result: Any, source: str) -> Any:
        """The block of segment ``value`` of each per-segment frame (None stays None)."""
        if self.value is None or self.column is None:
            return result
        if isinstance(result, tuple):
            return type(result)(*(self._one(r, source) for r in result))
        if result is None:
            return None
        segments = list(dict.fromkeys(result.index.get_level_values("segment")))
        if self.value not in segments:
            listing = ", ".join(map(repr, segments[:10])) or "none"
            raise ValueError(f"{source}: no customer is in segment {self.column}={self.value!r} (segments: {listing})")
        return result.xs(self.value, level="segment")

    # each table is computed whole (for its months and checks) and per segment here, the segment's refusals lifted
    # (options.segment): the pandas tables would refuse it from another caller (tables._split)

    def subscriptions(self, data: Any, kind: str, columns: dict[str, str], source: str) -> Any:
        with warnings.catch_warnings(), split_by_caller():  # the import says it in a note of its own
            warnings.simplefilter("ignore", ExistingCustomersWarning)  # (workbook.existing), not a warning
            return self._subscriptions(data, kind, columns, source)

    def _subscriptions(self, data: Any, kind: str, columns: dict[str, str], source: str) -> Any:
        if self.backend != "pandas":
            from . import api

            tables = api.subscription_tables(data, columns=columns, source=source, options=self.options,
                                             backend=self.con, segment=self.column)  # fmt: skip
            self.whole_movements = tables[0] if self.value is not None else None
            return self._one(tables, source)
        if kind == "intervals":
            snaps = pd_intervals(data, columns=columns, source=source, options=self.options)
            whole = pd_subscriptions(snaps, source=source)
        else:
            whole = pd_subscriptions(data, columns=columns, source=source, options=self.options)
        if self.column is None:
            return whole

        def compute(rows: pd.DataFrame, start: Any, end: Any, **kw: Any) -> Any:
            from ..tables.subscriptions import segment_subscription_tables  # `end`: the whole data's last month

            if kind == "intervals":
                through = whole.movements.index[-1] if len(whole.movements) else None
                rows = pd_intervals(rows, through=through, **kw)
                return segment_subscription_tables(rows, start, end, source=kw["source"])
            return segment_subscription_tables(rows, start, end, **kw)

        stacked = by_segment(compute, data, kind, self.column, whole.movements.index, columns=columns,
                             source=source, options=self.options)  # fmt: skip
        self.whole_movements = stacked[0] if self.value is not None else None
        return self._one(stacked, source)

    def orders(self, data: Any, columns: dict[str, str], source: str) -> Any:
        with split_by_caller():
            return self._orders(data, columns, source)

    def _orders(self, data: Any, columns: dict[str, str], source: str) -> Any:
        if self.backend != "pandas":
            from . import api

            tables = api.order_tables(data, columns=columns, source=source, options=self.options, backend=self.con,
                                      segment=self.column)  # fmt: skip
            return self._one(tables, source)
        whole = pd_orders(data, columns=columns, source=source, options=self.options)
        if self.column is None:
            return whole
        stacked = by_segment(pd_orders, data, "orders", self.column, whole.purchases.index, columns=columns,
                             source=source, options=self.options)  # fmt: skip
        return self._one(stacked, source)

    def visits(self, data: Any, columns: dict[str, str], source: str) -> Any:
        with split_by_caller():
            return self._visits(data, columns, source)

    def _visits(self, data: Any, columns: dict[str, str], source: str) -> Any:
        if self.backend != "pandas":
            from . import api

            table = api.returning_visitors(data, columns=columns, source=source, options=self.options,
                                           backend=self.con, segment=self.column)  # fmt: skip
            return self._one(table, source)
        whole = pd_visitors(data, columns=columns, source=source, options=self.options)
        if self.column is None:
            return whole
        stacked = by_segment(pd_visitors, data, "visits", self.column, whole.index, columns=columns, source=source,
                             options=self.options)  # fmt: skip
        return self._one(stacked, source)

    def nps(self, data: Any, columns: dict[str, str], source: str) -> tuple[Any, Any]:
        """NPS per month, and each month's scores (for the tracker's answers sheet; one segment or all)."""
        with split_by_caller():
            return self._nps(data, columns, source)

    def _nps(self, data: Any, columns: dict[str, str], source: str) -> tuple[Any, Any]:
        frame = full = data if isinstance(data, pd.DataFrame) else self.con.execute(data)
        if str(source).startswith(TABLE_PREFIX) and not isinstance(source, TableRows):  # a table's rows, fetched:
            source = TableRows(source, columns)  # named by their values (a table has no row number nor index)
        if self.column is not None and self.value is not None:  # 'Question=How likely ...': that question's rows
            data = frame = full = _question_rows(frame, self.column, self.value, source)  # (survey_questions)
        if self.column is not None and self.value is not None:
            parts = split_rows(frame, "answers", self.column, columns=columns, source=source, options=self.options)
            if self.value not in parts:
                listing = ", ".join(map(repr, list(parts)[:10])) or "none"
                raise ValueError(f"{source}: no answer is in segment {self.column}={self.value!r} "
                                 f"(segments: {listing})")  # fmt: skip
            whole = scores_by_month(frame, columns=columns, source=source, options=self.options).index
            frame = parts[self.value]
            scores = scores_by_month(frame, whole[0], whole[-1], columns=columns, source=source, options=self.options)
        elif self.column is None:
            scores = scores_by_month(frame, columns=columns, source=source, options=self.options)
        else:
            scores = None  # per segment: the scores sheet is for one tracker, not written with --to-csv
        if self.backend != "pandas":
            from ..tables.surveys import _warn_edge_months
            from . import api

            table = api.nps_by_month(data, columns=columns, source=source, options=self.options, backend=self.con,
                                     segment=self.column)  # fmt: skip
            # an edge month of the file's edge day (--timezone's hours), noted as pandas' nps_by_month notes it
            whole = scores if self.column is None else scores_by_month(full, columns=columns, source=source,
                                                                       options=self.options)  # fmt: skip
            _warn_edge_months(whole, source)
            return self._one(table, source), scores
        whole_nps = pd_nps(full, columns=columns, source=source, options=self.options)
        if self.column is None:
            return whole_nps, scores
        stacked = by_segment(pd_nps, full, "answers", self.column, whole_nps.index, columns=columns, source=source,
                             options=self.options)  # fmt: skip
        return self._one(stacked, source), scores
