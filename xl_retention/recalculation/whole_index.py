"""INDEX of whole columns or rows (``=INDEX(C:C,100)``): bounded where the engine stops short of the rows Excel reads
(:func:`bounded_index`), only for the cells that need it (:func:`whole_index_cycles`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter

from ..sheet_names import SHEET
from .formula_tokens import _WHOLE, _bare_name, _bounds, _is_range

__all__ = ["WHOLE_INDEX", "bounded_index", "indexes_whole", "whole_index_cycles"]

#: INDEX of whole columns or rows (a superset test, on a stored formula): see :func:`bounded_index`
WHOLE_INDEX = re.compile(
    r"(?i)(?<![\w.])INDEX\(\s*(?:" + SHEET + r"!)?(?:\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)\s*[,)]"
)


def bounded_index(formula: str, names: dict[str, str] | None = None) -> str:
    """``=INDEX(C:C,100)`` -> ``=INDEX($C$1:$C$1048576,100)``: the engine bounds a whole column by the cells in use
    and says #REF! past them (``SUM(INDEX(C:C,1):INDEX(C:C,50))`` too), where Excel gives the cell. The bounded
    form costs the engine far more, so :func:`.embedded.compute` uses it only for a cell that gave #REF! or was
    taken for a circular reference (:func:`whole_index_cycles`). ``names`` (lower case -> reference): a defined name
    of whole columns or rows as INDEX's area is bounded too (``INDEX(Amounts,5)`` of ``Amounts = S!$E:$E``).

    >>> bounded_index("=SUM(INDEX(C:C,1):INDEX(Data!$A:$B,5,2))")
    '=SUM(INDEX($C$1:$C$1048576,1):INDEX(Data!$A$1:$B$1048576,5,2))'
    >>> bounded_index("=INDEX(Bal,2)", {"bal": "S!$E:$E"})
    '=INDEX(S!$E$1:$E$1048576,2)'
    """
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # not a formula the tokenizer understands: the engine decides
        return formula
    return "=" + "".join(t.value for t in tokens) if _bounded_index(tokens, names or {}) else formula


def indexes_whole(formula: str, names: dict[str, str]) -> bool:
    """Whether ``formula`` (a stored one) may take INDEX of whole columns or rows, given as such or as a defined name
    of them (``names``: lower case -> reference): a superset test, see :func:`bounded_index`."""
    if WHOLE_INDEX.search(formula) is not None:
        return True
    if not names:
        return False
    pattern = _names_pattern(tuple(names.items()))  # asked of every formula: the names' test made once per names
    return pattern is not None and pattern.search(formula) is not None


@lru_cache(maxsize=32)
def _names_pattern(names: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    """:func:`_whole_names` of the names (name, reference) that are whole columns or rows."""
    return _whole_names(tuple(sorted(k for k, v in names if _WHOLE.match(v) is not None)))


@lru_cache(maxsize=32)
def _whole_names(found: tuple[str, ...]) -> re.Pattern[str] | None:
    """INDEX of one of the names ``found`` (a sheet's own given as ``S!Name``) as its area."""
    if not found:
        return None
    alternatives = "|".join(re.escape(name.rpartition("!")[2]) for name in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w.])INDEX\(\s*(?:{SHEET}!)?(?:{alternatives})\s*[,)]")


def whole_index_cycles(
    workbook: Any, wholes: list[tuple[str, int, int, str]], set_formulas: Callable, names: dict[str, dict[str, str]]
) -> bool:
    """The cells among ``wholes`` (INDEX of whole columns or rows, with the formula the engine has) that the engine
    found circular get their INDEX areas bounded (:func:`bounded_index`): it takes a whole column as a dependency of
    the cell whatever row INDEX picks, so the running balance ``=SUM(B3,-C3,N(INDEX(E:E,ROW()-1)))`` down column E
    was refused as a circular reference where Excel reads the row above (H7 04); over a bounded area the engine finds
    the cycles at run time, and a true one (``=1+INDEX(E:E,ROW())`` in E2) stays one. ``names``: the defined names of
    each scope (the workbook's ``""``, a sheet's own; lower case -> reference), for INDEX of a name of whole columns.
    True when any was set."""
    bounded = []
    for sheet, r, c, formula in wholes:
        value = workbook.get_value(sheet, r, c)
        if isinstance(value, dict) and value.get("type") == "Error" and str(value.get("kind")).lower() == "circ":
            new = bounded_index(formula, {**names.get("", {}), **names.get(sheet, {})})
            if new != formula:
                bounded.append((sheet, r, c, new))
    if bounded:
        set_formulas(workbook, bounded)
    return bool(bounded)


def _bounded_index(tokens: list[Token], names: dict[str, str]) -> bool:
    """:func:`bounded_index` on tokens (changed in place); True when any INDEX was given a bounded area."""
    changed = False
    for i, token in enumerate(tokens[:-2]):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare_name(token.value[:-1]) != "INDEX":
            continue
        area, after = tokens[i + 1], tokens[i + 2]
        reference = names.get(area.value.lower(), area.value) if _is_range(area) else ""
        if not _is_range(area) or after.type not in (Token.SEP, Token.FUNC) or _WHOLE.match(reference) is None:
            continue
        sheet, (left, top, right, bottom) = _bounds(reference) or ("", (0, 0, 0, 0))
        area.value = f"{sheet}${get_column_letter(left)}${top}:${get_column_letter(right)}${bottom}"
        changed = True
    return changed
