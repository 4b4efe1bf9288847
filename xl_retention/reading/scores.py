"""NPS answers written with their scale's labels: SurveyMonkey's "Actual answer text" exports.

SurveyMonkey (and survey tools like it) label the two ends of the 0-10 "How likely ...?" scale, and
its text export writes those answers with their label: ``10 - Extremely likely``, ``0 - Not at all
likely``, with plain numbers between. Such an answer is read as its score when the text starts with
a whole number from 0 to 10, then a separator (``-``, ``–``, ``—``, ``:``, ``=``, ``)``) and a label
of words without digits (``10 - Extremely likely`` is 10; ``10 (Extremely likely)`` too).

A label is only read on an end of the scale (0 or 10): a question of another scale labels its own
ends (``5 - Very likely`` on a 1-5 scale), whose numbers are valid NPS scores but mean something else
(every answer a detractor). Such a label, a label saying the other end (``10 - Not at all likely``: a
scale run the other way), and text that only looks like a score (``7-8``, ``10/10``, ``Extremely
likely``), are refused naming the rows and values; everything else is read as numbers are
(:func:`~.values.parse_numbers`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..score_scales import SCALE_ANSWERS, SCALE_TOP, as_nps  # one rule with the workbook's checks (imports nothing)
from ._distinct import factorize
from .errors import ColumnValues, DataError, bad_rows
from .notes import note

__all__ = ["FILE_SCALE_CHECKED", "NO_SCORE_ANSWERS", "check_scale", "check_scores", "scores_from_labels"]

#: Answers that say there is no score, one list per language (a survey tool's "N/A", "Don't know" or "Not applicable"
#: choice, in the language the survey was written in): read as no answer, as a blank is (docs/metrics.md). Each entry
#: is a pattern of the whole answer, case aside, a final full stop allowed.
NO_SCORE_ANSWERS: dict[str, tuple[str, ...]] = {
    "English": (r"n\s*/\s*a", r"n\.a\.?", "not applicable", "prefer not to (?:say|answer)", "don'?t know", "no answer",
                "no opinion"),
    "German": ("keine angabe", r"k\.\s*a\.?", "(?:ich )?wei(?:ß|ss) (?:ich )?(?:es )?nicht", "nicht zutreffend",
               "trifft nicht zu", "keine meinung", "keine antwort"),
    "French": ("(?:je )?ne sai[st] pas", "nsp", "sans r[ée]ponse", "pas de r[ée]ponse", "sans opinion",
               "ne se prononce pas", "non applicable", "non concern[ée]e?"),
    "Spanish": ("no s[ée]", "no sabe", "sin respuesta", r"ns\s*/\s*nc", r"no sabe\s*/\s*no contesta", "no contesta",
                "no aplica", "no procede", "sin opini[óo]n"),
    "Dutch": (r"n\.\s*v\.\s*t\.?", "nvt", "niet van toepassing", "weet (?:ik )?niet", "geen (?:antwoord|mening)"),
    "Italian": ("non so", "non saprei", "non applicabile", "nessuna risposta"),
}  # fmt: skip
_NO_SCORE = re.compile(
    r"(?i)^\s*(?:" + "|".join(p for words in NO_SCORE_ANSWERS.values() for p in words) + r")\s*\.?\s*$"
)

#: A score with its label: the number, a separator, words without digits.
_LABELLED = re.compile(r"^\s*(10|[0-9])\s*(?:[-\u2013\u2014:=]|\(|\))\s*([^\W\d_][^\d]*)$")
#: The numbers of the 0-10 scale that carry a label in an NPS question.
_ENDS = {0, 10}
#: Words that say a label means unlikely (English, and the negations of German, French, Spanish, Dutch, Italian).
_NEGATION = re.compile(r"(?i)\b(?:not|unlikely|never|no|nicht|pas|nunca|nada|niet|non)\b")


def scores_from_labels(series: pd.Series, source: str, column: str) -> pd.Series:
    """``series`` with each labelled score (``"10 - Extremely likely"``) as its number; other values as they are.

    Shape: the same length and index as ``series``; a column without labelled scores is returned
    unchanged (numbers, text that is not a score: :func:`~.values.parse_numbers` decides on those).

    Errors: :class:`~.errors.DataError` naming the rows and values of labels on a number that is not an end
    of the 0-10 scale (``"5 - Very likely"``: a 1-5 scale's top is no NPS 5).

    >>> scores_from_labels(pd.Series(["10 - Extremely likely", "7", "0 - Not at all likely"]), "s.csv", "Q").tolist()
    [10.0, '7', 0.0]
    """
    if pd.api.types.is_bool_dtype(series.dtype):
        return series
    series = _seen_unanswered(series, source, column)
    if pd.api.types.is_numeric_dtype(series.dtype):
        return series
    codes, uniques = factorize(series)
    read: dict[int, float] = {}
    for i, value in enumerate(uniques):
        if isinstance(value, str) and (match := _LABELLED.match(value)):
            read[i] = float(match.group(1))
    none: dict[int, float | None] = {
        i: None for i, value in enumerate(uniques) if isinstance(value, str) and _NO_SCORE.match(value)
    }
    if none:  # 'N/A': no score, read as no answer (a blank), said in a note
        count = int(np.isin(codes, np.array(list(none), dtype=np.intp)).sum())
        words = ", ".join(repr(uniques[i]) for i in none)
        note(f"{source}, column {column!r}: {count} answer{'s' if count != 1 else ''} {words} read as no answer "
             "(no score, not counted), as blank answers are")  # fmt: skip
    if not read and not none:
        return series
    off_ends = np.array([i for i, score in read.items() if score not in _ENDS], dtype=np.intp)
    if len(off_ends):
        rows = np.flatnonzero(np.isin(codes, off_ends))
        raise bad_rows(
            source,
            column,
            "a scale's label on a score other than 0 or 10 (an NPS question labels only the ends of its 0-10 "
            "scale: is this another scale? give the scores as numbers)",
            rows,
            ColumnValues(series),
        )
    reversed_ = np.array(
        [i for i, score in read.items() if _reversed(score, _LABELLED.match(uniques[i]).group(2))], dtype=np.intp
    )
    if len(reversed_):
        rows = np.flatnonzero(np.isin(codes, reversed_))
        raise bad_rows(
            source,
            column,
            "a scale whose labels run the other way (10 labelled as unlikely, or 0 as likely: the scores would count "
            "the least likely as promoters)",
            rows,
            ColumnValues(series),
            advice="give the scores as numbers on the 0-10 scale, 10 most likely",
        )
    values = np.array(list(uniques) + [None], dtype=object)
    for i, score in (read | none).items():
        values[i] = score
    out = pd.Series(values[codes], index=series.index, dtype=object, name=series.name)
    return out


#: Qualtrics' code of a question shown and skipped ("Seen but unanswered questions as -99", its numeric export)
UNANSWERED = -99.0


def _seen_unanswered(series: pd.Series, source: str, column: str) -> pd.Series:
    """``series`` with Qualtrics' -99 (:data:`UNANSWERED`) as no answer (blank), said in a note, when every other
    number of the column is on the 0-10 scale (there -99 is no score); else ``series`` as it is. Distinct values.

    >>> _seen_unanswered(pd.Series(["10", "-99", "3"]), "q.csv", "Q1").tolist()
    ['10', None, '3']
    >>> _seen_unanswered(pd.Series([10, -99, 30]), "q.csv", "Q1").tolist()
    [10, -99, 30]
    """
    codes, uniques = factorize(series)
    if not len(uniques):
        return series
    numbers = pd.to_numeric(pd.Series([str(u).strip() for u in uniques], dtype=object), errors="coerce").to_numpy()
    code = numbers == UNANSWERED
    others = numbers[~code & ~np.isnan(numbers)]
    if not code.any() or ((others < 0) | (others > 10)).any():
        return series
    unanswered = np.flatnonzero(np.isin(codes, np.flatnonzero(code)))
    note(f"{source}, column {column!r}: {len(unanswered)} answer{'s' if len(unanswered) != 1 else ''} -99 "
         "(Qualtrics' code of a question seen but unanswered) read as no answer (no score, not counted), as blank "
         "answers are")  # fmt: skip
    out = series.astype(object).copy()
    out.iloc[unanswered] = None
    return out


def _reversed(score: float, label: str) -> bool:
    """Whether the label of an end says the other end: 10 with a negation (``10 - Not at all likely``), or 0 saying
    likely without one (``0 - Extremely likely``).

    >>> _reversed(10, "Extremely likely"), _reversed(0, "Not at all likely"), _reversed(10, "Not at all likely")
    (False, False, True)
    >>> _reversed(0, "Extremely likely"), _reversed(0, "Extremely unlikely")
    (True, False)
    """
    negated = _NEGATION.search(label) is not None
    return negated if score == 10 else not negated and "likely" in label.lower()


def check_scores(scores: np.ndarray, source: str, column: str, shown: Callable[[], Any] | None = None) -> None:
    """Refuse scores (read, NaN for blanks) outside 0-10 or not whole, quoting ``shown()`` (the column as the file
    writes it: ``'11'``, ``'7,5'``), else the numbers read.

    >>> try:
    ...     check_scores(np.array([10.0, 7.5, np.nan]), "s.csv", "Q", lambda: ["10", "7,5", ""])
    ... except ValueError as error:
    ...     print(error)
    s.csv, column 'Q': scores outside 0-10 or not whole in row 3 (counting the header as row 1): '7,5'
    """
    with np.errstate(invalid="ignore"):
        wrong = ~np.isnan(scores) & ((scores < 0) | (scores > 10) | (scores != np.round(scores)))
    if wrong.any():
        problem = "scores outside 0-10 or not whole"
        raise bad_rows(source, column, problem, np.flatnonzero(wrong), scores if shown is None else shown())


#: The key, in the ``attrs`` of a segment's rows (as given), saying the whole file's score column passed
#: :func:`check_scale`: the scale is the question's, the column's, and one segment's unhappy answers (every one 2-7)
#: are that question's answers, not another scale's (H330's finding 11).
FILE_SCALE_CHECKED = "file_scale_checked"


def check_scale(top: float, answers: int, source: str, column: str) -> None:
    """Refuse a column of at least :data:`SCALE_ANSWERS` answers none of which is above 7 (``top``: the highest):
    the answers of another question (a 1-5 CSAT, a 1-7 CES), whose top answers NPS would count as detractors.

    >>> check_scale(10, 400, "a.csv", "Score")
    >>> check_scale(5, 400, "a.csv", "Score")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: a.csv, column 'Score': no answer above 5 in 400: the answers of a 1-5 \
scale (a satisfaction or effort question), not of NPS's 0-10 'How likely are you to recommend ...?' (read as NPS, \
every answer would be a detractor); map the 0-10 question's column: --columns score=COLUMN
    """
    named = _named_scale(column)
    if named is not None and (named[0] == "range" or top <= SCALE_TOP):  # 'Rating (1-5)', 'CSAT', 'stars'
        said = f"a {named[1]} scale" if named[0] == "range" else f"{named[1]!r}, another question's answers"
        raise DataError(
            f"{source}, column {column!r}: its name says {said} (a satisfaction, effort or star rating), not NPS's "
            f"0-10 'How likely are you to recommend ...?' (read as NPS, its top answers would be detractors); map "
            f"the 0-10 question's column: --columns score=COLUMN",
            source=source,
            column=column,
        )
    if answers >= SCALE_ANSWERS and top <= SCALE_TOP:
        raise DataError(
            f"{source}, column {column!r}: no answer above {top:g} in {answers}: the answers of a 1-{top:g} scale (a "
            "satisfaction or effort question), not of NPS's 0-10 'How likely are you to recommend ...?' (read as "
            f"NPS, {as_nps(top)}); map the 0-10 question's column: --columns score=COLUMN",
            source=source,
            column=column,
        )


#: A range in a column's name: '(1-5)', '1–7', 'score_1_to_5', '1 bis 5', 'de 1 à 5'.
_RANGE = re.compile(r"(?<![0-9])([01])\s*(?:-|\u2013|\u2014|_to_|\bto\b|\bbis\b|\bà\b|\ba\b|\bal\b|\btot\b)\s*"
                    r"([0-9]{1,2})(?![0-9])", re.IGNORECASE)  # fmt: skip
#: A top below NPS's 10 in a column's name: 'out of 5', '/5', '5-point', '7 Punkte'.
_OUT_OF = re.compile(r"(?i)(?:out of|/)\s*([2-7])(?![0-9.,])|(?<![0-9])([2-7])\s*-?\s*(?:point|punkte?|points)\b")
#: Words of a column's name that say another question than NPS's: a satisfaction (CSAT), effort (CES) or star rating.
_OTHER_SCALE = frozenset({
    "csat", "ces", "star", "stars", "sterne", "stern", "étoiles", "étoile", "etoiles", "estrellas", "stelle", "sterren",
    "rating", "ratings", "bewertung", "satisfaction", "satisfied", "zufriedenheit", "zufrieden", "satisfait",
    "satisfacción", "satisfaccion", "soddisfazione", "tevredenheid", "effort",
})  # fmt: skip
#: Words that say the NPS question: its name may say 'rating' too ("Recommendation rating").
_NPS_WORDS = re.compile(r"(?i)nps|promoter|recommend|empfehl|recommand|recomend|raccomand|aanbevel|likely|wahrscheinl")


def _named_scale(column: Any) -> tuple[str, str] | None:
    """('range', '1-5') where a column's name states a scale other than 0-10 (a range from 0 or 1 to at most 7 or to
    10 from 1: '(1-5)', 'score_1_to_5'), ('word', WORD) where a word of it says another question (CSAT, stars,
    rating, Bewertung) and no word says NPS's; None otherwise.

    >>> [_named_scale(n) for n in ("Rating (1-5)", "score_1_to_5", "How likely (0-10)", "NPS rating", "Score")]
    [('range', '1-5'), ('range', '1-5'), None, None, None]
    >>> [_named_scale(n) for n in ("Bewertung (1-5 Sterne)", "CSAT", "stars", "Survey 2024-05")]
    [('range', '1-5'), ('word', 'csat'), ('word', 'stars'), None]
    >>> [_named_scale(n) for n in ("Score (out of 5)", "Rating /7", "5-point scale", "Score /10", "Q2/2024")]
    [('range', '1-5'), ('range', '1-7'), ('range', '1-5'), None, None]
    """
    name = str(column)
    found = _RANGE.search(name)
    if found is not None:
        low, high = int(found.group(1)), int(found.group(2))
        if low < high <= SCALE_TOP:
            return "range", f"{low}-{high}"
        if (low, high) == (0, 10):
            return None
    top = _OUT_OF.search(name)  # 'Rating (out of 5)', 'Score /5', '5-point scale'
    if top is not None:
        return "range", f"1-{top.group(1) or top.group(2)}"
    if _NPS_WORDS.search(name):
        return None
    words = set(re.split(r"[^0-9a-zà-ÿ]+", name.lower())) & _OTHER_SCALE
    return ("word", sorted(words)[0]) if words else None
