"""SUBTOTAL and AGGREGATE given a name the workbook does not define: ``#NAME?``, as Excel and LibreOffice give.

``SUBTOTAL(3,NoSuchName)`` reads the undefined name as the error value ``#NAME?``, which SUBTOTAL passes on (its
arguments are references; LibreOffice: ``#NAME?`` for every function number). The engine counted that error as one
value (``SUBTOTAL(3,..)``, ``SUBTOTAL(103,..)``: 1, status ok) and AGGREGATE's options leaving errors out left it out
(0). :func:`undefined_totals` writes such a call as the undefined name alone, which the engine answers ``#NAME?``;
an AGGREGATE whose options leave errors out (2, 3, 6, 7, or options not typed in) is left as it is and named, as
Excel's answer there is not documented (LibreOffice: 0 for 1-13, ``#NAME?`` for 14-19).
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .excel_functions.statistical import AGGREGATE_NAME
from .formula_tokens import _A1_RANGE, _WHOLE, _bare_name, argument_spans

__all__ = ["undefined_name", "undefined_totals"]

_SKIP_ERRORS = frozenset(("2", "3", "6", "7"))
#: the texts and quoted sheet names of a formula, and a bare word in it (not a call, a sheet's, a range's end)
_QUOTED = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'')
_WORD = re.compile(r"(?<![\w.$!\[\]#:])([A-Za-z_\\][\w.]*)(?![\w.(!\[#:])")
_CELL = re.compile(r"(?i)\$?[A-Z]{1,3}\$?\d+|TRUE|FALSE")


def undefined_name(part: list[Token], known: set[str]) -> str | None:
    """The name when ``part`` (an argument's tokens) is one bare name the workbook does not define, or None."""
    if len(part) != 1 or part[0].type != Token.OPERAND or part[0].subtype != Token.RANGE:
        return None
    value = part[0].value
    if any(c in value for c in "!['#:") or value.lower().startswith("_xl"):  # sheet's, table's, LET's, spilled
        return None
    if _A1_RANGE.match(value) or _WHOLE.match(value) or value.lower() in known:
        return None
    return value


def undefined_totals(text: str, known: set[str]) -> tuple[str, str | None]:
    """(``text`` with each SUBTOTAL/AGGREGATE call given an undefined name as an argument written as that name,
    the reason when an AGGREGATE so given cannot be known); ``known``: the names, lower case, the sheet may use
    (defined names of the workbook and the sheet, tables).

    >>> undefined_totals("=SUBTOTAL(3,A1:A4,NoSuch)+1", {"rate"})
    ('=(NoSuch)+1', None)
    >>> undefined_totals("=SUBTOTAL(3,Rate)", {"rate"})
    ('=SUBTOTAL(3,Rate)', None)
    >>> undefined_totals("=_xlfn.AGGREGATE(3,6,NoSuch)", set())[1] is not None
    True
    """
    upper = text.upper()
    if "SUBTOTAL(" not in upper and "AGGREGATE(" not in upper and AGGREGATE_NAME + "(" not in upper:
        return text, None
    words = _WORD.findall(_QUOTED.sub("", text))
    if all(_CELL.fullmatch(w) or w.lower() in known or w.lower().startswith("_xl") for w in words):
        return text, None  # every bare word a cell or a name the workbook has: no tokens to read
    try:
        tokens = Tokenizer(text if text.startswith("=") else "=" + text).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine decides)
        return text, None
    done: list[tuple[int, int, str]] = []
    reason = None
    for k, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or (done and k <= done[-1][1]):
            continue
        name = _bare_name(token.value[:-1])
        name = "AGGREGATE" if name == AGGREGATE_NAME else name  # AGGREGATE(14,..) renamed (.array_lifting)
        if name not in ("SUBTOTAL", "AGGREGATE"):
            continue
        spans, close = argument_spans(tokens, k)
        parts = [[t for t in tokens[a:b] if t.type != Token.WSPACE] for a, b in spans]
        undefined = next((u for u in (undefined_name(part, known) for part in parts) if u is not None), None)
        if undefined is None:
            continue
        if name == "AGGREGATE":
            options = parts[1] if len(parts) > 1 else []
            data = [undefined_name(part, known) for part in parts[2:]]
            typed = len(options) == 1 and options[0].subtype == Token.NUMBER
            if any(data) and (not options or not typed or options[0].value in _SKIP_ERRORS):
                reason = reason or (
                    f"AGGREGATE is given the name {next(u for u in data if u)}, which the workbook does not define, "
                    "with options leaving error values out: Excel's answer there is not known"
                )
                continue
        done.append((k, close, f"({undefined})"))
    if not done:
        return text, reason
    values = [t.value for t in tokens]
    for start, close, written in reversed(done):
        values[start : close + 1] = [written]
    return "=" + "".join(values), reason
