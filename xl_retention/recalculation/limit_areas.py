"""Formulas whose rewrite for the engine is longer than it reads, computed with each named area as its range.

A name defined by a formula (``Dyn = OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1)``) has no value in the engine:
:mod:`.rewrite` puts its formula in brackets where it is used, and the steps after it spell a range of unknown size
out at each place it is read (``ROW(INDEX(Dyn,0))`` as a SEQUENCE of its rows, LOOKUP's arguments once more for
Excel's order of errors, ...). Ten uses of such a name in one formula came to 16,385+ tokens: the engine refused the
formula (``Formula token limit exceeded (max 16384)``) and the cell was listed as not computed, the file incomplete.

Recalculation computes the workbook once from its inputs, so the area such a name gives is one range. After the
first evaluation, :func:`computed_past_limits` asks the engine, in the refused cell itself (its own row and column
for any relative or intersected reference), for the area of each such name the formula uses, and rewrites the
formula again with each name as that range (``Dyn`` as ``S!$A$1:$A$3``, a name of a range): what Excel computes, in
the short forms of a range typed in (a use of ``Dyn`` above: 175 tokens, not 1,683). A name whose area reads a cell
that reads the formula (a circular reference in Excel), or whose inputs cannot all be told (INDIRECT, an OFFSET
inside it), keeps its formula; a formula the engine still refuses stays listed with the reason of :mod:`.unsupported`.
"""

from __future__ import annotations

import dataclasses
import re
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter

from ..sheet_names import written
from .defined_names import moved_references, one_reference
from .formula_tokens import _box
from .sheet_ranges import bracketed
from .uncomputed_readers import dependents

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["computed_past_limits", "refused", "searched_only"]

#: the engine's refusal of a formula longer than it reads ("... Formula token limit exceeded (max 16384)")
LIMIT = re.compile(r"Formula (source byte|token|AST node) limit exceeded \(max (\d+)\)")
#: the fewest characters of a formula the engine can refuse so: its token limit (a token is one character or more)
_SHORTEST = 16_384
#: what separates the first cell's address from the last's in the answer of :func:`_probe`
_BETWEEN = "|"
#: INDIRECT and OFFSET: calls reading cells no reference typed in them tells (OFFSET's own area is asked of the engine)
_DYNAMIC = re.compile(r"(?i)(?<![\w.])(?:INDIRECT|OFFSET)\(")
#: the cell's kinds a formula rewritten again keeps (a shared formula's copy is a formula of its own)
_OWN_KIND = {"shared": "normal"}


def refused(workbook: Any, sheet: str, row: int, column: int) -> bool:
    """Whether the engine holds the formula at ``sheet``'s ``row``, ``column`` as refused for its length."""
    try:
        held = workbook.get_formula(sheet, row, column) or ""
    except Exception:  # noqa: BLE001  (a cell the engine cannot give: not ours to tell)
        return False
    return "#ERROR!" in held[:20] and LIMIT.search(held) is not None


def computed_past_limits(
    workbook: Any, run: Any, rewritten: list[tuple[str, int, int, str]], finals: list[tuple[str, int, int]]
) -> list[tuple[str, int, int, str]]:
    """The formulas of ``rewritten`` (sheet, row, column, the engine's formula) the engine refused for their length,
    rewritten again with the names defined by a formula they use as the ranges those give (``run``: the rewrite pass
    of :mod:`.embedded`, whose ``formula_names`` are those names); set them and evaluate again. ``rewritten`` is
    changed to hold the new texts; ``finals`` and ``run``'s lists gain what the new rewrite leaves for after the
    evaluation. Call after the first evaluation: the areas are asked of the engine."""
    if max(map(len, map(itemgetter(3), rewritten)), default=0) <= _SHORTEST:  # (one pass at C level: 50,000 in 6 ms)
        return []
    from .embedded import _rewrite_sheet  # noqa: PLC0415  (embedded calls this module)

    out: list[tuple[str, int, int, str]] = []
    for index, (sheet, row, column, text) in enumerate(rewritten):
        if len(text) <= _SHORTEST or not refused(workbook, sheet, row, column):
            continue
        areas = _named_areas(workbook, run.formulas, run.info, run.formula_names, (sheet, row, column), text)
        if areas:
            ref = f"{get_column_letter(column)}{row}"
            again = _single(run, sheet, ref, run.formulas[sheet][(row, column)], areas)
            _rewrite_sheet(again, sheet)
            new = next((f for s, r, c, f in again.rewritten if (s, r, c) == (sheet, row, column)), None)
            if new is None:  # the names are always written in: not rewritten means not rewritten as asked
                _restore(workbook, sheet, row, column, text)
                continue
            finals += again.finals
            run.wholes.extend(again.wholes)
            run.hidden_unsure.extend(again.hidden_unsure)
            rewritten[index] = (sheet, row, column, new)
            out.append(rewritten[index])
        elif (lean := searched_only(text)) != text:  # no named area: each exact MATCH as this module's search alone
            rewritten[index] = (sheet, row, column, lean)
            out.append(rewritten[index])
        else:
            _restore(workbook, sheet, row, column, text)
    return out


#: the start of an exact MATCH as :func:`.excel_functions.lookup.exact_lookup` writes it
_SAME = "IF(_XLR.SAME("


def _argument_end(text: str, at: int) -> int:
    """The index of the comma or bracket ending the argument of ``text`` that starts at ``at`` (outside strings,
    quoted sheet names, brackets and braces); len(text) where none ends it."""
    depth, quote = 0, ""
    for i in range(at, len(text)):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote  # a doubled quote closes and opens again: the same state after
        elif ch in "\"'":
            quote = ch
        elif ch in "({":
            depth += 1
        elif ch in ")}":
            if depth == 0:
                return i
            depth -= 1
        elif ch == "," and depth == 0:
            return i
    return len(text)


def searched_only(text: str) -> str:
    """``text`` with each exact MATCH of :func:`.excel_functions.lookup.exact_lookup`'s form (the engine's call kept
    where the value it finds is the key itself, ``IF(_XLR.SAME(k,INDEX(r,MATCH(k,r,0))),MATCH(k,r,0),
    _XLR.MATCH(k,r,0))``) written as its own search alone, ``_XLR.MATCH(k,r,0)``: the same position (the first item
    of the key's exact value), a fifth of the nodes. The template's Lifetime value!C8 where a sheet its names read was
    deleted came to 8,193+ nodes (``Formula AST node limit exceeded (max 8192)``): listed as SEQUENCE it cannot
    compute, the file incomplete.

    >>> searched_only("=1+IF(_XLR.SAME(A3,INDEX(A1:A2,MATCH(A3,A1:A2,0))),MATCH(A3,A1:A2,0),_XLR.MATCH(A3,A1:A2,0))")
    '=1+_XLR.MATCH(A3,A1:A2,0)'
    >>> searched_only('=IF(_XLR.SAME(A3,B1),1,2)')
    '=IF(_XLR.SAME(A3,B1),1,2)'
    """
    out, at = [], 0
    while (start := text.find(_SAME, at)) >= 0:
        key_at = start + len(_SAME)
        key_end = _argument_end(text, key_at)
        key = text[key_at:key_end]
        items_at = key_end + len(",INDEX(")
        items = text[items_at : _argument_end(text, items_at)] if text.startswith(",INDEX(", key_end) else ""
        call = f"MATCH({key},{items},0)"
        whole = f"{_SAME}{key},INDEX({items},{call})),{call},_XLR.MATCH({key},{items},0))"
        if items and text.startswith(whole, start):
            out.append(text[at:start] + searched_only(f"_XLR.MATCH({key},{items},0)"))
            at = start + len(whole)
        else:
            out.append(text[at:key_at])
            at = key_at
    return "".join(out) + text[at:]


def _restore(workbook: Any, sheet: str, row: int, column: int, text: str) -> None:
    """The formula the engine refused set again in the place of the probes (:func:`_area`): refused as it was."""
    try:
        workbook.set_formula(sheet, row, column, text)
    except Exception:  # noqa: BLE001, S110  (refused as when first set)
        pass


def _single(run: Any, sheet: str, ref: str, stored: str, areas: dict[str, str]) -> Any:
    """A rewrite pass over the one cell ``ref`` of ``sheet`` (its formula ``stored``), each name of ``areas`` (lower
    case: its range) a name of that range."""
    cell = run.info.formulas[sheet][ref]
    attrs = {k: v for k, v in cell.attrs.items() if k not in ("t", "si")}
    own = dataclasses.replace(cell, kind=_OWN_KIND.get(cell.kind, cell.kind), text=stored, attrs=attrs)
    names = {scope: dict(defined) for scope, defined in run.formula_names.items()}
    for scope in ("", sheet):
        for name in names.get(scope, {}):
            if name in areas:
                names[scope][name] = areas[name]
    return dataclasses.replace(
        run,
        info=dataclasses.replace(run.info, formulas={sheet: {ref: own}}),
        formula_names=names,
        formulas={},
        members={},
        tables={},
        rewritten=[],
        finals=[],
        wholes=[],
        hidden_unsure=[],
        unread_links=[],
    )


def _named_areas(
    workbook: Any,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    formula_names: dict[str, dict[str, str]],
    place: tuple[str, int, int],
    text: str,
) -> dict[str, str]:
    """{name (lower case): the range it gives at ``place``} of each name defined by a formula whose formula the
    engine's ``text`` holds (put in by :mod:`.rewrite`) and that gives one range whose inputs read no reader of the
    formula (each asked of the engine in the cell itself)."""
    sheet, row, column = place
    defined = {**formula_names.get("", {}), **formula_names.get(sheet, {})}
    names = {**info.names.get("", {}), **info.names.get(sheet, {})}
    own = (sheet, f"{get_column_letter(column)}{row}")
    readers: set[tuple[str, str]] | None = None
    out: dict[str, str] = {}
    for name in defined:
        expansion = _expansion(name, defined, row, column)
        if expansion is None or expansion not in text or not _told(expansion):
            continue
        area = _area(workbook, sheet, row, column, expansion)
        boxes = _read_boxes(expansion, sheet, names) if area is not None else None
        if area is None or boxes is None:
            continue
        boxes.append(_sheet_box(area, sheet))
        if readers is None:  # the formula's readers, and itself: an area reading one is a circular reference
            readers = {own, *dependents(workbook, {own: own}, formulas, info)}
        if not any(_inside(cell, boxes) for cell in readers):
            out[name] = area if "!" in area else f"{written(sheet)}!{area}"
    return out


def _told(expansion: str) -> bool:
    """Whether the cells ``expansion`` reads are those its references name and the area it gives: no INDIRECT, and
    OFFSET at most as the whole (``(OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1))`` reads the area it gives and A:A).

    >>> _told("(OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1))"), _told("(OFFSET(S!$A$1,0,0,COUNTA(OFFSET(S!$B$1,0,0,9)),1))")
    (True, False)
    """
    calls = _DYNAMIC.findall(expansion)
    return not calls or (len(calls) == 1 and calls[0].upper() == "OFFSET(" and expansion[1:8].upper() == "OFFSET(")


def _expansion(name: str, defined: dict[str, str], row: int, column: int) -> str | None:
    """The text :func:`.rewrite.rewrite` puts where ``name`` (a name defined by a formula) stands in a formula at
    (``row``, ``column``): its formula, names in it expanded, relative references moved, in brackets; None for a
    name it writes otherwise (a relative reference alone, an Excel table's columns, a loop of names)."""
    from .name_expansions import expanded_name, moved_reference  # noqa: PLC0415  (imported where needed)

    expanded = expanded_name(name, defined, 0)
    if expanded is None or "[" in expanded or one_reference(expanded):
        return None
    expanded = moved_references(expanded, lambda reference: moved_reference(reference, row, column))
    return bracketed(expanded)


def _probe(expansion: str) -> str:
    """A formula giving the addresses of the first and last cells of the area ``expansion`` gives (blank where it
    gives no reference)."""
    last = f"INDEX({expansion},ROWS({expansion}),COLUMNS({expansion}))"
    first = f"INDEX({expansion},1,1)"
    return f'=IF(ISREF({expansion}),CELL("address",{first})&"{_BETWEEN}"&CELL("address",{last}),"")'


def _area(workbook: Any, sheet: str, row: int, column: int, expansion: str) -> str | None:
    """The area ``expansion`` gives at (``row``, ``column``) of ``sheet`` (``$A$1:$A$3``, ``'My data'!$B$2:$B$9``),
    asked of the engine in that cell; None where it gives no one range."""
    try:
        workbook.set_formula(sheet, row, column, _probe(expansion))
        value = workbook.evaluate_cell(sheet, row, column)
    except Exception:  # noqa: BLE001  (a probe the engine cannot take: no area told)
        return None
    if not isinstance(value, str) or value.count(_BETWEEN) != 1:
        return None
    first, last = value.split(_BETWEEN)
    prefix, _, start = first.rpartition("!")
    other, _, end = last.rpartition("!")
    if prefix != other or _box(start) is None or _box(end) is None:
        return None
    return f"{prefix}!{start}:{end}" if prefix else f"{start}:{end}"


def _read_boxes(
    expansion: str, sheet: str, names: dict[str, str]
) -> list[tuple[str, tuple[int, int, int, int]]] | None:
    """The (sheet in lower case, box) of every reference ``expansion`` reads, a named range's too; None where one
    cannot be told (a word that is no reference nor a name of a range)."""
    try:
        tokens = Tokenizer("=" + expansion).items
    except Exception:  # noqa: BLE001  (an expression the tokenizer does not read: cannot tell)
        return None
    boxes: list[tuple[str, tuple[int, int, int, int]]] = []
    for token in tokens:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        reference = names.get(token.value.lower(), token.value)
        if _box(reference) is None:
            return None
        boxes.append(_sheet_box(reference, sheet))
    return boxes


def _sheet_box(reference: str, sheet: str) -> tuple[str, tuple[int, int, int, int]]:
    prefix, box = _box(reference)  # type: ignore[misc]
    owner = prefix[:-1].strip("'").replace("''", "'") if prefix else sheet
    return owner.lower(), box


def _inside(cell: tuple[str, str], boxes: list[tuple[str, tuple[int, int, int, int]]]) -> bool:
    found = _box(cell[1])
    if found is None:
        return True  # a cell that cannot be placed: taken to be read
    left, top, _, _ = found[1]
    owner = cell[0].lower()
    return any(o == owner and b[0] <= left <= b[2] and b[1] <= top <= b[3] for o, b in boxes)
