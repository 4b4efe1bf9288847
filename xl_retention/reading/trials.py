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


def trial_column(df: pd.DataFrame, names: dict[str, str]) -> str | None:
    """The one column of ``df`` holding a free trial's end (not the mapped ``start``), or None (none, or several:
    :func:`paid_from_trial_end` refuses those)."""
    columns = [c for c in trial_end_columns(df.columns) if c != names.get("start")]
    return columns[0] if len(columns) == 1 else None


TRIAL_PROBLEM = (
    "subscriptions in their free trial whose trial end is not after today (blank, or passed while the status still "
    "says in trial: when they pay cannot be told), to be removed or given their trial's end"
)


def _read_statuses(df: pd.DataFrame, typed: dict[str, Any], trial_end: Any, source: str, today: Any) -> np.ndarray:
    """Rows whose status :func:`.statuses.check_statuses` left to be read here: a subscription in its free trial
    (``trialing``) beside a trial end after today does not pay yet (MRR 0: counted nowhere, with a note), one
    without is refused; Stripe's ``incomplete_expired`` with an end (its first payment failed, Stripe ended it)
    never paid: its MRR is 0, counted nowhere, with a note; without an end it is refused as not paying. Returns the
    rows read so (their start stays: the export saw them then)."""
    from .errors import bad_rows
    from .notes import note
    from .renewals import _today
    from .statuses import NEVER_PAID_ENDED, PROBLEM, TRIALING, spelled, status_columns_of

    titles = [str(c) for c in df.columns]
    read = np.zeros(len(df), dtype=bool)
    for name in status_columns_of(df):
        column = df.iloc[:, titles.index(name)]
        said = spelled(column)
        trialing = np.isin(said, list(TRIALING))
        if trialing.any() and trial_end is not None:
            later = ~np.isnat(trial_end) & (trial_end > _today(today)) & (trial_end > np.asarray(typed["start"]))
            if (trialing & ~later).any():
                raise bad_rows(source, name, TRIAL_PROBLEM, np.flatnonzero(trialing & ~later), column.to_numpy())
            # not paying yet (its trial ends after today, in the month in progress at the earliest): counted nowhere
            typed["mrr"] = np.where(trialing, 0.0, np.asarray(typed["mrr"], dtype=np.float64))
            read |= trialing
            count = int(trialing.sum())
            note(
                f"{source}: {count} subscription{'s' if count > 1 else ''} in a free trial ending after today "
                f"({', '.join(sorted(set(said[trialing])))}): not paying yet, counted nowhere (an export after the "
                "trial's end counts it from then)"
            )
        read |= _scheduled(said, column, name, typed, source, today)  # Chargebee's 'future' (H211 finding 01)
        expired = np.isin(said, list(NEVER_PAID_ENDED))
        if not expired.any():
            continue
        end = typed.get("end")
        open_ = expired if end is None else expired & np.isnat(np.asarray(end))
        if open_.any():
            raise bad_rows(source, name, PROBLEM, np.flatnonzero(open_), column.to_numpy())
        typed["mrr"] = np.where(expired, 0.0, np.asarray(typed["mrr"], dtype=np.float64))
        read |= expired
        count = int(expired.sum())
        note(
            f"{source}: {count} subscription{'s' if count > 1 else ''} whose status is 'incomplete_expired' (the first "
            "payment failed and the subscription was ended) never paid: counted nowhere"
        )
    if trial_end is not None:  # is_trial true: read as a 'trialing' status (reading.trial_flags)
        read |= _read_flags(df, typed, trial_end, source, today, read)
    return read


def _scheduled(said: Any, column: pd.Series, name: str, typed: dict[str, Any], source: str, today: Any) -> Any:
    """The rows of a subscription scheduled to start (status ``future``: :data:`~.statuses.FUTURE`) whose start is
    after today: they pay in no month written (none after the current month is), so their MRR is 0, counted nowhere,
    with a note. One whose start is not after today is refused as not paying (its price would count from its start,
    which its status says it has not reached)."""
    from .errors import bad_rows
    from .notes import note
    from .renewals import _today
    from .statuses import FUTURE, PROBLEM

    future = np.isin(said, list(FUTURE))
    if not future.any():
        return future
    start = np.asarray(typed["start"])
    ahead = future & ~np.isnat(start) & (start > _today(today))
    if (future & ~ahead).any():
        raise bad_rows(source, name, PROBLEM, np.flatnonzero(future & ~ahead), column.to_numpy())
    typed["mrr"] = np.where(ahead, 0.0, np.asarray(typed["mrr"], dtype=np.float64))
    count = int(ahead.sum())
    note(
        f"{source}: {count} subscription{'s' if count > 1 else ''} scheduled to start after today "
        f"({', '.join(sorted(set(said[ahead])))}): not paying yet, counted nowhere (an export after the start counts "
        "it from then)"
    )
    return ahead


def _read_flags(df: pd.DataFrame, typed: dict[str, Any], trial_end: Any, source: str, today: Any, read: Any) -> Any:
    """Rows flagged as in a free trial (:func:`.trial_flags.trial_flag_rows`) beside a trial end, read as a
    ``trialing`` status is by :func:`_read_statuses` (``read``: the rows it read already). Returns the rows read."""
    from .errors import bad_rows
    from .notes import note
    from .renewals import _today
    from .trial_flags import trial_flag_rows

    titles = [str(c) for c in df.columns]
    flagged = np.zeros(len(df), dtype=bool)
    for name, trialing in trial_flag_rows(df, source):
        later = ~np.isnat(trial_end) & (trial_end > _today(today)) & (trial_end > np.asarray(typed["start"]))
        if (trialing & ~later).any():
            column = df.iloc[:, titles.index(name)].to_numpy()
            raise bad_rows(source, name, TRIAL_PROBLEM, np.flatnonzero(trialing & ~later), column)
        flagged |= trialing & ~read
        count = int((trialing & ~read).sum())
        if count:
            note(
                f"{source}: {count} subscription{'s' if count > 1 else ''} flagged as in a free trial ({name!r} true) "
                "ending after today: not paying yet, counted nowhere (an export after the trial's end counts it "
                "from then)"
            )
    typed["mrr"] = np.where(flagged, 0.0, np.asarray(typed["mrr"], dtype=np.float64))
    return flagged


def two_trial_columns(source: str, columns: Sequence[str], what: str) -> DataError:
    """The refusal of more than one column that could be the free trial's ``what`` ("end", "length").

    >>> print(two_trial_columns("subs.csv", ["Trial End (UTC)", "trial_ends_at"], "end"))
    subs.csv: 2 columns could be the free trial's end ('Trial End (UTC)', 'trial_ends_at'): remove the one that is not
    """
    listing = ", ".join(map(repr, columns))
    return DataError(
        f"{source}: {len(columns)} columns could be the free trial's {what} ({listing}): remove the one that is not",
        source=source,
        column=columns[0],
    )


def paid_from_trial_end(
    df: pd.DataFrame, typed: dict[str, Any], names: dict[str, str], source: str, read_dates: Any, today: Any = None
) -> None:
    """Move each interval's ``start`` in ``typed`` to its trial's end, and set the ``mrr`` of one that ended by then
    to 0 (see the module docstring); read the rows of the statuses left to it (:func:`_read_statuses`).
    ``read_dates(series, column)`` reads a date column (blanks allowed); ``today``: the run's date (default: today)."""
    columns = [c for c in trial_end_columns(df.columns) if c != names.get("start")]
    if len(columns) == 1:
        position = [str(c) for c in df.columns].index(columns[0])
        read = _read_statuses(df, typed, read_dates(df.iloc[:, position], columns[0]), source, today)
    else:
        read = _read_statuses(df, typed, None, source, today)
    if not columns:  # 'trial_period_days', 'Trial Days': its end is the start and those days (reading.trial_days)
        from .trial_days import trial_end_from_days

        trial_end = trial_end_from_days(df, typed, names, source)
        if trial_end is None:
            return
    elif len(columns) > 1:
        raise two_trial_columns(source, columns, "end")
    else:
        position = [str(c) for c in df.columns].index(columns[0])
        trial_end = read_dates(df.iloc[:, position], columns[0])
    start = np.asarray(typed["start"])
    later = ~np.isnat(trial_end) & (trial_end > start) & ~read  # a trial not ended yet: not paying, start kept
    if not later.any():
        return
    end = np.asarray(typed["end"]) if "end" in typed else np.full(len(start), np.datetime64("NaT"), "datetime64[us]")
    never_paid = later & ~np.isnat(end) & (end <= trial_end)
    typed["start"] = np.where(later & ~never_paid, trial_end, start)
    typed["mrr"] = np.where(never_paid, 0.0, np.asarray(typed["mrr"], dtype=np.float64))
