"""IF inside SUMPRODUCT (MMULT, INDEX's area, ...) in a formula not entered as an array formula: listed.

Excel evaluates the arguments of SUMPRODUCT, INDEX's area and the other arguments of
``intersection._ARRAY_ARGUMENTS`` as arrays even in a classic formula, but not an IF inside them: IF needs
Ctrl+Shift+Enter there ("When using Excel 2019 and earlier, you must enter the formula by pressing CTRL + SHIFT +
ENTER"; a plain formula in a file is one of those, Excel 365 saves its array formulas with ``t="array"``). In a plain
formula Excel reads IF's condition in the formula's own row only (implicit intersection: the row's one value, or
#VALUE! outside the range), while the engine evaluates it for every row: ``=SUMPRODUCT(IF(C1:C5>10,1,0))`` in row 12
was 3 with status ok, where Excel gives #VALUE!. Which value Excel gives in each case is not certain (IF's other
arguments), so such a cell is listed, keeping the value Excel stored: an IF inside such an argument whose condition
may be an array, or whose value is an expression over an array (a bare reference or name stays one: IF passes it on
whole, ``SUMPRODUCT(IF($D$1="x",Long,Short))``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .array_lifting import may_be_array
from .formula_texts import filled_copy
from .formula_tokens import _bare_name, argument_spans
from .intersection import _in_array_argument
from .unsupported import Unsupported

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["REASON", "classic_if_cells"]

REASON = (
    "IF inside {outer} in a formula not entered as an array formula: Excel reads IF's arguments in the formula's own "
    "row only (it needs Ctrl+Shift+Enter there), the embedded engine for every row"
)
#: the functions Excel evaluates an argument of as an array (the outers an IF is looked for in)
_OUTER_NAMES = (
    "SUMPRODUCT", "INDEX", "LOOKUP", "MMULT", "TRANSPOSE", "FREQUENCY", "XLOOKUP", "XMATCH",
    "AGGREGATE", "SUMX2MY2", "SUMX2PY2", "SUMXMY2", "CORREL", "COVAR", "PEARSON", "RSQ", "SLOPE", "INTERCEPT", "STEYX",
    "FORECAST", "MDETERM", "LINEST", "IRR", "MIRR", "MODE", "MODE.SNGL", "MODE.MULT",
)  # fmt: skip
_OUTERS = re.compile(r"(?<![\w.])(?:_XLFN\.)?(" + "|".join(_OUTER_NAMES) + r")\(")
_IF = re.compile(r"(?<![\w.])IF\(")


def classic_if_cells(
    formulas: dict[str, FormulaTexts], info: PackageInfo, names: dict[str, dict[str, str]]
) -> list[Unsupported]:
    """Each plain formula cell (not an array formula's) with an IF inside an argument Excel evaluates as an array whose
    condition may be an array, or whose value is an expression over one. ``names``: each scope's defined names (lower
    case) and the reference each stands for ("" the workbook's)."""
    found: list[Unsupported] = []
    nested: dict[str, bool] = {}  # skeleton (every cell reference alike) -> _may_nest_if
    for sheet, texts in formulas.items():
        calls = texts.called()
        if "IF" not in calls or calls.isdisjoint(_OUTER_NAMES):
            continue
        # whether an IF opens inside an array argument reads no row number: decided once per shape of formula
        chosen = texts.places_of_shapes(
            lambda shape: _IF.search(upper := shape.upper()) and _OUTERS.search(upper) and _nested(upper, nested)
        )
        if not chosen:
            continue
        seen = {**names.get("", {}), **names.get(sheet, {})}
        cells = info.formulas.get(sheet, {})
        verdicts: dict[tuple[str, int, bool], str | None] = {}  # per filled copy: the copies of one formula alike
        for place in chosen:
            ref = texts.refs[place]
            cell = cells.get(ref)
            if cell is not None and cell.kind not in ("normal", "shared"):
                continue
            text = texts[place]
            copy = filled_copy(text, *place, False)
            if copy is None:
                outer = _array_if(text, seen)
            elif copy in verdicts:
                outer = verdicts[copy]
            else:
                outer = verdicts[copy] = _array_if(text, seen)
            if outer is not None:
                found.append(Unsupported(sheet, ref, "IF", REASON.format(outer=outer)))
    return found


#: a cell reference (not a function's or a name's part): made alike in a formula's skeleton
_CELL_REFERENCE = re.compile(r"(?<![\w.$])\$?[A-Z]{1,3}\$?[0-9]+(?![\w(!.])")


def _nested(upper: str, known: dict[str, bool]) -> bool:
    """:func:`_may_nest_if` of the upper-case formula (a shape), kept per skeleton: every cell reference made ``A1``
    (a month's column of the template's NPS sheet is one skeleton), as where an IF opens reads none of them."""
    skeleton = _CELL_REFERENCE.sub("A1", upper)
    answer = known.get(skeleton)
    if answer is None:
        answer = known[skeleton] = _may_open_if(skeleton) and _may_nest_if(skeleton)
    return answer


#: a function's name with its bracket, a bracket, a brace, a comma: what :func:`_may_open_if` walks
_MARKS = re.compile(r"([\w.]+)\(|[(){},]")
_QUOTED = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'')


def _may_open_if(formula: str) -> bool:
    """False where no IF opens inside an argument Excel evaluates as an array in ``formula`` (:func:`_may_nest_if`'s
    walk of the brackets, made without openpyxl's Python tokenizer: the 120-month tracker's 47 formulas holding an IF
    and INDEX or LOOKUP, 35,151 characters, took 0.035 s, none nesting one); True where one may, or where the brackets
    cannot be told apart without the tokenizer (a structured reference, a quote left open): then
    :func:`_may_nest_if` decides. Texts and quoted sheet names are taken out first.

    >>> _may_open_if("SUMPRODUCT(IF(C0:C0>0,1,0))"), _may_open_if('INDEX(A1:A9,IF(B1>0,1,2))&"INDEX(IF("')
    (True, False)
    >>> _may_open_if("SUMPRODUCT('Q1 (EU, US)'!A1:A9*IF(B1,1,0))"), _may_open_if("INDEX('It''s (1)'!A1:A9,IF(B1,1,2))")
    (True, False)
    """
    text = _QUOTED.sub(lambda m: '""' if m.group()[0] == '"' else "S", formula)  # texts and quoted sheet names
    if "[" in text or "'" in text or '"' in text.replace('""', ""):
        return True
    stack: list[list] = []
    for match in _MARKS.finditer(text):
        name, mark = match.group(1), match.group()
        if name is not None:
            bare = _bare_name(name)
            if bare == "IF" and _in_array_argument(stack):
                return True
            stack.append([bare, 0])
        elif mark in "({":
            stack.append([mark, 0])
        elif mark in ")}":
            if stack:
                stack.pop()
        elif stack:
            stack[-1][1] += 1
    return False


def _may_nest_if(formula: str) -> bool:
    """Whether an IF opens inside an argument Excel evaluates as an array in ``formula`` (without "="), whatever IF's
    own arguments: :func:`_array_if`'s test of where the IF is, which reads no row number (True for a formula the
    tokenizer cannot read).

    >>> _may_nest_if("SUMPRODUCT(IF(C0:C0>0,1,0))"), _may_nest_if("IF(SUMPRODUCT(C0:C0)>0,1,0)")
    (True, False)
    """
    try:
        tokens = Tokenizer("=" + formula).items
    except Exception:  # noqa: BLE001  (each formula of the shape is read by _array_if, which leaves it alone)
        return True
    return next(_nested_ifs(tokens), None) is not None


def _array_if(formula: str, names: dict[str, str]) -> str | None:
    """The function whose array argument holds such an IF in ``formula`` (without "="), or None."""
    try:
        tokens = Tokenizer("=" + formula).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: left to the engine)
        return None
    for i, stack in _nested_ifs(tokens):
        if _array_arguments(tokens, i, names):
            return next(entry[0] for entry in stack if _in_array_argument([entry]))
    return None


def _nested_ifs(tokens: list[Token]) -> Iterator[tuple[int, list[list]]]:
    """(token index, the open functions and brackets around it) of each IF opened inside an argument Excel evaluates
    as an array (the stack is read before the walk goes on)."""
    stack: list[list] = []
    for i, token in enumerate(tokens):
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            name = _bare_name(token.value[:-1]) if token.type == Token.FUNC else token.value
            if name == "IF" and _in_array_argument(stack):
                yield i, stack
            stack.append([name, 0])
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY) and stack:
            stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1


def _array_arguments(tokens: list[Token], open_index: int, names: dict[str, str]) -> bool:
    """Whether the IF opened at ``open_index`` has a condition that may be an array, or a value that is an expression
    (not one reference or name) that may be one."""
    spans, _ = argument_spans(tokens, open_index)
    for position, (a, b) in enumerate(spans[:3]):
        if not may_be_array(tokens, a, b, names):
            continue
        if position == 0:
            return True
        parts = [t for t in tokens[a:b] if t.type != Token.WSPACE]
        if not (len(parts) == 1 and parts[0].type == Token.OPERAND and parts[0].subtype == Token.RANGE):
            return True
    return False
