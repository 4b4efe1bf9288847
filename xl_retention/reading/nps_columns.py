"""The column read as NPS answers must be the 0-10 question's, not a survey tool's category or variable beside it.

A survey export holds more than the answer to "How likely are you to recommend ...?": Qualtrics writes each NPS
question twice, ``Q1`` (the 0-10 answer) and ``Q1_NPS_GROUP`` (its category code: 1 detractor, 2 passive, 3
promoter); Typeform writes the form's calculated ``score`` variable (0 unless quiz logic adds to it) beside one column
per question, headed by the question's text. Read as answers, the codes and the variable make every respondent a
detractor (NPS -100), silently. So, for the column taken as ``score``:

* a name that says a category or a group (``Q1_NPS_GROUP``, "NPS Category", ``nps_segment``, ``NPS-Gruppe``) is
  refused: it holds the NPS categories, not the answers;
* a column of the score's categories beside it (Qualtrics' ``Q1_NPS_GROUP`` beside ``Q1``; "NPS Category") must
  put each answer in its group (0-6 detractor, 7-8 passive, 9-10 promoter): where it does not (a question recoded
  1-11 in Qualtrics, every answer one above its group's range), the answers are not the 0-10 ones the group was made
  from, and the file is refused naming the rows;
* where another column's name asks the NPS question ("How likely are you to recommend Acme ...?", ``empfehlen``,
  ``recommander``) and holds whole numbers from 0 to 10, and the score column's name does not ask it, the two
  columns must say the same on every row: where they differ (Typeform's ``score`` 0 beside 10, 9, 4) which holds the
  answers cannot be told, and the file is refused naming both.

Each refusal names the column of 0-10 answers to map (``--columns score=Q1``) where the file has one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ._distinct import factorize
from .errors import DataError, bad_rows
from .names import columns_option, words

__all__ = ["check_score_column"]

#: Words of a column's name that say it holds categories or groups of answers, not the answers.
_GROUP = frozenset({"group", "groups", "category", "categories", "segment", "bucket", "class", "classification",
                    "gruppe", "kategorie", "groupe", "catégorie", "categorie", "grupo", "categoría", "categoria",
                    "gruppo", "groep"})  # fmt: skip
#: The first letters of a word that asks the NPS question (recommend, in the languages of :mod:`.survey_questions`).
_ASKS = re.compile(r"(?i)recommend|empfehl|recommand|recomend|recomiend|raccomand|consigli|aanbevel|aanrad|polec")


def _answers(df: pd.DataFrame, position: int) -> np.ndarray | None:
    """Each row's whole number from 0 to 10 in the column at ``position`` (NaN where blank, or a survey tool's no
    answer, as the import reads it: Qualtrics' -99, 'N/A', 'Prefer not to say'), or None where a value is another (a
    text, 11, 7.5) or none is there; read on the column's distinct values.

    >>> _answers(pd.DataFrame({"Q1": [9, -99, 3]}), 0).tolist(), _answers(pd.DataFrame({"Q": ["N/A", "12"]}), 0)
    ([9.0, nan, 3.0], None)
    """
    from .notes import collected
    from .scores import scores_from_labels

    codes, uniques = factorize(df.iloc[:, position])
    if not len(uniques):
        return None
    with collected():  # a look at a column, not the import's reading of it: its notes are not the import's
        labelled = scores_from_labels(pd.Series(uniques, dtype=object), "", "")  # '10 - Extremely likely', 'N/A'
    texts = labelled.map(lambda v: "" if v is None else str(v)).str.strip()  # no answer: blank
    blank = (texts == "").to_numpy()
    numbers = pd.to_numeric(texts.where(~blank, None), errors="coerce").to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore"):
        valid = (numbers >= 0) & (numbers <= 10) & (numbers == np.round(numbers))
    if not (valid | blank).all() or not valid.any():
        return None
    return np.append(numbers, np.nan)[codes]


def check_score_column(df: pd.DataFrame, names: Mapping[str, str], source: str) -> None:
    """Refuse the column taken as ``score`` (``names["score"]``) where it holds NPS categories or may not be the
    answers of the NPS question another column asks (see the module docstring)."""
    score = names.get("score")
    if score is None:
        return
    titles = [str(c) for c in df.columns]
    asking = [i for i, t in enumerate(titles) if t != score and t not in names.values() and _ASKS.search(t)]
    asking = [i for i in asking if not words(titles[i]) & _GROUP]  # '... recommend us? - Group': its categories
    prefix = re.split(r"(?i)[\s_.-]*(?:nps)?[\s_.-]*(?:group|category|categorie|kategorie|segment)", score)[0]
    siblings = [i for i, t in enumerate(titles) if t != score and prefix and t == prefix] + asking
    answered = [(i, a) for i in siblings if (a := _answers(df, i)) is not None]
    way = columns_option([("score", titles[answered[0][0]])]) if answered else "--columns score=COLUMN"
    if words(score) & _GROUP:
        raise DataError(
            f"{source}, column {score!r}: its name says NPS categories or groups (Qualtrics' NPS group: 1 detractor, "
            f"2 passive, 3 promoter), not the 0-10 answers (read as scores, every respondent would be a detractor): "
            f"map the column of the 0-10 answers, {way}",
            source=source,
            column=score,
        )
    _check_groups(df, titles, score, source)
    if _ASKS.search(score) or not asking:
        return
    mine = _answers(df, titles.index(score))
    for i, theirs in answered:
        if i not in asking:
            continue
        differ = ~np.isnan(theirs) & (np.isnan(mine) | (mine != theirs)) if mine is not None else ~np.isnan(theirs)
        if differ.any():
            row = int(np.flatnonzero(differ)[0])
            said = "blank" if mine is None or np.isnan(mine[row]) else f"{mine[row]:g}"
            problem = (
                f"read as the NPS answers, but column {titles[i]!r} asks the NPS question and holds answers from 0 to "
                f"10 that differ from it ({said} beside {theirs[row]:g}): which holds the answers cannot be told"
            )
            advice = f"map it, {columns_option([('score', titles[i])])}, or remove the column that does not hold them"
            shown = {row: df.iloc[row, titles.index(score)]}
            raise bad_rows(source, score, problem, [row], shown, advice=advice)


#: a category's words, as survey tools write them (Qualtrics' choice text, Delighted's, an analyst's)
_GROUP_WORDS = (("detract", 0.0), ("passiv", 1.0), ("neutral", 1.0), ("promot", 2.0))


def _group_codes(values: pd.Series) -> np.ndarray | None:
    """Each row's NPS group (0 detractor, 1 passive, 2 promoter; NaN blank) in a column of categories: Qualtrics'
    codes 1, 2, 3 or the words; None where a value is neither (what the column holds cannot be told).

    >>> _group_codes(pd.Series([1, 3, None, 2])).tolist(), _group_codes(pd.Series(["Promoter", "Detractors"])).tolist()
    ([0.0, 2.0, nan, 1.0], [2.0, 0.0])
    >>> _group_codes(pd.Series([1, 4]))
    """
    codes, uniques = factorize(values)
    found = []
    for value in uniques:
        text = str(value).strip().lower()
        number = pd.to_numeric(text, errors="coerce")
        if text in ("", "nan", "none"):
            found.append(np.nan)
        elif number in (1.0, 2.0, 3.0):
            found.append(float(number) - 1.0)
        else:
            group = next((code for word, code in _GROUP_WORDS if word in text), None)
            if group is None:
                return None
            found.append(group)
    return np.append(np.asarray(found, dtype=np.float64), np.nan)[codes]


def _named_for(name: str, score: str) -> bool:
    """Whether the column ``name`` is named for the score column ``score``: its name, then a separator (``Q1`` and
    ``Q1_NPS_GROUP``, not ``Q10_NPS_GROUP``).

    >>> _named_for("Q1_NPS_GROUP", "Q1"), _named_for("Q10_NPS_GROUP", "Q1"), _named_for("q1 - Group", "Q1")
    (True, False, True)
    """
    return name.lower().startswith(score.lower()) and not name[len(score) : len(score) + 1].isalnum()


def _check_groups(df: pd.DataFrame, titles: list[str], score: str, source: str) -> None:
    """Refuse the score column where a column of its NPS groups beside it (its name the score's and a group word:
    ``Q1_NPS_GROUP``, or an NPS group: "NPS Category") puts an answer in another group than its own."""
    grouped = [i for i, t in enumerate(titles) if t != score and words(t) & _GROUP]
    named = [i for i in grouped if _named_for(titles[i], score)]  # Q1_NPS_GROUP for Q1 (not Q10_NPS_GROUP)
    alone = [  # "NPS Category": the file's only group column, named for no other column (Q5_NPS_GROUP is Q5's)
        i for i in grouped if "nps" in words(titles[i]) and not any(_named_for(titles[i], t) for t in titles if t)
    ]
    groups = named if named else alone if len(grouped) == 1 else []
    if len(groups) != 1:
        return
    mine = _answers(df, titles.index(score))
    said = _group_codes(df.iloc[:, groups[0]])
    if mine is None or said is None:
        return
    own_groups = np.where(mine >= 9, 2.0, np.where(mine >= 7, 1.0, 0.0))
    differ = ~np.isnan(mine) & ~np.isnan(said) & (own_groups != said)
    if not differ.any():
        return
    rows = np.flatnonzero(differ)
    names = ("detractor", "passive", "promoter")
    first = int(rows[0])
    shifted = bool(np.all(np.where(mine[rows] - 1 >= 9, 2.0, np.where(mine[rows] - 1 >= 7, 1.0, 0.0)) == said[rows]))
    cause = (
        "every such answer one above its group's range: the question's answers may be recoded 1-11 (Qualtrics' "
        "recode values), not 0-10"
        if shifted
        else "the answers are not the 0-10 ones the groups were made from"
    )
    problem = (
        f"read as the NPS answers, but column {titles[groups[0]]!r} puts them in other NPS groups "
        f"({mine[first]:g} as a {names[int(said[first])]}), {cause}"
    )
    advice = "export the answers as 0-10 (in Qualtrics: recode values 0 to 10), or map the column that holds them"
    shown = {int(r): df.iloc[int(r), titles.index(score)] for r in rows}
    raise bad_rows(source, score, problem, rows, shown, advice=advice)
