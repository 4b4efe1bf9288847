"""Empty arguments of xl-retention's own functions, passed to the engine as Excel passes them to an add-in.

An argument left empty (``=NPS_MOE(A1:A6,)``, ``=BGNBD_CLV(...,h,,24)``: Excel's Function Arguments dialog and
copy-edited formulas leave these) is a *missing* argument to an add-in function: Excel passes xltypeMissing, xlwings
then uses the Python default (for xl-retention's functions ``None``, a blank), so an optional argument takes its
registry default as when it is omitted, and a required one is blank. formualizer passes an empty argument to a
registered function as the number 0, which would be read as a given 0 (confidence 0: ``#NUM!``; total 0:
``#DIV/0!``). :func:`omit_empty_arguments` makes the formula say what Excel means:

- empty arguments at the end, past the function's required ones, are dropped (the same as omitted);
- any other empty argument becomes ``""``, a blank, which :func:`xl_retention.cells.evaluate` reads as an omitted
  optional argument (its default) or a blank required one, as the xlwings layer reads ``None``;
- Excel's EXPAND, which this package computes (:mod:`.excel_functions.wraps`): an empty rows or columns is the
  array's own (``ROWS(array)``, ``COLUMNS(array)``), as Microsoft's page says;
- an empty text argument of Excel's text functions is the empty text (``SUBSTITUTE(A1,"-",)``, the usual way to take
  characters out, ``TEXTJOIN(,TRUE,A1:A3)``, ``REPLACE(A1,1,3,)``, ``CONCATENATE("a",,"b")``), where the engine's 0
  put "0" in (``a0b``, with status ok);
- an empty optional argument of Excel 365's TAKE, TEXTBEFORE, TEXTAFTER, TEXTSPLIT, SEQUENCE, RANDARRAY, WRAPROWS,
  WRAPCOLS and EXPAND is its default (``TAKE(A1:B3,,1)``: every row; the engine's 0 took none), as ADDRESS's abs_num
  and a1 (``ADDRESS(2,3,,FALSE)`` R2C3) and the weekend of NETWORKDAYS.INTL and WORKDAY.INTL (Saturday and Sunday)
  are.

>>> omit_empty_arguments("=NPS_MOE(A1:A6,)"), omit_empty_arguments("=CRR(A1,,C1)")
('=NPS_MOE(A1:A6)', '=CRR(A1,"",C1)')
>>> omit_empty_arguments('=SUBSTITUTE(A1,"-",)'), omit_empty_arguments("=_xlfn.TEXTJOIN(,TRUE,A1:A3)")
('=SUBSTITUTE(A1,"-","")', '=_xlfn.TEXTJOIN("",TRUE,A1:A3)')
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from ..registry import BY_NAME
from ..sheet_names import SHEET
from .excel_functions.arguments import _arguments as argument_spans

__all__ = ["EMPTY_ARGUMENT", "may_omit", "omit_empty_arguments", "omit_in_tokens"]

#: an empty argument: a comma before another comma or the closing bracket, or right after the opening one
EMPTY_ARGUMENT = re.compile(r",\s*[,)]|\(\s*,")
#: Excel functions whose empty arguments Excel reads otherwise than the engine (which passes the number 0), and what
#: stands for each (``{0}``: the text of the first argument): EXPAND(A1,,3) keeps the array's own rows; an empty
#: text argument is the empty text, "" (``SUBSTITUTE(A1,"-",)`` takes the hyphens out, ``TEXTJOIN(,TRUE,A1:A3)``
#: joins without a delimiter; the engine put in "0": "a0b")
_EMPTY_TEXT = '""'
_EXCEL_DEFAULTS: dict[str, dict[int, str]] = {
    "EXPAND": {1: "ROWS({0})", 2: "COLUMNS({0})", 3: "NA()"},
    **dict.fromkeys(("SUBSTITUTE",), dict.fromkeys((0, 1, 2), _EMPTY_TEXT)),
    **dict.fromkeys(("REPLACE", "REPLACEB"), dict.fromkeys((0, 3), _EMPTY_TEXT)),
    **dict.fromkeys(("CONCATENATE", "CONCAT"), dict.fromkeys(range(255), _EMPTY_TEXT)),
    "TEXTJOIN": dict.fromkeys((0, *range(2, 255)), _EMPTY_TEXT),
    **dict.fromkeys(("FIND", "SEARCH", "FINDB", "SEARCHB", "EXACT"), dict.fromkeys((0, 1), _EMPTY_TEXT)),
    **dict.fromkeys(("LEFT", "RIGHT", "MID", "LEFTB", "RIGHTB", "MIDB", "REPT"), {0: _EMPTY_TEXT}),
    "INDEX": {1: "0", 2: "0"},  # INDEX(A1:B4,,2): the whole column, as INDEX(A1:B4,0,2)
    # Excel 365's functions take an empty optional argument as omitted: its default (Microsoft's pages: "=TAKE(A2:C4,
    # ,2)" the first two columns; SEQUENCE "any missing optional arguments will default to 1"), where the engine's 0
    # took no rows (=SUM(TAKE(A1:B3,,1)) 0, status ok) or refused (#VALUE!)
    "TAKE": {1: "ROWS({0})", 2: "COLUMNS({0})"},  # every row (column)
    **dict.fromkeys(("TEXTBEFORE", "TEXTAFTER"), {2: "1"}),  # instance_num
    "SEQUENCE": {0: "1", 1: "1"},
    # TEXTSPLIT(A1,,","), Microsoft's way to split into rows: an empty delimiter is none (the engine's 0 split at
    # every digit 0: "100,200" gave "1","2"); an empty pad_with is #N/A, as for WRAPROWS, WRAPCOLS and EXPAND
    "TEXTSPLIT": {1: _EMPTY_TEXT, 2: _EMPTY_TEXT, 5: "NA()"},
    **dict.fromkeys(("WRAPROWS", "WRAPCOLS"), {2: "NA()"}),
    "RANDARRAY": {0: "1", 1: "1", 3: "1"},  # rows, columns, max
    # an empty weekend is Saturday and Sunday, as omitted (Excel: NETWORKDAYS.INTL(DATE(2025,1,1),DATE(2026,1,1),)
    # 262, WORKDAY.INTL(DATE(2025,1,10),10,) 45681; a blank CELL there is 0: #NUM!, .excel_functions.day_counts); empty
    # holidays are none (the engine's 0 made serial 0 a holiday)
    **dict.fromkeys(("NETWORKDAYS.INTL", "WORKDAY.INTL"), {2: "1", 3: _EMPTY_TEXT}),
    **dict.fromkeys(("NETWORKDAYS", "WORKDAY"), {2: _EMPTY_TEXT}),
    # ADDRESS(2,3,,FALSE): an empty abs_num is 1 (absolute), an empty a1 TRUE (ECMA-376 Part 1's own example:
    # ADDRESS(5,7,,,"Sheet1") is Sheet1!$G$5); the engine's 0 gave #VALUE!
    "ADDRESS": {2: "1", 3: "TRUE"},
}

_OWN_CALL = re.compile(
    r"(?i)(?<![\w.])(?:_xlfn\.)?(?:"
    + "|".join(sorted(map(re.escape, [*BY_NAME, *_EXCEL_DEFAULTS]), key=len, reverse=True))
    + r")\s*\("
)


#: INDEX of a range typed in (or an array constant) with a row number only, no comma at its second argument's top
_INDEX_ROW = re.compile(
    r"(?i)(?<![\w.])INDEX\(\s*(?:(?:" + SHEET + r"!)?(?:\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+"
    r"|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)|\{[^{}]*\})\s*,(?:[^(),]|\((?:[^()]|\([^()]*\))*\))*\)"
)


def may_omit(text: str) -> bool:
    """Whether ``text`` (a formula) may call one of xl-retention's functions, or an Excel function of
    :data:`_EXCEL_DEFAULTS`, with an empty argument, or INDEX of several rows and columns with a row only (cheap)."""
    if EMPTY_ARGUMENT.search(text) is not None and _OWN_CALL.search(text) is not None:
        return True
    return "INDEX(" in text.upper() and _INDEX_ROW.search(text) is not None


def _dimensions(argument: list[Token]) -> tuple[int, int] | None:
    """(rows, columns) of an argument that is a range typed in (``A1:B4``, ``S!A:B``, ``2:3``) or an array constant,
    else None."""
    solid = [t for t in argument if t.type != Token.WSPACE]
    if len(solid) == 1 and solid[0].type == Token.OPERAND and solid[0].subtype == Token.RANGE:
        try:
            left, top, right, bottom = range_boundaries(solid[0].value.rpartition("!")[2].replace("$", ""))
        except (ValueError, TypeError):
            return None
        left, top, right, bottom = left or 1, top or 1, right or 16384, bottom or 1048576
        return bottom - top + 1, right - left + 1
    if solid and solid[0].type == Token.ARRAY and solid[0].subtype == Token.OPEN and solid[-1].subtype == Token.CLOSE:
        inner = solid[1:-1]
        if any(t.type == Token.ARRAY for t in inner):
            return None
        rows = 1 + sum(t.type == Token.SEP and t.subtype == Token.ROW for t in inner)
        columns = 1 + sum(t.type == Token.SEP and t.subtype == Token.ARG for t in inner) // rows
        return rows, columns
    return None


def _called(token: Token) -> str:
    """The function a call's opening token names, upper case; an end of a range too (the tokenizer reads
    ``A1:INDEX(`` as one token: ``SUM(A1:INDEX(A1:B4,2))`` sums A1:B2 in Excel, the row being the range's end).

    >>> _called(Token("A1:INDEX(", Token.FUNC, Token.OPEN)), _called(Token("_xlfn.XLOOKUP(", Token.FUNC, Token.OPEN))
    ('INDEX', '_XLFN.XLOOKUP')
    """
    return token.value[:-1].rpartition(":")[2].strip().upper()


def whole_rows(tokens: list[Token]) -> bool:
    """Each INDEX of a range (or array constant) of several rows and columns given a row number only made
    ``INDEX(range,row,0)``, in place: Excel's INDEX then gives the whole row ("If array has more than one row and
    more than one column, and only row_num or column_num is used, INDEX returns an array of the entire row or
    column"); the engine gave the row's first cell (``SUM(INDEX(A1:B4,2))`` 2 where Excel sums A2:B2). True when one
    was.

    >>> tokens = list(Tokenizer("=SUM(INDEX(A1:B4,2))+INDEX(A1:A4,2)+INDEX({1,2;3,4},MATCH(3,C1:C2,0))").items)
    >>> whole_rows(tokens), "".join(t.value for t in tokens)
    (True, 'SUM(INDEX(A1:B4,2,0))+INDEX(A1:A4,2)+INDEX({1,2;3,4},MATCH(3,C1:C2,0),0)')
    >>> tokens = list(Tokenizer("=SUM(A1:INDEX(A1:B4,2))").items)
    >>> whole_rows(tokens), "".join(t.value for t in tokens)
    (True, 'SUM(A1:INDEX(A1:B4,2,0))')
    """
    places = []
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _called(token) != "INDEX":
            continue
        try:
            spans, close = argument_spans(tokens, i)
        except ValueError:
            return False  # unbalanced: the engine decides
        row = [tokens[k] for k in range(*spans[1]) if tokens[k].type != Token.WSPACE]
        if len(spans) != 2 or not row or any(t.type == Token.ARRAY for t in row):
            continue  # an array of rows ({1;2}): one cell each, as the engine lifts it (left as it is)
        if len(row) == 1 and row[0].type == Token.OPERAND and row[0].subtype == Token.RANGE and ":" in row[0].value:
            continue
        size = _dimensions(tokens[spans[0][0] : spans[0][1]])
        if size is not None and min(size) > 1:
            places.append(close)
    for close in reversed(places):
        tokens[close:close] = [Token(",", Token.SEP, Token.ARG), Token("0", Token.OPERAND, Token.NUMBER)]
    return bool(places)


def omit_in_tokens(tokens: list[Token], defined: dict[str, str] | None = None) -> bool:
    """The empty arguments of xl-retention's functions in ``tokens`` (no whitespace tokens between a comma and what
    follows it matters: they are skipped) made explicit, in place; True when a token changed. A function the
    workbook defines a LAMBDA name of its own for (``defined``, lower case) is the workbook's: left as it is."""
    changed = whole_rows(tokens)
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _called(token)
        if name.removeprefix("_XLFN.") in _EXCEL_DEFAULTS:
            changed = _excel_defaults(tokens, i, _EXCEL_DEFAULTS[name.removeprefix("_XLFN.")]) or changed
            continue
        function = BY_NAME.get(name)
        if function is None or (defined and name.lower() in defined):
            continue
        try:
            spans = argument_spans(tokens, i)[0]
        except ValueError:
            return changed  # unbalanced: the engine decides
        separators = [end for _, end in spans[:-1]]  # the comma ending each argument but the last
        empty = [all(tokens[k].type == Token.WSPACE for k in range(a, b)) for a, b in spans]
        if (len(spans) == 1 and empty[0]) or len(spans) > len(function.args) or not any(empty):
            continue  # F() has no argument; too many arguments: the engine's message
        required = sum(not a.optional for a in function.args)
        keep = len(spans)
        while keep > required and empty[keep - 1]:
            keep -= 1
        for position in range(len(spans)):
            if position >= keep:
                tokens[separators[position - 1]].value = ""  # the comma before a dropped argument
            elif empty[position]:
                opener = tokens[i] if position == 0 else tokens[separators[position - 1]]
                opener.value += '""'
            else:
                continue
            changed = True
    return changed


def _excel_defaults(tokens: list[Token], i: int, defaults: dict[int, str]) -> bool:
    """The empty arguments of an Excel function call (tokens[i] opens it) at the positions of ``defaults`` filled
    with what Excel takes for them; True when one was."""
    try:
        spans = argument_spans(tokens, i)[0]
    except ValueError:  # unbalanced: the engine decides
        return False
    first = "".join(t.value for t in tokens[spans[0][0] : spans[0][1]])
    changed = False
    for position, (a, b) in enumerate(spans):
        given = first.strip() or "{0}" not in defaults.get(position, "")
        if position in defaults and given and all(tokens[k].type == Token.WSPACE for k in range(a, b)):
            tokens[a - 1].value += defaults[position].format(first)  # after the separator before it
            changed = True
    return changed


def omit_empty_arguments(formula: str, defined: dict[str, str] | None = None) -> str:
    """``formula`` (starting with ``=``) with the empty arguments of xl-retention's functions made explicit (see the
    module docstring); the same text when there are none or the tokenizer cannot read it."""
    if not may_omit(formula):
        return formula
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # not a formula the tokenizer understands: the engine decides
        return formula
    if not omit_in_tokens(tokens, defined):
        return formula
    return "=" + "".join(t.value for t in tokens)
