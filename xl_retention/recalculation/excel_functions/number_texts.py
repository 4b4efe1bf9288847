"""Cells holding numbers typed as formatted text ("1,234", "$1,200", "(50)") read as numbers in arithmetic.

Excel converts text to a number in arithmetic (``=A1*1``, ``=--A1``, ``=A1+B1``) and where a function takes one
number (``ROUND(A1,-2)``, ``ABS(A1)``) as it reads a typed entry (en-US): "1,234" is 1234, "$1,200" 1200, "(50)" -50
(Microsoft, "Convert numbers stored as text to numbers": multiply by 1 or use ``--``). The embedded engine reads
plain numeric text, percentages and dates so, but gives #VALUE! for thousands separators, currency signs and
accounting parentheses, which ``IFERROR`` or ``ISNUMBER`` then hide.

This module finds such cells in the package (:func:`shared_candidates`, :func:`text_cells`) and rewrites the
formulas that read them in those places (:func:`rewrite_number_texts`): the reference is passed through
``_XLR.NUMBER`` (:func:`number_of_text`), which reads formatted numeric text as VALUE does
(:func:`.text_numbers.text_to_number`) and leaves every other value as it is (so the engine's own rules apply to it).
A reference given whole to a function that skips text in ranges (``SUM(A1:A3)``) is left alone, as Excel leaves
such text out.

>>> number_of_text("$1,200"), number_of_text("(50)"), number_of_text("abc"), number_of_text(None)
(1200.0, -50.0, 'abc', None)
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries

from ...cells import CellError
from ...sheet_names import CHARACTER
from ..text_literals import LITERALS as _STRING
from ._core import FUNCTIONS, Function, engine_call
from .call_arguments import argument_spans
from .number_text_cells import _DAY_MONTH, _ENGINE_DATE, _FRACTION, _OTHER_DATE, NOT_A_NUMBER, misread
from .spaced_texts import SPACES, spaced_formulas
from .typed import date_literal

#: the engine-level name of :func:`number_of_text`
NUMBER = "_XLR.NUMBER"

_REFERENCE = re.compile(
    r"(?:(?:'((?:[^']|'')+)'|(" + CHARACTER + r"+))!)?"
    r"(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)"
)
_ARITHMETIC = frozenset("+-*/^")
#: functions whose arguments are each one number: a text cell given to them is read as in arithmetic
SCALAR_NUMBER_FUNCTIONS = frozenset(
    "ROUND ROUNDUP ROUNDDOWN INT ABS MOD TRUNC SIGN SQRT EXP LN LOG LOG10 POWER EVEN ODD FACT MROUND QUOTIENT "
    "CEILING FLOOR CEILING.MATH FLOOR.MATH ISO.CEILING CEILING.PRECISE FLOOR.PRECISE DEGREES RADIANS "
    "SIN COS TAN ASIN ACOS ATAN".split()
)


def number_of_text(value: Any) -> Any:
    """A value as arithmetic reads it: formatted numeric text as its number (VALUE's reading), else the value.

    A range (a list of rows) element by element; errors, numbers, logicals, blanks and other text unchanged.
    """
    if isinstance(value, list):
        return [[number_of_text(v) for v in row] if isinstance(row, list) else number_of_text(row) for row in value]
    if isinstance(value, str):
        number = misread(value)
        if number is NOT_A_NUMBER:
            return _VALUE_ERROR
        return value if number is None else number
    return value


_VALUE_ERROR = {"type": "Error", "kind": "#VALUE!"}


FUNCTIONS[NUMBER] = Function(NUMBER, engine_call(number_of_text), 1, 1)


#: functions whose result may be a cell's text or text they make: a call of one in arithmetic is read as a number
#: too (``VLOOKUP(..)*1``, ``TRIM(A2)*1``), and a formula cell calling one on such text may hold such text itself
TEXT_GIVING = frozenset(
    "INDEX VLOOKUP HLOOKUP XLOOKUP LOOKUP OFFSET INDIRECT CHOOSE IF IFS IFERROR IFNA SWITCH LET SINGLE TRIM CLEAN "
    "SUBSTITUTE REPLACE LEFT RIGHT MID TEXT UPPER LOWER PROPER CONCAT CONCATENATE TEXTJOIN TEXTBEFORE TEXTAFTER T "
    "FIXED DOLLAR".split()
)
_TEXT_GIVING_CALL = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(?:" + "|".join(sorted(TEXT_GIVING)) + r")\(|&")
_DIGITS = re.compile(r"\d+")
#: the call .arguments writes a text joined with & as (.text's _joined_text)
_JOINED = "_XLR.JOINED"
_BARE_REFERENCE = re.compile(r"\s*" + _REFERENCE.pattern + r"\s*")


class _Index:
    """The cells of :func:`number_text_formulas`, by sheet (lower case) and column: which a reference covers."""

    def __init__(self, cells: dict[str, set[tuple[int, int]]]) -> None:
        self.columns: dict[str, dict[int, list[int]]] = {}
        for sheet, places in cells.items():
            self.add(sheet, places)

    def add(self, sheet: str, places: Iterable[tuple[int, int]]) -> None:
        columns = self.columns.setdefault(sheet.lower(), {})
        for r, c in places:
            insort(columns.setdefault(c, []), r)

    def covers(self, reference: str, sheet: str) -> bool:
        match = _REFERENCE.fullmatch(reference.strip())
        if match is None:
            return False
        quoted, plain, area = match.groups()
        target = quoted.replace("''", "'") if quoted else plain or sheet
        columns = self.columns.get(target.lower())
        if not columns:
            return False
        try:
            left, top, right, bottom = range_boundaries(area.replace("$", "").upper())
        except (ValueError, TypeError):
            return False
        left, top = left or 1, top or 1
        right, bottom = right or 16384, bottom or 1048576
        for column, rows in columns.items():
            if left <= column <= right:
                k = bisect_left(rows, top)
                if k < len(rows) and rows[k] <= bottom:
                    return True
        return False

    def mentioned(self, text: str, sheet: str) -> bool:
        """Whether any reference in a formula's text (string literals aside) covers one of the cells."""
        bare = _STRING.sub('""', text)
        return any(self.covers(m.group(0), sheet) for m in _REFERENCE.finditer(bare))


def _as_index(cells: dict[str, set[tuple[int, int]]] | _Index) -> _Index:
    return cells if isinstance(cells, _Index) else _Index(cells)


def _neighbour(tokens: list[Token], k: int, step: int) -> int:
    """The index of the nearest token before (``step`` -1) or after (1) token ``k`` that is not a space (-1 or
    ``len(tokens)`` when none is)."""
    k += step
    while 0 <= k < len(tokens) and tokens[k].type == Token.WSPACE:
        k += step
    return k


def _at(tokens: list[Token], k: int) -> Token | None:
    return tokens[k] if 0 <= k < len(tokens) else None


def _arithmetic(before: Token | None, after: Token | None) -> bool:
    if before is not None and before.type in (Token.OP_IN, Token.OP_PRE) and before.value in _ARITHMETIC:
        return True
    if after is not None and after.type == Token.OP_IN and after.value in _ARITHMETIC:
        return True
    return after is not None and after.type == Token.OP_POST and after.value == "%"


def _function_of(tokens: list[Token], k: int) -> str | None:
    """The name of the function whose argument list holds token ``k`` directly (None: none, or inside parentheses)."""
    depth = 0
    for j in range(k - 1, -1, -1):
        token = tokens[j]
        if token.subtype == Token.CLOSE:
            depth += 1
        elif token.subtype == Token.OPEN:
            if depth == 0:
                if token.type == Token.FUNC:
                    return _name(token)
                return None
            depth -= 1
    return None


def _name(token: Token) -> str:
    return token.value[:-1].rpartition(":")[2].upper().removeprefix("_XLFN.").removeprefix("_XLWS.")


def _closing(tokens: list[Token], k: int) -> int:
    """The index of the token closing the call or bracket opened at ``k`` (the last token when none does)."""
    return min(argument_spans(tokens, k)[1], len(tokens) - 1)


#: the names binding the operands of a formula's final + or - (.final_operations.rewrite_final)
_FINAL_OPERANDS = frozenset(("_xlr_l", "_xlr_r"))


def _read_as_number(tokens: list[Token], first: int, last: int) -> str | None:
    """How the operand from token ``first`` to ``last`` (brackets around it alone looked through) is read as a
    number: ``"operand"`` of + - * / ^ or %, ``"argument"`` the whole argument of a function of one number, or None."""
    while True:
        b, a = _neighbour(tokens, first, -1), _neighbour(tokens, last, 1)
        before, after = _at(tokens, b), _at(tokens, a)
        if before is None or after is None or before.type != Token.PAREN or after.type != Token.PAREN:
            break
        if before.subtype != Token.OPEN or after.subtype != Token.CLOSE:
            break
        first, last = b, a
    if _arithmetic(before, after):
        return "operand"
    if before is not None and before.type == Token.SEP and after is not None and after.type == Token.SEP:
        bound = _at(tokens, _neighbour(tokens, b, -1))  # LET(_xlr_l,A1,_xlr_r,..): a final + or - (final_operations)
        if bound is not None and bound.value in _FINAL_OPERANDS:
            return "operand"
    whole = (before is not None and (before.type == Token.SEP or before.type == Token.FUNC)) and (
        after is not None and (after.type == Token.SEP or after.subtype == Token.CLOSE)
    )
    return "argument" if whole and _function_of(tokens, first) in SCALAR_NUMBER_FUNCTIONS else None


def _joins(tokens: list[Token], start: int, close: int) -> bool:
    """Whether the brackets from ``start`` to ``close`` hold an ``&`` of their own (not inside a call or bracket)."""
    depth = 0
    for token in tokens[start + 1 : close]:
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
        elif depth == 0 and token.type == Token.OP_IN and token.value == "&":
            return True
    return False


def rewrite_number_texts(
    formula: str, sheet: str, cells: dict[str, set[tuple[int, int]]] | _Index, calls: bool = False
) -> str:
    """``formula`` (with its ``=``), when it reads one of ``cells`` (by sheet), with each operand read as a number --
    of + - * / ^ or %, or the whole argument of a function of one number (:data:`SCALAR_NUMBER_FUNCTIONS`) -- that
    may be such text passed through ``_XLR.NUMBER``: a reference to one of the cells (a single cell only, as a
    function's argument), or a call of a function that may give text (:data:`TEXT_GIVING`), and with ``calls``
    brackets joining text with ``&`` (``("$"&G2)*1``). The same text when there is none. ``calls``: the calls are
    wrapped whether or not the formula reads one of the cells (a formula that gave #VALUE!: ``=TEXT(A1,"$#,##0")+0``).

    >>> rewrite_number_texts("=A1*1+SUM(A1:A3)+ROUND(A2,-2)+(A1)", "S", {"S": {(1, 1), (2, 1)}})
    '=_XLR.NUMBER(A1)*1+SUM(A1:A3)+ROUND(_XLR.NUMBER(A2),-2)+(_XLR.NUMBER(A1))'
    >>> rewrite_number_texts('=VLOOKUP(1,A1:B3,2,0)*1+LEN(A1)*2', "S", {"S": {(1, 2)}})
    '=_XLR.NUMBER(VLOOKUP(1,A1:B3,2,0))*1+LEN(A1)*2'
    >>> rewrite_number_texts("=B1*1", "S", {"S": {(1, 1)}})
    '=B1*1'
    >>> rewrite_number_texts('=--(A2&"-"&B2)+(D2&":"&E2)*24', "S", {}, calls=True)
    '=--_XLR.NUMBER((A2&"-"&B2))+_XLR.NUMBER((D2&":"&E2))*24'
    """
    index = _as_index(cells)
    if not formula.startswith("=") or not (calls or index.mentioned(formula[1:], sheet)):
        return formula
    try:
        tokens = Tokenizer(formula).items
    except Exception:  # a formula openpyxl cannot split: left as it is
        return formula
    changed = False
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and index.covers(token.value, sheet):
            read = _read_as_number(tokens, k, k)
            if read == "operand" or (read == "argument" and ":" not in token.value.split("!")[-1]):
                token.value = f"{NUMBER}({token.value})"
                changed = True
        elif (
            token.type == Token.FUNC
            and token.subtype == Token.OPEN
            and (
                _name(token) in TEXT_GIVING or calls and _name(token) == _JOINED  # (A2&"-"&B2)+0, its & made a call
            )
        ):
            close = _closing(tokens, k)
            after = _at(tokens, _neighbour(tokens, close, 1))
            ranged = ":" in token.value or (after is not None and after.value.startswith(":"))  # INDEX(..):B5
            if not ranged and _read_as_number(tokens, k, close):
                head, colon, rest = token.value.rpartition(":")
                token.value = f"{head}{colon}{NUMBER}({rest}"
                tokens[close].value += ")"
                changed = True
        elif calls and token.type == Token.PAREN and token.subtype == Token.OPEN:
            close = _closing(tokens, k)  # ("Mar"&"-"&B2)+0: text joined with & read as a number (H187's 11)
            if _joins(tokens, k, close) and _read_as_number(tokens, k, close) == "operand":
                token.value = f"{NUMBER}({token.value}"
                tokens[close].value += ")"
                changed = True
        k += 1
    if not changed:
        return formula
    return "=" + "".join(t.value for t in tokens)


#: a text typed in a formula that may be a number Excel reads where the engine does not (:func:`misread`): a date of
#: 1900 or before ("2/29/1900"), a day and month without a year ("15-Jan"), a formatted number ("$1,200"), a whole
#: number and a fraction ("1 1/2")
MISREAD_LITERAL = re.compile(
    r'"(?:[^"]{0,30}?(?<![\d.,])(?:1[0-8]\d\d|190[0-3])(?![\d.,])[^"]{0,30}|\s*(?:'
    + _DAY_MONTH.decode()
    + r"|"
    + _OTHER_DATE.decode()
    + r"|"
    + _ENGINE_DATE.decode()
    + r"|"
    + _FRACTION.decode()
    + r')\s*|(?=[^"]*[$(,])[\s(+\-$]*[\d.,]*\d[\d.,]*(?:[eE][+-]?\d+)?[\s%)]*)"'
)


def number_literals(tokens: list[Token]) -> bool:
    """Each text typed in the formula (``tokens``, changed in place) that arithmetic or a function of one number
    reads as a number, and that Excel reads otherwise than the engine (:func:`misread`), made that number:
    ``="2/29/1900"+0`` is ``=60+0`` (the engine said #VALUE!), ``="12/31/1899"+0`` is ``=#VALUE!+0`` (the engine counted
    back from 0), ``="15-Jan"+0`` the current year's day. True when one was changed.

    A date is read when the formula runs, in the workbook's date system (:func:`.typed.date_literal`).

    >>> tokens = Tokenizer('="$1,200"+0+LEN("1/1/1800")-"12/31/1899"*1').items
    >>> number_literals(tokens), "".join(t.value for t in tokens)
    (True, '1200+0+LEN("1/1/1800")-#VALUE!*1')
    >>> tokens = Tokenizer('="2/29/1900"+0').items
    >>> number_literals(tokens), "".join(t.value for t in tokens)
    (True, '_XLR.DATEDVALUE("2/29/1900",DATE(1904,1,1))+0')
    """
    changed = False
    for k, token in enumerate(tokens):
        if token.type != Token.OPERAND or token.subtype != Token.TEXT or len(token.value) < 3:
            continue
        value = misread(token.value[1:-1].replace('""', '"'))
        if value is None or _read_as_number(tokens, k, k) is None:
            continue
        dated = None if value is NOT_A_NUMBER else date_literal(token.value)
        if value is NOT_A_NUMBER:
            token.value, token.subtype = "#VALUE!", Token.ERROR
        elif dated is not None:  # read when the formula runs, in the workbook's date system
            token.value, token.subtype = dated, Token.RANGE
        else:
            shown = repr(value).removesuffix(".0")
            token.value, token.subtype = (f"({shown})" if value < 0 else shown), Token.NUMBER
        changed = True
    return changed


def may_give_number_text(text: str) -> bool:
    """Whether a formula (its stored text, without ``=``) may give text read as a number when it reads such text:
    a call of a function of :data:`TEXT_GIVING`, an ``&``, or a reference alone (``=A1``).

    >>> may_give_number_text("TRIM(A2)"), may_give_number_text("Data!B2"), may_give_number_text("SUM(A1:A3)")
    (True, True, False)
    """
    return _TEXT_GIVING_CALL.search(text) is not None or _BARE_REFERENCE.fullmatch(text) is not None


def formatted_results(cells: dict[str, Any]) -> set[tuple[int, int]]:
    """The (row, column) of a sheet's formula cells (the package scan's, by reference) whose value the file holds is
    text :func:`misread` reads as a number (``=TEXT(A1,"#,##0")`` saved as "1,234")."""
    found = set()
    for ref in [ref for ref, cell in cells.items() if type(cell.cached) is str]:
        if misread(cells[ref].cached) is not None:
            column, row = coordinate_from_string(ref)
            found.add((row, column_index_from_string(column)))
    return found


def number_text_formulas(
    texts: dict[str, Any],
    rewritten: list[tuple[str, int, int, str]],
    cells: dict[str, set[tuple[int, int]]],
) -> list[tuple[str, int, int, str]]:
    """``rewritten`` (sheet, row, column, formula given to the engine) with every formula that reads one of ``cells``
    (text cells holding "1,234"-like numbers, by sheet) as a number rewritten by :func:`rewrite_number_texts`;
    ``texts``: each sheet's :class:`~xl_retention.recalculation.formula_texts.FormulaTexts` (stored formulas without
    ``=``, by position). Formula cells that read such text and may give it on (:func:`may_give_number_text`:
    ``=TRIM(A2)``, ``=A2``) count as such cells too, in turn. A formula already rewritten is rewritten from its
    rewritten form."""
    if not cells:
        return rewritten
    index = _Index(cells)
    pending = {(sheet, place) for sheet, found in texts.items() for place in found.positions()}
    known = {(sheet.lower(), place) for sheet, places in cells.items() for place in places}
    grew = True
    while grew:  # formula cells passing such text on, until no more are found
        grew = False
        for sheet, place in sorted(pending):
            if (sheet.lower(), place) in known:
                continue
            text = texts[sheet][place]
            if may_give_number_text(text) and index.mentioned(text, sheet):
                index.add(sheet, [place])
                known.add((sheet.lower(), place))
                grew = True
    done = {(sheet, r, c): k for k, (sheet, r, c, _) in enumerate(rewritten)}
    out = list(rewritten)
    for sheet, found in texts.items():
        for r, c in found.positions():
            k = done.get((sheet, r, c))
            source = out[k][3] if k is not None else "=" + found[(r, c)]
            new = rewrite_number_texts(source, sheet, index)
            if new != source:
                if k is None:
                    out.append((sheet, r, c, new))
                else:
                    out[k] = (sheet, r, c, new)
    return out


def number_text_results(
    values: dict[str, dict[str, Any]],
    texts: dict[str, Any],
    rewritten: list[tuple[str, int, int, str]],
    cells: dict[str, set[tuple[int, int]]],
) -> list[tuple[str, int, int, str]]:
    """After an evaluation: the formulas to give the engine again because a formula cell's value is text read as a
    number ("1,234" from ``=TRIM(A2)`` or ``=TEXT(A1,"#,##0")``) that :func:`number_text_formulas` did not know of.

    ``values``: each sheet's formula values by reference (``values["S"]["B2"]``); ``texts``: each sheet's
    :class:`~xl_retention.recalculation.formula_texts.FormulaTexts`; ``rewritten``: the formulas the engine was given
    (sheet, row, column, formula) other than the stored ones; ``cells``: the cells already known (by sheet), updated
    in place with the new ones. Empty when there are none (the common case: one pass over the text values).
    """
    new: dict[str, set[tuple[int, int]]] = {}
    failed: dict[str, set[tuple[int, int]]] = {}  # #VALUE! of a formula that may read text it makes as a number
    for sheet, by_ref in values.items():
        found = texts.get(sheet)
        if found is None:
            continue
        places = None
        for ref, value in by_ref.items():
            kind = type(value)
            if kind is float:
                continue
            if kind is str:
                ends = value.strip(" ")  # "185\t" made by =A1&CHAR(9): no number to Excel (spaced_texts)
                spaced = ends[:1] in SPACES or ends[-1:] in SPACES
                if not spaced and "," not in value and "$" not in value and "(" not in value:
                    continue
                if misread(value) is None:
                    continue
            elif kind is not CellError or value.code != "#VALUE!":
                continue
            if places is None:
                places = {r: p for p, r in found.refs.items()}
            place = places.get(ref)
            if place is not None and place not in cells.get(sheet, ()):
                (new if kind is str else failed).setdefault(sheet, set()).add(place)
    given = {(sheet, r, c): formula for sheet, r, c, formula in rewritten}
    out = []
    shapes: dict[str, bool] = {}  # a column of #VALUE! filled down is tokenized once (its rows' digits aside)
    for sheet, places in failed.items():
        for r, c in places:
            source = given.get((sheet, r, c), "=" + texts[sheet][(r, c)])
            if not _TEXT_GIVING_CALL.search(source):
                continue
            key = _DIGITS.sub("0", source)
            if shapes.get(key) is False:
                continue
            formula = rewrite_number_texts(source, sheet, {}, calls=True)
            shapes[key] = formula != source
            if formula != source:
                out.append((sheet, r, c, formula))
                given[(sheet, r, c)] = formula
    for sheet, r, c, formula in spaced_formulas(values, texts, given):  # =("185"&CHAR(9))+0 gave 185: #VALUE!
        out.append((sheet, r, c, formula))
        given[(sheet, r, c)] = formula
    if not new:
        return out
    for sheet, places in new.items():
        cells.setdefault(sheet, set()).update(places)
    start = [(sheet, r, c, formula) for (sheet, r, c), formula in given.items()]
    done = {(sheet, r, c) for sheet, r, c, _ in out}
    for sheet, r, c, formula in number_text_formulas(texts, start, cells):
        if formula != given.get((sheet, r, c), "=" + texts[sheet][(r, c)]) or (sheet, r, c) in done:
            out = [item for item in out if item[:3] != (sheet, r, c)]
            out.append((sheet, r, c, formula))
    return out
