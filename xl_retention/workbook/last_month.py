"""The last month of an export, when it ends before the last full month: the tables stop there, silently otherwise.

The monthly tables cover the months of the data (docs/metrics.md, "Months"): an orders, visits or survey export
ends with its last order, visit or answer, and a subscriptions file with its last date (subscriptions without an
end are counted active up to the last month any date of the file reaches, a current period's start or --through).
A tracker made for three years keeps its
later months blank, and a CSV table has no rows for them, which a user who expected the months up to now reads as
missing, or does not notice. Months without rows are never written as zeros (nothing says the business had no
orders then: the export may have been cut short), so ``import --to-csv`` says where each input's tables end, in one
note per input whose last month is before the last full month (:func:`last_month_notes`), as it notes a month in
progress (:func:`~xl_retention.workbook.importer.in_progress_note`); ``import --into`` names the months it wrote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["last_month_notes"]

#: (the Tables attribute, the input's kind in Tables.sources, what its rows are, the tables it fills)
_KINDS = (
    ("movements", "subscriptions", "date", "customer and MRR tables"),
    ("purchases", "orders", "order", "purchase tables"),
    ("visits", "visits", "visit", "visitor tables"),
    ("nps", "nps", "answer", "NPS tables"),
)


def last_month_notes(tables: Any, today: Any = None, kept: Mapping[str, Sequence[Any]] | None = None) -> list[str]:
    """One note per input of ``tables`` (:class:`~xl_retention.workbook.importer.Tables`) whose table's last month is
    before the last full month (the month before ``today``'s; default the run's): the tables end there, and the
    months after it are not written.

    ``kept`` (input kind -> months, ``import --into``): the months after an input's last that the tracker holds from
    an earlier import or typed by hand on the sheets that input fills, kept: the note names them as kept, and
    the others as blank. A subscriptions file of intervals (``tables.intervals``) ends at its latest start or end, so
    its note also names the remedies of an export taken later: its current period's start column, or ``--through``.

    >>> from types import SimpleNamespace as T
    >>> months = pd.PeriodIndex(["2026-02", "2026-03"], freq="M", name="month")
    >>> purchases = pd.DataFrame({"buyers": [3, 1]}, index=months)
    >>> print(last_month_notes(T(purchases=purchases, sources={"orders": Path("orders.csv")}), today="2026-07-15")[0])
    2026-03 is the last month of orders.csv (its last order): its purchase tables end there, and the months after \
it, 2026-04 to 2026-06 (the last full month), are not written (a tracker keeps them blank, not 0); if the export \
was cut short, export it up to 2026-06
    >>> last_month_notes(T(purchases=purchases, sources={}), today="2026-04-02")
    []
    """
    from ..tables.subscriptions import current_month

    last_full = pd.Period(ordinal=current_month(today), freq="M") - 1
    notes = []
    for attribute, kind, rows, what in _KINDS:
        frame = getattr(tables, attribute, None)
        if frame is None or not len(frame) or "month" not in (frame.index.names or []):
            continue
        last = pd.Period(frame.index.get_level_values("month").max(), freq="M")
        if last >= last_full:
            continue
        source = getattr(tables, "sources", {}).get(kind)
        name = source.name if isinstance(source, Path) else f"the {kind}"
        later = pd.period_range(last + 1, last_full, freq="M")
        held = {pd.Period(m, freq="M") for m in (kept or {}).get(kind, ())} & set(later)
        blank = [m for m in later if m not in held]
        extra = ""
        if kind == "subscriptions" and "customers_end" in frame and blank:
            end = frame["customers_end"].groupby(level="month").sum()
            if int(end.iloc[-1]) > 0:
                n = int(end.iloc[-1])
                who = f"{n} customers at the end of {last} are" if n != 1 else f"1 customer at the end of {last} is"
                extra = f"; its {who} not counted after it"
        starts = tuple(getattr(tables, "period_starts", ())) if kind == "subscriptions" else ()
        said_rows = f"its last {rows}"  # a current term's start read as a month seen: named (Chargebee's, H484 07)
        if starts and getattr(tables, "intervals", False):
            said_rows += f": its latest start, end or {' or '.join(map(repr, starts[:3]))}"
        head = f"{last} is the last month of {name} ({said_rows}): its {what} end there"
        if not held:
            after = f"{last + 1}" if last + 1 == last_full else f"{last + 1} to {last_full}"
            said = f"{head}, and the months after it, {after} (the last full month), are not written (a tracker keeps "
            said += "them blank, not 0)"
        else:
            full = " (the last full month)" if last_full in held else ""
            said = f"{head}; after it, {_spans(sorted(held))}{full} {_verb(held, 'holds', 'hold')} figures (typed or "
            said += "from an earlier import), kept"  # a month typed by hand is held too: never said to be imported
            if blank:
                full = " (the last full month)" if last_full in blank else ""
                said += f", and {_spans(blank)}{full} {_verb(blank, 'is', 'are')} blank (not written; not 0)"
        if not blank:
            notes.append(said)
            continue
        advice = f"if the export was cut short, export it up to {last_full}"
        if kind == "subscriptions" and getattr(tables, "intervals", False) and starts:  # read: only --through
            advice += (
                "; if it was taken later, its subscriptions without an end active since, give --through with the "
                f"last month it covers (e.g. --through {last_full})"
            )
        elif kind == "subscriptions" and getattr(tables, "intervals", False):  # open ones end at its latest date
            advice += (
                "; if it was taken later, its subscriptions without an end active since, give its current period or "
                "term start column (Stripe's \"Current Period Start (UTC)\", Chargebee's current_term_start, Recurly's "
                f"current_period_started_at), or --through with the last month it covers (e.g. --through {last_full})"
            )
        notes.append(f"{said}{extra}; {advice}")
    return notes


def _verb(months: Any, one: str, several: str) -> str:
    return one if len(months) == 1 else several


def _spans(months: Sequence[Any]) -> str:
    """``months`` (sorted Periods) as runs of consecutive months: ``2026-04, 2026-06 to 2026-08``."""
    runs: list[list[Any]] = []
    for month in months:
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs)
