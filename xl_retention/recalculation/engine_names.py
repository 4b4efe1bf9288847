"""A ``#NAME?`` that is the embedded engine's, not the workbook's (split from :mod:`.kept`).

- :func:`engine_name_error`: a ``#NAME?`` in a formula whose names all exist (a LAMBDA given a name by ``LET`` and
  called) is the engine's, not a typo in the workbook.
- :func:`reads_name_error`: a cell reading a cell that holds ``#NAME?`` passes that error on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import formualizer as fz
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.formulas import FORMULAE

from ..registry import BY_NAME
from .cell_addresses import _LAST_COLUMN, _LAST_ROW, _split
from .formula_texts import position as cell_position

_PREFIXES = ("_XLFN._XLWS.", "_XLFN.", "_XLWS.")
#: a range read for a #NAME? typed in as a value when it has at most this many cells (larger: its formula cells only)
_READ_AT_MOST = 100_000
_REFERENCE = re.compile(
    r"\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+"
)


def _bare(name: str) -> str:
    upper = name.upper()
    for prefix in _PREFIXES:
        upper = upper.removeprefix(prefix)
    return upper


def _bound_names(tokens: list[Token]) -> set[str]:
    """The names ``LET`` and ``LAMBDA`` give in a formula (lower case, without ``_xlpm.``)."""
    bound: set[str] = set()
    stack: list[list[Any]] = []
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            stack.append([_bare(token.value[:-1]), 0])
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
            if stack:
                stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG:
            if stack:
                stack[-1][1] += 1
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and stack:
            function, argument = stack[-1]
            if function == "LAMBDA" or (function == "LET" and argument % 2 == 0):
                bound.add(token.value.lower().removeprefix("_xlpm."))
    return bound


def engine_name_error(formula: str, known: set[str], engine_knows: Callable[[str], bool]) -> tuple[str, str] | None:
    """(function, reason) when a ``#NAME?`` of ``formula`` cannot be the workbook's own: every function it calls
    exists (in Excel, or as a name, or given by ``LET``/``LAMBDA``) and every name it uses is defined
    (``known``: the workbook's names and tables, lower case). None when some name is unknown (a typo: Excel's
    ``#NAME?`` too) or the formula cannot be read."""
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    except Exception:  # noqa: BLE001
        return None
    bound = _bound_names(tokens)
    called: list[str] = []
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            raw = token.value[:-1]
            name = _bare(raw)
            lower = raw.lower().removeprefix("_xlpm.")
            if raw.lower().startswith("_xlpm.") or lower in bound:
                called.append("LAMBDA")
            elif lower in known:
                called.append(name)
            elif not (raw.upper().startswith(_PREFIXES) or name in FORMULAE or name in BY_NAME or engine_knows(name)):
                return None  # a function Excel does not have: the workbook's #NAME?
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            value = token.value
            if "[" in value:
                continue  # a table's column or an external link
            bare = value.rpartition("!")[2]
            lower = bare.lower().removeprefix("_xlpm.")
            if _REFERENCE.fullmatch(bare) or lower in bound or lower in known or lower in ("true", "false"):
                continue
            return None  # a name the workbook does not define
    if "LAMBDA" in called:
        return "LAMBDA", "the embedded engine cannot call a LAMBDA given a name by LET"
    if called:
        return called[0], f"the embedded engine cannot call {called[0]}, a name defined by a LAMBDA"
    return "formula", ENGINE_NAME_REASON


def uses_names(formula: str) -> bool:
    """Whether ``formula`` may use a defined name, a table or a name given by ``LET``/``LAMBDA``: an operand that is
    no cell, range, whole column or row, nor TRUE/FALSE, or a call of a function Excel does not have (a name of a
    LAMBDA); True where the formula cannot be read.

    >>> uses_names("=SUM(INDIRECT(B1))"), uses_names("=SUM(INDIRECT(Sheets))"), uses_names("=Tax(A1)")
    (False, True, True)
    """
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    except Exception:  # noqa: BLE001
        return True
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            raw = token.value[:-1]
            name = _bare(raw)
            if raw.lower().startswith("_xlpm.") or not (raw.upper().startswith(_PREFIXES) or name in FORMULAE):
                return True
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            bare = token.value.rpartition("!")[2]
            if "[" in token.value or not (_REFERENCE.fullmatch(bare) or bare.lower() in ("true", "false")):
                return True
    return False


#: :func:`engine_name_error`'s reason for a formula calling no LAMBDA (a cell reading an uncomputed cell through
#: OFFSET or INDIRECT gets it too, the engine's #NAME? passed on: that cell's reason replaces it)
ENGINE_NAME_REASON = "the embedded engine cannot resolve a name this formula uses (every name it uses exists)"


def reads_name_error(workbook: fz.Workbook, sheet: str, ref: str, errors: dict[str, set[tuple[int, int]]]) -> bool:
    """Whether the cell reads a cell holding ``#NAME?`` (``errors[sheet]``: their places): it passes that error on."""
    quoted = "'" + sheet.replace("'", "''") + "'"
    try:
        report = workbook.precedents(f"{quoted}!{ref}", max_links=1 << 30, max_work=1 << 40).to_dict()
    except Exception:  # noqa: BLE001  (no graph for it: assume it reads one, the error stays the workbook's)
        return True
    for entry in report["precedents"]:
        reference = entry["reference"]
        target = reference.get("address") or reference.get("resolved")
        resolution = reference.get("resolution") or {}
        target = target or resolution.get("address")
        if not target:
            if reference.get("kind") not in ("Cell", "Range"):
                return True  # a name or reference the engine could not resolve: not the formula's own error
            continue
        other, area = _split(target)
        try:
            left, top, right, bottom = range_boundaries(area)
        except ValueError:
            continue
        left, top, right, bottom = left or 1, top or 1, right or _LAST_COLUMN, bottom or _LAST_ROW
        if any(
            left <= c <= right and top <= r <= bottom and (other, (r, c)) != (sheet, cell_position(ref))
            for r, c in errors.get(other, ())
        ):
            return True
        if (bottom - top + 1) * (right - left + 1) <= _READ_AT_MOST:  # a #NAME? typed in as a value
            try:
                grid = workbook.sheet(other).get_values(fz.RangeAddress(other, top, left, bottom, right))
            except Exception:  # noqa: BLE001  (a sheet the engine does not have: nothing read there)
                continue
            if any(_is_name_error(v) for row in grid for v in row):
                return True
    return False


def _is_name_error(value: Any) -> bool:
    return isinstance(value, dict) and value.get("type") == "Error" and str(value.get("kind", "")).lower() == "name"
