"""The cells of a recalculation the embedded engine could not compute, listed after its evaluation (split from
:mod:`.embedded`): the engine's refusals and what the rewrites listed before it, Excel's values kept where current
and their readers computed from them (or listed as reading a cell without a current value), the arrays over the
engine's 10,000 spill cells computed by the core, the error values' causes named (:func:`.reasons.explain`), the
circular references' loops and the cells asking NA() for a chart gap."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import formualizer as fz
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from . import kept
from .after_evaluation import (
    may_read_locale_texts,
    one_value_reads,
    one_value_spills,
)
from .caught_names import caught_names
from .computed_criteria import computed_criteria
from .cycles import ITERATIVE_REASON, iterative_starts, loop_cells
from .database_labels import numeric_labels
from .engine import (
    CIRCULAR,
    engine_literal,
)
from .engine_results import (
    Computed,
    cell_address,
    cell_value,
    cells_of,
    classic_members,
    fit_arrays,
    read_values,
)
from .evaluation_steps import (
    error_cells,
    only_plain,
    set_formulas,
)
from .excel_functions._core import CARRIED
from .formula_texts import position as cell_position
from .indirect_texts import said_indirect
from .large_arrays import LargeArray, compute_large_arrays
from .locale_results import locale_cells
from .package import PackageInfo
from .reasons import explain
from .rich_values import rich_readers
from .spill_reasons import oversized_spills
from .text_literals import LITERALS as _LITERALS
from .unprefixed import reason as unprefixed_reason
from .unprefixed import unprefixed_cells, whole_call
from .unsupported import Unsupported, engine_knows, find_unsupported, name_refusals
from .unsure_results import underflows, unsure_cells
from .unsure_steps import unsure_step_cells
from .vba_functions import vba_shadowed

if TYPE_CHECKING:
    from .embedded import _Pass
    from .formula_texts import FormulaTexts
    from .sheet_cells import FormulaCell

__all__ = ["listed"]

#: the general reason of a cell the engine could not compute (.unsupported.reason_of): said of a cell whose formula
#: only passes on the error of a cell listed for its own reason
_GENERAL = "the embedded engine cannot compute this formula ("
_CALLS_NA = re.compile(r"(?<![\w.])NA\(\s*\)", re.IGNORECASE)
#: #N/A typed (=IF(A1=0,#N/A,A1)): asked for as NA() is where no other cause is found (an input's error passed on
#: by CHOOSE(..,#N/A,..) has its reason)
_TYPED_NA = re.compile(r"(?<![\w.])#N/A(?![\w/])", re.IGNORECASE)


def listed(
    workbook: fz.Workbook,
    info: PackageInfo,
    path: str | Path,
    stored_current: bool,
    run: _Pass,
    formula_names: dict[str, dict[str, str]],
    rewritten: list[tuple[str, int, int, str]],
    result: Computed,
    stopped: list[Unsupported],
    hidden_unsure: list[Unsupported],
) -> Computed:
    """The cells the engine could not compute faithfully listed (their stored values kept, their dependents computed
    from them), the error values' causes named, the circular references' loops: the computed workbook."""
    formulas, members = run.formulas, run.members
    unsupported = find_unsupported(result, formulas, info, formula_names, workbook)
    defined_names = {n for scope in (*info.names.values(), *formula_names.values()) for n in scope}
    bare_calls = unprefixed_cells(formulas, engine_knows, defined_names)
    whole: set[tuple[str, str]] = set()
    if bare_calls:  # =TAKE(GROUPBY(..,SUM,..)) without _xlfn.: Excel's #NAME?, whatever it holds (.unprefixed),
        whole = {  # unless Excel stored a value of its own there (an add-in's TAKE)
            (s, r)
            for s, r, name, _ in bare_calls
            if whole_call(formulas[s][cell_position(r)], name) and _no_value(info.formulas.get(s, {}).get(r))
        }
        unsupported = [u for u in unsupported if (u.sheet, u.ref) not in whole]
    name_refusals(unsupported, rewritten, workbook)
    listed = {(u.sheet, u.ref) for u in unsupported}
    unsupported += [u for u in stopped if (u.sheet, u.ref) not in listed | whole]  # MODE.SNGL(Jan:Mar!A1) bare:
    # Excel's #NAME? whatever its 3-D reference reads (H516's finding 03), as below
    if info.iterate:  # Excel iterates a loop from the values it stored, the engine from blank cells
        listed = {(u.sheet, u.ref) for u in unsupported}
        near: list[tuple[str, str]] = []  # the engine's value within the tolerance of Excel's, not equal
        for sheet, ref in iterative_starts(
            result.values, formulas, info.formulas, info.names.get("", {}), info.iterate_delta, near
        ):
            if (sheet, ref) not in listed:
                unsupported.append(Unsupported(sheet, ref, "circular reference", ITERATIVE_REASON))
        near = [cell for cell in near if cell not in listed]
        from .settled_loops import keep_settled  # noqa: PLC0415  (as the modules below: a workbook needing it only)

        if near and keep_settled(workbook, str(path), info, near, engine_literal):  # Excel's solution, if it holds
            workbook.evaluate_all()
            result = read_values(workbook, formulas, members)
    rereads = (one_value_reads, underflows)  # X# of one value: the cell X; a result below 2**-1022: Excel's 0
    rereads += (numeric_labels,)  # DSUM(A1:C5,3,F1:F2) under a criteria label 2025: the column labelled 2025
    while any([again(workbook, formulas, result.values, info, set_formulas) for again in rereads]):
        workbook.evaluate_all()
        result = read_values(workbook, formulas, members)
    hidden_unsure += one_value_spills(workbook, formulas, result.values, info)  # X# of no dynamic array: listed
    if not only_plain(result.values):  # an array of more than the engine's 10,000 spill cells: listed, not #SPILL!
        hidden_unsure += oversized_spills(workbook, info, result.values)
    hidden_unsure += unsure_cells(workbook, formulas, info, formula_names)  # MROUND(1.15,0.05), IFERROR(AREAS(..))
    hidden_unsure += [Unsupported(*item) for item in computed_criteria(workbook, formulas, info)]  # F2 =B2>100
    hidden_unsure += unsure_step_cells(workbook, formulas, {(u.sheet, u.ref) for u in hidden_unsure})  # FLOOR(7.1,0.1)
    # "01/02/2024" read day first, "März", "1,5": Excel's values of another locale, or none stored (.locale_results)
    if stored_current or may_read_locale_texts(workbook, formulas):
        hidden_unsure += locale_cells(
            workbook, formulas, info, result.values, {(u.sheet, u.ref) for u in hidden_unsure}, stored_current
        )
    listed = {(u.sheet, u.ref) for u in unsupported} | whole  # a bare newer function's cell: Excel's #NAME?
    unsupported += [u for u in hidden_unsure if (u.sheet, u.ref) not in listed]
    unsupported += vba_shadowed(path, formulas, {(u.sheet, u.ref) for u in unsupported})  # its own VBA NPS: Excel's
    if info.rich_values:  # reading a data type or a picture in a cell (the engine's #VALUE!): Excel's values kept
        unsupported += rich_readers(workbook, info, formulas, {(u.sheet, u.ref) for u in unsupported})
    passing = _passing_on(workbook, formulas, info, unsupported)  # =B3+1 of a B3 listed: B3 named, if no value
    if unsupported:  # keep the file's values there, and compute their dependents from them
        others = [u for u in unsupported if u.reason is not ITERATIVE_REASON]  # a time stamp's NOW() is not evaluated
        moved_on = kept.volatile_stale(  # TODAY() since; an input changed since (a spill's later cells too)
            workbook, formulas, info, result.values, others, formula_names, result.members, str(path)
        )
        kept.keep_stored(workbook, str(path), info, unsupported, engine_literal, stored_current, run.elsewhere_current)
        from .settled_spills import check_settled_spills  # noqa: PLC0415

        given = {(sheet, r, c): text for sheet, r, c, text in rewritten}  # =moving: the name's OFFSET written in
        check_settled_spills(workbook, info, unsupported, formulas, given)  # a stopped spill's values against today's
        for item in unsupported:
            if item.kept and (item.sheet, item.ref) in moved_on:
                item.kept = False
                item.reason += "; " + moved_on[(item.sheet, item.ref)]
        workbook.evaluate_all()
        if numeric_labels(workbook, formulas, {}, info, set_formulas):  # criteria Excel's kept values fill now
            workbook.evaluate_all()  # (a UDF's 'East' the engine could not compute: "begins with" from it, H495/08)
        result = read_values(workbook, formulas, members)
        result.unsupported = unsupported
    if kept.pad_classic_arrays(workbook, info, result, classic_members, cell_value, engine_literal):
        workbook.evaluate_all()  # the cells reading a Ctrl+Shift+Enter array's padding see Excel's values
        result = read_values(workbook, formulas, members)
        result.unsupported = unsupported
    # over the engine's 10,000 spill cells: one call of ours, computed by the core (.large_arrays); removed from
    # `unsupported` (in place)
    large = compute_large_arrays(workbook, str(path), info, formulas, unsupported)
    if large:
        workbook.evaluate_all()  # their dependents (=AVERAGE(D:D)) from the computed values
        result = read_values(workbook, formulas, members)
        result.unsupported = unsupported
    stale = {}
    areas: list[kept.Area] = []  # an oversized spill's cells where the file's ref is its first cell alone
    for item in unsupported:
        if not item.kept:
            cell = info.formulas.get(item.sheet, {}).get(item.ref)
            area = cell.ref if cell is not None and cell.kind == "array" and cell.ref else item.ref
            stale.update({(item.sheet, cell_address(r, c)): (item.sheet, item.ref) for r, c in cells_of(area)})
            if type(item) is LargeArray and cell is not None and cell.dynamic and item.size[0] * item.size[1]:
                # its result's cells too where the file's ref is not its result's (its first cell alone: a program's)
                top, left = cell_position(item.ref)
                extent = (left, top, left + item.size[1] - 1, top + item.size[0] - 1)
                if range_boundaries(area if ":" in area else f"{area}:{area}") != extent:  # (rows from the top)
                    areas.append((item.sheet, (top, left, extent[3], extent[2]), (item.sheet, item.ref), len(stale)))
    if stale or areas:  # cells reading a cell without a current value: listed, never computed from a blank
        from .stale_readers import passed_on, stale_reason  # noqa: PLC0415

        by_cell = {(u.sheet, u.ref): u for u in unsupported}
        for item, source in passing:
            if not item.kept and not by_cell[source].kept:
                item.function = by_cell[source].function
                item.reason = stale_reason(source, item.function)
        for (sheet, ref), source in kept.dependents(workbook, stale, formulas, info, areas).items():
            if (sheet, ref) not in by_cell:
                origin = by_cell[source]
                by_cell[(sheet, ref)] = Unsupported(
                    sheet,
                    ref,
                    origin.function,
                    stale_reason(source, origin.function),
                )
                unsupported.append(by_cell[(sheet, ref)])
        if areas and any(u.function == "formula" and u.reason == kept.ENGINE_NAME_REASON for u in unsupported):
            stale = kept.expanded(stale, areas)  # (read by passed_on then only: its every cell)
        passed_on(workbook, stale, formulas, info, unsupported)  # =OFFSET(A1,2,0)*2 over an uncomputed A3: named
    # SUM(INDIRECT(B1)) of B1 "Sheet1:Sheet3!A1" (no name) or "Amt" (another sheet's own): its text
    said_indirect(workbook, formulas, unsupported, info.scoped_names)
    if len(CARRIED) > 1:  # several newer error values (#FIELD!, #CONNECT!): each formula's is the one it reads
        from .newer_errors import settle  # noqa: PLC0415

        unsupported += settle(workbook, formulas, info, result.values)
        result.unsupported = unsupported
    listed = {(u.sheet, u.ref) for u in unsupported}
    bare = [b for b in bare_calls if b[:2] not in listed]
    # ISERROR(FOO) of a name the workbook lacks: Excel's TRUE, the engine's #NAME? (.caught_names)
    caught = caught_names(formulas, result.values, path, listed | {b[:2] for b in bare}) if path else []
    if bare or caught:  # =XLOOKUP(..) written by a script without _xlfn.: Excel's #NAME? (.unprefixed)
        set_formulas(
            workbook,
            [(sheet, *cell_position(ref), formula) for sheet, ref, _, formula in bare]
            + [(sheet, *cell_position(ref), formula) for sheet, ref, formula in caught],
        )
        workbook.evaluate_all()
        result = read_values(workbook, formulas, members)
        result.unsupported = unsupported
        for sheet, ref, name, _ in bare:
            value = result.values.get(sheet, {}).get(ref)
            if type(value) is CellError and value.code == "#NAME?":
                result.values[sheet][ref] = CellError("#NAME?", unprefixed_reason(name))
    for item in unsupported:
        result.values.get(item.sheet, {}).pop(item.ref, None)
    if any(texts.data_tables() for texts in formulas.values()):  # a data table's result listed (.computed_criteria):
        from .data_table_reasons import data_table_at  # noqa: PLC0415

        for item in unsupported:  # no value, as a listed formula cell's (not the engine's answer)
            if item.ref in result.members.get(item.sheet, {}) and data_table_at(
                formulas, item.sheet, *cell_position(item.ref)
            ):
                result.members[item.sheet][item.ref] = None
    fit_arrays(workbook, info, result)
    large.place(result)  # their cells' values and ranges, as fit_arrays gives a spill's (.large_arrays)
    cell_names: dict[str, dict[str, str]] = {}  # every name of a reference (one cell too): a reason follows them
    for scope, name, target in info.reference_names:
        cell_names.setdefault(scope, {})[name] = target
    if not only_plain(result.values):
        explain(workbook, formulas, result, cell_names, path=path)  # (each of its steps names an error value's cause)
        from .this_row_reasons import this_row_reasons  # noqa: PLC0415

        this_row_reasons(workbook, formulas, result, info.tables)  # [@End] below the table: the table and the row
    if any(type(v) is CellError for cells in result.members.values() for v in cells.values()):
        from .element_reasons import element_reasons  # noqa: PLC0415  (an array's error past its first cell)

        element_reasons(workbook, formulas, result, cell_names)  # =CRR(A2:A7,..)'s E4: its own row's reason
        if any(texts.data_tables() for texts in formulas.values()):  # a What-If data table's #NUM!: CRR's reason
            from .data_table_reasons import data_table_reasons  # noqa: PLC0415

            data_table_reasons(workbook, formulas, result)
    errors = list(error_cells(result.values))
    circular = [(sheet, ref) for sheet, ref, value in errors if value.code == CIRCULAR]
    if circular:  # the loop's own cells, for the message (the engine marks every cell reading it too)
        names = info.names.get("", {})
        on_loop = loop_cells(circular, lambda sheet, ref: formulas[sheet][cell_position(ref)], names)
        result.loop = [f"{sheet}!{ref}" for sheet, ref in on_loop]
    result.asked_na = {
        f"{sheet}!{ref}"
        for sheet, ref, value in errors
        if value.code == "#N/A"
        and sheet in formulas
        and _asked(_LITERALS.sub('""', formulas[sheet][cell_position(ref)]), value)
    }
    return result


def _no_value(cell: FormulaCell | None) -> bool:
    """Whether the file stores no value of Excel's for the formula cell, or #NAME?."""
    cached = cell.cached if cell is not None else None
    return cached is None or (type(cached) is CellError and cached.code == "#NAME?")


def _asked(bare: str, value: CellError) -> bool:
    """Whether the formula ``bare`` (its texts blanked) asks for its #N/A: NA() called, or #N/A typed with no other
    cause found (``value`` without a reason)."""
    return _CALLS_NA.search(bare) is not None or (not value.message and _TYPED_NA.search(bare) is not None)


def _passing_on(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], info: PackageInfo, unsupported: list[Unsupported]
) -> list[tuple[Unsupported, tuple[str, str]]]:
    """The cells listed with the general reason (:data:`_GENERAL`) that read a cell listed for a reason of its own,
    with that cell: ``=B3+1`` given B3's #NIMPL! (NUMBERVALUE of "€1.200,50"), whose only fault is B3's. Read from
    the engine's graph before the listed cells are given their stored values."""
    general = [u for u in unsupported if u.function == "formula" and u.reason.startswith(_GENERAL)]
    causes = {(u.sheet, u.ref): (u.sheet, u.ref) for u in unsupported if u.function != "formula"}
    if not general or not causes:
        return []
    found = kept.dependents(workbook, causes, formulas, info)
    return [(u, found[(u.sheet, u.ref)]) for u in general if (u.sheet, u.ref) in found]
