"""An interval count under a name the importer does not know, told from a contract's term.

Billing systems write "every 3 months" as an interval (``month``) and a count (3); the known names of the count
(Stripe's "Plan Interval Count", Chargebee's ``billing_period``, ...) are :data:`~.billing.BILLING_ALIASES`. Under
another name (``billing_cycle_length``, ``period_count``, ``periodicity``, ``months``, "Duration (months)",
``Laufzeit (Monate)``, ``durée (mois)``, ``term_months``) the column would be ignored and the MRR of a quarterly
price counted three times. The same words also name a contract's term (Zuora's "Initial Term" and "Renewal Term",
12 for a year's contract billed monthly), which does not change the MRR. So, in a billing export, an unused column of
whole numbers (1 to 1,200, one above 1, not years) whose name says a count of cycles, periods or months, or a
duration or term, is refused naming it and ``--columns interval_count=NAME``, unless it is surely a term: its name
says a term or a duration (not a cycle), and in every row it is a year or more and a whole number of the row's
billing intervals (12 beside month or quarter, 24 beside year), or another column says its unit ("Initial Term
Period Type"). A name that says a tenure, a count done or left, days or years (``months_active``,
``remaining_billing_cycles``, ``total_billing_cycles``, Chargebee's ``billing_cycles``: how many cycles it runs, a
term; Braintree's "Current Billing Cycle": the number of the cycle it is in, 11 after 11 months; "Days Until Due",
``term_years``) is no interval count.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .billing import interval_months
from .errors import DataError, row_of, source_of
from .names import columns_option, key
from .names import words as _words

__all__ = ["count_or_term", "refuse_count_or_term"]

_UNITS = frozenset({
    "cycle", "cycles", "period", "periods", "periodicity", "periodicidad", "périodicité", "periodicite", "periodicità",
    "periodicita", "months", "monate", "monaten", "mois", "meses", "mesi", "maanden", "månader", "miesięcy",
})  # fmt: skip
_TERMS = frozenset({
    "term", "terms", "laufzeit", "vertragslaufzeit", "mindestlaufzeit", "duration", "durée", "duree", "dauer",
    "duración", "duracion", "durata", "looptijd", "contract", "vertrag", "commitment", "minimum",
})  # fmt: skip
_CYCLES = frozenset({"cycle", "cycles", "periodicity", "periodicidad", "périodicité", "periodicite", "periodicità"})
_NOT = frozenset({
    "active", "tenure", "since", "subscribed", "lifetime", "age", "elapsed", "remaining", "left", "paid", "completed",
    "total", "billed", "renewals", "trial", "grace", "notice", "free", "until", "due", "day", "days", "week", "weeks",
    "year", "years", "jahre", "jahren", "ans", "années", "años", "anni", "id", "date", "at", "start", "end", "anchor",
    "rank", "index", "kündigungsfrist", "cancellation", "cancel", "dunning", "retry", "retries", "attempts",
    "payments", "invoices", "charges", "discount", "coupon", "redemptions", "score", "cycles", "current",
})  # fmt: skip


def _whole(values: pd.Series) -> np.ndarray | None:
    """The column's values as whole numbers from 1 to 1,200 (blanks left out), one above 1, not all years; None
    otherwise."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return None
    if pd.api.types.is_numeric_dtype(values.dtype):
        numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        from ._distinct import text_codes

        codes, texts = text_codes(values)  # read on the distinct values
        text = pd.Series(texts, dtype=object)
        if not text.str.fullmatch(r"[0-9]{0,4}(?:\.0+)?").all():
            return None
        numbers = pd.to_numeric(text.where(text != "", None), errors="coerce").to_numpy(dtype=np.float64)[codes]
    given = numbers[~np.isnan(numbers)]
    if len(given) == 0 or not np.all(given == np.round(given)) or given.min() < 1 or given.max() > 1200:
        return None
    if given.max() <= 1 or np.all((given >= 1900) & (given <= 2100)):
        return None
    return numbers


def count_or_term(name: Any) -> str | None:
    """'term' where a column's name says a contract's term or duration, 'count' where it says a count of cycles,
    periods or months, None where neither (or a tenure, a count done or left, days or years).

    >>> [count_or_term(n) for n in ("billing_cycle_length", "Initial Term", "Laufzeit (Monate)", "months_active")]
    ['count', 'term', 'term', None]
    >>> [count_or_term(n) for n in ("periodicity", "term_years", "Days Until Due", "remaining_billing_cycles")]
    ['count', None, None, None]
    >>> count_or_term("Current Billing Cycle")  # Braintree's: the cycle it is in (11 after 11 months)
    """
    words = _words(name)
    if words & _NOT:
        return None
    if words & _TERMS and not words & _CYCLES:
        return "term"
    return "count" if words & _UNITS else None


def _surely_term(df: pd.DataFrame, column: str, numbers: np.ndarray, interval: str | None) -> bool:
    """A year or more and a whole number of the row's billing intervals in every row, or a unit column beside it."""
    k = key(column)
    if any(key(c) != k and key(c).startswith(k) and key(c).endswith(("type", "unit")) for c in df.columns):
        return True  # Zuora's 'Initial Term Period Type': the term is in its own units
    if interval is None or [str(c) for c in df.columns].count(interval) != 1:
        return False
    months = df[interval].map(lambda v: interval_months(v) if isinstance(v, str) else None)
    months = pd.to_numeric(months, errors="coerce").to_numpy(dtype=np.float64)
    given = ~np.isnan(numbers)
    if not np.isfinite(months[given]).all():
        return False
    n, m = numbers[given], months[given]
    return bool(np.all(n >= 12) and np.all(np.abs(n / m - np.round(n / m)) < 1e-9))


def refuse_count_or_term(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse an unused column that may be the interval count of a billing export (see the module docstring)."""
    used = {key(c) for c in names.values()}
    for column in map(str, df.columns):
        if key(column) in used or [str(c) for c in df.columns].count(column) != 1:
            continue
        kind = count_or_term(column)
        numbers = None if kind is None else _whole(df[column])
        if numbers is None or (kind == "term" and _surely_term(df, column, numbers, names.get("interval"))):
            continue
        first = int(np.flatnonzero(numbers > 1)[0])
        interval = names.get("interval", "interval")
        where = row_of(source_of(df, source), first)
        raise DataError(
            f"{source}: column {column!r} holds whole numbers beside the billing interval {interval!r} and is not "
            f"used ({where}: {int(numbers[first])}): is it the interval count (billed every "
            f"{int(numbers[first])} intervals: MRR = amount / (months per interval x count)) or a contract's term? "
            f"If the count, map it: {columns_option([('interval_count', column)])}; if a term (how long the contract "
            f"runs, not how often it is billed), remove the column",
            source=source,
            column=column,
        )
