"""The embedded engine's steps around :func:`.embedded.compute`'s evaluation: the engine's workbook loaded when first
needed, the first evaluation (and what stops it), rewritten formulas set a column at a time, and the C-level looks at a
workbook's computed values' types. Split from :mod:`.embedded` (its rewrites and listings stay there).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Iterator
from typing import Any

import formualizer as fz

from ..cells import CellError
from .engine import engine_literal
from .formula_texts import FormulaTexts
from .formula_texts import position as cell_position
from .unsupported import Unsupported


def paused_gc(function):
    """``function`` with Python's cyclic garbage collector paused while it runs (and resumed after, if it was on).

    A recalculation creates tens of thousands of long-lived objects (the scan's cells, the formula texts, the
    engine's results); the collector's full passes over them, and over every imported module's objects, took
    about a tenth of the 50,000-cell workbook's time and found nothing to free.
    """

    @functools.wraps(function)
    def paused(*args: Any, **kwargs: Any) -> Any:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


class OtherSheets(Exception):
    """The engine read other worksheets than the package's relationships name (:func:`.engine.worksheet_names`)."""


class Deferred:
    """The engine's workbook, loaded on the first use of anything but its worksheets' names (which the package names):
    the rewrites of most workbooks read nothing else, and the engine then loads the file with them written in."""

    def __init__(self, make: Any, sheet_names: list[str]) -> None:
        self.sheet_names = sheet_names
        self.loaded: fz.Workbook | None = None
        self._make = make

    def __getattr__(self, name: str) -> Any:
        if self.loaded is None:
            self.loaded = self._make()
        return getattr(self.loaded, name)


#: computed values that are no error value nor hold one (a number, a text, a logical, a blank): a workbook's values
#: of these types alone have nothing for :func:`.reasons.explain` to explain (45 ms of the 50,000 cells otherwise)
PLAIN_VALUES = frozenset((float, int, str, bool, type(None)))


def only_plain(values: dict[str, dict[str, Any]]) -> bool:
    """Whether every computed value is of :data:`PLAIN_VALUES` (one C-level look at each sheet's value types)."""
    return all(set(map(type, cells.values())) <= PLAIN_VALUES for cells in values.values())


def error_cells(values: dict[str, dict[str, Any]]) -> Iterator[tuple[str, str, CellError]]:
    """(sheet, reference, error) of each computed value that is an error; a sheet holding none is passed over by one
    C-level look at its values' types (every value of the 50,000-cell workbook was looked at three times in Python)."""
    for sheet, cells in values.items():
        if CellError in set(map(type, cells.values())):
            for ref, value in cells.items():
                if type(value) is CellError:
                    yield sheet, ref, value


def evaluate_first(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], rewritten: list[tuple[str, int, int, str]]
) -> list[Unsupported]:
    """The first evaluation. Where the engine stops the whole workbook (its error raised, naming nothing), ranges
    written bottom-up (``A3:A1``) are written top-left first and it evaluates again; the cells it still stops at are
    returned, to be listed (:mod:`.engine_failures`). Raises when no such cell is found."""
    try:
        workbook.evaluate_all()
        return []
    except fz.ExcelEvaluationError as error:
        code = str(error).strip() or "#VALUE!"
    from .engine_failures import reversed_range_formulas, stopping_cells  # noqa: PLC0415  (a stopped engine only)

    fixes = reversed_range_formulas(formulas, rewritten)
    if fixes:
        set_formulas(workbook, fixes)
        try:
            workbook.evaluate_all()
            return []
        except fz.ExcelEvaluationError as error:
            code = str(error).strip() or code
    literal = engine_literal(CellError(code if code.startswith("#") else "#VALUE!"))
    found = [
        Unsupported(
            sheet,
            ref,
            "formula",
            f"{stopped_words(code)} at this formula (={formulas[sheet][cell_position(ref)]})",
        )
        for sheet, ref in stopping_cells(workbook, formulas, lambda s, r, c: workbook.set_value(s, r, c, literal))
    ]
    if not found:
        raise RuntimeError(f"the embedded engine stops the whole workbook with {code}, at no formula it names")
    return found


def stopped_words(code: str) -> str:
    """Why the engine stopped, in words (its own codes, ``#N/IMPL!: dynamic dependency ... replans``, are not)."""
    if "did not converge" in code:  # a spill blocked by (or blocking) a spilled OFFSET: Excel shows #SPILL!
        from .settled_spills import SETTLE_WORDS  # noqa: PLC0415

        return f"the embedded engine {SETTLE_WORDS} of an array whose reference moves (OFFSET) here"
    return f"the embedded engine stops the whole workbook with {code}"


def set_formulas(workbook: fz.Workbook, rewritten: list[tuple[str, int, int, str]]) -> None:
    """Set the rewritten formulas, a column's consecutive rows in one call (a filled-down column is one call,
    not one per row). A run the engine refuses is set cell by cell: the engine computes a refused cell's formula
    as stored (set_formula would refuse INDEX(row,1,1):INDEX(row,1,n) over its own row as a cycle)."""
    runs: list[list[tuple[str, int, int, str]]] = []
    for item in sorted(rewritten, key=lambda item: (item[0], item[2], item[1])):
        last = runs[-1][-1] if runs else None
        if last is not None and last[0] == item[0] and last[2] == item[2] and last[1] + 1 == item[1]:
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        sheet, top, column, _ = run[0]
        target = workbook.sheet(sheet)
        try:
            target.set_formulas_batch(top, column, len(run), 1, [[new] for *_, new in run])
            continue
        except RuntimeError:
            if len(run) == 1:
                continue
        for _, r, c, new in run:
            try:
                target.set_formulas_batch(r, c, 1, 1, [[new]])
            except RuntimeError:
                pass


def build_graph(workbook: fz.Workbook, formulas: dict[str, FormulaTexts]) -> None:
    """Have formualizer build its dependency graph now (planning one formula cell's evaluation builds it whole)."""
    for sheet, texts in formulas.items():
        for r, c in texts.positions():
            try:
                workbook.get_eval_plan([(sheet, r, c)])
            except Exception:  # noqa: BLE001  (a plan it cannot make: the sets are slower, not wrong)
                pass
            return
