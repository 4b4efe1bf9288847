"""Why a REGEXTEST, REGEXEXTRACT or REGEXREPLACE is #VALUE!: the pattern PCRE2 refuses, with PCRE2's message.

Excel reads the pattern with PCRE2 and gives #VALUE! for one PCRE2 refuses (``(``, ``[a-``: the ``CRegex..`` kinds of
#VALUE! Office.js lists, ``Excel.ValueErrorCellValueSubType``), as the package's functions do
(:mod:`.excel_functions.regex_texts`); the engine keeps only the code, so the cell was listed with an empty reason.
:func:`regex_reasons` reads each such call's pattern (typed in, one cell's value, or what its expression gives) and
names it with PCRE2's message: ``REGEXTEST: the pattern '(' in S!A2 is one PCRE2 refuses, as Excel does: compilation
failed at position 1; missing closing parenthesis (#VALUE!)``; a case_sensitivity other than 0 or 1 is named too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .call_reasons import argument_value, name_call, unexplained_calls
from .excel_functions._core import ExcelError, integer, is_error, text
from .excel_functions.regex_texts import pattern_error

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["regex_reasons"]

#: the #VALUE! cells looked at (each costs an evaluation or a few)
MAX_LOOKED_AT = 100
_REGEX = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(REGEX(?:TEST|EXTRACT|REPLACE))\(")
#: the place of each function's case_sensitivity among its arguments
_CASE = {"REGEXTEST": 2, "REGEXEXTRACT": 3, "REGEXREPLACE": 4}


def regex_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each #VALUE! cell without a reason whose REGEX call's pattern PCRE2 refuses (or whose case_sensitivity is
    not 0 or 1) that reason; returns how many got one."""
    named = 0
    for call in unexplained_calls(formulas, result, _REGEX, MAX_LOOKED_AT):
        name = call.match.group(1).upper()
        reason = _call_reason(workbook, call.sheet, call.place, name, call.arguments)
        if reason is not None and name_call(workbook, result, call, f"{name}: {reason}"):
            named += 1
    return named


def _call_reason(
    workbook: fz.Workbook, sheet: str, place: tuple[int, int], name: str, arguments: list[str]
) -> str | None:
    """Why the call of ``name`` with the argument texts ``arguments`` is #VALUE! (its case_sensitivity, then its
    pattern, as the function reads them), or None."""
    mode = 0
    if len(arguments) > _CASE[name] and arguments[_CASE[name]]:
        where, value = argument_value(workbook, sheet, place, arguments[_CASE[name]])
        try:
            mode = integer(value)
        except (ExcelError, TypeError, ValueError):
            return None
        if mode not in (0, 1):
            return f"case_sensitivity{where} is {text(value)}: 0 (case sensitive) or 1 (not) only, as Excel reads it"
    if len(arguments) < 2:
        return None
    where, value = argument_value(workbook, sheet, place, arguments[1])
    if value is None or isinstance(value, list) or is_error(value):
        return None
    try:
        pattern = text(value)
    except ExcelError:
        return None
    message = pattern_error(pattern, bool(mode))
    if message is None:
        return None
    return f"the pattern {pattern!r}{where} is one PCRE2 refuses, as Excel does: {message}"
