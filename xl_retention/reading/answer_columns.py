"""The --columns to type for a survey export without a 'date' and a 'score' column.

A Typeform export heads its NPS question's column with the question ("How likely are you to recommend Acme to a
friend or colleague?") and its dates "Start Date (UTC)", "Submit Date (UTC)"; SurveyMonkey's and Qualtrics' are alike.
Missing 'score' and 'date', the refusal names the column that asks the NPS question and holds whole numbers from 0 to
10 (:mod:`.nps_columns`) and the date of the answer (the submission's before the start's), as the exact --columns to
type; a column it cannot tell is left as NAME.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .names import columns_option, words
from .nps_columns import _ASKS, _GROUP, _answers

__all__ = ["answer_mapping"]

#: Words of an answer's date column, the date it was given first ('Submit Date' before 'Start Date'); one word each.
_DATE_WORDS = ("submit", "submitted", "submission", "completed", "recorded", "responded", "answered", "end", "ended",
               "date", "created", "timestamp", "time", "start", "started",
               # Google Forms' "Timestamp" in a French, German, Dutch, Spanish account ("Marca temporal")
               "horodateur", "zeitstempel", "tijdstempel", "temporal")  # fmt: skip
_LIKELY = ("likely", "wahrscheinlich", "probable", "probabile", "waarschijnlijk")


def _score_column(df: pd.DataFrame, taken: set[str]) -> str | None:
    """The one column whose name asks the NPS question and whose values (where there are any) are 0-10 answers."""
    titles = [str(c) for c in df.columns]
    asking = [i for i, t in enumerate(titles) if t not in taken and (_ASKS.search(t) or any(w in t.lower() for w in
              _LIKELY)) and not words(t) & _GROUP]  # fmt: skip
    if len(df):
        asking = [i for i in asking if _answers(df, i) is not None]
    return titles[asking[0]] if len(asking) == 1 else None


def _date_column(df: pd.DataFrame, taken: set[str]) -> str | None:
    """The column of the answer's date by its name's words (:data:`_DATE_WORDS`, in order); None if two tie."""
    titles = [str(c) for c in df.columns if str(c) not in taken]
    for word in _DATE_WORDS:
        found = [t for t in titles if word in words(t, whole=False)]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def answer_mapping(df: pd.DataFrame, missing: Sequence[str], rename: Mapping[str, str]) -> str | None:
    """``--columns 'score=...,date=...'`` for the ``missing`` of a survey export's 'score' and 'date' (NAME where a
    column cannot be told), or None where neither is found or 'score' is not missing with 'date'.

    >>> df = pd.DataFrame({"#": ["a"], "How likely are you to recommend us?": [9], "Start Date (UTC)": ["2026-06-02"],
    ...                    "Submit Date (UTC)": ["2026-06-02"]})
    >>> answer_mapping(df, ["date", "score"], {})
    "--columns 'score=How likely are you to recommend us?,date=Submit Date (UTC)'"
    """
    wanted = [n for n in ("score", "date") if n in missing]
    if "score" not in wanted and "date" not in wanted:
        return None
    taken = {str(v) for v in rename.values()}
    found = {"score": _score_column(df, taken) if "score" in wanted else None}
    found["date"] = _date_column(df, taken | {found["score"] or ""}) if "date" in wanted else None
    if not any(found.values()):
        return None
    return columns_option([(n, found[n] or "NAME") for n in wanted])
