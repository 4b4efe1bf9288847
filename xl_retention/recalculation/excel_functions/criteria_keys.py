"""Criteria told apart for the criteria functions given an array of them (:mod:`.criteria`): one scratch formula per
distinct criterion, as ``SUMPRODUCT(1/COUNTIFS(A2:A8001,A2:A8001))`` asks 8,000 times, mostly of the same values."""

from __future__ import annotations

from typing import Any

__all__ = ["_distinct", "_key"]


def _key(value: Any) -> tuple[str, Any]:
    """A criterion's value as a key telling it from every other (1.0, TRUE and "1" apart; an error by its kind)."""
    if isinstance(value, dict):
        return "error", str(value.get("kind"))
    return type(value).__name__, value


def _distinct(keys: list[list[Any]]) -> tuple[list[tuple[int, int]], list[list[int]]]:
    """The (row, column) of the first of each distinct key of ``keys``, and each element's index among those: one
    scratch formula per distinct criterion, as ``SUMPRODUCT(1/COUNTIFS(A2:A8001,A2:A8001))`` asks 8,000 times, mostly
    of the same values (its cost grows with the criteria times the rows). Equal criteria give equal answers.

    >>> _distinct([[(_key("x"), False), (_key(1.0), False)], [(_key("x"), False), (_key(True), False)]])
    ([(0, 0), (0, 1), (1, 1)], [[0, 1], [0, 2]])
    """
    slots: dict[Any, int] = {}
    firsts: list[tuple[int, int]] = []
    where = []
    for i, row in enumerate(keys):
        line = []
        for j, key in enumerate(row):
            slot = slots.get(key)
            if slot is None:
                slot = slots[key] = len(firsts)
                firsts.append((i, j))
            line.append(slot)
        where.append(line)
    return firsts, where
