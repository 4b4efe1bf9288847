"""Criteria values as Excel reads them, where the engine read them otherwise: a date typed as text in the workbook's
own date system (``">=2024-01-01"`` is 43830 on the 1904 system), and a number written as text in a cell
(``"0012345"`` is 12345) as the number it is, as a typed one. The rewrite of :mod:`.arguments` gives such criteria
through the registered functions here.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, Function, engine_call, matrix, number_text, plain_number
from .criteria import CRITERIA, criteria_positions
from .criteria_digits import widened
from .criteria_rewrites import _is_array, not_one_value
from .typed import EPOCH_1904, date_serial

# --- a tilde before a character other than a wildcard -----------------------------------------------------------------
_LONE_TILDE = re.compile(r"~(.)", re.DOTALL)


def tildes_read(criterion: Any) -> Any:
    """A text criterion with each ``~`` before a character other than ``*``, ``?`` or ``~`` dropped: Excel's wildcard
    escape stands for the character after it, whichever it is (``"x~y"`` matches ``xy``, as MATCH and VLOOKUP read it;
    LibreOffice too), where the engine matched ``x~y``; ``~*``, ``~?`` and ``~~`` are left to the engine, which reads
    them so. An ordering (``">x~y"``, no wildcards) and anything not text are as they are.

    >>> tildes_read("x~y"), tildes_read("<>SKU~12"), tildes_read("a~~b~*"), tildes_read(">x~y"), tildes_read(5.0)
    ('xy', '<>SKU12', 'a~~b~*', '>x~y', 5.0)
    """
    if not isinstance(criterion, str) or "~" not in criterion:
        return criterion
    operator = next((op for op in OPERATORS if criterion.startswith(op)), "")
    if operator not in ("", "=", "<>"):
        return criterion
    return _LONE_TILDE.sub(lambda m: m.group(0) if m.group(1) in "*?~" else m.group(1), criterion)


def tilde_criteria(name: str, args: list[str], literals: list[str | None]) -> tuple[list[str], list[str | None]]:
    """``args`` and ``literals`` of a criteria function with each typed text criterion read by :func:`tildes_read`.

    >>> tilde_criteria("SUMIF", ["A2:A5", '"x~y"', "B2:B5"], [None, "x~y", None])
    (['A2:A5', '"xy"', 'B2:B5'], [None, 'xy', None])
    """
    if name not in CRITERIA:
        return args, literals
    args, literals = list(args), list(literals)
    for k in criteria_positions(name, len(args)):
        literal = literals[k]
        read = tildes_read(literal)
        if literal is not None and read != literal:
            args[k] = '"' + read.replace('"', '""') + '"'
            literals[k] = read
    return args, literals


# --- typed date criteria, in the workbook's date system --------------------------------------------------------------
#: the registered function reading a typed date criterion in the workbook's date system (see :func:`dated`)
DATED = "_XLR.DATED"
#: a criterion's operators, the two-character ones first
OPERATORS = ("<=", ">=", "<>", "<", ">", "=")


def dated_criteria(name: str, args: list[str], literals: list[str | None]) -> tuple[list[str], list[str | None]]:
    """``args`` of a criteria function with each typed criterion whose value is a date (``">=2024-01-01"``,
    ``"Jan 2024"``) read at run time by ``_XLR.DATED`` in the workbook's date system (given by ``DATE(1904,1,1)``:
    1462 in the 1900 system, 0 in the 1904 one), and ``literals`` with those left out (no other rewrite reads them).

    >>> dated_criteria("COUNTIF", ["A1:A4", '">=Jan 2024"'], [None, ">=Jan 2024"])
    (['A1:A4', '_XLR.DATED(">=Jan 2024",DATE(1904,1,1))'], [None, None])
    """
    if name not in CRITERIA:
        return args, literals
    args, literals = list(args), list(literals)
    for k in criteria_positions(name, len(args)):
        literal = literals[k]
        if literal is None:
            continue
        operator = next((op for op in OPERATORS if literal.startswith(op)), "")
        if date_serial(literal[len(operator) :]) is not None:
            args[k] = f"{DATED}({args[k].strip()},DATE(1904,1,1))"
            literals[k] = None
    return args, literals


def dated(criterion: Any, epoch: Any) -> Any:
    """A date criterion (``">=2024-01-01"``) as the engine should be given it: the date's serial number in the
    workbook's date system (``epoch``: ``DATE(1904,1,1)`` there), as Excel reads a typed entry.

    >>> dated(">=2024-01-01", 1462.0), dated(">=2024-01-01", 0.0), dated("Jan 2024", 1462.0)
    ('>=45292', '>=43830', '45292')
    """
    if not isinstance(criterion, str) or not isinstance(epoch, (int, float)) or isinstance(epoch, bool):
        return criterion
    operator = next((op for op in OPERATORS if criterion.startswith(op)), "")
    serial = date_serial(criterion[len(operator) :])
    if serial is None:
        return criterion
    return operator + number_text(serial - (EPOCH_1904 - float(epoch)))


FUNCTIONS[DATED] = Function(DATED, engine_call(dated), 2, 2)


# --- a criterion given by a cell that holds a number as text ---------------------------------------------------------
#: the registered function reading a criterion that is a number written as text as that number (see :func:`numbered`)
NUMBERED = "_XLR.NUMBERED"
#: the registered function reading a criterion built when the formula runs from an ``=`` or ``<>`` operator
#: (``"="&E1``, ``"<>"&E1``) by :func:`tildes_read`, as a cell's criterion is read by :func:`numbered`
TILDES = "_XLR.TILDES"


def numbered_criteria(name: str, parts: list[list[Token]], args: list[str]) -> list[str]:
    """``args`` of a criteria function with each criterion that is not typed in (a cell, an expression) given through
    ``_XLR.NUMBERED``: Excel matches a criterion "0012345" held by a cell as the number 12345 (numbers and number-like
    text), as it does a typed one; the engine matched such text as text only (H2 F17); one built from an ``=`` or
    ``<>`` operator (``"="&E1``) through ``_XLR.TILDES``, its ``~`` read as a cell's is. Arrays are left alone.

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> numbered_criteria("COUNTIF", parts("=COUNTIF(A1:A7,A1)"), ["A1:A7", "A1"])
    ['A1:A7', '_XLR.NUMBERED(A1)']
    >>> t = list(Tokenizer('=SUMIF(A1:A7,"<>"&E1)').items)[1:-1]
    >>> numbered_criteria("SUMIF", [t[:1], t[2:]], ["A1:A7", '"<>"&E1'])
    ['A1:A7', '_XLR.TILDES("<>"&E1)']
    """
    if name not in CRITERIA:
        return args
    out = list(args)
    for k in criteria_positions(name, len(args)):
        inner = [t for t in parts[k] if t.type != Token.WSPACE] if k < len(parts) else []
        typed = len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype != Token.RANGE
        operator = bool(inner) and inner[0].subtype == Token.TEXT and inner[0].value[1:2] in ("<", ">", "=")
        if inner and not typed and not operator and not not_one_value(inner):  # ">="&F1: never a number
            out[k] = f"{NUMBERED}({args[k].strip()})"  # D1:D1, INDEX(D1:D2,1) too: one cell's value (H553 03)
        elif operator and not typed and inner[0].value[1:].startswith(("=", "<>")) and not _is_array(parts[k]):
            out[k] = f"{TILDES}({args[k].strip()})"  # "="&E1 of SKU~12 is =SKU12, as E1 itself (:func:`tildes_read`)
    return out


def numbered(criterion: Any) -> Any:
    """A criterion that is a number written plainly as text (``"0012345"``, ``"1.2345E4"``) as that number, one of
    more than 15 digits (a text id) as the wildcard of the texts Excel reads as the same number, whose digits past the
    fifteenth are zeros to it, and an ordering on a number (``">=0.3"``) moved to the edge of the number's 15-digit
    interval (:func:`.criteria_digits.widened`); anything else (other text, a number, a blank, an error) as it is.

    >>> numbered("0012345"), numbered(" 5"), numbered(">x"), numbered(7.0), numbered(None)
    (12345.0, ' 5', '>x', 7.0, None)
    >>> numbered(">=0.3"), numbered("<5")
    ('>=0.29999999999999954', '<4.999999999999996')
    >>> numbered("1234567890123456"), numbered("001234567890123456789")
    ('123456789012345?', '123456789012345????')
    >>> numbered("50%"), numbered("$1,000"), numbered("(5)"), numbered("1 1/2"), numbered("=-$5"), numbered("1/2")
    (0.5, 1000.0, -5.0, 1.5, '=-5', '1/2')
    >>> numbered(">=50%"), numbered([[">=50%"]]), numbered([["a", "b"]])
    ('>=0.4999999999999995', '>=0.4999999999999995', [['a', 'b']])
    """
    if isinstance(criterion, list):  # D1:D1, INDEX(D1:D2,1): the one cell's value, read as D1's (H553 03)
        rows = matrix(criterion)
        return numbered(rows[0][0]) if len(rows) == 1 and len(rows[0]) == 1 else criterion
    criterion = tildes_read(criterion)  # "x~y" held by a cell is xy, as a typed one (:func:`tilde_criteria`)
    if not isinstance(criterion, str) or criterion != criterion.strip() or not criterion:
        return criterion
    if criterion[0] in "<>":  # ">=50%" held by a cell: >=0.5, as typed (:func:`ordered_number`)
        criterion = ordered_number(criterion)
    if criterion[0] in "<>" and not criterion.startswith("<>"):  # ">=0.3" held by a cell: at 15 digits
        return widened(criterion)
    written = written_number(criterion)  # "50%", "$1,000", "(5)", "=1 1/2" held by a cell: the number, as typed
    if written is not None:
        return written[1] if not written[0] else written[0] + number_text(written[1])
    digits = criterion.lstrip("0")
    if len(digits) > 15 and digits.isdigit() and digits.isascii():  # a 16-digit id: 15 digits to Excel (.criteria_long)
        return digits[:15] + "?" * (len(digits) - 15)
    value = plain_number(criterion.strip())
    return criterion if value is None else value


def ordered_number(criterion: str) -> str:
    """A criterion that is an ordering (``<``, ``>``, ``<=``, ``>=``, ``<>``) before a number written with %, $,
    thousands separators or brackets (:func:`written_number`) with that number written plainly, as Excel reads it
    typed in or held by a cell (``">=50%"`` is ``>=0.5``); anything else as it is.

    >>> ordered_number(">=50%"), ordered_number("<>$1,000"), ordered_number(">=0.5"), ordered_number(">x%")
    ('>=0.5', '<>1000', '>=0.5', '>x%')
    """
    operator = next((op for op in ("<=", ">=", "<>", "<", ">") if criterion.startswith(op)), "")
    found = written_number(criterion[len(operator) :]) if operator else None
    return criterion if found is None or found[0] else operator + number_text(found[1])


FUNCTIONS[NUMBERED] = Function(NUMBERED, engine_call(numbered), 1, 1)
FUNCTIONS[TILDES] = Function(TILDES, engine_call(tildes_read), 1, 1)

#: a number written with %, $, thousands separators or brackets, or as a whole number and a fraction (``1 1/2``)
_WRITTEN = re.compile(r"[%$,()]|\d\s+\d+/\d")
#: a date or a time (left to the engine, which reads them in the workbook's date system)
_DATE_OR_TIME = re.compile(r"[^\W\d_]|:")


def written_number(criterion: Any) -> tuple[str, float] | None:
    """(operator, number) of a text criterion without an operator, or with ``=``, whose value is a number written
    with ``%``, ``$``, thousands separators or brackets, or as a whole number and a fraction: Excel reads it as a typed
    entry (``"50%"`` is 0.5, ``"$1,000"`` 1000, ``"(5)"`` -5, ``"1 1/2"`` 1.5) whether the criterion is typed in the
    formula or held by a cell (H528's finding 03: from a cell the engine matched it as text, 0); None for anything else
    (a plain number, a date or a time, other text, another operator, not text).

    >>> written_number("50%"), written_number("=$1,000"), written_number("-$5"), written_number("1 1/2")
    (('', 0.5), ('=', 1000.0), ('', -5.0), ('', 1.5))
    >>> written_number(">50%"), written_number("1/2"), written_number("Jan 1, 2024"), written_number("5")
    (None, None, None, None)
    """
    from .text_numbers import text_to_number  # noqa: PLC0415  (text_numbers imports this package's core only)

    if not isinstance(criterion, str):
        return None
    operator = "=" if criterion.startswith("=") and not criterion.startswith("==") else ""
    value = criterion[len(operator) :]
    if value != value.strip() or not _WRITTEN.search(value) or _DATE_OR_TIME.search(value):
        return None
    number = text_to_number(value)
    return None if isinstance(number, str) else (operator, float(number))
