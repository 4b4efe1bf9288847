"""Formulas reading an array of references (split from :mod:`.unsupported`): OFFSET or INDIRECT given an array of
rows, columns or texts makes one reference per element in Excel, which the embedded engine does not; such cells are
listed as not computed (:func:`reference_arrays`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .array_lifting import may_be_array
from .formula_tokens import _bare_name, argument_spans
from .intersection import _ARRAY_ARGUMENTS, _in_array_argument
from .subtotal_rows import row_by_row
from .text_literals import LITERALS as _LITERALS

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["REFERENCE_ARRAY_REASON", "reference_arrays"]


#: a function that reads references given an array of them: OFFSET or INDIRECT whose row, column or text argument
#: is an array (ROW(A2:A7)-ROW(A2), {1,3,5}, "A"&ROW(...)) makes one reference per element, which the engine does
#: not; SUBTOTAL, N, COUNTIF and the like over it gave one value for all (the visible-rows idiom: 1 for 4, silently)
_REFERENCE_READERS = r"(?:SUBTOTAL|AGGREGATE|N|T|COUNTIFS?|SUMIFS?|AVERAGEIFS?|COUNTBLANK|ISBLANK)"
_REFERENCE_ARRAY = re.compile(
    r"(?i)(?<![\w.])(" + _REFERENCE_READERS + r")\((?:[^()]|\([^()]*\))*?(?<![\w.])(?:OFFSET|INDIRECT)\("
    r"(?:[^()]|\((?:[^()]|\([^()]*\))*\))*?(?:(?<![\w.])(?:ROW|COLUMN)\([^()]*:|\{)"
)
REFERENCE_ARRAY_REASON = (
    "an OFFSET or INDIRECT given an array of rows or texts (one reference per element), which the embedded engine "
    "cannot read reference by reference"
)


def reference_arrays(
    formulas: dict[str, FormulaTexts], names: dict[str, dict[str, str]], info: PackageInfo
) -> Iterator[tuple[str, str, str]]:
    """(sheet, ref, function) of the formula cells reading an array of references (see _REFERENCE_ARRAY and
    :func:`_offset_of_array`; ``names``: each sheet's names, lower case, and what they stand for)."""
    for sheet, texts in formulas.items():
        joined = texts.upper_text()
        if "OFFSET(" not in joined and "INDIRECT(" not in joined:  # one test per sheet: most have neither
            continue
        for place, text in texts.master_texts():
            upper = text.upper()
            if "OFFSET(" not in upper and "INDIRECT(" not in upper:
                continue
            rows = row_by_row(text)  # not one written out
            function = None
            if "ROW(" in upper or "COLUMN(" in upper or "{" in text:
                match = _REFERENCE_ARRAY.search(_LITERALS.sub('""', rows))
                function = None if match is None else match.group(1).upper()
            if function is None and "OFFSET(" in rows.upper():
                cell = info.formulas.get(sheet, {}).get(texts.refs[place])
                array = cell is not None and cell.kind == "array"  # {=SUM(OFFSET(B1,B1:B4-1,0))}: one SUM each
                if array or _READER_CALL.search(rows) is not None:
                    function = _offset_of_array(rows, names.get(sheet, {}), array)
            if function is not None:
                yield sheet, texts.refs[place], function


_READER_CALL = re.compile(
    r"(?i)(?<![\w.])(?:_xlfn\.)?(?:" + _REFERENCE_READERS + "|" + "|".join(map(re.escape, _ARRAY_ARGUMENTS)) + r")\("
)
#: the functions of _REFERENCE_READERS
_READERS = frozenset(
    "SUBTOTAL AGGREGATE N T COUNTIF COUNTIFS SUMIF SUMIFS AVERAGEIF AVERAGEIFS COUNTBLANK ISBLANK".split()
)


def _offset_of_array(text: str, names: dict[str, str], array: bool = False) -> str | None:
    """The function reading an OFFSET whose rows, columns, height or width may be an array (offsets computed from
    cells): the reading function around it (``SUBTOTAL(9,OFFSET(B1,B1:B4-1,0))``: SUBTOTAL, N, COUNTIF, ...), or
    OFFSET itself in an argument Excel takes as an array (``SUMPRODUCT(SUM(OFFSET(B1,B1:B4-1,0)))``: one SUM per
    reference, #VALUE! in the engine) or in an array formula (``array``); None when there is none (elsewhere a
    classic formula intersects the range)."""
    try:
        tokens = Tokenizer(text if text.startswith("=") else "=" + text).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine decides)
        return None
    if "_XLPM." in text.upper():  # LET(n,COUNTA(B:B),COUNTIF(OFFSET(B1,0,0,n),">1")): n is one value
        names = _let_values(tokens, names)
    readers: list[str | None] = []  # the reading function each open call is inside, innermost last
    stack: list[list] = []  # each open call's name and the position of its argument the token is in
    for k, token in enumerate(tokens):
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            name = _bare_name(token.value[:-1]) if token.type == Token.FUNC else ""
            outer = readers[-1] if readers else None
            if name == "OFFSET" and (outer is not None or array or _in_array_argument(stack)):
                spans, _ = argument_spans(tokens, k)
                if any(may_be_array(tokens, a, b, names) for a, b in spans[1:]):
                    return outer or "OFFSET"
            readers.append(name if name in _READERS else outer)
            stack.append([name if name not in ("LET", "LAMBDA") else "", 0])  # their values: as they are
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY) and readers:
            readers.pop()
            stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
    return None


def _let_values(tokens: list[Token], names: dict[str, str]) -> dict[str, str]:
    """``names`` with each LET variable bound to an expression that cannot be an array named as one cell (the
    others, and LAMBDA's parameters, stay unknown: they may be arrays)."""
    names = dict(names)
    for k, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN and _bare_name(token.value[:-1]) == "LET":
            spans, _ = argument_spans(tokens, k)
            for (a, b), value in zip(spans[:-1:2], spans[1::2], strict=False):
                bound = [t for t in tokens[a:b] if t.type != Token.WSPACE]
                if len(bound) == 1 and not may_be_array(tokens, *value, names):
                    names[bound[0].value.lower()] = "$A$1"
    return names
