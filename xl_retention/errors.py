"""Errors of the core, each carrying the Excel error it maps to.

Every invalid input raises a subclass of :class:`RetentionInputError` (itself a
``ValueError``). The message names the argument and the offending value; the class
attribute ``excel_error`` is what a formula cell shows for the same input.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

EXCEL_ERRORS = (
    "#DIV/0!",
    "#N/A",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#REF!",
    "#VALUE!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
    "#DATA!",
)

#: The newer error values Office.js hands a custom function as an error cell's ``basicValue`` (Excel's
#: ``ErrorCellValueType``: Blocked, Busy, Connect, External, Field, Python, and Unknown for one Excel cannot name;
#: Microsoft's Excel JavaScript API reference, ExcelApi 1.16). An input error like any other (``#VALUE!`` out, the
#: reason naming it), never text; kept apart from :data:`EXCEL_ERRORS`, the codes a workbook's cell stores.
NEWER_EXCEL_ERRORS = ("#BLOCKED!", "#BUSY!", "#CONNECT!", "#EXTERNAL!", "#FIELD!", "#PYTHON!", "#UNKNOWN!")


class RetentionInputError(ValueError):
    """Invalid input to a retention metric.

    Attributes:
        argument: the name of the offending argument (or arguments, comma separated).
        value: the offending value.
        excel_error: the Excel error a formula shows for this input.
        position: the offending element's index in an array argument (the message ends with
            :func:`position_text` of it), else None.
    """

    excel_error = "#VALUE!"
    #: where in an array argument the offending value is (0-based index), when the message says so
    position: tuple[int, ...] | None = None

    def __init__(self, message: str, argument: str | None = None, value: Any = None):
        super().__init__(message)
        self.argument = argument
        self.value = value


class ZeroDenominatorError(RetentionInputError):
    """A denominator is 0 (no customers at the start, no responses, ...): ``#DIV/0!``."""

    excel_error = "#DIV/0!"


class OutOfRangeError(RetentionInputError):
    """A negative count or amount, a rate outside [0, 1], an impossible combination: ``#NUM!``."""

    excel_error = "#NUM!"


class NotANumberError(RetentionInputError):
    """Text, a boolean or an error value where a number belongs: ``#VALUE!``."""

    excel_error = "#VALUE!"


def position_text(index: tuple[int, ...]) -> str:
    """The end of a message that locates a value in an array: ``" at position 2"``, ``" at position (1, 0)"``."""
    return f" at position {index[0]}" if len(index) == 1 else f" at position {index}"


class ReadingNoteWarning(UserWarning):
    """A guess the reading took that changes the numbers if it is wrong (whole amounts read as cents, instants
    counted in UTC months), told to a Python caller (:mod:`xl_retention.reading.notes`); the import prints the same
    note. Check it, and undo the guess with the argument it names (``options=ReadOptions(amounts='units')``)."""


def user_stacklevel() -> int:
    """The ``stacklevel`` for :func:`warnings.warn`, called in the function that warns, that points the warning at
    the first frame outside xl-retention: the user's call, however many of the package's functions (and wrappers such
    as :func:`~xl_retention.tables._keywords.checked_keywords`) lie between."""
    package = os.path.dirname(os.path.abspath(__file__))
    frame = sys._getframe(1)
    level = 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package + os.sep):
        frame = frame.f_back
        level += 1
    return level


def label_text(label: object) -> str:
    """An index label as a message names it: numpy's scalars as the Python value they hold (``2``, not
    ``np.int64(2)``), a pandas Period as its text and a midnight Timestamp as its date (``'2024-01'``,
    ``'2024-01-31'``), other labels as their repr.

    >>> import numpy as np, pandas as pd
    >>> label_text(np.int64(2)), label_text("acme"), label_text(pd.Timestamp("2024-01-31"))
    ('2', "'acme'", "'2024-01-31'")
    >>> label_text(pd.Period("2024-01", "M"))
    "'2024-01'"
    """
    if hasattr(label, "item") and type(label).__module__ == "numpy":
        label = label.item()
    if type(label).__name__ == "Timestamp" and hasattr(label, "normalize"):
        return repr(str(label.date()) if label == label.normalize() else str(label))
    if type(label).__name__ == "Period" and hasattr(label, "freqstr"):
        return repr(str(label))
    return repr(label)


def renamed(error: RetentionInputError, names: dict[str, str]) -> RetentionInputError:
    """``error`` with the argument names ``names`` maps (an inner call's: a fit's ``frequency``) replaced by the
    caller's (``frequencies``), as whole words outside quoted values, in its message and its ``argument``; same class,
    value and position. A caller that passes its arguments on under other names refuses them under its own.

    >>> e = renamed(OutOfRangeError("recency (9) exceeds T (4): got 'T' at position 1", "recency"), {"T": "ages",
    ...     "recency": "recencies"})
    >>> (str(e), e.argument)
    ("recencies (9) exceeds ages (4): got 'T' at position 1", 'recencies')
    """
    pattern = re.compile(r"(?<![\w'\"])(" + "|".join(map(re.escape, names)) + r")(?![\w'\"])")
    argument = error.argument
    if argument is not None:
        argument = ", ".join(names.get(part, part) for part in argument.split(", "))
    again = type(error)(pattern.sub(lambda m: names[m.group(1)], str(error)), argument, error.value)
    again.position = error.position
    return again
