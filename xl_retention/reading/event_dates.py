"""An orders file's date columns of an event that unmakes an order: its refund ("Refunded At", "Refund Date",
``refunded_at``, "Returned On", "Erstattet am"), its failure ("Failed At"), its chargeback ("Chargeback Date") or its
deletion (a database table's soft delete, ``deleted_at``).

Such a column was left unread: a refunded, failed or deleted order counted as a purchase, exit 0, no note (as the
cancellation date ``cancelled_at`` is read, :data:`~.orders._CANCELLED_DATES`). Now an order whose failure, chargeback
or deletion date is filled is no purchase; a filled refund date, which does not say whether the refund was in full or
in part, is refused naming the rows unless the file says how much (a refunded amount column) or a status column
says what became of the order; a filled dispute date (``disputed_at``: won or lost?) is refused likewise unless a
column says the dispute's outcome.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["event_date_kind", "undone_rows"]

#: Words of a column's name that say it is a date or a time ('at', 'on', German 'am', French 'le').
_DATE_WORDS = frozenset({"at", "on", "date", "datum", "time", "timestamp", "when", "am", "le", "fecha", "data",
                         "day", "dated"})  # fmt: skip
_REFUND = ("refund", "erstatt", "rückerstatt", "ruckerstatt", "rembours", "reembols", "return", "retour")
_UNDONE = ("fail", "delet", "chargeback", "chargedback")
_DISPUTE = ("disput",)


def event_date_kind(name: Any) -> str | None:
    """``"refund"``, ``"undone"`` (failed, charged back, deleted) or ``"dispute"`` for a column whose name says the date
    of such an event, else None.

    >>> names = ["Refunded At", "Refund Date", "Erstattet am", "Failed At", "deleted_at", "Chargeback Date",
    ...          "disputed_at", "Refund Amount", "Created At", "Return Reason"]
    >>> [event_date_kind(n) for n in names]
    ['refund', 'refund', 'refund', 'undone', 'undone', 'undone', 'dispute', None, None, None]
    """
    from .order_columns import _words

    words = _words(name)
    if not any(w in _DATE_WORDS for w in words):
        return None
    if any(w.startswith(_UNDONE) for w in words):
        return "undone"
    if any(w.startswith(_DISPUTE) for w in words):
        return "dispute"
    if any(w.startswith(_REFUND) for w in words):
        return "refund"
    return None


def _filled(column: pd.Series) -> np.ndarray:
    text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
    return (text != "").to_numpy()


def undone_rows(df: pd.DataFrame, source: str, refunds: bool, told: bool, outcome: bool) -> np.ndarray:
    """Whether each row of ``df`` is an order a filled event date unmakes (see the module docstring), as a bool array.
    ``refunds``: the file has a refunded amount column; ``told``: it has an order status column; ``outcome``: a column
    says a dispute's outcome. Raises :class:`~.errors.DataError` naming the rows of a refund date (neither given) or a
    dispute date (no outcome) that is filled.

    >>> frame = pd.DataFrame({"id": ["1", "2"], "Failed At": [None, "2024-02-03"]})
    >>> undone_rows(frame, "o.csv", False, False, False).tolist()
    [False, True]
    >>> undone_rows(pd.DataFrame({"id": ["1"], "Refunded At": ["2024-02-20"]}), "o.csv", False, False, False)
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'Refunded At': refund dates without the amount refunded (in \
full or in part cannot be told: add the export's refunded amount column, or a status saying refunded or paid) in row \
2 (counting the header as row 1): '2024-02-20'
    """
    out = np.zeros(len(df), dtype=bool)
    for position, name in enumerate(map(str, df.columns)):
        kind = event_date_kind(name)
        if kind is None:
            continue
        column = df.iloc[:, position]
        filled = _filled(column)
        if not filled.any():
            continue
        if kind == "undone":
            out |= filled
        elif kind == "refund" and not (refunds or told):
            problem = (
                "refund dates without the amount refunded (in full or in part cannot be told: add the export's "
                "refunded amount column, or a status saying refunded or paid)"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(filled), column.to_numpy())
        elif kind == "dispute" and not outcome:
            problem = (
                "dispute dates, and no column says whether the dispute was won (a dispute lost is a chargeback, no "
                "purchase): add the dispute's status or outcome column, or remove the rows of disputes lost"
            )
            raise bad_rows(source, name, problem, np.flatnonzero(filled), column.to_numpy())
    return out
