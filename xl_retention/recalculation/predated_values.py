"""Stored values that predate the inputs they were computed from (split from :mod:`.kept`).

- :func:`volatile_stale`: a cell calling ``TODAY()``, ``NOW()``, ``RAND()`` and the like, or reading one whose value
  has changed since the save, has no current stored value.
- :func:`inputs_stale`: a cell reading a formula cell whose stored value differs from its value now (or a typed
  value such a cell reads) has none either: the file's values predate its inputs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import formualizer as fz
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from .cell_addresses import _LAST_COLUMN, _LAST_ROW, _address, _split
from .formula_texts import FormulaTexts
from .formula_texts import position as cell_position
from .offset_readers import offset_readers
from .package import PackageInfo, stored_values
from .text_literals import LITERALS as _LITERALS
from .uncomputed_readers import dependents

if TYPE_CHECKING:
    from .embedded import Unsupported

#: Excel's volatile functions whose value changes without any input changing (the date, the time, a random draw)
_VOLATILE = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\(")
#: INDIRECT called: a name of it reads cells the engine's graph does not give (:func:`inputs_stale`)
_INDIRECT = re.compile(r"(?i)(?<![\w.])(INDIRECT)\(")
#: INDIRECT given anything but one typed A1 address ("S!A1", "A1:C3"): a text made as the formula runs ("A"&X1, Z1),
#: a name's text ("Inputs"), whose landing the engine's precedents do not hold
_INDIRECT_MADE = re.compile(
    r"(?i)(?<![\w.])(?:_xlfn\.)?INDIRECT\(\s*"
    r"""(?!"(?:(?:'(?:[^']|'')+'|[^'"!:]+)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?"\s*\))"""
)


def volatile_stale(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    unsupported: list[Unsupported],
    names: dict[str, dict[str, str]] | None = None,
    members: dict[str, dict[str, Any]] | None = None,
    path: str = "",
) -> dict[tuple[str, str], str]:
    """The ``unsupported`` cells whose stored value predates a volatile input: ``{(sheet, ref): why}``.

    A stored value is Excel's answer for the inputs of the day it saved the file. A cell calling ``TODAY()``,
    ``NOW()``, ``RAND()``, ``RANDBETWEEN()`` or ``RANDARRAY()`` itself, or reading (directly or through other cells,
    :func:`dependents`) a cell calling one whose value now differs from the stored one
    (``=FORECAST.ETS(A14+30, ...)`` with ``A14 =TODAY()``: yesterday's forecast), has no current value: Excel would
    compute another. ``values``: the engine's results by sheet and reference. Called before :func:`.kept.keep_stored`
    (the engine's graph still holds these cells' formulas).

    ``names``: the names defined by a formula (:func:`.defined_names.defined_formulas`); one whose formula calls such a
    function (``Today_ = TODAY()``, ``Days = LAMBDA(x,TODAY()-x)``, or through another such name) is that call
    written another way: ``=GET_MRR(Today_)`` is as stale as ``=GET_MRR(TODAY())`` (H516's finding 05).
    ``members`` (the engine's values of array formulas' cells after their first) and ``path`` (the package, for their
    stored values): :func:`inputs_stale`.
    """
    listed = {(u.sheet, u.ref) for u in unsupported}
    if not listed:
        return {}
    stale: dict[tuple[str, str], str] = {}
    moved: dict[tuple[str, str], tuple[str, str]] = {}  # volatile cells whose value changed since the save
    called: dict[tuple[str, str], str] = {}
    volatile_names = _volatile_names(names or {})
    for sheet, texts in formulas.items():
        cells = info.formulas.get(sheet, {})
        for place, text in texts.master_texts():
            found = _VOLATILE.search(_LITERALS.sub('""', text))  # not "see TODAY() later" (H524's finding 08)
            through = ""
            if found is not None:
                function = found.group(1).upper()
            elif volatile_names and (named := _volatile_name_in(text, sheet, volatile_names)) is not None:
                through, function = named  # =GET_MRR(Today_) with Today_ = TODAY() (H516's finding 05)
            else:
                continue
            ref = texts.refs[place]
            if (sheet, ref) in listed:  # its own formula calls TODAY(): its stored value was for the day saved
                how = f" through the name {through}" if through else ""
                stale[(sheet, ref)] = f"it calls {function}(){how}, whose value has changed since Excel stored this one"
                continue
            stored = cells[ref].cached if ref in cells else None
            if not _same(values.get(sheet, {}).get(ref), stored):
                moved[(sheet, ref)] = (sheet, ref)
                called[(sheet, ref)] = function
    volatile = set(moved)  # these and the cells reading them hold other values now, whatever the inputs
    if moved:
        for key, source in dependents(workbook, moved, formulas, info).items():
            volatile.add(key)
            if key in listed and key not in stale:
                stale[key] = (
                    f"it reads {source[0]}!{source[1]} ({called[source]}()), whose value has changed since Excel "
                    "stored this one"
                )
    stale.update(inputs_stale(workbook, formulas, info, values, listed, stale, volatile, members, path, names))
    return stale


#: a name as a formula writes it (``Today_``, ``S!Today_``, ``'My S'!Rnd``) or calls it (``Days(``)
_NAME_TOKEN = re.compile(r"^(?:('(?:[^']|'')+'|[^'!]+)!)?([A-Za-z_\\][\w.]*)\(?$")


def _volatile_names(names: dict[str, dict[str, str]], calls: re.Pattern[str] = _VOLATILE) -> dict[tuple[str, str], str]:
    """Every name defined by a formula: ``{(scope, name in lower case): the volatile function its formula calls
    (``calls``: :data:`_VOLATILE`, or :data:`_INDIRECT`), directly or through another such name, "" if none}``.

    >>> got = _volatile_names({"": {"today_": "TODAY()", "age": "Today_-S!$A$1", "rate": "0.05"}, "S": {"x": "RAND()"}})
    >>> sorted(got.items())
    [(('', 'age'), 'TODAY'), (('', 'rate'), ''), (('', 'today_'), 'TODAY'), (('S', 'x'), 'RAND')]
    """
    found = {
        (scope, name): call.group(1).upper() if (call := calls.search(_LITERALS.sub('""', text))) else ""
        for scope, own in names.items()
        for name, text in own.items()
    }
    for _ in range(8):  # a name reading another such name (as deep as the rewrite follows them)
        more = {
            key: named[1]
            for scope, own in names.items()
            for name, text in own.items()
            if not found[key := (scope, name)] and (named := _volatile_name_in(text, scope, found)) is not None
        }
        if not more:
            break
        found.update(more)
    return found


def _volatile_name_in(text: str, sheet: str, names: dict[tuple[str, str], str]) -> tuple[str, str] | None:
    """The first name in ``text`` (a formula in ``sheet``) that :func:`_volatile_names` found calling a volatile
    function, as written, and that function (a sheet's own name read in its formulas before the workbook's).

    >>> _volatile_name_in('=GET_MRR("Today_",Days(A1))', "S", {("", "days"): "TODAY"})
    ('Days', 'TODAY')
    >>> _volatile_name_in("=GET_MRR(Today_)", "T", {("S", "today_"): "NOW"}), _volatile_name_in("=X", "S", {})
    (None, None)
    >>> _volatile_name_in("=Today_", "S", {("S", "today_"): "", ("", "today_"): "NOW"})
    >>> _volatile_name_in("=S!Today_", "T", {("S", "today_"): "NOW"})
    ('Today_', 'NOW')
    """
    lowered = text.lower()
    if not any(function and name in lowered for (_, name), function in names.items()):
        return None
    try:
        tokens = Tokenizer("=" + text.removeprefix("=")).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: no name found in it)
        return None
    scoped = {(scope.lower(), name): function for (scope, name), function in names.items()}
    for token in tokens:
        operand = token.type == Token.OPERAND and token.subtype == Token.RANGE
        if not operand and not (token.type == Token.FUNC and token.subtype == Token.OPEN):
            continue
        match = _NAME_TOKEN.match(token.value)
        if match is None:
            continue
        name = match.group(2).lower()
        scopes = [match.group(1).strip("'").replace("''", "'")] if match.group(1) else [sheet, ""]
        for scope in scopes:
            if (scope.lower(), name) in scoped:
                if scoped[(scope.lower(), name)]:
                    return match.group(2), scoped[(scope.lower(), name)]
                break
    return None


def inputs_stale(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    values: dict[str, dict[str, Any]],
    listed: set[tuple[str, str]],
    done: dict[tuple[str, str], str],
    volatile: set[tuple[str, str]] | None = None,
    members: dict[str, dict[str, Any]] | None = None,
    path: str = "",
    names: dict[str, dict[str, str]] | None = None,
) -> dict[tuple[str, str], str]:
    """The ``listed`` cells (not in ``done``) reading, directly or not, a computed formula cell whose stored value
    differs from its value now (``=A2*2`` stored 4, 6 now: A2 was changed by a program that keeps the stored values,
    POI, EPPlus, an XML edit): ``{(sheet, ref): why}``. The file's values predate its inputs, so a value kept there
    (``GET_MRR(B2)``'s 100) was Excel's answer for other inputs (H160 finding 01). A cell reading a listed one is no
    such evidence (it was computed before the listed cells got their stored values), nor a difference within
    :func:`_drifted`'s tolerance (the last digits Excel's arithmetic and the engine's may give differently).

    A listed cell reading a typed value that a drifted cell reads too is as stale (:func:`_reading_changed_inputs`),
    unless that cell's value moved with the day, not the inputs: one in ``volatile`` (calling TODAY() or reading
    such a cell) or calling CELL or INFO (the file's path, the machine).

    An array formula's cells after its first (``members``: their values now; their stored ones read from ``path``)
    are compared too: ``=SORT(B1:B3)`` in E1 stored 1, 2, 3 and 1, 3, 9 now; a listed cell reading E3, or the whole
    spill (``E1#``, ``ANCHORARRAY(E1)``), is stale (H516's finding 06). ``names``: the names defined by a formula; one
    calling INDIRECT (``Rng = INDIRECT("S!B1:B3")``, whose cells the engine's graph does not give) may read any cell
    (H524's finding 05)."""
    drifted: dict[tuple[str, str], tuple[Any, Any]] = {}
    for sheet, cells in info.formulas.items():
        now = values.get(sheet, {})
        for ref, cell in cells.items():
            stored = cell.cached
            if stored is None or (sheet, ref) in listed or ref not in now:
                continue
            if _drifted(stored, now[ref]):
                drifted[(sheet, ref)] = (stored, now[ref])
    anchors = _drifted_members(info, members or {}, path, listed, drifted) if members and path else {}
    if not drifted:
        return {}
    downstream = dependents(workbook, {key: key for key in listed}, formulas, info)
    sources = {key: key for key in drifted if key not in downstream}
    if not sources:
        return {}
    stale: dict[tuple[str, str], str] = {}
    readers = _whole_spill_readers(formulas, {key: anchors[key] for key in sources if key in anchors})
    reached = {**dependents(workbook, sources, formulas, info), **readers}
    if readers:
        reached.update({k: v for k, v in dependents(workbook, readers, formulas, info).items() if k not in reached})
    for key, source in reached.items():
        if key in listed and key not in done:
            stored, now = drifted[source]
            stale[key] = (
                f"it reads {source[0]}!{source[1]}, whose stored value {_shown(stored)} differs from its value now, "
                f"{_shown(now)}: the file's values predate its inputs"
            )
    unread = listed - set(done) - set(stale)
    telling = {key: key for key in sources if key not in (volatile or ()) and not _environment(formulas, key)}
    dynamic = {key: call for key, call in _volatile_names(names or {}, _INDIRECT).items() if call}  # Rq = INDIRECT(..)
    # and Rng2 = Rq too, not a text "INDIRECT(" (H524's finding 11)
    changed = _reading_changed_inputs(workbook, formulas, info, telling, unread, anchors, dynamic)
    for key, (area, source) in changed.items():
        stored, now = drifted[source]
        stale[key] = (
            f"it reads {area}, which {source[0]}!{source[1]} reads too, whose stored value {_shown(stored)} differs "
            f"from its value now, {_shown(now)}: the file's values predate its inputs"
        )
    return stale


def _drifted_members(
    info: PackageInfo,
    members: dict[str, dict[str, Any]],
    path: str,
    listed: set[tuple[str, str]],
    drifted: dict[tuple[str, str], tuple[Any, Any]],
) -> dict[tuple[str, str], tuple[str, str]]:
    """The cells after the first of array formulas (dynamic or Ctrl+Shift+Enter) whose stored value differs from
    the engine's value now, put in ``drifted``: ``{(sheet, cell): (sheet, its array's first cell)}``. A cell the
    engine gives no value, or the package stores none for, is not compared."""
    of: dict[tuple[str, str], tuple[str, str]] = {}
    for sheet, cells in info.formulas.items():
        for ref, cell in cells.items():
            if cell.kind != "array" or not cell.ref or (sheet, ref) in listed:
                continue
            try:
                left, top, right, bottom = range_boundaries(cell.ref.replace("$", "").upper())
            except ValueError:
                continue
            for row in range(top, bottom + 1):
                for column in range(left, right + 1):
                    if (address := _address(row, column)) != ref:
                        of[(sheet, address)] = (sheet, ref)
    wanted: dict[str, set[str]] = {}
    for sheet, now in members.items():
        for ref, value in now.items():
            if (sheet, ref) in of and value is not None:
                wanted.setdefault(sheet, set()).add(ref)
    if not wanted:
        return {}
    anchors: dict[tuple[str, str], tuple[str, str]] = {}
    for sheet, stored in stored_values(path, wanted).items():
        for ref, old in stored.items():
            now = members[sheet][ref]
            if _drifted(old, now):
                drifted[(sheet, ref)] = (old, now)
                anchors[(sheet, ref)] = of[(sheet, ref)]
    return anchors


def _whole_spill_readers(
    formulas: dict[str, FormulaTexts], changed: dict[tuple[str, str], tuple[str, str]]
) -> dict[tuple[str, str], tuple[str, str]]:
    """The formula cells reading a whole spill (``E1#``, as Excel stores it ``_xlfn.ANCHORARRAY(E1)``) holding one
    of the ``changed`` cells (``{changed cell: its array's first cell}``): ``{(sheet, ref): the changed cell}``."""
    by_anchor: dict[tuple[str, str], tuple[str, str]] = {}
    for key, anchor in changed.items():
        by_anchor.setdefault(anchor, key)
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for (home, anchor), key in by_anchor.items():
        row, _ = cell_position(anchor)
        cell = r"\$?" + re.escape(re.sub(r"\d", "", anchor)) + r"\$?" + str(row)
        sheet = r"(?:('(?:[^']|'')+'|[\w.]+)!)?"
        spill = re.compile(
            rf"(?i)(?:(?<![\w.$])(?:_xlfn\.)?ANCHORARRAY\(\s*{sheet}({cell})\s*\)|(?<![\w.$!]){sheet}({cell})#)"
        )
        for other, texts in formulas.items():
            for place, text in texts.master_texts():
                for match in spill.finditer(text):
                    written = match.group(1) or match.group(3)
                    where = written.strip("'").replace("''", "'") if written else other
                    if where.lower() == home.lower() and (other, texts.refs[place]) not in found:
                        found[(other, texts.refs[place])] = key
    return found


#: a call whose value depends on the day, a draw, the file's place or the machine, not on the cells it reads
_ENVIRONMENT = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|CELL|INFO)\(")


def _environment(formulas: dict[str, FormulaTexts], key: tuple[str, str]) -> bool:
    """Whether the formula in ``key`` calls one of :data:`_ENVIRONMENT`'s functions."""
    place = cell_position(key[1])
    text = formulas[key[0]][place] if place in formulas.get(key[0], {}) else ""
    return _ENVIRONMENT.search(text) is not None


#: the cells read (precedents followed through formula cells) from a listed cell at most, before it is taken as
#: reading a changed input (too many to tell: listed, not kept)
_WALK_AT_MOST = 20_000
_Area = tuple[str, int, int, int, int]  # sheet, top, left, bottom, right
#: the area of a reference that cannot be told (an OFFSET's landing, a name the engine does not resolve): any cell
_ANYWHERE: _Area = ("", 1, 1, _LAST_ROW, _LAST_COLUMN)


def _reading_changed_inputs(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    drifted: dict[tuple[str, str], tuple[str, str]],
    listed: set[tuple[str, str]],
    anchors: dict[tuple[str, str], tuple[str, str]] | None = None,
    dynamic: dict[tuple[str, str], str] | None = None,
) -> dict[tuple[str, str], tuple[str, tuple[str, str]]]:
    """The ``listed`` cells reading, directly or through formula cells, a typed value (not a formula) that one of the
    ``drifted`` formula cells reads itself: ``{(sheet, ref): (the area read, the drifted cell)}``.

    ``=GET_FX(A1)`` kept beside ``=SUM(A1:C1)`` stored 6 and 105 now: A1, B1 or C1 was changed by a program that
    keeps the stored values (POI, an XML edit), so GET_FX's stored value may be Excel's answer for another A1 (H199
    finding 01: it was kept with status ok). Which of the drifted cell's typed inputs changed cannot be told: a kept
    cell reading any of them is listed (a refusal, never an old value under ok). An OFFSET's reference is not read:
    the cells it lands on are (:func:`.offset_readers.offset_readers`; any cell when they cannot be told)."""
    landing: list[dict[tuple[str, str], list | None]] = []  # each OFFSET cell -> the areas it reads (None: any)

    def read_by(cell: tuple[str, str]) -> list[_Area]:
        """The areas ``cell``'s formula reads: the engine's precedents, an OFFSET's landing for its reference."""
        areas = _precedent_areas(workbook, cell)
        place = cell_position(cell[1])
        text = formulas[cell[0]][place] if place in formulas.get(cell[0], {}) else ""
        if "OFFSET(" in text.upper():
            if not landing:
                landing.append(dict(offset_readers(workbook, formulas, info)))
            based = _offset_bases(text, cell[0])
            areas = [area for area in areas if (area[0].lower(), *area[1:]) not in based]
            lands = landing[0].get(cell, [])
            if lands is None:
                areas.append(_ANYWHERE)
            else:
                areas += [(target, top, left, bottom, right) for target, (left, top, right, bottom) in lands]
        if dynamic and _volatile_name_in(text, cell[0], dynamic) is not None:  # a name of INDIRECT: any cell
            areas.append(_ANYWHERE)
        elif _INDIRECT_MADE.search(text):  # INDIRECT("A"&X1), INDIRECT(Z1): any cell too (H556's finding 01)
            areas.append(_ANYWHERE)
        return areas

    inputs: list[tuple[_Area, tuple[str, str]]] = []
    for key in drifted:  # =OFFSET(A1,2,1) stored 14 and 40 now: B3 changed, the cell its OFFSET lands on (H516/01)
        for area in read_by((anchors or {}).get(key, key)):  # an array's later cell: what its formula reads
            if not _formula_cell(info, area):
                inputs.append((area, key))
    if not inputs:
        return {}
    found: dict[tuple[str, str], tuple[str, tuple[str, str]]] = {}
    anywhere = _ANYWHERE
    for key in sorted(listed):
        todo, seen, walked = [key], {key}, 0
        while todo and key not in found:
            cell = todo.pop()
            areas, current = read_by(cell), cell
            walked += 1 + len(areas)
            for area in areas:
                hit = next(
                    (source for changed, source in inputs if anywhere in (area, changed) or _overlap(area, changed)),
                    None,
                )
                if hit is not None or walked > _WALK_AT_MOST:
                    read = _area_text(area) if area is not anywhere else _anywhere_text(formulas, current)
                    found[key] = (read, hit or next(iter(drifted)))
                    break
                if area[1] == area[3] and area[2] == area[4]:
                    cell = (area[0], _address(area[1], area[2]))
                    if cell not in seen and cell[1] in info.formulas.get(cell[0], {}):
                        seen.add(cell)
                        todo.append(cell)
                else:
                    for sheet, ref in _formula_cells_in(info, area):
                        if (sheet, ref) not in seen:
                            seen.add((sheet, ref))
                            todo.append((sheet, ref))
    return found


#: OFFSET's reference written as a cell or range (its first argument)
_OFFSET_BASE = re.compile(
    r"(?i)(?<![\w.])OFFSET\(\s*(?:('(?:[^']|'')+'|[\w.]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)\s*,"
)


def _offset_bases(text: str, sheet: str) -> set[tuple[str, int, int, int, int]]:
    """The areas ``text`` (in ``sheet``) gives OFFSET as its reference, sheet names in lower case.

    >>> sorted(_offset_bases("GET(OFFSET(A1,ROW()-4,1))+OFFSET('My S'!$B$2:C3,1,0)", "S"))
    [('my s', 2, 2, 3, 3), ('s', 1, 1, 1, 1)]
    """
    bases = set()
    for match in _OFFSET_BASE.finditer(text):
        where = match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet
        left, top, right, bottom = range_boundaries(match.group(2).replace("$", "").upper())
        bases.add((where.lower(), top, left, bottom, right))
    return bases


def _anywhere_text(formulas: dict[str, FormulaTexts], cell: tuple[str, str]) -> str:
    """What a cell that may read any cell reads, said for a reason: its OFFSET's landing, else a name's cells."""
    place = cell_position(cell[1])
    text = formulas[cell[0]][place] if place in formulas.get(cell[0], {}) else ""
    if "OFFSET(" in text.upper():
        return "the cells its OFFSET may land on"
    if _INDIRECT_MADE.search(text):
        return "the cells its INDIRECT may land on (an address made as the formula runs: any cell)"
    return "the cells a name in its formula stands for (INDIRECT's, or not told: any cell)"


def _precedent_areas(workbook: fz.Workbook, key: tuple[str, str]) -> list[_Area]:
    """The cells and ranges the formula in ``key`` reads, as the engine's graph declares them."""
    quoted = "'" + key[0].replace("'", "''") + "'"
    try:
        report = workbook.precedents(f"{quoted}!{key[1]}", max_links=1 << 20, max_work=1 << 30).to_dict()
    except Exception:  # noqa: BLE001  (a cell the engine has no node for reads nothing)
        return []
    areas = []
    for entry in report.get("precedents", []):
        reference = entry.get("reference") or {}
        if reference.get("kind") == "Name":  # SUM(Sales): the range the name stands for (H516's finding 01)
            if str(entry["reference"].get("name") or "").lower().startswith("_xl"):
                continue  # GROUPBY(..,_xleta.SUM): a function passed, a LAMBDA's _xlpm. parameter: no cells
            reference = reference.get("resolution") or {}
            if not any(reference.get(k) for k in ("resolved", "address", "declared")):
                areas.append(_ANYWHERE)  # a name whose cells cannot be told: it may read any
                continue
        text = reference.get("resolved") or reference.get("address") or reference.get("declared")
        if not text or "!" not in text:
            continue
        sheet, ref = _split(text)
        try:
            left, top, right, bottom = range_boundaries(ref)
        except ValueError:
            continue
        areas.append((sheet, top or 1, left or 1, bottom or _LAST_ROW, right or _LAST_COLUMN))
    return areas


def _formula_cell(info: PackageInfo, area: _Area) -> bool:
    """Whether ``area`` is one cell holding a formula."""
    sheet, top, left, bottom, right = area
    return top == bottom and left == right and _address(top, left) in info.formulas.get(sheet, {})


def _formula_cells_in(info: PackageInfo, area: _Area) -> list[tuple[str, str]]:
    sheet, top, left, bottom, right = area
    return [
        (sheet, ref)
        for ref in info.formulas.get(sheet, {})
        if top <= (place := cell_position(ref))[0] <= bottom and left <= place[1] <= right
    ]


def _overlap(a: _Area, b: _Area) -> bool:
    return a[0].lower() == b[0].lower() and a[1] <= b[3] and b[1] <= a[3] and a[2] <= b[4] and b[2] <= a[4]


def _area_text(area: _Area) -> str:
    sheet, top, left, bottom, right = area
    ref = _address(top, left) if (top, left) == (bottom, right) else f"{_address(top, left)}:{_address(bottom, right)}"
    return f"{sheet}!{ref}"


def _drifted(stored: Any, now: Any) -> bool:
    """Whether a formula cell's value ``now`` is not the ``stored`` one: numbers beyond 1e-6 of the larger (and 1e-9
    apart: Excel's IRR, RATE and the like stop "accurate within 0.00001 percent", Microsoft's IRR page, where the
    engine's go on: Microsoft's WorksheetFunction.Irr page), other values by :func:`_same`.

    >>> _drifted(4.0, 6.0), _drifted(-0.0015549323725281283, -0.0015549323652521707), _drifted(0.1 + 0.2, 0.3)
    (True, False, False)
    >>> _drifted(0.0872320, 0.08723203), _drifted(100.0, 100.01)
    (False, True)
    >>> _drifted("a", "a"), _drifted(1.0, True), _drifted("", None), _drifted(5.0, CellError("#N/A"))
    (False, True, False, True)
    """
    numbers = (int, float)
    if type(stored) in numbers and type(now) in numbers:
        gap = abs(stored - now)
        return gap > 1e-9 and gap > 1e-6 * max(abs(stored), abs(now))
    return not _same(stored, now)


def _shown(value: Any) -> str:
    if isinstance(value, CellError):
        return value.code
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, CellError) or isinstance(b, CellError):
        return isinstance(a, CellError) and isinstance(b, CellError) and a.code == b.code
    return type(a) is type(b) and a == b or (a in (None, "") and b in (None, ""))
