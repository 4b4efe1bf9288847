"""A rule's answer about a frame's column, worked out once per column while the frame lives.

The orders' rules ask of every column several times whether its values are order statuses
(:func:`~.order_columns.status_by_values`) or the types of a ledger's rows (:func:`~.row_types.type_by_values`): a
large file's columns are not read again each time. The answers are kept by the frame's ``id``, its shape and column
names (a frame changed in place is asked again), and dropped when the frame is collected.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import pandas as pd

__all__ = ["column_answer"]

#: Per DataFrame alive (by its id, dropped when it is collected): its shape and names, and each rule's answers by
#: column position.
_ANSWERS: dict[int, tuple[Any, dict[tuple[Any, int], Any]]] = {}


def column_answer(df: pd.DataFrame, position: int, rule: Callable[[str, pd.Series], Any]) -> Any:
    """``rule(name, column)`` of ``df``'s column at ``position``, worked out once per rule and column of a frame.

    >>> asked = []
    >>> def rule(name, column):
    ...     asked.append(name)
    ...     return column.nunique()
    >>> frame = pd.DataFrame({"a": [1, 1], "b": [1, 2]})
    >>> [column_answer(frame, p, rule) for p in (0, 1, 1, 0)], asked
    ([1, 2, 2, 1], ['a', 'b'])
    """
    key, shape = id(df), (df.shape, tuple(map(str, df.columns)))
    entry = _ANSWERS.get(key)
    if entry is None or entry[0] != shape:
        if entry is None:
            weakref.finalize(df, _ANSWERS.pop, key, None)
        entry = _ANSWERS[key] = (shape, {})
    answers = entry[1]
    asked = (rule, position)
    if asked not in answers:
        answers[asked] = rule(str(df.columns[position]), df.iloc[:, position])
    return answers[asked]
