"""Paused subscriptions told by their own columns: a pause pays nothing, and is never ignored.

The contract: a subscription that does not pay is not a customer and not MRR, and a paused one does not pay
(``docs/metrics.md``; a ``paused`` status is refused by :mod:`.statuses`). Billing systems also say a pause in
columns of their own, beside a status that may still say ``active``: Stripe's ``pause_collection`` ("Pause Collection
Behavior": ``void``, ``mark_uncollectible``, ``keep_as_draft``; its ``resumes_at``), Chargebee's ``pause_date`` and
``resume_date``, Recurly's and Paddle's ``paused_at``, ``remaining_pause_cycles``, a flag ``paused``/``is_paused``.

* In a subscriptions file of intervals (``start``, ``end``), a pause column with a value in a row is refused, naming
  the column and the rows: the interval's start and end do not say the months it paid (split it where it paused and
  resumed: its end the day it paused, a row of its own from the day it resumed), and the import cannot tell whether
  a past pause is over.
* In a snapshots file (a month's MRR per row), a row with an MRR above 0 whose pause column says it is paused (true,
  yes, or one of Stripe's behaviours) is refused: a paused month pays 0. A date there (when a pause began) does not
  say the month was paused, and the row's MRR says what it paid.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows
from .names import camel_spaced, key
from .statuses import FLAG_FALSE, FLAG_TRUE, spelled

__all__ = ["check_pauses", "pause_columns"]

_WORDS = frozenset({"pause", "paused", "pausing", "resume", "resumed", "resumes", "resuming"})
#: Words of a hold, a suspension or a freeze (any language we read): a flag named only with them and the words of
#: :data:`_FILLER` says a pause too ("On Hold", ``is_suspended``, ``Gesperrt``, ``frozen``, ``account_on_hold``)
_HOLD = frozenset({"hold", "suspended", "suspend", "suspension", "frozen", "freeze", "gesperrt", "pausiert", "ruhend",
                   "ruht", "suspendu", "suspendue", "sospeso", "sospesa", "suspendido", "suspendida", "congelado",
                   "bevroren", "opgeschort", "gepauzeerd", "pausado", "pausada", "en_pause"})  # fmt: skip
#: (no word of a date: ``suspended_at`` is read by its values, :mod:`.unmapped`)
_FILLER = frozenset({"is", "on", "in", "en", "currently", "account", "subscription", "sub", "flag", "status", "ist"})
#: Values beside true (:mod:`.yes_no`) that say a subscription is on hold
_TRUE = frozenset({"hold", "on_hold", "suspended", "frozen", "gesperrt", "pausiert"})
#: Stripe's pause_collection behaviours: collection paused while the subscription stays 'active'
BEHAVIOURS = frozenset({"void", "mark_uncollectible", "keep_as_draft"})

INTERVAL_PROBLEM = (
    "subscriptions paused (a paused subscription pays nothing, and its start and end do not say the months it paid, "
    "nor whether the pause is over): end each row the day it paused and write a row of its own from the day it "
    "resumed, then remove the column (or remove the rows of subscriptions still paused)"
)
SNAPSHOT_PROBLEM = (
    "snapshot rows with an MRR whose pause column says the subscription is paused (a paused month pays nothing, "
    "and a snapshot's row with an MRR counts as a paying customer that month): write their MRR as 0, or correct "
    "the column"
)


def pause_columns(names: Any) -> list[str]:
    """The columns of ``names`` that say a subscription's pause (a word ``pause``, ``paused``, ``resume``, ... in the
    name).

    >>> pause_columns(["Customer ID", "Pause Collection Behavior", "subscriptions.resume_date", "is_paused?", "Plan"])
    ['Pause Collection Behavior', 'subscriptions.resume_date', 'is_paused?']
    >>> pause_columns(["On Hold", "is_suspended", "IsOnHold", "Gesperrt", "frozen", "Hold Music", "price_frozen"])
    ['On Hold', 'is_suspended', 'IsOnHold', 'Gesperrt', 'frozen']
    """
    found = []
    for name in names:
        said = set(re.split(r"[^a-z0-9à-ÿ]+", key(camel_spaced(name)))) - {""}
        if said & _WORDS or (said & _HOLD and not said - _HOLD - _FILLER):
            found.append(str(name))
    return found


def check_pauses(df: pd.DataFrame, kind: str, source: str, mrr: Any = None) -> None:
    """Refuse the rows of ``df`` (a subscriptions file: ``kind`` ``intervals`` or ``snapshots``, whose MRR read is
    ``mrr``) that a pause column says are paused (see the module docstring).

    >>> check_pauses(pd.DataFrame({"paused_at": ["", None]}), "intervals", "s.csv")
    >>> check_pauses(pd.DataFrame({"is_paused": ["false", "true"]}), "snapshots", "s.csv", np.array([50.0, 0.0]))
    >>> check_pauses(pd.DataFrame({"is_paused": ["false", "true"]}), "snapshots", "s.csv", np.array([50.0, 50.0]))
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'is_paused': snapshot rows with an MRR whose pause column \
says the subscription is paused (a paused month pays nothing, and a snapshot's row with an MRR counts as a paying \
customer that month): write their MRR as 0, or correct the column in row 3 (counting the header as row 1): 'true'
    """
    names = list(map(str, df.columns))
    for name in pause_columns(names):
        column = df.iloc[:, names.index(name)]
        said = spelled(column)
        if kind == "intervals":
            rows = np.flatnonzero(~np.isin(said, list(FLAG_FALSE)))
            problem = INTERVAL_PROBLEM
        else:
            paying = np.nan_to_num(np.asarray(mrr, dtype=np.float64), nan=0.0) > 0
            rows = np.flatnonzero(paying & np.isin(said, list(FLAG_TRUE | BEHAVIOURS | _TRUE | {"paused"})))
            problem = SNAPSHOT_PROBLEM
        if rows.size:
            raise bad_rows(source, name, problem, rows, column.to_numpy())
