"""Approximate lookups rewritten to search as Excel searches (:mod:`.lookup`), for :mod:`.arguments`.

VLOOKUP and HLOOKUP in approximate mode become ``INDEX(table, _XLR.VPOS(key, INDEX(table,0,1), column,
COLUMNS(table)), column)`` (``_XLR.HPOS`` likewise), MATCH with a match_type other than 0 ``_XLR.MATCH``, and
XLOOKUP/XMATCH with match_mode -1/1 or search_mode 2/-2 ``_XLR.XLOOKUP``/``_XLR.XMATCH``. Split from :mod:`.arguments`
verbatim.
"""

from __future__ import annotations

import re

from openpyxl.formula.tokenizer import Token

from .lookup import exact_lookup

_LOOKUPS = frozenset(("VLOOKUP", "HLOOKUP"))

_EXACT_FLAGS = frozenset(("FALSE", "0", ""))

#: the registered functions of .lookup the approximate lookups are rewritten to
VPOS, HPOS, MATCH, XLOOKUP, XMATCH = "_XLR.VPOS", "_XLR.HPOS", "_XLR.MATCH", "_XLR.XLOOKUP", "_XLR.XMATCH"

#: a lookup key typed in (a number, a text, a logical): never an error
_TYPED_KEY = re.compile(r'(?i)\s*(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?%?|"(?:[^"]|"")*"|TRUE|FALSE)\s*')


def _exact(args: list[str]) -> bool:
    """Exact-match mode (range_lookup FALSE, 0 or left empty), where the engine already passes an error on."""
    return len(args) >= 4 and args[3].strip().upper() in _EXACT_FLAGS


def _searched(name: str, args: list[str], key: list[Token]) -> str | None:
    """An approximate lookup as Excel searches it (:mod:`.lookup`), or None to leave the call to the engine.

    A key holding a multi-cell range (an array lookup, or implicit intersection) stays with the engine.
    An exact lookup keeps the engine's answer, checked by :func:`.lookup.exact_lookup` (numbers at 15 digits).
    """
    exact = exact_lookup(name, args)
    if exact is not None:
        return exact
    if not args or any(t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value for t in key):
        return None
    literal = [a.strip().upper() for a in args]
    if name in _LOOKUPS and len(args) in (3, 4) and not _exact(args):
        k, table, index = args[0], args[1], args[2]
        mode = f",{args[3]}" if len(args) == 4 else ""
        if name == "VLOOKUP":
            return f"INDEX({table},{VPOS}({k},INDEX({table},0,1),{index},COLUMNS({table}){mode}),{index})"
        # INDEX reads its row (the row index) first: an error key goes there, so that it is the result (H7 10)
        row = index if _TYPED_KEY.fullmatch(k) else f"IF(ISERROR({k}),{k},{index})"
        return f"INDEX({table},{row},{HPOS}({k},INDEX({table},1,0),{index},ROWS({table}){mode}))"
    if name == "MATCH" and len(args) in (2, 3) and (len(args) == 2 or literal[2] not in _EXACT_FLAGS):
        return f"{MATCH}({','.join(args)})"
    if name == "XLOOKUP" and 3 <= len(args) <= 6:
        mode = literal[4] if len(args) > 4 and literal[4] else "0"
        search = literal[5] if len(args) > 5 and literal[5] else "1"
        if mode in ("-1", "1") and search in ("1", "-1") or search in ("2", "-2") and mode in ("0", "-1", "1"):
            found = f",{args[3]}" if len(args) > 3 and args[3].strip() else ""
            return f"{XLOOKUP}({args[0]},{args[1]},{args[2]},{mode},{search}{found})"
    if name == "XMATCH" and 2 <= len(args) <= 4:  # next smaller/larger: text and numbers apart, as XLOOKUP (F04)
        mode = literal[2] if len(args) > 2 and literal[2] else "0"
        search = literal[3] if len(args) > 3 and literal[3] else "1"
        if mode in ("-1", "1") and search in ("1", "-1") or search in ("2", "-2") and mode in ("0", "-1", "1"):
            return f"{XMATCH}({args[0]},{args[1]},{mode},{search})"
    return None
