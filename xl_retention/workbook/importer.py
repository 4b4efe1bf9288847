"""Raw exports into the tracking sheets (``xl-retention import``).

A thin adapter: :mod:`xl_retention.movements` turns subscriptions, orders, survey answers
and visits into monthly tables; this module lays them into a tracking workbook's input
cells (rebuilding the workbook from the template over the months the data and the
workbook cover, its other inputs kept) or writes them as CSV files. Every table is
computed before anything is written: bad data leaves the workbook as it was.
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import movements as mv
from .._files import atomic_write
from .template import COHORTS_TITLE, NPS_SCORES_TITLE, build_template, read_inputs


@dataclass
class Tables:
    """The monthly tables computed from the raw files given (None where no file was given)."""

    movements: pd.DataFrame | None = None
    customer_cohorts: pd.DataFrame | None = None
    revenue_cohorts: pd.DataFrame | None = None
    purchases: pd.DataFrame | None = None
    order_cohorts: pd.DataFrame | None = None
    order_revenue_cohorts: pd.DataFrame | None = None
    visits: pd.DataFrame | None = None
    nps: pd.DataFrame | None = None
    scores: pd.Series | None = field(default=None, repr=False)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables to write as CSV, by file stem."""
        names = ("movements", "customer_cohorts", "revenue_cohorts", "purchases", "order_cohorts",
                 "order_revenue_cohorts", "visits", "nps")  # fmt: skip
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}

    def months(self) -> pd.PeriodIndex:
        """Every month any table covers."""
        index = [f.index for f in (self.movements, self.purchases, self.visits, self.nps) if f is not None]
        index += [f.index for f in (self.customer_cohorts, self.order_cohorts) if f is not None and len(f)]
        if not index:
            return pd.PeriodIndex([], freq="M")
        first = min(i.min() for i in index if len(i))
        last = max(i.max() for i in index if len(i))
        return pd.period_range(first, last, freq="M")


def load_tables(
    subscriptions: str | os.PathLike[str] | None = None,
    orders: str | os.PathLike[str] | None = None,
    nps: str | os.PathLike[str] | None = None,
    visits: str | os.PathLike[str] | None = None,
    columns: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Tables:
    """Read and compute every table; raises :class:`~xl_retention.movements.DataError` on bad data.

    ``columns`` maps our column names to yours, for every file: each file takes the entries that
    apply to it (:func:`~xl_retention.movements.mapping_for`).
    """
    known = {name for required, optional in mv.SCHEMAS.values() for name in (*required, *optional)}
    unknown = sorted(set(columns or {}) - known)
    if unknown:
        raise mv.DataError(f"unknown column name {unknown[0]!r} in the column map; known: {', '.join(sorted(known))}")

    tables = Tables()
    if subscriptions is not None:
        df, source = mv.read_table(subscriptions, sheet), Path(subscriptions).name
        if mv.subscription_kind(df, mv.mapping_for(df, columns, "intervals")) == "intervals":
            df = mv.snapshots_from_intervals(df, columns=mv.mapping_for(df, columns, "intervals"), source=source)
            sub = mv.subscription_tables(df, source=source)
        else:
            sub = mv.subscription_tables(df, columns=mv.mapping_for(df, columns, "snapshots"), source=source)
        tables.movements, tables.customer_cohorts, tables.revenue_cohorts = sub
    if orders is not None:
        df, source = mv.read_table(orders, sheet), Path(orders).name
        tables.purchases, tables.order_cohorts, tables.order_revenue_cohorts = mv.order_tables(
            df, columns=mv.mapping_for(df, columns, "orders"), source=source
        )
    if nps is not None:
        df, source = mv.read_table(nps, sheet), Path(nps).name
        tables.scores = mv.scores_by_month(df, columns=mv.mapping_for(df, columns, "answers"), source=source)
        tables.nps = mv.nps_by_month(df, columns=mv.mapping_for(df, columns, "answers"), source=source)
    if visits is not None:
        df, source = mv.read_table(visits, sheet), Path(visits).name
        tables.visits = mv.returning_visitors(df, columns=mv.mapping_for(df, columns, "visits"), source=source)
    return tables


def write_csv(tables: Tables, directory: str | os.PathLike[str]) -> list[Path]:
    """Each table as ``DIRECTORY/NAME.csv`` (written whole or not at all); returns the paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.frames().items():
        buffer = io.StringIO()
        frame.to_csv(buffer)
        target = directory / f"{name}.csv"
        atomic_write(target, buffer.getvalue().encode())
        written.append(target)
    return written


def _number(value: Any) -> Any:
    """A table value as a cell value: whole numbers as int, NaN as blank."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    value = value.item() if hasattr(value, "item") else value
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _put(values: list[Any], index: int, value: Any) -> None:
    values.extend([None] * (index + 1 - len(values)))
    values[index] = _number(value)


# the template's input column <- the table's column
CUSTOMER_INPUTS = {"gained": "gained", "end": "customers_end"}
REVENUE_INPUTS = {
    "new": "new_mrr",
    "expansion": "expansion_mrr",
    "reactivation": "reactivation_mrr",
    "contraction": "contraction_mrr",
    "churned": "churned_mrr",
}


def fill_workbook(path: str | os.PathLike[str], tables: Tables) -> tuple[pd.Period, int]:
    """Lay ``tables`` into the tracking workbook at ``path``; returns its first month and month count.

    The months become those of the workbook and the data together; months the data covers
    take the data's figures, the workbook's other inputs stay. The workbook is rebuilt from
    the template (formulas, styles, charts, names and validation as ``xl-retention new``
    makes them; a VBA project is carried over) and replaces ``path`` atomically.
    """
    path = Path(path)
    start, count, inputs = read_inputs(path)
    old = pd.period_range(pd.Period(start, freq="M"), periods=count, freq="M")
    data = tables.months()
    months = old if not len(data) else pd.period_range(min(old[0], data[0]), max(old[-1], data[-1]), freq="M")
    shift = old[0].ordinal - months[0].ordinal
    if shift:  # earlier months come first: move the workbook's inputs down
        for title in ("Customers", "Revenue", "Purchases and visits"):
            for key, values in inputs[title].items():
                inputs[title][key] = [] if key == "start" else [None] * shift + values
        inputs[NPS_SCORES_TITLE] = [[] for _ in range(shift)] + inputs[NPS_SCORES_TITLE]
        inputs[COHORTS_TITLE] = [[] for _ in range(shift)] + inputs[COHORTS_TITLE]

    def row(month: pd.Period) -> int:
        return month.ordinal - months[0].ordinal

    if tables.movements is not None:
        customers, revenue = inputs["Customers"], inputs["Revenue"]
        for month, figures in tables.movements.iterrows():
            i = row(month)
            for key, column in CUSTOMER_INPUTS.items():
                _put(customers.setdefault(key, []), i, figures[column])
            for key, column in REVENUE_INPUTS.items():
                _put(revenue.setdefault(key, []), i, figures[column])
            if i == 0:
                customers["start"] = [_number(figures["customers_start"])]
                revenue["start"] = [_number(figures["mrr_start"])]
    purchases = inputs["Purchases and visits"]
    if tables.purchases is not None:
        for month, figures in tables.purchases.iterrows():
            _put(purchases.setdefault("buyers", []), row(month), figures["buyers"])
            _put(purchases.setdefault("returning", []), row(month), figures["returning"])
    if tables.visits is not None:
        for month, figures in tables.visits.iterrows():
            _put(purchases.setdefault("visitors", []), row(month), figures["visitors"])
            _put(purchases.setdefault("returning_visitors", []), row(month), figures["returning"])
    if tables.scores is not None:
        grid = inputs[NPS_SCORES_TITLE]
        for month, scores in tables.scores.items():
            grid.extend([] for _ in range(row(month) + 1 - len(grid)))
            grid[row(month)] = [int(s) for s in scores]
    cohorts = tables.customer_cohorts if tables.customer_cohorts is not None else tables.order_cohorts
    if cohorts is not None:
        grid = inputs[COHORTS_TITLE]
        for cohort, counts in cohorts.iterrows():
            i = row(cohort)
            grid.extend([] for _ in range(i + 1 - len(grid)))
            grid[i] = [_number(v) for v in counts.to_numpy()[: len(months) - i] if not pd.isna(v)]
    keep_vba = path if _has_vba(path) else None
    build_template(path, start=months[0].to_timestamp().date(), months=len(months), overwrite=True,
                   inputs=inputs, vba_from=keep_vba)  # fmt: skip
    return months[0], len(months)


def _has_vba(path: Path) -> bool:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return "xl/vbaProject.bin" in package.namelist()


__all__ = ["Tables", "fill_workbook", "load_tables", "write_csv"]
