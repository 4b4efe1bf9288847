"""Orders refunded or cancelled since an earlier import: the one change of a closed month a refresh takes.

A refresh stops where the data changes a value an earlier import wrote in a month closed when it ran
(:func:`.typed_values.refuse_closed`): a second shop's export, a filtered one, would replace the first's months
silently. But a shop's export re-downloaded each month marks an order of an earlier month refunded (Shopify's
Financial Status ``refunded``), and an order refunded in full is no purchase (docs/metrics.md "Orders"): that change
is routine. So the orders' changes of closed months are taken (listed as updated) when the same export, with the
orders it leaves out as unpaid (refunded in full, cancelled, voided) counted as the purchases they were, gives back
every value the earlier import wrote there (:func:`explained`); anything else still stops. An export also leaves out,
again, the orders that were cancelled or voided before the earlier import (every real shop export has some: H158's
finding 02), which were no purchase then either: where counting all the orders left out does not give the values
back, those of the changed values' months are counted some at a time, fewest first.

The orders the export leaves out are its rows the reading did not keep (``attrs["positions"]``), less the other rows
of orders kept (an order's line items) and refund rows (negative amounts); each read again from its customer, date,
order id and amount columns alone (so no status leaves it out).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import movements as mv

if TYPE_CHECKING:
    from .importer import Tables
    from .typed_values import Replaced

__all__ = ["LeftOut", "explained", "paid_as_before", "refunds_since"]

#: (purchases, order cohorts) of the export with the orders it leaves out as unpaid counted as paid
AsPaid = tuple[pd.DataFrame, pd.DataFrame]


#: the most ways of counting some of the orders left out as paid that :func:`explained` tries after all of them
MOST_TRIES = 64


@dataclass
class LeftOut:
    """The orders an export keeps (``kept``: customer and date) and those it leaves out as unpaid (``left``), read
    on their own; :meth:`as_paid` counts some or all of the left out as paid."""

    kept: pd.DataFrame
    left: pd.DataFrame
    source: str
    options: mv.ReadOptions

    def as_paid(self, rows: Sequence[int] | None = None) -> AsPaid:
        """The purchases and order cohorts with the left-out orders ``rows`` (positions in :attr:`left`; None: all)
        counted as paid."""
        left = self.left if rows is None else self.left.iloc[list(rows)]
        both = pd.concat([self.kept, left], ignore_index=True)
        tables = mv.order_tables(both, source=self.source, options=self.options)
        return tables[0], tables[1]

    def months(self) -> list[pd.Period]:
        """Each left-out order's month."""
        return [pd.Period(day, freq="M") for day in pd.to_datetime(self.left["date"])]


def paid_as_before(
    df: pd.DataFrame, columns: Mapping[str, str], source: str, options: mv.ReadOptions
) -> LeftOut | None:
    """The orders export ``df`` (read with ``columns``) split into the orders it keeps and those it leaves out as
    unpaid; None where it leaves none out or they cannot be read on their own."""
    from ..reading.preparation import prepare

    try:
        frame, names = prepare(df, "orders", columns, source, options)
        positions = frame.attrs.get("positions")
        if positions is None:
            return None
        left = np.setdiff1d(np.arange(len(df)), np.asarray(positions))
        if "order_id" in names:  # an order's other lines: not an order left out
            ids = df[names["order_id"]].astype(str).to_numpy()
            left = left[~np.isin(ids[left], ids[np.asarray(positions)])]
            left = left[~pd.Series(ids[left]).duplicated().to_numpy()]  # one row per order left out (its line items)
        if not len(left):
            return None
        own = {ours: names[ours] for ours in ("customer_id", "date", "order_id", "amount") if ours in names}
        undone, _ = prepare(df.iloc[left][list(own.values())].reset_index(drop=True), "orders", own, source, options)
        if "amount" in undone:  # a refund row (negative) is no order
            undone = undone[~(np.asarray(undone["amount"], dtype=np.float64) < 0)]
        kept, undone = frame[["customer_id", "date"]], undone[["customer_id", "date"]].reset_index(drop=True)
        if undone.empty:
            return None
        return LeftOut(kept, undone, source, options)
    except (mv.DataError, ValueError, KeyError):
        return None


def file_paid_as_before(
    path: Any, columns: Mapping[str, str] | None, sheet: Any, options: mv.ReadOptions
) -> LeftOut | None:
    """:func:`paid_as_before` of the orders file at ``path`` read by the default reader: for an import by another
    engine (``--backend duckdb``), whose tables keep no row positions (H158's finding 08: its refresh refused an
    order refunded since that the default backend took). None where it cannot be read so."""
    from ..reading import sheets_for

    try:
        df = mv.read_table(
            path, sheets_for(sheet, {"orders": path})["orders"], sep=options.sep, encoding=options.encoding
        )
        mapping = mv.mapping_for(df, dict(columns or {}), "orders")
    except (mv.DataError, ValueError, KeyError, OSError):
        return None
    return paid_as_before(df, mapping, Path(path).name, options)


def explained(cells: Sequence[Replaced], as_paid: Callable[[], LeftOut | None] | None, purchases: str,
              inputs: Mapping[str, str], cohorts: str, now: AsPaid | None = None,
              through: pd.Period | None = None) -> list[Replaced]:  # fmt: skip
    """Those of ``cells`` (closed months' values an earlier import wrote, changed by the data) whose old value the
    export gives with the orders it leaves out as unpaid counted as paid: the sheet ``purchases``' order columns
    (``inputs``: label -> the purchases table's column) and the order cohorts (the record's group ``cohorts``). Empty
    unless every one of them is an order's value (a change of visits or subscriptions is no refund).

    All the orders left out are counted first. Where that does not give every value back (an order cancelled or
    voided before the earlier import too, which the export leaves out again: every real shop export has some), the
    orders left out of the months those values are of are counted some at a time, fewest first (at most
    :data:`MOST_TRIES` ways): the first way that gives every value back is the refunds and cancellations since.
    With ``now`` (the export's purchases and order cohorts) and ``through`` (the earlier import's last month), a way
    must also leave every other value of the months closed then as the export gives it (:func:`_alike`): the earlier
    export, counted so, is the one that wrote them; an order lost from the export is not explained by orders cancelled
    before."""
    if not cells or as_paid is None:
        return []
    orders = [c for c in cells if (c.sheet == purchases and c.group == "" and c.label in inputs) or c.group == cohorts]
    if len(orders) != len(cells):
        return []
    try:
        left = as_paid()
        if left is None:
            return []
        tables = left.as_paid()
        first = _given_back(cells, tables, inputs, cohorts)
        if len(first) == len(cells) and _alike(tables, now, cells, inputs, cohorts, through):
            return first
        first = [] if len(first) == len(cells) else first
        months = {m for cell in cells for m in (cell.month, cell.at) if m is not None}
        candidates = [i for i, month in enumerate(left.months()) if month in months]
        tries = 0
        for size in range(1, len(candidates) + 1):
            for rows in combinations(candidates, size):
                tries += 1
                if tries > MOST_TRIES:
                    return first
                tables = left.as_paid(rows)
                if len(_given_back(cells, tables, inputs, cohorts)) == len(cells) and _alike(
                    tables, now, cells, inputs, cohorts, through
                ):
                    return list(cells)
    except (mv.DataError, ValueError, KeyError):
        return []
    return first


def _given_back(cells: Sequence[Replaced], tables: AsPaid, inputs: Mapping[str, str], cohorts: str) -> list[Replaced]:
    """Those of ``cells`` whose old value ``tables`` (purchases, order cohorts) give."""
    bought, cohort_counts = tables
    out = []
    for cell in cells:
        if cell.group == cohorts:
            k = int(cell.label.removeprefix("+"))
            value = _at(cohort_counts, cell.month, k)
        else:
            value = _at(bought, cell.month, inputs[cell.label])
        if value is not None and _same(value, cell.old):
            out.append(cell)
    return out


def refunds_since(closed: list[Replaced], tables: Tables, purchases: str, inputs: Mapping[str, str], cohorts: str,
                  through: str, notes: list[str]) -> list[Replaced]:  # fmt: skip
    """``closed`` less the orders' values the export gives back with the orders it marks refunded or cancelled since
    counted as paid (:func:`explained`): taken, with a note; all of ``closed`` where any one is not."""
    now = (tables.purchases, tables.order_cohorts) if tables.purchases is not None else None
    taken = explained(closed, tables.paid_as_before, purchases, inputs, cohorts, now, pd.Period(through, freq="M"))
    if not taken or len(taken) != len(closed):
        return closed
    source = tables.sources.get("orders", Path("the orders")).name
    notes.append(
        f"{len(taken)} of the values updated {'is' if len(taken) == 1 else 'are'} of months closed at the earlier "
        f"import (its data went through {through}): {source} marks orders of those months refunded or cancelled "
        "since (no purchase), and counted as paid they give the values written then"
    )
    return []


def _alike(tables: AsPaid, now: AsPaid | None, cells: Sequence[Replaced], inputs: Mapping[str, str], cohorts: str,
           through: pd.Period | None) -> bool:  # fmt: skip
    """Whether ``tables`` (orders counted as paid) give every order value of the months before ``through`` that is
    not one of ``cells`` (the values changed) as ``now`` (the export) does: True without ``now`` or ``through``."""
    if now is None or through is None:
        return True
    changed = {(c.month, c.label) for c in cells}
    bought, new_bought = tables[0], now[0]
    for month in bought.index.union(new_bought.index):
        if month >= through:
            continue
        for label, column in inputs.items():
            if (month, label) not in changed and not _equal(_at(bought, month, column), _at(new_bought, month, column)):
                return False
    counts, new_counts = tables[1], now[1]
    if new_counts is None:
        return True
    for cohort in counts.index.union(new_counts.index):
        for k in range(max(len(counts.columns), len(new_counts.columns))):
            if cohort + k >= through:
                break
            if (cohort, f"+{k}") not in changed and not _equal(_at(counts, cohort, k), _at(new_counts, cohort, k)):
                return False
    return True


def _equal(a: Any, b: Any) -> bool:
    a, b = (v.item() if hasattr(v, "item") else v for v in (a, b))
    blank = [v is None or (isinstance(v, float) and np.isnan(v)) or v == 0 for v in (a, b)]
    return all(blank) or (not any(blank) and float(a) == float(b))


def _at(table: pd.DataFrame, row: Any, column: Any) -> Any:
    if row not in table.index:
        return None
    if isinstance(column, int):
        return table.loc[row].iloc[column] if column < len(table.columns) else None
    return table.loc[row, column] if column in table.columns else None


def _same(value: Any, old: Any) -> bool:
    value = value.item() if hasattr(value, "item") else value
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return old in (None, "")
    return isinstance(old, int | float) and not isinstance(old, bool) and float(old) == float(value)
