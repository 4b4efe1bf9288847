"""The first month of an orders or visits export: its returning customers (visitors) cannot be told.

A returning customer in a month ordered in an earlier month (docs/metrics.md); in the first month of an export there
is no earlier month to look in, so every buyer counts as new and the returning customer rate reads 0% whatever the
shop's loyal customers did before the export starts (an export of the last three months of an older shop). The
import keeps the counts the data gives (the tables and the tracker's formulas stay those of the contract) and says
so in a note naming the month and the file (:func:`first_month_notes`), as it does for subscriptions that start
after the business did (``--existing-at-start``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["first_month_notes"]

_KINDS = (("purchases", "orders", "buyers", "returning customers (buyers who ordered in an earlier month)",
           "returning customer rate"),
          ("visits", "visits", "visitors", "returning visitors (visitors seen in an earlier month)",
           "returning visitor rate"))  # fmt: skip


def first_month_notes(tables: Any) -> list[str]:
    """One note per orders or visits table of ``tables`` (:class:`~xl_retention.workbook.importer.Tables`): its first
    month with buyers (visitors) has returning customers (visitors) that cannot be told, shown as 0.

    >>> months = pd.PeriodIndex(["2026-08", "2026-09"], freq="M", name="month")
    >>> purchases = pd.DataFrame({"buyers": [3, 1], "returning": [0, 1]}, index=months)
    >>> from types import SimpleNamespace as T
    >>> print(first_month_notes(T(purchases=purchases, visits=None, sources={"orders": Path("orders.csv")}))[0])
    2026-08 is the first month of orders.csv: its returning customers (buyers who ordered in an earlier month) cannot \
be told, as the file has no earlier month, and count as 0 (returning customer rate 0%); later, one whose earlier \
orders are all before 2026-08 counts as new too (export earlier months to count them)
    """
    notes = []
    for attribute, kind, total, who, rate in _KINDS:
        frame = getattr(tables, attribute, None)
        if frame is None or not len(frame) or total not in frame or "month" not in (frame.index.names or []):
            continue
        active = frame[total].groupby(level="month", sort=True).sum()
        months = active.index[active.to_numpy() > 0]
        if not len(months):
            continue
        first = pd.Period(months[0], freq="M")
        source = getattr(tables, "sources", {}).get(kind)
        name = source.name if isinstance(source, Path) else f"the {kind}"
        notes.append(
            f"{first} is the first month of {name}: its {who} cannot be told, as the file has no earlier month, and "
            f"count as 0 ({rate} 0%); later, one whose earlier {kind} are all before {first} counts as new too "
            f"(export earlier months to count them)"
        )
    return notes
