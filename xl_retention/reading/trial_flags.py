"""Free trials told by a flag column: a row flagged as in its trial pays nothing, as a ``trialing`` status says.

The contract (``docs/metrics.md``): a subscription in its free trial is not a customer and not MRR. Besides a
status (``trialing``, read by :mod:`.statuses`), exports and analysts' sheets say a trial with a flag:
``is_trial``, ``trial``, ``IsTrial``, ``on_trial``, ``in_trial``, ``is_trialing``, ``free_trial``, "Trial?",
``in_testphase``, ``en_essai`` (a name whose words are a word for a trial and words such as ``is``, ``on``,
``in``, ``currently``, ``free``, ``flag``), holding true and false (``TRUE``, ``true``, ``1``, ``yes``, ``x``;
``FALSE``, ``0``, ``no``, blank). A row flagged true is read as a ``trialing`` status is:

* in a file of intervals, it is refused naming the column and the rows, unless a trial-end column says when it
  pays (:mod:`.trials`: a trial ending after the run's date is not paying yet, counted nowhere, with a note);
* in a snapshots file (a month's MRR per row, a billing export's invoices by month), a row with an MRR above 0 is
  refused (a snapshot's row with an MRR counts as a paying customer that month; a trial's month pays 0).

A column named so whose values mix true/false words with other words (``yes``, ``maybe``) is refused: whether
those rows are trials cannot be told. One whose values say no true or false (a trial's plan, ``14 days``, numbers
of trial days) is no flag, and left to the other rules.

A flag beside a trial's length and a first billing date (Braintree's "Trial Period" true beside "Trial Duration" 14
and "First Billing Date") says the subscription was created with a trial, not that it is in one now: it pays from its
first billing date. With that date mapped as the start the flag is read so (nothing to refuse: a first billing in the
future is a start in the future); with another start ("Created At") its rows are refused naming the first billing
date to map as the start (H266 finding 06).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from . import yes_no
from ._distinct import factorize
from .errors import bad_rows

__all__ = [
    "FILLER_WORDS",
    "TRIAL_WORDS",
    "check_trial_flags",
    "paid_start_column",
    "trial_flag_columns",
    "trial_flag_rows",
]

#: the words of a trial, in the languages :mod:`.trials` knows
TRIAL_WORDS = frozenset({"trial", "trials", "trialing", "trialling", "testphase", "probezeit", "essai", "prueba",
                         "prova", "proef", "proefperiode", "probeabo", "testzeitraum"})  # fmt: skip
#: the other words a trial flag's name may have (``is_trial``, ``currently_on_trial``, ``free_trial``, "Trial?",
#: ``in_testphase``, ``en_essai``, ``trial_active``, ``trial_flag``)
FILLER_WORDS = frozenset({"is", "on", "in", "currently", "current", "now", "a", "the", "free", "flag", "active",
                          "im", "ist", "en", "est", "periode", "period", "phase", "gratis", "y", "n", "yn",
                          "bool"})  # fmt: skip
_TRUE = yes_no.TRUE
_FALSE = yes_no.FALSE | yes_no.BLANK

PROBLEM = (
    "subscriptions flagged as in their free trial, to be removed or given their trial's end in a column "
    "(trial_end): a trial pays nothing, and its price would count as MRR from its start"
)
SNAPSHOT_PROBLEM = (
    "snapshot rows with an MRR flagged as in a free trial (a trial pays nothing, and a snapshot's row with an MRR "
    "counts as a paying customer that month)"
)
#: What to do about :data:`SNAPSHOT_PROBLEM`, after its rows and values.
SNAPSHOT_ADVICE = "write their MRR as 0, or correct the flag"
SETTING_PROBLEM = (
    "subscriptions created with a free trial (a trial's length beside the flag: it says a trial was set up, not that "
    "it runs now), which pay from their first billing date, not from the start mapped"
)
UNCLEAR_PROBLEM = (
    "values that say neither true nor false (whether these subscriptions are in their free trial cannot be told)"
)
#: What to do about :data:`UNCLEAR_PROBLEM`, after its rows and values.
UNCLEAR_ADVICE = "write true where they are, false where they pay"


def trial_flag_columns(names: Any) -> list[str]:
    """The columns of ``names`` named as a flag saying a free trial (see the module docstring).

    >>> trial_flag_columns(["is_trial", "IsTrial", "Trial?", "on_trial", "Trial End (UTC)", "trial_days", "plan"])
    ['is_trial', 'IsTrial', 'Trial?', 'on_trial']
    """
    from .names import camel_spaced, key

    found = []
    for name in map(str, names):
        said = set(re.split(r"[^\w]+|_", key(camel_spaced(name)).rsplit(".", 1)[-1])) - {""}
        if said & TRIAL_WORDS and not said - TRIAL_WORDS - FILLER_WORDS:
            found.append(name)
    return found


def trial_flag_rows(df: pd.DataFrame, source: str) -> list[tuple[str, np.ndarray]]:
    """``(column, rows flagged true)`` for each trial flag column of ``df`` (:func:`trial_flag_columns`) whose values
    are true or false; one mixing those with other words is refused (:data:`UNCLEAR_PROBLEM`). Read on each column's
    distinct values."""
    from .statuses import spelled

    titles = [str(c) for c in df.columns]
    found = []
    for name in trial_flag_columns(titles):
        column = df.iloc[:, titles.index(name)]
        codes, distinct = factorize(column)
        said = spelled(pd.Series(distinct, dtype=object))
        true = np.isin(said, list(_TRUE))
        other = ~true & ~np.isin(said, list(_FALSE))
        if not true.any() and not np.isin(said, list(yes_no.FALSE)).any():
            continue  # no true nor false said: no flag ('14 days', a plan)
        numbers = pd.to_numeric(pd.Series(said[other], dtype=object), errors="coerce").notna().all()
        if other.any() and numbers and not true.any():
            continue  # 0, 14, 30: a trial's days, no flag
        if other.any():
            rows = np.flatnonzero(np.isin(codes, np.flatnonzero(other)))
            raise bad_rows(source, name, UNCLEAR_PROBLEM, rows, column.to_numpy(), advice=UNCLEAR_ADVICE)
        found.append((name, np.isin(codes, np.flatnonzero(true))))
    return found


def _key_words(name: str) -> set[str]:
    from .names import camel_spaced, key

    return set(re.split(r"[^\w]+|_", key(camel_spaced(name)).rsplit(".", 1)[-1])) - {""}


def paid_start_column(columns: Any) -> str | None:
    """The first billing date a trial flag is a setting beside (see the module docstring): a column named as the
    first billing, payment or charge date, where a column of the trial's length is there too; None otherwise.

    >>> paid_start_column(["Trial Period", "Trial Duration", "Created At", "First Billing Date"])
    'First Billing Date'
    >>> paid_start_column(["is_trial", "Created At", "First Billing Date"]) is None
    True
    """
    names = [str(c) for c in columns]
    lengths = [n for n in names if _key_words(n) & TRIAL_WORDS and _key_words(n) & {"duration", "length", "days"}]
    paid = {"billing", "billed", "bill", "payment", "charge", "charged"}
    firsts = [n for n in names if "first" in _key_words(n) and _key_words(n) & paid]
    return firsts[0] if lengths and len(firsts) == 1 else None


def check_trial_flags(
    df: pd.DataFrame,
    source: str,
    mrr: Any = None,
    read_later: bool = False,
    free: Any = None,
    start: str | None = None,
) -> None:
    """Refuse the rows of ``df`` flagged as in a free trial (:func:`trial_flag_rows`): in a file of intervals
    (``mrr`` None) unless ``read_later`` (a trial-end column: :func:`.trials.paid_from_trial_end` reads them) or
    ``free`` says the row is priced 0 (RevenueCat's trial transaction of 0.00: it adds nothing); in a snapshots file
    only those whose MRR read (``mrr``) is above 0. A flag beside a trial's length and a first billing date
    (:func:`paid_start_column`) is read as a setting: nothing to refuse where ``start`` (the start's column) is that
    date, refused naming it otherwise.

    >>> check_trial_flags(pd.DataFrame({"is_trial": ["FALSE", "TRUE"]}), "s.csv", np.array([50.0, 0.0]))
    >>> check_trial_flags(pd.DataFrame({"is_trial": ["false", "true"]}), "s.csv", free=np.array([False, True]))
    >>> check_trial_flags(pd.DataFrame({"is_trial": ["false", "true"]}), "s.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'is_trial': subscriptions flagged as in their free trial, \
to be removed or given their trial's end in a column (trial_end): a trial pays nothing, and its price would count as \
MRR from its start in row 3 (counting the header as row 1): 'true'
    """
    from .names import columns_option, key

    paid_from = paid_start_column(df.columns) if mrr is None else None
    for name, rows in trial_flag_rows(df, source):
        if paid_from is not None and start is not None and key(start) == key(paid_from):
            continue  # Braintree's 'Trial Period' beside 'First Billing Date' mapped as the start: paid from then
        if free is not None:
            rows = rows & ~np.asarray(free, dtype=bool)
        if mrr is not None:
            rows = rows & (np.nan_to_num(np.asarray(mrr, dtype=np.float64), nan=0.0) > 0)
        elif read_later:
            continue
        if rows.any():
            column = df.iloc[:, [str(c) for c in df.columns].index(name)]
            problem, advice = (PROBLEM, None) if mrr is None else (SNAPSHOT_PROBLEM, SNAPSHOT_ADVICE)
            if paid_from is not None:
                problem = SETTING_PROBLEM + (f" ({start!r})" if start else "")
                advice = f"map the start to {paid_from!r}: {columns_option([('start', paid_from)])}"
            raise bad_rows(source, name, problem, np.flatnonzero(rows), column.to_numpy(), advice=advice)
