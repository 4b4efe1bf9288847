"""Inputs of the relational tables: pandas frames, Ibis tables or Spark DataFrames to typed Ibis tables; checks.

Two ways in, one set of errors (:class:`~xl_retention.reading.DataError`, one line naming the
file or table, the column and the first rows):

* a pandas DataFrame (a file read by :func:`xl_retention.reading.read_table`) is read column by
  column by :func:`xl_retention.reading.prepare` exactly as the pandas tables read it (dates
  sniffed, decimal commas, billing intervals, ...) and handed to the engine with its row
  positions, so that the checks below name the same rows as the pandas path does;
* an Ibis table (a database table, a Parquet file read by DuckDB) or a Spark DataFrame stays in
  its engine when its columns are typed (ids text or whole numbers, dates DATE/TIMESTAMP,
  amounts numeric; billing intervals as text). A column that needs reading (dates or numbers
  stored as text) is fetched and read as a file would be (the same rules, the same errors).

The checks that need the whole table (negative MRR, a customer twice in one month, an
interval ending before it starts, scores outside 0-10, dates a century apart, blanks in a
typed table) run in the engine as one aggregate query; only when one fails are the first
rows fetched. Rows are named by their row number (header = row 1; a table read from a sheet:
the sheet's own rows, as on the pandas path) where the input has an order (frames, Parquet
files), else by their values.

This module takes any of them in (:func:`typed_input`); a frame is read by :mod:`.frame_input`, a typed table by
:mod:`.typed_tables` (fetched to be read as a file's by :mod:`.fetched`, its billing MRR by :mod:`.typed_billing`), both
ending as :mod:`.input_shape`'s :class:`~.input_shape.Input`; :func:`snapshots_of` gives an input's snapshots.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

from ..reading import DataError, ReadOptions
from ..reading.columns import FUTURE_HINTS
from ..reading.frames import (
    empty_table,
    full_type_name,
    is_arrow_reader,
    is_duckdb_relation,
    is_polars_frame,
    pandas_table,
    read_reader,
    relation_arrow,
)
from .definitions import intervals_to_snapshots
from .frame_input import from_frame
from .input_shape import Input, coded_segments
from .refusals import ROW
from .typed_tables import from_table

__all__ = ["Input", "coded_segments", "typed_input"]


def _as_ibis(data: Any, con: Any) -> ir.Table | pd.DataFrame:
    """An Ibis table for ``data`` (pandas frames are returned as they are)."""
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, ir.Table):
        from .backends import money_read

        return money_read(data)  # a PostgreSQL money column: its numbers
    if type(data).__module__.startswith("pyspark.sql") and type(data).__name__ == "DataFrame":
        from .backends import spark_table

        return spark_table(data, con)
    if is_polars_frame(data):  # read through its to_pandas()
        return pandas_table(data, "input")
    if is_arrow_reader(data):  # DuckDB's rel.arrow() from 1.4, rel.fetch_record_batch(): read once, as its Table
        data = read_reader(data, "input")
    if _is_arrow_table(data):  # in memory already: read as the frame it converts to, as a polars frame is
        return pandas_table(data.to_pandas(date_as_object=False), "input")
    if is_duckdb_relation(data):
        # its connection cannot be read from it (H202's finding 08): run on its own connection, its rows come as the
        # Arrow table they are (DuckDB's types: DATE, DECIMAL, BIGINT), which the engine scans as a typed table, as
        # a database's table is read (not through pandas); a relation has no row order: rows named by their values
        return ibis.memtable(relation_arrow(data))
    raise DataError(
        "expected a table (a pandas or polars DataFrame, an Ibis table, a Spark DataFrame, a pyarrow Table or "
        "RecordBatchReader or a DuckDB relation), "
        f"got {full_type_name(data)}"
    )


def _is_arrow_table(data: Any) -> bool:
    """True for a pyarrow Table (without importing pyarrow)."""
    return type(data).__module__.split(".")[0] == "pyarrow" and type(data).__name__ == "Table"


def typed_input(
    data: Any,
    kind: str,
    con: Any,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    segment: str | None = None,
) -> Input:
    """``data`` as a typed Ibis table of ``kind`` (``snapshots``, ``intervals``, ``orders``, ``visits``, ``answers``).

    ``segment`` names a column of ``data`` (matched as column names are) that becomes ``segment`` (text; blank =
    ``(blank)``). Raises :class:`DataError` for bad data (see the module docstring).
    """
    data = _as_ibis(data, con)
    if isinstance(data, pd.DataFrame):
        item = from_frame(data, kind, columns, source, options, segment)  # reading.prepare refuses future months
        item.today = options.today if options is not None else None  # the run's date (snapshots_of: after today)
        return item
    if int(con.execute(data.limit(1).count())) == 0:  # a query that matched nothing: refused as an empty frame is
        raise empty_table(source, [c for c in data.columns if c != ROW])
    item = from_table(data, kind, con, columns, source, options, segment)
    item.today = options.today if options is not None else None  # the run's date, of an interval table too
    if options is not None and options.refuse_missing_months and kind in FUTURE_HINTS:
        item.refuse_future = True
        item.refuse_missing = kind == "snapshots"
    return item


def snapshots_of(con: Any, item: Input, through: int | None = None) -> ir.Table:
    """The snapshots (``customer_id, m, mrr`` [, ``segment``]) of a snapshots or intervals input."""
    keep = [c for c in ("segment",) if c in item.table.columns]
    if item.kind == "snapshots":
        return item.table.select("customer_id", "m", "mrr", *keep, *[c for c in (ROW,) if c in item.table.columns])

    from ..tables.subscriptions import current_month, month_only  # months after the current one are not observed

    now = current_month(item.today) if through is None else None  # the run's date (ReadOptions.today)
    dates = [c for c in ("start", "end") if c in item.table.columns]  # a plan change within a month (definitions)
    rows = item.table.select("customer_id", "start_m", "end_m", "mrr", *keep, *dates)
    if now is not None and "end" in dates:  # an end later this month, after today: active through it, not lost
        from ..reading.renewals import _today  # (tables.interval_snapshots._after_today)

        month = current_month(item.today)
        later = (rows.end_m == month) & (rows.end > ibis.literal(pd.Timestamp(_today(item.today))))
        rows = rows.mutate(end_m=later.ifelse(ibis.literal(month + 1, "int64"), rows.end_m))
    if now is not None and "start" in dates and not month_only(item.today):
        from ..reading.renewals import _today  # (tables.interval_snapshots._starts_after_today)

        month = current_month(item.today)  # a start later this month, after today: not started yet, in no month
        day = pd.Timestamp(_today(item.today))
        rows = rows.mutate(not_yet=(rows.start_m == month) & (rows.start > ibis.literal(day)))
        counts = con.execute(rows.aggregate(n=rows.count(), later=rows.not_yet.ifelse(1, 0).sum()))
        n, later = int(counts["n"].iloc[0]), int(counts["later"].fillna(0).iloc[0])
        if n and later == n:  # every start later this month: no customer yet (tables.subscriptions, the same words)
            from .refusals import first_rows

            problem = f"every start is after today ({str(day)[:10]}): nothing is observed yet"
            start = item.names.get("start", "start")
            raise first_rows(con, item.table, ibis.literal(True), item.source, start, problem, "start", n)
    from ..tables.interval_snapshots import covered_month  # import --through: the export covers that month

    said = [m for m in (item.observed, covered_month()) if m is not None]
    return intervals_to_snapshots(rows, through, now, max(said) if said else None)
