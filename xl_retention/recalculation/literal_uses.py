"""Where a formula uses a text typed in it as text only, which every Excel reads alike whatever its regional settings.

A text literal such as ``"01/02/2026"`` or ``"1.200"`` depends on the computer's regional settings only where Excel
reads it as a number or a date: an operand of ``+ - * / ^ %``, a numeric argument, DATEVALUE/VALUE, a criterion of
COUNTIF's family. Where Excel uses it as text -- ``LEN(..)``, ``LEFT(..)``, ``EXACT(..)``, ``SUBSTITUTE(..)``, a text
compared with ``=`` (a text never equals a number: no reading), MATCH's or VLOOKUP's value looked for, IF's result
-- the cell's value is the same in every locale (H396's finding 02: such cells were left without a value, status
incomplete, with a made-up day-first result: the literal was replaced by its day-first reading as a text).

:func:`read_as_text` tells, for each place the literal is written, whether its value reaches no such reading: the
expression it stands in (its argument, or the formula) has no arithmetic operator; it is compared (a truth value
comes out), or is a text-consuming argument (:data:`_CONSUMED`; NUMBERVALUE's text given both its separators,
which Excel reads by them alone), or is passed on as text (:data:`_PASSED`: IF's
result, LEFT's text, ``&``) to a place that is itself such, or is the formula's result. Anything else (an argument
of another function) is taken as read as a number, as before. An array constant's text is where the array is
(``NUMBERVALUE({"1.200","1"},",",".")``: by the separators given, as one text is).

Such a formula may read a cell holding such a text too (``=A1="01/02/2026"``, ``=COUNTIF(A1:A2,"01/02/2026")``,
``=MATCH("01/02/2026",A1:A2,0)``): the other locale's reading of the cell is simulated by its other reading, so the
literal is given its own other reading with it (:func:`moved_with_cells`): the same text on both sides stays the same
(Excel compares the two texts; COUNTIF reads its criterion and the cell's text by the same settings).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .locale_readings import locale_reading

if TYPE_CHECKING:
    from collections.abc import Callable

    from .formula_texts import FormulaTexts

__all__ = ["moved_with_cells", "read_as_text"]

_ALL = frozenset(range(1, 256))
#: (function, its 1-based arguments) whose text Excel uses as text and turns into something no locale reads
#: otherwise (a length, a position, a truth value, a match)
_CONSUMED: dict[str, frozenset[int]] = {
    **dict.fromkeys(("LEN", "LENB", "CODE", "UNICODE", "TYPE", "N"), frozenset((1,))),
    **dict.fromkeys(
        ("ISTEXT", "ISNONTEXT", "ISNUMBER", "ISBLANK", "ISERROR", "ISERR", "ISNA", "ISLOGICAL", "ISREF"),
        frozenset((1,)),
    ),
    "EXACT": frozenset((1, 2)),
    **dict.fromkeys(("FIND", "FINDB", "SEARCH", "SEARCHB"), frozenset((1, 2))),
    **dict.fromkeys(("MATCH", "XMATCH", "VLOOKUP", "HLOOKUP", "XLOOKUP", "LOOKUP"), frozenset((1,))),
    "SUBSTITUTE": frozenset((2,)),
    **dict.fromkeys(("TEXTBEFORE", "TEXTAFTER"), frozenset((2,))),
    **dict.fromkeys(("COUNTA", "COUNTBLANK"), _ALL),
}
#: (function, its arguments) whose text comes out of it, whole or in part, as text: where it goes decides
_PASSED: dict[str, frozenset[int]] = {
    "IF": frozenset((2, 3)),
    **dict.fromkeys(("IFERROR", "IFNA"), frozenset((1, 2))),
    "CHOOSE": _ALL - {1},
    "SWITCH": _ALL,
    "IFS": frozenset(range(2, 256, 2)),
    **dict.fromkeys(
        ("TRIM", "UPPER", "LOWER", "PROPER", "CLEAN", "T", "LEFT", "LEFTB", "RIGHT", "RIGHTB"), frozenset((1,))
    ),
    **dict.fromkeys(("MID", "MIDB", "REPT", "TEXTBEFORE", "TEXTAFTER"), frozenset((1,))),
    "SUBSTITUTE": frozenset((1, 3)),
    **dict.fromkeys(("REPLACE", "REPLACEB"), frozenset((1, 4))),
    **dict.fromkeys(("CONCAT", "CONCATENATE", "TEXTJOIN"), _ALL),
}
_ARITHMETIC = frozenset("+-*/^")
_COMPARISON = frozenset(("=", "<>", "<", ">", "<=", ">="))


def read_as_text(formula: str, literal: str) -> bool:
    """Whether each place ``formula`` holds the text ``literal`` (its value, unquoted) uses it as text only, so that
    no locale reads it otherwise; False where it may be read as a number or a date, or the formula cannot be read.

    >>> [read_as_text(f, "01/02/2026") for f in ('LEN("01/02/2026")', 'A1="01/02/2026"', 'LEFT("01/02/2026",2)')]
    [True, True, True]
    >>> read_as_text('SUMPRODUCT(--(A1:A2="01/02/2026"))', "01/02/2026"), read_as_text('MATCH("1.2",A:A,0)', "1.2")
    (True, True)
    >>> numbers = ('"01/02/2026"+1', 'DATEVALUE("01/02/2026")', 'COUNTIF(A:A,"01/02/2026")')
    >>> [read_as_text(f, "01/02/2026") for f in numbers]
    [False, False, False]
    >>> read_as_text('IF(A1,"01/02/2026","")+0', "01/02/2026"), read_as_text('LEFT("01/02/2026"&"",5)*1', "01/02/2026")
    (False, False)
    >>> read_as_text('NUMBERVALUE("3 000,5",",",".")*2', "3 000,5"), read_as_text('NUMBERVALUE("3 000,5")', "3 000,5")
    (True, False)
    >>> given, alone = 'SUM(NUMBERVALUE({"1.200","1"},",","."))', 'SUM(NUMBERVALUE({"1.200",1}))'
    >>> read_as_text(given, "1.200"), read_as_text(alone, "1.200")
    (True, False)
    >>> read_as_text('SUM(LEN({"1.200";"1"}))', "1.200"), read_as_text('SUM(--({"1.200","1"}="1.200"))', "1.200")
    (True, True)
    """
    try:
        tokens = Tokenizer("=" + formula.removeprefix("=")).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: taken as read as a number)
        return False
    quoted = '"' + literal.replace('"', '""') + '"'
    # each token's place: (frame, argument); a frame: (function name or "(" or "", the place of its opening token)
    frames: list[tuple[str, tuple[int, int] | None]] = [("", None)]
    places: list[tuple[int, int]] = []
    stack = [[0, 1]]  # [frame, argument] of the open frames
    found, constant = False, False  # constant: inside an array constant, whose elements are where it is
    for token in tokens:
        frame, argument = stack[-1]
        opening = token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN)
        closing = token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN)
        if token.type == Token.ARRAY:
            constant = token.subtype == Token.OPEN
        if constant and token.type == Token.SEP:  # {"a","b";"c","d"}: each element read as the array is (H548)
            places.append((frame, -1))
            continue
        if closing and len(stack) > 1:
            stack.pop()
            frame, argument = stack[-1]
        places.append((frame, argument))
        if opening:
            name = token.value[:-1].upper() if token.type == Token.FUNC else "("
            for prefix in ("_XLFN._XLWS.", "_XLFN.", "_XLWS."):
                name = name.removeprefix(prefix)
            frames.append((name, (frame, argument)))
            stack.append([len(frames) - 1, 1])
        elif token.type == Token.SEP and token.subtype == Token.ARG:
            stack[-1][1] += 1
            places[-1] = (stack[-1][0], 0)  # the separator itself belongs to no argument
        found = found or (token.type == Token.OPERAND and token.subtype == Token.TEXT and token.value == quoted)
    if not found:
        return False
    members: dict[tuple[int, int], list[Token]] = {}
    arguments: dict[int, int] = {}  # each frame's number of arguments
    for token, place in zip(tokens, places, strict=True):
        members.setdefault(place, []).append(token)
        if token.type == Token.SEP and token.subtype == Token.ARG and place[1] != -1:
            arguments[place[0]] = arguments.get(place[0], 1) + 1

    def textual(place: tuple[int, int]) -> bool:
        operators = [t for t in members.get(place, []) if t.type in (Token.OP_IN, Token.OP_PRE, Token.OP_POST)]
        if any(t.type != Token.OP_IN or t.value in _ARITHMETIC for t in operators):
            return False
        if any(t.value in _COMPARISON for t in operators):
            return True  # a truth value comes out
        frame, argument = place
        name, outer = frames[frame]
        if outer is None:
            return True  # the formula's result: a text
        if name == "(":
            return textual(outer)
        if argument in _CONSUMED.get(name, ()):
            return True
        if name == "NUMBERVALUE" and argument == 1 and arguments.get(frame) == 3:
            return True  # read by the separators given, alike in every Excel (a number comes out, whatever follows)
        return argument in _PASSED.get(name, ()) and textual(outer)

    return all(
        textual(place)
        for token, place in zip(tokens, places, strict=True)
        if token.type == Token.OPERAND and token.subtype == Token.TEXT and token.value == quoted
    )


#: a text typed in a formula
_LITERAL = re.compile(r'"((?:[^"]|"")*)"')


def moved_with_cells(
    workbook: Any,
    formulas: dict[str, FormulaTexts],
    readers: list[tuple[str, int, int]],
    values: list[Any],
    form: Callable[[str], str],
) -> None:
    """Each of ``readers``' ``values`` (evaluated with the cells they read holding their other locale reading, in
    ``form``) made the value of its formula with its date-like or number-like literals read alike, in the same
    form (evaluated in a scratch cell; left as it was where that cannot be done).

    The formula moved is the one the engine computes the cell with (:func:`.rewrite.rewrite`'s, read back from the
    engine), not the stored one: ``COUNTIF(A1:A3,"01/02/2026")`` over a text date is rewritten so that the range's
    date texts are read as dates, as Excel reads them (:mod:`.excel_functions.criteria_date_texts`); the stored
    formula evaluated as it is counted no text cell against a criterion the engine reads as a date (0 in the other
    locale where the cell equals the criterion in both: H420). The stored formula where the engine has none."""
    from .engine import from_engine  # noqa: PLC0415
    from .scratch_cell import scratch_value  # noqa: PLC0415

    for i, (sheet, row, column) in enumerate(readers):
        found = formulas.get(sheet)
        if found is None or (row, column) not in found:
            continue
        formula = found[(row, column)]
        if '"' not in formula:
            continue
        for text in (_engine_formula(workbook, sheet, row, column), formula):
            moved = None if text is None else _moved(text, form)
            value = None if moved is None else scratch_value(workbook, sheet, moved)
            if value is not None:
                value = from_engine(value)
                values[i] = None if value == "" else value
                break


def _engine_formula(workbook: Any, sheet: str, row: int, column: int) -> str | None:
    """The formula the engine holds for the cell (its rewritten form), None where it has none."""
    try:
        text = workbook.get_formula(sheet, row, column)
    except Exception:  # noqa: BLE001  (a cell the engine does not have)
        return None
    return text if isinstance(text, str) and text.strip() else None


def _moved(formula: str, form: Callable[[str], str]) -> str | None:
    """``formula`` (with ``=``) with each date-like or number-like text typed in it given its other locale's reading
    in ``form``; None where it holds none.

    >>> _moved('=COUNTIF(A1:A3,"01/02/2026")', lambda reading: reading), _moved('=LEN("abc")', str)
    ('=COUNTIF(A1:A3,"2026-02-01")', None)
    """
    moved, changed = [], False
    for part in re.split(r'("(?:[^"]|"")*")', formula):
        text = part[1:-1].replace('""', '"') if len(part) > 1 and part[0] == part[-1] == '"' else None
        bare = None if text is None else text.lstrip("<>=")
        reading = None if not bare or not any(c.isdigit() for c in bare) else locale_reading(bare)
        if reading is None:
            moved.append(part)
            continue
        moved.append('"' + (text[: len(text) - len(bare)] + form(reading)).replace('"', '""') + '"')
        changed = True
    if not changed:
        return None
    joined = "".join(moved)
    return joined if joined.startswith("=") else "=" + joined
