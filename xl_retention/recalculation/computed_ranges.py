"""Ranges whose end is computed: ``A2:INDEX(A:A,COUNTA(A:A))``, ``A1:OFFSET(A1,n,0)``, ``INDEX(B:B,m):INDEX(B:B,n)``,
``A1:XLOOKUP(..)``, ``Start:INDEX(..)``, as Excel reads them: the range from one reference to the other.

The engine takes such a range as a reference where a function reads its argument as one (``SUM``, ``COUNT``), but
gives ``#REF!`` where its values are needed (``SUMPRODUCT(r*1)``, ``NPV(0,r)``, an Excel 365 formula spilling it), and
the rewrite's guard of COUNT's expressions (``IFERROR(r,"")``) made COUNT 0. :func:`computed_ranges` writes each one
as ``INDEX(range,0,0)``, which in Excel is the same reference (Microsoft's INDEX page: row and column 0 give the
whole reference) and which the engine reads as a reference and as values alike.

An INDEX of whole columns or rows at such an end, or where a function can hide its error (``IFERROR``, ``ISBLANK``,
``COUNT``...), gets an explicit area (``$B$1:$B$1048576``): the engine cuts a whole column at its last value and
says ``#REF!`` below it, where Excel gives the (empty) cell: ``SUM(B1:INDEX(B:B,6))`` with B6 empty is the sum of
B1:B6, ``IFERROR(INDEX(B:B,MATCH("z",C:C,0)),"not found")`` of an empty found row is 0
(:func:`.whole_index.bounded_index`; only these, as bounding every INDEX of a whole column costs the engine more).

In a classic formula, such a range used as one value (``=A1:INDEX(A:A,3)``, ``=SUM(A1:INDEX(A:A,3)*1)``,
``ABS(A1:INDEX(..))``) is Excel's implicit intersection, the cell in the formula's row or column:
``@INDEX(range,0,0)``, as the rewrite does for a typed range (:mod:`.intersection`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, get_column_letter

from .formula_tokens import _LAST_COLUMN, _LAST_ROW, _WHOLE, _bare_name, _bounds, argument_spans
from .intersection import _in_array_argument, _one_value_expected, _scalar_argument
from .whole_index import indexes_whole

__all__ = ["computed_ranges", "lookup_results", "may_compute_ranges"]

#: a range operator next to a call: ``A1:INDEX(``, ``):INDEX(``, ``):A3`` (a superset test on the stored text)
_HINT = re.compile(r"[\w$.')\]]\s*:\s*(?:_xlfn\.)?[A-Za-z_][\w.]*\(|\)\s*:")
#: functions that can turn the #REF! of an INDEX past a whole column's last value into a value
_HIDING = re.compile(
    r"(?i)(?<![\w.])(?:IFERROR|IFNA|ISERROR|ISERR|ISNA|ISBLANK|ISREF|ISNUMBER|ISTEXT|ISNONTEXT|ISLOGICAL|ISEVEN|ISODD"
    r"|ERROR\.TYPE|TYPE|COUNT|COUNTA|COUNTBLANK|AGGREGATE|IF|IFS|N|T)\("
)


def may_compute_ranges(text: str, names: dict[str, str] | None = None) -> bool:
    """Whether :func:`computed_ranges` may change ``text`` (a superset test)."""
    if ":" in text and (_HINT.search(text) is not None or "LET(" in text.upper()):
        return True
    return "INDEX(" in text.upper() and indexes_whole(text, names or {}) and _HIDING.search(text) is not None


def computed_ranges(formula: str, array: bool, names: dict[str, str] | None = None) -> str:
    """``formula`` (with ``=``) with each range whose end is a call written as ``INDEX(range,0,0)`` and the whole
    columns of INDEX at such an end (or under a function that may hide its error) bounded. ``array``: an array
    formula (no implicit intersection). ``names``: defined names (lower case -> reference) of whole columns.

    >>> computed_ranges("=COUNT(A1:INDEX(A:A,COUNTA(A:A)))", False)
    '=COUNT(INDEX(A1:INDEX($A$1:$A$1048576,COUNTA(A:A)),0,0))'
    >>> computed_ranges("=SUM(INDEX(B:B,1):INDEX(B:B,6))", False)
    '=SUM(INDEX(INDEX($B$1:$B$1048576,1):INDEX($B$1:$B$1048576,6),0,0))'
    >>> computed_ranges('=IFERROR(INDEX(B:B,MATCH("z",C:C,0)),"nf")', False)
    '=IFERROR(INDEX($B$1:$B$1048576,MATCH("z",C:C,0)),"nf")'
    """
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # not a formula the tokenizer reads: the engine decides
        return formula
    names = names or {}
    if "LET(" in formula.upper():
        _let_references(tokens)
    opens: dict[int, int] = {}  # a call's closing token -> its opening token
    closes: dict[int, int] = {}
    stack: list[int] = []
    for i, t in enumerate(tokens):
        if t.type == Token.FUNC and t.subtype == Token.OPEN:
            stack.append(i)
        elif t.type == Token.FUNC and t.subtype == Token.CLOSE and stack:
            closes[stack[-1]] = i
            opens[i] = stack.pop()
    if stack:
        return formula
    spans: list[list[int]] = []  # [first token, last token] of each range expression
    ends: set[int] = set()  # opening tokens of calls that are an end of a range
    for i, t in enumerate(tokens):
        joined = t.type == Token.FUNC and t.subtype == Token.OPEN and ":" in t.value
        after_call = t.type == Token.OPERAND and t.subtype == Token.RANGE and t.value.startswith(":")
        if not (joined or after_call):
            continue
        prefix = t.value.rpartition(":")[0] if joined else ""
        if prefix == "" or after_call:  # the left end is the call just before: INDEX(..):INDEX( or XLOOKUP(..):A1
            if i == 0 or tokens[i - 1].type != Token.FUNC or tokens[i - 1].subtype != Token.CLOSE:
                return formula  # a range operator the rewrite does not know: left to the engine
            start = opens[i - 1]
            ends.add(start)
        else:
            start = i
        last = closes[i] if joined else i
        if joined:
            ends.add(i)
        if spans and spans[-1][0] <= start <= spans[-1][1]:  # a chain: INDEX(..):INDEX(..):INDEX(..)
            spans[-1][1] = max(spans[-1][1], last)
        else:
            spans.append([start, last])
    for k in ends:  # INDEX(A:A,n) at an end of a range: the cell, also past the column's last value
        _bound_area(tokens, k, names)
    if _HIDING.search(formula) is not None:
        for k, t in enumerate(tokens):
            if t.type == Token.FUNC and t.subtype == Token.OPEN and k not in ends:
                _bound_area(tokens, k, names)
    for start, last in spans:
        whole = array or _as_reference(tokens, start, last)  # else a classic formula's value: Excel's intersection
        tokens[start].value = ("INDEX(" if whole else "@INDEX(") + tokens[start].value
        tokens[last].value += ",0,0)"
    return "=" + "".join(t.value for t in tokens)


def _bound_area(tokens: list[Token], k: int, names: dict[str, str]) -> None:
    """The whole columns (rows) INDEX at token ``k`` takes as its area, as an explicit range."""
    if _bare_name(tokens[k].value[:-1].rpartition(":")[2]) != "INDEX" or k + 2 >= len(tokens):
        return
    area, after = tokens[k + 1], tokens[k + 2]
    if area.type != Token.OPERAND or area.subtype != Token.RANGE or after.type not in (Token.SEP, Token.FUNC):
        return
    reference = names.get(area.value.lower(), area.value)
    if _WHOLE.match(reference) is None:
        return
    sheet, (left, top, right, bottom) = _bounds(reference) or ("", (0, 0, 0, 0))
    area.value = f"{sheet}${get_column_letter(left)}${top}:${get_column_letter(right)}${bottom}"


def _as_reference(tokens: list[Token], start: int, last: int) -> bool:
    """Whether, in a classic formula, the range from token ``start`` to ``last`` is read whole: a whole argument of a
    call (``COUNT(A1:INDEX(..))``), or inside an argument Excel reads as an array (``SUMPRODUCT(A1:INDEX(..)*1)``);
    not a value Excel intersects with the formula's row (``=A1:INDEX(..)``, ``=SUM(A1:INDEX(..)*1)``)."""
    stack: list[list] = []  # [function, argument position] of the calls open at token ``start``
    for i, t in enumerate(tokens[:start]):
        if t.type == Token.FUNC and t.subtype == Token.OPEN:  # as the rewrite's intersection (IF(..,r) one value)
            single = not _in_array_argument(stack) and _one_value_expected(tokens, i, stack)
            stack.append([_bare_name(t.value[:-1].rpartition(":")[2]), 0, single])
        elif t.type == Token.FUNC and t.subtype == Token.CLOSE and stack:
            stack.pop()
        elif t.type == Token.SEP and t.subtype == Token.ARG and stack:
            stack[-1][1] += 1
    if not stack:
        return False
    if _in_array_argument(stack):
        return True
    if _scalar_argument(stack):  # ABS(A1:INDEX(..)): the cell in the formula's row
        return False
    before, after = _beside(tokens, start, -1), _beside(tokens, last, 1)
    while (  # COUNT((A1:INDEX(..))), as a defined name of it is written in (.rewrite): still the whole argument
        before is not None
        and after is not None
        and before[1].type == Token.PAREN
        and after[1].type == Token.PAREN
        and before[1].subtype == Token.OPEN
        and after[1].subtype == Token.CLOSE
    ):
        before, after = _beside(tokens, before[0], -1), _beside(tokens, after[0], 1)
    before, after = before and before[1], after and after[1]  # type: ignore[assignment]
    opened = before is not None and (
        (before.type == Token.FUNC and before.subtype == Token.OPEN) or (before.type == Token.SEP)
    )
    closed = after is not None and (
        (after.type == Token.FUNC and after.subtype == Token.CLOSE) or (after.type == Token.SEP)
    )
    return opened and closed


def _beside(tokens: list[Token], k: int, step: int) -> tuple[int, Token] | None:
    """The first token other than a space from token ``k`` in direction ``step``, with its position."""
    k += step
    while 0 <= k < len(tokens) and tokens[k].type == Token.WSPACE:
        k += step
    return (k, tokens[k]) if 0 <= k < len(tokens) else None


_ROW_NUMBER = re.compile(r"\$?[A-Za-z]{1,3}\$?(\d+)")
_COLUMN_LETTERS = re.compile(r"\$?([A-Za-z]{1,3})\$?\d+")


def lookup_results(formula: str, sheet: str, extent: Callable[[str, str], int | None]) -> str:
    """``formula`` with LOOKUP's result vector of whole columns (rows) written as an explicit range reaching one row
    (column) past the cells in use on the sheets it reads, and past every row (column) the formula names: the engine
    cut ``B:B`` at its last value, so the "last match" idiom ``LOOKUP(2,1/(C:C="z"),B:B)`` whose row has B empty was
    ``#N/A`` where Excel gives that empty cell (0). ``extent(sheet, "column")``: a sheet's last row in use
    (``"row"``: last column), as :class:`.whole_ranges.UsedExtents` gives it.

    >>> lookup_results('=LOOKUP(2,1/(C:C="z"),B:B)', "S", lambda sheet, kind: 10)
    '=LOOKUP(2,1/(C:C="z"),$B$1:$B$11)'
    """
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # not a formula the tokenizer reads: the engine decides
        return formula
    changed = False
    for i, t in enumerate(tokens):
        if t.type != Token.FUNC or t.subtype != Token.OPEN or _bare_name(t.value[:-1].rpartition(":")[2]) != "LOOKUP":
            continue
        spans, _ = argument_spans(tokens, i)
        if len(spans) != 3:
            continue
        inner = [k for k in range(*spans[2]) if tokens[k].type != Token.WSPACE]
        if len(inner) != 1 or tokens[inner[0]].subtype != Token.RANGE:
            continue
        result = tokens[inner[0]]
        match = _WHOLE.match(result.value)
        if match is None:
            continue
        columns = match.group("c1") is not None
        kind = "column" if columns else "row"
        read = {sheet}
        for a, b in spans[:2] + [spans[2]]:
            for k in range(a, b):
                other = _WHOLE.match(tokens[k].value) if tokens[k].subtype == Token.RANGE else None
                if other is not None and other.group("sheet"):
                    named = other.group("sheet")[:-1]
                    read.add(named[1:-1].replace("''", "'") if named.startswith("'") else named)
        ends = [extent(name, kind) for name in read]
        if any(end is None for end in ends):
            continue
        last = max(end for end in ends if end is not None) + 1
        for k in range(*spans[1]):  # a typed range longer than the rows in use: LOOKUP(x,C1:C5000,B:B)
            if tokens[k].subtype == Token.RANGE:
                if columns:
                    last = max([last, *(int(n) for n in _ROW_NUMBER.findall(tokens[k].value))])
                else:
                    found = [column_index_from_string(c.upper()) for c in _COLUMN_LETTERS.findall(tokens[k].value)]
                    last = max([last, *found])
        prefix, (left, top, right, bottom) = _bounds(result.value) or ("", (0, 0, 0, 0))
        if columns:
            bottom = min(last, _LAST_ROW)
        else:
            right = min(last, _LAST_COLUMN)
        result.value = f"{prefix}${get_column_letter(left)}${top}:${get_column_letter(right)}${bottom}"
        changed = True
    return "=" + "".join(t.value for t in tokens) if changed else formula


def _let_references(tokens: list[Token]) -> None:
    """``LET(x,A1,x:A3)`` -> ``LET(x,A1,A1:A3)``: a LET name bound to a reference, as an end of a range, written as
    that reference (the engine's LET holds values, not references, and made the range #REF!). Changes ``tokens``."""
    for i, t in enumerate(tokens):
        if t.type != Token.FUNC or t.subtype != Token.OPEN or _bare_name(t.value[:-1].rpartition(":")[2]) != "LET":
            continue
        spans, close = argument_spans(tokens, i)
        bound: dict[str, str] = {}
        for k in range(0, len(spans) - 1, 2):
            (a, b), (c, d) = spans[k], spans[k + 1]
            key = [tokens[j] for j in range(a, b) if tokens[j].type != Token.WSPACE]
            value = [tokens[j] for j in range(c, d) if tokens[j].type != Token.WSPACE]
            if len(key) != 1 or key[0].subtype != Token.RANGE:
                continue
            name = key[0].value.lower().removeprefix("_xlpm.")
            bound.pop(name, None)  # a later binding of the same name to a value: no longer a reference
            if len(value) == 1 and value[0].subtype == Token.RANGE and ":" not in value[0].value.strip(":"):
                if value[0].value.lower().removeprefix("_xlpm.") not in bound:
                    bound[name] = value[0].value
            for j in range(d, close):  # uses after this binding
                _substitute(tokens[j], bound)


def _substitute(token: Token, bound: dict[str, str]) -> None:
    """The LET names ``bound`` to references in a range operator's ends within ``token`` (``x:A3``, ``x:INDEX(``)."""
    if not bound or ":" not in token.value:
        return
    if token.type == Token.OPERAND and token.subtype == Token.RANGE:
        parts = token.value.split(":")
        token.value = ":".join(bound.get(p.strip().lower().removeprefix("_xlpm."), p) for p in parts)
    elif token.type == Token.FUNC and token.subtype == Token.OPEN:
        head, _, call = token.value.rpartition(":")
        parts = head.split(":")
        token.value = ":".join(bound.get(p.strip().lower().removeprefix("_xlpm."), p) for p in parts) + ":" + call
