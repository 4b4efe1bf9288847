"""Cells holding numbers typed as formatted text ("1,234", "$1,200", "(50)") read as numbers in arithmetic.

Excel converts text to a number in arithmetic (``=A1*1``, ``=--A1``, ``=A1+B1``) and where a function takes one
number (``ROUND(A1,-2)``, ``ABS(A1)``) as it reads a typed entry (en-US): "1,234" is 1234, "$1,200" 1200, "(50)" -50
(Microsoft, "Convert numbers stored as text to numbers": multiply by 1 or use ``--``). The embedded engine reads
plain numeric text, percentages and dates so, but gives #VALUE! for thousands separators, currency signs and
accounting parentheses, which ``IFERROR`` or ``ISNUMBER`` then hide.

This module finds such cells in the package (:func:`shared_candidates`, :func:`text_cells`) and rewrites the
formulas that read them in those places (:func:`rewrite_number_texts`): the reference is passed through
``_XLR.NUMBER`` (:func:`number_of_text`), which reads formatted numeric text as VALUE does
(:func:`.text.text_to_number`) and leaves every other value as it is (so the engine's own rules apply to it).
A reference given whole to a function that skips text in ranges (``SUM(A1:A3)``) is left alone, as Excel leaves
such text out.

>>> number_of_text("$1,200"), number_of_text("(50)"), number_of_text("abc"), number_of_text(None)
(1200.0, -50.0, 'abc', None)
"""

from __future__ import annotations

import html
import re
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from ._core import FUNCTIONS, Function, engine_call
from .text import text_to_number

#: the engine-level name of :func:`number_of_text`
NUMBER = "_XLR.NUMBER"

#: a shared string that may be a formatted number (digits with a thousands separator, currency sign or parentheses)
_SHARED_CANDIDATE = re.compile(
    rb"<t(?:\s[^>]*)?>\s*[(+\-$]*\s*[+\-$]*[\d.,]*\d[\d.,]*(?:[eE][+-]?\d+)?\s*%?\s*\)?\s*</t>"
)
_SI = re.compile(rb"<si>(.*?)</si>|<si/>|<si\s*/>", re.DOTALL)
_T = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>")
#: a text or inline-string cell: reference, type, body
_TEXT_CELL = re.compile(
    rb'<c\s(?=[^>]*\br="([A-Z]{1,3})(\d+)")(?=[^>]*\bt="(s|inlineStr)")[^>]*(?<!/)>(.*?)</c>', re.DOTALL
)
_REFERENCE = re.compile(
    r"(?:(?:'((?:[^']|'')+)'|([\w.]+))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)"
)
_STRING = re.compile(r'"(?:[^"]|"")*"')
_ARITHMETIC = frozenset("+-*/^")
#: functions whose arguments are each one number: a text cell given to them is read as in arithmetic
SCALAR_NUMBER_FUNCTIONS = frozenset(
    "ROUND ROUNDUP ROUNDDOWN INT ABS MOD TRUNC SIGN SQRT EXP LN LOG LOG10 POWER EVEN ODD FACT MROUND QUOTIENT "
    "CEILING FLOOR CEILING.MATH FLOOR.MATH ISO.CEILING CEILING.PRECISE FLOOR.PRECISE DEGREES RADIANS "
    "SIN COS TAN ASIN ACOS ATAN".split()
)


def misread(text: str) -> float | None:
    """The number Excel reads from ``text`` in arithmetic where the engine gives #VALUE! (a formatted number:
    thousands separators, a currency sign, accounting parentheses), else None.

    >>> misread("1,234"), misread("$1,200"), misread("(50)"), misread("12"), misread("5%"), misread("Jan 5, 2024")
    (1234.0, 1200.0, -50.0, None, None, None)
    """
    if not any(mark in text for mark in ",$("):
        return None
    if not re.search(r"\d", text) or re.search(r"[A-DF-Za-df-z]", text):
        return None
    value = text_to_number(text)
    return value if isinstance(value, float) else None


def shared_candidates(shared_xml: bytes) -> dict[int, float]:
    """Index -> number of the shared strings (``xl/sharedStrings.xml``'s bytes) the engine misreads (:func:`misread`).

    >>> shared_candidates(b'<sst><si><t>a</t></si><si><t>1,234</t></si><si><r><t>(5</t></r><r><t>0)</t></r></si></sst>')
    {1: 1234.0, 2: -50.0}
    """
    if not _SHARED_CANDIDATE.search(shared_xml) and b"<r>" not in shared_xml:
        return {}
    found: dict[int, float] = {}
    for index, match in enumerate(_SI.finditer(shared_xml)):
        body = match.group(1) or b""
        if b"<rPh" in body:
            body = re.sub(rb"<rPh.*?</rPh>", b"", body, flags=re.DOTALL)
        text = _unescape(b"".join(_T.findall(body)))
        number = misread(text)
        if number is not None:
            found[index] = number
    return found


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return html.unescape(text) if "&" in text else text


def text_cells(sheet_xml: bytes, candidates: dict[int, float]) -> set[tuple[int, int]]:
    """The (row, column) of a sheet's cells (its XML) holding text :func:`misread` reads: shared strings among
    ``candidates`` or inline strings.

    >>> sorted(text_cells(b'<c r="A1" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>$5</t></is></c>', {1: 1.0}))
    [(1, 1), (2, 2)]
    >>> sorted(text_cells(b'<c r="A1" t="s"/><c r="B1"><v>1</v></c><c s="2" r="C1" t="s"><v>1</v></c>', {1: 1.0}))
    [(1, 3)]
    """
    if not candidates and b"inlineStr" not in sheet_xml:
        return set()
    cells = set()
    for match in _TEXT_CELL.finditer(sheet_xml):
        column, row, kind, body = match.groups()
        if kind == b"s":
            value = re.search(rb"<v>\s*(\d+)\s*</v>", body)
            if value is None or int(value.group(1)) not in candidates:
                continue
        elif misread(_unescape(b"".join(_T.findall(body)))) is None:
            continue
        cells.add((int(row), column_index_from_string(column.decode())))
    return cells


def number_of_text(value: Any) -> Any:
    """A value as arithmetic reads it: formatted numeric text as its number (VALUE's reading), else the value.

    A range (a list of rows) element by element; errors, numbers, logicals, blanks and other text unchanged.
    """
    if isinstance(value, list):
        return [[number_of_text(v) for v in row] if isinstance(row, list) else number_of_text(row) for row in value]
    if isinstance(value, str):
        number = misread(value)
        return value if number is None else number
    return value


FUNCTIONS[NUMBER] = Function(NUMBER, engine_call(number_of_text), 1, 1)


def _covers(reference: str, sheet: str, cells: dict[str, set[tuple[int, int]]]) -> bool:
    match = _REFERENCE.fullmatch(reference.strip())
    if match is None:
        return False
    quoted, plain, area = match.groups()
    target = quoted.replace("''", "'") if quoted else plain or sheet
    found = next((v for k, v in cells.items() if k.lower() == target.lower()), None)
    if not found:
        return False
    try:
        left, top, right, bottom = range_boundaries(area.replace("$", "").upper())
    except (ValueError, TypeError):
        return False
    left, top = left or 1, top or 1
    right, bottom = right or 16384, bottom or 1048576
    return any(top <= r <= bottom and left <= c <= right for r, c in found)


def _mentions(text: str, sheet: str, cells: dict[str, set[tuple[int, int]]]) -> bool:
    """A cheap test: whether any reference in the formula's text (string literals aside) covers one of ``cells``."""
    bare = _STRING.sub('""', text)
    return any(_covers(m.group(0), sheet, cells) for m in _REFERENCE.finditer(bare))


def _neighbour(tokens: list[Token], k: int, step: int) -> Token | None:
    k += step
    while 0 <= k < len(tokens) and tokens[k].type == Token.WSPACE:
        k += step
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
                    return token.value[:-1].upper().removeprefix("_XLFN.")
                return None
            depth -= 1
    return None


def rewrite_number_texts(formula: str, sheet: str, cells: dict[str, set[tuple[int, int]]]) -> str:
    """``formula`` (with its ``=``) with each reference to one of ``cells`` (by sheet) that is read as a number --
    an operand of + - * / ^ or %, or a single cell given to a function of one number
    (:data:`SCALAR_NUMBER_FUNCTIONS`) -- passed through ``_XLR.NUMBER``; the same text when there is none.

    >>> rewrite_number_texts("=A1*1+SUM(A1:A3)+ROUND(A2,-2)", "S", {"S": {(1, 1), (2, 1)}})
    '=_XLR.NUMBER(A1)*1+SUM(A1:A3)+ROUND(_XLR.NUMBER(A2),-2)'
    >>> rewrite_number_texts("=B1*1", "S", {"S": {(1, 1)}})
    '=B1*1'
    """
    if not formula.startswith("=") or not _mentions(formula[1:], sheet, cells):
        return formula
    try:
        tokens = Tokenizer(formula).items
    except Exception:  # a formula openpyxl cannot split: left as it is
        return formula
    changed = False
    for k, token in enumerate(tokens):
        if token.type != Token.OPERAND or token.subtype != Token.RANGE or not _covers(token.value, sheet, cells):
            continue
        before, after = _neighbour(tokens, k, -1), _neighbour(tokens, k, 1)
        wrap = _arithmetic(before, after)
        if not wrap and ":" not in token.value.split("!")[-1]:
            in_call = (before is not None and (before.type == Token.SEP or before.type == Token.FUNC)) and (
                after is not None and (after.type == Token.SEP or after.subtype == Token.CLOSE)
            )
            wrap = in_call and _function_of(tokens, k) in SCALAR_NUMBER_FUNCTIONS
        if wrap:
            token.value = f"{NUMBER}({token.value})"
            changed = True
    if not changed:
        return formula
    return "=" + "".join(t.value for t in tokens)


def number_text_formulas(
    texts: dict[str, Any],
    rewritten: list[tuple[str, int, int, str]],
    cells: dict[str, set[tuple[int, int]]],
) -> list[tuple[str, int, int, str]]:
    """``rewritten`` (sheet, row, column, formula given to the engine) with every formula that reads one of ``cells``
    as a number rewritten by :func:`rewrite_number_texts`; ``texts``: each sheet's
    :class:`~xl_retention.recalculation.formula_texts.FormulaTexts` (stored formulas without ``=``, by position).
    A formula already rewritten is rewritten from its rewritten form."""
    if not cells:
        return rewritten
    done = {(sheet, r, c): k for k, (sheet, r, c, _) in enumerate(rewritten)}
    out = list(rewritten)
    for sheet, found in texts.items():
        for r, c in found.positions():
            k = done.get((sheet, r, c))
            source = out[k][3] if k is not None else "=" + found[(r, c)]
            new = rewrite_number_texts(source, sheet, cells)
            if new != source:
                if k is None:
                    out.append((sheet, r, c, new))
                else:
                    out[k] = (sheet, r, c, new)
    return out
