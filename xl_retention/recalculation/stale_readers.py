"""The reason of a cell reading a cell without a current value, where the engine's #NAME? reached it unexplained.

``=OFFSET(A1,2,0)*2`` and ``=INDIRECT("A"&(1+2))+1`` over ``A3 =FORECAST.ETS(..)``, a function the embedded engine
lacks: the engine's ``#NAME?`` passes on to them, every name they use exists, so they were listed with "the embedded
engine cannot resolve a name this formula uses" (function ``formula``): no name is used, and the cell to look at, A3,
was not named. :func:`passed_on` gives them the reason a direct reader gets, "reads U!A3 (FORECAST.ETS), which has no
current value (the embedded engine cannot compute it)": the cells an INDIRECT's text names are in
:func:`.kept.dependents`; an OFFSET whose offsets and size are written as numbers is read here (the engine's graph
holds its first argument only).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.utils.cell import range_boundaries

from ..sheet_names import SHEET, written
from .formula_texts import position
from .indirect import indirect_targets
from .kept import ENGINE_NAME_REASON, dependents
from .package import visible_names
from .text_literals import LITERALS as _TEXTS

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["passed_on", "stale_reason"]

#: OFFSET(reference, rows, columns[, height[, width]]) with the reference a cell or range and the rest whole numbers
_OFFSET = re.compile(
    r"(?i)(?<![\w.])OFFSET\(\s*(?:(" + SHEET + r")!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*,"
    r"\s*(-?\d+)\s*,\s*(-?\d+)\s*(?:,\s*(\d+)\s*(?:,\s*(\d+)\s*)?)?\)"
)


def stale_reason(source: tuple[str, str], function: str) -> str:
    """The reason of a cell reading ``source`` (sheet, cell), which has no current value (its ``function``)."""
    return (
        f"reads {written(source[0])}!{source[1]} ({function}), which has no current value (the embedded engine cannot "
        "compute it)"
    )


def _offset_areas(text: str, sheet: str) -> list[tuple[str, int, int, int, int]]:
    """The areas (sheet, top, left, bottom, right) the OFFSETs of ``text`` written with numbers denote."""
    areas = []
    for match in _OFFSET.finditer(text):
        where = match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet
        left, top, right, bottom = range_boundaries(match.group(2).replace("$", ""))
        rows, columns = int(match.group(3)), int(match.group(4))
        height = int(match.group(5)) if match.group(5) else bottom - top + 1
        width = int(match.group(6)) if match.group(6) else right - left + 1
        top, left = top + rows, left + columns
        if top >= 1 and left >= 1 and height >= 1 and width >= 1:
            areas.append((where, top, left, top + height - 1, left + width - 1))
    return areas


def passed_on(
    workbook: fz.Workbook,
    stale: dict[tuple[str, str], tuple[str, str]],
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    unsupported: list[Any],
) -> None:
    """The cells listed with :data:`.kept.ENGINE_NAME_REASON` that read a cell without a current value (``stale``:
    each such cell -> the listed cell it belongs to) through INDIRECT or OFFSET get that cell's reason
    (:func:`stale_reason`) and function."""
    _said_may_read(workbook, formulas, info, unsupported)
    engine = {(u.sheet, u.ref): u for u in unsupported if u.function == "formula" and u.reason == ENGINE_NAME_REASON}
    roots = {cell: source for cell, source in stale.items() if source not in engine}
    if not engine or not roots:
        return
    by_cell = {(u.sheet, u.ref): u for u in unsupported}
    reached = {**roots, **dependents(workbook, roots, formulas, info)}
    for key, item in engine.items():
        source = reached.get(key)
        if source is None and key[0] in formulas and position(key[1]) in formulas[key[0]]:
            for where, top, left, bottom, right in _offset_areas(formulas[key[0]][position(key[1])], key[0]):
                hits = sorted(
                    (position(ref), origin)
                    for (other, ref), origin in reached.items()
                    if other.lower() == where.lower() and origin not in engine
                    and top <= position(ref)[0] <= bottom and left <= position(ref)[1] <= right
                )  # fmt: skip
                if hits:
                    source = hits[0][1]
                    break
        if source is not None and source in by_cell:
            item.function = by_cell[source].function
            item.reason = stale_reason(source, item.function)
            if _untold(workbook, key, formulas, info):  # =INDIRECT("Nope"): its text names no cell it can tell
                item.reason = (
                    "may read any cell through INDIRECT, whose text names no cell the recalculation can tell; "
                    + item.reason.replace("reads ", "it may read ", 1)
                )


_READS = re.compile(r"^reads ((?:" + SHEET + r")!\$?[A-Z]{1,3}\$?\d+) \(")


def _said_may_read(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo, unsupported: list[Any]
) -> None:
    """Each listed cell said to read a cell without a current value (:func:`stale_reason`) only because its INDIRECT's
    text names no area the recalculation can tell (``=INDIRECT("Nope")``: :func:`.kept.dependents` takes it to read
    any cell), or its OFFSET's areas cannot be told (.offset_readers), its formula not naming that cell: said to maybe
    read it, never to read it."""
    for item in unsupported:
        found = _READS.match(item.reason)
        if found is None:
            continue
        if _untold(workbook, (item.sheet, item.ref), formulas, info):
            cause = "its INDIRECT's text names no cell the recalculation can tell"
        elif _untold_offset(workbook, (item.sheet, item.ref), formulas, info):  # OFFSET(INDIRECT("D!B"&E1),1,0)
            cause = "its OFFSET's reference or area cannot be told before evaluation"
        else:
            continue
        cell = found.group(1).rpartition("!")[2].replace("$", "")
        formula = _TEXTS.sub('""', formulas[item.sheet][position(item.ref)]).upper().replace("$", "")
        if re.search(rf"(?<![A-Z0-9_.]){cell}(?![0-9])", formula):
            continue  # it names the cell too
        item.reason = cause + ", so it " + item.reason.replace("reads ", "may read ", 1)


def _untold_offset(
    workbook: fz.Workbook, key: tuple[str, str], formulas: dict[str, FormulaTexts], info: PackageInfo
) -> bool:
    """Whether the cell ``key`` calls OFFSET whose areas cannot be told (:func:`.offset_readers.offset_targets` None:
    :func:`.kept.dependents` takes it to read any cell)."""
    from .offset_readers import offset_targets  # noqa: PLC0415  (only for a listed cell said to read another)

    sheet, ref = key
    place = position(ref)
    texts = formulas.get(sheet)
    if texts is None or place not in texts or "OFFSET(" not in texts[place].upper():
        return False
    try:
        return offset_targets(workbook, sheet, texts[place], place, info.names) is None
    except Exception:  # noqa: BLE001  (not told either way: as before)
        return False


def _untold(workbook: fz.Workbook, key: tuple[str, str], formulas: dict[str, FormulaTexts], info: PackageInfo) -> bool:
    """Whether the cell ``key`` reads through an INDIRECT whose text names no area the recalculation can tell
    (:func:`.indirect.indirect_targets` None: :func:`.kept.dependents` takes it to read any cell)."""
    sheet, ref = key
    place = position(ref)
    texts = formulas.get(sheet)
    if texts is None or place not in texts or "INDIRECT(" not in texts[place].upper():
        return False
    try:
        areas = indirect_targets(
            workbook, sheet, texts[place], info.tables, place, info.names, every=visible_names(info, sheet)
        )
        return areas is None
    except Exception:  # noqa: BLE001  (not told either way: as before)
        return False
