"""The cells an ``OFFSET`` reads, for the walk that finds the readers of a cell without a current value.

The engine's dependency graph links ``=MROUND(OFFSET(A1,0,2)+0.1,D1)`` to A1, the reference it is given, and not to
C1, the cell it reads: :func:`.kept.dependents` missed it, so a value Excel stored there was kept as current while
C1 had changed since (H173's finding 01), and so was a formula using a name defined by OFFSET (``Dyn =
OFFSET(S!$A$1,0,2)``) and ``SUMPRODUCT(OFFSET(A1,0,2,1,1))``. :func:`offset_readers` gives each formula cell calling
OFFSET (itself, or through such a name: the engine's formula, where :mod:`.rewrite` put the name's formula) the
areas its calls read: the reference moved by the rows and columns asked and sized by the height and width, each
argument typed in or its value asked of the engine (``ROW()`` and ``COLUMN()`` of the cell's own place); None
where one cannot be told (an array of offsets, a reference computed by a function): it may read any cell.
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from .excel_functions.arguments import _arguments as argument_spans
from .literal_arithmetic import literal_value
from .offset_reaches import computed_base, loose_reach
from .scratch_cell import scratch_value
from .text_literals import LITERALS as _TEXT

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["offset_readers", "offset_targets"]

Area = tuple[str, tuple[int, int, int, int]]  # sheet, (left, top, right, bottom)
_LAST_ROW, _LAST_COLUMN = 1_048_576, 16_384
#: the function put in each OFFSET's place to note the arguments it is given
_PROBE = "_XLR_OFFSET_ARGUMENTS"
#: the function put in the place of one the engine lacks (an add-in's), which evaluates its arguments
_EVERY = "_XLR_OFFSET_EVERY"
_OWN_ROW = re.compile(r"(?i)(?<![\w.])ROW\(\s*\)")
_OWN_COLUMN = re.compile(r"(?i)(?<![\w.])COLUMN\(\s*\)")
#: a word that may be a defined name (not a function: no bracket after it; not a cell: checked after)
_WORD = re.compile(r"(?<![\w.$!'\]\[#])([A-Za-z_\\][\w.]*)(?![\w(!\[])")
_CELL = re.compile(r"(?i)\$?[A-Z]{1,3}\$?\d+|[RC]|TRUE|FALSE")


def offset_readers(
    workbook: Any,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    formula_names: dict[str, dict[str, str]] | None = None,
    budget: list[int] | None = None,
) -> list[tuple[tuple[str, str], list[Area] | None]]:
    """((sheet, cell), the areas its OFFSETs read, or None: any) of each formula cell calling OFFSET, in its text
    or through a defined name (each cell of a shared formula its own). ``formula_names``: the names defined by a
    formula (:func:`.defined_names.defined_formulas`), when known: only those calling OFFSET are looked for (else any
    word that may be a name has the engine's formula read). ``budget``: [how many formulas the engine may still be
    asked about] (0.5 ms each), None: any."""
    known = {name for scope in info.names.values() for name in scope} | {n for _, n, _ in info.reference_names}
    offset_names = None
    if formula_names is not None:
        offset_names = {n for scope in formula_names.values() for n, f in scope.items() if "OFFSET(" in f.upper()}
        pattern = re.compile(r"(?i)(?<![\w.])(?:" + "|".join(map(re.escape, offset_names)) + r")(?![\w(])")

    def may_name(upper: str) -> bool:
        if offset_names is None:
            return _may_name(upper, known)
        return bool(offset_names) and pattern.search(_TEXT.sub('""', upper)) is not None

    found: list[tuple[tuple[str, str], list[Area] | None]] = []
    for sheet, texts in formulas.items():
        upper = texts.upper_text()
        direct = "OFFSET(" in upper
        if not direct and not may_name(upper):
            continue
        for place in texts:
            text = texts[place]
            if "OFFSET(" not in text.upper():
                if not may_name(text.upper()):
                    continue
                try:
                    text = workbook.get_formula(sheet, *place) or ""
                except Exception:  # noqa: BLE001  (no formula there in the engine)
                    continue
                if "OFFSET(" not in text.upper():
                    continue
            found.append(((sheet, texts.refs[place]), offset_targets(workbook, sheet, text, place, info.names, budget)))
    return found


def _may_name(upper: str, known: set[str]) -> bool:
    """Whether a formula text (upper case) holds a word that may be a name defined by a formula (not a range's)."""
    bare = _TEXT.sub('""', upper)
    return any(
        not _CELL.fullmatch(word) and word.lower() not in known and not word.upper().startswith("_XL")
        for word in _WORD.findall(bare)
    )


def offset_targets(
    workbook: Any,
    sheet: str,
    formula: str,
    place: tuple[int, int],
    names: dict[str, dict[str, str]] | None = None,
    budget: list[int] | None = None,
) -> list[Area] | None:
    """The areas every ``OFFSET`` of ``formula`` (the text of the formula cell at ``place`` on ``sheet``) reads, or
    None when one cannot be told. ``names``: the defined names of one range ({sheet or "": {name: reference}}).

    The rows, columns, height and width each call is given are typed in, or are asked of the engine: the formula
    evaluated in the sheet's last cell with each OFFSET replaced by a function noting its arguments (a LET's
    variables, an array of offsets: its least and greatest), ``ROW()`` and ``COLUMN()`` the cell's own place."""
    try:
        tokens = list(_tokenized(formula.removeprefix("=")))
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not understand: cannot tell)
        return None
    calls: list[tuple[int, list[tuple[int, int]]]] = []
    for k, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            if token.value.upper().removeprefix("_XLFN.") == "OFFSET(":
                try:
                    spans = argument_spans(tokens, k)[0]
                except ValueError:  # unbalanced
                    return None
                if not 3 <= len(spans) <= 5:
                    return None
                calls.append((k, spans))
    typed = [[_typed(tokens[a:b], place, workbook, sheet) for a, b in spans[1:]] for _, spans in calls]
    asked: dict[tuple[int, int], tuple[int, int]] | None = {}
    if any(None in row for row in typed):
        if budget is not None and budget[0] <= 0:
            return None  # the engine asked about enough formulas: cannot tell
        if budget is not None:
            budget[0] -= 1
        asked = _asked(workbook, sheet, tokens, calls, place)
    if asked is None:
        return None
    areas: list[Area] = []
    for n, (_, spans) in enumerate(calls):
        base = _base(tokens[spans[0][0] : spans[0][1]], sheet, names or {})
        loose = base is None  # a reference INDEX or XLOOKUP returns: any part of its range (.offset_reaches)
        if loose:
            base = computed_base(tokens[spans[0][0] : spans[0][1]], sheet, names or {}, _base)
        if base is None:
            return None
        target, (left, top, right, bottom) = base
        values = []
        for index, default in enumerate((0, 0, bottom - top + 1, right - left + 1)):
            value = typed[n][index] if index < len(typed[n]) else (default, default)
            if value is None:
                value = asked.get((n, index))
            if value is None:
                return None
            values.append(value)
        (rows_low, rows_high), (columns_low, columns_high), heights, widths = values
        if heights == (0, 0) or widths == (0, 0):
            continue  # a height or width of 0: #REF!, reads nothing (=SUM(OFFSET(C$1,0,0,ROW()-1)) in row 1)
        up, down = _reach(heights)  # a negative height reaches up from the moved cell (OFFSET(B4,0,0,-3): B2:B4)
        back, ahead = _reach(widths)
        first_row, last_row = top + rows_low + up, top + rows_high + down
        first_column, last_column = left + columns_low + back, left + columns_high + ahead
        if loose:  # its first cell anywhere in the range, its own size (no height or width given) within it
            first_row, last_row = loose_reach(top, bottom, rows_low, rows_high, heights, len(spans) < 4)
            first_column, last_column = loose_reach(left, right, columns_low, columns_high, widths, len(spans) < 5)
        box = (max(first_column, 1), max(first_row, 1), min(last_column, _LAST_COLUMN), min(last_row, _LAST_ROW))
        if box[0] <= box[2] and box[1] <= box[3]:  # else past the sheet's edge: #REF!, reads nothing
            areas.append((target, box))
    return areas


def _reach(sizes: tuple[int, int]) -> tuple[int, int]:
    """How far above and below (left and right of) the moved cell an area of a height (width) between ``sizes``
    reaches: a size h > 0 covers 0 .. h - 1, h < 0 covers h + 1 .. 0 (0: none).

    >>> _reach((3, 3)), _reach((-3, -3)), _reach((-2, 4)), _reach((0, 2))
    ((0, 2), (-2, 0), (-1, 3), (0, 1))
    """
    low, high = sizes
    return (min(0, low + 1), max(0, high - 1))


def _base(tokens: list[Token], sheet: str, names: dict[str, dict[str, str]]) -> Area | None:
    """OFFSET's reference: a cell or range typed in, or a name of one."""
    solid = [t for t in tokens if t.type != Token.WSPACE]
    if len(solid) != 1 or solid[0].type != Token.OPERAND or solid[0].subtype != Token.RANGE:
        return None
    text = solid[0].value
    owner, bang, ref = text.rpartition("!")
    if not bang:
        named = names.get(sheet, {}).get(text.lower()) or names.get("", {}).get(text.lower())
        if named:
            owner, bang, ref = named.rpartition("!")
    if owner.startswith("'") and owner.endswith("'") and len(owner) > 1:
        owner = owner[1:-1].replace("''", "'")
    if "[" in owner:
        return None
    try:
        left, top, right, bottom = range_boundaries(ref.replace("$", ""))
    except (ValueError, TypeError):
        return None
    box = (left or 1, top or 1, right or _LAST_COLUMN, bottom or _LAST_ROW)
    return (owner or sheet, box)


def _typed(
    tokens: list[Token], place: tuple[int, int], workbook: Any = None, sheet: str = ""
) -> tuple[int, int] | None:
    """An OFFSET argument's whole number typed in (a number, or arithmetic on numbers and the cell's own ``ROW()``
    and ``COLUMN()``: :func:`.literal_arithmetic.literal_value`), or held by the one cell it names (the engine's
    value, a blank 0), as (floor, ceiling): Excel drops its fraction, both are taken so that no area is missed. None
    where the engine is to be asked."""
    solid = [t for t in tokens if t.type != Token.WSPACE]
    if len(solid) == 1 and solid[0].type == Token.OPERAND and solid[0].subtype == Token.NUMBER:
        value: Any = float(solid[0].value)
    elif (
        len(solid) == 1 and solid[0].type == Token.OPERAND and solid[0].subtype == Token.RANGE and workbook is not None
    ):
        value = _held(workbook, sheet, solid[0].value)  # =OFFSET($A$1,B5,0) filled down: B5's value, no evaluation
        if value is None:
            return None
    else:
        expression = "".join(t.value for t in solid)
        value = literal_value(_OWN_COLUMN.sub(str(place[1]), _OWN_ROW.sub(str(place[0]), expression)))
        if not _number_value(value):
            return None
    return math.floor(value), math.ceil(value)


def _held(workbook: Any, sheet: str, text: str) -> float | None:
    """The number the one cell ``text`` names holds in the engine (a blank: 0); None for anything else."""
    owner, bang, ref = text.rpartition("!")
    if bang:
        owner = owner[1:-1].replace("''", "'") if owner.startswith("'") and owner.endswith("'") else owner
        if "[" in owner:
            return None
        sheet = next((s for s in workbook.sheet_names if s.lower() == owner.lower()), "")
    try:
        left, top, right, bottom = range_boundaries(ref.replace("$", ""))
        if not sheet or None in (left, top) or (left, top) != (right, bottom):
            return None
        value = workbook.get_value(sheet, top, left)
    except Exception:  # noqa: BLE001  (a name, a sheet the engine lacks: the engine is asked)
        return None
    if value is None:
        return 0.0
    return float(value) if type(value) in (int, float) and math.isfinite(value) else None


def _number_value(value: Any) -> bool:
    return type(value) is float and math.isfinite(value)


def _asked(
    workbook: Any,
    sheet: str,
    tokens: list[Token],
    calls: list[tuple[int, list[tuple[int, int]]]],
    place: tuple[int, int],
) -> dict[tuple[int, int], tuple[int, int]] | None:
    """{(call, argument): (least, greatest)} of the rows, columns, height and width each OFFSET call is given, asked
    of the engine (see :func:`offset_targets`); None where a call was not made or an argument is no number."""
    from .unsupported import engine_knows  # noqa: PLC0415  (.unsupported reads .kept, which reads this module)

    opening = {k: n for n, (k, _) in enumerate(calls)}
    bases = {spans[0][0]: spans[0][1] for _, spans in calls}
    pieces: list[str] = []
    skip_to = -1
    for i, token in enumerate(tokens):
        if i < skip_to:
            continue
        if i in opening:
            pieces.append(f"{_PROBE}({opening[i]},")
        elif i in bases:
            pieces.append("0")  # its reference's values are not needed (a whole column's would be read)
            skip_to = bases[i]
        elif token.type == Token.FUNC and token.subtype == Token.OPEN and _unknown(token.value[:-1], engine_knows):
            pieces.append(f"{_EVERY}(")  # =GET_MRR(OFFSET(..)), an add-in's: its arguments evaluated all the same
        else:
            pieces.append(token.value)
    text = "".join(pieces)
    text = _OWN_COLUMN.sub(str(place[1]), _OWN_ROW.sub(str(place[0]), text))
    seen: dict[int, list[tuple[Any, ...]]] = {}

    def probe(n: Any, _base: Any, *arguments: Any) -> float:
        seen.setdefault(int(n), []).append(arguments)
        return 0.0

    workbook.register_function(_PROBE, probe, min_args=4, max_args=6)
    workbook.register_function(_EVERY, lambda *_: 0.0, min_args=0, max_args=255)
    try:
        _evaluated(workbook, sheet, text)
    finally:
        workbook.unregister_function(_PROBE)
        workbook.unregister_function(_EVERY)
    found: dict[tuple[int, int], tuple[int, int]] = {}
    for n in range(len(calls)):
        if n not in seen:
            return None  # not made in the last cell (a branch, an intersection of its own row): cannot tell
        for arguments in seen[n]:
            for index, value in enumerate(arguments):
                numbers = _numbers(value)
                if numbers is None:
                    return None
                if not numbers:
                    continue
                low, high = found.get((n, index), (math.inf, -math.inf))
                found[(n, index)] = (min(low, math.floor(min(numbers))), max(high, math.ceil(max(numbers))))
    return found


def _unknown(name: str, engine_knows: Any) -> bool:
    """Whether the engine lacks the function ``name`` (as written: ``_xlfn.`` and ``_xlpm.`` prefixes, a LAMBDA's
    name are the engine's to read)."""
    bare = name.upper()
    if bare.startswith(("_XLFN.", "_XLWS.", "_XLPM.")) or bare in ("LET", "LAMBDA"):
        return False
    return not engine_knows(bare)


def _numbers(value: Any) -> list[float] | None:
    """The numbers an argument's value holds (a blank counts 0; an error makes OFFSET's error: none); None where it
    holds a text or something else."""
    items = (
        [v for row in value for v in (row if isinstance(row, list) else [row])] if isinstance(value, list) else [value]
    )
    out: list[float] = []
    for item in items:
        if item is None or item == "":
            out.append(0.0)
        elif isinstance(item, dict) and item.get("type") == "Error":
            continue
        elif type(item) in (int, float, bool) and math.isfinite(item):
            out.append(float(item))
        else:
            return None
    return out


def _evaluated(workbook: Any, sheet: str, expression: str) -> Any:
    return scratch_value(workbook, sheet, f"={expression}")


@functools.lru_cache(maxsize=4096)
def _tokenized(formula: str) -> tuple[Token, ...]:
    """The tokens of ``formula`` (without "="), read once per text: a formula filled down is one text many times
    (``INDIRECT("A"&ROW())``, ``OFFSET(A$2,0,0,ROW()-1)``). Raises what the tokenizer raises."""
    return tuple(Tokenizer("=" + formula).items)
