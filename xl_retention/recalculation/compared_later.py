"""Filled-down comparisons of a cell with a number, ``=IF(G2>0.95,"high","low")`` x 10,000, given to the engine as
the file holds them, their 15-digit operand (``_XLR.COMPARED(G2)``) only where it can change the comparison.

Excel compares a number at 15 significant digits (:func:`.excel_functions._core.fifteen`), so the argument rewrite
wraps each compared cell: 10,000 rewritten formulas written into the engine's package and 10,000 calls into Python
(bench/README.md, issue 14). A comparison of a cell's finite number ``v`` with a number ``L`` typed in gives the same
answer wrapped or not whenever ``|v - L| > 1e-9 * max(|v|, |L|)``: 15 digits move ``v`` by at most 5e-15 of it. So
the copies of a shape whose only rewrite is that wrapper (:func:`wrapped_only`, checked for every copy at once) are
left as the file holds them, and :class:`ComparedLater`, the engine's workbook for the steps after loading, checks
after each evaluation every such copy's operand as the engine holds it: a copy whose operand is no finite number or
is nearer the number than that gets its wrapped formula set and the workbook is evaluated again (until none is
left), before any step reads a value. Any other use of the engine (a value or formula set, one cell evaluated, a
formula read) first sets every wrapped formula, the engine then holding what it holds without this module.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import formualizer as fz
import numpy as np

#: one wrapped cell compared with a plain number typed in, the whole comparison (before ``,``, ``)`` or the formula's
#: end); what comes before it is counted apart (:func:`wrapped_only`). Its groups are the match but the wrapper's own
#: text: a ``split`` by it joined again is the formulas unwrapped
_COMPARISON = re.compile(
    r"_XLR\.COMPARED\((\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})\)(<>|<=|>=|<|>|=)([0-9]+(?:\.[0-9]*)?(?:E[+-]?[0-9]+)?)"
    r"(?=[,)\0])"
)
_GROUPS = 7  # a split's pieces for each match: the six groups and the text after it
#: the rewrites put off ((sheet, row, column, wrapped formula)) and each one's compared cell (row, column) and number
PutOff = tuple[list[tuple[str, int, int, str]], list[tuple[int, int, float]]]
#: nearer the number than this share of the larger: the wrapped formula (15 digits move a number by 5e-15 of it)
_MARGIN = 1e-9


def wrapped_only(texts: Sequence[str], news: Sequence[str]) -> list[tuple[int, int, float]] | None:
    """For stored formula texts (without ``=``) and their rewrites (``=...``): each one's compared cell (row, column)
    and number when every rewrite is its text with one cell compared with a number wrapped in ``_XLR.COMPARED``
    and nothing else changed, the comparison a whole argument or formula (after ``(``, ``,`` or the formula's
    ``=``); None otherwise. C-level passes over them all (no formula holds a NUL)."""
    count = len(news)
    if not count or len(texts) != count:
        return None
    joined = "\0" + "\0".join(news) + "\0"
    if joined.count("_XLR.") != count or sum(map(joined.count, _BEFORE)) != count:
        return None  # one wrapper in each (each was rewritten), after "(", "," or "=" (an operand of nothing else)
    pieces = _COMPARISON.split(joined)
    if len(pieces) != 1 + _GROUPS * count:  # the other operand no number typed in, or the comparison an operand
        return None
    if "".join(pieces) != "\0=" + "\0=".join(texts) + "\0":  # the wrapper is all that changed
        return None
    letters, numbers = pieces[2::_GROUPS], pieces[6::_GROUPS]
    columns = {name: _column(name) for name in set(letters)}
    values = {text: float(text) for text in set(numbers)}
    if not all(map(math.isfinite, values.values())):
        return None
    rows = map(int, pieces[4::_GROUPS])
    return list(zip(rows, map(columns.__getitem__, letters), map(values.__getitem__, numbers), strict=True))


_BEFORE = ("(_XLR.COMPARED(", ",_XLR.COMPARED(", "\0=_XLR.COMPARED(")


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


class ComparedLater:
    """The engine's ``workbook`` holding the copies ``entries`` ((sheet, row, column, wrapped formula), their compared
    cell and number in ``operands``) as the file holds them: see the module's text."""

    def __init__(
        self, workbook: fz.Workbook, entries: list[tuple[str, int, int, str]], operands: list[tuple[int, int, float]]
    ) -> None:
        self.loaded = workbook
        self._left = list(zip(entries, operands, strict=True))
        self._evaluated = False  # evaluated with every left copy's value checked (wrap_all evaluates again then)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.loaded, name)
        if name in _READING or not self._left:
            return attribute
        self.wrap_all()  # anything else first sees the engine as it is without this class
        return attribute

    def sheet(self, name: str) -> Any:
        return _Sheet(self, self.loaded.sheet(name))

    def range_page(self, area: str, **options: Any) -> Any:
        """The engine's page of ``area``: with its cells' formulas and values (``include_values``) after every copy is
        wrapped, its extent alone as it is."""
        if options.get("include_values", True):
            self.wrap_all()
        return self.loaded.range_page(area, **options)

    def evaluate_all(self) -> None:
        """The engine's evaluation; then each left copy whose operand may change its comparison is wrapped, and the
        workbook evaluated again, until every left copy's value is the wrapped formula's."""
        self._evaluated = False
        try:
            self.loaded.evaluate_all()
            while self._left and (near := self._near()):
                from .evaluation_steps import set_formulas  # noqa: PLC0415  (its module imports this one's importer)

                set_formulas(self.loaded, [entry for entry, _ in near])
                ids = set(map(id, near))
                self._left = [item for item in self._left if id(item) not in ids]
                self.loaded.evaluate_all()
        except BaseException:  # the engine stopped (.evaluation_steps.evaluate_first): every copy as without this class
            self.wrap_all()
            raise
        self._evaluated = True

    def wrap_all(self) -> None:
        """Every left copy's wrapped formula set, and evaluated where the workbook was: the engine then holds what it
        holds without this class."""
        if self._left:
            from .evaluation_steps import set_formulas  # noqa: PLC0415

            left, self._left = self._left, []
            set_formulas(self.loaded, [entry for entry, _ in left])
            if self._evaluated:
                self.loaded.evaluate_all()

    def _near(self) -> list[tuple[tuple[str, int, int, str], tuple[int, int, float]]]:
        """The left copies whose operand, as the engine holds it now, is no finite number or is near their number:
        each compared column read in one range, a column of finite numbers tested at once."""
        groups: dict[tuple[str, int], list[int]] = {}
        left = self._left
        keys = [(entry[0], operand[1]) for entry, operand in left]
        if len(set(keys)) == 1:
            groups[keys[0]] = list(range(len(left)))
        else:
            for k, key in enumerate(keys):
                groups.setdefault(key, []).append(k)
        near = []
        for (sheet, column), members in groups.items():
            rows = [left[k][1][0] for k in members]
            top, bottom = min(rows), max(rows)
            grid = self.loaded.sheet(sheet).get_values(fz.RangeAddress(sheet, top, column, bottom, column))
            if len(grid) != bottom - top + 1 or set(map(len, grid)) != {1}:
                near += [left[k] for k in members]  # not the cells asked for: every copy wrapped
                continue
            values = [line[0] for line in grid]
            found = [values[row - top] for row in rows]
            numbers = [left[k][1][2] for k in members]
            if set(map(type, found)) == {float}:  # finite numbers, the common case (NaN, infinities: near)
                got = np.array(found)
                wanted = np.array(numbers)
                with np.errstate(invalid="ignore"):
                    far = np.abs(got - wanted) > _MARGIN * np.maximum(np.abs(got), np.abs(wanted))
                near += [left[members[k]] for k in np.flatnonzero(~far).tolist()]
            else:
                near += [
                    left[k]
                    for k, value, number in zip(members, found, numbers, strict=True)
                    if type(value) is not float or not abs(value - number) > _MARGIN * max(abs(value), abs(number))
                ]
        return near


#: the engine's methods that read without changing what it holds or evaluates (every other one wraps first)
_READING = frozenset(
    (
        "sheet_names", "get_value", "precedents", "dependents", "last_cycle_telemetry",
        "list_functions", "get_named_ranges", "tables", "name_import_diagnostics", "sheet_import_diagnostics",
        "cached_external_link_indices", "register_function", "set_temporal_egress",
    )
)  # fmt: skip


class _Sheet:
    """A worksheet of :class:`ComparedLater`: its values read as they are, anything else after every copy is wrapped."""

    def __init__(self, owner: ComparedLater, sheet: Any) -> None:
        self._owner = owner
        self._sheet = sheet

    def __getattr__(self, name: str) -> Any:
        if name not in ("get_values", "name"):
            self._owner.wrap_all()
        return getattr(self._sheet, name)


def put_off(info: Any, run: Any, rewritten: list[tuple[str, int, int, str]]) -> tuple[PutOff | None, list]:
    """The rewrites put off (the entries and their compared cells and numbers), or None, and the rewrites the engine
    is given (``run``: :class:`.embedded._Pass`). None where another step reads or changes the rewrites before the
    evaluation or evaluates in its own way (number texts, Office.js calls, iteration, data tables, linked cells,
    Lotus sheets). The copies made at once (``run.unwrapped_copies``) are their first copy's rewrite with their own
    row numbers: their compared cells are in the row their rewrite form's wrapped slot takes (:func:`_copied_rows`)."""
    places = run.unwrapped
    if not places or info.number_texts or info.officejs_sheets or info.iterate or info.lotus_sheets:
        return None, rewritten
    if run.tables or run.unread_links or len(rewritten) <= places[-1]:
        return None, rewritten
    entries = [rewritten[k] for k in places]
    operands = wrapped_only(run.unwrapped_texts, [new for *_, new in entries])
    if operands is None:
        return None, rewritten
    put = set(places)
    for first, start, copies in run.unwrapped_copies:
        _, column, number = operands[first]
        rows = _copied_rows(copies, column, number)
        if rows is None:
            return None, rewritten
        end = start + len(copies.news)
        entries += rewritten[start:end]
        operands += [(row, column, number) for row in rows]
        put.update(range(start, end))
    if len(put) == len(rewritten):
        return (entries, operands), []
    return (entries, operands), [item for k, item in enumerate(rewritten) if k not in put]


#: the wrapped cell's row as a rewrite form holds it (.filled_down.Copies.form: ``%s`` for each row number)
_WRAPPED_SLOT = re.compile(r"_XLR\.COMPARED\(\$?[A-Z]{1,3}\$?%s\)")


def _copied_rows(copies: Any, column: int, number: float) -> list[int] | None:
    """The compared cell's row of each of ``copies`` (.filled_down.Copies), whose shape's first copy compares a cell of
    ``column`` with ``number``: the row number in the wrapped slot of the form; None where the form is not one wrapper
    around a cell's reference with a row number (then every copy is checked apart, by the caller refusing)."""
    form = copies.form
    found = _WRAPPED_SLOT.search(form)
    if found is None or "%%" in form or form.count("_XLR.COMPARED(") != 1:
        return None
    rows = list(map(int, copies.numbers[form.count("%s", 0, found.start()) :: copies.count]))
    if wrapped_only(copies.texts[:1], copies.news[:1]) != [(rows[0], column, number)]:
        return None  # (a check of the first: the slot read as the wrapper's own)
    return rows
