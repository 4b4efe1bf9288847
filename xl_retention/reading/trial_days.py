"""A free trial's length in days beside a subscription's start: its trial ends that many days after the start.

Stripe's prices carry ``trial_period_days`` (joined into Sigma or warehouse tables), many SaaS databases a
``trial_days`` column, Paddle's exports "Trial Days": the subscription's start is its trial's first day, and it pays
from the start plus those days. In a subscriptions file of intervals without a trial-end column (:mod:`.trials`), a
column whose name says a trial and days ("Trial Days", "Trial Period (days)", ``trial_period_days``, "Free trial
days", "Testzeitraum (Tage)"; not the days left or used) holding whole numbers of days (blank or 0: no trial) is read
as each row's trial end, with a note naming it: the subscription pays from then, and one that ended by then never
paid (:func:`.trials.paid_from_trial_end`). Other values there are refused, naming the rows.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import factorize
from .errors import bad_rows
from .names import camel_spaced, key
from .trials import two_trial_columns

__all__ = ["trial_days_columns", "trial_end_from_days"]

_TRIAL_STEMS = ("trial", "essai", "prueba", "testphase", "testzeitraum", "probe", "prova", "proef")
_DAYS = frozenset({"days", "day", "tage", "tagen", "jours", "jour", "dias", "días", "giorni", "dagen", "d"})
_NOT = frozenset({"left", "remaining", "used", "verbleibend", "restant", "restants", "rest", "until", "since"})


def trial_days_columns(names: Any) -> list[str]:
    """The columns of ``names`` that hold a free trial's length in days.

    >>> trial_days_columns(["trial_period_days", "Trial Days", "Trial Period (days)", "Testzeitraum (Tage)",
    ...                     "trial_days_left", "Days", "Trial End"])
    ['trial_period_days', 'Trial Days', 'Trial Period (days)', 'Testzeitraum (Tage)']
    """
    found = []
    for name in map(str, names):
        words = set(re.split(r"[^\w]+|_", key(camel_spaced(name)))) - {""}
        trial = any(w.startswith(_TRIAL_STEMS) for w in words)
        if trial and words & _DAYS and not words & _NOT:
            found.append(name)
    return found


def trial_end_from_days(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str
) -> np.ndarray | None:
    """Each row's trial end (``typed["start"]`` plus the days of the one trial-days column of ``df``; NaT where blank
    or 0), with a note; None without such a column. Two such columns, or values that are not whole days, are
    refused."""
    columns = [c for c in trial_days_columns(df.columns) if c not in names.values()]
    if not columns:
        return None
    if len(columns) > 1:
        raise two_trial_columns(source, columns, "length")
    name = columns[0]
    series = df.iloc[:, [str(c) for c in df.columns].index(name)]
    codes, uniques = factorize(series)
    text = pd.Series(uniques, dtype=object).astype(str).str.strip()
    days = pd.to_numeric(text.where(text != "", None), errors="coerce").to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore"):
        bad = (text != "").to_numpy() & ~((days >= 0) & (days <= 3650) & (days == np.round(days)))
    if bad.any():
        problem = "values that are not a trial's length in whole days (0 or blank: no trial)"
        raise bad_rows(source, name, problem, np.flatnonzero(np.isin(codes, np.flatnonzero(bad))), series.to_numpy())
    per_row = np.append(np.nan_to_num(days, nan=0.0), 0.0)[codes]
    start = np.asarray(typed["start"], dtype="datetime64[us]")
    trial_end = start + (per_row * 86400e6).astype("timedelta64[us]")
    trial_end = np.where(per_row > 0, trial_end, np.datetime64("NaT", "us"))
    if (per_row > 0).any():
        from .notes import note

        note(
            f"{source}: column {name!r} read as each subscription's free trial in days: it pays from its start and "
            "those days (one that ended by then never paid); a blank or 0 is no trial"
        )
    return trial_end
