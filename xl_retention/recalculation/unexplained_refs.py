"""A ``#REF!`` or ``#NAME?`` no reason step explains, as recalc's reason: never such an error listed with an empty
reason under status ok.

Excel's ``#REF!`` means a reference that is not there: a deleted sheet, row or column (``#REF!`` in the formula's or
a name's text, named by :mod:`.month_order`, :mod:`.undefined_names`, :mod:`.missing_references`), an ``INDIRECT``
text naming none (:mod:`.indirect_reasons`), a spill reference of a cell that does not spill. The engine also gives
it for forms it cannot read (``Cohorts!B2:Cohorts!B7*1`` before :mod:`.sheet_corners`: listed with no reason, the
user sent looking for a deletion that did not happen, H371's finding 01). :func:`unexplained_ref_reasons`, the last
step of :func:`.reasons.explain`, names each such cell, its formula and what was looked for, so that the user checks
that cell in Excel; a cell reading another's ``#REF!`` gets that cell's reason passed on (``, from S!B3``), also
through a range (``=SUM(A1:A3)``). So too a ``#NAME?`` (a name or function the workbook does not define: named by
:mod:`.undefined_names`, :mod:`.unprefixed`, :mod:`.unsupported`) where no step named its cause.

Such a cell's error is the engine's alone unless Excel stored the same error in it: :func:`unvouched_line` names the
cells whose stored value is another (``=SUM(S!A1:S!A3:A4)``: Excel stored 100, the engine gives ``#REF!``) or none
(written by a program, never computed by Excel; not a ``#REF!`` of INDEX, OFFSET, INDIRECT, a lookup, a regression
(LINEST, LOGEST, TREND, GROWTH over ranges of other sizes) or a spill reference ``A1#``, which give it by their
arguments' values as Excel does), and :func:`.batch.recalc_file` makes the file ``incomplete``, never ``ok`` with
values it cannot vouch for (H376). A ``#REF!`` Excel stored too (``=INDEX(A1:A3,5)`` saved by Excel) leaves the file
``ok``: the engine agrees with Excel. A cell reading such a cell without giving its error (``=IFERROR(B1,0)``) holds
the engine's value, not one Excel gave: :func:`value_readers` finds them, the file's message names them and the output
stores no value for them (H381).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

from ..cells import CellError
from ..sheet_names import SHEET, written
from .defined_names import name_target, names_read
from .formula_texts import RANGE_READ, position
from .sheet_corners import NAMED_ACROSS_TAIL
from .text_literals import LITERALS as _LITERALS

if TYPE_CHECKING:
    from .batch_reports import CellIssue
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["REASONS", "cells_reading", "unexplained_ref_reasons", "unvouched", "unvouched_line", "value_readers"]

#: what the reason says after the cell and its formula, by error code
REASONS = {
    "#REF!": (
        "gives #REF!: a reference that is not there (a position past a range's end, a deleted sheet, row or column) "
        "or one the embedded engine cannot read; recalc finds no deleted sheet, row, column or name in it: check the "
        "cell in Excel"
    ),
    "#NAME?": (
        "gives #NAME? (a name or function Excel does not know), though recalc finds no undefined name or function in "
        "it: check the cell in Excel"
    ),
}
#: a function giving #REF! by its arguments' values (a position past a range's end, LINEST's y's and x's of other
#: sizes), or a spill reference: a #REF!
#: Excel gives too, where no stored value says otherwise
_VALUED_REF = re.compile(
    r"(?<![\w.])(?:_xlfn\.)?(?:INDEX|OFFSET|INDIRECT|VLOOKUP|HLOOKUP|XLOOKUP|LOOKUP|CHOOSE|GETPIVOTDATA"
    r"|LINEST|LOGEST|TREND|GROWTH)\s*\("
    r"|[A-Za-z]{1,3}\$?\d+#|ANCHORARRAY\(",
    re.I,
)
#: a single cell the formula reads (not a range's end)
_CELL = re.compile(r"(?<![\w.$:!'])(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(:!])")


def unexplained_ref_reasons(
    formulas: dict[str, FormulaTexts],
    result: Computed,
    readers: bool = False,
    path: str | os.PathLike[str] | None = None,
) -> int:
    """Give each ``#REF!`` or ``#NAME?`` cell of ``result`` still without a reason the reason naming it and its
    formula (:data:`REASONS`); returns how many got one. ``readers`` False: only the cells reading no other cell in
    that error directly (each cell's own cause; :func:`.reasons.pass_reasons_on` then passes it on to its readers);
    True: every one left, a cell reading a range holding that error with a reason getting it (``, from S!A2``).
    A structured reference (``=SUM(Table1[MRR])``) reads the range it denotes in the workbook at ``path``'s tables."""
    named = 0
    tables = _Tables(path)
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.message or value.code not in REASONS:
                continue
            place = position(ref)
            if place not in texts:
                continue
            text = texts[place]
            read = tables.resolved(text, sheet, place)
            if not readers and (
                _reads_error(read, sheet, result, value.code) or _range_origin(read, sheet, result, value.code, False)
            ):
                continue
            passed = _range_origin(read, sheet, result, value.code) if readers else None
            why = passed or f"{written(sheet)}!{ref}: the formula ={text} {REASONS[value.code]} ({value.code})"
            cells[ref] = CellError(value.code, why)
            named += 1
    return named


class _Tables:
    """The tables of the workbook at a path, read once where a formula holds a ``[`` (none without a path)."""

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path, self.found = path, None if path is not None else {}

    def resolved(self, text: str, sheet: str, place: tuple[int, int]) -> str:
        """``text`` with each structured reference (``Table1[MRR]``, ``Table1[[#This Row],[MRR]]``, ``[@MRR]``)
        written as the range it denotes from ``place`` (:mod:`.structured_references`), which the patterns here
        read: ``SUM('S'!$B$2:$B$4)``; ``text`` itself where it holds none or the workbook no table."""
        if "[" not in text:
            return text
        if self.found is None:
            from .indirect_reasons import _tables

            self.found = _tables(os.fspath(self.path)) if self.path is not None else {}
        if not self.found:
            return text
        from .structured_references import _structured_in

        return _structured_in(text, self.found, sheet, *place)


def _reads_error(text: str, sheet: str, result: Computed, code: str) -> bool:
    """Whether the formula ``text`` of ``sheet`` reads a single cell holding the error ``code``."""
    for match in _CELL.finditer(_LITERALS.sub('""', text)):
        where = match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet
        held = result.values.get(where, {}).get(f"{match.group(2).upper()}{match.group(3)}")
        if type(held) is CellError and held.code == code:
            return True
    return False


def _range_origin(text: str, sheet: str, result: Computed, code: str, reasoned: bool = True) -> str | None:
    """The reason of the first cell holding the error ``code`` with a reason in a range the formula ``text`` reads,
    passed on (``..., from S!A2``); None where there is none. ``reasoned`` False: any such cell, with a reason or
    not (its address then)."""
    for match in RANGE_READ.finditer(_LITERALS.sub('""', text)):
        if not match.group(2)[-1].isdigit():  # a whole column (B:B): not followed here
            continue
        where = match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet
        left, top, right, bottom = (int(n or 0) for n in range_boundaries(match.group(2).replace("$", "")))
        for ref, held in result.values.get(where, {}).items():
            if type(held) is CellError and held.code == code and (held.message or not reasoned):
                row, column = position(ref)
                if top <= row <= bottom and left <= column <= right:
                    return f"{held.message}, from {written(where)}!{ref}" if reasoned else f"{where}!{ref}"
    return None


def _own(sheet: str, ref: str, value: object) -> bool:
    """Whether ``value`` (of ``sheet``'s ``ref``) is a #REF!/#NAME? with :data:`REASONS`' reason for its own formula."""
    if type(value) is not CellError or value.code not in REASONS:
        return False
    return value.message.startswith(f"{written(sheet)}!{ref}: the formula =") and value.message.endswith(
        f"{REASONS[value.code]} ({value.code})"
    )


def value_readers(
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None = None,
    path: str | os.PathLike[str] | None = None,
) -> dict[str, list[str]]:
    """The formula cells reading, directly or through others, a cell whose ``#REF!``/``#NAME?`` got :data:`REASONS`'
    reason for its own formula, whose values are not errors: ``=IFERROR(B1,0)`` keeps the engine's 0 where Excel,
    reading its own B1, may give another value. ``{"S!B1": ["S!C1", "S!D1"]}`` (each reader under the first such cell
    it reaches). A formula reads the cells, ranges, whole columns and rows, 3-D references and defined names its text
    names (``names``: the reference names by scope; the workbook at ``path``: its names of formulas too, its tables'
    structured references), and where
    a reference is computed, conservatively, what it may reach (:func:`_read_areas`: ``OFFSET(A1,0,1)`` B1,
    ``OFFSET(A1,n,1)`` A1's sheet, ``INDIRECT(x)`` every sheet). Only read where there is such a cell (an engine error
    recalc cannot explain is rare)."""
    roots = [
        (sheet, ref)
        for sheet, cells in result.values.items()
        for ref, value in cells.items()
        if _own(sheet, ref, value)
    ]
    if not roots:
        return {}
    found: dict[str, list[str]] = {}
    for root, reached in cells_reading(formulas, roots, list(result.values), names, path).items():
        readers = []
        for reader in reached:
            value = result.values.get(reader[0], {}).get(reader[1])
            if type(getattr(value, "value", value)) is not CellError:
                readers.append(f"{reader[0]}!{reader[1]}")
        if readers:
            order = {sheet: i for i, sheet in enumerate(result.values)}  # the workbook's sheets, then rows, columns
            readers.sort(key=lambda a: (order.get(a.rpartition("!")[0], 0), position(a.rpartition("!")[2])))
            found[f"{root[0]}!{root[1]}"] = readers
    return found


def cells_reading(
    formulas: dict[str, FormulaTexts],
    roots: list[tuple[str, str]],
    order: list[str],
    names: dict[str, dict[str, str]] | None = None,
    path: str | os.PathLike[str] | None = None,
    apart: bool = False,
) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The formula cells of ``formulas`` reading each of ``roots`` ((sheet, "B1")), directly or through others, as
    (sheet, cell) in the order reached: ``{("S", "B1"): [("S", "C1"), ("S", "D1")]}``. Each reader is listed under
    the first root reaching it, or under every root it reaches with ``apart``. A formula reads the cells, ranges,
    whole columns and rows, 3-D references (``order``: the workbook's sheets) and defined names its text names
    (``names``: the reference names by scope; the workbook at ``path``: its names of formulas too, its tables'
    structured references), and where a reference is computed, conservatively, what it may reach
    (:func:`_read_areas`)."""
    every = {scope: dict(own) for scope, own in (names or {}).items()}
    if path is not None:
        from .defined_names import defined_formulas

        for scope, own in defined_formulas(os.fspath(path)).items():  # =OFFSET(S!$A$1,0,0,COUNT(S!A:A)): a name's
            for name, text in own.items():
                every.setdefault(scope, {}).setdefault(name, text)
    tables = _Tables(path)
    singles: dict[tuple[str, str], list[tuple[str, str]]] = {}
    #: (sheet, column) -> the ranges over that column (top, bottom, reader); ranges over more than 64 columns by sheet;
    #: those of any sheet (a computed INDIRECT)
    areas: dict[tuple[str, int], list[tuple[int, int, tuple[str, str]]]] = {}
    wide: dict[str, list[tuple[int, int, int, int, tuple[str, str]]]] = {}
    anywhere: list[tuple[int, int, int, int, tuple[str, str]]] = []
    for sheet, texts in formulas.items():
        for place in texts:
            reader = (sheet, texts.refs[place])
            read = tables.resolved(texts[place], sheet, place)  # =SUM(Table1[MRR]): the column's cells
            for where, top, left, bottom, right in _read_areas(read, sheet, every, order):
                if where is None:
                    anywhere.append((top, left, bottom, right, reader))
                    continue
                for name in where:
                    if top == bottom and left == right:
                        singles.setdefault((name, f"{get_column_letter(left)}{top}"), []).append(reader)
                    elif right - left < 64:
                        for column in range(left, right + 1):
                            areas.setdefault((name, column), []).append((top, bottom, reader))
                    else:
                        wide.setdefault(name, []).append((top, left, bottom, right, reader))
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    seen = set(roots)
    for root in roots:
        todo, readers = [root], []
        if apart:
            seen = {root}
        while todo:
            sheet, ref = todo.pop()
            row, column = position(ref)
            reached = (
                singles.get((sheet.lower(), ref), [])
                + [a[2] for a in areas.get((sheet.lower(), column), []) if a[0] <= row <= a[1]]
                + [a[4] for a in wide.get(sheet.lower(), []) if a[0] <= row <= a[2] and a[1] <= column <= a[3]]
                + [a[4] for a in anywhere if a[0] <= row <= a[2] and a[1] <= column <= a[3]]
            )
            for reader in reached:
                if reader not in seen:
                    seen.add(reader)
                    todo.append(reader)
                    readers.append(reader)
        found[root] = readers
    return found


#: the last row and column of a sheet
_ROWS, _COLUMNS = 1048576, 16384
#: a reference a formula reads: a cell, a range (its corners chained too: ``S!A1:S!A3:A4``), a spill reference
#: (``A1#``, its cell's right and below), whole columns (``B:B``) or rows (``1:3``), on its sheet, another
#: (``S!B1``) or several (``S1:S3!B1``)
_REFERENCE = re.compile(
    r"(?<![\w.$:!'\]])(?:(" + SHEET + r")(?::(" + SHEET + r"))?!)?"
    r"(?:(\$?[A-Za-z]{1,3}\$?\d+(?::(?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+)*)(#?)"
    r"|\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})|\$?(\d+):\$?(\d+))(?![\w(!])"
)
_CORNER = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
#: a call whose reference its arguments' values make
_COMPUTED = re.compile(r"(?<![\w.])(?:_xlfn\.)?(OFFSET|INDIRECT)\(", re.I)
_INTEGER = re.compile(r"\s*[-+]?\d+\s*")
#: an area a formula reads: (sheets in lower case, or None for any sheet, top, left, bottom, right)
_Area = tuple[tuple[str, ...] | None, int, int, int, int]


def _read_areas(
    text: str, sheet: str, names: dict[str, dict[str, str]], order: list[str], depth: int = 0
) -> list[_Area]:
    """The areas the formula ``text`` of ``sheet`` may read: its references, its defined names' (``names``: by scope,
    :func:`.reasons.explain`'s), the sheets of a 3-D reference in the workbook's ``order``; where a reference is
    computed, conservatively: ``OFFSET(A1,0,1)`` B1 (its numbers written), ``OFFSET(A1,n,1)`` all of A1's sheet, and
    ``INDIRECT(x)`` any cell (a written text: the reference it names).

    >>> _read_areas("IFERROR(SUM(B:B),0)+Jan:Mar!C2+OFFSET(A1,0,1)", "S", {}, ["Jan", "Feb", "Mar"])
    [(('s',), 1, 2, 1048576, 2), (('jan', 'feb', 'mar'), 2, 3, 2, 3), (('s',), 1, 1, 1, 1), (('s',), 1, 2, 1, 2)]
    >>> _read_areas("rng*2", "S", {"": {"rng": "T!$B$1:$B$3"}}, ["S", "T"])
    [(('t',), 1, 2, 3, 2)]
    """
    # the texts blanked, their lengths kept: a call's arguments are cut from the formula by the same positions
    masked = _LITERALS.sub(lambda m: '"' + " " * (len(m.group()) - 2) + '"', text)
    areas: list[_Area] = []
    for match in _REFERENCE.finditer(masked):
        first, last = (_unquoted(g) for g in match.group(1, 2))
        corners_text = match.group(3)
        if (
            last and corners_text and not match.group(1).startswith("'") and _CORNER.fullmatch(first or "")
        ):  # A1:S!B7: S's range, not sheets A1 to S
            first, last, corners_text = last, None, f"{first}:{corners_text}"
        if last:
            low = [s.lower() for s in order]
            ends = sorted(low.index(s.lower()) if s.lower() in low else -1 for s in (first, last))
            sheets: tuple[str, ...] | None = tuple(low[ends[0] : ends[1] + 1]) if ends[0] >= 0 else None
        else:
            sheets = ((first or sheet).lower(),)
        if corners_text:
            corners = [_CORNER.fullmatch(c.rpartition("!")[2]) for c in corners_text.split(":")]
            rows = [int(c.group(2)) for c in corners if c]
            columns = [column_index_from_string(c.group(1).upper()) for c in corners if c]
            if not rows:
                continue
            spill = bool(match.group(4))
            areas.append(
                (sheets, min(rows), min(columns), _ROWS if spill else max(rows), _COLUMNS if spill else max(columns))
            )
        elif match.group(5):
            ends = sorted(column_index_from_string(g.upper()) for g in match.group(5, 6))
            areas.append((sheets, 1, ends[0], _ROWS, ends[1]))
        else:
            ends = sorted(int(g) for g in match.group(7, 8))
            areas.append((sheets, ends[0], 1, ends[1], _COLUMNS))
    if names and depth < 8:
        for token in names_read(masked):
            target = name_target(names, sheet, token)
            if target is not None:
                areas += _read_areas(target.removeprefix("="), sheet, names, order, depth + 1)
    for call in _COMPUTED.finditer(masked):
        arguments = _arguments(text, masked, call.end())
        if call.group(1).upper() == "INDIRECT":
            written_text = arguments[0].strip() if arguments else ""
            style = arguments[1].strip().upper() if len(arguments) > 1 else "TRUE"
            named = []
            if _LITERALS.fullmatch(written_text) and style in ("TRUE", "1"):
                named = _read_areas(written_text[1:-1].replace('""', '"'), sheet, names, order, depth + 1)
            areas += named or [(None, 1, 1, _ROWS, _COLUMNS)]
            continue
        bases = _read_areas(arguments[0], sheet, names, order, depth + 1) if arguments else []
        if not bases:
            areas.append((None, 1, 1, _ROWS, _COLUMNS))
            continue
        numbers = [int(a) if _INTEGER.fullmatch(a) else None for a in arguments[1:5]]
        if len(numbers) < 2 or None in numbers:
            areas += [(where, 1, 1, _ROWS, _COLUMNS) for where, *_ in bases]
            continue
        down, right = numbers[0], numbers[1]
        for where, top, left, bottom, end in bases:
            high = numbers[2] if len(numbers) > 2 else bottom - top + 1
            wide = numbers[3] if len(numbers) > 3 else end - left + 1
            row, column = max(1, top + down), max(1, left + right)
            areas.append((where, row, column, max(row, row + high - 1), max(column, column + wide - 1)))
    return areas


def _unquoted(sheet: str | None) -> str | None:
    return sheet[1:-1].replace("''", "'") if sheet and sheet.startswith("'") else sheet


def _arguments(text: str, masked: str, start: int) -> list[str]:
    """The arguments of the call whose ``(`` ends at ``start`` in ``text`` (``masked``: its texts blanked)."""
    found, depth, begin = [], 0, start
    for i in range(start, len(masked)):
        mark = masked[i]
        if mark in "({":
            depth += 1
        elif mark in ")}" and depth:
            depth -= 1
        elif mark == ")" or (mark == "," and not depth):
            found.append(text[begin:i])
            begin = i + 1
            if mark == ")":
                return found
    found.append(text[begin:])
    return found


def unvouched_line(path: str | os.PathLike[str], errors: Iterable[CellIssue]) -> str | None:
    """:func:`unvouched`'s line alone."""
    return unvouched(path, errors)[0]


def unvouched(
    path: str | os.PathLike[str],
    errors: Iterable[CellIssue],
    readers: dict[str, list[str]] | None = None,
    values: dict[str, dict[str, object]] | None = None,
) -> tuple[str | None, list[str]]:
    """The report's line naming the cells of ``errors`` whose ``#REF!`` or ``#NAME?`` got :data:`REASONS`' reason for
    their own formula (not one passed on, ``, from S!B3``) where the workbook at ``path`` stores another value or
    none: the engine's error, which Excel did not give, so the file is ``incomplete``; None where there is none (a
    ``#REF!`` Excel stored too is Excel's own). The first three cells are named with what Excel stored, then the
    count: ``"S!C1 (=SUM(S!A1:S!A3:A4)) is #REF! where Excel stored 100 ..."``; then the cells reading them whose
    values are no error (``readers``, :func:`value_readers`; their engine's ``values``): ``=IFERROR(B1,0)``'s 0 is the
    engine's, from an error Excel may not give. Also returns those readers (``"S!C1"``), which the output stores
    without a value (the cells themselves keep the engine's error: no value that looks sound)."""
    own: dict[tuple[str, str], tuple[str, str]] = {}  # (sheet, cell) -> (code, formula)
    for issue in errors:
        if issue.error == "#REF!" and issue.reason.endswith(f"{NAMED_ACROSS_TAIL} (#REF!)"):  # a name of S!A1:T!A2
            sheet, _, ref = issue.address.rpartition("!")
            start = f"{written(sheet)}!{ref}: the formula ="
            if issue.reason.startswith(start) and " uses the name " in issue.reason:
                own[(sheet, ref)] = ("#REF!", issue.reason[len(start) : issue.reason.index(" uses the name ")])
            continue
        why = REASONS.get(issue.error)
        if why is None or not issue.reason.endswith(f"{why} ({issue.error})"):
            continue
        sheet, _, ref = issue.address.rpartition("!")
        start = f"{written(sheet)}!{ref}: the formula ="
        if issue.reason.startswith(start):
            own[(sheet, ref)] = (issue.error, issue.reason[len(start) : -len(f" {why} ({issue.error})")])
    if not own:
        return None, []
    from .package import stored_values

    wanted: dict[str, set[str]] = {}
    for sheet, ref in own:
        wanted.setdefault(sheet, set()).add(ref)
    stored = stored_values(os.fspath(path), wanted)
    found, cells = [], []
    for (sheet, ref), (code, text) in own.items():
        held = stored.get(sheet, {}).get(ref)
        if isinstance(held, CellError) and held.code == code:
            continue  # Excel's own error: the engine agrees
        if held is None and code == "#REF!" and _VALUED_REF.search(_LITERALS.sub('""', text)):
            continue  # =INDEX(A1:A2,5), =VLOOKUP(4,D1:E4,3), =A1#: Excel's #REF! too, by its arguments' values
        if code == "#REF!" and _index_past_its_end(path, sheet, text, values):
            continue  # =INDEX($B$2:$F$6,2,H10) of H10 = 6 now: Excel's #REF! today, whatever it stored before
        found.append(f"{written(sheet)}!{ref} (={text}) is {code} where Excel stored {_shown(held, 'no value')}")
        cells.append(f"{sheet}!{ref}")
    if not found:
        return None, []
    read = [reader for cell in cells for reader in (readers or {}).get(cell, [])]
    more = f", and {len(found) - 3} more such cells" if len(found) > 3 else ""
    line = (
        f"{'; '.join(found[:3])}{more}: the embedded engine cannot read the formula or Excel did not compute it, and "
        "recalc finds no cause for the error, so these cells and those reading them have no value it can vouch for"
    )
    if read:
        named = [f"{written(a.rpartition('!')[0])}!{a.rpartition('!')[2]}" for a in read]
        shown = [_shown(_held(values, a), "") for a in read]
        listed = [f"{a} = {v}" if v else a for a, v in zip(named, shown, strict=True)]
        listed = listed[:3] + ([f"{len(read) - 3} more"] if len(read) > 3 else [])
        who = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} and {listed[-1]}"
        verb = "read" if len(read) > 1 else "reads"
        line += f" ({who} {verb} them without giving their error: the engine's values, which the output leaves out)"
    return f"{line}: check them in Excel (the output asks Excel to compute the workbook when it opens it)", read


_INDEX_ARGUMENT = r"\s*(-?\d+(?:\.\d+)?|(?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+)\s*"
#: a formula that is one INDEX of a range or an array constant typed in, by positions typed in or held by one cell each
_INDEX_ALONE = re.compile(
    r"(?i)^\s*INDEX\(\s*(?:(?:("
    + SHEET
    + r")!)?(\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+)|(\{(?:[^{}\"]|\"(?:[^\"]|\"\")*\")*\}))\s*,"
    + _INDEX_ARGUMENT
    + r"(?:,"
    + _INDEX_ARGUMENT
    + r")?\)\s*$"
)


def _index_past_its_end(
    path: str | os.PathLike[str], sheet: str, text: str, values: dict[str, dict[str, object]] | None
) -> bool:
    """Whether ``text`` (a formula of ``sheet``) is one ``INDEX`` of a range (or an array constant) typed in whose row
    or column position, typed in or held by a cell (its value computed now, ``values``, or typed in the file at
    ``path``), is past the range's end: Excel's ``#REF!`` by the positions' values today, whatever Excel stored when
    the positions were others (a script changed one since).

    >>> _index_past_its_end("unused.xlsx", "S", "INDEX($B$2:$F$6,2,6)", None)
    True
    >>> _index_past_its_end("unused.xlsx", "S", "INDEX($B$2:$F$6,2,5)", None)
    False

    An array constant likewise (H485's finding 06: ``INDEX({1;2;3;4;5},B1)`` of B1 = 9 made the file incomplete):

    >>> texts = ("INDEX({1;2;3},4)", "INDEX({1;2;3},3)", 'INDEX({1,"a,b";3,4},1,3)')
    >>> [_index_past_its_end("u.xlsx", "S", text, None) for text in texts]
    [True, False, True]
    """
    found = _INDEX_ALONE.match(text)
    if found is None:
        return False
    if found.group(3) is not None:  # an array constant, {1;2;3} or {1,2;"a,b",4}: its rows and columns
        cells = _LITERALS.sub('""', found.group(3)[1:-1])
        rows, columns = cells.count(";") + 1, cells.split(";")[0].count(",") + 1
    else:
        left, top, right, bottom = range_boundaries(found.group(2).replace("$", ""))
        rows, columns = bottom - top + 1, right - left + 1
    positions = []
    for argument in (found.group(4), found.group(5)):
        if argument is None:
            positions.append(None)
            continue
        if argument[0].isdigit() or argument[0] == "-":
            positions.append(float(argument))
            continue
        where, _, ref = argument.rpartition("!")
        home = (_unquoted(where) or sheet) if where else sheet
        ref = ref.replace("$", "").upper()
        held = _held(values, f"{home}!{ref}")
        if held is None:
            from .package import stored_values  # noqa: PLC0415

            held = stored_values(os.fspath(path), {home: {ref}}).get(home, {}).get(ref)
        if type(held) is not float and type(held) is not int:
            return False  # text, a logical, an error, a blank: INDEX's own rules, not only the range's size
        positions.append(float(held))
    row, column = positions
    if row is None or row < 0 or (column is not None and column < 0):
        return False  # a negative position is #VALUE!
    if column is None:  # one position: along the range's one row or column
        return (rows == 1 or columns == 1) and int(row) > max(rows, columns)
    return int(row) > rows or int(column) > columns


def _held(values: dict[str, dict[str, object]] | None, address: str) -> object:
    sheet, _, ref = address.rpartition("!")
    value = (values or {}).get(sheet, {}).get(ref)
    return getattr(value, "value", value) if type(value).__name__ == "Resized" else value


def _shown(held: object, missing: str) -> str:
    """A stored or computed value as the report writes it: ``100``, ``#REF!``, ``TRUE``, ``'n/a'``."""
    if held is None:
        return missing
    what = str(held).upper() if isinstance(held, (CellError, bool)) else repr(held)
    return what[:-2] if isinstance(held, float) and what.endswith(".0") else what
