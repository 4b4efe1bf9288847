"""IF inside SUMPRODUCT (TEXTJOIN, CONCAT, ...) in a formula not entered as an array formula: listed.

Excel evaluates the arguments of SUMPRODUCT, TEXTJOIN, CONCAT, INDEX's area and the other arguments of
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
from .intersection import _bare_name, _in_array_argument, argument_spans
from .unsupported import Unsupported

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["REASON", "classic_if_cells"]

REASON = (
    "IF inside {outer} in a formula not entered as an array formula: Excel reads IF's arguments in the formula's own "
    "row only (it needs Ctrl+Shift+Enter there), the embedded engine for every row"
)
_OUTERS = re.compile(
    r"(?<![\w.])(?:_XLFN\.)?(SUMPRODUCT|TEXTJOIN|CONCAT|INDEX|LOOKUP|MMULT|TRANSPOSE|FREQUENCY|XLOOKUP|XMATCH|"
    r"AGGREGATE|SUMX2MY2|SUMX2PY2|SUMXMY2|CORREL|COVAR|PEARSON|RSQ|SLOPE|INTERCEPT|STEYX|FORECAST|MDETERM|LINEST)\("
)
_IF = re.compile(r"(?<![\w.])IF\(")


def classic_if_cells(
    formulas: dict[str, FormulaTexts], info: PackageInfo, names: dict[str, dict[str, str]]
) -> list[Unsupported]:
    """Each plain formula cell (not an array formula's) with an IF inside an argument Excel evaluates as an array whose
    condition may be an array, or whose value is an expression over one. ``names``: each scope's defined names (lower
    case) and the reference each stands for ("" the workbook's)."""
    found: list[Unsupported] = []
    for sheet, texts in formulas.items():
        upper = texts.upper_text()
        if _IF.search(upper) is None or _OUTERS.search(upper) is None:
            continue
        seen = {**names.get("", {}), **names.get(sheet, {})}
        cells = info.formulas.get(sheet, {})
        verdicts: dict[tuple[str, int, bool], str | None] = {}  # per filled copy: the copies of one formula alike
        for place, master in texts.master_texts():
            bare = master.upper()
            if _IF.search(bare) is None or _OUTERS.search(bare) is None:
                continue
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


def _array_if(formula: str, names: dict[str, str]) -> str | None:
    """The function whose array argument holds such an IF in ``formula`` (without "="), or None."""
    try:
        tokens = Tokenizer("=" + formula).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: left to the engine)
        return None
    stack: list[list] = []
    for i, token in enumerate(tokens):
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            name = _bare_name(token.value[:-1]) if token.type == Token.FUNC else token.value
            if name == "IF" and _in_array_argument(stack) and _array_arguments(tokens, i, names):
                return next(entry[0] for entry in stack if _in_array_argument([entry]))
            stack.append([name, 0])
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY) and stack:
            stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
    return None


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
