"""A table given in Python: a pandas DataFrame, or a polars one read as pandas (``DataFrame.to_pandas()``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import pandas as pd

from .errors import DataError


def full_type_name(data: Any) -> str:
    """``polars.dataframe.frame.DataFrame`` -> ``polars.DataFrame``: the library and the class, as a user writes them.

    >>> full_type_name([1, 2]), full_type_name(pd.Series([1.0]))
    ('list', 'pandas.Series')
    """
    module = type(data).__module__.split(".")[0]
    name = type(data).__name__
    return name if module == "builtins" else f"{module}.{name}"


def is_polars_frame(data: Any) -> bool:
    """True for a polars DataFrame or LazyFrame (without importing polars)."""
    return type(data).__module__.split(".")[0] == "polars" and type(data).__name__ in ("DataFrame", "LazyFrame")


def is_arrow_table(data: Any) -> bool:
    """True for a pyarrow Table (without importing pyarrow)."""
    return type(data).__module__.split(".")[0] == "pyarrow" and type(data).__name__ == "Table"


def is_duckdb_relation(data: Any) -> bool:
    """True for a DuckDB relation (``duckdb.sql(...)``, ``con.sql(...)``, ``con.table(...)``; without importing duckdb).

    >>> is_duckdb_relation(pd.DataFrame())
    False
    """
    return type(data).__module__.split(".")[0] in ("duckdb", "_duckdb") and type(data).__name__ == "DuckDBPyRelation"


def is_arrow_reader(data: Any) -> bool:
    """True for a pyarrow RecordBatchReader (DuckDB's ``rel.arrow()`` from 1.4, ``rel.fetch_record_batch()``,
    ``rel.to_arrow_reader()``); pyarrow is not imported (a reader cannot exist without it).

    >>> is_arrow_reader(pd.DataFrame())
    False
    """
    pa = sys.modules.get("pyarrow")
    return pa is not None and isinstance(data, pa.RecordBatchReader)


def read_reader(reader: Any, name: str) -> Any:
    """A pyarrow RecordBatchReader read to its end, once, as the pyarrow Table of the rows it streams (read as that
    Table is). A reader gives its rows once, and DuckDB's none once another query ran on its connection (silently,
    no error): a reader that gives no rows is refused naming ``name``, as is a query that matched nothing (not counted
    as a table without rows).

    >>> import pyarrow as pa
    >>> table = pa.table({"x": [535, 90]})
    >>> read_reader(pa.RecordBatchReader.from_batches(table.schema, table.to_batches()), "x").equals(table)
    True
    >>> read_reader(pa.RecordBatchReader.from_batches(table.schema, []), "customers_end")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: customers_end: the pyarrow RecordBatchReader gave no rows (read already, \
or another query ran on its connection since, or its query matched nothing?): pass the Table (rel.to_arrow_table())
    """
    table = reader.read_all()
    if table.num_rows == 0:
        name = (_ARGUMENT.get() or name) if str(name) == "input" else name  # a table function's argument
        raise DataError(
            f"{name}: the pyarrow RecordBatchReader gave no rows (read already, or another query ran on its connection "
            "since, or its query matched nothing?): pass the Table (rel.to_arrow_table())",
            source=name,
        )
    return table


def relation_arrow(relation: Any) -> Any:
    """A DuckDB relation's rows as the pyarrow Table its own connection computes (DuckDB's types kept: DATE, DECIMAL,
    BIGINT; the relation does not tell its connection, so it runs there). A DuckDB without ``to_arrow_table`` whose
    ``arrow()`` gives a RecordBatchReader: the Table it reads to."""
    if hasattr(relation, "to_arrow_table"):
        return relation.to_arrow_table()
    table = relation.arrow()
    return table.read_all() if is_arrow_reader(table) else table


def pandas_table(
    data: Any,
    source: str,
    accepted: str = "a pandas or polars DataFrame, a pyarrow Table or RecordBatchReader or a DuckDB relation",
) -> pd.DataFrame:
    """``data`` as a numpy-backed pandas DataFrame (:func:`~.numpy_backed.numpy_backed`): a polars DataFrame (or
    LazyFrame, collected) and a pyarrow Table through their ``to_pandas()`` (dates as datetimes, as
    :mod:`..relational.inputs` reads a pyarrow Table); a DuckDB relation as its Arrow table (:func:`relation_arrow`);
    a pyarrow RecordBatchReader (DuckDB's ``rel.arrow()``, ``rel.fetch_record_batch()``) as the Table it reads to
    (:func:`read_reader`).

    Anything else is refused naming its library and class, and what is accepted.

    >>> pandas_table(pd.DataFrame({"a": [1]}), "input").shape
    (1, 1)
    >>> pandas_table([1], "input")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: input: expected a table (a pandas or polars DataFrame, a pyarrow Table or \
RecordBatchReader or a DuckDB relation), got list
    """
    from .numpy_backed import numpy_backed  # pd.NA, pyarrow-backed columns: as numpy's reader gives them

    if isinstance(data, pd.DataFrame):
        return with_rows(numpy_backed(with_index_columns(data)), source)
    if is_polars_frame(data):
        frame = data.collect() if type(data).__name__ == "LazyFrame" else data
        try:
            converted = numpy_backed(frame.to_pandas())
        except Exception as error:  # polars' own conversion (needs pyarrow): say which call failed
            raise DataError(
                f"{source}: a polars DataFrame that its to_pandas() could not convert ({error}): "
                "convert it yourself and pass the pandas DataFrame",
                source=source,
            ) from None
        return with_rows(converted, source)
    if is_duckdb_relation(data):  # duckdb.sql("SELECT ... FROM 'x.parquet'"): its Arrow table, read as one is
        data = relation_arrow(data)
    if is_arrow_reader(data):  # DuckDB's rel.arrow() from 1.4, rel.fetch_record_batch(): read once, as its Table
        data = read_reader(data, source)
    if is_arrow_table(data):  # Parquet read by pyarrow, DuckDB's .arrow(): read as a polars frame is (H225's 06)
        return with_rows(numpy_backed(data.to_pandas(date_as_object=False)), source)
    raise DataError(f"{source}: expected a table ({accepted}), got {full_type_name(data)}", source=source)


def with_index_columns(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with each level of its index named as one of our columns (``month``, ``date``, ``customer_id``: any
    kind's, :data:`~.columns.SCHEMAS`, as :func:`~.names.key` spells it) that no column of ``df`` is named, as a
    column of that name in front; the index is kept (a refusal names rows by their labels). A monthly frame kept as
    pandas users keep it, ``df.set_index("month")``, is read as the same frame with the month a column (H214's
    finding 06: it was refused "missing column 'month'", with advice to map another column).

    >>> df = pd.DataFrame({"month": ["2026-01", "2026-02"], "mrr": [1.0, 2.0]}).set_index("month")
    >>> with_index_columns(df).reset_index(drop=True).to_dict("list")
    {'month': ['2026-01', '2026-02'], 'mrr': [1.0, 2.0]}
    >>> list(with_index_columns(df.rename_axis("period")).columns)  # no name of ours: the index is left alone
    ['mrr']
    """
    if all(name is None for name in df.index.names):
        return df
    from .columns import SCHEMAS  # the columns module imports the reading of frames
    from .names import key

    ours = {name for required, optional in SCHEMAS.values() for name in (*required, *optional)}
    present = {key(str(column)) for column in df.columns}
    levels = [
        (level, name)
        for level, name in enumerate(df.index.names)
        if isinstance(name, str) and key(name) in ours and key(name) not in present
    ]
    if not levels or len({key(name) for _, name in levels}) < len(levels):
        return df
    out = df.copy(deep=False)
    for level, name in reversed(levels):
        out.insert(0, name, df.index.get_level_values(level))
    return out


#: the name of the argument a table was given as (``snapshots``, ``orders``), set by the table functions
#: (:func:`~xl_retention.tables._keywords.checked_keywords`) while they run: a refusal of the whole table names it
_ARGUMENT: ContextVar[str | None] = ContextVar("argument", default=None)


@contextmanager
def argument_named(name: str) -> Iterator[None]:
    """Within: a table given under the default source name ``input`` is named ``name`` by :func:`empty_table`
    (the outermost call's argument: a table function calling another keeps its caller's name)."""
    if _ARGUMENT.get() is not None:
        yield
        return
    token = _ARGUMENT.set(name)
    try:
        yield
    finally:
        _ARGUMENT.reset(token)


def empty_table(source: str, columns: list[str]) -> DataError:
    """The refusal of a table with no rows (a query or a filter that matched nothing: its tables would be empty,
    with no word), as the import refuses a file with a header and no data rows (H214's finding 05). ``source``
    ``input`` (the table functions' default) is the argument's name where a table function runs.

    >>> print(empty_table("snapshots", ["customer_id", "month"]))
    snapshots has the columns but no rows ('customer_id', 'month'): nothing to count (a query or a filter that \
matched nothing?)
    >>> print(empty_table("orders", []))
    orders is an empty table (no columns, no rows)
    """
    name = (_ARGUMENT.get() or source) if str(source) == "input" else source
    if not columns:
        return DataError(f"{name} is an empty table (no columns, no rows)", source=name)
    shown = ", ".join(repr(str(column)) for column in columns[:8]) + (", ..." if len(columns) > 8 else "")
    return DataError(
        f"{name} has the columns but no rows ({shown}): nothing to count (a query or a filter that matched nothing?)",
        source=name,
    )


def with_rows(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """``df``, refused by :func:`empty_table` when it has no rows.

    >>> with_rows(pd.DataFrame({"customer_id": [], "month": []}), "snapshots")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: snapshots has the columns but no rows ('customer_id', 'month'): nothing \
to count (a query or a filter that matched nothing?)
    """
    if len(df):
        return df
    raise empty_table(source, [str(column) for column in df.columns])
