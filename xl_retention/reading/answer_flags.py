"""Yes/no columns of a survey export that say an answer is no respondent's: a duplicate, a bot, staff, spam.

Typeform's, Qualtrics' and Delighted's exports (and a survey table in an app database) flag answers in boolean
columns: ``is_duplicate``, ``is_internal``, ``is_bot``, ``spam``, ``demo``, ``sample``, ``employee``, Qualtrics'
``Q_RelevantIDDuplicate`` and ``Q_BallotBoxStuffing`` (a respondent answering twice). Counted, such answers moved a
month's NPS, silently (a few of them swing a small month). As orders do (:mod:`.order_flags`, whose vocabulary is
read here), such a flag that is true refuses the file naming the rows (remove them, or export without them), and an
answer flagged deleted (``is_deleted``, ``trashed``: a soft delete) is left out, said in a note. Test, preview and
spam flags and statuses are refused by :func:`.statuses.check_answer_statuses`.

A column is read as such a flag only where every value says true, false or blank (:mod:`.yes_no`'s words, as
:mod:`.order_flags` reads them): a ``Duplicate of`` column of response ids, an ``Internal note`` of text, is no flag.
Read on each column's distinct values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import factorize
from .errors import bad_rows
from .names import keys_of
from .notes import note
from .order_flags import FLAG_FALSE, FLAG_TRUE, _word, flag_kind

__all__ = ["NOT_RESPONDENT_PROBLEM", "answer_flag_columns", "answer_flag_rows"]

#: Flags of surveys that orders do not have (true: no respondent's answer), besides :mod:`.order_flags`' duplicate,
#: demo, internal, sample, spam, staff, employee and fraud.
_NOT_RESPONDENT = frozenset({"bot", "robot", "q_relevantidduplicate", "q_relevant_idduplicate",
                             "q_ballotboxstuffing", "q_ballot_box_stuffing"})  # fmt: skip
#: A flag's own word (:func:`.order_flags._word`) whose true value says the answer was deleted: left out.
_DELETED = frozenset({"deleted", "trashed"})

NOT_RESPONDENT_PROBLEM = (
    "answers flagged as a duplicate, a bot, internal, a demo, a sample or spam (no respondent's answer: they would "
    "count in the NPS), to be removed"
)


def _kind(name: Any) -> str | None:
    """``"not_respondent"``, ``"deleted"`` or None for a flag column named ``name``.

    >>> [_kind(n) for n in ("is_duplicate", "isBot", "Internal?", "Q_RelevantIDDuplicate", "is_deleted", "Score")]
    ['not_respondent', 'not_respondent', 'not_respondent', 'not_respondent', 'deleted', None]
    """
    keys = {k.rstrip("?") for k in keys_of(name)}
    if {_word(k) for k in keys} & _DELETED:
        return "deleted"
    if keys & _NOT_RESPONDENT or {_word(k) for k in keys} & _NOT_RESPONDENT or flag_kind(name) == "not_customer":
        return "not_respondent"
    return None


def answer_flag_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that may flag an answer as no respondent's or deleted (by their names only).

    >>> answer_flag_columns(["Submitted At", "is_duplicate", "Score", "is_bot", "deleted"])
    ['is_duplicate', 'is_bot', 'deleted']
    """
    return [str(n) for n in names if _kind(n) is not None]


def _true_rows(column: pd.Series) -> np.ndarray | None:
    """Each row's true (a bool array) of a flag ``column``; None where a value says neither true, false nor blank."""
    from .statuses import spelled

    codes, uniques = factorize(column)
    said = spelled(pd.Series(list(uniques), dtype=object))  # as every flag is spelled (reading.yes_no)
    if not np.isin(said, list(FLAG_TRUE | FLAG_FALSE)).all():
        return None
    true = np.append(np.isin(said, list(FLAG_TRUE)), False)  # a blank (code -1): false
    return true[codes]


def answer_flag_rows(df: pd.DataFrame, source: str) -> np.ndarray | None:
    """The rows of ``df`` flagged deleted (a bool array: to be left out, said in a note), or None where none is.
    Raises :class:`~.errors.DataError` naming the rows flagged as no respondent's answer (see the module docstring).

    >>> answer_flag_rows(pd.DataFrame({"Score": [9, 3], "is_deleted": ["false", "TRUE"]}), "nps.csv").tolist()
    [False, True]
    >>> answer_flag_rows(pd.DataFrame({"Score": [9, 3], "is_bot": ["", "yes"]}), "nps.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: nps.csv, column 'is_bot': answers flagged as a duplicate, a bot, \
internal, a demo, a sample or spam (no respondent's answer: they would count in the NPS), to be removed in row 3 \
(counting the header as row 1): 'yes'
    """
    deleted = None
    names = [str(c) for c in df.columns]
    for position, name in enumerate(names):
        kind = _kind(name)
        if kind is None:
            continue
        column = df.iloc[:, position]
        true = _true_rows(column)
        if true is None or not true.any():
            continue
        if kind == "not_respondent":
            raise bad_rows(source, name, NOT_RESPONDENT_PROBLEM, np.flatnonzero(true), column.to_numpy())
        count = int(true.sum())
        note(f"{source}, column {name!r}: {count} answer{'s' if count != 1 else ''} flagged deleted left out (not "
             "counted in the NPS)")  # fmt: skip
        deleted = true if deleted is None else deleted | true
    return deleted
