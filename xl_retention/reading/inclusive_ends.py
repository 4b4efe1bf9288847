"""Ends that are a contract's last day, not the day service stops.

The import reads ``end`` as the day service stops (exclusive: 5 January to 5 March counts January and February).
CRMs and contract tools (Salesforce's "Contract End Date", HubSpot's, a spreadsheet of contracts) write the
contract's last day instead: a year's contract from 2025-01-01 ends 2025-12-31, and December is paid and served;
read as the stop day, every such customer is lost a month early, and each renewal (the next contract from
2026-01-01) shows as a loss and a reactivation. The rows tell which, and so the ends are read as last days (the day
after is the day service stops), with a note, where:

* some customer's next interval starts the day after the previous one ends (a renewal) and none starts on the day
  the previous one ends (which says stop days); or
* every ended interval (two at least) runs whole months to the day before its start's day (2025-01-01 to
  2025-12-31, 2025-03-15 to 2026-03-14), none to its start's day, and no renewal starts on the day the previous one
  ends; an add-on co-termed to its customer's contract (2025-10-15 to 2026-06-30 beside 2025-07-01 to 2026-06-30),
  whose end is the last day of one of its customer's contracts that run whole months, is one of those (Salesforce's
  co-termed upsell: one such row does not turn every other contract's last day into its stop day).

Other files are read as they are. The rows of a file's segment (``--segment``, relational.segments) are read as the
whole file was (:data:`FILE_LAST_DAY_ENDS`): one column holds one kind of end, and the segments add up to the whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .notes import note

__all__ = ["FILE_LAST_DAY_ENDS", "LAST_DAY_ENDS", "inclusive_ends", "renewal_gaps"]

#: The key, in the ``attrs`` of a file's typed rows, of whether its ends were read as last days.
LAST_DAY_ENDS = "last_day_ends"
#: The key, in the ``attrs`` of a segment's rows (as given), of the whole file's :data:`LAST_DAY_ENDS`: the segment's
#: rows are read so, whatever their own rows would say (typed rows never carry it: read again, they are not shifted
#: twice).
FILE_LAST_DAY_ENDS = "file_last_day_ends"
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


def _whole_months(customers: Any, start: np.ndarray, end: np.ndarray) -> int | None:
    """Whether every ended interval (two at least) runs whole months when its end is read as its last day (the day
    after it is its start's day of a later month: 2025-03-15 to 2026-03-14, 2025-01-01 to 2025-12-31), and none when
    read as its stop day (2025-03-15 to 2026-03-15): the number of intervals co-termed to a sibling's end (an add-on
    from 2025-10-15 to 2026-06-30 beside its customer's contract from 2025-07-01 to 2026-06-30: it ends on a contract's
    last day that tells, and so does not run whole months; two at least of the others do), None where not so."""
    ended = ~np.isnat(end) & ~np.isnat(start)
    if ended.sum() < 2 or (ended != ~np.isnat(end)).any():
        return None
    begin = start[ended].astype("datetime64[D]")
    last = end[ended].astype("datetime64[D]")

    def whole(stop: np.ndarray) -> np.ndarray:
        months = stop.astype("datetime64[M]") - begin.astype("datetime64[M]")
        same_day = (stop - stop.astype("datetime64[M]").astype("datetime64[D]")) == (
            begin - begin.astype("datetime64[M]").astype("datetime64[D]")
        )
        return (months >= np.timedelta64(1, "M")) & same_day

    tells = whole(last + _DAY)
    if whole(last).any() or tells.sum() < 2:
        return None
    if tells.all():
        return 0
    who = np.asarray(customers, dtype=object)[ended]
    telling = set(zip(who[tells].tolist(), last[tells].tolist(), strict=True))  # (customer, a whole contract's end)
    co_termed = [(c, e) in telling for c, e in zip(who[~tells].tolist(), last[~tells].tolist(), strict=True)]
    return int((~tells).sum()) if all(co_termed) else None


def inclusive_ends(
    typed: Mapping[str, Any], names: Mapping[str, str], source: str, decided: bool | None = None
) -> tuple[np.ndarray, bool]:
    """The intervals' ends as stop days, and whether they were read as last days: the day after each end where the
    rows say the ends are last days (see the module docstring; ``decided``: as the whole file's rows said), else as
    read.

    >>> d = lambda *v: np.array(v, "datetime64[us]")
    >>> rows = {"customer_id": ["a", "a"], "start": d("2025-01-01", "2026-01-01"), "end": d("2025-12-31", "NaT")}
    >>> inclusive_ends(rows, {"end": "end"}, "in.csv")[1], inclusive_ends(rows, {"end": "end"}, "in.csv", False)[1]
    (True, False)
    """
    end = np.asarray(typed["end"])
    if decided is not None:  # a segment's rows: the whole file's reading said so (and its note)
        return (end + _DAY if decided else end), bool(decided)
    if np.isnat(end).all():
        return end, False
    start = np.asarray(typed["start"])
    after, on = renewal_gaps(typed["customer_id"], start, end)
    co_termed = None if on or after else _whole_months(typed["customer_id"], start, end)
    if on or not (after or co_termed is not None):
        return end, False
    why = (
        f"{after} renewal{'s' if after != 1 else ''} start{'s' if after == 1 else ''} the day after the previous end"
        if after
        else "every contract runs whole months to the day before its start's day, 2025-01-01 to 2025-12-31"
        + (f", but {co_termed} co-termed to another contract's last day of its customer" if co_termed else "")
    )
    note(
        f"{source}: column {names['end']!r} holds the last day of each contract ({why}): the day after it is read "
        f"as the day service stops (a contract to 31 December counts in December)"
    )
    out = end.copy()
    out[~np.isnat(out)] += _DAY
    return out, True
