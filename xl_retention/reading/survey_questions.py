"""Answers of several questions or surveys in one score column: only the NPS question's are NPS answers.

A long-format survey export (one row per answer: Medallia's, Zendesk's, Hotjar's, a BI tool's) has a "Question" or
"Question ID" column beside one "Score" or "Answer" column; Delighted's export of several surveys has a "Survey Type"
(``csat``, ``nps``). Read as they are, a CSAT's 4 and 5 counted as NPS detractors (H36 finding 02: Jan NPS 0 for
100), silently: the 1-5 scale guard does not fire where the column also holds 9 and 10. Such a column with two values
or more (and not the ``--segment`` column, which reads one of them) is refused, naming it and its values, and the
``--segment COLUMN=VALUE`` that reads the NPS question's rows alone where one value names it. A column named as a
survey's name, id or kind ("Survey", ``survey_id``, "Questionnaire", "Form": quarterly NPS surveys are one NPS) is
refused only where a value names another metric (CSAT, CES, satisfaction, effort, a rating) or a survey of employees
("Employee survey" beside "Customer survey": the employee NPS, :data:`_STAFF`). A column of each answer's weight
holding a weight other than 1 is refused too (:func:`check_weights`).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .currency import segment_said
from .errors import DataError, bad_rows

__all__ = ["check_questions", "check_weights", "says_question"]

#: Names (as :func:`~.names.keys_of` spells them) of a column that says which question or metric a row answers.
QUESTIONS = frozenset({
    "question", "question_id", "question_text", "question_title", "question_name", "question_label", "question_key",
    "question_type", "question_code", "survey_type", "survey_question", "metric", "metric_name", "metric_type",
    "kpi", "score_type", "rating_type", "feedback_type", "frage", "frage_id", "fragetext", "fragentyp", "umfragetyp",
    "question_posee", "type_de_question", "type_d_enquete", "pregunta", "tipo_de_encuesta", "domanda", "vraag",
    "pergunta", "tipo_de_pesquisa",
})  # fmt: skip
#: Names of a column of the survey's name or id: several NPS surveys are one NPS.
SURVEYS = frozenset({"survey", "survey_name", "survey_id", "survey_title", "umfrage", "enquete", "encuesta",
                     "sondaggio", "pesquisa", "form", "form_name", "form_title", "form_id", "questionnaire",
                     "questionnaire_name", "questionnaire_id", "questionnaire_title", "fragebogen", "cuestionario",
                     "questionario", "vragenlijst"})  # fmt: skip
#: Names of a column of the survey's kind or name (Delighted's "Survey Type"; "Survey Kind" is refused as a survey's
#: name is, where a value names another metric): a value naming the employees is the audience of the whole survey
#: (:data:`_STAFF`), not a word of its question.
KINDS = frozenset({"survey_type", "survey_kind", "survey_category", "form_type", "questionnaire_type", "umfragetyp",
                   "type_d_enquete", "tipo_de_encuesta", "tipo_de_pesquisa"})  # fmt: skip
#: Words of a value that names the NPS question.
_NPS = re.compile(r"(?i)\bnps\b|net[\s_-]*promoter|recommend|empfehl|recommand|recomend|raccomand|aanbevel|polec")
#: Words of a value that names the employee NPS: the same 0-10 question about the company as a place to work, asked of
#: employees, not customers (H330's finding 05). As the tools write it: Delighted's Survey Type ``enps``, Culture Amp's
#: and Qualtrics' eNPS, "Employee NPS", "Employee Net Promoter Score", ``Mitarbeiter-NPS``, and the question's own
#: words ("... as a place to work", "as an employer", "als Arbeitgeber"). Not "employee" or "Mitarbeiter" alone: a
#: customers' question may name them ("How likely are you to recommend our employee scheduling app?", H336's review).
_EMPLOYEE_WORDS = (
    r"(?<![a-z\d])e[\s_-]?(?:nps|net[\s_-]*promoter)(?![a-z\d])|(?:employee|mitarbeiter)[\s_-]*(?:nps|net[\s_-]*promoter)"
    r"|place[\s_-]+to[\s_-]+work|as[\s_-]+an?[\s_-]+employer|als[\s_-]+arbeitgeber|comme[\s_-]+employeur"
)
_EMPLOYEE = re.compile(rf"(?i){_EMPLOYEE_WORDS}")
#: A survey's name or kind that says it asked the employees (H344: a "Survey" column of "Customer survey" and
#: "Employee survey" imported as one NPS): the word as the whole value ("Employees", "Staff"), before a survey's word
#: ("Employee Pulse Q3", "Annual employee survey", "Mitarbeiterbefragung") or after one and "of"/"for" at the end
#: ("Q4 survey of our staff"); never one that names what a customers' survey is about ("Employee scheduling app NPS",
#: H336's review), nor the NPS question's own "friend or colleague" or "Patient survey - nursing staff" (H354: the
#: word at the end of any value was read as the employees'). Read in a survey's name or kind column only.
_STAFF_WORD = (
    r"(?:employee|staff|mitarbeit(?:er|erinnen|ende)|personnel|workforce|colleague|salari[ée]|employ[ée]|empleado|"
    r"dipendent[ei]|medewerker)s?"
)
_SURVEY_WORD = (
    r"(?:survey|pulse|engagement|feedback|experience|satisfaction|e?nps|net[\s_-]*promoter|befragung|umfrage|"
    r"enqu[êe]te|encuesta|questionnaire|poll|check[\s_-]*in|opinion|voice)"
)
_STAFF = re.compile(
    rf"(?i)^\W*{_STAFF_WORD}\W*$|(?<![a-zà-ÿ]){_STAFF_WORD}[\s_-]*{_SURVEY_WORD}(?![a-zà-ÿ])"
    rf"|(?<![a-zà-ÿ]){_SURVEY_WORD}\s+(?:of|for)\s+(?:(?:our|the|all)\s+)?{_STAFF_WORD}\W*$"
)
#: A survey's name whose staff and survey words name a product ("Employee Experience platform NPS", an HR product's
#: customers): no survey of employees (:data:`_STAFF`). The product's word right after them only: a team's name
#: elsewhere ("Employee Pulse - Platform team", "Employee survey Q4 - customer success team") is the employees' still.
_NOT_STAFF = re.compile(
    rf"(?i)(?<![a-zà-ÿ]){_STAFF_WORD}[\s_-]*{_SURVEY_WORD}[\s_]+(?:app|platform|software|tool|product|system)s?"
    r"(?![a-zà-ÿ])"
)
#: Words of a value that names another metric.
_OTHER = re.compile(
    rf"(?i)\b(?:csat|ces|ces2|pmf|ease)\b|{_EMPLOYEE_WORDS}|satisf|effort|zufrieden|rating|\bstars?\b|aufwand|m[üu]he"
)

#: A value that names another metric on every row (one value): also ``csat5``, ``ces7``, ``5-star``, ``thumbs``.
_ONE_OTHER = re.compile(rf"{_OTHER.pattern}|(?i:\b(?:csat|ces)[\s_-]*\d+\b|\bthumbs?\b|\d[\s_-]*stars?\b)")


#: Names of a column of each answer's weight (a weighted survey: over-sampled segments count less).
WEIGHTS = frozenset({"weight", "weights", "wt", "wgt", "weighting", "sampling_weight", "sample_weight",
                     "survey_weight", "response_weight", "final_weight", "design_weight", "weight_factor",
                     "gewicht", "gewichtung", "gewichtungsfaktor", "poids", "ponderation", "pondération", "peso",
                     "ponderacion", "ponderación", "ponderazione", "weegfactor"})  # fmt: skip


def _keys(name: str) -> set[str]:
    """The keys a column's name matches by (:func:`~.names.keys_of`), its camel case split too ("QuestionId":
    question_id, "SampleWeight": sample_weight).

    >>> sorted(_keys("QuestionID")), sorted(_keys("sampleWeight"))
    (['question_id', 'questionid'], ['sample_weight', 'sampleweight'])
    """
    from .names import camel_spaced, keys_of

    return keys_of(name) | keys_of(camel_spaced(name))


def check_weights(df: pd.DataFrame, mapped: Any, source: str) -> None:
    """Refuse an answers table with a column of each answer's weight (:data:`WEIGHTS`) holding a value other than 1:
    the NPS counts each answer once (its tables are counts of answers), and a weighted survey's NPS is another
    figure; ignoring the weights silently gave the unweighted one (H36 finding 03: 33.3 for -76.5 weighted).

    >>> check_weights(pd.DataFrame({"score": ["10", "0"], "Weight": ["0.2", "3.0"]}), {"score"}, "w.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: w.csv, column 'Weight': weights of the answers: the NPS counts each answer \
once, and weighted answers give another figure; remove the column to count each answer once, or compute the weighted \
NPS from the answers and their weights in rows 2, 3 (counting the header as row 1): '0.2', '3.0'
    >>> check_weights(pd.DataFrame({"score": ["10", "0"], "Weight": ["1", "1.0"]}), {"score"}, "w.csv")
    """
    from ._distinct import text_codes

    for position, name in enumerate(map(str, df.columns)):
        if name in mapped or not _keys(name) & WEIGHTS:
            continue
        column = df.iloc[:, position]
        codes, texts = text_codes(column)  # read on the distinct values
        numbers = pd.to_numeric(pd.Series(texts).str.replace(",", ".", regex=False), errors="coerce")
        other = ((texts != "") & numbers.notna().to_numpy() & ((numbers - 1).abs() > 1e-9).to_numpy())[codes]
        if other.any():
            problem = (
                "weights of the answers: the NPS counts each answer once, and weighted answers give another figure; "
                "remove the column to count each answer once, or compute the weighted NPS from the answers and their "
                "weights"
            )
            raise bad_rows(source, name, problem, other.nonzero()[0], column.to_numpy())


def _of_employees(text: str, audience: bool) -> bool:
    """Whether ``text``, a value of a column of questions or surveys, names the employee NPS (:data:`_EMPLOYEE`) or,
    in a survey's name or kind column (``audience``), a survey of employees (:data:`_STAFF`).

    >>> [_of_employees(t, True) for t in ("Employee survey", "Staff", "Employee scheduling app NPS", "Q1 NPS")]
    [True, True, False, False]
    >>> _of_employees("Our staff?", False), _of_employees("eNPS", False)
    (False, True)
    """
    return bool(_EMPLOYEE.search(text) or (audience and _STAFF.search(text) and not _NOT_STAFF.search(text)))


#: at most this many distinct values in a column told as naming each answer's metric by its values
_METRIC_VALUES = 20


def _metrics_by_values(column: pd.Series) -> bool:
    """Whether ``column``, of a name not known as a question's or survey's (``Survey metric``, ``Type``, ``Kind``,
    Retently's ``Campaign``), names each answer's metric by its values: a few distinct values, each naming the NPS
    (:data:`_NPS`) or another metric (:data:`_ONE_OTHER`: CSAT, CES, 5-star), both present. A CSAT's 5 and 4 were
    counted as NPS detractors beside them (H555's finding 01); a comment column rarely has every value so.

    >>> _metrics_by_values(pd.Series(["NPS", "CSAT", "NPS"])), _metrics_by_values(pd.Series(["Q4 NPS", "Q1 NPS"]))
    (True, False)
    >>> _metrics_by_values(pd.Series(["I recommend you", "satisfied", "slow support"]))
    False
    """
    values = pd.unique(column.dropna().astype(str).str.strip())
    values = [v for v in values[: _METRIC_VALUES + 1] if v]
    if not 2 <= len(values) <= _METRIC_VALUES:
        return False
    nps = [bool(_NPS.search(v)) and not _ONE_OTHER.search(v) for v in values]
    other = [bool(_ONE_OTHER.search(v)) for v in values]
    return any(nps) and any(other) and all(a or b for a, b in zip(nps, other, strict=True))


def _one_per_segment(df: pd.DataFrame, column: pd.Series, segment: str | None) -> bool:
    """Whether ``--segment``'s column (``segment``) tells ``column``'s value: one value in each segment ('Campaign'
    beside --segment 'Survey metric=NPS': the segment's rows read one campaign)."""
    from .currency import segment_values

    groups = segment_values(df, segment)
    if groups is None:
        return False
    keys = groups.astype(str).str.strip()
    return bool((column.astype(str).str.strip().groupby(keys.to_numpy()).nunique() <= 1).all())


def says_question(name: Any) -> bool:
    """Whether a column's name says which question, survey or kind of survey a row answers ("Question", "Survey
    Type", ``survey_id``): ``--segment 'Question=...'`` on it reads that question's rows alone, the others' answers
    (a follow-up's text) no answers of the import.

    >>> says_question("Question"), says_question("QuestionID"), says_question("Plan")
    (True, True, False)
    """
    return bool(_keys(str(name)) & (QUESTIONS | SURVEYS | KINDS))


def check_questions(df: pd.DataFrame, mapped: Any, source: str, segment: str | None) -> None:
    """Refuse an answers table (``df``, every column) whose question column holds two values or more (see the
    module docstring); ``mapped``: the file's names of the columns read; ``segment``: ``--segment``'s column.

    >>> check_questions(pd.DataFrame({"Date": ["2024-01-05"] * 2, "Question": ["Satisfied? (1-5)", "Recommend?"],
    ...                               "Score": ["5", "10"]}), {"Date", "Score"}, "long.csv", None)
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: long.csv, column 'Question': answers of 2 questions or surveys in one \
score column ('Satisfied? (1-5)', 'Recommend?'): the other questions' scores would count in the NPS; read the NPS \
question's rows alone: segment='Question=Recommend?'
    """
    from .names import key

    check_weights(df, mapped, source)  # a weighted survey's 'Weight': each answer counted once would be wrong
    for position, name in enumerate(map(str, df.columns)):
        keys = _keys(name)
        if name in mapped or (segment is not None and key(segment) == key(name)):
            continue
        column = df.iloc[:, position]
        named = bool(keys & (QUESTIONS | SURVEYS | KINDS))
        if not named and (not _metrics_by_values(column) or _one_per_segment(df, column, segment)):
            continue
        values = [v for v in pd.unique(column.dropna().to_numpy()) if str(v).strip()]
        audience = bool(keys & (SURVEYS | KINDS))  # a survey's name or kind: 'Employee survey' is of employees
        if len(values) == 1 and _of_employees(str(values[0]), audience):
            anyway = segment_said(f"{name}={str(values[0]).strip()}", lifted=True)  # its column is not checked
            raise DataError(  # Delighted's 'Survey Type' enps: the employees' NPS, on the same 0-10 scale
                f"{source}, column {name!r}: every answer is of {str(values[0]).strip()!r}, the employee NPS "
                "(employees asked about the company as a place to work), not the customers' NPS; import a customer "
                f"NPS survey's answers, or, to import these as they are, {anyway}",
                source=source,
                column=name,
            )
        if len(values) == 1 and _ONE_OTHER.search(str(values[0]).strip()) and not _NPS.search(str(values[0])):
            raise DataError(  # Delighted's 'Survey Type' csat on every row: a 1-5 CSAT read as NPS -100 (H234 04)
                f"{source}, column {name!r}: every answer is of {str(values[0]).strip()!r}, another survey than NPS "
                "(its scores are on another scale, and its satisfied answers would count as NPS detractors); import "
                "an NPS survey's answers",
                source=source,
                column=name,
            )
        if len(values) < 2:
            continue
        text = [str(v).strip() for v in values]
        staff = [t for t in text if _of_employees(t, audience)]  # 'Employee survey' beside 'Customer survey' (H344)
        if named and not keys & QUESTIONS and not staff and not any(_OTHER.search(t) for t in text):
            continue  # several surveys, each an NPS
        nps = [t for t in text if _NPS.search(t) and not _OTHER.search(t) and t not in staff]
        if not nps and staff:  # 'Customer survey': the one survey not of employees nor of another metric
            nps = [t for t in text if t not in staff and not _OTHER.search(t)]
        shown = ", ".join(map(repr, text[:5])) + (f" and {len(text) - 5} more" if len(text) > 5 else "")
        why = "the other questions' scores would count in the NPS"
        if staff:  # the employees' answers: the employee NPS, on the same 0-10 scale
            named = ", ".join(map(repr, staff[:3])) + (f" and {len(staff) - 3} more" if len(staff) > 3 else "")
            why = (
                f"{named} {'is' if len(staff) == 1 else 'are'} of employees, the employee NPS (employees asked about "
                "the company as a place to work), whose scores would count in the customers' NPS"
            )
        remedy = (
            f"read the NPS question's rows alone: {segment_said(f'{name}={nps[0]}')}"
            if len(nps) == 1
            else f"read the NPS question's rows alone: {segment_said(f'{name}=VALUE')} (VALUE: the NPS question's)"
        )
        raise DataError(
            f"{source}, column {name!r}: answers of {len(text)} questions or surveys in one score column ({shown}): "
            f"{why}; {remedy}",
            source=source,
            column=name,
        )
