"""The embedded engine's recalculation of a workbook: formualizer (a Rust formula engine, loaded with every
registry function by :mod:`.engine`) adapted to what Excel-saved workbooks hold.

Imported lazily by :mod:`xl_retention.recalc`, so that the formula layer stays importable where formualizer is not
(xlwings Lite). :func:`compute`: the package scan (:mod:`.package`) gives the date system, iterative-calculation
settings, tables, names and array formulas; array members' stale values are removed before loading; formulas the
engine lacks a form for are rewritten (:mod:`.rewrite`, :mod:`.excel_functions.arguments`); What-If data tables are
computed by setting their input cells in turn; cycles are detected at run time (a branch not taken is no cycle).
A cell the engine still cannot compute keeps the value the file holds and is reported.
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any

import formualizer as fz
from openpyxl.utils.cell import range_boundaries

from .after_evaluation import (
    final_operations,
    whole_column_indexes,
    whole_number_criteria,
)
from .classic_spills import classic_spills, spilled_classics
from .compared_later import ComparedLater, put_off
from .computed_ranges import computed_ranges, lookup_results, may_compute_ranges
from .database_labels import numeric_labels
from .decided_cache import cache_decided
from .defined_names import defined_formulas
from .denormals import excel_arithmetic
from .dynamic_cycles import dynamic_cycles
from .engine import (
    CIRCULAR,
    column_calls,
    engine_literal,
    engine_package,
    forget_column_calls,
    load,
    with_formulas,
    worksheet_names,
)
from .engine_results import (
    Computed,
    cells_of,
    classic_arrays,
    data_table,
    read_values,
)
from .evaluation_steps import (
    Deferred,
    OtherSheets,
    build_graph,
    error_cells,
    evaluate_first,
    paused_gc,
    set_formulas,
)
from .excel_functions._core import CARRIED, quiet_numpy
from .excel_functions.compared_operands import may_compare_large
from .excel_functions.complex_texts import complex_texts
from .excel_functions.final_operations import may_end_in_sum, rewrite_final
from .excel_functions.formula_facts import formula_facts
from .excel_functions.number_texts import number_text_formulas, number_text_results
from .filled_down import Copies, FilledDown, left_alone_by_shape
from .filled_down import argued_further as _argued_further
from .filled_down import per_shape as _per_shape
from .formula_texts import (
    FormulaTexts,
    may_need_any,
    may_need_arguments,
    may_need_rewrite,
    words_pattern,
)
from .formula_texts import position as cell_position
from .hidden_rows import HiddenRows, hidden_rows, may_split, split_hidden, unsure_reason
from .iterated_loops import IteratedLoops
from .limit_areas import computed_past_limits
from .listed_cells import listed as _listed
from .merged_spills import spills_over_merged
from .package import FormulaCell, PackageInfo, scan, visible_names
from .package_facts import (
    UNREAD_LINK_REASON,
    lotus_reason,
    officejs_calls,
    other_application,
    own_functions,
    placeholders,
    table_reference,
    unread_link,
)
from .plain_areas import PlainAreas
from .rewrite_shapes import shape_may_change
from .sheet_ranges import expand_sheet_ranges
from .subtotal_rows import row_by_row
from .undefined_totals import undefined_totals
from .unsupported import Unsupported
from .whole_index import indexes_whole, whole_index_cycles
from .whole_ranges import UsedExtents, bound_whole_ranges, may_have_whole_ranges, whole_names
from .whole_spills import entered_area, fitting_reason, spill_stand_in, whole_spill

_CALLS_NA = re.compile(r"(?<![\w.])NA\(\s*\)", re.IGNORECASE)
#: a call formula_facts answers (a token's name ends so): only a formula holding one is tokenized for it
_FACT_CALL = re.compile(r"(?:ISFORMULA|FORMULATEXT)\(", re.IGNORECASE)


@dataclass
class _Pass:
    """The rewrite pass over the sheets (:func:`_rewrite_sheet`): what it reads, what it gathers for the evaluation."""

    info: PackageInfo
    workbook: Any  # the engine's workbook, or a :class:`.evaluation_steps.Deferred` one
    path: str | Path
    workbook_path: str | Path | None
    formula_names: dict[str, dict[str, str]]
    sheets: frozenset[str]  # the worksheets' names, lower case
    extents: UsedExtents
    formulas: dict[str, FormulaTexts] = field(default_factory=dict)
    members: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    tables: dict[str, list[FormulaCell]] = field(default_factory=dict)
    rewritten: list[tuple[str, int, int, str]] = field(default_factory=list)
    finals: list[tuple[str, int, int]] = field(default_factory=list)  # only their final + or - to rewrite
    wholes: list[tuple[str, int, int, str]] = field(default_factory=list)  # INDEX of whole columns or rows
    hidden: dict[str, HiddenRows] | None = None  # read once, for a workbook that has SUBTOTAL or AGGREGATE
    hidden_unsure: list[Unsupported] = field(default_factory=list)  # SUBTOTAL/AGGREGATE whose hidden rows are unsure
    unread_links: list[tuple[str, int, int, str]] = field(default_factory=list)  # to workbooks the file has no copy of
    plain: PlainAreas | None = None  # ranges the date-text guard need not count (read when one is met)
    #: formulas comparing a whole column: (sheet, row, column, before the argument rewrite, after it)
    large_compared: list[tuple[str, int, int, str, str]] = field(default_factory=list)
    #: the file's values are current though another program than Excel stored them (Google's ARRAYFORMULA: kept)
    elsewhere_current: bool = False
    #: rewrites (their places in ``rewritten``) that only wrap a cell compared with a number, and the copies' stored
    #: texts: given to the engine as the file holds them, wrapped after evaluation where it matters (.compared_later)
    unwrapped: list[int] = field(default_factory=list)
    unwrapped_texts: list[str] = field(default_factory=list)
    #: the put-off copies made at once (their shape's first copy's place in ``unwrapped``, their first's in
    #: ``rewritten``, the copies: .filled_down.Copies)
    unwrapped_copies: list[tuple[int, int, Copies]] = field(default_factory=list)


@paused_gc
@quiet_numpy  # numpy's warnings off once, not in each call of our functions (excel_functions._core)
@excel_arithmetic
def compute(path: str | Path, stored_current: bool = True, workbook_path: str | Path | None = None) -> Computed:
    """Every formula cell's computed value, ``values[sheet]["F3"]``, with what the engine could not compute.

    Values are numbers, text, booleans, ``None`` for a blank result, or a
    :class:`~xl_retention.cells.CellError` (code ``#CIRC`` for a circular reference). Array
    formulas' other cells are in ``members``; a cell the engine cannot compute faithfully
    (a function it lacks, an engine-internal error) is in ``unsupported``, not in ``values``,
    and keeps the value stored in the file (its dependents are computed from that value).
    Where the file stores no value for it, or ``stored_current=False`` (a program has just written the inputs; or
    the file is marked for a full calculation on load and stores 0 for every formula: XlsxWriter's placeholders; or
    another spreadsheet program saved it last, LibreOffice say: its values are not Excel's; or Excel saved it in
    manual calculation without recalculating),
    every cell that reads it is in ``unsupported`` too (not computed from a blank). ``workbook_path``: the workbook's
    own path when ``path`` is a copy of it (``CELL("filename")`` gives it).
    """
    cache_decided()  # a command's process: the structural pre-check's answers an earlier command made, read (once)
    from .excel_functions._core import HALVES_CUT  # noqa: PLC0415
    from .excel_functions.byte_forms import DOUBLE_BYTES  # noqa: PLC0415

    HALVES_CUT[0] = DOUBLE_BYTES[0] = 0  # this file's cuts and double-byte texts alone name its cells' reasons (H581)
    try:
        return _compute(path, stored_current, workbook_path, deferred=True)
    except OtherSheets:  # the engine's worksheets are not those the rewrites assumed: made again from its own
        return _compute(path, stored_current, workbook_path, deferred=False)
    finally:
        forget_column_calls()


def _compute(path: str | Path, stored_current: bool, workbook_path: str | Path | None, deferred: bool) -> Computed:
    info = scan(str(path))
    if info.full_calc_on_load and placeholders(info):  # XlsxWriter's 0 in every formula: no value of Excel's
        stored_current = False
    elsewhere_current = stored_current and not info.saved_uncalculated  # whoever stored them (.google_functions)
    if other_application(info.application):  # LibreOffice's, ONLYOFFICE's FORECAST.ETS, CELL(...): not Excel's values
        stored_current = False
    if info.saved_uncalculated:  # manual calculation, saved without recalculating: the values may predate the inputs
        stored_current = False
    formula_names = defined_formulas(str(path))  # names the engine cannot resolve (dynamic ranges, constants)
    own = own_functions(formula_names)
    package = engine_package(path, info)  # the file's path, or its package with array members' stale values removed
    workbook: Any
    if deferred:  # loaded after the rewrites, with them (or on the rewrites' first read of the engine's workbook)
        workbook = Deferred(lambda: load(path, info, own, package), worksheet_names(package))
    else:
        workbook = load(path, info, own, package)
    sheets = frozenset(name.lower() for name in workbook.sheet_names)  # INDIRECT("Nope!A1"): #REF! (.rewrite)
    if info.external_names:  # [1]!Rate: the value the file holds for a linked workbook's name, as Excel uses it
        formula_names.setdefault("", {}).update(info.external_names)
    extents = UsedExtents(workbook, info.formulas)  # rows in use per sheet, read when a whole column needs them
    run = _Pass(info, workbook, path, workbook_path, formula_names, sheets, extents)
    run.elsewhere_current = elsewhere_current
    for sheet in workbook.sheet_names:
        _rewrite_sheet(run, sheet)
    formulas, rewritten, finals = run.formulas, run.rewritten, run.finals
    hidden_unsure = run.hidden_unsure
    if info.number_texts:  # "1,234", "$1,200", "(50)" text cells read as numbers in arithmetic (number_texts.py)
        rewritten = number_text_formulas(formulas, rewritten, info.number_texts)
        pending = set(finals)  # a formula rewritten now gets its final + or - rewritten with it, not after evaluation
        rewritten = [(s, r, c, rewrite_final(f) if (s, r, c) in pending else f) for s, r, c, f in rewritten]
        moved = {(s, r, c) for s, r, c, _ in rewritten}
        finals = [place for place in finals if place not in moved]
    if info.officejs_sheets:  # =_xldudf_CRR(...): our functions as Excel saves them called through Office.js
        rewritten = officejs_calls(formulas, info.officejs_sheets, rewritten)
    later, given = put_off(info, run, rewritten)  # (the rewrites the engine is given: not those put off)
    written = None
    if isinstance(workbook, Deferred):
        assumed = workbook.sheet_names
        if workbook.loaded is None:  # the engine reads the rewritten formulas with the file: its graph built once
            written = with_formulas(package, given) if given else None  # (setting them builds it twice)
            workbook = load(path, info, own, package if written is None else written)
        else:
            workbook = workbook.loaded
        if workbook.sheet_names != assumed:
            raise OtherSheets
    if later is not None:  # the comparisons put off: wrapped after each evaluation where the operand is near
        workbook = ComparedLater(workbook, *later)
    if info.tables:  # INDIRECT($B$1&"[Amount]"): a structured reference built when the formula runs (.rewrite)
        from .rewrite import TABLE_REFERENCE  # noqa: PLC0415  (as the modules below: only a workbook needing it)

        workbook.register_function(TABLE_REFERENCE, table_reference(info.tables), min_args=4, max_args=4)
    if given and written is None:
        build_graph(workbook, formulas)  # setting formulas before it costs time in proportion to all of them
        set_formulas(workbook, given)
    for sheet, r, c, ref in run.unread_links:  # the engine refuses the whole workbook over them: their stored value
        workbook.set_value(sheet, r, c, engine_literal(info.formulas[sheet][ref].cached))
        hidden_unsure.append(Unsupported(sheet, ref, "linked workbook", UNREAD_LINK_REASON))
    for sheet in sorted(info.lotus_sheets):  # Lotus 1-2-3 rules (text counts 0): Excel's values kept, every cell listed
        reason = lotus_reason(sheet)
        own = info.formulas.get(sheet, {})
        hidden_unsure += [Unsupported(sheet, ref, "Lotus evaluation", reason) for ref, f in own.items() if not f.empty]
    if info.iterate:  # each evaluation after the first starts the loops from blank cells again (.iterated_loops)
        workbook = IteratedLoops(workbook, formulas, info.names.get("", {}))
    result, stopped = _evaluate(workbook, info, path, run, rewritten, finals)
    if stored_current and not info.iterate:  # a number a few ulps from Excel's stored one: Excel's kept (.stored_ulps)
        from .stored_ulps import pin_stored  # noqa: PLC0415

        result = pin_stored(
            workbook, info, result, lambda: read_values(workbook, formulas, run.members), str(path), formulas
        )
    computed = _listed(
        workbook, info, path, stored_current, run, formula_names, rewritten, result, stopped, hidden_unsure
    )
    if formula_names:  # a chart's series over a dynamic range (a name defined by OFFSET): the area it now stands for
        from .chart_series import computed_areas, engine_area  # noqa: PLC0415

        with zipfile.ZipFile(path) as package:
            computed.chart_areas = computed_areas(package, formula_names, engine_area(workbook, info.sheet_titles))
    return computed


def _rewrite_sheet(run: _Pass, sheet: str) -> None:
    """The rewrites of one worksheet's formulas for the engine, gathered into ``run`` (its formulas' stored texts, its
    array members and data tables, the formulas rewritten, the cells listed before the evaluation)."""
    info, workbook, path, workbook_path = run.info, run.workbook, run.path, run.workbook_path
    formula_names, sheets, extents = run.formula_names, run.sheets, run.extents
    formulas, members, tables, rewritten = run.formulas, run.members, run.tables, run.rewritten
    finals, wholes, hidden_unsure, unread_links = run.finals, run.wholes, run.hidden_unsure, run.unread_links
    hidden, plain = run.hidden, run.plain
    cells = info.formulas.get(sheet, {})
    arrays = False  # an array formula on the sheet (filled-down copies are then made one by one)
    for ref, cell in cells.items():
        if cell.kind in ("array", "dataTable"):
            arrays = arrays or cell.kind == "array"
        if cell.kind in ("array", "dataTable") and cell.ref:
            covered = cells_of(cell.ref)
            master = range_boundaries(ref)[1::-1]
            if cell.kind == "array":
                members.setdefault(sheet, set()).update(p for p in covered if p != master)
            else:
                tables.setdefault(sheet, []).append(cell)
                members.setdefault(sheet, set()).update(covered)
    if not cells:  # the package scan found every <f>: a sheet without one has nothing to compute
        return
    # the stored texts (formualizer's own are slow to read before its graph is built: formula_texts)
    found = FormulaTexts(cells)
    names = {**info.names.get("", {}), **info.names.get(sheet, {})}
    defined = {**formula_names.get("", {}), **formula_names.get(sheet, {})}
    word_list = [t.name.lower() for t in info.tables] + list(names) + list(defined)
    words = words_pattern(word_list)
    known = {t.name.lower() for t in info.tables} | set(names) | set(defined)
    clipped = classic_arrays(cells)  # Ctrl+Shift+Enter arrays: (row, column) -> (rows, columns) they cover
    # the three pre-tests answer alike for every filled-down copy of a formula (its shape, every row number 0):
    # each is a test for text without digits or a pattern taking any run of digits alike, and for names with a
    # digit a shape may change (Table1: shape_may_change) the shape is the formula itself (tests/test_rewrite_shapes.py)
    exact = words is not None and any(map(shape_may_change, word_list))
    tested: dict[str, tuple[bool, bool, bool, bool, bool, bool]] = {}
    settled: set[str] = set()  # shapes whose stored formulas no step below changes (left_alone_by_shape)
    argued: set[str] = set()  # shapes whose stored formulas only the argument rewrite changes (likewise)
    filled_down = FilledDown(exact)  # the rewrites' answers for filled-down copies of a formula
    compared_later: set[str] = set()  # argued shapes whose rewrite may only wrap a cell compared (.compared_later)
    unwrapped, unwrapped_texts = run.unwrapped, run.unwrapped_texts
    hints: dict[tuple[int, str], bool] = {}  # the superset tests below, per shape (:func:`_per_shape`)
    ranges_test = functools.partial(may_compute_ranges, names=names)
    whole_named = whole_names(names)  # Tri: C!$C:$J, given to SBG_FIT: cut to the rows in use as C:J is
    wholes_test = functools.partial(may_have_whole_ranges, names=whole_named)
    context = (info.tables, names, defined)
    masters = found.master_texts()
    first_set = len(rewritten)
    # every formula's shape in one substitution over the sheet's texts (no formula holds a NUL), the tests once
    # per shape: may_need_any's patterns hold no digit either
    keys = [stored for _, stored in masters] if exact else found.shapes()
    # each shape's first stored text (of the reversed pairs, the last wins), its tests made once (pure functions)
    firsts = dict(zip(reversed(keys), map(itemgetter(1), reversed(masters)), strict=True))
    for key, stored in firsts.items():
        tested[key] = (
            may_need_any(stored, words),
            may_need_rewrite(stored, words),
            may_need_arguments(stored),
            may_split(stored),
            may_end_in_sum(stored),
            "INDEX(" in stored.upper() and indexes_whole(stored, names),
        )
    # the copies of a shape no step needs are passed over at C level (=CRR(C2,B2,A2) filled down), unless a
    # Ctrl+Shift+Enter array is clipped among them
    busy = {key for key, tests in tested.items() if tests[0]}
    todo = zip(masters, keys, strict=True)
    if not clipped:  # (busy read as the loop goes: a shape's later copies made at once are taken out of it below)
        todo = compress(todo, map(busy.__contains__, keys))
    at_once: list[tuple[Copies, int | None]] = []  # FilledDown.later_copies, the first's place in unwrapped
    for ((r, c), stored), key in todo:
        needed, structure, arguments, subtotal, final, whole = tested[key]
        if not needed and (r, c) not in clipped:
            continue
        if not (structure or arguments or subtotal) and (r, c) not in clipped:
            if final and cells[found.refs[(r, c)]].kind != "array":
                finals.append((sheet, r, c))  # rewritten after evaluation, where the result may need it
            continue
        if (key in settled or key in argued) and (r, c) not in clipped:  # a copy of a formula settled below
            cell = cells[found.refs[(r, c)]]
            if cell.text is not None and cell.kind != "array":  # its own stored text (of the shape), no array
                if key in settled:
                    if final:
                        finals.append((sheet, r, c))
                    continue
                new = filled_down.rewrite_arguments("=" + cell.text, cell.text, key, True)
                if new not in ("=" + cell.text, cell.text) and not _argued_further(new):  # else each step below
                    if key in compared_later:
                        unwrapped.append(len(rewritten))
                        unwrapped_texts.append(cell.text)
                    rewritten.append((sheet, r, c, new))
                    if ":" in new and may_compare_large(new):
                        run.large_compared.append((sheet, r, c, "=" + cell.text, new))
                    continue
        text = found[(r, c)]
        if "[" in text and unread_link(text, info.linked):  # '[Q1.xlsx]Churn'!B2 written by a script
            unread_links.append((sheet, r, c, found.refs[(r, c)]))
            continue
        array = cells[found.refs[(r, c)]].kind == "array"
        if array and cells[found.refs[(r, c)]].dynamic and (spill := whole_spill(text)) is not None:
            (rows, columns), ref = spill[1], found.refs[(r, c)]  # =CRR(A:A,B:B,C:C): decided here (.whole_spills)
            if r + rows - 1 > 1048576 or c + columns - 1 > 16384:  # past the sheet's edge: Excel's #SPILL!
                rewritten.append((sheet, r, c, spill_stand_in(rows, columns)))
            else:  # fits: a million values, listed
                hidden_unsure.append(Unsupported(sheet, ref, spill[0], fitting_reason(sheet, ref, text) or ""))
                rewritten.append((sheet, r, c, "=NA()"))
            continue
        source = text
        if array and not cells[found.refs[(r, c)]].dynamic and whole_spill(text) is not None:  # {=CRR(A:A,..)}
            source, structure = entered_area("=" + text, cells[found.refs[(r, c)]].ref or found.refs[(r, c)])[1:], True
        if subtotal and "SUMPRODUCT(" in text.upper() and (rows := row_by_row(text)) != text:
            source, structure = rows[1:], True  # SUBTOTAL(109,OFFSET(B2,ROW(B2:B9)-ROW(B2),0)): each row's own
        if structure and "!" in text and _three_d(text):  # SUM(Jan:Mar!B2): each sheet's B2
            source = expand_sheet_ranges("=" + text, workbook.sheet_names, known)[1:]
        own_shape = key if text is stored else None  # ``key`` is this text's shape: per-shape answers apply
        if structure and _per_shape(hints, 0, wholes_test, source, own_shape if source is text else None):
            source = bound_whole_ranges("=" + source, sheet, array, extents, whole_named)[1:]  # A:A in arrays
        if structure and source == text and "CELL(" not in text.upper():  # rewrite's own pre-check, per shape:
            structure = filled_down.needs_structure(text, own_shape, array, context)  # no filled-copy key to make
        copy = filled_down.copy_key(source, r, c, array) if structure and source == text else None
        settles = not structure  # so far every answer was its shape's: the formula as it is
        if not structure or filled_down.left_alone(copy):  # the rewrite left this formula's copies alone
            new = "=" + text
        else:
            new = rewrite(
                source,
                sheet,
                r,
                c,
                info.tables,
                array=array,
                names=names,
                defined=defined,
                path=workbook_path or path,  # CELL("filename"): the workbook's own path (a copy's: .prefixed)
                sheets=sheets,
                every=visible_names(info, sheet),  # INDIRECT("Nope"): #REF!, as the dependency readers say
            )
            if new is not source and "!" in new and _three_d(new):  # a name of one: SUM(Q1)
                new = expand_sheet_ranges(new, workbook.sheet_names, known)
            filled_down.rewritten(text, copy, new)
        same = own_shape if new == "=" + text else None  # the stored formula still: its shape's answers apply
        if _per_shape(hints, 1, ranges_test, new, same):  # A1:INDEX(A:A,n): one reference, also in a spill
            new = computed_ranges(new, array, names)
            same = own_shape if new == "=" + text else None
            settles = False
        if _per_shape(hints, 2, _whole_lookup, new, same):  # LOOKUP(2,1/(C:C="z"),B:B): B's empty rows reached
            new = lookup_results(new, sheet, extents)
            settles = False
        before, new = new, filled_down.rewrite_arguments(new, text, own_shape, arguments)
        if ":" in new and may_compare_large(new):  # A:A>=_XLR.FIFTEEN(C1): the column's cells read after evaluation
            run.large_compared.append((sheet, r, c, before, new))
        if '"*-*"' in new:  # the date-text guard's counts over a range the file shows plain: 0 (.plain_areas)
            if plain is None:
                plain = PlainAreas(workbook, info.formulas)
            new = plain.settled(new, sheet)
        if arguments and ("IM" in new.upper() or "COMPLEX(" in new.upper()):  # IMSUM(..): parts at 15 digits
            new = complex_texts(new)
        if "FORMULA" in new.upper() and _FACT_CALL.search(new):  # ISFORMULA(J1), FORMULATEXT(J1): the file's own
            new = formula_facts(new, sheet, info, workbook.sheet_names)  # facts typed in (not "formula" in a note)
        if subtotal:
            new, undefined = undefined_totals(new, known)  # SUBTOTAL(3,NoSuchName): #NAME?, not 1
            if undefined is not None:  # AGGREGATE(3,6,NoSuchName): Excel's value kept, listed
                hidden_unsure.append(Unsupported(sheet, found.refs[(r, c)], "AGGREGATE", undefined))
            if hidden is None:  # read once, and only for a workbook that has SUBTOTAL or AGGREGATE
                hidden = hidden_rows(str(path), info.tables)
            if hidden:
                new = split_hidden(new, sheet, hidden, names)
                unsure = unsure_reason(new, hidden, names)
                if unsure is not None:  # SUBTOTAL(9,OFFSET(..)) with rows hidden: Excel's value kept, listed
                    hidden_unsure.append(Unsupported(sheet, found.refs[(r, c)], "SUBTOTAL", unsure))
        if final and not array:  # Excel's final + or -: exactly 0 when within rounding (no other rewrite makes one)
            if new == "=" + text and (r, c) not in clipped:
                finals.append((sheet, r, c))  # nothing else to rewrite: after evaluation, where needed
            else:
                new = rewrite_final(new)
        if whole:  # INDEX(C:C,n): bounded if the engine says #REF! (see after_evaluation)
            wholes.append((sheet, r, c, new))
        if (r, c) in clipped:  # Excel shows the part of a larger result that fits in the range entered
            rows, columns = clipped[(r, c)]
            body = new[1:] if new.startswith("=") else new
            new = f"=LET(_xlr_a,({body}),TAKE(_xlr_a,MIN(ROWS(_xlr_a),{rows}),MIN(COLUMNS(_xlr_a),{columns})))"
        appended = new != "=" + text and new != text
        if appended:
            rewritten.append((sheet, r, c, new))
        elif settles and new == "=" + text and own_shape is not None and (r, c) not in clipped:
            if not (array or arguments or subtotal or whole) and left_alone_by_shape(text):
                settled.add(key)  # its shape's other copies: the same answers (above: only `final` to note)
        if settles and arguments and own_shape is not None and (r, c) not in clipped and key not in argued:
            if not (array or subtotal or whole or final) and "[" not in text and "!" not in text:
                argued.add(key)  # its other copies: the same answers but the argument rewrite's (made above)
                compared = appended and "_XLR.COMPARED(" in new and cells[found.refs[(r, c)]].text == text
                if compared:
                    compared_later.add(key)  # its copies' rewrites checked at once (_compared_later)
                    unwrapped.append(len(rewritten) - 1)
                    unwrapped_texts.append(text)
                later = None if clipped or arrays or not appended else filled_down.later_copies(found, key, (r, c), new)
                if later is not None:  # made at once, the loop passing them over at C level
                    busy.discard(key)
                    at_once.append((later, len(unwrapped) - 1 if compared else None))
    for later, first in at_once:  # (after the loop's: rewritten's readers take any order)
        if first is not None:
            run.unwrapped_copies.append((first, len(rewritten), later))
        rewritten.extend([(sheet, r, c, new) for (r, c), new in zip(later.places, later.news, strict=True)])
    copies = found.quoted_sheet_copies()  # ='Q1 2024'!A1 filled down: the engine moves Q1 too ('Q2 2024'!A2)
    if copies:
        done = {(r, c) for _, r, c, _ in rewritten[first_set:]}
        rewritten.extend((sheet, r, c, "=" + found[(r, c)]) for r, c in copies if (r, c) not in done)
    if len(found):
        formulas[sheet] = found
    run.hidden, run.plain = hidden, plain


def _evaluate(
    workbook: fz.Workbook,
    info: PackageInfo,
    path: str | Path,
    run: _Pass,
    rewritten: list[tuple[str, int, int, str]],
    finals: list[tuple[str, int, int]],
) -> tuple[Computed, list[Unsupported]]:
    """The evaluation with the rewrites set, and the steps that set formulas again after it (final operations, INDEX of
    whole columns, data tables, number texts, ...): the values read, and the cells the engine stops at."""
    formulas, members, wholes, tables = run.formulas, run.members, run.wholes, run.tables
    column_calls(workbook, formulas)  # =CRR(C2,B2,A2) filled down: one call of the core per column, not per row
    stopped = evaluate_first(workbook, formulas, rewritten)  # A3:A1 stops the engine for the whole workbook
    if shorter := computed_past_limits(workbook, run, rewritten, finals):  # named areas as ranges in a formula
        set_formulas(workbook, shorter)  # the engine refused as too long (.limit_areas)
        workbook.evaluate_all()
    for _ in range(3):  # a cell made 0 can make another's result a rounding residue in turn
        if not finals or not final_operations(workbook, formulas, finals, set_formulas):
            break
        workbook.evaluate_all()
    if wholes and (
        whole_column_indexes(workbook, wholes, set_formulas)
        | whole_index_cycles(workbook, wholes, set_formulas, info.names)
    ):
        workbook.evaluate_all()
    if tables:
        if numeric_labels(workbook, formulas, {}, info, set_formulas):  # a DSUM's criteria set in turn (H495/07)
            workbook.evaluate_all()
        for sheet, cells in tables.items():
            for cell in cells:
                for position, value in data_table(workbook, sheet, cell).items():
                    workbook.set_value(sheet, *position, engine_literal(value))
        workbook.evaluate_all()
    if spills_over_merged(str(path), workbook, info, engine_literal):  # a spill over merged cells: #SPILL!, as Excel
        workbook.evaluate_all()
    result = read_values(workbook, formulas, members)
    again = number_text_results(result.values, formulas, rewritten, info.number_texts)
    if stopped:  # a cell the engine stops at keeps its error value: set again, it would stop the engine again
        halted = {(u.sheet, *cell_position(u.ref)) for u in stopped}
        again = [item for item in again if item[:3] not in halted]
    if again:  # formula cells giving "1,234"-like text: the formulas reading them as numbers (number_texts.py)
        set_formulas(workbook, again)
        workbook.evaluate_all()
        result = read_values(workbook, formulas, members)
    if whole_number_criteria(workbook, rewritten + again, set_formulas):  # COUNTIF(A:A,F1) of 110 and =1.1*100 (H40)
        workbook.evaluate_all()
        result = read_values(workbook, formulas, members)
    if run.large_compared:  # A:A>=C1 where A holds 0.1+0.2: every cell at 15 digits (.large_comparisons)
        from .large_comparisons import unrounded_comparisons  # noqa: PLC0415

        refs = lambda s, r, c: formulas[s].refs[(r, c)]  # noqa: E731
        compared, listed_large = unrounded_comparisons(workbook, run.large_compared, set_formulas, refs)
        stopped += listed_large
        if compared:
            workbook.evaluate_all()
            result = read_values(workbook, formulas, members)
    if dynamic_cycles(workbook, formulas, info, run.formula_names, CIRCULAR, engine_literal):  # OFFSET(A2,0,0,3,1)
        workbook.evaluate_all()  # a loop through an area computed when the formula runs: Excel's circular reference
        result = read_values(workbook, formulas, members)
    errors = list(error_cells(result.values))
    spills = [item for item in errors if item[2].code == "#SPILL!"]  # a classic formula's array: its first value,
    blocked, listed = classic_spills(workbook, info, spills, set_formulas, _names(info, run.formula_names))
    if blocked:  # no spill (no cm= flag: .classic_spills); a range's cell in the formula's row or column
        workbook.evaluate_all()
        result = read_values(workbook, formulas, members)
        errors = list(error_cells(result.values))
    spilled, more = spilled_classics(workbook, info, formulas, set_formulas, _names(info, run.formula_names))
    if spilled:  # a classic formula's array spilled into blank cells: its first value, the cells beside it blank
        workbook.evaluate_all()
        result = read_values(workbook, formulas, members)
        errors = list(error_cells(result.values))
    listed += [item for item in more if item[:2] not in {i[:2] for i in listed}]
    stopped += [Unsupported(*item) for item in listed]  # a range maybe: Excel's implicit intersection, not computed
    if any(value.code == CIRCULAR for _, _, value in errors):
        from .own_cycles import named_cycles, position_cycles  # noqa: PLC0415

        if named_cycles(workbook, result.values, CIRCULAR, info.names):  # INDEX(CustCol,1) in CustCol's first cell
            workbook.evaluate_all()
            result = read_values(workbook, formulas, members)
        if position_cycles(workbook, formulas, result, CIRCULAR, info.tables, info.names):  # CELL("row", A1) in A1
            workbook.evaluate_all()
            result = read_values(workbook, formulas, members)
    if len(CARRIED) > 1:  # several newer error values: ERROR.TYPE of the one (#FIELD!, ...) a cell reads
        from .newer_errors import error_types  # noqa: PLC0415

        if typed := error_types(workbook, formulas, info, result.values):
            set_formulas(workbook, typed)
            workbook.evaluate_all()
            result = read_values(workbook, formulas, members)
    return result, stopped


def rewrite(source: str, sheet: str, row: int, column: int, tables: Any, **options: Any) -> str:
    """:func:`.rewrite.rewrite`, its module (and the ten it imports) imported at a workbook's first formula that
    needs it: a plain workbook's recalculation never does (bench/README.md, issue 14, forty-third session)."""
    from .rewrite import rewrite as rewritten  # noqa: PLC0415

    return rewritten(source, sheet, row, column, tables, **options)


def _three_d(text: str) -> bool:
    """:func:`.three_d.may_be_three_d`, imported at its first use (a formula naming another sheet)."""
    from .three_d import may_be_three_d  # noqa: PLC0415

    return may_be_three_d(text)


def _names(info: PackageInfo, formula_names: dict[str, dict[str, str]]) -> frozenset[str]:
    """Every defined name of the workbook and its sheets, in lower case."""
    return frozenset(n.lower() for scope in (*info.names.values(), *formula_names.values()) for n in scope)


def _whole_lookup(formula: str) -> bool:
    """Whether :func:`.computed_ranges.lookup_results` may change ``formula`` (a superset test): a LOOKUP, and a
    whole column or row somewhere (the rewrite bounds a result vector of whole columns or rows only: the template's
    138 LOOKUPs of typed ranges were tokenized and left alone)."""
    return "LOOKUP(" in formula.upper() and may_have_whole_ranges(formula)
