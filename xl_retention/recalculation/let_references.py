"""A LET's names of a reference written as the reference, for the reasons that name a cell.

``=LET(x,A2,CRR(x,1,10))`` with 'x' typed in A2 said "CRR: customers_end must be a number, got 'x'" and
``=LET(sc,A1:A4,NPS(sc))`` "... in cell 2 of scores": the reasons read the argument's text (``x``, ``sc``), which
names no cell. :func:`let_inlined` writes each name LET gives a plain reference as that reference (``CRR(A2,1,10)``,
``NPS(A1:A4)``), so that :func:`.reason_cells.name_the_cell` and :func:`.literal_reasons.value_argument` name
``A2``.
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..sheet_names import NAME, SHEET
from .formula_tokens import _bare_name, argument_spans
from .reason_cells import _arguments

__all__ = ["let_as_reference", "let_inlined"]

_LET = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?LET\(")
#: a cell or a range, on a sheet or not: ``A2``, ``$A$1:$A$4``, ``'My data'!B2:B9``
_REFERENCE = re.compile(r"(?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?", re.IGNORECASE)


def let_inlined(formula: str | None) -> str | None:
    """``formula`` with each name a LET (the one LET call of it) gives a cell or a range written as that reference.

    >>> let_inlined("=_xlfn.LET(_xlpm.x,A2,CRR(_xlpm.x,1,10))")
    '=_xlfn.LET(_xlpm.x,A2,CRR(A2,1,10))'
    >>> let_inlined("=LET(sc,'My data'!A1:A4,n,2,NPS(sc)*n)")
    "=LET(sc,'My data'!A1:A4,n,2,NPS('My data'!A1:A4)*n)"
    """
    if not formula or _LET.search(formula) is None:
        return formula
    calls = _arguments(formula, "_xlfn.LET") or _arguments(formula, "LET")
    if len(calls) != 1 or len(calls[0]) < 3 or len(calls[0]) % 2 == 0:
        return formula
    args = calls[0]
    start = _LET.search(formula).end()  # type: ignore[union-attr]
    head, body = formula[:start], formula[start:]
    bound = [(args[i], args[i + 1]) for i in range(0, len(args) - 1, 2)]
    for name, value in bound:
        if re.fullmatch(NAME, name) is None or _REFERENCE.fullmatch(value) is None:
            continue
        bare = re.escape(name.lower().removeprefix("_xlpm."))
        word = re.compile(rf"(?i)(?<![\w.$!'])(?:_xlpm\.)?{bare}(?![\w.(!\[])")
        first, _, rest = body.partition(",")  # the name's own place in LET is kept
        parts = rest.split('"')  # texts are left as they are
        parts[::2] = [word.sub(value.replace("\\", "\\\\"), p) for p in parts[::2]]
        body = first + "," + '"'.join(parts)
    return head + body


#: the arguments that take a reference (not its values): a LET standing alone there gives one in Excel
_REFERENCE_PLACES = {
    "OFFSET": 0,
    "ISREF": 0,
    "ROW": 0,
    "COLUMN": 0,
    "ROWS": 0,
    "COLUMNS": 0,
    "AREAS": 0,
    "CELL": 1,
    "SHEET": 0,
    "SHEETS": 0,
    "FORMULATEXT": 0,
    "ISFORMULA": 0,
}


def let_as_reference(formula: str) -> str:
    """``formula`` (with ``=``) with each LET standing alone where a reference is taken (OFFSET's reference, ISREF,
    ROW, CELL's ...) whose names are all given plain references (a cell or a range) written as its calculation with
    those references in place: ``=OFFSET(LET(r,F2,r),1,0)`` is ``=OFFSET((F2),1,0)`` (H239's finding 2: the engine's
    LET holds values, so that OFFSET was #REF! and ``ISREF(LET(r,F2,r))`` FALSE, where Excel's LET gives the
    reference: F3's value, TRUE). A LET naming a value, or holding another LET or a LAMBDA, is left as it is.

    >>> let_as_reference("=OFFSET(_xlfn.LET(_xlpm.r,F2,_xlpm.r),1,0)")
    '=OFFSET((F2),1,0)'
    >>> let_as_reference("=ISREF(LET(a,S!A1:A4,b,C2,INDEX(a,2):b))"), let_as_reference("=ISREF(LET(n,2,A1))")
    ('=ISREF((INDEX(S!A1:A4,2):C2))', '=ISREF(LET(n,2,A1))')
    """
    for _ in range(20):  # one LET at a time, the formula read again after each
        try:
            tokens = list(Tokenizer(formula).items)
        except Exception:  # noqa: BLE001  (a text the tokenizer cannot read: the engine decides)
            return formula
        changed = _one_let(tokens)
        if not changed:
            return formula
        formula = "=" + "".join(t.value for t in tokens)
    return formula


def _one_let(tokens: list[Token]) -> bool:
    """The first LET of :func:`let_as_reference` in ``tokens`` written as its calculation (in place); True if one."""
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        place = _REFERENCE_PLACES.get(_bare_name(token.value[:-1]))
        if place is None:
            continue
        spans, _ = argument_spans(tokens, i)
        if place >= len(spans):
            continue
        solid = [k for k in range(*spans[place]) if tokens[k].type != Token.WSPACE]
        if not solid or tokens[solid[0]].type != Token.FUNC or _bare_name(tokens[solid[0]].value[:-1]) != "LET":
            continue
        inner, close = argument_spans(tokens, solid[0])
        if close != solid[-1] or len(inner) < 3 or len(inner) % 2 == 0:
            continue
        if _write_out(tokens, solid[0], inner, close):
            return True
    return False


def _write_out(tokens: list[Token], opener: int, spans: list[tuple[int, int]], close: int) -> bool:
    """The LET opened at ``opener`` as ``(calculation)`` with its names' references in place, where each name is
    given a plain reference and the calculation holds no LET or LAMBDA; False (unchanged) otherwise."""
    bound: dict[str, str] = {}
    for k in range(0, len(spans) - 1, 2):
        key = [tokens[j] for j in range(*spans[k]) if tokens[j].type != Token.WSPACE]
        value = [tokens[j] for j in range(*spans[k + 1]) if tokens[j].type != Token.WSPACE]
        if len(key) != 1 or key[0].subtype != Token.RANGE or len(value) != 1 or value[0].subtype != Token.RANGE:
            return False
        reference = bound.get(value[0].value.lower().removeprefix("_xlpm."), value[0].value)
        if _REFERENCE.fullmatch(reference) is None:
            return False  # a name, a whole column, a table: left to the engine
        bound[key[0].value.lower().removeprefix("_xlpm.")] = reference
    start, end = spans[-1]
    body = tokens[start:end]
    if any(t.type == Token.FUNC and _bare_name(t.value[:-1]) in ("LET", "LAMBDA") for t in body):
        return False
    for t in body:
        if t.type == Token.OPERAND and t.subtype == Token.RANGE:
            t.value = ":".join(bound.get(p.strip().lower().removeprefix("_xlpm."), p) for p in t.value.split(":"))
        elif t.type == Token.FUNC and t.subtype == Token.OPEN and ":" in t.value:  # b:INDEX(
            head, _, call = t.value.rpartition(":")
            t.value = ":".join(bound.get(p.strip().lower().removeprefix("_xlpm."), p) for p in head.split(":"))
            t.value += ":" + call
    head = tokens[opener].value.rpartition(":")[0]  # A1:LET( keeps its A1:
    tokens[opener].value = (head + ":" if head else "") + "("
    for j in range(opener + 1, start):
        tokens[j].value = ""
    tokens[close].value = ")"
    return True
