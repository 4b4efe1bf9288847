"""A relational input in the definitions' shape: :class:`Input` (a typed Ibis table in our column names, with the
checks and facts the tables need) and :func:`shape` (our typed columns to the definitions': month ordinals ``m``,
``start_m``, ``end_m``, ...); :func:`coded_segments` codes segment labels so that every collation sorts them alike.

Both ways in (:mod:`.frame_input`, a pandas frame read as a file's; :mod:`.typed_tables`, a database's typed table)
end here (:mod:`.inputs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from ..reading.revenue import MRR_DUST
from .definitions import month_ordinal, whole_score
from .refusals import ROW

__all__ = ["Input", "coded_segments", "shape"]


@dataclass
class Input:
    """A typed input table on an engine: ``table`` in our column names (see :mod:`.definitions`)."""

    table: ir.Table
    kind: str
    source: str
    names: dict[str, str] = field(default_factory=dict)  # our name -> the input's spelling
    checks: list = field(default_factory=list)  # (column, problem, condition over `table`, shown column[, advice])
    #: months after the current month are refused (``ReadOptions.refuse_missing_months``: an import's exports),
    #: the current month being ``today``'s (None: the run's); a typed table's, as :func:`~.reading.prepare` does
    refuse_future: bool = False
    today: Any = None
    #: a snapshots table with a month without any row between months with rows is refused as a missing export
    #: (``ReadOptions.refuse_missing_months``), a typed table's as :func:`~.reading.prepare` refuses a file's
    refuse_missing: bool = False
    #: the segment labels, in code-point order, when ``table.segment`` holds their codes (see :func:`coded_segments`)
    labels: list[str] | None = None
    #: an intervals table's latest current-period start month (ordinal): a month observed (reading.observed)
    observed: int | None = None
    #: an orders table's last month, paid or not (the latest dated row's before the unpaid ones were left out: an
    #: order refunded in full, cancelled; ordinal): its tables run to it (reading.covered_months)
    covered: int | None = None

    def decoded(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` (an engine's result) with the segment codes of its ``segment`` column as their labels."""
        if self.labels is None or "segment" not in frame.columns:
            return frame
        codes = pd.to_numeric(frame["segment"]).to_numpy(dtype=np.int64)
        return frame.assign(segment=np.asarray(self.labels, dtype=object)[codes])


def coded_segments(labels: Any) -> tuple[dict[str, str], list[str]]:
    """Each distinct segment label's code (its rank in code-point order, as nine digits) and the labels in that order.

    The engine compares codes, not labels, where a customer's first month has rows of two segments ("the smallest
    value", docs/metrics.md "Segments"): equal-length digit strings sort alike under every collation, where labels
    sort by the database's (PostgreSQL's en-US puts 'basic' before 'Pro', Python and DuckDB 'Pro' first).

    >>> coded_segments(["basic", "Pro", "basic"])
    ({'Pro': '000000000', 'basic': '000000001'}, ['Pro', 'basic'])
    """
    order = sorted({str(label) for label in labels})
    return {label: f"{i:09d}" for i, label in enumerate(order)}, order


def shape(table: ir.Table, kind: str, source: str, names: dict[str, str]) -> Input:
    """Our typed columns to the definitions' columns (month ordinals ``m``, ``t``, ``start_m``, ...)."""
    extra = [c for c in ("segment", ROW) if c in table.columns]
    if kind in ("snapshots", "intervals"):
        mrr = table.mrr.cast("float64")  # within MRR_DUST of 0: 0, as reading.revenue.check_negative_mrr reads it
        mrr = (mrr.abs() < MRR_DUST).ifelse(ibis.literal(0.0, "float64"), mrr)
    if kind == "snapshots":
        t = table.select("customer_id", *extra, m=month_ordinal(table.month), mrr=mrr, month=table.month)
    elif kind == "intervals":
        end = table.end if "end" in table.columns else ibis.null("timestamp")
        t = table.select("customer_id", *extra, start_m=month_ordinal(table.start), mrr=mrr,
                         end_m=month_ordinal(end) if "end" in table.columns else ibis.null("int64"),
                         start=table.start, end=end)  # fmt: skip
    elif kind in ("orders", "visits"):
        who = "customer_id" if kind == "orders" else "visitor_id"
        sums = {"amount": table.amount.cast("float64")} if "amount" in table.columns else {}
        t = table.select(who, *extra, m=month_ordinal(table.date), t=table.date, date=table.date, **sums)
    else:
        t = table.select(*extra, m=month_ordinal(table.date), score=whole_score(table.score), date=table.date)
    return Input(t, kind, source, names)
