"""Every formula cell that reads, directly or through others, a cell with no current value (split from
:mod:`.kept`): :func:`dependents`. They are listed too, never computed from a blank.
"""

from __future__ import annotations

import re
from typing import Any

import formualizer as fz
from openpyxl.utils.cell import range_boundaries

from .cell_addresses import _LAST_COLUMN, _LAST_ROW, _address, _split
from .formula_texts import FormulaTexts
from .formula_texts import position as cell_position
from .indirect import indirect_targets
from .offset_readers import offset_readers
from .package import PackageInfo, visible_names
from .position_reads import position_only
from .text_literals import LITERALS as _TEXT

#: a text typed in a formula ("..." with "" for a quote inside)


#: a rectangle of cells without a current value standing for its cells as roots of :func:`dependents` (a spill too
#: large for the engine, stored as its first cell): (sheet, (top, left, bottom, right), source, index), ``index`` its
#: place among the roots (the number of roots before its cells), its cells in rows from the top
Area = tuple[str, tuple[int, int, int, int], tuple[str, str], int]


def dependents(
    workbook: fz.Workbook,
    roots: dict[tuple[str, str], tuple[str, str]],
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    areas: list[Area] | tuple[()] = (),
) -> dict[tuple[str, str], tuple[str, str]]:
    """The formula cells that read any of ``roots`` (``{(sheet, "G2"): (sheet, "G1") its source}``), directly or not.

    Returns ``{(sheet, ref): (source sheet, source ref)}``. Follows the engine's dependency graph, the
    names over a range holding such a cell, and every ``INDIRECT`` whose text names such a cell, or whose
    text cannot be told (:func:`.indirect.indirect_targets`: then it may point anywhere), and every ``OFFSET``
    reaching such a cell, or whose area cannot be told (:func:`.offset_readers.offset_readers`).

    ``areas`` (:data:`Area`): rectangles whose cells are roots too, as if each were in ``roots`` at the area's place
    (:func:`expanded` gives that dict; the answer is the same). A rectangle of more cells than the workbook has
    formula cells is not looked up cell by cell in the engine's graph: only the cells where a reference of a formula
    meets it are (:func:`_meeting_cells`: its last cell there, where a look-up cell by cell, from the last cell up,
    first finds that reader); names, INDIRECT and OFFSET are tested against the rectangle itself. A spill of
    1,000,000 cells read by a few formulas: a few look-ups, not 1,000,000.
    """
    if areas:
        met = [_meeting_cells(workbook, formulas, area, roots) for area in areas]
        if any(cells is None for cells in met):
            return dependents(workbook, expanded(roots, areas), formulas, info)
        return _dependents(workbook, roots, formulas, info, list(zip(areas, met, strict=True)))  # type: ignore[arg-type]
    return _dependents(workbook, roots, formulas, info, [])


def expanded(roots: dict[tuple[str, str], tuple[str, str]], areas: list[Area] | tuple[()]) -> dict:
    """``roots`` with each area's cells put in at its place, as ``dict.update`` of them there would (a cell already
    in keeps its place and takes the area's source)."""
    if not areas:
        return roots
    items = list(roots.items())
    out: dict[tuple[str, str], tuple[str, str]] = {}
    done = 0
    for sheet, (top, left, bottom, right), source, index in sorted(areas, key=lambda area: area[3]):
        out.update(items[done:index])
        done = index
        out.update({(sheet, _address(r, c)): source for r in range(top, bottom + 1) for c in range(left, right + 1)})
    out.update(items[done:])
    return out


def _meeting_cells(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], area: Area, roots: dict
) -> list[tuple[str, str]] | None:
    """The cells of ``area`` where the engine's graph may lead from it to a reader: for each reference of a formula
    (the engine's own, as it declares them) that meets the area, the last cell (row by row) of their common part;
    in rows from the top. None where that cannot stand for a look-up of every cell: the area has no more cells than
    the workbook has formula cells (looked up cell by cell, as before), a formula's reference is not a cell or a range
    of one sheet (a name, a 3-D range, ...), or a formula meeting it names cells for their place (ROW, COLUMN,
    ISREF, CELL: which cell of the area it reads may decide whether it reads one), or a root of another source
    (or after it) lies in it."""
    sheet, (top, left, bottom, right), source, index = area
    size = (bottom - top + 1) * (right - left + 1)
    if size <= sum(len(texts) for texts in formulas.values()):
        return None
    for place, (key, origin) in enumerate(roots.items()):
        if key[0] == sheet and _inside(cell_position(key[1]), top, left, bottom, right):
            if origin != source or place >= index:
                return None
    lowered = sheet.lower()
    meeting: set[tuple[int, int]] = set()
    for other, texts in formulas.items():
        quoted = "'" + other.replace("'", "''") + "'"
        for place, text in texts.master_texts():
            try:
                report = workbook.precedents(
                    f"{quoted}!{texts.refs[place]}", max_links=1 << 30, max_work=1 << 40
                ).to_dict()
            except Exception:  # noqa: BLE001  (what the cell reads cannot be told: every cell looked up)
                return None
            if (report.get("truncation") or {}).get("incomplete"):
                return None
            for entry in report["precedents"]:
                reference = entry["reference"]
                kind = reference.get("kind")
                written = reference.get("address") if kind == "Cell" else reference.get("declared")
                if kind not in ("Cell", "Range") or not written or "!" not in written:
                    return None
                where, _, cells = written.rpartition("!")
                if where.startswith("'") and where.endswith("'"):
                    where = where[1:-1].replace("''", "'")
                if where.lower() != lowered:
                    continue
                try:
                    first, high, last, low = range_boundaries(cells.replace("$", ""))
                except ValueError:
                    return None
                first, high = first or 1, high or 1
                last, low = last or _LAST_COLUMN, low or _LAST_ROW
                if last < left or first > right or low < top or high > bottom:
                    continue
                upper = text.upper()
                if "ROW" in upper or "COLUMN" in upper or "ISREF(" in upper or "CELL(" in upper:
                    return None
                meeting.add((min(low, bottom), min(last, right)))
    return [(sheet, _address(r, c)) for r, c in sorted(meeting) if (sheet, _address(r, c)) not in roots]


def _inside(position: tuple[int, int], top: int, left: int, bottom: int, right: int) -> bool:
    return top <= position[0] <= bottom and left <= position[1] <= right


def _dependents(
    workbook: fz.Workbook,
    roots: dict[tuple[str, str], tuple[str, str]],
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    areas: list[tuple[Area, list[tuple[str, str]]]],
) -> dict[tuple[str, str], tuple[str, str]]:
    found: dict[tuple[str, str], tuple[str, str]] = {}
    todo: list[Any] = list(roots.items())
    for (_, _, source, index), cells in reversed(sorted(areas, key=lambda pair: pair[0][3])):
        todo.insert(index, ((None, cells), source))  # its cells put on the list when it is reached
    seen = dict(roots)  # every cell reached -> the cell without a current value it reads
    held = [(sheet, rectangle, source) for (sheet, rectangle, source, _), _ in areas]

    def known(key: tuple[str, str]) -> bool:
        if key in seen:
            return True
        if held:
            spot = cell_position(key[1])
            return any(key[0] == s and _inside(spot, *box) for s, box, _ in held)
        return False

    marks = sorted((index, sheet, rectangle, source) for (sheet, rectangle, source, index), _ in areas)
    range_names = [(scope, name, _split(target)) for scope, name, target in info.reference_names]
    used_names: set[tuple[str, str]] = set()
    indirect: list[tuple[tuple[str, str], list | None]] | None = None
    offsets: list[tuple[tuple[str, str], list | None]] | None = None
    unquoted: list[tuple[str, str, str]] | None = None  # (sheet, cell, formula without its texts' contents)
    while todo:
        while todo:
            (sheet, ref), source = todo.pop()
            if sheet is None:  # an area: its meeting cells, looked up from the last (as its cells would be)
                todo.extend((cell, source) for cell in ref)
                continue
            quoted = "'" + sheet.replace("'", "''") + "'"
            try:
                report = workbook.dependents(f"{quoted}!{ref}", max_results=1 << 30, max_work=1 << 40).to_dict()
            except Exception:  # noqa: BLE001  (a cell the engine has no node for reads nothing)
                continue
            for entry in report["dependents"]:
                key = _split(entry["cell"])
                if not known(key):
                    place = cell_position(key[1])
                    text = formulas[key[0]][place] if place in formulas.get(key[0], {}) else None
                    if text is not None and position_only(text, key[0], sheet, *cell_position(ref)):
                        continue  # ROW(C1), ROWS(C1:C3): the cell's place, whatever it holds (.position_reads)
                    seen[key] = source
                    if cell_position(key[1]) in formulas.get(key[0], {}):
                        found[key] = source
                    todo.append((key, source))
        readers: list[tuple[tuple[str, str], tuple[str, str]]] = []
        places: dict[str, list[tuple[Any, Any]]] = {}  # the cells found, by sheet (an area: (None, its entry))
        waiting = list(marks)
        for count, key in enumerate(seen):
            while waiting and waiting[0][0] <= count:
                _, where, rectangle, origin = waiting.pop(0)
                places.setdefault(where, []).append((None, (rectangle, origin)))
            places.setdefault(key[0], []).append((cell_position(key[1]), key))
        for _, where, rectangle, origin in waiting:
            places.setdefault(where, []).append((None, (rectangle, origin)))
        for scope, name, (sheet, target) in range_names:  # names the engine resolves: not in its graph
            if (scope, name) in used_names:
                continue
            try:
                left, top, right, bottom = range_boundaries(target)
            except ValueError:
                continue
            left, top, right, bottom = left or 1, top or 1, right or _LAST_COLUMN, bottom or _LAST_ROW
            hit = _hit_source(places, seen, sheet, (left, top, right, bottom))
            if hit is None:
                continue
            used_names.add((scope, name))
            word = re.compile(r"(?<![\w.])" + re.escape(name) + r"(?![\w(])", re.IGNORECASE)
            source = hit
            if unquoted is None:  # a name inside a text ("Jan!Total") is read by an INDIRECT only: see below
                unquoted = [
                    (other, texts.refs[p], _TEXT.sub('""', text) if '"' in text else text)
                    for other, texts in formulas.items()
                    for p, text in texts.master_texts()
                ]
            # every sheet (S!Name): more cells than read it, never fewer
            readers += [((other, ref), source) for other, ref, text in unquoted if word.search(text)]
        if indirect is None:  # every INDIRECT cell, with the areas its text names (None: it may read anything)
            indirect = [
                (
                    (other, texts.refs[p]),
                    indirect_targets(
                        workbook, other, text, info.tables, p, info.names, every=visible_names(info, other)
                    ),
                )
                for other, texts in formulas.items()
                for p, text in texts.master_texts()
                if "INDIRECT(" in text.upper()
            ]
        if offsets is None:  # every OFFSET cell, with the areas it reads (None: it may read anything; .offset_readers)
            offsets = offset_readers(workbook, formulas, info)
        first = next(iter(roots.values())) if roots and (not marks or marks[0][0] > 0) else marks[0][3]
        for key, targets in indirect + offsets:
            if known(key):
                continue
            if targets is None:
                readers.append((key, first))
                continue
            for target, (left, top, right, bottom) in targets:
                hit = _hit_source(places, seen, target, (left, top, right, bottom))
                if hit is not None:
                    readers.append((key, hit))
                    break
        for key, source in readers:
            if not known(key):
                seen[key] = source
                found[key] = source
                todo.append((key, source))
    return found


def _hit_source(
    places: dict[str, list[tuple[Any, Any]]], seen: dict, sheet: str, box: tuple[int, int, int, int]
) -> tuple[str, str] | None:
    """The source of the first cell reached (or area: ``(None, (rectangle, source))``) within ``box`` (left, top,
    right, bottom) of ``sheet``, in the order reached (:func:`_dependents`' ``places``)."""
    left, top, right, bottom = box
    for spot, key in places.get(sheet, ()):
        if spot is None:
            (high, first, low, last), origin = key
            if first <= right and left <= last and high <= bottom and top <= low:
                return origin
        elif left <= spot[1] <= right and top <= spot[0] <= bottom:
            return seen[key]
    return None
