"""Free trials in subscription exports: a subscription pays from the end of its trial, not from its start.

Stripe ("Trial End (UTC)"), Chargebee (``trial_end``) and Recurly (``trial_ends_at``) export a
subscription's start with the trial's first day. A subscriptions file (``start``, ``end``) with a column
whose name starts with ``trial_end`` or ``trial_ends`` (any case, spaces as underscores, a Chargebee
object prefix allowed) is read with it: where a row's trial ends after its start, the subscription is a
paying customer (with MRR) from the trial's end; one that ended at or before its trial's end never paid,
and counts nowhere (its MRR is 0). Blank trial ends are subscriptions without a trial. Two such columns
are refused (which one is the trial's end cannot be told), and so are trial ends that are not dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError

__all__ = ["paid_from_trial_end", "trial_end_columns"]


def trial_end_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that hold a free trial's end.

    >>> trial_end_columns(["Start (UTC)", "Trial Start (UTC)", "Trial End (UTC)", "subscriptions.trial_end"])
    ['Trial End (UTC)', 'subscriptions.trial_end']
    """
    from .columns import keys_of

    named = [str(n) for n in names if any(k.startswith(("trial_end", "trial_ends")) for k in keys_of(n))]
    return [str(n) for n in names if str(n) in named or _says_trial_end(n)]


#: the first letters of a word for a free trial, in the languages of :mod:`.ends` (Testphase, Probezeit, essai,
#: prueba, prova, proef), and words that say its end (until, bis, expires, fin, ...)
_TRIAL_STEMS = ("trial", "essai", "prueba", "testphase", "testzeitraum", "probe", "gratis", "prova", "proef")
_TRIAL_ALONE = frozenset({"free", "test", "teste"})
_TRIAL_END = frozenset({"end", "ends", "ended", "ending", "ende", "endet", "until", "till", "bis", "expires",
                        "expiry", "expiration", "expire", "expired", "fin", "fine", "einde", "hasta", "jusqu", "thru",
                        "through", "over", "ablauf"})  # fmt: skip


def _says_trial_end(name: Any) -> bool:
    """Whether the column ``name`` says a free trial's end in a word of any language we know ('Trial expires',
    'Probezeit bis', 'fin_essai', 'free_until').

    >>> [_says_trial_end(n) for n in ("Trial expires", "Probezeit bis", "fin de prueba", "free_until", "Trial Start")]
    [True, True, True, True, False]
    """
    import re

    from .names import key

    words = set(re.split(r"[^\w]+|_", key(name))) - {""}
    trial = words & _TRIAL_ALONE or any(w.startswith(_TRIAL_STEMS) for w in words)
    return bool(trial and words & _TRIAL_END)


def paid_from_trial_end(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str, read_dates: Any
) -> None:
    """Move each interval's ``start`` in ``typed`` to its trial's end, and set the ``mrr`` of one that ended by then
    to 0 (see the module docstring). ``read_dates(series, column)`` reads a date column (blanks allowed)."""
    columns = [c for c in trial_end_columns(df.columns) if c != names.get("start")]
    if not columns:
        return
    if len(columns) > 1:
        raise DataError(
            f"{source}: {len(columns)} columns could be the free trial's end ({', '.join(map(repr, columns))}): "
            "remove the one that is not",
            source=source,
            column=columns[0],
        )
    position = [str(c) for c in df.columns].index(columns[0])
    trial_end = read_dates(df.iloc[:, position], columns[0])
    start = np.asarray(typed["start"])
    later = ~np.isnat(trial_end) & (trial_end > start)
    if not later.any():
        return
    end = np.asarray(typed["end"]) if "end" in typed else np.full(len(start), np.datetime64("NaT"), "datetime64[us]")
    never_paid = later & ~np.isnat(end) & (end <= trial_end)
    typed["start"] = np.where(later & ~never_paid, trial_end, start)
    typed["mrr"] = np.where(never_paid, 0.0, np.asarray(typed["mrr"], dtype=np.float64))
