"""What blocks a dynamic array's spill: a #SPILL! names the cells to clear.

Excel shows #SPILL! where a dynamic array formula's result would cover cells that are not blank, merged cells or a
table (Microsoft, "How to correct a #SPILL! error": "Spill range isn't blank", "Spill range has merged cells"; its
error menu selects the obstructing cells). The engine gives the code alone, and recalc listed ``Calculs!A2 = #SPILL!``
with no reason, leaving the user to find what is in the way. :func:`spill_reasons` asks the engine the result's size
(``ROWS`` and ``COLUMNS`` of the formula, evaluated in its cell) and names what the area holds: ``Calculs!A2 spills
into A2:A7 (6 x 1), blocked by merged cells Calculs!A6:A7: ... (#SPILL!)``, ``..., blocked by the value in
Calculs!B5: ...``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from ..sheet_names import SHEET, written
from .formula_texts import position
from .large_arrays import LargeArray, free_area
from .merged_spills import merged_areas
from .package import scan
from .scratch_cell import scratch_value
from .text_literals import LITERALS as _TEXTS
from .unsupported import Unsupported
from .whole_spills import edge_advice
from .xlsx_values import Resized, _sheet_parts

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["oversized_spills", "spill_reasons"]

#: the most #SPILL! cells explained (each costs an evaluation of the cell), and the most cells of a spill area read
MAX_EXPLAINED = 100
MAX_AREA = 100_000
#: formualizer 0.13 spills at most this many cells (its SpillConfig.max_spill_cells, which its Python configuration
#: does not set): a larger result is its #SPILL!, never Excel's, which spills any result that fits on the sheet into
#: blank cells (Microsoft, "Dynamic array formulas and spilled array behavior")
ENGINE_SPILL_CELLS = 10_000
LIMIT_REASON = (
    "{cell} {spills} {extent} ({rows} x {columns}), more than the 10,000 cells the embedded engine spills (Excel "
    "{does}): not computed here, recalculate it in Excel"
)


def _limit_reason(sheet: str, ref: str, extent: str, size: tuple[int, int], legacy: bool) -> str:
    """:data:`LIMIT_REASON` of the array formula in ``sheet!ref``: a dynamic one spills, a Ctrl+Shift+Enter one fills
    its range."""
    spills, does = ("fills", "fills it") if legacy else ("spills into", "spills it")
    return LIMIT_REASON.format(
        cell=f"{written(sheet)}!{ref}", spills=spills, extent=extent, rows=size[0], columns=size[1], does=does
    )


#: the blocking cells named before "and N more"
FIRST = 3
#: a spill's reference: ``D1#``, ``'My data'!D1#``, ``_xlfn.ANCHORARRAY(D1)``
_SPILL_REFERENCE = re.compile(
    r"(?i)(?<![\w.$!':])(?:(?:_xlfn\.)?ANCHORARRAY\(\s*(?:(" + SHEET + r")!)?\$?([A-Z]{1,3})\$?(\d+)\s*\)"
    r"|(?:(" + SHEET + r")!)?\$?([A-Z]{1,3})\$?(\d+)#)"
)


def _size(
    workbook: fz.Workbook, sheet: str, row: int, column: int, stored: str | None = None
) -> tuple[int, int] | None:
    """The rows and columns of the result of the formula in ``sheet``'s cell (its spill's size), asked of the engine
    in that cell, or where the engine holds no formula there (a spill over merged cells set to #SPILL!,
    :mod:`.merged_spills`) the file's formula ``stored`` asked in the sheet's last cell; None where it cannot tell."""
    formula = workbook.get_formula(sheet, row, column)
    text = (formula or stored or "").removeprefix("=")
    if not text:
        return None
    probe = f'=ROWS({text})&"|"&COLUMNS({text})'
    from .value_origins import evaluated  # noqa: PLC0415  (its module and four more: a spill's reason only)

    answer = evaluated(workbook, sheet, row, column, probe) if formula else _elsewhere(workbook, sheet, probe)
    if not isinstance(answer, str) or answer.count("|") != 1:
        return None
    rows, columns = answer.split("|")
    return (int(rows), int(columns)) if rows.isdigit() and columns.isdigit() else None


def _elsewhere(workbook: fz.Workbook, sheet: str, probe: str) -> Any:
    """The value of the formula ``probe`` in ``sheet``'s last cell (cleared afterwards); None where that cell holds
    something or the engine cannot read it."""
    return scratch_value(workbook, sheet, probe)


def _spilled(workbook: fz.Workbook, sheet: str, ref: str) -> bool:
    """Whether the engine spilled the formula in ``sheet!ref`` over more than its own cell: its #SPILL! is then a
    value of its result (``=SEQUENCE(3)*D1`` over a blocked D1), not a spill of its own blocked."""
    try:
        spill = workbook.inspect_cell(f"{written(sheet)}!{ref}").to_dict()["cell"].get("spill") or {}
    except Exception:  # noqa: BLE001  (a cell the engine cannot inspect: taken as not spilled)
        return False
    extent = str(spill.get("extent") or "").rpartition("!")[2].replace("$", "") if spill.get("kind") == "Anchor" else ""
    return ":" in extent and len(set(extent.split(":"))) == 2


def _merged(path: str | Path | None, sheets: set[str]) -> dict[str, list[tuple[int, int, int, int]]]:
    if path is None or not sheets:
        return {}
    try:
        with zipfile.ZipFile(path) as package:
            parts = _sheet_parts(package)
            return {sheet: merged_areas(package.read(parts[sheet])) for sheet in sheets if parts.get(sheet)}
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}


def _held(value: Any) -> str | None:
    """What a reason calls a cell's ``value`` in a spill's way: an empty text is not blank (Excel: "Spill range
    isn't blank"; a space typed in, stored without xml:space, reads as one too)."""
    if value is None:
        return None
    return "the empty text" if value == "" else "the value"


def _blockers(
    workbook: fz.Workbook,
    sheet: str,
    texts: FormulaTexts | None,
    area: tuple[int, int, int, int],
    anchor: tuple[int, int],
    merged: list[tuple[int, int, int, int]],
    tables: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> list[str]:
    """What the spill ``area`` (left, top, right, bottom) of the formula at ``anchor`` holds: merged cells, the
    ``tables`` of the sheet (name, range: a table never takes a spill), formulas, values, each once, row by row."""
    left, top, right, bottom = area
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    for name, ref in tables:
        box = range_boundaries(ref)
        if box[0] <= right and left <= box[2] and box[1] <= bottom and top <= box[3]:
            found.append(f"the table {name} ({written(sheet)}!{ref})")  # its cells in the way named too
    for box in merged:
        if box[0] <= right and left <= box[2] and box[1] <= bottom and top <= box[3]:
            first, last = f"{get_column_letter(box[0])}{box[1]}", f"{get_column_letter(box[2])}{box[3]}"
            found.append(f"merged cells {written(sheet)}!{first}:{last}")
            seen.update((r, c) for r in range(box[1], box[3] + 1) for c in range(box[0], box[2] + 1))
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            if (r, c) == anchor or (r, c) in seen:
                continue
            cell = f"{written(sheet)}!{get_column_letter(c)}{r}"
            if texts is not None and (r, c) in texts:
                found.append(f"the formula in {cell}")
                continue
            try:
                value = workbook.get_value(sheet, r, c)
            except Exception:  # noqa: BLE001  (not readable: not named)
                continue
            held = _held(value)
            if held is None:
                continue
            other = _spilled_by(workbook, sheet, cell)
            if other is None:
                found.append(f"{held} in {cell}")
            elif other not in found:  # a value of another formula's spill: that spill, once (it cannot be cleared)
                found.append(other)
    return found


def _spilled_by(workbook: fz.Workbook, sheet: str, cell: str) -> str | None:
    """``the spill of S!B2 (B2:D2)`` where the engine's ``cell`` is a value of another formula's spill; else None."""
    try:
        spill = workbook.inspect_cell(cell).to_dict()["cell"].get("spill") or {}
        anchor = str(spill.get("anchor") or "") if spill.get("kind") == "Member" else ""
        if not anchor:
            return None
        extent = workbook.inspect_cell(anchor).to_dict()["cell"].get("spill") or {}
    except Exception:  # noqa: BLE001  (a cell the engine cannot inspect: a value)
        return None
    where = str(extent.get("extent") or "").rpartition("!")[2].replace("$", "")
    at = anchor.rpartition("!")[2].replace("$", "")
    return f"the spill of {written(sheet)}!{at} ({where})" if where else None


def _spill_error(value: Any, any_reason: bool = False) -> CellError | None:
    """The #SPILL! without a reason (``any_reason``: with one or not) ``value`` is, or holds as a dynamic array's
    first cell whose stored spill range changes (:class:`.xlsx_values.Resized`: a result grown past the range the
    file stores is blocked too); else None."""
    inner = value.value if type(value) is Resized else value
    if type(inner) is CellError and inner.code == "#SPILL!" and (any_reason or not inner.message):
        return inner
    return None


def _may_hold_errors(cells: dict[str, Any]) -> bool:
    """Whether a sheet's values hold an error (a dynamic array's first cell one in :class:`.xlsx_values.Resized`):
    the types looked at once, in C, before each value is."""
    kinds = set(map(type, cells.values()))
    return CellError in kinds or Resized in kinds


def spill_reasons(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed, path: str | Path | None = None
) -> int:
    """Give each #SPILL! cell without a reason what blocks its spill (``path``: the package, for its merged cells),
    and each cell reading such a spill (``D1#``) that reason; returns how many got one. A reason's words never fail
    the recalculation: where they cannot be had, the cells keep theirs."""
    try:
        return _spill_reasons(workbook, formulas, result, path)
    except Exception:  # noqa: BLE001
        return 0


def _spill_reasons(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed, path: str | Path | None
) -> int:
    todo = [
        (sheet, ref)
        for sheet, cells in result.values.items()
        if _may_hold_errors(cells)
        for ref, value in cells.items()
        if _spill_error(value) is not None
    ][:MAX_EXPLAINED]
    if not todo:
        return 0
    merged = _merged(path, {sheet for sheet, _ in todo})
    package = _Package(path)
    named = 0
    for sheet, ref in todo:
        if _spilled(workbook, sheet, ref):  # its own result's #SPILL!: the cells it reads say why
            continue
        row, column = position(ref)
        texts = formulas.get(sheet)
        stored = texts[(row, column)] if texts is not None and (row, column) in texts else None
        size = _size(workbook, sheet, row, column, stored)
        if size is None or size == (1, 1):
            continue
        area = (column, row, column + size[1] - 1, row + size[0] - 1)
        extent = f"{ref}:{get_column_letter(min(area[2], 16384))}{min(area[3], 1048576)}"
        cells = size[0] * size[1]
        if area[2] > 16384 or area[3] > 1048576:  # =CRR(A:A,..) in row 2: the rows of the data advised
            why = f"reaches past the sheet's edge: {edge_advice(stored or '') or 'move the formula up or left'}"
        elif package.holds(sheet, ref):  # a Ctrl+Shift+Enter array fills its own range, never spills
            if cells <= ENGINE_SPILL_CELLS:
                continue
            why = ""
        elif cells > MAX_AREA:
            why = ""
        else:
            found = _blockers(
                workbook, sheet, formulas.get(sheet), area, (row, column), merged.get(sheet, []), package.tables(sheet)
            )
            if not found and cells <= ENGINE_SPILL_CELLS:
                continue
            why = _blocked(found) if found else ""
        old = package.holds(sheet, ref)
        if why:
            reason = f"{written(sheet)}!{ref} spills into {extent} ({size[0]} x {size[1]}), {why} (#SPILL!)"
        else:  # nothing in its way (or not looked at): the engine's limit
            reason = f"{_limit_reason(sheet, ref, extent, size, old)} (#SPILL!)"
        value = result.values[sheet][ref]
        explained = CellError("#SPILL!", reason)
        result.values[sheet][ref] = Resized(explained, value.ref) if type(value) is Resized else explained
        named += 1
    return named + _spill_readers(formulas, result)


def _blocked(found: list[str]) -> str:
    """What a reason says of the cells ``found`` in a spill's way (:func:`_blockers`)."""
    more = f" and {len(found) - FIRST} more" if len(found) > FIRST else ""
    kinds = {"unmerge" if f.startswith("merged") else "table" if f.startswith("the table ") else "clear" for f in found}
    if any(f.startswith("the spill of ") for f in found):  # another formula's result: move one of them
        return f"blocked by {', '.join(found[:FIRST])}{more}: move this formula or that one"
    if kinds == {"table"}:
        what = "convert it to a range" if len(found) == 1 else "convert them to ranges"
        return f"blocked by {', '.join(found[:FIRST])}{more}: {what} or move the formula"
    if "table" in kinds:
        return f"blocked by {', '.join(found[:FIRST])}{more}: clear what is in the way or move the formula"
    merges = "unmerge" in kinds
    them = "it" if len(found) == 1 and not merges else "them"
    do = kinds.pop() if len(kinds) == 1 else "clear or unmerge"
    return f"blocked by {', '.join(found[:FIRST])}{more}: {do} {them} or move the formula"


class _Package:
    """The Ctrl+Shift+Enter array formulas (not Excel 365 dynamic arrays) and the tables of the package at ``path``,
    scanned when first asked."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = path
        self.legacy: set[tuple[str, str]] = set()
        self.by_sheet: dict[str, list[tuple[str, str]]] = {}
        self.scanned = False

    def _scan(self) -> None:
        self.scanned = True
        if self.path is None:
            return
        try:
            info = scan(str(self.path))
        except Exception:  # noqa: BLE001  (a package not read again: none known)
            return
        for where, cells in info.formulas.items():
            self.legacy.update((where, at) for at, cell in cells.items() if cell.kind == "array" and not cell.dynamic)
        for table in info.tables:
            self.by_sheet.setdefault(table.sheet, []).append((table.name, table.ref))

    def holds(self, sheet: str, ref: str) -> bool:
        """Whether ``sheet!ref`` is a Ctrl+Shift+Enter array's first cell."""
        if not self.scanned:
            self._scan()
        return (sheet, ref) in self.legacy

    def tables(self, sheet: str) -> list[tuple[str, str]]:
        """The tables of ``sheet``: (name, range)."""
        if not self.scanned:
            self._scan()
        return self.by_sheet.get(sheet, [])


def _spill_readers(formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each error cell without a reason that reads a spill (``=SUM(D1#)``) whose anchor is an explained #SPILL!
    (its spill reference is then no range) the anchor's reason: ``S!E1 reads S!D1#, and S!D1 is #SPILL!, because
    S!D1 spills into D1:D4 (4 x 1), blocked by ... (#REF!)``; returns how many got one."""
    named = 0
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None or CellError not in set(map(type, cells.values())):
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.message or not value.code.startswith("#"):
                continue
            place = position(ref)
            if place not in texts or ("#" not in texts[place] and "ANCHORARRAY" not in texts[place].upper()):
                continue
            for found in _SPILL_REFERENCE.finditer(_TEXTS.sub('""', texts[place])):
                where = found.group(1) or found.group(4)
                where = (where[1:-1].replace("''", "'") if where.startswith("'") else where) if where else sheet
                where = next((s for s in result.values if s.lower() == where.lower()), where)
                anchor = f"{(found.group(2) or found.group(5)).upper()}{found.group(3) or found.group(6)}"
                held = result.values.get(where, {}).get(anchor)
                held = held.value if type(held) is Resized else held
                if type(held) is not CellError or held.code != "#SPILL!" or not held.message:
                    continue
                cause = held.message.split(", from ")[0].removesuffix(" (#SPILL!)")
                at = f"{written(where)}!{anchor}"
                why = f"{written(sheet)}!{ref} reads {at}#, and {at} is #SPILL!, because {cause} ({value.code})"
                cells[ref] = CellError(value.code, why)
                named += 1
                break
    return named


def oversized_spills(
    workbook: fz.Workbook, info: PackageInfo, values: dict[str, dict[str, object]]
) -> list[Unsupported]:
    """Each array formula of ``info`` whose engine value (``values``) is a #SPILL! of a result of more than
    :data:`ENGINE_SPILL_CELLS` cells that fits on the sheet, nothing in its way (a Ctrl+Shift+Enter array: whatever
    its range holds, it fills it): the engine's limit, never Excel's answer. Listed (Excel's stored values kept, the
    cells reading them computed from them), never a silent #SPILL!; each a :class:`.large_arrays.LargeArray`, which
    :func:`.large_arrays.compute_large_arrays` computes where it can."""
    found: list[Unsupported] = []
    for sheet, cells in info.formulas.items():
        for ref, cell in cells.items():
            if cell.kind != "array" or _spill_error(values.get(sheet, {}).get(ref), any_reason=True) is None:
                continue
            row, column = position(ref)
            try:
                size = _size(workbook, sheet, row, column, cell.text)
            except Exception:  # noqa: BLE001  (its size not had: not listed here)
                continue
            if size is None or size[0] * size[1] <= ENGINE_SPILL_CELLS:
                continue
            area = (column, row, column + size[1] - 1, row + size[0] - 1)
            if area[2] > 16384 or area[3] > 1048576:
                continue  # past the sheet's edge: Excel's #SPILL! too
            if (
                cell.dynamic
                and size[0] * size[1] <= MAX_AREA
                and _blockers(workbook, sheet, None, area, (row, column), [])
            ):
                continue  # something in its way: Excel's #SPILL! too
            extent = f"{ref}:{get_column_letter(area[2])}{area[3]}"
            try:  # what computing it here needs (.large_arrays): the engine's formula, the area free
                formula = workbook.get_formula(sheet, row, column) or ""
                free = not cell.dynamic or free_area(workbook, info, sheet, area)
            except Exception:  # noqa: BLE001  (not known: not computed)
                formula, free = "", False
            found.append(
                LargeArray(
                    sheet,
                    ref,
                    "spill of more than 10,000 cells",
                    _limit_reason(sheet, ref, extent, size, not cell.dynamic),
                    formula=formula.removeprefix("="),
                    size=size,
                    free=free,
                )
            )
    return found
