"""NPS answers already in a tracker's month that an import would drop: refused (``import --nps FILE --into``).

An import replaces the answers of the months its file covers ("NPS scores", one column per month), which is right when
the answers there are the file's own (the same survey exported again, with answers given since, in any order), and
loses answers otherwise: another survey's of the same month, one typed by hand, or the last hours of the previous
month's export that ``--timezone`` moved into this month. Scores alone cannot tell these apart (a stray 10 looks
like the file's last 10: H294's finding 01), so each import records, in the workbook's import record
(:mod:`.import_record`), a digest of the answers it wrote in each month by what identifies them, their date and time
with their score, and the file's name (:func:`remember`). The next import into that month keeps going only where
the answers there are proven to be among the file's: the recorded digest is that of the file's first or last answers
by date or in its order, with the same scores as the cells (:func:`proven`). Anything else is refused, naming the
month, the cells, the file that wrote them (or that none did: typed, or an import before this record) and what to do
without losing an answer (:func:`refuse_dropped_answers`). Where every answer there is among the file's, each stays in
its cell and the file's others fill the free cells (:func:`place_answers`).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from . import inplace as ip
from .import_record import Entry, digest, digest_with, read_record, write_record
from .inplace import LayoutError

__all__ = [
    "changed_scores",
    "forget",
    "lost_answer",
    "place_answers",
    "proven",
    "recorded",
    "refuse_dropped_answers",
    "remember",
]

#: the import record's group of a month's answer identities on the answers sheet: ``title|answers|file``
GROUP = "|answers|"


def _number(value: Any) -> Any:
    """An answer as compared: a number as float (9 and 9.0 one answer), a blank None, a logical as its word (TRUE is
    not the answer 1: Python's True == 1 would keep a typed TRUE as the file's 1), anything else as it is.

    >>> _number(True) == _number(1), _number(9) == _number(9.0)
    (False, True)
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
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


def _identity(stamp: Any, score: Any) -> tuple[str, Any]:
    """An answer as the record's digest reads it: its date and time (nanoseconds) and its score."""
    return f"t{int(stamp)}", _number(score)


DAY = 86_400 * 10**9  # nanoseconds
#: the most subsets of a file's answers :func:`proven` tries one by one (beyond: its first or last ones only)
TRIES = 5000


def proven(there: Sequence[Any], answers: Sequence[Any], dates: Sequence[int] | None, recorded: str | None) -> bool:
    """Whether the answers ``there`` (a month's cells' values) are proven to be among ``answers`` (the file's of the
    month, ``dates`` beside them): ``recorded``, the digest an earlier import recorded of the answers it wrote there
    (date and time with score), is that of some of the file's answers holding the same scores as the cells: each
    such subset tried where they are at most :data:`TRIES`, else the file's first or last ones, in its order or by
    date. None recorded, no dates: not proven.

    >>> old = digest([_identity(5, 10)])
    >>> proven([10], [10, 7, 3], [5, 8, 9], old), proven([10], [7, 10, 3, 10], [8, 5, 9, 12], old)
    (True, True)
    >>> proven([10], [7, 3, 10], [8, 9, 12], old), proven([10], [10, 7], [5, 8], None)  # another 10: not proven
    (False, False)
    """
    if recorded is None or dates is None or len(dates) != len(answers) or len(there) > len(answers):
        return False
    cells = Counter(_number(v) for v in there)
    if not there:
        return True
    scores = [_number(a) for a in answers]
    extra = Counter(scores) - cells
    if cells - Counter(scores):
        return False
    n, k = len(answers), len(there)
    groups = {v: [i for i in range(n) if scores[i] == v] for v in extra}
    if math.prod(math.comb(len(groups[v]), extra[v]) for v in extra) <= TRIES:
        choices = [itertools.combinations(groups[v], extra[v]) for v in extra]
        for dropped in itertools.product(*choices):
            out = {i for part in dropped for i in part}
            kept = [i for i in range(n) if i not in out]
            if digest(_identity(dates[i], answers[i]) for i in kept) == recorded and _days_tell(kept, dates, answers):
                return True
        return False
    order = sorted(range(n), key=lambda i: int(dates[i]))
    for part in (list(range(k)), list(range(n - k, n)), order[:k], order[n - k :]):
        if Counter(scores[i] for i in part) != cells:
            continue
        if digest(_identity(dates[i], answers[i]) for i in part) == recorded and _days_tell(part, dates, answers):
            return True
    return False


def _days_tell(kept: Sequence[int], dates: Sequence[int], answers: Sequence[Any]) -> bool:
    """Whether the answers ``kept`` (positions in ``dates`` and ``answers``) are told apart from another survey's by
    their dates: times of day do; dates alone only where the file holds no other answer of a kept answer's day and
    score (which of two 10s of 2 January is the tracker's cannot be told), and not part of one day alone (any
    survey's answers of that day holding these scores would match).

    >>> day = 86_400 * 10**9
    >>> _days_tell([0, 1], [day, day, 2 * day], [9, 3, 9]), _days_tell([0], [day, day], [9, 3])
    (True, False)
    >>> _days_tell([0, 2], [day, day, 2 * day], [9, 9, 3]), _days_tell([0], [day + 5, day], [9, 3])
    (False, True)
    """
    days = [int(dates[i]) for i in kept]
    if any(d % DAY for d in days):
        return True
    mine = Counter((int(dates[i]), _number(answers[i])) for i in kept)
    theirs = Counter((int(d), _number(a)) for d, a in zip(dates, answers, strict=True))
    if any(theirs[x] != count for x, count in mine.items()):
        return False
    return len(set(days)) > 1 or sum(1 for d in dates if int(d) == days[0]) == len(kept)


def recorded(record: Mapping[tuple[str, str], Entry], sheet: str, month: pd.Period) -> tuple[str, str] | None:
    """The file and digest an earlier import recorded for the answers it wrote in ``month`` of ``sheet``, else None."""
    prefix = sheet + GROUP
    for (title, when), entry in record.items():
        if when == str(month) and title.startswith(prefix):
            return title[len(prefix) :], entry.digest
    return None


def forget(package: ip.Package, sheet: str, months: Sequence[pd.Period]) -> None:
    """Take out of the workbook's import record the answers recorded for ``months`` of ``sheet`` (the import writes
    them anew: :func:`remember`)."""
    record = read_record(package)
    stale = [key for key in record if key[0].startswith(sheet + GROUP) and key[1] in {str(m) for m in months}]
    if stale:
        for key in stale:
            del record[key]
        write_record(package, record)


def remember(written: dict[tuple[str, str], list[Any]], sheet: str, month: pd.Period, answers: Sequence[Any],
             dates: Sequence[int] | None, source: str, earlier: tuple[str, str] | None = None) -> None:  # fmt: skip
    """Record the answers the import writes in ``month`` (their dates and scores, and the file's name ``source``) in
    ``written``, the import's cells by sheet and month (:attr:`.fill._Plan.written`), whose digests the import record
    keeps. Without dates beside them nothing is recorded: a later import into the month then refuses. The same
    answers as ``earlier`` recorded (file and digest) keep its file's name: the record, like the cells, unchanged."""
    if dates is None or len(dates) != len(answers) or not len(answers):
        return
    cells = [(label, label, label, None, score) for label, score in map(_identity, dates, answers)]
    if earlier is not None and digest((label, score) for _, label, _, _, score in cells) == earlier[1]:
        source = earlier[0]
    written[(sheet + GROUP + source, str(month))] = cells


def refuse_dropped_answers(
    month: pd.Period,
    sheet: str,
    cells: Sequence[str],
    there: Sequence[Any],
    answers: Sequence[Any],
    source: str,
    dates: Sequence[int] | None = None,
    earlier: tuple[str, str] | None = None,
) -> None:
    """Raise :class:`~.inplace.LayoutError` when ``answers`` (the file's scores of ``month``, in its order, ``dates``
    beside them) would drop some of ``there``, the values already in the month's answer ``cells`` of ``sheet`` (row
    order): unless ``earlier``, the file and digest an earlier import recorded for them (:func:`recorded`), proves
    them to be among the file's (:func:`proven`).

    >>> march = pd.Period("2026-03", "M")
    >>> refuse_dropped_answers(march, "NPS scores", ["D2"], [9], [9, 3], "web.csv", [1, 2], \
("web.csv", digest([_identity(1, 9)])))
    >>> refuse_dropped_answers(march, "NPS scores", ["D2"], [9], [3, 9], "web.csv", [1, 2])
    Traceback (most recent call last):
    ...
    xl_retention.workbook.inplace.LayoutError: web.csv has 2 answers for 2026-03, where 'NPS scores'!D2 already \
holds 1 answer that no import recorded (typed, or imported by a version before this record was kept): the import \
cannot tell whether it is among web.csv's answers of 2026-03, and replacing the month would drop it; nothing was \
written: if it is one of the file's answers, clear D2 and import again; if not (another survey's or typed), add it \
to the file as a row and import the file; or, to replace it (it is then lost), import again with --replace-typed: \
each listed with its old value
    """
    if not there or proven(there, answers, dates, earlier[1] if earlier else None):
        return
    k, n = len(there), len(answers)
    span = cells[0] if len(cells) == 1 else f"{cells[0]}:{cells[-1]}"
    quoted = "'" + sheet.replace("'", "''") + "'"
    count = f"{n} answer{'s' if n != 1 else ''}"
    held = f"{k} answer{'s' if k != 1 else ''}"
    them = "it" if k == 1 else "them"
    start = f"{source} has {count} for {month}, where {quoted}!{span} already holds {held}"
    if earlier is None:
        raise LayoutError(
            f"{start} that no import recorded (typed, or imported by a version before this record was kept): the "
            f"import cannot tell whether {'it is' if k == 1 else 'they are'} among {source}'s answers of {month}, and "
            f"replacing the month would drop {them}; nothing was written: if "
            f"{'it is one of' if k == 1 else 'they are among'} the file's answers, clear {span} and import again; "
            f"if not (another survey's or typed), add {them} to the file as {'a row' if k == 1 else 'rows'} and "
            f"import the file; or, to replace {them} ({'it is' if k == 1 else 'they are'} then lost), import again "
            "with --replace-typed: each listed with its old value"
        )
    other = earlier[0]
    by = "an earlier import of the same file name" if other == source else f"the import of {other}"
    found = changed_scores(there, answers, dates, earlier[1])
    if found:
        m = len(found)
        told = [
            f"{_when(dates[i])} in {_cell_of(i, old, found, cells, there, answers, dates)} ({_score(old)} there, "
            f"{_score(answers[i])} in {source})"
            for i, old in found[:3]
        ]
        more = f", and {m - 3} more" if m > 3 else ""
        raise LayoutError(
            f"{start} written by {by}, {m} of which {'has another score' if m == 1 else 'have other scores'} in "
            f"{source} ({'its' if m == 1 else 'their'} date and time the same): {', '.join(told)}{more}; the other "
            f"{k - m} {'is' if k - m == 1 else 'are'} among "
            f"{source}'s answers; nothing was written (an answer an import wrote is not changed without "
            f"--replace-typed): to take {source}'s corrected {'score' if m == 1 else 'scores'}, import again with "
            "--replace-typed (each replaced cell listed with its old value); if the tracker's are right, correct "
            f"{source} and import again"
        )
    lost = lost_answer(there, answers, dates, earlier[1], month)
    if lost is not None:
        stamp, score, p = lost
        at = cells[p] if p is not None else _cells_holding(score, cells, there)
        raise LayoutError(
            f"{start} written by {by}, 1 of which is not in {source}: the {_score(score)} of {_when(stamp)} in {at} "
            f"(the other {k - 1} {'is' if k == 2 else 'are'} among {source}'s answers, by date and score); nothing "
            f"was written: if that answer was deleted in the survey tool on purpose, import again with "
            f"--replace-typed to drop it (each replaced cell listed with its old value); if not, add it to {source} "
            f"as a row (date {_when(stamp)}, score {_score(score)}) and import again"
        )
    why = (
        f"{other}'s answers of {month} (another survey's, or the first or last hours of a file of the month before "
        f"or after: a file exported by UTC days and read with --timezone starts or ends inside {month})"
        if other != source
        else "another version of the file's answers"
    )
    raise LayoutError(
        f"{start} written by {by}, {'which is' if k == 1 else 'which are'} not among {source}'s answers of {month} "
        f"(by date and score): {'it is' if k == 1 else 'they are'} {why}; replacing the month would drop {them}; "
        f"nothing was written: import one file holding every answer of {month} (both files' rows of {month}, or an "
        "export by your zone's days), and the answers there are kept"
    )


def changed_scores(
    there: Sequence[Any], answers: Sequence[Any], dates: Sequence[int] | None, recorded: str
) -> list[tuple[int, Any]]:
    """The answers of ``answers`` (the file's of a month, ``dates`` beside them) whose score differs from the one an
    earlier import wrote, as (position in the file, score written): ``recorded``, the digest of the answers it wrote
    (date and time with score), is that of some of the file's answers, as many as the cells ``there``, with those
    answers' scores written instead of the file's: first the cells as the file's answers in its order or by date (any
    number changed), then the fewest changes that give the cells' scores, tried where the choices are at most
    :data:`TRIES` (beyond, the file's first or last ones); [] where none or several differing answers match.

    >>> old = digest([_identity(5, 10), _identity(6, 3)])
    >>> changed_scores([10, 3], [7, 3], [5, 6], old), changed_scores([10, 3], [7, 3, 9], [5, 6, 9], old)
    ([(0, 10.0)], [(0, 10.0)])
    >>> changed_scores([10, 3], [10, 3], [5, 6], old), changed_scores([10, 3], [7, 3], [5, 7], old)
    ([], [])
    >>> changed_scores([9, 8], [8, 7], [1, 2], digest([_identity(1, 9), _identity(2, 8)]))  # the cells in its order
    [(0, 9.0), (1, 8.0)]
    """
    n, k = len(answers), len(there)
    if dates is None or len(dates) != n or not k or k > n:
        return []
    cells, scores = Counter(_number(v) for v in there), [_number(a) for a in answers]
    held, tries, found = [_number(v) for v in there], TRIES, set()
    for order in (list(range(n)), sorted(range(n), key=lambda i: int(dates[i]))):  # the cells in the file's order
        for start in range(n - k + 1):
            window = order[start : start + k]
            was = {i: held[p] for p, i in enumerate(window) if scores[i] != held[p]}
            tries -= 1
            if tries < 0:
                break
            if was and digest(_identity(dates[i], was.get(i, answers[i])) for i in window) == recorded:
                return sorted(was.items())
    if math.comb(n, k) <= 200:
        sets: Any = itertools.combinations(range(n), k)
    else:
        order = sorted(range(n), key=lambda i: int(dates[i]))
        sets = {tuple(sorted(p)) for p in (range(k), range(n - k, n), order[:k], order[n - k :])}
    tries = TRIES
    for kept in sets:
        new = Counter(scores[i] for i in kept)
        gone, came = cells - new, new - cells
        if not gone or sum(gone.values()) > 6:
            continue
        picks = [itertools.combinations([i for i in kept if scores[i] == v], c) for v, c in came.items()]
        for picked in itertools.product(*picks):
            moved = sorted(i for part in picked for i in part)
            for olds in set(itertools.permutations(list(gone.elements()))):
                tries -= 1
                if tries < 0:
                    return []
                was = dict(zip(moved, olds, strict=True))
                if digest(_identity(dates[i], was.get(i, answers[i])) for i in kept) == recorded:
                    found.add(tuple(sorted((int(dates[i]), scores[i], o) for i, o in was.items())))
                    change = list(was.items())
    return change if len(found) == 1 else []


def _when(stamp: int) -> str:
    """An answer's date and time as the message shows it (its date alone at midnight)."""
    at = pd.Timestamp(int(stamp))
    return str(at.date()) if at == at.normalize() else at.strftime("%Y-%m-%d %H:%M:%S")


def _score(value: Any) -> str:
    """A score as the message shows it (10, not 10.0)."""
    value = _number(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _cell_of(i: int, old: Any, found: Sequence[tuple[int, Any]], cells: Sequence[str], there: Sequence[Any],
             answers: Sequence[Any], dates: Sequence[int]) -> str:  # fmt: skip
    """The cell of the file's answer ``i`` (its written score ``old``; ``found``, every changed one): where the cells
    hold the written scores in the file's order or by date, its row; else the only cell holding ``old``, or each."""
    was = dict(found)
    olds = [_number(was.get(j, a)) for j, a in enumerate(answers)]
    held = [_number(v) for v in there]
    for order in (list(range(len(answers))), sorted(range(len(answers)), key=lambda j: int(dates[j]))):
        for start in range(len(order) - len(held) + 1):
            part = order[start : start + len(held)]
            if i in part and [olds[j] for j in part] == held:
                return cells[part.index(i)]
    same = [ref for ref, v in zip(cells, held, strict=True) if v == _number(old)]
    return same[0] if len(same) == 1 else "one of " + ", ".join(same)


#: the most dates :func:`lost_answer` tries for an answer a file lacks (a digest each)
SEARCH = 400_000


def lost_answer(there: Sequence[Any], answers: Sequence[Any], dates: Sequence[int] | None, recorded: str,
                month: pd.Period) -> tuple[int, Any, int | None] | None:  # fmt: skip
    """The one answer an earlier import wrote in the month's cells ``there`` that the file's (``answers``, ``dates``
    beside them) lack, as (its date, its score, its cell's position or None), where the record's digest proves it:
    the cells hold one score more than the file (a 8 the file has not), the others are some of the file's answers
    (by date, the cells in that order with that score between two of them; else any), and one date of the month, at
    the file's dates' precision (days, minutes or seconds), completes the digest of the answers written. None where
    not proven (several dates match, or more than :data:`SEARCH` to try).

    >>> old = digest([_identity(DAY, 9), _identity(3 * DAY, 8), _identity(5 * DAY, 10)])
    >>> lost_answer([9, 8, 10], [9, 10, 4], [DAY, 5 * DAY, 6 * DAY], old, pd.Period("1970-01", "M"))
    (259200000000000, 8.0, 1)
    >>> lost_answer([9, 8, 10], [9, 10, 4], [DAY, 5 * DAY, 6 * DAY], "00000000", pd.Period("1970-01", "M")) is None
    True
    """
    n, k = len(answers), len(there)
    if dates is None or len(dates) != n or not 2 <= k <= n + 1:
        return None
    held, scores, stamps = [_number(v) for v in there], [_number(a) for a in answers], [int(d) for d in dates]
    short = Counter(held) - Counter(scores)
    if sum(short.values()) != 1:
        return None
    score = next(iter(short))
    step = next((s for s in (DAY, 60 * 10**9, 10**9) if all(t % s == 0 for t in stamps)), None)
    if step is None:
        return None
    first, last = month.start_time.value, month.end_time.value
    order = sorted(range(n), key=lambda i: stamps[i])
    tries: list[tuple[list[int], int, int, int | None]] = []  # the file's answers kept, the dates between, the cell
    for begin in range(n - k + 2):
        window = order[begin : begin + k - 1]
        for p in range(k):
            if held[p] == score and held[:p] + held[p + 1 :] == [scores[i] for i in window]:
                low = stamps[window[p - 1]] if p else first
                tries.append((window, low, stamps[window[p]] if p < k - 1 else last, p))
    if not tries:
        tries = [(list(kept), first, last, None) for kept in _with_scores(scores, Counter(held) - short)]
    found, budget = set(), SEARCH
    for kept, low, high, p in tries:
        low, high = max(low, first), min(high, last)
        count = max(0, (high - low) // step + 1)
        budget -= count
        if budget < 0:
            return None
        find = digest_with((_identity(stamps[i], answers[i]) for i in kept), score)
        start = -(-low // step) * step
        found.update((t, p) for t in range(start, high + 1, step) if find(f"t{t}") == recorded)
    if len({t for t, _ in found}) != 1:
        return None
    stamp, p = min(found, key=lambda f: f[1] is None)
    return stamp, score, p


def _with_scores(scores: Sequence[Any], wanted: Counter[Any]) -> list[tuple[int, ...]]:
    """The sets of positions in ``scores`` holding the scores ``wanted`` (as many as they are), at most 20 (else
    none: too many to search a date for each)."""
    groups = {v: [i for i, s in enumerate(scores) if s == v] for v in wanted}
    if any(len(groups[v]) < c for v, c in wanted.items()):
        return []
    if math.prod(math.comb(len(groups[v]), c) for v, c in wanted.items()) > 20:
        return []
    choices = [itertools.combinations(groups[v], c) for v, c in wanted.items()]
    return [tuple(sorted(i for part in picked for i in part)) for picked in itertools.product(*choices)]


def _cells_holding(score: Any, cells: Sequence[str], there: Sequence[Any]) -> str:
    """The cell holding ``score`` among the month's, or each ("one of D2, D5")."""
    same = [ref for ref, v in zip(cells, there, strict=True) if _number(v) == score]
    return same[0] if len(same) == 1 else "one of " + ", ".join(same)
