"""Ends that are a contract's last day, not the day service stops.

The import reads ``end`` as the day service stops (exclusive: 5 January to 5 March counts January and February).
CRMs and contract tools (Salesforce's "Contract End Date", HubSpot's, a spreadsheet of contracts) write the
contract's last day instead: a year's contract from 2025-01-01 ends 2025-12-31, and December is paid and served;
read as the stop day, every such customer is lost a month early, and each renewal (the next contract from
2026-01-01) shows as a loss and a reactivation. The rows tell which, and so the ends are read as last days (the day
after is the day service stops), with a note, where:

* some customer's next interval starts the day after the previous one ends (a renewal) and none starts on the day
  the previous one ends (which says stop days); or
* most ended intervals (two at least) run whole months to the day before their start's day (2025-01-01 to
  2025-12-31, 2025-03-15 to 2026-03-14), none to its start's day, and no renewal starts on the day the previous one
  ends. Then each row is read as its own dates say: those that run so are last days, and so is an add-on co-termed
  to its customer's contract (2025-10-15 to 2026-06-30 beside 2025-07-01 to 2026-06-30), whose end is the last day
  of one of its customer's contracts that run whole months (Salesforce's co-termed upsell); the others (a contract
  terminated early, its end set to the termination day) keep their end as the day service stops, named in the note:
  one such row does not turn every other contract's last day into its stop day.

Other files are read as they are. The rows of a file's segment (``--segment``, relational.segments) are read as the
whole file was (:data:`FILE_LAST_DAY_ENDS`): one column holds one kind of end, and the segments add up to the whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .notes import note

__all__ = ["BY_ROW", "FILE_LAST_DAY_ENDS", "LAST_DAY_ENDS", "inclusive_ends", "renewal_gaps"]

#: The key, in the ``attrs`` of a file's typed rows, of whether its ends were read as last days.
LAST_DAY_ENDS = "last_day_ends"
#: The key, in the ``attrs`` of a segment's rows (as given), of the whole file's :data:`LAST_DAY_ENDS`: the segment's
#: rows are read so, whatever their own rows would say (typed rows never carry it: read again, they are not shifted
#: twice).
FILE_LAST_DAY_ENDS = "file_last_day_ends"
#: :data:`LAST_DAY_ENDS` where each row's ends were read as its own dates say (most contracts run whole months to
#: the day before their start's day, a few end early): a segment's rows are read so too.
BY_ROW = "by row"
_DAY = np.timedelta64(1, "D")


def renewal_gaps(customers: Any, start: np.ndarray, end: np.ndarray) -> tuple[int, int]:
    """(renewals starting the day after the previous end, renewals starting on the previous end's day) of each
    customer's intervals sorted by start.

    >>> d = lambda *v: np.array(v, "datetime64[us]")
    >>> renewal_gaps(["a", "a", "b"], d("2025-01-01", "2026-01-01", "2025-01-01"), d("2025-12-31", "NaT", "NaT"))
    (1, 0)
    """
    frame = pd.DataFrame({"c": np.asarray(customers, dtype=object), "s": start, "e": end})
    frame = frame.sort_values(["c", "s"], kind="stable")
    same = frame["c"].to_numpy()[1:] == frame["c"].to_numpy()[:-1]
    gap = frame["s"].to_numpy()[1:] - frame["e"].to_numpy()[:-1]
    ended = ~np.isnat(frame["e"].to_numpy()[:-1])
    return int((same & ended & (gap == _DAY)).sum()), int((same & ended & (gap == np.timedelta64(0, "D"))).sum())


def _runs_whole(begin: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """Whether each interval from ``begin`` to ``stop`` (days) runs whole months, one at least."""
    months = stop.astype("datetime64[M]") - begin.astype("datetime64[M]")
    same_day = (stop - stop.astype("datetime64[M]").astype("datetime64[D]")) == (
        begin - begin.astype("datetime64[M]").astype("datetime64[D]")
    )
    return (months >= np.timedelta64(1, "M")) & same_day


def _last_days(customers: Any, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Which rows' ends are a contract's last day by their own dates: an interval running whole months when its end
    is read as its last day (2025-03-15 to 2026-03-14), or an add-on co-termed to such a contract of its customer
    (ending on its last day). Rows without an end or a start are not."""
    ended = ~np.isnat(end) & ~np.isnat(start)
    out = np.zeros(len(end), dtype=bool)
    if not ended.any():
        return out
    begin = start[ended].astype("datetime64[D]")
    last = end[ended].astype("datetime64[D]")
    tells = _runs_whole(begin, last + _DAY)
    who = np.asarray(customers, dtype=object)[ended]
    telling = set(zip(who[tells].tolist(), last[tells].tolist(), strict=True))  # (customer, a whole contract's end)
    co_termed = np.array([(c, e) in telling for c, e in zip(who.tolist(), last.tolist(), strict=True)], dtype=bool)
    out[ended] = tells | co_termed
    return out


def _whole_months(customers: Any, start: np.ndarray, end: np.ndarray) -> tuple[int, np.ndarray] | None:
    """Whether the ended intervals (two at least) run whole months when their ends are read as their last days (the
    day after it is its start's day of a later month: 2025-03-15 to 2026-03-14, 2025-01-01 to 2025-12-31), most of
    them, and none when read as its stop day (2025-03-15 to 2026-03-15): (the number of intervals co-termed to a
    sibling's end (an add-on from 2025-10-15 to 2026-06-30 beside its customer's contract from 2025-07-01 to
    2026-06-30: it ends on a contract's last day that tells, and so does not run whole months; two at least of the
    others do), the rows whose ends are last days), None where not so. Rows that do not (a contract terminated
    early, 2026-01-01 to 2026-06-17) keep their end as the day service stops: one such row does not turn every
    other contract's last day into its stop day."""
    ended = ~np.isnat(end) & ~np.isnat(start)
    if ended.sum() < 2 or (ended != ~np.isnat(end)).any():
        return None
    begin = start[ended].astype("datetime64[D]")
    last = end[ended].astype("datetime64[D]")
    tells = _runs_whole(begin, last + _DAY)
    if _runs_whole(begin, last).any() or tells.sum() < 2:
        return None
    rows = _last_days(customers, start, end)
    if 2 * int(tells.sum()) <= int(ended.sum()):  # most contracts must say so
        return None
    return int(rows[ended].sum() - tells.sum()), rows


def _named(customers: Any, start: np.ndarray, end: np.ndarray, rows: np.ndarray) -> str:
    """'Account 03 2026-01-01 to 2026-06-17, ...' for ``rows`` (five at most, then how many more)."""
    who = np.asarray(customers, dtype=object)
    picked = np.flatnonzero(rows)
    days = lambda v: str(np.datetime64(v, "D"))  # noqa: E731
    shown = [f"{who[i]} {days(start[i])} to {days(end[i])}" for i in picked[:5]]
    more = f" and {len(picked) - 5} more" if len(picked) > 5 else ""
    return ", ".join(shown) + more


def inclusive_ends(
    typed: Mapping[str, Any], names: Mapping[str, str], source: str, decided: bool | str | None = None
) -> tuple[np.ndarray, bool | str]:
    """The intervals' ends as stop days, and whether they were read as last days (True, False, or :data:`BY_ROW`:
    those of the rows whose own dates say so): the day after each end where the rows say the ends are last days (see
    the module docstring; ``decided``: as the whole file's rows said), else as read.

    >>> d = lambda *v: np.array(v, "datetime64[us]")
    >>> rows = {"customer_id": ["a", "a"], "start": d("2025-01-01", "2026-01-01"), "end": d("2025-12-31", "NaT")}
    >>> inclusive_ends(rows, {"end": "end"}, "in.csv")[1], inclusive_ends(rows, {"end": "end"}, "in.csv", False)[1]
    (True, False)
    """
    end = np.asarray(typed["end"])
    if decided == BY_ROW:  # a segment's rows: each row as its own dates say, as the whole file's were
        out = end.copy()
        out[_last_days(typed["customer_id"], np.asarray(typed["start"]), end)] += _DAY
        return out, BY_ROW
    if decided is not None:  # a segment's rows: the whole file's reading said so (and its note)
        return (end + _DAY if decided else end), bool(decided)
    if np.isnat(end).all():
        return end, False
    start = np.asarray(typed["start"])
    after, on = renewal_gaps(typed["customer_id"], start, end)
    whole = None if on or after else _whole_months(typed["customer_id"], start, end)
    if on or not (after or whole is not None):
        return end, False
    out = end.copy()
    if after:
        why = f"{after} renewal{'s' if after != 1 else ''} start{'s' if after == 1 else ''} the day after the previous"
        why += " end"
        out[~np.isnat(out)] += _DAY
        note(
            f"{source}: column {names['end']!r} holds the last day of each contract ({why}): the day after it is read "
            f"as the day service stops (a contract to 31 December counts in December)"
        )
        return out, True
    co_termed, rows = whole
    other = ~rows & ~np.isnat(end)
    many = int(other.sum())
    if many:
        why = f"{int(rows.sum()) - co_termed} of {int((~np.isnat(end)).sum())} contracts run whole months to the day "
        why += "before their start's day"
    else:
        why = "every contract runs whole months to the day before its start's day"
    why += ", 2025-01-01 to 2025-12-31"
    why += f", but {co_termed} co-termed to another contract's last day of its customer" if co_termed else ""
    others = (
        f"; {'the one that does' if many == 1 else f'the {many} that do'} not ("
        f"{_named(typed['customer_id'], start, end, other)}: ended early?) "
        f"{'keeps its end' if many == 1 else 'keep their ends'} as the day service stops"
        if many
        else ""
    )
    note(
        f"{source}: column {names['end']!r} holds the last day of each contract ({why}): the day after it is read "
        f"as the day service stops (a contract to 31 December counts in December){others}"
    )
    out[rows] += _DAY
    return (out, BY_ROW) if other.any() else (out, True)
