"""Which cells the embedded engine could not compute faithfully, and why (read after :func:`.embedded.compute`'s
evaluation): an error of the engine's own, a function it lacks, a ``#NAME?`` of a formula whose names all exist,
``CELL("filename")`` and ``CELL("format")``. Their stored values are kept (:mod:`.kept`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.formulas import FORMULAE

from ..cells import CellError
from ..sheet_names import SHEET
from . import kept, trim_refs
from .add_in_functions import REWRITTEN, add_in_function, hidden_add_in_calls, zeros_stored
from .counted_expressions import counted_expressions
from .engine_functions import engine_knows, formula_functions
from .excel_functions.format_codes import foreign_format_cells
from .formula_syntax import written_wrong
from .formula_texts import words_pattern
from .grouped_calls import grouped_calls
from .hidden_rows import nested_totals
from .lambda_helpers import HELPERS, helper_reason
from .reference_arrays import REFERENCE_ARRAY_REASON, reference_arrays
from .rewrite_refusals import TOO_LONG, name_refusals, too_long
from .subtotal_aggregates import subtotal_aggregates
from .text_literals import LITERALS as _LITERALS
from .union_reasons import enclosing_call, union_reason

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

#: the names other modules read here, moved to the modules of their ideas (kept importable from this one)
__all__ = [
    "INTERNAL",
    "NAME_REASON",
    "REWRITTEN",
    "TOO_LONG",
    "Unsupported",
    "engine_knows",
    "find_unsupported",
    "name_refusals",
    "reason_of",
]

#: formualizer's own error kinds, which Excel does not have: the engine could not compute the cell.
INTERNAL = frozenset(("nimpl", "error", "#nimpl!", "#error!"))
_CELL_REASONS = {"filename": 'the embedded engine cannot know the file\'s path for CELL("filename")'}


def _cell_reason(what: str) -> str:
    """Why a CELL call of the information ``what`` (:func:`.kept.cell_info_cells`) is listed."""
    if what.startswith(kept.SELECTED):
        what = what.removeprefix(kept.SELECTED)
        return (
            f'CELL("{what}") without a reference answers for the cell selected in Excel when it calculated, which the '
            f'file does not record (give it a reference: CELL("{what}",A1))'
        )
    return _CELL_REASONS.get(what, f'the embedded engine cannot give CELL("{what}")')


@dataclass
class Unsupported:
    """A formula cell the engine could not compute faithfully: it keeps the value stored in the file."""

    sheet: str
    ref: str
    function: str  # the function or feature, e.g. "FORECAST.ETS", "LAMBDA"
    reason: str
    #: the cell keeps a value stored in the file (None when it held none)
    kept: bool = False
    #: the value stored in the file is known not to be current (it predates the inputs): not kept whatever it is
    stale: bool = False


_QUOTED = re.compile(r"'(?:[^']|'')+'")  # a quoted sheet name, which may hold spaces
_SHEET_SPAN = re.compile(
    r"(?:'(?:[^'!]|'')+:(?:[^'!]|'')+'|(?<![\w.'])[A-Za-z0-9_.]+:[A-Za-z0-9_.]+)!"
    r"(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)"
)  # Jan:Mar!B2, 'Jan 26:Mar 26'!B2:B9, Jan:Feb!B:B
_ONE_REF = r"(?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?"
#: a union of references, a bracketed list that is no function's arguments: SUM((A1:A2,C1))
_UNION = re.compile(r"(?<![\w.])\(\s*" + _ONE_REF + r"(?:\s*,\s*" + _ONE_REF + r")+\s*\)")
#: TEXT given a conditional section ("[>=1000]#,##0,""K"";0")
_CONDITIONAL_FORMAT = re.compile(r"\[(?:<=|>=|<>|[<>=])\s*-?[\d.]+\]")
_INTERSECTION = re.compile(r"[\w$)'\]]\s+[\w$('\[]")  # a space between two references


_REGRESSION = re.compile(r"(?i)(?<![\w.])(?:_XLFN\.)?(LINEST|LOGEST)\(")


def reason_of(formula: str, kind: str, defined: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(function, reason) when a cell's error means the engine lacks something Excel has; None for the user's errors.

    ``defined``: the names the cell can use (lower case) and what they stand for, so that a name holding what the
    engine cannot compute (``Q1 = Jan:Feb!$B$2``) is named in the reason.
    """
    names = formula_functions(formula)
    if kind in INTERNAL:
        missing = [n for n, _ in names if n == "LAMBDA" or not engine_knows(n)]
        if missing:
            return trim_refs.refusal(missing[0], formula) or (
                missing[0],
                f"the embedded engine cannot compute {missing[0]} here",
            )
        from .newer_errors import error_type_reason  # which builds this module's Unsupported

        newer = error_type_reason(formula)
        if newer is not None:
            return newer
        bare = _LITERALS.sub('""', formula)
        construct = _construct(bare)
        if construct is not None:
            return construct
        regression = _REGRESSION.search(bare)
        if regression is not None:  # collinear x values (.excel_functions.regression)
            name = regression.group(1).upper()
            return name, f"{name}'s x values are collinear: Excel drops columns by a rule the embedded engine lacks"
        if "TEXT(" in formula.upper():
            for literal in _LITERALS.findall(formula):
                found = _CONDITIONAL_FORMAT.search(literal)
                if found is not None:
                    return "TEXT", f"the embedded engine cannot apply TEXT's conditional format {found.group(0)}"
        for name, target in (defined or {}).items():
            used = re.search(r"(?i)(?<![\w.])" + re.escape(name) + r"(?![\w(])", bare)
            if used is not None:
                inner = _construct(target.removeprefix("="))
                if inner is not None:
                    return inner[0], f"the name {used.group(0)} stands for {target.removeprefix('=')}: {inner[1]}"
        from .fractional_periods import fractional_period  # noqa: PLC0415  (a refused formula's reason only)
        from .refused_cases import refused_case  # noqa: PLC0415

        depreciation = fractional_period(formula)
        if depreciation is not None:  # DDB(2400,300,10,1.5): listed by .excel_functions.typed (WHOLE_PERIOD)
            return depreciation
        refused = refused_case(formula)
        if refused is not None:  # YIELDMAT issued after settlement, REGEXEXTRACT(..,1): the case named
            return refused
        shown = formula if len(formula) <= 80 else formula[:77] + "..."
        return "formula", f"the embedded engine cannot compute this formula (={shown.removeprefix('=')})"
    if kind == "name":
        for name, new in names:
            if name in HELPERS:  # written out over a range (.lambda_helpers): what is left is said
                return name, helper_reason(name, formula)
            if (new or name in FORMULAE) and not engine_knows(name):
                return trim_refs.refusal(name, formula) or (name, f"unsupported function {name}")
            if name.startswith("_XLDUDF_"):  # an add-in's JavaScript custom function, as Excel saves it
                return name, f"an Office.js custom function ({name[8:]}) the embedded engine does not have"
        blanked = _LITERALS.sub('""', formula)
        passed = _FUNCTION_AS_VALUE.search(blanked)
        if passed is not None:  # GROUPBY(B1:B3,C1:C3,SUM): Excel 365 passes SUM itself (stored _xlfn.SUM, no bracket)
            # the call given it (INDEX(GROUPBY(..,SUM,..),1,2): GROUPBY, not the outermost INDEX)
            outer = enclosing_call(blanked, passed.start()) or next(
                (name for name, _ in names), passed.group(1).upper()
            )
            return (
                outer,
                f"{outer} is given the function {passed.group(1).upper()} as a value, which the embedded engine "
                "cannot compute",
            )
    return None


def _construct(bare: str) -> tuple[str, str] | None:
    """(construct, reason) for a reference form the engine cannot compute in ``bare`` (a formula, literals blanked)."""
    spans = _SHEET_SPAN.findall(bare)
    if spans:
        return "3-D reference", f"the embedded engine cannot compute the reference across sheets {spans[0]} here"
    union = _UNION.search(bare)
    if union is not None:
        return "union of references", union_reason(union.group(0), enclosing_call(bare, union.start()))
    if _INTERSECTION.search(_QUOTED.sub("S", bare)):
        return "intersection operator", "the embedded engine cannot intersect these ranges (a space between them)"
    return None


#: a function passed as a value (an eta-reduced LAMBDA): _xlfn.SUM or _xleta.SUM without a bracket after it
_FUNCTION_AS_VALUE = re.compile(r"(?i)(?<![\w.])_xl(?:fn|eta)\.([A-Z][A-Z0-9.]*)(?![\w.(])(?!\s*\()")
_EXTERNAL_NAME = re.compile(r"\[\d+\]!(?!\$?[A-Za-z]{1,3}\$?\d+\b)[A-Za-z_\\][\w.]*")
_EXTERNAL_BOOK = re.compile(r"\[\d+\]")
_LINKED_REASON = (
    "reads a linked workbook where the file holds no copy of its cells (whole columns, or links saved without "
    "their values): the embedded engine cannot read it"
)
_LINKED_INDIRECT_REASON = (
    "an INDIRECT in a workbook that links other workbooks, whose text the embedded engine cannot read there"
)
_EXTERNAL_REASON = (
    "a name of a linked workbook whose value the file does not hold as one cell (the embedded engine cannot read it)"
)


def _name_verdict(name: str, formula: str, span: tuple[int, int], lacking: dict[str, str]) -> tuple[str, str]:
    """(function, reason) of a cell reading the defined ``name`` (lower case, at ``span`` of the lower-cased
    ``formula``) whose formula the engine could not compute: the function its formula calls that the engine lacks,
    with the name as the formula writes it, or the name itself (one defined through itself)."""
    function = lacking.get(name.upper())
    if function is None:
        return name, "a name defined by a formula the embedded engine cannot compute"
    written = formula[span[0] : span[1]] if len(formula) == len(formula.lower()) else name
    return function, name_reason(written, function)


#: a cell reading a defined name whose formula calls a function the engine lacks (:mod:`.hidden_constructs`)
NAME_REASON = "reads the name {name}, defined by a formula calling {function}, which the embedded engine cannot compute"
#: ... calling itself: a recursive LAMBDA, which the rewrite cannot call in place (.lambda_calls.named_lambdas)
RECURSIVE_REASON = "the name {name} calls itself (a recursive LAMBDA), which the embedded engine cannot compute"


def name_reason(name: str, function: str) -> str:
    """Why a cell reading the name ``name`` (as the formula writes it), whose formula calls ``function`` (upper case),
    is not computed: a name calling itself is a recursive LAMBDA (H556's finding 05: "calling SURV" read as a
    function the engine lacks; names calling each other, IsEven and IsOdd, are computed by the engine).

    >>> name_reason("Surv", "SURV")
    'the name Surv calls itself (a recursive LAMBDA), which the embedded engine cannot compute'
    >>> name_reason("Wbk", "GET.WORKBOOK")
    'reads the name Wbk, defined by a formula calling GET.WORKBOOK, which the embedded engine cannot compute'
    """
    if function == name.upper():
        return RECURSIVE_REASON.format(name=name)
    return NAME_REASON.format(name=name, function=function)


def find_unsupported(
    result: Computed,
    formulas: dict[str, FormulaTexts],
    info: PackageInfo,
    defined: dict[str, dict[str, str]],
    workbook: fz.Workbook,
) -> list[Unsupported]:
    """The cells the engine could not compute: an error of its own, a function it lacks, a #NAME? of a formula
    whose names all exist (the engine's, not a typo), CELL("filename") (the path Excel saved the file at) and
    CELL's format information."""
    found = [
        Unsupported(sheet, ref, "CELL", _cell_reason(what)) for sheet, ref, what in kept.cell_info_cells(formulas, info)
    ]
    reference_names = {  # what each name a sheet's formulas may use stands for, for the reasons
        sheet: {**info.names.get("", {}), **defined.get("", {}), **info.names.get(sheet, {}), **defined.get(sheet, {})}
        for sheet in formulas
    }
    found += [
        Unsupported(sheet, ref, function, REFERENCE_ARRAY_REASON)
        for sheet, ref, function in reference_arrays(formulas, reference_names, info)
    ]
    listed = {(u.sheet, u.ref) for u in found}
    foreign = []
    for sheet, ref, function, reason in [
        *foreign_format_cells(formulas, workbook.get_value),  # TEXT(A1,"TT.MM.JJJJ")
        *_listed_numbervalues(formulas, workbook.get_value),  # NUMBERVALUE("€1.200,50",",","."), ("1.2.3")
        *nested_totals(formulas),  # AGGREGATE(12,3,B2:B9) over a SUBTOTAL cell
        *subtotal_aggregates(formulas, reference_names, info.tables),  # SUBTOTAL(9,B1:B5) over an AGGREGATE cell
    ]:
        if (sheet, ref) not in listed:
            found.append(Unsupported(sheet, ref, function, reason))
            if function == "TEXT":
                foreign.append(found[-1])
    if foreign:  # "15.03.2026" stored for a date now of April: no language's text for it (.foreign_dates)
        from .foreign_dates import stale_texts

        stale_texts(workbook, formulas, info, foreign)
    listed = {(u.sheet, u.ref) for u in found}
    names = {name for scope in defined.values() for name in scope}
    uses = words_pattern(sorted(names)) if names else None
    lacking: list[dict[str, str]] = []

    def lacking_names() -> dict[str, str]:  # made once, where a name is first met
        if not lacking:
            from .hidden_constructs import uncomputed_names

            lacking.append(
                uncomputed_names(defined, {str(f.get("name", "")).upper() for f in workbook.list_functions()})
            )
        return lacking[0]

    known = names | {n for scope in info.names.values() for n in scope} | {t.name.lower() for t in info.tables}
    # the error cells, in the values' order: one pass over every value (floats, nearly all of them, passed over first)
    errors = [
        (sheet, ref, value)
        for sheet, cells in result.values.items()
        for ref, value in cells.items()
        if type(value) is not float and isinstance(value, CellError)
    ]
    name_errors: dict[str, set[tuple[int, int]]] = {}
    for sheet, ref, value in errors:
        if type(value) is CellError and value.code == "#NAME?":
            name_errors.setdefault(sheet, set()).add(range_boundaries(ref)[1::-1])
    for sheet, ref, value in errors:
        kind = value.code.strip("#!?").lower() if value.code.upper() in ("#NIMPL!", "#ERROR!") else ""
        kind = kind or ("name" if value.code == "#NAME?" else "")
        r, c = range_boundaries(ref)[1::-1]
        if value.code == "#REF!" and (sheet, ref) not in listed:
            text = formulas[sheet][(r, c)]
            external = _EXTERNAL_NAME.search(text)
            if external is not None:  # a linked workbook's name whose value the file does not hold as one cell
                found.append(Unsupported(sheet, ref, external.group(0), _EXTERNAL_REASON))
                continue
            if _EXTERNAL_BOOK.search(_LITERALS.sub('""', text)) is not None:  # [1]Prices!$A:$B, no cached copy
                found.append(Unsupported(sheet, ref, "linked workbook", _LINKED_REASON))
                continue
            if info.linked and "INDIRECT(" in text.upper():  # the engine misreads INDIRECT's text in them
                found.append(Unsupported(sheet, ref, "INDIRECT", _LINKED_INDIRECT_REASON))
                continue
        if not kind:
            continue
        # =SUM(A1;A2): no Excel reads it (H556's 02)
        verdict = written_wrong(formulas[sheet][(r, c)], workbook.sheet_names)
        verdict = verdict or reason_of(formulas[sheet][(r, c)], kind, reference_names.get(sheet))
        if verdict is not None and verdict[0] == "formula" and kind in INTERNAL:  # the rewrite past its limits
            verdict = too_long(workbook, sheet, r, c, formulas[sheet][(r, c)]) or verdict
        if verdict is not None and verdict[0] == "formula" and kind in INTERNAL:  # XIRR over a date typed as text
            verdict = _dated_text(workbook, sheet, r, c, formulas[sheet][(r, c)]) or verdict
        if verdict is None and kind == "name" and uses is not None:
            used = uses.search(formulas[sheet][(r, c)].lower())
            if used is not None:  # a name whose formula calls a function the engine lacks (GET.WORKBOOK), or
                verdict = _name_verdict(used.group(0), formulas[sheet][(r, c)], used.span(), lacking_names())
                if verdict[0] == used.group(0):  # its formula calls none: GET_MRR(Rng), the UDF is the cause
                    cell = info.formulas.get(sheet, {}).get(ref)  # (H516's finding 02)
                    text = formulas[sheet][(r, c)]
                    verdict = add_in_function(text, cell, known, info.application, zeros_stored(info)) or verdict
        if verdict is None and kind == "name":  # every name exists: the engine's #NAME?, unless passed on
            verdict = kept.engine_name_error(formulas[sheet][(r, c)], known, engine_knows)
            if verdict is not None and kept.reads_name_error(workbook, sheet, ref, name_errors):
                verdict = None
        if verdict is None and kind == "name":  # GET_MRR(..), _xll.FX_RATE(..): an add-in's, unless Excel's #NAME?
            cell = info.formulas.get(sheet, {}).get(ref)
            verdict = add_in_function(formulas[sheet][(r, c)], cell, known, info.application, zeros_stored(info))
        if verdict is not None and (sheet, ref) not in listed:
            found.append(Unsupported(sheet, ref, *verdict))
    listed = {(u.sheet, u.ref) for u in found}
    found += [Unsupported(*u) for u in hidden_add_in_calls(formulas, info, known) if u[:2] not in listed]
    if len(info.sheet_titles) > len(workbook.sheet_names):  # chart sheets: SHEETS() counted the worksheets only
        listed = {(u.sheet, u.ref) for u in found}
        for sheet, texts in formulas.items():
            if _SHEET_CALL.search(texts.upper_text()) is None:
                continue
            for place, text in texts.master_texts():
                ref = texts.refs[place]
                if (sheet, ref) not in listed and _SHEET_CALL.search(text.upper()) is not None:
                    found.append(Unsupported(sheet, ref, "SHEET", _SHEET_REASON))
    listed = {(u.sheet, u.ref) for u in found}  # =ROWS(A1:A3*1) in a classic formula: Excel's count not settled
    found += [Unsupported(*item) for item in counted_expressions(formulas, info) if item[:2] not in listed]
    listed = {(u.sheet, u.ref) for u in found}  # GROUPBY(A2:A6,B2:B6,LAMBDA(x,NPS(x))): the engine's #VALUE!
    found += [Unsupported(*item) for item in grouped_calls(formulas) if item[:2] not in listed]
    return found


def _dated_text(workbook: fz.Workbook, sheet: str, row: int, column: int, formula: str) -> tuple[str, str] | None:
    """:func:`.dated_texts.dated_text_reason`, imported where the formula calls XNPV or XIRR (issue 14)."""
    if "XNPV(" not in formula.upper() and "XIRR(" not in formula.upper():
        return None
    from .dated_texts import dated_text_reason  # noqa: PLC0415

    return dated_text_reason(workbook, sheet, row, column, formula)


def _listed_numbervalues(
    formulas: dict[str, FormulaTexts], value_at: Callable[[str, int, int], Any]
) -> list[tuple[str, str, str, str]]:
    """:func:`.numbervalue_signs.listed_numbervalues`, imported where a sheet calls NUMBERVALUE (issue 14)."""
    if not any("NUMBERVALUE(" in texts.upper_text() for texts in formulas.values()):
        return []
    from .numbervalue_signs import listed_numbervalues  # noqa: PLC0415

    return list(listed_numbervalues(formulas, value_at))


#: SHEET( or SHEETS( called (upper-case text)
_SHEET_CALL = re.compile(r"(?<![\w.])(?:_XLFN\.)?SHEETS?\(")
_SHEET_REASON = (
    "SHEET and SHEETS count chart, macro and dialog sheets too (Microsoft's pages), which the embedded engine does not "
    "read"
)
