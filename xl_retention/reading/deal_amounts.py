"""A deal's or a contract's amount taken as MRR: the total of a contract of a year or more, read as monthly.

Salesforce's Opportunity "Amount" is the deal's estimated total sale amount, HubSpot's deal "Amount" the deal's
value; a contracts export's "Amount", "Value" or "Total" is most often the contract's (a year's 12,000 for 1,000 a
month). Mapped to ``mrr`` (a name that says no month nor year: :func:`~.period_spans.price_per_period`), it is read
as monthly and the MRR is 12 or 24 times too high, silently. Whether it is per month, per year or per contract, the
rows cannot tell, so :func:`refuse_deal_amounts` refuses it, naming the column and its first rows, where the rows
are contracts of more than a month and:

* the file is a CRM's deals export (a column of deal stages holding a won stage: Salesforce's "Stage" Closed Won,
  HubSpot's "Deal Stage"; or a deal's or an opportunity's name or close date column: "Opportunity Name", "Deal
  Name", "Close Date"); or
* every row has an end and runs a whole number of years (12 or 24 months to the day: 2025-01-01 to 2025-12-31 read
  as a last day), two rows at least: contracts of whole years, whose amount is most often the year's or the
  contract's.

Without an end, a CRM's deals export's amount is refused on every row (a deal's total read as an open-ended monthly
price). A name that says a month or a year (MRR, ARR, "Monthly Amount") is read by it (:func:`~.revenue.per_month`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows, plain
from .names import key
from .period_spans import price_per_period

__all__ = ["may_be_deal_amounts", "refuse_deal_amounts"]

#: Column names (:func:`~.names.key`) only a CRM's deals export has: a deal's name, its close date, its stage.
_DEAL_COLUMNS = frozenset({"opportunity_name", "opportunityname", "deal_name", "dealname", "close_date", "closedate",
                           "opportunity_id", "deal_id", "stage", "deal_stage", "dealstage", "opportunity_stage",
                           "forecast_category", "probability_(%)", "probability"})  # fmt: skip


def _crm_deals(df: pd.DataFrame) -> bool:
    """Whether ``df`` is a CRM's deals export: a column of its deals' names, close dates or won stages."""
    for name in df.columns:
        if key(name) in _DEAL_COLUMNS:
            return True
        column = df[name] if list(df.columns).count(name) == 1 else None
        if column is not None and column.dtype.kind == "O":
            sample = column.dropna().astype(str).str.strip().str.lower().unique()[:100]
            if {re.sub(r"[\s\-/_]+", "_", v).strip("_") for v in sample} & {"closed_won", "closedwon"}:
                return True
    return False


def may_be_deal_amounts(columns: Sequence[Any], names: Mapping[str, str]) -> bool:
    """Whether :func:`refuse_deal_amounts` may refuse a table of ``columns`` mapped by ``names``, by the names alone
    (an engine's table is then read as a file's: relational.file_rules): a price per period mapped to mrr beside an
    end.

    >>> may_be_deal_amounts(["a", "s", "e", "Amount"], {"mrr": "Amount", "start": "s", "end": "e"})
    True
    >>> may_be_deal_amounts(["a", "s", "e", "ARR"], {"mrr": "ARR", "start": "s", "end": "e"})
    False
    """
    money = names.get("mrr")
    return (
        money is not None
        and "month" not in names
        and price_per_period(money)
        and ("end" in names or any(key(c) in _DEAL_COLUMNS for c in columns))
    )


def _per_contract(name: Any) -> bool:
    """Whether a money column taken as mrr may be a deal's or a contract's total: its name says no month
    (:func:`~.period_spans.price_per_period`) and no year as :func:`~.revenue.per_month` reads it ("Annual recurring
    revenue", ARR, ACV: divided by 12).

    >>> [_per_contract(n) for n in ("Amount", "Annual recurring revenue", "ARR", "MRR", "Deal Value")]
    [True, False, False, False, True]
    """
    if not price_per_period(name):
        return False
    from .errors import DataError
    from .revenue import per_month

    try:
        return bool(per_month(np.array([1200.0]), name, "", 1.0)[0] == 1200.0)
    except DataError:  # says a year, not whether recurring: refused there
        return False


def _months(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Each interval's whole months (its stop day its start's day of a later month), else nan (no end, or not)."""
    begin = start.astype("datetime64[D]")
    stop = end.astype("datetime64[D]")
    months = (stop.astype("datetime64[M]") - begin.astype("datetime64[M]")).astype(np.float64)
    day = lambda d: d - d.astype("datetime64[M]").astype("datetime64[D]")  # noqa: E731
    whole = ~np.isnat(begin) & ~np.isnat(stop) & (day(stop) == day(begin))
    return np.where(whole, months, np.nan)


def refuse_deal_amounts(df: pd.DataFrame, typed: Mapping[str, Any], names: Mapping[str, str], source: str) -> None:
    """Refuse a deal's or a contract's amount mapped to ``mrr`` (see the module docstring); ``typed``: the rows'
    ``start`` and ``end`` as read (an end a contract's last day already the day after: reading.inclusive_ends).

    >>> frame = pd.DataFrame({"Account": ["a", "b"], "Amount": ["12000", "48000"]})
    >>> d = lambda *v: np.array(v, "datetime64[us]")
    >>> rows = {"start": d("2025-01-01", "2025-06-15"), "end": d("2026-01-01", "2027-06-15")}
    >>> refuse_deal_amounts(frame, rows, {"mrr": "Amount", "start": "s", "end": "e"}, "c.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: c.csv, column 'Amount': a contract's amount taken as mrr, on contracts \
of whole years in rows 2, 3 (counting the header as row 1): '12000 over 2025-01-01 to 2026-01-01 (12 months)', ...
    """
    money = names.get("mrr")
    if money is None or "month" in names or not _per_contract(money):
        return
    start = np.asarray(typed["start"], dtype="datetime64[us]")
    if "end" not in typed:  # a CRM's deals without ends: each deal's amount as an open-ended monthly price
        if _crm_deals(df):
            paid = np.flatnonzero(~np.isnan(np.asarray(typed["mrr"], dtype=np.float64)))
            columns = list(map(str, df.columns))
            raise bad_rows(
                source,
                money,
                "a CRM deal's amount (the deal's total, most often a contract's or a year's) taken as mrr",
                paid[:3],
                {int(p): plain(df.iloc[p, columns.index(money)]) for p in paid[:3]},
                count=len(paid),
                advice=f"is {money!r} per month, per year or per contract? Map mrr to a monthly column (MRR, "
                "'Monthly Amount') or to an annual one named so (ARR, divided by 12), and map each deal's contract "
                "end",
            )
        return
    end = np.asarray(typed["end"], dtype="datetime64[us]")
    months = _months(start, end)
    days = (end.astype("datetime64[D]") - start.astype("datetime64[D]")).astype(np.float64)  # NaT: nan
    crm = _crm_deals(df)
    if crm:
        rows = np.flatnonzero(days >= 58)  # 2 months or more: a contract's
        what = "a CRM deal's amount (the deal's total) taken as mrr, on deals of contracts of 2 months or more"
    else:
        years = (months >= 12) & (months % 12 == 0)
        if len(years) < 2 or not years.all():
            return
        rows = np.arange(len(years))
        what = "a contract's amount taken as mrr, on contracts of whole years"
    if not len(rows):
        return
    columns = list(map(str, df.columns))

    def written(name: str, p: int, read: np.ndarray) -> str:
        cell = df.iloc[p, columns.index(names[name])] if names.get(name) in columns else read[p]
        return plain(cell)  # as written; a database's DATE as its day (not '2025-01-01 00:00:00')

    shown = {
        int(p): f"{plain(df.iloc[p, columns.index(money)])} over {written('start', p, start)} to "
        f"{written('end', p, end)} ({round(days[p] / 30.44)} months)"
        for p in rows[:3]
    }
    raise bad_rows(
        source,
        money,
        what,
        rows[:3],
        shown,
        count=len(rows),
        advice=f"is {money!r} per month, per year or per contract? Read as monthly, a year's contract would count 12 "
        "times: map mrr to a monthly column (MRR, 'Monthly Amount'), or to an annual one named so (ARR, divided "
        "by 12); a contract's total: add a column of it divided by the contract's months and map that",
    )
