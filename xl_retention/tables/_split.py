"""``ReadOptions(segment=...)`` in the pandas tables: the rows are read as split by that column, which only a caller
that splits them does (the import's ``--segment``, :mod:`xl_retention.relational`'s ``segment=``, whose pandas path
computes each segment's rows with these functions: :func:`split_by_caller`).

The segment column lifts the refusals of what it splits (two currencies in a currency column, the answers of two
questions in one score column, prices in two currencies in a plan column): each segment's tables add up its own rows
alone. :func:`xl_retention.tables.order_tables` (and the other tables here) add up every row they are given, so
``order_tables(df, options=ReadOptions(segment="currency"))`` on USD 10 and EUR 20 gave January's revenue 30.0, the
two currencies added up (H375's finding 03). Given by any other caller, a segment column holding more than one value
(blanks left out; a currency column's codes in any case) is refused, naming its values, a row of each and what to do
(:func:`prepared`). Rows of one segment (``df[df["currency"] == "EUR"]``) are read with the option as the import
reads them.

>>> import pandas as pd
>>> from xl_retention.reading import ReadOptions
>>> orders = pd.DataFrame({"customer_id": ["a", "b"], "date": ["2026-01-05", "2026-01-06"], "amount": [10, 20],
...                        "currency": ["USD", "EUR"]})
>>> prepared(orders, "orders", None, "input", ReadOptions(segment="currency"), "order_tables")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
xl_retention.reading.errors.DataError: input, column 'currency': 2 currencies (USD, EUR) in rows 2, 3 (counting...
>>> with split_by_caller():
...     frame, names = prepared(orders, "orders", None, "input", ReadOptions(segment="currency"), "order_tables")
>>> frame["amount"].tolist()
[10.0, 20.0]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
import pandas as pd

from ..reading import ReadOptions, bad_rows, prepare
from ..reading.currency import code_of, named_currency, segment_values, tables_call
from ..reading.frames import pandas_table
from ..reading.segment_advice import keyword_caller

__all__ = ["prepared", "split_by_caller"]

#: True while a caller computes the rows of each segment (and the whole rows, for their months) itself
_CALLER_SPLITS: ContextVar[bool] = ContextVar("xl_retention_caller_splits", default=False)


@contextmanager
def split_by_caller() -> Iterator[None]:
    """The tables computed in the block are a segment's (or the whole data's, read as the segments' are) for a caller
    that splits the rows by ``options.segment`` itself (:mod:`xl_retention.relational.load`'s pandas path,
    :func:`xl_retention.relational.segments.by_segment`): the segment's refusals are lifted, as for the import."""
    token = _CALLER_SPLITS.set(True)
    try:
        yield
    finally:
        _CALLER_SPLITS.reset(token)


def prepared(
    data: Any,
    kind: str,
    columns: Mapping[str, str] | None,
    source: Any,
    options: ReadOptions | None,
    function: str,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """:func:`~xl_retention.reading.prepare` of ``data`` for the table function ``function`` (the name of its
    counterpart in :mod:`xl_retention.relational`, which takes ``segment=``): outside :func:`split_by_caller`, its
    refusals name what a caller of these functions can do (:func:`~xl_retention.reading.currency.segment_said`), and
    ``options.segment`` naming a column of more than one value is refused (see the module docstring)."""
    if _CALLER_SPLITS.get():
        return prepare(data, kind, columns, source, options)
    if options is not None and options.segment is not None:
        data = pandas_table(data, str(source))  # once: a RecordBatchReader is read as it is consumed
        _refuse_unsplit(data, source, options.segment, function)
    with tables_call(function):
        return prepare(data, kind, columns, source, options)


def _refuse_unsplit(df: pd.DataFrame, source: Any, segment: str, function: str) -> None:
    """Refuse ``df`` whose column ``segment`` holds more than one value (blanks left out), naming them and a row of
    each (see the module docstring)."""
    values = segment_values(df, segment)
    if values is None:
        return
    name = str(values.name)
    text = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    currency = named_currency(name)
    written = text
    if currency:  # a currency's code in any case, symbol or name is that currency ('usd', '€', 'Euro'), as README says
        text = text.map(lambda t: code_of(t) if t else t)
    codes, uniques = pd.factorize(text.to_numpy(dtype=object))
    found = [i for i, u in enumerate(uniques) if u != ""]
    if len(found) < 2:
        return
    rows = [int(np.flatnonzero(codes == i)[0]) for i in found]
    listing = ", ".join(str(uniques[i]) if currency else repr(uniques[i]) for i in found[:5])
    listing += f" and {len(found) - 5} more" if len(found) > 5 else ""
    what = "currencies" if currency else "segments"
    first = str(uniques[found[-1] if currency else found[0]])  # the currency the import's refusal names: the last
    error = bad_rows(source, name, f"{len(found)} {what} ({listing})", rows, values.to_numpy())
    added = "amounts in several currencies would be added up" if currency else "its segments would be added up"
    said = f"options=ReadOptions(segment={segment!r}) reads the rows as split by {name!r}"
    one = f"segment={f'{segment}={first}'!r}"
    if keyword_caller():  # load_tables: its own segment= splits them
        how = f"which load_tables does with segment={segment!r} (the tables per segment) or {one} (one segment)"
        advice = "give that instead"
    else:
        how = f"which {function} does not do: {added} in one table"
        kept = "one currency's rows" if currency else "one segment's rows"
        ways = list(dict.fromkeys(written[(text == first).to_numpy()]))  # 'EUR' and '€': both kept
        rows_of = f"df[df[{name!r}] == {ways[0]!r}]" if len(ways) == 1 else f"df[df[{name!r}].isin({ways!r})]"
        advice = (
            f"keep {kept} ({rows_of}), or xl_retention.relational.{function}(df, "
            f"segment={segment!r}) for the tables per segment ({one} for one)"
        )
    raise type(error)(
        f"{error}; {said}, {how}; {advice}",
        source=error.source,
        column=name,
        rows=error.rows,
        row_count=error.row_count,
    )
