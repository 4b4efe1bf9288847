"""An orders file's date columns of an event that unmakes an order: its refund ("Refunded At", "Refund Date",
``refunded_at``, "Returned On", "Erstattet am"), its failure ("Failed At"), its chargeback or dispute ("Chargeback
Date", ``disputed_at``) or its deletion (a database table's soft delete, ``deleted_at``).

Such a column was left unread: a refunded, failed or deleted order counted as a purchase, exit 0, no note (as the
cancellation date ``cancelled_at`` is read, :data:`~.orders._CANCELLED_DATES`). Now an order whose deletion date is
filled is no purchase. A filled failure date (a failed attempt, paid on a retry?) is read by the file's status column
where it has one, and refused naming the rows where it has none; so is a filled refund date (in full or in part?),
which a refunded amount column tells too, and a filled chargeback or dispute date (won or lost?), which a column saying
the dispute's outcome tells too.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["FOREIGN_REFUND_STEMS", "event_date_kind", "undone_rows"]

#: Words of a column's name that say it is a date or a time ('at', 'on', German 'am', French 'le').
_DATE_WORDS = frozenset({"at", "on", "date", "datum", "time", "timestamp", "when", "am", "le", "fecha", "data",
                         "day", "dated"})  # fmt: skip
#: ... and words that end so: a compound's ('Återbetalningsdatum', 'terugbetalingsdatum'), a Japanese name's ('返金日').
_DATE_WORDS |= {"dnia", "dzień", "dzien", "czas", "dne", "den", "čas", "cas", "op", "tijd", "tijdstip", "dag", "tid",
                "tidpunkt", "日付", "日時", "時刻"}  # fmt: skip
_DATE_ENDS = ("datum", "日", "日時", "日付", "時刻")
#: Beginnings of a word that say a refund in Polish, Czech, Dutch, Swedish and Japanese, whose refunded amount
#: columns are read too ('Kwota zwrotu', 'Vráceno', 'Teruggestort', 'Återbetalt', '返金額': reading.order_columns).
FOREIGN_REFUND_STEMS = ("zwrot", "zwróc", "zwroc", "vrácen", "vracen", "terugbeta", "teruggestort", "terugstort",
                        "återbetal", "aterbetal", "返金", "払い戻", "払戻")  # fmt: skip
_REFUND = ("refund", "erstatt", "rückerstatt", "ruckerstatt", "rembours", "reembols", "return", "retour")
_REFUND += FOREIGN_REFUND_STEMS
_DELETED = ("delet",)
_FAILED = ("fail",)
_DISPUTE = ("disput", "chargeback", "chargedback")


def event_date_kind(name: Any) -> str | None:
    """``"refund"``, ``"failed"``, ``"deleted"`` or ``"dispute"`` (a chargeback too) for a column whose name says the
    date of such an event, else None.

    >>> names = ["Refunded At", "Refund Date", "Erstattet am", "Failed At", "deleted_at", "Chargeback Date",
    ...          "disputed_at", "Refund Amount", "Created At", "Return Reason"]
    >>> [event_date_kind(n) for n in names]
    ['refund', 'refund', 'refund', 'failed', 'deleted', 'dispute', 'dispute', None, None, None]
    >>> names = ["Data zwrotu", "Zwrócono dnia", "返金日", "払い戻し日時", "Datum vrácení", "Vráceno dne",
    ...          "Datum terugbetaling", "Terugbetaald op", "Återbetalningsdatum", "Kwota zwrotu", "返金額", "Vráceno"]
    >>> [event_date_kind(n) for n in names]  # doctest: +NORMALIZE_WHITESPACE
    ['refund', 'refund', 'refund', 'refund', 'refund', 'refund', 'refund', 'refund', 'refund', None, None, None]
    """
    from .order_columns import name_words as _words

    words = _words(name)
    if not any(w in _DATE_WORDS or w.endswith(_DATE_ENDS) for w in words):
        return None
    for kind, stems in (("deleted", _DELETED), ("failed", _FAILED), ("dispute", _DISPUTE), ("refund", _REFUND)):
        if any(w.startswith(stems) for w in words):
            return kind
    return None


def _filled(column: pd.Series) -> np.ndarray:
    """Whether each cell of ``column`` is filled (not missing, not blank), by its distinct values.

    >>> _filled(pd.Series(["2024-02-03", None, " ", "2024-02-03"])).tolist()
    [True, False, False, True]
    """
    from ._distinct import factorize

    codes, uniques = factorize(column)
    if not len(uniques):
        return np.zeros(len(column), dtype=bool)
    said = np.fromiter((str(u).strip() != "" for u in uniques), dtype=bool, count=len(uniques))
    return (codes >= 0) & said[np.maximum(codes, 0)]


def undone_rows(df: pd.DataFrame, source: str, refunds: bool, told: bool, outcome: bool) -> np.ndarray:
    """Whether each row of ``df`` is an order a filled event date unmakes (see the module docstring), as a bool array.
    ``refunds``: the file has a refunded amount column; ``told``: it has an order status column (which then decides
    for failure, refund and dispute dates); ``outcome``: a column says a dispute's outcome. Raises
    :class:`~.errors.DataError` naming the rows of a filled failure, refund or dispute date that nothing else tells.

    >>> frame = pd.DataFrame({"id": ["1", "2"], "deleted_at": [None, "2024-02-03"]})
    >>> undone_rows(frame, "o.csv", False, False, False).tolist()
    [False, True]
    >>> undone_rows(pd.DataFrame({"id": ["1"], "Refunded At": ["2024-02-20"]}), "o.csv", False, False, False)
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Refunded At': refund dates without the amount refunded (in \
full or in part cannot be told: add the export's refunded amount column, or a status saying refunded or paid) in row \
2 (counting the header as row 1): '2024-02-20'
    >>> undone_rows(pd.DataFrame({"id": ["1"], "Failed At": ["2024-02-20"]}), "o.csv", False, True, False).tolist()
    [False]
    """
    problems = {
        "failed": "failure dates, and no status column says whether the order was paid after (a failed attempt may "
        "be paid on a retry): add the export's status column, or remove the rows of orders never paid",
        "refund": "refund dates without the amount refunded (in full or in part cannot be told: add the export's "
        "refunded amount column, or a status saying refunded or paid)",
        "dispute": "dispute dates, and no column says whether the dispute was won (a dispute lost is a chargeback, no "
        "purchase): add the dispute's status or outcome column, or remove the rows of disputes lost",
    }
    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(map(str, df.columns)):
        kind = event_date_kind(name)
        if kind is None:
            continue
        column = df.iloc[:, position]
        filled = _filled(column)
        if not filled.any():
            continue
        if kind == "deleted":  # a table's soft delete: the row is gone
            out |= filled
        elif not (told or (kind == "refund" and refunds) or (kind == "dispute" and outcome)):
            raise bad_rows(source, name, problems[kind], np.flatnonzero(filled), column.to_numpy())
    return out
