"""NPS answers already in a tracker's month that an import would drop: refused (``import --nps FILE --into``).

An import replaces the answers of the months its file covers ("NPS scores", one column per month), which is right when
the file is the same survey exported again (the answers there, with those given since, before or after them: an
export in date order, or newest first), and loses answers when it is another survey of the same month (a kiosk's 2
answers after a web survey's 32: the month would hold 2) or a shorter export. The tracker keeps scores, not who
answered or when, so an export again is told by the answers already there being its first or its last ones, in the
file's order or reversed (an export newest first), or in the order of the file's dates (an export sorted by score
with answers given since: :func:`_first_by_date`; the tracker's month sorted by score too:
:func:`_sorted_first_by_date`), or by the same answers in another order (a file sorted in Excel: nothing dropped);
anything else is refused, naming the month, the cells, both counts and what to do. Where every answer already there
is among the file's, each stays in its cell and the file's others fill the free cells (:func:`place_answers`): the
same survey exported newest first, or with answers given since, replaces no value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from .inplace import LayoutError

__all__ = ["place_answers", "refuse_dropped_answers"]


def _number(value: Any) -> Any:
    """An answer as compared: a number as float (9 and 9.0 one answer), a blank None, anything else as it is."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def place_answers(refs: Sequence[str], there: Mapping[str, Any], answers: Sequence[Any]) -> dict[str, Any] | None:
    """The month's answer cells (``refs``, in row order) for ``answers`` (the file's, in its order): each answer
    already there (``there``: cell -> value) kept in its cell, the file's other answers in the free cells from the
    top, in the file's order; None where an answer there is not among the file's (replaced: written in the file's
    order) or the cells are too few.

    >>> place_answers(["D2", "D3", "D4"], {"D2": 9, "D3": 3}, [10, 3, 9])  # newest first, one answer since
    {'D2': 9, 'D3': 3, 'D4': 10}
    >>> place_answers(["D2", "D3"], {"D2": 9, "D3": 3}, [4, 3]) is None
    True
    """
    left = Counter(_number(a) for a in answers)
    for value in there.values():
        if left[_number(value)] <= 0:
            return None
        left[_number(value)] -= 1
    kept = Counter(_number(v) for v in there.values())
    rest = []
    for answer in answers:
        if kept[_number(answer)] > 0:
            kept[_number(answer)] -= 1
        else:
            rest.append(answer)
    free = [ref for ref in refs if ref not in there]
    if len(rest) > len(free):
        return None
    placed = {ref: value for ref, value in there.items()}
    placed.update(zip(free, rest, strict=False))  # rest fits: fewer or as many
    return {ref: placed[ref] for ref in refs if ref in placed}


def _same(a: Sequence[Any], b: Sequence[Any]) -> bool:
    return len(a) == len(b) and all(x == y for x, y in zip(a, b, strict=True))


def _first_by_date(old: Sequence[Any], new: Sequence[Any], dates: Sequence[int]) -> bool:
    """Whether ``old`` are the first answers of ``new`` in the order of their ``dates`` (answers of one date, a day
    without times, in any order among themselves): the answers of an earlier export of the same survey, whatever order
    either file lists them in (newest first, sorted by score). ``old`` may end inside a date's answers (an export made
    that day) only after a date whose answers it holds all of: inside the first date's alone, any day's answers of
    another survey that hold the same scores would pass.

    >>> _first_by_date([9, 3], [10, 3, 4, 9], [4, 2, 3, 1])  # sorted by score: by date 9, 3, 4, 10
    True
    >>> _first_by_date([3, 9], [10, 3, 9], [2, 1, 1]), _first_by_date([9, 4], [10, 3, 4, 9], [4, 2, 3, 1])
    (True, False)
    >>> _first_by_date([9, 10], [10, 9, 4], [1, 1, 2]), _first_by_date([9, 10], [10, 9, 4], [1, 1, 1])
    (True, False)
    """
    if len(old) > len(new) or len(dates) != len(new):
        return False
    order = sorted(range(len(new)), key=lambda i: dates[i])
    values, stamps = [_number(new[i]) for i in order], [dates[i] for i in order]
    i, k = 0, len(old)
    while i < k:
        j = i
        while j < len(stamps) and stamps[j] == stamps[i]:
            j += 1
        mine, theirs = Counter(old[i : min(j, k)]), Counter(values[i:j])
        if (mine != theirs) if j <= k else (i == 0 or any(mine[v] > theirs[v] for v in mine)):
            return False
        i = j
    return True


def _sorted_first_by_date(old: Sequence[Any], new: Sequence[Any], dates: Sequence[int]) -> bool:
    """Whether ``old``, a month the user sorted by score (ascending or descending: the order the answers came in is
    gone), holds the first answers of ``new`` by their ``dates`` in any order: every answer of each date before the
    last one it reaches, and some of that last date's (not of the first date alone, as :func:`_first_by_date`).

    >>> _sorted_first_by_date([3, 7, 9, 10], [3, 7, 8, 9, 10], [2, 4, 5, 1, 3])  # a re-export, 8 given since
    True
    >>> _sorted_first_by_date([3, 8, 9, 10], [3, 7, 8, 9, 10], [2, 4, 5, 1, 3])  # 8 is the newest: not a prefix
    False
    >>> _sorted_first_by_date([9, 3, 10], [3, 8, 9, 10], [2, 4, 1, 3]), _sorted_first_by_date([9], [9, 4], [1, 1])
    (False, False)
    """
    numbers = [_number(v) for v in old]
    if not all(isinstance(v, float) for v in numbers) or len(old) > len(new) or len(dates) != len(new):
        return False
    if numbers not in (sorted(numbers), sorted(numbers, reverse=True)):
        return False
    order = sorted(range(len(new)), key=lambda i: dates[i])
    values, stamps = [_number(new[i]) for i in order], [dates[i] for i in order]
    k = len(old)
    i = k - 1
    while i > 0 and stamps[i - 1] == stamps[k - 1]:
        i -= 1  # i: where the date of the k-th answer begins
    j = k
    while j < len(stamps) and stamps[j] == stamps[k - 1]:
        j += 1  # j: where it ends
    if j > k and i == 0:
        return False  # inside the first date's answers: any survey's of that day holding these scores would pass
    rest = Counter(numbers) - Counter(values[:i])
    return sum(rest.values()) == k - i and not rest - Counter(values[i:j])


def refuse_dropped_answers(
    month: pd.Period,
    sheet: str,
    cells: Sequence[str],
    there: Sequence[Any],
    answers: Sequence[Any],
    source: str,
    dates: Sequence[int] | None = None,
) -> None:
    """Raise :class:`~.inplace.LayoutError` when ``answers`` (the file's scores of ``month``, in its order) would drop
    some of ``there``, the values already in the month's answer ``cells`` of ``sheet`` (row order): unless they are
    the file's first or last answers, the same survey exported again; in the order of their ``dates`` (the answers'
    dates, beside ``answers``), too: the same survey exported sorted by score with answers given since.

    >>> refuse_dropped_answers(pd.Period("2026-03", "M"), "NPS scores", ["D2", "D3"], [9, 3], [9, 3, 10], "web.csv")
    >>> refuse_dropped_answers(pd.Period("2026-03", "M"), "NPS scores", ["D2", "D3"], [9, 3], [10, 3, 9], "new.csv")
    >>> refuse_dropped_answers(pd.Period("2026-03", "M"), "NPS scores", ["D2", "D3"], [9, 3], [3, 9], "sorted.csv")
    >>> refuse_dropped_answers(pd.Period("2026-03", "M"), "NPS scores", ["D2", "D3"], [9, 3], [4], "kiosk.csv")
    Traceback (most recent call last):
    ...
    xl_retention.workbook.inplace.LayoutError: kiosk.csv has 1 answer for 2026-03, where 'NPS scores'!D2:D3 already \
holds 2 (from an earlier import, another survey's, or typed) that are not among its first or last answers: an import \
replaces a month's answers, and would drop these 2; put every answer of the month in one file (both surveys' rows) and \
import it, or clear D2:D3 first to replace them (or import again with --replace-typed: each listed with its old value)
    """
    if not there:
        return
    new = [None if pd.isna(a) else float(a) for a in answers]
    old = [_number(v) for v in there]
    k = len(old)
    back = new[::-1]  # newest first (Delighted's, SurveyMonkey's lists), where the tracker's came oldest first
    if k <= len(new) and any(
        _same(part, old) for part in (new[:k], new[len(new) - k :], back[:k], back[len(back) - k :])
    ):
        return  # the same survey again: its answers then (the first or the last ones) are among the file's
    if k == len(new) and Counter(new) == Counter(old):
        return  # the month's answers again in another order (sorted in Excel): the import drops none
    if dates is not None and (_first_by_date(old, new, dates) or _first_by_date(old[::-1], new, dates)):
        return  # by date, the first answers (the tracker's from an export oldest or newest first): given since
    if dates is not None and _sorted_first_by_date(old, new, dates):
        return  # the same, in a month the user sorted by score
    span = cells[0] if len(cells) == 1 else f"{cells[0]}:{cells[-1]}"
    quoted = "'" + sheet.replace("'", "''") + "'"
    count = f"{len(new)} answer{'s' if len(new) != 1 else ''}"
    raise LayoutError(
        f"{source} has {count} for {month}, where {quoted}!{span} already holds {k} (from an earlier import, another "
        f"survey's, or typed) that are not among its first or last answers: an import replaces a month's answers, "
        f"and would drop these {k}; put every answer of the month in one file (both surveys' rows) and import it, or "
        f"clear {span} first to replace them (or import again with --replace-typed: each listed with its old value)"
    )
