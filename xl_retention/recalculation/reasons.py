"""Why an error is there: the reason an xl-retention function gives, for the recalc report.

formualizer keeps only an error's code. :func:`explain` evaluates each error cell that calls a
registry function once more with :data:`REASONS` noting the function's message, and passes a
reason on to the error cells that read such a cell (:func:`pass_reasons_on`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..cells import CellError
from ..registry import FUNCTIONS
from ..sheet_names import SHEET, written
from .defined_names import name_target, names_read
from .formula_texts import position as cell_position
from .text_literals import LITERALS as _LITERALS
from .xlsx_values import Resized

if TYPE_CHECKING:
    import formualizer as fz

    from .argument_counts import count_reason
    from .arithmetic_origins import arithmetic_origin
    from .compared_origins import compared_origin
    from .divisor_reasons import divisor_reasons
    from .embedded import Computed
    from .error_arguments import error_argument_causes, error_arguments
    from .formula_texts import FormulaTexts
    from .function_text_reasons import function_text_reasons
    from .indirect_reasons import indirect_origin, indirect_reasons
    from .intersection_reasons import intersection_reasons
    from .let_references import let_inlined
    from .literal_reasons import blank_argument, literal_error_reasons, typed_range_reasons, value_argument
    from .lookup_reasons import lookup_argument, lookup_dates, lookup_reasons
    from .month_order import deleted_reference_reasons
    from .nested_reasons import outer_reason, with_cause
    from .null_reasons import null_reasons
    from .numbervalue_reasons import numbervalue_reasons
    from .plain_fits import plain_fit_reads
    from .reason_cells import name_the_cell
    from .regex_reasons import regex_reasons
    from .see_notes import see_note_now
    from .sheet_corners import cross_sheet_reasons, named_cross_sheet_reasons
    from .spill_reasons import spill_reasons
    from .text_value_reasons import text_value_reasons
    from .undefined_names import undefined_name_reasons
    from .unexplained_refs import unexplained_ref_reasons, value_readers
    from .value_origins import blank_origin, formula_cell_origin, value_origin
    from .xlookup_intersections import xlookup_intersection_reasons

#: the steps that name an error's cause, imported when a workbook has an error to explain (:func:`explain`), not by
#: every recalculation: {name: its module}; read as this module's names (a test may set one: ``monkeypatch``)
_STEPS = {
    "count_reason": "argument_counts",
    "compared_origin": "compared_origins",
    "divisor_reasons": "divisor_reasons",
    "error_argument_causes": "error_arguments",
    "error_arguments": "error_arguments",
    "indirect_origin": "indirect_reasons",
    "indirect_reasons": "indirect_reasons",
    "intersection_reasons": "intersection_reasons",
    "let_inlined": "let_references",
    "blank_argument": "literal_reasons",
    "literal_error_reasons": "literal_reasons",
    "typed_range_reasons": "literal_reasons",
    "value_argument": "literal_reasons",
    "lookup_argument": "lookup_reasons",
    "lookup_dates": "lookup_reasons",
    "lookup_reasons": "lookup_reasons",
    "deleted_reference_reasons": "month_order",
    "outer_reason": "nested_reasons",
    "with_cause": "nested_reasons",
    "null_reasons": "null_reasons",
    "numbervalue_reasons": "numbervalue_reasons",
    "function_text_reasons": "function_text_reasons",
    "plain_fit_reads": "plain_fits",
    "regex_reasons": "regex_reasons",
    "name_the_cell": "reason_cells",
    "see_note_now": "see_notes",
    "spill_reasons": "spill_reasons",
    "text_value_reasons": "text_value_reasons",
    "undefined_name_reasons": "undefined_names",
    "arithmetic_origin": "arithmetic_origins",
    "blank_origin": "value_origins",
    "formula_cell_origin": "value_origins",
    "value_origin": "value_origins",
    "xlookup_intersection_reasons": "xlookup_intersections",
    "cross_sheet_reasons": "sheet_corners",
    "named_cross_sheet_reasons": "sheet_corners",
    "unexplained_ref_reasons": "unexplained_refs",
    "value_readers": "unexplained_refs",
}


def __getattr__(name: str) -> Any:
    """A step of :data:`_STEPS`, imported at its first use (PEP 562), then kept as this module's name."""
    module = _STEPS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __package__), name)
    globals()[name] = value
    return value


def _import_steps() -> None:
    """Every step of :data:`_STEPS` as this module's name (one set already, by a test, is kept)."""
    names = globals()
    for name in _STEPS:
        if name not in names:
            __getattr__(name)


class Reasons:
    """The reason behind an error a registry function gives, noted while one cell is evaluated again.

    The engine keeps only an error's code; :func:`explain` re-evaluates each error cell that calls a
    registry function with ``cell`` set, and the function notes its first error message here.
    """

    def __init__(self) -> None:
        self.cell: tuple[str, str] | None = None
        self.found: dict[tuple[str, str], str] = {}
        #: every message noted while a cell was evaluated, in order: the engine evaluates other cells then too (a
        #: volatile ``=NPS(OFFSET(..))`` elsewhere), whose messages are no reason of this cell's
        self.heard: dict[tuple[str, str], list[tuple[str, str]]] = {}
        #: a cell's outer function's message of the error its reason's function gave it (.nested_reasons)
        self.outer: dict[tuple[str, str], str] = {}

    def note(self, function: str, value: Any) -> None:
        if self.cell is None:
            return
        errors = [value] if type(value) is CellError else [v for row in value for v in row if type(v) is CellError]
        if errors and errors[0].message:
            message = errors[0].message.removeprefix(f"{function}: ")  # "CRR: ranges of different sizes": once
            self.heard.setdefault(self.cell, []).append((function, f"{function}: {message} ({errors[0].code})"))

    def unheard(self, cell: tuple[str, str], before: list[tuple[str, str]]) -> None:
        """Leave out of ``cell``'s messages one of each of ``before``: those the engine's own evaluation of the cell,
        its formula not set again, noted (another cell's, recomputed on every evaluation: a volatile
        ``=CRR(OFFSET(B1,1,0),1,100)``'s "got 'abc'" was heard at each ``=CRR(VLOOKUP("Apr",..),1,100)`` first and
        became its reason, H160 finding 05); all of them where nothing else was heard."""
        heard = list(self.heard.get(cell, []))
        for item in before:
            if item in heard:
                heard.remove(item)
        if heard:
            self.heard[cell] = heard

    def settle(self, texts: Callable[[tuple[str, str]], list[str]]) -> None:
        """Each cell's reason: the first message noted of a function its formula calls (``texts``: the cell's
        formula as stored and as the engine holds it), not another cell's evaluated meanwhile."""
        own: dict[tuple[str, str], list[str]] = {}
        others: set[str] = set()  # messages noted while a cell whose formula calls no such function was evaluated
        for cell, heard in self.heard.items():
            written = [text for text in texts(cell) if text]
            for function, reason in heard:
                call = re.compile(rf"(?i)(?<![\w.]){re.escape(function)}\(")
                if any(call.search(text) for text in written):
                    own.setdefault(cell, []).append(reason)
                else:
                    others.add(reason)
        for cell, reasons in own.items():  # another cell's message (a volatile NPS's, heard at a CRR) comes last
            self.found[cell] = next((reason for reason in reasons if reason not in others), reasons[0])
            if outer := outer_reason(reasons, self.found[cell]):  # =CLV(..,CHURN_RATE(..)): CLV's of CHURN_RATE's
                self.outer[cell] = outer
        self.heard = {}


#: the one noting reasons (the engine calls the registry functions in this process)
REASONS = Reasons()


#: at most this many error cells are evaluated again for their reason (each costs an evaluation of the cell)
MAX_EXPLAINED = 1000
#: a call the engine evaluates again at every evaluation (and the cells reading it), whatever cell is asked for
_VOLATILE = re.compile(r"(?<![\w.])(?:_XLFN\.)?(?:OFFSET|INDIRECT|TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|CELL|INFO)\(")
#: a registry function's call, as Excel saves one made through Office.js too (xlwings Lite or Server: ``_xldudf_NPS(``,
#: ``_xldudf_XLWINGS_NPS(``, which the engine is given as ``NPS(``: .package_facts.officejs_calls; H212's finding 01)
_REGISTRY_CALL = re.compile(
    r"(?i)(?<![\w.])(?:_xldudf_(?:xlwings_)?)?(?:" + "|".join(re.escape(f.name) for f in FUNCTIONS) + r")\("
)


def explain(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None = None,
    path: str | Path | None = None,
) -> None:
    """Each error value a registry function gives gets its reason (``CellError.message``): "CRR: ... (#DIV/0!)".

    The cell is evaluated again with the function noting its message (the engine keeps only the
    code), for the first :data:`MAX_EXPLAINED` such cells. Called last: the workbook's values have
    all been read. ``path``: the workbook's package, whose defined names a ``#NAME?`` is checked against.
    """
    _import_steps()
    todo = []
    reasoned = bare = False  # an error given its reason before (MINIFS without _xlfn.): its readers get it (H371's 02)
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        for ref, value in cells.items():
            if type(value) is Resized:  # an Excel 365 formula spilling (=NPS_BREAKDOWN(A1:A4)): its first cell's
                value = value.value
            if type(value) is CellError and value.message:
                reasoned = True
            elif type(value) is CellError and texts is not None:
                bare = True
                place = cell_position(ref)
                if place in texts and _REGISTRY_CALL.search(texts[place]):
                    todo.append((sheet, ref, place))
    # (the distinct shapes: _VOLATILE holds no digit; only where an error is to be explained: H165's request)
    recomputed = bool(todo) and any(_VOLATILE.search(texts.shape_upper_text()) for texts in formulas.values())
    for sheet, ref, (r, c) in todo[:MAX_EXPLAINED]:
        REASONS.cell = (sheet, ref)
        before: list[tuple[str, str]] = []
        try:
            formula = workbook.get_formula(sheet, r, c)
            if formula and recomputed:  # what the engine evaluates anyway (volatile cells): no reason of this cell's
                workbook.evaluate_cell(sheet, r, c)
                before = REASONS.heard.pop((sheet, ref), [])
            if formula:
                workbook.sheet(sheet).set_formula(r, c, formula if formula.startswith("=") else "=" + formula)
                workbook.evaluate_cell(sheet, r, c)
        except Exception:  # noqa: BLE001  (no reason found: the cell keeps its value, without one)
            pass
        finally:
            REASONS.cell = None
        if before:
            REASONS.unheard((sheet, ref), before)

    def texts(cell: tuple[str, str]) -> list[str]:
        sheet, ref = cell
        place = cell_position(ref)
        stored = formulas[sheet][place] if place in formulas.get(sheet, {}) else ""
        return [stored, _engine_formula(workbook, sheet, ref) or ""]

    REASONS.settle(texts)
    found, REASONS.found = REASONS.found, {}
    outers, REASONS.outer = REASONS.outer, {}
    dates = lookup_dates(path)  # a date looked for shown as the date (its formats read once, where one is)
    looked_up = partial(lookup_argument, dates=dates)
    for (sheet, ref), reason in found.items():
        value = result.values[sheet][ref]
        spilled = value if type(value) is Resized else None
        value = spilled.value if spilled is not None else value
        outer = outers.get((sheet, ref)) if type(value) is CellError else None
        outer = outer if outer and outer.endswith(f"({value.code})") else None  # type: ignore[union-attr]
        if type(value) is CellError and (reason.endswith(f"({value.code})") or outer is not None):
            outer = None if reason.endswith(f"({value.code})") else outer  # the inner reason named, then the outer's
            formula = formulas[sheet][cell_position(ref)] if cell_position(ref) in formulas[sheet] else None
            reason = _unless_failing(compared_origin, workbook, formulas, reason, sheet, ref, names)  # 60 > 40: cells
            named_cell = name_the_cell(reason, formula, sheet, names)  # "got '8' in cell 3 of scores": its cell
            if named_cell == reason:  # =NPS(Survey[Score]): the engine's formula, the table's column as its range
                named_cell = name_the_cell(reason, _engine_formula(workbook, sheet, ref), sheet, names)
            if named_cell == reason and formula:  # =NPS(C1#): the range the spill covers
                named_cell = name_the_cell(reason, _spills_as_ranges(workbook, sheet, formula), sheet, names)
            if named_cell == reason:  # =LET(sc,A1:A4,NPS(sc)): the range its name is given
                named_cell = name_the_cell(reason, let_inlined(formula), sheet, names)
            if named_cell == reason:  # =NPS(D2#) of a D2 that does not spill (#SPILL!): D2# named, not '#REF!'
                from .blocked_spills import spill_reference_reason  # noqa: PLC0415

                named_cell = spill_reference_reason(reason, formula, sheet, result.values)
            reason = named_cell
            plain = _plain_text(workbook, sheet, ref, formula) if formula else formula  # [@Gained]: M!$B$3
            plain = let_inlined(plain)  # =LET(x,A2,CRR(x,1,10)): A2
            reason = blank_argument(workbook, formulas, reason, plain, sheet)  # "customers_start blank": its cell
            reason = _unless_failing(blank_origin, workbook, formulas, reason, names)  # a formula giving "": its test
            reason = value_argument(workbook, formulas, reason, plain, sheet)  # "got 'n/a'": the cell typed in
            # CHOOSE(..), C3 =A9, B2+C2, VLOOKUP(..), INDIRECT("'Data 2025'!C2") of a sheet renamed
            for step in (value_origin, arithmetic_origin, looked_up, indirect_origin):
                reason = _unless_failing(step, workbook, formulas, reason, sheet, ref, names)
            reason = _unless_failing(formula_cell_origin, workbook, formulas, reason, names)  # A2 =Raw!A2: Raw!A2
            reason = with_cause(outer, reason) if outer is not None else reason
            explained = CellError(value.code, reason)
            result.values[sheet][ref] = Resized(explained, spilled.ref) if spilled is not None else explained
    counted = False
    for sheet, ref, place in todo:  # =CRR(535,75): the engine refuses the call itself, without calling it
        value = result.values[sheet][ref]
        if type(value) is CellError and value.code == "#VALUE!" and not value.message:
            reason = count_reason(formulas[sheet][place])
            if reason is not None:
                result.values[sheet][ref] = CellError(value.code, reason)
                counted = True
    named = deleted_reference_reasons(workbook, formulas, result)  # =IF(#REF!="",...): a month's row deleted
    named += literal_error_reasons(workbook, formulas, result)  # IF(OR(G3<0,...),#NUM!,...): G3 is -100
    named += lookup_reasons(workbook, formulas, result, path, names, dates)  # XLOOKUP(C21,Plans[Plan],..): 'teams'
    named += xlookup_intersection_reasons(workbook, formulas, result, names)  # XLOOKUP(..) gave F1:F5, none in row 7
    named += text_value_reasons(workbook, formulas, result)  # VALUE("185"&CHAR(9)): a tab, no number to Excel
    named += regex_reasons(workbook, formulas, result)  # REGEXTEST(A1,"("): PCRE2's message
    named += numbervalue_reasons(workbook, formulas, result)  # NUMBERVALUE("USD "&A1): 'USD' is no part of a number
    named += function_text_reasons(workbook, formulas, result)  # FIND("z",A1): not in 'Product'; YEAR("x")
    named += intersection_reasons(workbook, formulas, result, names, path)  # =SUM(N(+B7:M7)) in A1: no cell in column A
    named += null_reasons(formulas, result)  # =A1:A3 A5: references sharing no cell, Excel's #NULL!
    named += divisor_reasons(workbook, formulas, result)  # =D3/B3 typed over a rate: B3 is 0
    from .rate_reasons import rate_reasons  # noqa: PLC0415  (a workbook with an error to explain only)

    named += rate_reasons(workbook, formulas, result)  # XIRR over payments all negative: no change of sign
    named += undefined_name_reasons(workbook, formulas, result, path)  # Customers_CRR deleted in the Name Manager
    named += spill_reasons(workbook, formulas, result, path)  # =CRR(D2:D7,..) over a note in B5: B5 named
    named += indirect_reasons(workbook, formulas, result, path)  # INDIRECT("'Data 2025'!C2"), the sheet renamed
    named += plain_fit_reads(formulas, result)  # =INDEX(K1#,1,2) of K1 =SBG_FIT(..) saved as a one-cell formula
    named += cross_sheet_reasons(formulas, result)  # SUM(Cohorts!B2:Value!B7): corners on two sheets, #VALUE!
    named += named_cross_sheet_reasons(formulas, result, path) if path else 0  # a name of 'S'!$A$1:'T'!$A$2

    def text_of(sheet: str, ref: str, text: str) -> str:
        return _plain_text(workbook, sheet, ref, text)

    def ranges_of(sheet: str, ref: str, text: str) -> str | None:  # SUMIFS(Invoices[Amount],..): the engine's ranges
        return _engine_formula(workbook, sheet, ref) if "[" in _LITERALS.sub('""', text) else None

    cleared = error_arguments(formulas, result, names, text_of)  # =CLV(100,0.8,B1), B1 #VALUE!: B1's reason, passed on
    if found or named or counted or (reasoned and bare) or _see_note_beside(result):  # "see Customers!D5: ..." too
        pass_reasons_on(formulas, result, names, text_of, ranges_of)
    kept = 0
    for (sheet, ref), reason in cleared.items():  # nothing passed on: "churn_rate is the error value #N/A in S!B1"
        value = result.values[sheet][ref]
        if type(value) is CellError and not value.message:
            result.values[sheet][ref] = CellError(value.code, reason)
            kept += 1
    if kept:
        pass_reasons_on(formulas, result, names, text_of, ranges_of)
    if typed_range_reasons(workbook, formulas, result, names):  # =SUM(A1:A2) over a #NAME? typed in A1
        pass_reasons_on(formulas, result, names, text_of, ranges_of)
    if unexplained_ref_reasons(formulas, result, path=path):  # a #REF!/#NAME? no step explains: its cell, formula
        pass_reasons_on(formulas, result, names, text_of, ranges_of)
    error_argument_causes(result)  # "start_mrr is the error value #N/A in Revenue!K6": K6's cause too
    unexplained_ref_reasons(formulas, result, readers=True, path=path)  # =SUM(A1:A3), SUM(T[A]): its reason passed on
    result.error_readers = value_readers(formulas, result, names, path)  # =IFERROR(B1,0) over a #REF!: the engine's 0


def _see_note_beside(result: Computed) -> bool:
    """Whether an error cell without a reason has a tracker's note beside it (``"see Customers!D5: ..."``): the
    constant #N/A of Lifetime value!B5 for a month left blank among the last 12, whose note C5 is its reason, was
    listed with none when no other cell got one (H189's finding 01)."""
    for cells in result.values.values():
        for ref, held in cells.items():
            if type(value := _unwrapped(held)) is CellError and not value.message:
                row, column = cell_position(ref)
                note = cells.get(get_column_letter(column + 1) + str(row))
                if isinstance(note, str) and (_SEE_NOTE.match(note) or note.startswith(_NO_VALUE_NOTE)):
                    return True
    return False


def _unless_failing(step: Callable[..., str], *args: Any) -> str:
    """``step(*args)``, a reason (its third argument) with a cell named; that reason as it is where the step fails:
    a reason's words never fail the recalculation."""
    try:
        return step(*args)
    except Exception:  # noqa: BLE001
        return args[2]


def _plain_text(workbook: fz.Workbook, sheet: str, ref: str, text: str) -> str:
    """``text`` (the formula of ``sheet!ref``) with its structured references as the engine reads them, the ranges
    they denote (``CRR([@End],..)``: ``CRR(M!$A$3, ..)``), where the engine's formula is no rewrite of another kind;
    else ``text``."""
    if "[" not in _LITERALS.sub('""', text):
        return text
    engine = _engine_formula(workbook, sheet, ref)
    if engine is None or "[" in _LITERALS.sub('""', engine) or "_xlr" in engine.lower():
        return text
    return engine


#: a spill's reference: ``C1#``, ``'My data'!C1#``, ``_xlfn.ANCHORARRAY(C1)``
_SPILL = re.compile(
    r"(?i)(?<![\w.$!':])(?:_xlfn\.ANCHORARRAY\(\s*((?:" + SHEET + r"!)?\$?[A-Z]{1,3}\$?\d+)\s*\)"
    r"|((?:" + SHEET + r"!)?\$?[A-Z]{1,3}\$?\d+)#)"
)


def _spills_as_ranges(workbook: fz.Workbook, sheet: str, formula: str) -> str:
    """``formula`` with each spill reference (``C1#``) written as the range the spill covers now (``P!C1:C4``)."""

    def extent(match: re.Match[str]) -> str:
        anchor = (match.group(1) or match.group(2)).replace("$", "")
        where, _, cell = anchor.rpartition("!")
        where = where.strip("'").replace("''", "'") if where else sheet
        try:
            spill = workbook.inspect_cell(f"{written(where)}!{cell}").to_dict()["cell"].get("spill") or {}
        except Exception:  # noqa: BLE001  (a cell the engine cannot inspect: left as written)
            return match.group(0)
        area = str(spill.get("extent") or "") if spill.get("kind") == "Anchor" else ""
        target, _, cells = area.rpartition("!")
        return f"{written(target.strip(chr(39)).replace(chr(39) * 2, chr(39)))}!{cells}" if target else match.group(0)

    return _SPILL.sub(extent, formula)


def _engine_formula(workbook: fz.Workbook, sheet: str, ref: str) -> str | None:
    """The formula the engine holds at ``sheet!ref`` (structured references rewritten as the ranges they denote)."""
    row, column = cell_position(ref)
    try:
        return workbook.get_formula(sheet, row, column) or None
    except Exception:  # noqa: BLE001  (a cell the engine cannot give: the reason stays as it is)
        return None


#: INDIRECT given one text written in the formula: ``INDIRECT("Feb!A1")``
_INDIRECT_TEXT = re.compile(r'(?i)(?<![\w.])INDIRECT\(\s*"((?:[^"]|"")*)"\s*\)')
#: a single cell, not a range's end (``T!B2:B3``'s B3 is no cell of the formula's sheet)
_CELL_REFERENCE = re.compile(r"(?<![\w.$:!'])(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(:!])")


_SINGLE_CELL = re.compile(r"(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)")


def _named_cells(text: str, names: dict[str, dict[str, str]], sheet: str) -> list[tuple[str, str]]:
    """The cells ``text`` (a formula of ``sheet``, its texts blanked) reads by a defined name of one cell
    (:func:`.defined_names.name_target`: the sheet's own name before the workbook's), as (sheet, ref)."""
    out = []
    for name in names_read(text):
        found = _SINGLE_CELL.fullmatch(name_target(names, sheet, name) or "")
        if found is not None:
            where = found.group(1).replace("''", "'") if found.group(1) is not None else found.group(2)
            out.append((where, f"{found.group(3).upper()}{found.group(4)}"))
    return out


#: a template's note beside a cell in error naming the cell to correct: "see Customers!G4: a month of the last 12 ..."
_SEE_NOTE = re.compile(r"see (?:'(?:[^']|'')+'|[^\s!']+)!\$?[A-Z]{1,3}\$?\d+\b")
#: ... or saying why it has no value ("No value: the discount rate (B6) is ...": Lifetime value!C8 beside the CLV's
#: #NUM! of a discount rate of 1 was no reason, the cell listed with none: H242's finding 05); taken last, where no
#: cell read gave one
_NO_VALUE_NOTE = "No value: "


def pass_reasons_on(
    formulas: dict[str, FormulaTexts],
    result: Computed,
    names: dict[str, dict[str, str]] | None = None,
    text_of: Callable[[str, str, str], str] | None = None,
    ranges_of: Callable[[str, str, str], str | None] | None = None,
) -> None:
    """An error cell that reads a cell whose error has a reason gets it too: "CRR: ... (#DIV/0!), from S!D1".

    Only single-cell references and names of one cell (``names``: the package scan's defined names by scope,
    ``=SBG_Alpha`` reads the sBG fit's cell), the same error code, chains of up to five cells, and at most
    :data:`MAX_EXPLAINED` error cells looked at.
    """
    _import_steps()
    waiting = [  # a dynamic array's first cell whose spill range changes holds its error as Resized(CellError, ref)
        (sheet, ref)
        for sheet, cells in result.values.items()
        for ref, held in cells.items()
        if type(value := _unwrapped(held)) is CellError and not value.message and sheet in formulas
    ][:MAX_EXPLAINED]
    for sheet, ref in waiting:  # a tracker's note beside the cell says where its error is ("see Customers!G4: ...")
        row, column = cell_position(ref)
        note = result.values.get(sheet, {}).get(get_column_letter(column + 1) + str(row))
        if isinstance(note, str) and _SEE_NOTE.match(note):
            code = _unwrapped(result.values[sheet][ref]).code
            beside = formulas[sheet][(row, column + 1)] if (row, column + 1) in formulas[sheet] else None
            note = see_note_now(note, beside, sheet, list(result.values), names)  # Customers renamed since
            _explain(result, sheet, ref, CellError(code, f"{note} ({code})"))
    waiting = [(sheet, ref) for sheet, ref in waiting if not _unwrapped(result.values[sheet][ref]).message]
    for _ in range(5):
        more = []
        explained: dict[str, list[tuple[int, int, str, str, str]]] = {}  # the error cells with a reason, by sheet
        for where, cells in result.values.items():
            for target, held in cells.items():
                if type(candidate := _unwrapped(held)) is CellError and candidate.message:
                    row, column = cell_position(target)
                    explained.setdefault(where, []).append((row, column, target, candidate.message, candidate.code))
        for sheet, ref in waiting:
            value, texts = _unwrapped(result.values[sheet][ref]), formulas[sheet]
            place = cell_position(ref)
            origin = None
            if place in texts:
                formula = text_of(sheet, ref, texts[place]) if text_of is not None else texts[place]
                text = _LITERALS.sub('""', formula)
                read = [
                    (match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet,
                     f"{match.group(2).upper()}{match.group(3)}")
                    for match in _CELL_REFERENCE.finditer(text)
                ]  # fmt: skip
                for literal in _INDIRECT_TEXT.findall(formula):  # INDIRECT("Feb!A1"): the cell its text names
                    found = _CELL_REFERENCE.fullmatch(literal.replace('""', '"'))
                    if found is not None:
                        where = found.group(1).strip("'").replace("''", "'") if found.group(1) else sheet
                        read.append((where, f"{found.group(2).upper()}{found.group(3)}"))
                if names:
                    read += _named_cells(text, names, sheet)
                for where, target in read:
                    candidate = _unwrapped(result.values.get(where, {}).get(target))
                    if type(candidate) is CellError and candidate.message and candidate.code == value.code:
                        origin = (where, target, candidate.message)
                        break
                if origin is None:  # =AVERAGE(Customers_CRR) over a month's #REF!: the first such cell of a range
                    origin = _in_ranges(text, sheet, value.code, explained, names)
                engine = ranges_of(sheet, ref, formula) if origin is None and ranges_of is not None else None
                if engine:  # =SUMIFS(Invoices[Amount],..) rewritten: the ranges its engine formula reads
                    origin = _in_ranges(_LITERALS.sub('""', engine), sheet, value.code, explained, names)
            if origin is None:
                more.append((sheet, ref))
                continue
            reason = origin[2].split(", from ")[0]
            _explain(result, sheet, ref, CellError(value.code, f"{reason}, from {written(origin[0])}!{origin[1]}"))
        if len(more) == len(waiting):
            break
        waiting = more
    for sheet, ref in waiting:  # still without a reason: a tracker's note beside saying why it has no value
        row, column = cell_position(ref)
        note = result.values.get(sheet, {}).get(get_column_letter(column + 1) + str(row))
        held = _unwrapped(result.values[sheet][ref])
        if isinstance(note, str) and note.startswith(_NO_VALUE_NOTE) and not held.message:
            _explain(result, sheet, ref, CellError(held.code, f"{note} ({held.code})"))


def _unwrapped(value: Any) -> Any:
    """A cell's value, a dynamic array's first cell's (:class:`.xlsx_values.Resized`) unwrapped."""
    return value.value if type(value) is Resized else value


def _explain(result: Computed, sheet: str, ref: str, error: CellError) -> None:
    """Put ``error`` (with its reason) in ``sheet!ref``, wrapped again where the cell's value is a
    :class:`.xlsx_values.Resized` (the spill range it now covers is written with it)."""
    held = result.values[sheet][ref]
    result.values[sheet][ref] = Resized(error, held.ref) if type(held) is Resized else error


_RANGE = re.compile(
    r"(?:(" + SHEET + r")!)?(?<![\w.$])\$?([A-Za-z]{1,3})\$?(\d+)?:\$?([A-Za-z]{1,3})\$?(\d+)?(?![\w(!])"
)


def _areas(text: str, sheet: str, names: dict[str, dict[str, str]] | None) -> list[tuple[str, int, int, int, int]]:
    """The ranges ``text`` (a formula, its texts emptied) reads, its names of one range too, as (sheet, first row,
    first column, last row, last column); a whole column's rows are 1 to 1,048,576."""
    found = [(m, sheet) for m in _RANGE.finditer(text)]
    if names:
        for token in names_read(text):
            match = _RANGE.fullmatch(name_target(names, sheet, token) or "")
            if match is not None and match.group(1):
                found.append((match, sheet))
    areas = []
    for match, own in found:
        where = match.group(1).strip("'").replace("''", "'") if match.group(1) else own
        if (match.group(3) is None) != (match.group(5) is None):
            continue
        first, last = _letters(match.group(2)), _letters(match.group(4))
        top, bottom = (int(match.group(3)), int(match.group(5))) if match.group(3) else (1, 1048576)
        areas.append((where, min(top, bottom), min(first, last), max(top, bottom), max(first, last)))
    return areas


def _letters(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _in_ranges(
    text: str,
    sheet: str,
    code: str,
    explained: dict[str, list[tuple[int, int, str, str, str]]],
    names: dict[str, dict[str, str]] | None,
) -> tuple[str, str, str] | None:
    """(sheet, cell, reason) of the first cell, row by row, of a range ``text`` reads whose error ``code`` has a
    reason (``explained``: the error cells with one, by sheet, as (row, column, cell, reason, code)); None where
    there is none. A range the formula searches for its last error (``LOOKUP(2,1/ISERROR(Revenue_End),..)``, the
    Lifetime value's ARPA taking the last month's MRR at end in error) gives its last such cell: the first named an
    earlier month's error, not the one the formula gives (H469's finding 01)."""
    last = {area for found in _LAST_ERROR.findall(text) for area in _areas(found, sheet, names)}
    for area in _areas(text, sheet, names):
        where, top, left, bottom, right = area
        inside = [
            (row, column, ref, message)
            for row, column, ref, message, error in explained.get(where, ())
            if error == code and top <= row <= bottom and left <= column <= right
        ]
        if inside:
            _, _, ref, message = max(inside) if area in last else min(inside)
            return where, ref, message
    return None


#: the range (or name of one) a formula searches for its last error: ``LOOKUP(2,1/(ISERROR(Revenue_End)+..),..)``
_LAST_ERROR = re.compile(r"LOOKUP\(\s*2\s*,\s*1\s*/\s*\(?\s*ISERROR\(([^()]+)\)", re.IGNORECASE)
