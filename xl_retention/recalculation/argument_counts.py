"""A call of an xl-retention function with fewer arguments than it requires, or more than it takes: the reason of
its #VALUE!, naming the arguments missing.

The engine refuses such a call itself (``=CRR(535,75)`` is #VALUE! and the function is never called), so no reason
was noted and the report listed the cell with an empty one. :func:`count_reason` gives it:

>>> count_reason("=CRR(535,75)")
'CRR: customers_start is missing (CRR takes customers_end, customers_gained, customers_start; 2 given) (#VALUE!)'
>>> count_reason("=ROUND(CRR(),2)")[:60]
'CRR: customers_end, customers_gained, customers_start are mi'
>>> count_reason("=CRR(A1,A2,A3,A4)")
'CRR: 4 arguments given, it takes at most 3 (customers_end, customers_gained, customers_start) (#VALUE!)'
>>> count_reason("=CRR(A1,A2,A3)") is None, count_reason("=SUM(1)") is None
(True, True)
"""

from __future__ import annotations

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..registry import BY_NAME

__all__ = ["count_reason"]

_PREFIXES = ("_XLFN.", "_XLUDF.", "_XLL.")


def _calls(formula: str) -> list[tuple[str, int]]:
    """(name in capitals without Excel's storage prefixes, arguments given) of each function call, innermost
    first. An argument left empty counts (``CRR(A1,,A3)`` gives 3)."""
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: no reason from here)
        return []
    calls: list[tuple[str, int]] = []
    stack: list[list] = []  # [name, separators, anything inside]
    for token in tokens:
        closes = token.type == Token.FUNC and token.subtype == Token.CLOSE
        if stack and not closes:
            stack[-1][2] = True
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper()
            for prefix in _PREFIXES:
                name = name.removeprefix(prefix)
            stack.append([name, 0, False])
        elif closes and stack:
            name, separators, inside = stack.pop()
            calls.append((name, separators + 1 if inside or separators else 0))
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
    return calls


def count_reason(formula: str) -> str | None:
    """Why the first call of an xl-retention function given too few or too many arguments is #VALUE!, or None."""
    for name, given in _calls(formula):
        function = BY_NAME.get(name)
        if function is None:
            continue
        names = [a.name for a in function.args]
        required = [a.name for a in function.args if not a.optional]
        if given < len(required):
            missing = required[given:]
            verb = "is" if len(missing) == 1 else "are"
            return (
                f"{name}: {', '.join(missing)} {verb} missing ({name} takes {', '.join(names)}; {given} given) "
                "(#VALUE!)"
            )
        if given > len(names):
            return f"{name}: {given} arguments given, it takes at most {len(names)} ({', '.join(names)}) (#VALUE!)"
    return None
