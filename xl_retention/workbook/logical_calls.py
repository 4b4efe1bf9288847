"""``TRUE()`` and ``FALSE()`` read as the constants ``TRUE`` and ``FALSE``, as Excel parses them (H304's finding 05).

LibreOffice saves the constant ``FALSE`` of a formula as the call ``FALSE()`` (same value, same meaning), so a
tracker saved once in LibreOffice no longer holds, text for text, the formulas an earlier template wrote, and
``upgrade`` took them for formulas of the user's. :func:`logical_constants` finds the calls with openpyxl's formula
tokenizer (a call is a function token ``TRUE(``/``FALSE(`` closed with no argument; the same words inside a quoted
text, a sheet name or a longer function name are left alone) and writes the constants in their place, every other
character of the formula kept.
"""

from __future__ import annotations

import re

_MAY_CALL = re.compile(r"(?:TRUE|FALSE)\(\s*\)", re.I)  # a quick look first: most formulas call neither


def logical_constants(formula: str) -> str:
    """``formula`` (with its ``=``) with each call ``TRUE()``/``FALSE()`` written as the constant; unchanged when it
    calls neither or cannot be parsed.

    >>> logical_constants('=IFERROR(B4+0=0,false( ))&"No: FALSE()"&MYTRUE()')
    '=IFERROR(B4+0=0,FALSE)&"No: FALSE()"&MYTRUE()'
    """
    if not formula.startswith("=") or _MAY_CALL.search(formula) is None:
        return formula
    from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError  # (openpyxl: only when one is called)

    try:
        items = Tokenizer(formula).items
    except (TokenizerError, IndexError, ValueError):
        return formula
    spans, cursor = [], 1  # each token's place in the formula (a run of spaces is one token of its first)
    for token in items:
        start = formula.find(token.value, cursor)
        if start < 0:
            return formula
        end = start + len(token.value)
        if token.type == Token.WSPACE:
            end = start + len(formula[start:]) - len(formula[start:].lstrip(" \n"))
        spans.append((start, end))
        cursor = end
    out, at, i = [], 0, 0
    while i < len(items):
        token = items[i]
        call = token.type == Token.FUNC and token.subtype == Token.OPEN and token.value.upper() in ("TRUE(", "FALSE(")
        j = i + 1
        while call and j < len(items) and items[j].type == Token.WSPACE:
            j += 1
        if call and j < len(items) and items[j].type == Token.FUNC and items[j].subtype == Token.CLOSE:
            out += [formula[at : spans[i][0]], token.value[:-1].upper()]
            at, i = spans[j][1], j + 1
            continue
        i += 1
    return "".join([*out, formula[at:]])


__all__ = ["logical_constants"]
