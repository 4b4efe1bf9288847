"""A pandas DataFrame (a file read by :func:`xl_retention.reading.read_table`, a frame given in Python) as a
relational input: read column by column by :func:`xl_retention.reading.prepare` exactly as the pandas tables read it
(dates sniffed, decimal commas, billing intervals, ...) and handed to the engine as an Arrow table with its row
positions (:data:`~.refusals.ROW`), so that the engine's checks name the same rows as the pandas path does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import ibis
import numpy as np
import pandas as pd

from ..reading import ReadOptions, prepare, source_of
from ..reading.covered_months import COVERED_MONTH
from ..reading.observed import OBSERVED_MONTH
from ..reading.snapshot_rows import kept_segments
from .input_shape import Input, coded_segments, shape
from .refusals import ROW
from .segments import segment_labels

__all__ = ["from_frame"]


def from_frame(
    df: pd.DataFrame,
    kind: str,
    columns: Mapping[str, str] | None,
    source: str,
    options: ReadOptions | None,
    segment: str | None,
) -> Input:
    """``df`` read as a file's (:func:`~xl_retention.reading.prepare`) as an :class:`~.input_shape.Input` of ``kind``;
    ``segment``: the column whose labels become ``segment`` (coded, :func:`~.input_shape.coded_segments`)."""
    source = source_of(df, source)  # a sheet's table: rows named as the sheet's, as on the pandas path
    if segment is not None:  # the segment column as the import's --segment: a currency column split by is no refusal
        options = replace(options or ReadOptions(), segment=segment)
    frame, names = prepare(df, kind, columns, source, options)
    out: dict[str, Any] = {}
    for name in frame.columns:
        values = frame[name]
        if name in ("customer_id", "visitor_id"):
            out[name] = values.astype(str).astype(object) if pd.api.types.is_integer_dtype(values) else values
        else:
            out[name] = values
    typed = pd.DataFrame(out)
    order = None
    if segment is not None:
        labels = segment_labels(df, segment, source)  # 'Pro' beside 'PRO': refused (reading.segment_spellings)
        labels = kept_segments(labels, frame.attrs)  # the rows kept; a customer's month of several: the smallest
        codes, order = coded_segments(labels)
        typed["segment"] = pd.Series(labels, dtype=object).map(codes).to_numpy(dtype=object)
        names["segment"] = segment
    # the file positions of the rows (an orders file's line items and cancelled orders are left out: reading.orders)
    typed[ROW] = np.asarray(frame.attrs.get("positions", np.arange(len(typed))), dtype=np.int64)
    typed = typed.reset_index(drop=True)
    import pyarrow as pa

    # an Arrow table: engines scan it in parallel, where a pandas frame is scanned by one thread
    table = ibis.memtable(pa.Table.from_pandas(typed, preserve_index=False))
    item = shape(table, kind, source, names)
    item.labels = order
    item.observed = frame.attrs.get(OBSERVED_MONTH)
    item.covered = frame.attrs.get(COVERED_MONTH)
    return item
