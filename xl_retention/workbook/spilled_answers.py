"""A survey file's first or last month holding only answers of its edge day: the hours ``--timezone`` moved there.

A survey tool exports by UTC days ("Submit Date (UTC)"), and ``--timezone Europe/Berlin`` puts the answers of the last
two hours of 30 September in 1 October: the file's last month then holds a few answers of its first day, and its NPS
is theirs (1 answer: NPS 100, shown as the latest on the Dashboard), with no word (H294's finding 02). West of UTC
the file's first month holds the answers of its last day. :func:`edge_notes` names such a month, its answers and the
way to a whole month.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["edge_notes"]

DAY = 86_400 * 10**9  # nanoseconds


def edge_notes(scores: pd.Series, dates: dict[pd.Period, object], source: str, zoned: bool = True) -> list[str]:
    """The notes of the file's last month holding only answers of its first day, and of its first month holding only
    answers of its last day, where the file has answers in other months (``scores``: each month's answers, ``dates``
    their dates as int64 nanoseconds beside them, :data:`..tables.surveys.ANSWER_DATES`). ``zoned``: the dates were
    moved by ``--timezone`` (the note explains the month by it); without, the note says only what is known, the file
    ends (or starts) on that day, and does not advise leaving the month's real answers out (H330's finding 07).

    >>> s = pd.Series([[3.0, 9.0], [10.0]], index=pd.period_range("2026-09", periods=2, freq="M"))
    >>> at = pd.Timestamp("2026-10-01 00:30").value
    >>> edge_notes(s, {s.index[0]: [0, 0], s.index[1]: [at]}, "sep.csv")[0][:88]
    '2026-10 holds 1 answer of sep.csv, all of its first day (its other answers are earlier):'
    """
    held = [m for m, given in scores.items() if len(given)]
    if len(held) < 2:
        return []
    notes = []
    for month, edge in ((held[-1], "first"), (held[0], "last")):
        stamps = dates.get(month)
        if stamps is None or not len(stamps):
            continue
        start, end = month.start_time.value, (month + 1).start_time.value
        inside = (
            all(start <= int(s) < start + DAY for s in stamps)
            if edge == "first"
            else all(end - DAY <= int(s) < end for s in stamps)
        )
        if not inside:
            continue
        n = len(scores[month])
        count = f"{n} answer{'s' if n != 1 else ''}"
        those = "that answer" if n == 1 else f"those {count}"
        other, out = ("earlier", f"--through {held[-2]}") if edge == "first" else ("later", "deleting its rows")
        if not zoned:  # no zone moved anything: an export that ends (starts) on that day
            ends = "ends on its first day" if edge == "first" else "starts on its last day"
            notes.append(
                f"{month} holds {count} of {source}, all of its {edge} day (its other answers are {other}): the file "
                f"{ends}, so {month}'s NPS is of {those}, not the whole month's; import {month}'s answers again "
                "from an export that covers the whole month"
            )
            continue
        notes.append(
            f"{month} holds {count} of {source}, all of its {edge} day (its other answers are {other}): only part "
            f"of {month} is in the file (a file exported by UTC days and read with --timezone ends or starts a few "
            f"hours into the next or previous month), so {month}'s NPS is of {those}, not the month's; import "
            f"{month}'s answers too (an export by your zone's days), or leave {month} out ({out})"
        )
    return notes
