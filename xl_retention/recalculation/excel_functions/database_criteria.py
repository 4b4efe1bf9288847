"""Excel's "begins with" reading of a database function's text criteria, decided when the formula runs.

Microsoft's DSUM page: a criterion typed as text without an operator finds every value that BEGINS with it (type
``="=East"`` for an equality). :mod:`..database_labels` gives each D-function's criteria rows to the engine through
``_XLR.BEGINSWITH``: each value :func:`begins_with` reads so followed by ``*``, the others as they are. Decided when
the formula runs, not from the criteria's values when the formula was rewritten: a What-If data table whose input is
a criteria cell (a DSUM sensitivity table over Region, ``W``, ``Ea``, ``North``) sets it to other texts in turn
(H495's finding 07: 0, 0 where Excel gives 150, 350).
"""

from __future__ import annotations

import re
from typing import Any

from ._core import FUNCTIONS, Function, engine_call, matrix, number_text
from .criteria_values import OPERATORS, tildes_read, written_number

__all__ = ["BEGINS_WITH", "begins_with", "begun", "read_as_number"]

#: the registered function giving a criteria area's values as the engine should match them
BEGINS_WITH = "_XLR.BEGINSWITH"

#: a text of digits and a month's name (``1-Jan-26``, ``Mar 2026``): maybe a date to Excel, left as it is
_DATE_LIKE = re.compile(
    r"^[\d\s/.,:-]*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[\d\s/.,:-]*$",
    re.IGNORECASE,
)


def begins_with(value: object) -> bool:
    """True for a criterion Excel matches as "begins with": a text of a letter or more, no operator first (``=``,
    ``<``, ``>``), not TRUE/FALSE, not a date written with a month's name.

    >>> [begins_with(v) for v in ("East", "W", "=East", "<>East", ">=100", "100", "", "TRUE", "1-Jan-26", 7, None)]
    [True, True, False, False, False, False, False, False, False, False, False]
    >>> [begins_with(v) for v in ("Marketing 2", "Decor 10", "Mar 2026", "10 January 2026", "Sept. 5")]
    [True, True, False, False, False]
    """
    return (
        type(value) is str
        and value[:1] not in ("", "=", "<", ">")
        and any(c.isalpha() for c in value)
        and value.strip().upper() not in ("TRUE", "FALSE")
        and not (any(c.isdigit() for c in value) and _DATE_LIKE.match(value.strip()))
    )


def begun(values: Any) -> list[list[Any]]:
    """The criteria ``values`` (a range's rows, or one cell's value) as the engine should match them: a text
    :func:`begins_with` reads so followed by ``*``, every other value (blank, number, ``>=100``) as it is; a row left
    blank beside others, one blank row (every record: Microsoft's DSUM page, "to include the entire database, enter a
    blank line below the labels"; the engine dropped it beside another row), decided when the formula runs as well: a
    What-If data table setting a criteria cell blank, or to a value where it was blank (H520's task 4).

    >>> begun([["East", ">=100"], [None, "=West"]]), begun("W"), begun(7.0)
    ([['East*', '>=100'], [None, '=West']], [['W*']], [[7.0]])
    >>> begun([["West"], [None]]), begun([["West", None], [None, None], ["East", 5.0]])
    ([[None]], [[None, None]])
    """
    rows = matrix(values)
    if len(rows) > 1 and any(all(value is None for value in row) for row in rows):
        return [[None] * len(rows[0])]
    rows = [[tildes_read(value) for value in row] for row in rows]  # "SKU~12" is SKU12, as in COUNTIF's criteria
    rows = [[written(value) for value in row] for row in rows]  # ">=75%", "1,000": the number, as in COUNTIF's
    return [[f"{value}*" if begins_with(value) else value for value in row] for row in rows]


def written(value: Any) -> Any:
    """A criterion whose value (after its operator, if any) is a number written with ``%``, ``$``, thousands
    separators or brackets, or as a whole number and a fraction, with that number as Excel reads it (``">=75%"`` is
    ``">=0.75"``, ``"1,000"`` 1000: H528's finding 03, where the engine's DSUM matched them as text, 0); any other
    value as it is.

    >>> written(">=75%"), written(">$999"), written("<>1,000"), written("1,000"), written("=50%"), written(">=x,y")
    ('>=0.75', '>999', '<>1000', 1000.0, '=0.5', '>=x,y')
    """
    if not isinstance(value, str):
        return value
    operator = next((op for op in OPERATORS if value.startswith(op)), "")
    found = written_number(value[len(operator) :])
    if found is None or found[0]:
        return value
    return found[1] if not operator else operator + number_text(found[1])


def read_as_number(value: Any) -> bool:
    """Whether :func:`written` reads the criterion ``value`` otherwise than as it is (a criteria area's value given
    through ``_XLR.BEGINSWITH``, :mod:`..database_labels`)."""
    return isinstance(value, str) and written(value) != value


FUNCTIONS[BEGINS_WITH] = Function(BEGINS_WITH, engine_call(begun), 1, 1)
