"""Why a lookup gives #N/A: the value it looks for is not where it looks.

``=D21*XLOOKUP(C21,Plans[Plan],Plans[Price])`` with ``teams`` typed in C21 (the Plans table has ``team``) is #N/A,
as in Excel (Microsoft's XLOOKUP page: no match and no if_not_found give #N/A), and so is every cell summing or
reading it; the engine keeps only the code, so recalc listed them all with no reason. :func:`lookup_reasons` gives
such a cell the lookup that found nothing, evaluated in its place: ``XLOOKUP: 'teams' (Revenue!C21) is not in
Plans[Plan] (#N/A)``; :func:`~.reasons.pass_reasons_on` carries it to the cells reading it. Only exact lookups
(XLOOKUP and XMATCH by default, VLOOKUP and HLOOKUP with FALSE, MATCH with 0) whose value looked for is no error.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..cells import CellError
from ..sheet_names import written
from .formula_texts import position
from .literal_reasons import _SINGLE, _cells_read
from .unexplained import unexplained_errors
from .value_origins import _call_end, _evaluated

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["lookup_argument", "lookup_reasons"]

_LOOKUP = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(XLOOKUP|XMATCH|VLOOKUP|HLOOKUP|MATCH)\(")
#: the most #N/A cells looked at (each costs a few evaluations)
MAX_LOOKED_AT = 100
#: the probe's answer where the lookup finds its value (or looks for a blank): no reason
_FOUND = "_xlr_found"


def _exact(name: str, args: list[str]) -> bool:
    """Whether the call looks for an exact match (where #N/A means the value is not there)."""
    if name in ("XLOOKUP", "XMATCH"):
        mode = args[4 if name == "XLOOKUP" else 2] if len(args) > (4 if name == "XLOOKUP" else 2) else ""
        return mode.strip() in ("", "0")
    if name in ("VLOOKUP", "HLOOKUP"):
        return len(args) == 4 and args[3].strip().upper() in ("FALSE", "0")
    return len(args) == 3 and args[2].strip() == "0"  # MATCH


def _where(name: str, args: list[str]) -> str:
    if name == "VLOOKUP":
        return f"the first column of {args[1]}"
    if name == "HLOOKUP":
        return f"the first row of {args[1]}"
    return args[1]


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int | float):
        return f"{value:g}"
    return str(value)


def _calls(text: str) -> list[tuple[str, list[str]]]:
    calls = []
    for match in _LOOKUP.finditer(text):
        found = _call_end(text, match.end())
        if found is not None and len(found[0]) >= 2:
            calls.append((match.group(1).upper(), found[0]))
    return calls


def lookup_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each #N/A cell without a reason whose formula makes an exact lookup that finds nothing that lookup:
    ``XLOOKUP: 'teams' (Revenue!C21) is not in Plans[Plan] (#N/A)``; returns how many got one."""
    named = 0
    for sheet, ref, place, text, _error in unexplained_errors(formulas, result, "#N/A", _LOOKUP.search, MAX_LOOKED_AT):
        try:
            engine = workbook.get_formula(sheet, *place) or ""
        except Exception:  # noqa: BLE001  (a cell the engine cannot give)
            continue
        reason = _cause(workbook, sheet, place, text, engine)
        if reason is not None:
            result.values[sheet][ref] = CellError("#N/A", f"{reason} (#N/A)")
            named += 1
    return named


def _cause(workbook: fz.Workbook, sheet: str, place: tuple[int, int], text: str, engine: str) -> str | None:
    """The first exact lookup of ``text`` (the formula as typed, then ``engine``, as the engine holds it), evaluated
    in ``sheet``'s cell at ``place``, that finds nothing: ``XLOOKUP: 'teams' (Revenue!C21) is not in Plans!A2:A7``."""
    engine = engine.removeprefix("=").replace("$", "")
    asked: set[str] = set()
    for name, args in _calls(text) + _calls(engine):  # the user's own text first (Plans[Plan], as written)
        key = name + "(" + ",".join(args).replace(" ", "").upper()
        if not _exact(name, args) or key in asked:  # the engine's printing of the same call: asked once
            continue
        asked.add(key)
        # one evaluation (each costs ~10 ms in a large workbook): the value looked for where the lookup is #N/A
        call, value = f"{name}({','.join(args)})", args[0]
        sought = _evaluated(
            workbook, sheet, *place, f'=IF(ISNA({call}),IF(ISBLANK({value}),"{_FOUND}",{value}),"{_FOUND}")'
        )
        if sought is None or sought == _FOUND or isinstance(sought, dict | list):  # found, blank, error or array
            continue
        cell = ""
        if _SINGLE.fullmatch(args[0].strip()):
            for _, where, letters, row, _column, _held in _cells_read(workbook, _SINGLE, args[0], sheet):
                cell = f" ({written(where)}!{letters.upper()}{row})"
        return f"{name}: {_shown(sought)}{cell} is not in {_where(name, args)}"
    return None


#: "CRR: customers_end is the error value #N/A (#VALUE!)": an argument the formula itself looks up
_NA_ARGUMENT = re.compile(r"^[A-Z_][A-Z0-9_.]*: \w+ is the error value #N/A \((?P<code>#[A-Z0-9/!?]+)\)$")


def lookup_argument(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    sheet: str,
    ref: str,
    names: dict[str, dict[str, str]] | None = None,
) -> str:
    """``reason`` ("CRR: customers_end is the error value #N/A (#VALUE!)") with the lookup in the error cell's
    formula that finds nothing: ``..., because VLOOKUP: 'zz' is not in the first column of Raw!A1:B4 (#VALUE!)``;
    else ``reason`` as it is."""
    found = _NA_ARGUMENT.match(reason)
    place = position(ref)
    if found is None or place not in formulas.get(sheet, {}):
        return reason
    try:
        engine = workbook.get_formula(sheet, *place) or ""
    except Exception:  # noqa: BLE001  (a cell the engine cannot give)
        return reason
    cause = _cause(workbook, sheet, place, formulas[sheet][place], engine)
    if cause is None:
        return reason
    return f"{reason[: found.start('code') - 2]}, because {cause} ({found['code']})"
