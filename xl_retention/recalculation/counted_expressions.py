"""ROWS and COLUMNS of an expression over several cells in a classic (non-array) formula: listed, not computed.

``=ROWS(A1:A3*1)`` in a classic formula: whether Excel counts the expression whole (3) or cuts ``A1:A3`` to the
formula's own row first, as it does for an operator's operands there (1 in rows 1 to 3, #VALUE! elsewhere), is
settled neither by Microsoft's ROWS and COLUMNS pages ("An array, an array formula, or a reference to a range of
cells") nor by an Excel-saved workbook (none looked at holds ROWS or COLUMNS); MS-XLS 2.2.2.2 gives operators Value
Class operands but no parameter class of ROWS. The engine gave 1 or #VALUE! with status ok (H137's finding 01; reading
it whole, fc829b5, was backed out in 4ef3b59). ROWS of a reference, a name, an array constant or a
call alone (``ROWS(OFFSET(B1,0,0,Qty))``, whose height is intersected as OFFSET's arguments are) is computed as before,
and so is an array formula's or a dynamic array's (no implicit intersection there).
"""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .formula_texts import FormulaTexts
from .formula_tokens import _bare_name, argument_spans
from .intersection import _in_array_argument
from .package import PackageInfo

__all__ = ["counted_expressions"]

REASON = (
    "{name} is given an expression over several cells here ({argument}); whether Excel counts it whole or cuts it to "
    "the formula's own row or column first (1, or #VALUE!) in a classic (non-array) formula is settled neither by "
    "Microsoft's {name} page nor by a workbook Excel saved, so the embedded engine does not compute it"
)
_COUNTED = frozenset(("ROWS", "COLUMNS"))
_NOT_OPERATORS = frozenset((":", " ", ","))


def counted_expressions(formulas: dict[str, FormulaTexts], info: PackageInfo) -> Iterator[tuple[str, str, str, str]]:
    """(sheet, ref, function, reason) of each classic formula cell calling ROWS or COLUMNS of an expression over
    several cells (see the module docstring)."""
    for sheet, texts in formulas.items():
        upper = texts.upper_text()
        if "ROWS(" not in upper and "COLUMNS(" not in upper:
            continue
        cells = info.formulas.get(sheet, {})
        counts: dict[str, bool] = {}  # shape -> whether its formulas may count an expression (read once a shape)
        for (place, text), form in zip(texts.master_texts(), texts.shapes(), strict=True):
            if "ROWS(" not in text.upper() and "COLUMNS(" not in text.upper():
                continue
            ref = texts.refs[place]
            cell = cells.get(ref)
            if cell is not None and cell.kind == "array":
                continue
            if form not in counts:  # operators, calls and ranges answer alike whatever the row numbers
                counts[form] = counted_expression(form) is not None
            if not counts[form]:
                continue
            found = counted_expression(text)
            if found is not None:
                yield sheet, ref, found[0], REASON.format(name=found[0], argument=found[1])


def counted_expression(formula: str) -> tuple[str, str] | None:
    """(function, argument) of the first ROWS or COLUMNS call of ``formula`` given an expression over several cells:
    an operator at the argument's own level (brackets in it aside, a call's arguments not) with a multi-cell range, a
    name or a call among its operands; not inside an argument Excel reads as an array (SUMPRODUCT's), where nothing
    is intersected (.intersection).

    >>> counted_expression("ROWS(A1:A3*1)"), counted_expression("COLUMNS(-(B1:C1))")
    (('ROWS', 'A1:A3*1'), ('COLUMNS', '-(B1:C1)'))
    >>> counted_expression("ROWS(OFFSET(B1,0,0,A1:A3*1))"), counted_expression("ROWS(A1*2)")
    (None, None)
    >>> counted_expression("ROWS(A1:A3)"), counted_expression("SUMPRODUCT(ROWS(A1:A3*1))")
    (None, None)
    """
    try:
        tokens = list(Tokenizer("=" + formula.removeprefix("=")).items)
    except Exception:  # noqa: BLE001  (not a formula the tokenizer reads: the engine decides)
        return None
    stack: list[list] = []
    for i, token in enumerate(tokens):
        if token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.ARRAY) and stack:
            stack.pop()
        elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
            stack.append(["{", 0])
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _bare_name(token.value[:-1])
        stack.append([name, 0])
        if name not in _COUNTED or _in_array_argument(stack[:-1]):
            continue
        spans, _ = argument_spans(tokens, i)
        if len(spans) != 1:
            continue
        start, end = spans[0]
        depth, operator, several = 0, False, False
        for token in tokens[start:end]:
            if token.type == Token.FUNC and token.subtype == Token.OPEN:
                several = several or depth == 0
                depth += 1
            elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
                depth -= 1
            elif depth == 0 and token.type in (Token.OP_IN, Token.OP_PRE, Token.OP_POST):
                operator = operator or token.value not in _NOT_OPERATORS
            elif depth == 0 and token.type == Token.OPERAND and token.subtype == Token.RANGE:
                several = several or ":" in token.value or not _one_cell(token.value)
        if operator and several:
            return name, "".join(t.value for t in tokens[start:end]).strip()
    return None


def _one_cell(reference: str) -> bool:
    """Whether ``reference`` (no ``:``) is one cell typed in (``A1``, ``S!$B$2``), not a name."""
    cell = reference.rpartition("!")[2].replace("$", "")
    letters = cell.rstrip("0123456789")
    return bool(letters) and letters.isalpha() and len(letters) <= 3 and cell[len(letters) :].isdigit()
