"""Survey answers that are no respondent's: previews, tests and spam, said by a status or a flag column.

A survey tool exports its author's previews and tests, and answers it took for spam, beside the respondents' ones
(Qualtrics' ``Status`` "Survey Preview", "Spam"; its ``DistributionChannel`` ``preview``; Typeform's and other
tools' ``test``, ``is_spam`` flags). Counted, a few such rows swing a small month's NPS: they are refused, naming the
column and the rows (:func:`check_answer_statuses`). The statuses of a subscription are :mod:`.statuses`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import factorize
from .errors import SHOW_ROWS, bad_rows
from .response_types import not_answer_codes, qualtrics_status_columns
from .statuses import FLAG_FALSE, FLAG_TRUE, STATUS_NAMES, spelled

__all__ = ["ANSWER_FLAGS", "ANSWER_PROBLEM", "ANSWER_STATUS_NAMES", "FLAG_ADVICE", "FLAG_PROBLEM", "FLAG_WORDS",
           "NOT_ANSWERS", "answer_flag_columns", "check_answer_statuses"]  # fmt: skip


#: Statuses of survey responses that are no respondent's answer: Qualtrics' "Survey Preview", "Survey Test",
#: "Spam", "Imported Spam", "Synthetic", ... (its ``Status``; as numbers: :mod:`~.response_types`), ``preview`` and
#: ``test`` (its ``DistributionChannel``), other tools' ``test``, ``spam``.
NOT_ANSWERS = frozenset({"survey_preview", "survey_test", "preview", "test", "spam", "test_response", "spam_flagged",
                         "survey_preview_spam", "imported_spam", "offline_survey_preview", "ex_spam", "synthetic",
                         "test_data"})  # fmt: skip
_ANSWER_STATUS_NAMES = frozenset({"distribution_channel", "distributionchannel", "response_type", "response_status"})
#: the names of a survey answer's status column: a status column's or Qualtrics' DistributionChannel, ...
ANSWER_STATUS_NAMES = STATUS_NAMES | _ANSWER_STATUS_NAMES
ANSWER_PROBLEM = (
    "responses that are previews, tests or spam, to be removed (no respondent's answer: they would count in the NPS)"
)


#: Flag columns whose true value says a survey answer is a test, a preview or spam (Typeform's and other tools'
#: ``test``, ``is_test``, ``spam``, ``is_spam``, ...): no respondent's answer, refused as a status saying so is.
ANSWER_FLAGS = frozenset({"test", "is_test", "test_response", "is_test_response", "test_mode", "testmode", "sandbox",
                          "test_data", "is_test_data",
                          "is_sandbox", "preview", "is_preview", "spam", "is_spam", "spam_flagged", "flagged_spam",
                          "marked_as_spam", "is_spam_response",
                          # worded otherwise, and in the languages read (H200's finding 07); 'Excluded': an answer
                          # left out by the survey's owner
                          "flagged_as_spam", "is_flagged_as_spam", "marked_spam", "spam_flag", "als_spam_markiert",
                          "spam_markiert", "testantwort", "test_antwort", "ist_test", "testeintrag", "testdaten",
                          "réponse_test", "reponse_test", "risposta_di_test", "risposta_test", "respuesta_de_prueba",
                          "respuesta_prueba", "prueba", "es_prueba", "resposta_teste", "teste", "testrespons",
                          "excluded", "is_excluded", "exclude", "ausgeschlossen", "exclu", "exclue", "escluso",
                          "esclusa", "excluido", "excluida", "uitgesloten"})  # fmt: skip
FLAG_PROBLEM = "values that say neither true nor false (whether these answers are tests or spam cannot be told)"
#: What to do about :data:`FLAG_PROBLEM`, after its rows and values.
FLAG_ADVICE = "write true where they are, false where a respondent answered"


#: Words of a flag's name that say a test, a preview, spam or an answer left out (the words of :data:`ANSWER_FLAGS`).
FLAG_WORDS = frozenset({"test", "tests", "testing", "spam", "preview", "sandbox", "excluded", "exclude", "exclusion",
                        "ausgeschlossen", "exclu", "exclue", "escluso", "esclusa", "excluido", "excluida",
                        "uitgesloten", "testantwort", "testdaten", "testeintrag", "prueba", "teste",
                        "testrespons"})  # fmt: skip
#: The other words such a flag's name may have: what it is left out of or how it is said (Wootric's
#: ``excluded_from_calculations``, "Excluded from NPS", "Is Spam Response", "Marked as Test").
_FLAG_FILLER = frozenset({"is", "was", "from", "the", "as", "of", "flagged", "marked", "flag", "response",
                          "responses", "answer", "answers", "nps", "calculation", "calculations", "calculated",
                          "reporting", "report", "reports", "results", "stats", "statistics", "analysis",
                          "analytics", "survey", "data", "mode", "entry", "ist", "als", "aus", "der", "den",
                          "markiert", "de", "des", "du", "di", "dal", "van", "uit", "es", "est"})  # fmt: skip


def answer_flag_columns(names: Sequence[Any]) -> list[str]:
    """The columns of ``names`` that flag a survey answer as a test, a preview or spam (:data:`ANSWER_FLAGS`), or
    whose name's words are a word of those (:data:`FLAG_WORDS`) and words such as ``from``, ``nps``,
    ``calculations`` (Wootric's ``excluded_from_calculations``, "Excluded from NPS").

    >>> answer_flag_columns(["Submit Date (UTC)", "is_test", "Spam?", "Score", "excluded_from_calculations"])
    ['is_test', 'Spam?', 'excluded_from_calculations']
    >>> answer_flag_columns(["Test Score", "Testimonial", "Excluded from NPS", "Exclusion reason"])
    ['Excluded from NPS']
    """
    from .names import keys_of, words

    found = []
    for name in names:
        said = words(name, whole=False)
        if {k.rstrip("?") for k in keys_of(name)} & ANSWER_FLAGS or (
            said & FLAG_WORDS and not said - FLAG_WORDS - _FLAG_FILLER
        ):
            found.append(str(name))
    return found


def check_answer_statuses(df: pd.DataFrame, source: str) -> None:
    """Refuse survey answers whose status (``Status``, Qualtrics' ``DistributionChannel``, ...) says a preview, a test
    or spam (:data:`NOT_ANSWERS`): the survey's author trying it is no respondent, and a few such rows swing a small
    month's NPS.

    >>> check_answer_statuses(pd.DataFrame({"Status": ["IP Address", "Survey Preview"]}), "nps.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: nps.csv, column 'Status': responses that are previews, tests or spam, \
to be removed (no respondent's answer: they would count in the NPS) in row 3 (counting the header as row 1): \
'Survey Preview'

    A flag column (:data:`ANSWER_FLAGS`: ``is_test``, ``spam``, ...) that is true is refused the same way, and one
    whose value says neither true nor false too:

    >>> check_answer_statuses(pd.DataFrame({"is_test": ["FALSE", "TRUE"]}), "nps.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: nps.csv, column 'is_test': responses that are previews, tests or spam, \
to be removed (no respondent's answer: they would count in the NPS) in row 3 (counting the header as row 1): 'TRUE'
    """
    from .names import keys_of

    for name in answer_flag_columns(df.columns):
        column = df.iloc[:, [str(c) for c in df.columns].index(name)]
        flag = spelled(column)
        for problem, rows, advice in ((FLAG_PROBLEM, ~np.isin(flag, list(FLAG_TRUE | FLAG_FALSE)), FLAG_ADVICE),
                                      (ANSWER_PROBLEM, np.isin(flag, list(FLAG_TRUE)), None)):  # fmt: skip
            if rows.any():
                raise bad_rows(source, name, problem, np.flatnonzero(rows), column.to_numpy(), advice=advice)
    for position, name in enumerate(map(str, df.columns)):
        if not (keys_of(name) & ANSWER_STATUS_NAMES):
            continue
        column = df.iloc[:, position]
        rows = np.flatnonzero(np.isin(spelled(column), list(NOT_ANSWERS)))
        if rows.size:
            raise bad_rows(source, name, ANSWER_PROBLEM, rows, column.to_numpy())
    for name in qualtrics_status_columns(df.columns):  # its numeric export: 1 preview, 2 test, 8 spam, ...
        codes, distinct = factorize(df.iloc[:, [str(c) for c in df.columns].index(name)])
        found = not_answer_codes(distinct)
        if found:
            shown = np.array([found.get(v) for v in distinct] + [None], dtype=object)[codes]
            rows = np.flatnonzero(shown != None)  # noqa: E711 (an object array's elementwise test)
            raise bad_rows(source, name, ANSWER_PROBLEM, rows, {int(p): shown[p] for p in rows[:SHOW_ROWS]})
