"""SUBTOTAL and AGGREGATE over hidden rows, as Excel counts them: the ranges split around the rows left out.

Excel's SUBTOTAL(1..11, ...) leaves out the rows a filter hides, SUBTOTAL(101..111, ...) every hidden row, and
AGGREGATE(function, options, ...) every hidden row when its options are 1, 3, 5 or 7. formualizer 0.13 does not know
which rows are hidden. The sheet XML says so (``<row r="7" hidden="1">``), and a hidden row inside an autoFilter range
(the sheet's, or a table's) holding a criterion (``<filterColumn>``) is one its filter hides; without one (filter
buttons only) the row is hidden by hand, which SUBTOTAL(1..11) counts (Microsoft's SUBTOTAL page).
:func:`split_hidden` rewrites each plain range argument of such a call into the ranges of the rows that count
(``SUBTOTAL(109,B2:B9)`` with rows 4 and 5 hidden becomes ``SUBTOTAL(9,B2:B3,B6:B9)``), which the engine then computes
as it is: SUBTOTAL's leaving out of nested SUBTOTAL cells is kept. A call whose every row is left out becomes the
value of its function over nothing (0, or #DIV/0! for AVERAGE, STDEV and VAR). Whole columns (``C:C``), whole rows and
defined names of one range (``MRR``) are split as the ranges they are. Where the rows left out cannot be known before
evaluation (a range given by a function, ``OFFSET(...)`` or ``INDEX(...):INDEX(...)``, a name defined by a formula, a
function number not typed in) and the workbook hides rows, :func:`unsure_reason` says why: the cell keeps Excel's
value and is listed.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from .excel_functions.arguments import _arguments
from .excel_functions.statistical import AGGREGATE_NAME
from .formula_texts import FormulaTexts
from .package import Table
from .xlsx_values import _sheet_parts

_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_R = re.compile(rb"""\sr\s*=\s*["'](\d+)["']""")
_HIDDEN = re.compile(rb"""\shidden\s*=\s*["'](?:1|true)["']""")
_AUTO_FILTER = re.compile(
    rb"""<(?:\w+:)?autoFilter\b[^>]*\sref\s*=\s*["']([A-Za-z$]+\$?\d+:[A-Za-z$]+\$?\d+)["'][^>]*?(/>|>(.*?)</(?:\w+:)?autoFilter>)""",
    re.S,
)
_CRITERION = re.compile(rb"<(?:\w+:)?filterColumn\b")
_CALLS = re.compile(r"(?i)\b(?:SUBTOTAL|AGGREGATE)\(")
#: SUBTOTAL's (and AGGREGATE's) functions 1-11 over no values at all
_OF_NOTHING = {1: "#DIV/0!", 2: "0", 3: "0", 4: "0", 5: "0", 6: "0", 7: "#DIV/0!", 8: "#DIV/0!", 9: "0"}
_OF_NOTHING.update({10: "#DIV/0!", 11: "#DIV/0!", 12: "#NUM!", 13: "#N/A"})
_AREA = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)$")
_WHOLE_COLUMNS = re.compile(r"^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$")
_WHOLE_ROWS = re.compile(r"^\$?(\d+):\$?(\d+)$")
_UNSURE = (
    "{name} over a reference computed when the formula runs, in a workbook with hidden rows: which rows it leaves "
    "out cannot be known before evaluation, so the cell keeps Excel's value"
)


@dataclass
class HiddenRows:
    """The hidden rows of one sheet, and those of them a filter hides."""

    hidden: set[int] = field(default_factory=set)
    filtered: set[int] = field(default_factory=set)


def hidden_rows(path: str, tables: list[Table]) -> dict[str, HiddenRows]:
    """Each sheet's hidden rows (sheets without any are left out), read from the package at ``path``."""
    out: dict[str, HiddenRows] = {}
    with zipfile.ZipFile(path) as package:
        for sheet, part in _sheet_parts(package).items():
            if part is None:
                continue
            xml = package.read(part)
            if b"hidden" not in xml:
                continue
            rows = {
                int(number.group(1))
                for attrs in _ROW.findall(xml)
                if _HIDDEN.search(attrs) and (number := _R.search(attrs)) is not None
            }
            if not rows:
                continue
            # a filter hides rows only where it holds a criterion (<filterColumn>): the buttons alone (a table's, or
            # an autoFilter whose criteria were cleared) filter nothing, and a row hidden there is hidden by hand
            filters = [m.group(1).decode() for m in _AUTO_FILTER.finditer(xml) if _CRITERION.search(m.group(3) or b"")]
            filters += [t.ref for t in tables if t.sheet == sheet and t.filtered]
            filtered = set()
            for ref in filters:
                top, bottom = range_boundaries(ref.replace("$", ""))[1::2]
                filtered |= {r for r in rows if top < r <= bottom}  # the filter's header row is never hidden by it
            out[sheet] = HiddenRows(rows, filtered)
    return out


def may_split(text: str) -> bool:
    """Whether ``text`` calls SUBTOTAL or AGGREGATE (a cheap test before :func:`split_hidden`)."""
    return _CALLS.search(text) is not None


def _explicit(area: str) -> str:
    """A whole column or row range as the area it is (``C:C`` is ``C1:C1048576``); any other text as it is."""
    columns = _WHOLE_COLUMNS.match(area)
    if columns is not None:
        return f"{columns.group(1)}1:{columns.group(2)}1048576"
    rows = _WHOLE_ROWS.match(area)
    if rows is not None:
        return f"A{rows.group(1)}:XFD{rows.group(2)}"
    return area


def _split(area: str, skipped: set[int]) -> list[str] | None:
    """The pieces of ``area`` without the ``skipped`` rows ([] when none is left); None for what is not an area."""
    area = _explicit(area)
    match = _AREA.match(area) or _AREA.match(f"{area}:{area}")
    if match is None:
        return None
    left, top, right, bottom = match.group(1), int(match.group(2)), match.group(3), int(match.group(4))
    if not any(top <= r <= bottom for r in skipped):
        return [area]
    pieces, start = [], None
    for row in range(top, bottom + 2):
        if row <= bottom and row not in skipped:
            start = row if start is None else start
        elif start is not None:
            pieces.append(f"{left}{start}:{right}{row - 1}")
            start = None
    return pieces


def split_hidden(formula: str, sheet: str, rows: dict[str, HiddenRows], names: dict[str, str] | None = None) -> str:
    """``formula`` (with ``=``) on ``sheet`` with SUBTOTAL/AGGREGATE's ranges split around rows Excel leaves out.

    ``names``: the defined names of one range visible on ``sheet`` (lower case -> ``"Subs!$C$2:$C$7"``).

    >>> rows = {"S": HiddenRows({4, 5}, set())}
    >>> split_hidden("=SUBTOTAL(109,B2:B9)", "S", rows), split_hidden("=SUBTOTAL(9,B2:B9)", "S", rows)
    ('=SUBTOTAL(9,B2:B3,B6:B9)', '=SUBTOTAL(9,B2:B9)')
    >>> split_hidden("=SUBTOTAL(109,MRR)", "T", rows, {"mrr": "S!$B$3:$B$6"})
    '=SUBTOTAL(9,S!B3:B3,S!B6:B6)'
    """
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # a formula the tokenizer does not understand: the engine decides
        return formula
    out = [t.value for t in tokens]
    changed = False
    for i, name, arguments, numbers in _calls(tokens):
        if numbers[0] is None:
            continue
        if name == "SUBTOTAL":
            every = numbers[0] > 100
            first_range = 1
        else:
            if numbers[1] is None or int(numbers[1]) not in (1, 3, 5, 7):
                continue
            every, first_range = True, 2
        pieces_of: dict[int, list[str]] = {}
        for start, end in arguments[first_range:]:
            solid = [k for k in range(start, end) if tokens[k].type != Token.WSPACE]
            if len(solid) != 1 or tokens[solid[0]].subtype != Token.RANGE:
                continue
            where, _, area = _named(tokens[solid[0]].value, names).rpartition("!")
            target = where.strip("'").replace("''", "'") if where else sheet
            area = area.replace("$", "")
            found = rows.get(target)
            pieces = _split(area, found.hidden if every else found.filtered) if found is not None else None
            if pieces is not None and pieces != [area]:
                prefix = f"{where}!" if where else ""
                pieces_of[solid[0]] = [prefix + p for p in pieces]
        if not pieces_of:
            continue
        if all(not p for p in pieces_of.values()) and len(pieces_of) == len(arguments) - first_range:
            # every row left out: the function of no values (SUM 0, AVERAGE #DIV/0!, ...)
            empty = _OF_NOTHING.get(int(numbers[0]) % 100)
            if empty is None:
                continue
            out[i] = empty
            for k in range(i + 1, arguments[-1][1] + 1):
                out[k] = ""
            changed = True
            continue
        for k, pieces in pieces_of.items():
            out[k] = ",".join(pieces)
            if not pieces:  # a range of hidden rows only: the argument goes, with the separator before it
                before = k - 1
                while tokens[before].type == Token.WSPACE:
                    before -= 1
                out[before] = ""  # the "," (the first range argument always follows the function number)
        split = changed = True
        if name == "SUBTOTAL" and numbers[0] > 100 and split:
            span = arguments[0]
            first = next(k for k in range(*span) if tokens[k].type != Token.WSPACE)
            out[first] = str(int(numbers[0]) - 100)
            for k in range(first + 1, span[1]):
                out[k] = ""
    return "=" + "".join(out) if changed else formula


def _calls(tokens: list[Token]) -> Iterator[tuple[int, str, list[tuple[int, int]], list[float | None]]]:
    """Each SUBTOTAL/AGGREGATE call of two arguments or more: (its opening token's index, its name, its arguments'
    token spans, its first two arguments' numbers where typed in); calls with unbalanced brackets are skipped."""
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = token.value[:-1].upper().removeprefix("_XLFN.")
        name = "AGGREGATE" if name == AGGREGATE_NAME else name  # 12-19, renamed by .array_lifting
        if name not in ("SUBTOTAL", "AGGREGATE"):
            continue
        try:
            arguments = _arguments(tokens, i)[0]
        except ValueError:  # unbalanced brackets: the engine decides
            continue
        if len(arguments) >= 2:
            yield i, name, arguments, [_number(tokens, span) for span in arguments[:2]]


def _number(tokens: list[Token], span: tuple[int, int]) -> float | None:
    solid = [tokens[k] for k in range(*span) if tokens[k].type != Token.WSPACE]
    if not solid:  # an argument left empty (AGGREGATE(12,,B1:B5)): 0
        return 0.0
    if len(solid) == 1 and solid[0].type == Token.OPERAND and solid[0].subtype == Token.NUMBER:
        return float(solid[0].value)
    return None


def _named(reference: str, names: dict[str, str] | None) -> str:
    """``reference`` (a range token's text) with a defined name of one range replaced by the range it names."""
    if names and "!" not in reference and ":" not in reference:
        return names.get(reference.lower(), reference)
    return reference


def unsure_reason(formula: str, rows: dict[str, HiddenRows], names: dict[str, str] | None = None) -> str | None:
    """Why a SUBTOTAL/AGGREGATE of ``formula`` (as :func:`split_hidden` left it) cannot be computed right in a workbook
    whose sheets hide ``rows``, or None: an argument that leaves out hidden rows is not a plain range (``OFFSET(..)``,
    ``INDEX(..):INDEX(..)``, a name defined by a formula) or the function number is not typed in.

    >>> rows = {"S": HiddenRows({4}, {4})}
    >>> unsure_reason("=SUBTOTAL(9,OFFSET(C1,1,0,6,1))", rows) is not None, unsure_reason("=SUBTOTAL(9,C2:C7)", rows)
    (True, None)
    """
    if not rows or not any(r.hidden for r in rows.values()):
        return None
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine's error is listed anyway)
        return None
    filtered = any(r.filtered for r in rows.values())
    for _, name, arguments, numbers in _calls(tokens):
        first_range = 1 if name == "SUBTOTAL" else 2
        if numbers[0] is None or name == "AGGREGATE" and numbers[1] is None:
            return _UNSURE.format(name=name)  # which rows it leaves out is decided when it runs
        if name == "SUBTOTAL" and numbers[0] < 100 and not filtered:
            continue  # SUBTOTAL 1-11 leaves out only the rows a filter hides: none here
        if name == "AGGREGATE" and int(numbers[1]) not in (1, 3, 5, 7):
            continue
        if name == "AGGREGATE" and int(numbers[0]) > 13:
            continue  # LARGE, SMALL, PERCENTILE...: an array argument, as Excel reads it
        for start, end in arguments[first_range:]:
            solid = [k for k in range(start, end) if tokens[k].type != Token.WSPACE]
            plain = len(solid) == 1 and tokens[solid[0]].subtype == Token.RANGE
            if plain:
                where, _, area = _named(tokens[solid[0]].value, names).rpartition("!")
                area = _explicit(area.replace("$", ""))
                plain = _AREA.match(area) is not None or _AREA.match(f"{area}:{area}") is not None
            if not plain:
                return _UNSURE.format(name=name)
    return None


_NESTED = (
    "AGGREGATE {function} with {options} leaves out the SUBTOTAL and AGGREGATE cells it reads ({cell}), which "
    "the embedded engine cannot do for this function, so the cell keeps Excel's value"
)
_NESTED_UNSURE = (
    "AGGREGATE {function} with {options} leaves out the SUBTOTAL and AGGREGATE cells it reads, which cannot "
    "be known before evaluation for {argument}, so the cell keeps Excel's value"
)


def nested_totals(formulas: dict[str, FormulaTexts]) -> Iterator[tuple[str, str, str, str]]:
    """(sheet, ref, function, reason) of each cell whose AGGREGATE 12-19 (the functions computed outside the engine,
    .excel_functions.statistical) has options leaving out nested SUBTOTAL and AGGREGATE cells (0-3, left empty, or
    not typed in) and reads such a cell: Excel leaves it out, the computation would not, so the cell is listed. A
    data argument that is not a range (a name, ``OFFSET(..)``) is listed when the workbook has another such cell.
    """
    totals: dict[str, set[tuple[int, int]]] = {}
    candidates: list[tuple[str, tuple[int, int]]] = []
    if not any("AGGREGATE(" in texts.upper_text() for texts in formulas.values()):  # most workbooks have none
        return
    for sheet, texts in formulas.items():
        for place, master in texts.master_texts():
            if _CALLS.search(master) is not None:
                totals.setdefault(sheet, set()).add(place)
                if _HIGH_AGGREGATE.search(master) is not None:
                    candidates.append((sheet, place))
    for sheet, place in candidates:
        reason = _nested_reason(formulas[sheet][place], sheet, place, totals)
        if reason is not None:
            yield sheet, formulas[sheet].refs[place], "AGGREGATE", reason


_HIGH_AGGREGATE = re.compile(r"(?i)\bAGGREGATE\(\s*1[2-9]\s*,")


def _nested_reason(
    formula: str, sheet: str, place: tuple[int, int], totals: dict[str, set[tuple[int, int]]]
) -> str | None:
    try:
        tokens = list(Tokenizer("=" + formula).items)
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine decides)
        return None
    others = sum(len(cells) for cells in totals.values()) > 1
    for _, name, arguments, numbers in _calls(tokens):
        if name != "AGGREGATE" or numbers[0] is None or not 12 <= numbers[0] <= 19:
            continue
        if numbers[1] is not None and numbers[1] > 3:
            continue
        function, options = int(numbers[0]), "options 0-3" if numbers[1] is None else f"option {int(numbers[1])}"
        for start, end in arguments[2:-1] if numbers[0] >= 14 else arguments[2:]:
            for k in range(start, end):
                token = tokens[k]
                if token.type != Token.OPERAND or token.subtype != Token.RANGE:
                    continue
                where, _, area = token.value.rpartition("!")
                target = where.strip("'").replace("''", "'") if where else sheet
                area = _explicit(area.replace("$", ""))
                match = _AREA.match(area) or _AREA.match(f"{area}:{area}")
                if match is None:  # a name: which cells it covers is not read here
                    if others:
                        return _NESTED_UNSURE.format(function=function, options=options, argument=token.value)
                    continue
                left, top, right, bottom = range_boundaries(
                    f"{match.group(1)}{match.group(2)}:{match.group(3)}{match.group(4)}"
                )
                for r, c in totals.get(target, ()):
                    if top <= r <= bottom and left <= c <= right and (target, (r, c)) != (sheet, place):
                        cell = f"{target}!{get_column_letter(c)}{r}"
                        return _NESTED.format(function=function, options=options, cell=cell)
    return None
