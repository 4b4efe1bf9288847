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
from .value_origins import _call_end, _evaluated

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["lookup_reasons"]

_LOOKUP = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(XLOOKUP|XMATCH|VLOOKUP|HLOOKUP|MATCH)\(")
#: the most #N/A cells looked at (each costs a few evaluations)
MAX_LOOKED_AT = 200


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
    named = looked_at = 0
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.code != "#N/A" or value.message:
                continue
            place = position(ref)
            if place not in texts or _LOOKUP.search(texts[place]) is None:
                continue
            looked_at += 1
            if looked_at > MAX_LOOKED_AT:
                return named
            try:
                engine = workbook.get_formula(sheet, *place) or ""
            except Exception:  # noqa: BLE001  (a cell the engine cannot give)
                continue
            engine = engine.removeprefix("=").replace("$", "")
            # the formula as typed first (Plans[Plan], as the user wrote it), then as the engine holds it
            for name, args in _calls(texts[place]) + _calls(engine):
                if not _exact(name, args):
                    continue
                if _evaluated(workbook, sheet, *place, f"=ISNA({name}({','.join(args)}))") is not True:
                    continue
                sought = _evaluated(workbook, sheet, *place, f"={args[0]}")
                if sought is None or isinstance(sought, dict | list):  # an error or an array looked for: not here
                    continue
                cell = ""
                if _SINGLE.fullmatch(args[0].strip()):
                    for _, where, letters, row, _column, _held in _cells_read(workbook, _SINGLE, args[0], sheet):
                        cell = f" ({written(where)}!{letters.upper()}{row})"
                reason = f"{name}: {_shown(sought)}{cell} is not in {_where(name, args)} (#N/A)"
                cells[ref] = CellError("#N/A", reason)
                named += 1
                break
    return named
