"""A classic formula (no dynamic-array flag) whose result is an array never spills: it shows the array's first value.

Formulas written by openpyxl, pandas or any program other than Excel 365 carry no dynamic-array flag (``cm="1"``
and ``xl/metadata.xml``), and Excel computes them as classic formulas: no spill, the cell shows the top-left value
of an array result (Microsoft, "Dynamic array formulas in non-dynamic aware Excel": "the formula ... returns
only the first value"). The rewrite wraps the formulas it sees giving arrays (:func:`.rewrite._array_valued`:
``=SEQUENCE(1,3)``, ``=HSTACK(1,2)``, ``=SORT(B2:B4)``); the engine spills every other array result and, where a
cell is in the way, answered ``#SPILL!`` with the untrue reason "spills into E3:F3 (1 x 2), blocked by the value in
S!F3" (H414's finding 03: ``=XLOOKUP("gamma",A2:A4,HSTACK(B2:B4,C2:C4))`` with a note in F3, where Excel shows 40).

:func:`classic_spills` finds each classic formula cell whose own spill the engine blocked and sets it again as
``INDEX((formula),1,1)``, where its result is surely an array (:func:`surely_values`): an operator's result, an array
typed in, a function giving values. A reference of several cells is intersected with the formula's row or column by
Excel (implicit intersection, Microsoft's "Implicit intersection operator: @": a range gives the cell in the formula's
row or column, an array its top-left value), which the engine cannot tell apart at run time (its LET gives values):
one the formula surely gives (:func:`reference_result`: ``LET(a,B5:C5,a)``, ``INDEX((B2:C4),2,0)``) is set again as
that cell (B5 in column B, C5 in column C, #VALUE! in column E); one it may give (a name, a LAMBDA, IF passing a LET
name) is listed as not computed (:data:`RANGE_RESULT_REASON`), not #SPILL! "blocked by" a neighbour (H437).

:func:`spilled_classics` finds each classic formula the engine spilled into BLANK cells (an array the rewrite did not
foresee: ``=Pair*1`` of a name of ``{1,2}``, a LAMBDA giving one): a formula reading such a cell read the spilled
value (``=C1&"|"`` gave "2|", Excel "|"). It is set again as ``INDEX((formula),1,1)``, or as the cell of the range
it surely gives, or listed where its result may be a range (Excel's implicit intersection, not computed here).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import formualizer as fz
import numpy as np
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils import get_column_letter

from ..cells import CellError
from ..sheet_names import written
from .array_lifting import ARRAY_RESULTS
from .formula_texts import position
from .formula_tokens import _box, _bracket
from .intersection import (
    _implicit,
    _in_array_argument,
    _one_value_expected,
    _scalar_argument,
    let_entry,
    spot_index,
)

if TYPE_CHECKING:
    from .package import PackageInfo

__all__ = [
    "RANGE_RESULT_REASON",
    "classic_spills",
    "intersected_let_names",
    "let_scopes",
    "names_read_as_one",
    "reference_result",
    "spilled_classics",
    "surely_values",
]

#: the arguments a function may give back as it is (a reference stays one): position -> passed, None every one
_PASSED: dict[str, frozenset[int] | None] = {
    "IF": frozenset({1, 2}),
    "IFERROR": frozenset({0, 1}),
    "IFNA": frozenset({0, 1}),
    "CHOOSE": None,
    "SWITCH": None,
    "IFS": None,
    "XLOOKUP": frozenset({2, 3}),
    "INDEX": frozenset({0}),
    "LET": frozenset({-1}),  # its last argument, the result
}
#: functions that give a reference whatever their arguments
_REFERENCES = frozenset(("OFFSET", "INDIRECT", "ANCHORARRAY", "LAMBDA"))


def _bare(name: str) -> str:
    """``_xlfn._xlws.SORT`` -> ``SORT``."""
    return name.upper().rpartition(".")[2] if name.upper().startswith(("_XLFN.", "_XLWS.")) else name.upper()


def _close(tokens: list[Token], start: int) -> int:
    """The index of the token closing the bracket, call or array opened at ``start``."""
    depth = 0
    for k in range(start, len(tokens)):
        token = tokens[k]
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
            if depth == 0:
                return k
    return len(tokens) - 1


def _arguments(tokens: list[Token], start: int, close: int) -> list[tuple[int, int]]:
    """The spans of the arguments of the call opened at ``start`` and closed at ``close``."""
    spans, first, depth = [], start + 1, 0
    for k in range(start + 1, close):
        token = tokens[k]
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
        elif depth == 0 and token.type == Token.SEP and token.subtype == Token.ARG:
            spans.append((first, k))
            first = k + 1
    spans.append((first, close))
    return spans


def _values(tokens: list[Token], start: int, end: int, names: frozenset[str]) -> bool:
    """Whether ``tokens[start:end]`` surely give values, never a reference."""
    while start < end and tokens[start].type == Token.WSPACE:
        start += 1
    while end > start and tokens[end - 1].type == Token.WSPACE:
        end -= 1
    if start >= end:
        return True
    first = tokens[start]
    if first.subtype == Token.OPEN and _close(tokens, start) == end - 1:  # one bracket, call or array
        if first.type == Token.PAREN:
            return _values(tokens, start + 1, end - 1, names)
        if first.type == Token.ARRAY or first.value.startswith("{"):
            return True
        name = _bare(first.value[:-1])
        if name in _REFERENCES or name.lower() in names:
            return False
        if name in ARRAY_RESULTS or name not in _PASSED:
            return True  # a function of values (HSTACK, MMULT, MAP, ...)
        passed = _PASSED[name]
        spans = _arguments(tokens, start, end - 1)
        last = len(spans) - 1
        return all(
            _values(tokens, a, b, names)
            for p, (a, b) in enumerate(spans)
            if passed is None or p in passed or (p == last and -1 in passed)
        )
    if end - start == 1 and first.type == Token.OPERAND:
        return first.subtype != Token.RANGE  # a number, a text, a logical, an error value; not a range or a name
    k = start  # several parts: an operator's result is values, a range operator's (:, space, union) a reference
    while k < end:
        token = tokens[k]
        if token.subtype == Token.OPEN:
            k = _close(tokens, k) + 1
            continue
        if token.type == Token.OP_PRE or token.type == Token.OP_POST:
            return True
        if token.type == Token.OP_IN:
            if token.value not in (":", " ", ","):
                return True
        k += 1
    return False


def surely_values(formula: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether ``formula``'s result is surely values (an array of them), never a reference, which a classic formula
    would intersect with its own row or column. ``names``: the defined names, in lower case (a name may be a range
    or a LAMBDA giving one).

    >>> surely_values('=_xlfn.XLOOKUP("gamma",A2:A4,_xlfn.HSTACK(B2:B4,C2:C4))')
    True
    >>> surely_values('=_xlfn.XLOOKUP("gamma",A2:A4,B2:B4*{1,2})'), surely_values("=IF(A1,{1,2},B1:C1)")
    (True, False)
    >>> surely_values("=_xlfn.LET(_xlpm.a,B2:C3,_xlpm.a)"), surely_values("=Rates*1", frozenset({"rates"}))
    (False, True)
    """
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: not surely values)
        return False
    return _values(tokens, 0, len(tokens), names)


def _trim(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    while start < end and tokens[start].type == Token.WSPACE:
        start += 1
    while end > start and tokens[end - 1].type == Token.WSPACE:
        end -= 1
    return start, end


def _reference(tokens: list[Token], start: int, end: int, scope: dict[str, str | None]) -> str | None:
    """The reference ``tokens[start:end]`` surely give, as a text naming no LET name (``scope``: LET's names in
    lower case -> the reference each stands for, None for one that is not surely one); None when unsure."""
    start, end = _trim(tokens, start, end)
    if start >= end:
        return None
    first = tokens[start]
    if end - start == 1 and first.type == Token.OPERAND and first.subtype == Token.RANGE:
        if first.value.lower() in scope:
            return scope[first.value.lower()]
        return first.value if _box(first.value) is not None else None  # a name: not followed here
    if first.subtype != Token.OPEN or _close(tokens, start) != end - 1:
        return None
    if first.type == Token.PAREN:
        return _reference(tokens, start + 1, end - 1, scope)
    if first.type != Token.FUNC:
        return None
    name, spans = _bare(first.value[:-1]), _arguments(tokens, start, end - 1)
    if name == "LET" and len(spans) >= 3 and len(spans) % 2:
        inner = dict(scope)
        for (a, b), (c, d) in zip(spans[:-1:2], spans[1:-1:2], strict=True):
            a, b = _trim(tokens, a, b)
            if b - a != 1:
                return None
            bound = _reference(tokens, c, d, inner)
            inner[tokens[a].value.lower()] = bound
        return _reference(tokens, *spans[-1], inner)
    if name in ("INDEX", "OFFSET") and len(spans) >= 2:
        reference = _reference(tokens, *spans[0], scope)
        rest = [tokens[a:b] for a, b in spans[1:]]
        if reference is None or any(
            t.type == Token.OPERAND and t.subtype == Token.RANGE and t.value.lower() in scope for r in rest for t in r
        ):
            return None
        return f"{first.value}{reference},{','.join(''.join(t.value for t in r) for r in rest)})"
    return None


def reference_result(formula: str) -> str | None:
    """The reference ``formula`` surely gives (a range, INDEX or OFFSET of one, through brackets and LET's names), as
    a text naming no LET name; None when its result may be anything else. Excel's classic formula shows such a
    result's cell in the formula's row or column (implicit intersection), not its top-left cell.

    >>> reference_result("=LET(a,B5:C5,a)"), reference_result("=INDEX((B2:C4),2,0)")
    ('B5:C5', 'INDEX(B2:C4,2,0)')
    >>> reference_result("=LET(a,B2:C4,b,INDEX(a,2,0),b)"), reference_result("=LET(a,B2:C4,INDEX(a,A1,0))")
    ('INDEX(B2:C4,2,0)', 'INDEX(B2:C4,A1,0)')
    >>> reference_result("=LET(a,B2:C4,a*1)"), reference_result("=LET(a,B2:C4,n,2,INDEX(a,n,0))")
    (None, None)
    """
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: no reference known)
        return None
    return _reference(tokens, 0, len(tokens), {})


def let_scopes(
    tokens: list[Token],
    bound: Callable[[list[Token], int, int, dict[str, str | None]], str | None] | None = None,
) -> dict[int, dict[str, str | None]]:
    """Each token's LET names in scope (lower case -> what ``bound(tokens, start, end, scope)`` makes of the value
    each is bound to, None for another): by default the reference each surely stands for (:func:`_reference`);
    :mod:`.let_index_names` asks for the numbers."""
    bound = bound or _reference
    scopes: dict[int, dict[str, str | None]] = {}
    for start, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare(token.value[:-1]) != "LET":
            continue
        close = _close(tokens, start)
        spans = _arguments(tokens, start, close)
        if len(spans) < 3 or len(spans) % 2 == 0:
            continue
        for k in range(0, len(spans) - 1, 2):
            a, b = _trim(tokens, *spans[k])
            if b - a != 1:
                break
            value = bound(tokens, *spans[k + 1], scopes.get(spans[k + 1][0], {}))
            for i in range(spans[k + 2][0], close):  # the later values and the result (inner LETs come later)
                scopes[i] = {**scopes.get(i, {}), tokens[a].value.lower(): value}
    return scopes


def intersected_let_names(formula: str, row: int, col: int, inline: bool = False) -> str | None:
    """``formula`` (a classic one, with ``=``) with each LET name standing for a reference of several cells, where it
    is read as one value (beside an operator, alone as an argument of a function of single values), made its cell in
    the formula's row or column, as the rewrite does for the range typed in (:mod:`.intersection`): Excel's LET name
    bound to a range is a reference, intersected there like the range (``=LET(a,B5:C5,a+0)`` in column C is
    ``C5+0``, in column E #VALUE!), where the engine's LET holds its values (the top-left one shown). None when
    there is none (or the text is not read). ``inline``: a name of INDEX or OFFSET of a range is written as that
    call in brackets, which the rewrite then intersects as it intersects the call typed in (``INDEX(B2:C4,2,0)`` in
    column C is ``INDEX(B2:C4,2,2)``), where the intersection when the formula runs would be read as an array.

    >>> intersected_let_names("=LET(a,B5:C5,a+0)", 9, 3), intersected_let_names("=LET(a,B5:C5,ABS(a))", 9, 5)
    ('=LET(a,B5:C5,$C$5+0)', '=LET(a,B5:C5,ABS(#VALUE!))')
    >>> intersected_let_names("=LET(a,B5:C5,SUM(a))", 9, 3), intersected_let_names("=LET(a,B5:C5,SORT(a*1))", 9, 3)
    (None, None)
    """
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read)
        return None
    if not any(t.type == Token.FUNC and _bare(t.value[:-1]) == "LET" for t in tokens):
        return None
    scopes, every = let_scopes(tokens), tokens
    solid = [k for k, t in enumerate(tokens) if t.type != Token.WSPACE]
    tokens = [tokens[k] for k in solid]  # the neighbours of a name, spaces aside (the same tokens: changed in place)
    scopes = {n: scopes[k] for n, k in enumerate(solid) if k in scopes}
    changed = False
    for token, reference in names_read_as_one(tokens, lambda i, t: scopes.get(i, {}).get(t.value.lower())):
        cell = f"({reference})" if inline and _box(reference) is None else _intersected(reference, row, col)
        if cell is not None:
            token.value, changed = cell.removeprefix("="), True
    return "=" + "".join(t.value for t in every) if changed else None


def names_read_as_one(tokens: list[Token], found: Callable[[int, Token], str | None]) -> Iterator[tuple[Token, str]]:
    """Each range token of ``tokens`` (no spaces) that ``found(position, token)`` gives a value for (a LET name in
    scope there) and that is read as one value: beside an operator, or alone as an argument of a function of single
    values (or as the calculation of a LET read so), outside an array's argument; with that value. The caller may
    change a token yielded in place (the walk reads the tokens' kinds, not their texts)."""
    stack: list[list] = []  # [function, argument position, where one value is expected] of each open call
    for i, token in enumerate(tokens):
        outside = [entry for entry in stack if entry[0] != "LET"]  # LET's own arguments are no array's
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare(token.value[:-1])
            single = not _in_array_argument(outside) and _one_value_expected(tokens, i, stack)
            stack.append(let_entry(tokens, i, single) if name == "LET" else [name, 0, single])
        elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
            stack.append(["{", 0, False])
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.ARRAY):
            if stack:
                stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG:
            if stack:
                stack[-1][1] += 1
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and not _in_array_argument(outside):
            value = found(i, token)
            if value is None:
                continue
            before, after = i - 1, i + 1
            while 0 <= before and after < len(tokens) and _bracket(tokens[before], tokens[after]):
                before, after = before - 1, after + 1
            neighbours = (tokens[before] if before >= 0 else None, tokens[after] if after < len(tokens) else None)
            if any(t is not None and t.type == Token.OP_IN and t.value in (":", " ", ",") for t in neighbours):
                continue  # a range operator's operand: a reference
            alone = all(t is not None and t.type in (Token.FUNC, Token.SEP) for t in neighbours)
            operator = any(t is not None and t.type in (Token.OP_IN, Token.OP_PRE, Token.OP_POST) for t in neighbours)
            if operator or (alone and _scalar_argument(stack)):
                yield token, value


def _intersected(reference: str, row: int, col: int) -> str | None:
    """The formula giving ``reference``'s cell in row ``row`` or column ``col`` (Excel's implicit intersection),
    #VALUE! where it has none; None for one cell (nothing to intersect)."""
    if _box(reference) is not None:
        cell = _implicit(reference, row, col)
        return None if cell is None else f"={cell}"
    return f"={spot_index(f'({reference})', row, col)}"


def _first_value(formula: str, row: int, col: int, names: frozenset[str]) -> str | None | bool:
    """``formula`` set again as Excel's classic formula shows it: a range's cell in the formula's row or column, an
    array's first value; False for a reference of one cell (it has nothing to spill: a #SPILL! there is one it
    read); None when its result may be a range this module does not follow (a name, a LAMBDA, IF)."""
    intersected = intersected_let_names(formula, row, col)
    if intersected is not None:  # =LET(a,B5:C5,a+0): the name's cell, as for =B5:C5+0
        formula = intersected
    reference = reference_result(formula)
    if reference is not None:  # LET(x, B5:C5, x) of LAMBDA(x,x)(B5:C5) made LET(x, B5:C5, $C$5): that formula
        return _intersected(reference, row, col) or (intersected is not None and intersected)
    if surely_values(formula, names):
        return f"=INDEX(({formula.removeprefix('=')}),1,1)"
    return None


def _several(workbook: fz.Workbook, sheet: str, row: int, col: int, formula: str) -> bool:
    """Whether ``formula``, in its cell, gives several cells (its own array), not one cell or an error it read
    (``=IF(A1,F1,F1)`` of a blocked dynamic array F1 is #SPILL! too, but spills nothing itself)."""
    from .value_origins import evaluated  # noqa: PLC0415  (a #SPILL! cell's only: a plain workbook spares it)

    inner = formula.removeprefix("=")
    size = evaluated(workbook, sheet, row, col, f"=ROWS(({inner}))*COLUMNS(({inner}))")
    return isinstance(size, (int, float)) and not isinstance(size, bool) and size > 1


def _blocked(value: Any) -> bool:
    return type(value) is CellError and value.code == "#SPILL!" and not value.message


def _own_spill(workbook: fz.Workbook, sheet: str, row: int, col: int) -> bool:
    """Whether the engine's #SPILL! in the cell is its own spill blocked, not an element of its result that is one
    (``=SEQUENCE(3)*D1`` over a blocked D1: the engine spilled that result)."""
    try:
        spill = workbook.inspect_cell(f"{written(sheet)}!{get_column_letter(col)}{row}").to_dict()["cell"].get("spill")
    except Exception:  # noqa: BLE001  (a cell the engine cannot inspect: not changed)
        return False
    spill = spill or {}
    return not (spill.get("kind") == "Anchor" and ":" in str(spill.get("extent") or ""))


def classic_spills(
    workbook: fz.Workbook,
    info: PackageInfo,
    errors: Iterable[tuple[str, str, CellError]],
    set_formulas: Callable[[Any, list[tuple[str, int, int, str]]], None],
    names: frozenset[str] = frozenset(),
) -> tuple[bool, list[tuple[str, str, str, str]]]:
    """Set each classic formula (no dynamic-array flag, not Ctrl+Shift+Enter) whose own spill the engine blocked
    (``#SPILL!``) again as Excel shows it: ``INDEX((formula),1,1)`` where its result is surely values
    (:func:`surely_values`), an array's first value; a reference it surely gives (:func:`reference_result`) as its
    cell in the formula's row or column (#VALUE! where it has none). ``errors``: (sheet, cell, error) of the engine's
    error values (:func:`.evaluation_steps.error_cells`); ``names``: the defined names in lower case. Returns whether
    any formula was set (the workbook is then to be evaluated again) and the cells whose result may be a range this
    module does not follow, to list: (sheet, cell, function, :data:`RANGE_RESULT_REASON`), not a #SPILL! "blocked by"
    a neighbour, untrue for a formula that does not spill.

    Example: ``E3 =XLOOKUP("gamma",A2:A4,HSTACK(B2:B4,C2:C4))`` with a note in F3 is 40, not #SPILL!;
    ``B7 =LET(a,B5:C5,a)`` with a note in C7 is B5's value.
    """
    todo: list[tuple[str, int, int, str]] = []
    listed: list[tuple[str, str, str, str]] = []
    for sheet, ref, value in errors:
        if not _blocked(value):
            continue
        cell = info.formulas.get(sheet, {}).get(ref)
        if cell is None or cell.kind in ("array", "dataTable") or cell.dynamic:
            continue
        row, col = position(ref)
        formula = workbook.get_formula(sheet, row, col)
        if not formula or not _own_spill(workbook, sheet, row, col):
            continue
        new = _first_value(formula, row, col, names)
        if new:
            todo.append((sheet, row, col, new))
        elif new is None and _several(workbook, sheet, row, col, formula):
            listed.append((sheet, ref, "array result", RANGE_RESULT_REASON))
    if todo:
        set_formulas(workbook, todo)
    return bool(todo), listed


_ROWS, _COLUMNS, _SHIFT = 1_048_576, 16_384, 15  # a sheet's size; a cell's key: row << 15 | column

#: the reason a classic formula whose spilled result may be a range is listed (Excel intersects a range with the
#: formula's row or column, which is not computed here)
RANGE_RESULT_REASON = (
    "a formula without Excel 365's dynamic-array flag (as openpyxl and pandas write them) whose result is several "
    "cells, and may be a range: Excel shows the range's cell in the formula's row or column (implicit intersection), "
    "which is not computed here, and the value Excel stored is kept"
)


def _anchor_extent(workbook: fz.Workbook, sheet: str, row: int, col: int) -> bool:
    """Whether the engine spilled the cell's result over more than the cell (its spill's anchor, with an extent)."""
    try:
        spill = workbook.inspect_cell(f"{written(sheet)}!{get_column_letter(col)}{row}").to_dict()["cell"].get("spill")
    except Exception:  # noqa: BLE001  (a cell the engine cannot inspect: not changed)
        return False
    spill = spill or {}
    return spill.get("kind") == "Anchor" and ":" in str(spill.get("extent") or "")


def _filled_neighbours(workbook: fz.Workbook, sheet: str, cells: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The formula cells (row, column) whose right or lower neighbour is no formula cell and holds a value in the
    engine (a spill's second cell is one of them). The neighbours are read a column's run at a time."""
    keys = np.fromiter((r << _SHIFT | c for r, c in cells), dtype=np.int64)
    if not len(keys):
        return []
    near = np.concatenate((keys + 1, keys + (1 << _SHIFT)))  # right, below
    ordered = np.sort(keys)
    at = np.searchsorted(ordered, near)
    at[at == len(ordered)] = 0
    free = ordered[at] != near  # no formula there
    near, of = near[free], np.concatenate((keys, keys))[free]
    rows, cols = near >> _SHIFT, near & ((1 << _SHIFT) - 1)
    inside = (rows <= _ROWS) & (cols <= _COLUMNS)
    near, of, rows, cols = near[inside], of[inside], rows[inside], cols[inside]
    if not len(near):
        return []
    order = np.lexsort((rows, cols))
    near, of, rows, cols = near[order], of[order], rows[order], cols[order]
    engine_sheet = workbook.sheet(sheet)
    found: set[int] = set()
    for column in sorted(set(cols.tolist())):  # (np.unique would import numpy.ma: about 7 ms of a command)
        at = np.flatnonzero(cols == column)
        top, bottom = int(rows[at[0]]), int(rows[at[-1]])
        if bottom - top + 1 <= 4 * len(at) + 100:  # a run: one read
            grid = engine_sheet.get_values(fz.RangeAddress(sheet, top, column, bottom, column))
            found.update(int(of[k]) for k in at.tolist() if grid[int(rows[k]) - top][0] is not None)
        else:
            found.update(
                int(of[k]) for k in at.tolist() if engine_sheet.get_cell(int(rows[k]), column).value is not None
            )
    return sorted((key >> _SHIFT, key & ((1 << _SHIFT) - 1)) for key in found)


def spilled_classics(
    workbook: fz.Workbook,
    info: PackageInfo,
    positions: dict[str, Iterable[tuple[int, int]]],
    set_formulas: Callable[[Any, list[tuple[str, int, int, str]]], None],
    names: frozenset[str] = frozenset(),
) -> tuple[bool, list[tuple[str, str, str, str]]]:
    """Set each classic formula (no dynamic-array flag, not Ctrl+Shift+Enter) the engine spilled into blank cells
    again as ``INDEX((formula),1,1)`` where its result is surely values (:func:`surely_values`): Excel's classic
    formula shows its array's first value and leaves the cells beside it blank (a formula reading them reads a blank).
    A result that may be a range (``LET(a,B2:C3,a)``, ``=Pair`` of a name) is listed instead: (sheet, cell,
    function, :data:`RANGE_RESULT_REASON`). ``positions``: each sheet's formula cells (row, column), as evaluated.

    Only a formula cell whose right or lower neighbour is no formula and holds a value in the engine is inspected
    (a spill fills one of them): a workbook without spills costs one look at each formula's blank neighbours.

    Example: ``G1 =LET(a,HSTACK(1,2),a)`` with H1 blank: G1 is 1, H1 stays blank, ``=H1&"|"`` is ``"|"``.
    Returns (whether any formula was set, the cells to list).
    """
    todo: list[tuple[str, int, int, str]] = []
    listed: list[tuple[str, str, str, str]] = []
    for sheet, cells in positions.items():
        own = info.formulas.get(sheet)
        if not own:
            continue
        for row, col in _filled_neighbours(workbook, sheet, cells):
            ref = f"{get_column_letter(col)}{row}"
            cell = own.get(ref)
            if cell is None or cell.kind in ("array", "dataTable") or cell.dynamic or cell.empty:
                continue
            if not _anchor_extent(workbook, sheet, row, col):
                continue
            formula = workbook.get_formula(sheet, row, col)
            if not formula:
                continue
            new = _first_value(formula, row, col, names)
            if new:
                todo.append((sheet, row, col, new))
            elif new is None:
                listed.append((sheet, ref, "array result", RANGE_RESULT_REASON))
    if todo:
        set_formulas(workbook, todo)
    return bool(todo), listed
