"""A billing interval without its count where the rows say a longer one: a quarterly price read as monthly.

Stripe has no quarter: a quarterly price is ``month`` x interval count 3 ("Plan Interval Count"). An export with the
interval and no count column is read as every 1 interval (:mod:`.billing`), which for that price counts 270 a quarter
as 270 MRR, three times what it is. Two things in such an export say the interval is longer than the interval column
alone: the row's current billing period (Stripe's "Current Period Start (UTC)"/"Current Period End (UTC)",
:func:`~.period_spans.period_columns`) spanning twice the interval or more (a 3-month period beside ``month``; a free
trial's period, its trial end on or after the period's end, is not read), and a plan's or product's name saying a
longer interval ("Pro (billed quarterly)", ``price_pro_yearly``: :func:`~.billing.interval_in_text`). Either is
refused, naming the rows and values, with the way out: the interval count column, mapped
(``--columns interval_count=NAME``), or where the amounts are per the plan's interval, its name's column as the
interval. Neither is read unasked: a period may be a one-off (a changed billing day), a name an annual contract
billed monthly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from .billing import DAYS_PER_MONTH, interval_in_text, interval_months
from .errors import DataError, bad_rows, source_of
from .names import columns_option, key
from .names import words as name_words
from .period_spans import period_columns

__all__ = ["refuse_uncounted_intervals"]

#: A period this many times the interval's length or more is of several intervals (2 months: 59 days of 30.44).
SEVERAL = 1.8
#: Words of a column's name that say it names a plan, a product or a price (whose name may say its interval).
_PLAN_WORDS = frozenset({"plan", "product", "price", "item", "tier", "package", "sku", "edition", "offer", "name",
                         "description", "produkt", "tarif", "produit", "producto", "prodotto"})  # fmt: skip
_COUNT_NAME = "the interval count (Stripe's 'Plan Interval Count', how many intervals a period bills)"


def _months(values: pd.Series) -> np.ndarray:
    """Each row's months per billing interval (nan where not read), read once per distinct value."""
    texts = values.astype(object).where(values.notna(), None)
    read = {v: interval_months(v) for v in pd.unique(texts.to_numpy()) if v is not None}
    return np.array([np.nan if v is None or read.get(v) is None else read[v] for v in texts], dtype=np.float64)


def _way_out(interval: str, plans: list[str]) -> str:
    plan = (
        f"; or, if the amounts are per the interval the plan's name says, {columns_option([('interval', plans[0])])}"
        if plans
        else ""
    )
    return (
        f"with no interval count the amount is read as per 1 {interval!r} interval and counted as MRR several times "
        f"over: export {_COUNT_NAME} too and map it: {columns_option([('interval_count', 'NAME')])}{plan}"
    )


def refuse_uncounted_intervals(
    df: pd.DataFrame,
    names: Mapping[str, str],
    source: str,
    read_dates: Callable[[pd.Series, str], np.ndarray],
    amounts: np.ndarray | None = None,
) -> None:
    """Refuse a billing export with an interval column and no interval count whose rows say a longer interval (see
    the module docstring). ``names``: ours -> the file's columns (``interval`` in it, ``interval_count`` not);
    ``read_dates(series, column)`` reads a column of dates as the file's own date columns are read (its order, day
    or month first, its date system), blanks allowed; ``amounts``: the rows' amounts as read (nan where blank; None:
    every row is paid)."""
    interval = names.get("interval")
    if interval is None or "interval_count" in names or interval not in df.columns or "mrr" in names:
        return
    months = _months(df[interval])
    paid = np.ones(len(df), dtype=bool) if amounts is None else _paid(amounts)
    paid &= ~np.isnan(months)
    if not paid.any():
        return
    used = {key(c) for c in names.values()}
    plans = [str(c) for c in df.columns if key(c) not in used and name_words(c) & _PLAN_WORDS]
    readable = [c for c in plans if _all_intervals(df[c])]  # advised as the interval only where it reads every row
    where = source_of(df, source)
    for column in plans:  # 'Pro (billed quarterly)' beside month: the amount may be per quarter
        texts = df[column].astype(object).where(df[column].notna(), None)
        said = {v: interval_in_text(v) for v in pd.unique(texts.to_numpy()) if isinstance(v, str)}
        longer = np.array([said.get(v) or 0.0 for v in texts], dtype=np.float64) > months + 1e-9
        rows = np.flatnonzero(paid & longer)
        if rows.size:
            shown = {int(p): f"{texts.iloc[p]} beside {df[interval].iloc[p]}" for p in rows[:5]}
            problem = f"plans whose name says a longer billing interval than {interval!r}"
            _raise(bad_rows(where, column, problem, rows, shown), _way_out(str(df[interval].iloc[rows[0]]), readable))
    trial = _trial_ends(df, names, read_dates)
    columns = list(map(str, df.columns))
    for start, end in period_columns(columns, payments=False):  # (a payment missed: its next one's date later)
        begun = np.asarray(read_dates(df.iloc[:, columns.index(start)], start), dtype="datetime64[s]")
        ended = np.asarray(read_dates(df.iloc[:, columns.index(end)], end), dtype="datetime64[s]")
        days = (ended - begun).astype(np.float64) / 86400.0  # NaT: nan
        long = paid & (days >= SEVERAL * months * DAYS_PER_MONTH)
        if trial is not None:  # a free trial's period is the trial's, not the price's
            long &= np.isnat(trial) | (trial < ended - np.timedelta64(86400, "s"))
        rows = np.flatnonzero(long)
        if rows.size:
            shown = {
                int(p): f"{str(begun[p])[:10]} to {str(ended[p])[:10]} ({days[p] / DAYS_PER_MONTH:.0f} months) beside "
                f"{df[interval].iloc[p]}"
                for p in rows[:5]
            }
            problem = f"billing periods ({start!r} to {end!r}) of 2 or more of the row's intervals ({interval!r})"
            _raise(bad_rows(where, end, problem, rows, shown), _way_out(str(df[interval].iloc[rows[0]]), readable))


def _all_intervals(values: pd.Series) -> bool:
    """Whether every value given is an interval as :func:`~.billing.interval_months` reads it ('Quarterly')."""
    given = [v for v in pd.unique(values.dropna().astype(str).str.strip().to_numpy()) if v]
    return bool(given) and all(interval_months(v) is not None for v in given)


def _paid(amounts: np.ndarray) -> np.ndarray:
    """Rows whose amount is not zero nor blank."""
    read = np.asarray(amounts, dtype=np.float64)
    return ~np.isnan(read) & (read != 0)


def _trial_ends(
    df: pd.DataFrame, names: Mapping[str, str], read_dates: Callable[[pd.Series, str], np.ndarray]
) -> np.ndarray | None:
    from .trials import trial_column

    column = trial_column(df, dict(names))
    if column is None:
        return None
    position = list(map(str, df.columns)).index(column)
    return np.asarray(read_dates(df.iloc[:, position], column), dtype="datetime64[s]")


def _raise(error: DataError, advice: str) -> None:
    raise DataError(
        f"{error}: {advice}", source=error.source, column=error.column, rows=error.rows, row_count=error.row_count
    )
