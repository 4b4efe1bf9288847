"""Which cells the embedded engine could not compute faithfully, and why (read after :func:`.embedded.compute`'s
evaluation): an error of the engine's own, a function it lacks, a ``#NAME?`` of a formula whose names all exist,
``CELL("filename")`` and ``CELL("format")``. Their stored values are kept (:mod:`.kept`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import formualizer as fz
from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.utils.formulas import FORMULAE

from ..cells import CellError
from ..registry import BY_NAME
from ..sheet_names import SHEET, written
from . import kept, trim_refs
from .array_lifting import may_be_array
from .counted_expressions import counted_expressions
from .excel_functions import FUNCTIONS as EXCEL_FUNCTIONS
from .excel_functions.criteria_runtime import OUTSIDE_CRITERION
from .excel_functions.format_codes import foreign_format_cells
from .formula_texts import FormulaTexts, words_pattern
from .formula_tokens import _bare_name, argument_spans
from .fractional_periods import fractional_period
from .hidden_rows import nested_totals
from .intersection import _ARRAY_ARGUMENTS, _in_array_argument
from .lambda_helpers import HELPER_REASON, HELPERS
from .package import PackageInfo
from .package_facts import officejs_name
from .refused_criteria import refused_criterion_reason
from .subtotal_rows import row_by_row

if TYPE_CHECKING:
    from .embedded import Computed

#: formualizer's own error kinds, which Excel does not have: the engine could not compute the cell.
INTERNAL = frozenset(("nimpl", "error", "#nimpl!", "#error!"))
_LITERALS = re.compile(r'"(?:[^"]|"")*"')
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


_KNOWN: dict[str, bool] = {}
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


def engine_knows(name: str) -> bool:
    """Whether formualizer (or the registry, or this package's Excel functions put in every workbook it computes:
    WRAPROWS, REGEXTEST, ...) has the function ``name``."""
    if name in BY_NAME or name in EXCEL_FUNCTIONS:
        return True
    if name not in _KNOWN:
        probe = fz.Workbook()
        probe.sheet("P").set_formula(1, 1, f"={name}()")
        probe.evaluate_all()
        value = probe.get_value("P", 1, 1)
        _KNOWN[name] = not (isinstance(value, dict) and str(value.get("kind", "")).lower() == "name")
    return _KNOWN[name]


def _functions(formula: str) -> list[tuple[str, bool]]:
    """The functions a formula calls: (name without Excel's storage prefixes, whether stored with ``_xlfn.``)."""
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else "=" + formula).items
    except Exception:
        return []
    names = []
    for token in tokens:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper()
            for prefix in ("_XLFN._XLWS.", "_XLFN.", "_XLWS."):
                name = name.removeprefix(prefix)
            names.append((name, token.value.upper().startswith("_XLFN.")))
    return names


_REGRESSION = re.compile(r"(?i)(?<![\w.])(?:_XLFN\.)?(LINEST|LOGEST)\(")


def reason_of(formula: str, kind: str, defined: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(function, reason) when a cell's error means the engine lacks something Excel has; None for the user's errors.

    ``defined``: the names the cell can use (lower case) and what they stand for, so that a name holding what the
    engine cannot compute (``Q1 = Jan:Feb!$B$2``) is named in the reason.
    """
    names = _functions(formula)
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
        depreciation = fractional_period(formula)
        if depreciation is not None:  # DDB(2400,300,10,1.5): listed by .excel_functions.typed (WHOLE_PERIOD)
            return depreciation
        shown = formula if len(formula) <= 80 else formula[:77] + "..."
        return "formula", f"the embedded engine cannot compute this formula (={shown.removeprefix('=')})"
    if kind == "name":
        for name, new in names:
            if name in HELPERS:  # written out over a range (.lambda_helpers): what is left is said
                return name, HELPER_REASON.format(name=name)
            if (new or name in FORMULAE) and not engine_knows(name):
                return trim_refs.refusal(name, formula) or (name, f"unsupported function {name}")
            if name.startswith("_XLDUDF_"):  # an add-in's JavaScript custom function, as Excel saves it
                return name, f"an Office.js custom function ({name[8:]}) the embedded engine does not have"
        passed = _FUNCTION_AS_VALUE.search(_LITERALS.sub('""', formula))
        if passed is not None:  # GROUPBY(B1:B3,C1:C3,SUM): Excel 365 passes SUM itself (stored _xlfn.SUM, no bracket)
            outer = next((name for name, _ in names), passed.group(1).upper())
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
        return "union of references", f"the embedded engine cannot compute the union of references {union.group(0)}"
    if _INTERSECTION.search(_QUOTED.sub("S", bare)):
        return "intersection operator", "the embedded engine cannot intersect these ranges (a space between them)"
    return None


#: a function that reads references given an array of them: OFFSET or INDIRECT whose row, column or text argument
#: is an array (ROW(A2:A7)-ROW(A2), {1,3,5}, "A"&ROW(...)) makes one reference per element, which the engine does
#: not; SUBTOTAL, N, COUNTIF and the like over it gave one value for all (the visible-rows idiom: 1 for 4, silently)
_REFERENCE_READERS = r"(?:SUBTOTAL|AGGREGATE|N|T|COUNTIFS?|SUMIFS?|AVERAGEIFS?|COUNTBLANK|ISBLANK)"
_REFERENCE_ARRAY = re.compile(
    r"(?i)(?<![\w.])(" + _REFERENCE_READERS + r")\((?:[^()]|\([^()]*\))*?(?<![\w.])(?:OFFSET|INDIRECT)\("
    r"(?:[^()]|\((?:[^()]|\([^()]*\))*\))*?(?:(?<![\w.])(?:ROW|COLUMN)\([^()]*:|\{)"
)
_REFERENCE_ARRAY_REASON = (
    "an OFFSET or INDIRECT given an array of rows or texts (one reference per element), which the embedded engine "
    "cannot read reference by reference"
)


def _reference_arrays(
    formulas: dict[str, FormulaTexts], names: dict[str, dict[str, str]], info: PackageInfo
) -> Iterator[tuple[str, str, str]]:
    """(sheet, ref, function) of the formula cells reading an array of references (see _REFERENCE_ARRAY and
    :func:`_offset_of_array`; ``names``: each sheet's names, lower case, and what they stand for)."""
    for sheet, texts in formulas.items():
        joined = texts.upper_text()
        if "OFFSET(" not in joined and "INDIRECT(" not in joined:  # one test per sheet: most have neither
            continue
        for place, text in texts.master_texts():
            upper = text.upper()
            if "OFFSET(" not in upper and "INDIRECT(" not in upper:
                continue
            rows = row_by_row(text)  # not one written out
            function = None
            if "ROW(" in upper or "COLUMN(" in upper or "{" in text:
                match = _REFERENCE_ARRAY.search(_LITERALS.sub('""', rows))
                function = None if match is None else match.group(1).upper()
            if function is None and "OFFSET(" in rows.upper():
                cell = info.formulas.get(sheet, {}).get(texts.refs[place])
                array = cell is not None and cell.kind == "array"  # {=SUM(OFFSET(B1,B1:B4-1,0))}: one SUM each
                if array or _READER_CALL.search(rows) is not None:
                    function = _offset_of_array(rows, names.get(sheet, {}), array)
            if function is not None:
                yield sheet, texts.refs[place], function


_READER_CALL = re.compile(
    r"(?i)(?<![\w.])(?:_xlfn\.)?(?:" + _REFERENCE_READERS + "|" + "|".join(map(re.escape, _ARRAY_ARGUMENTS)) + r")\("
)
#: the functions of _REFERENCE_READERS
_READERS = frozenset(
    "SUBTOTAL AGGREGATE N T COUNTIF COUNTIFS SUMIF SUMIFS AVERAGEIF AVERAGEIFS COUNTBLANK ISBLANK".split()
)


def _offset_of_array(text: str, names: dict[str, str], array: bool = False) -> str | None:
    """The function reading an OFFSET whose rows, columns, height or width may be an array (offsets computed from
    cells): the reading function around it (``SUBTOTAL(9,OFFSET(B1,B1:B4-1,0))``: SUBTOTAL, N, COUNTIF, ...), or
    OFFSET itself in an argument Excel takes as an array (``SUMPRODUCT(SUM(OFFSET(B1,B1:B4-1,0)))``: one SUM per
    reference, #VALUE! in the engine) or in an array formula (``array``); None when there is none (elsewhere a
    classic formula intersects the range)."""
    try:
        tokens = Tokenizer(text if text.startswith("=") else "=" + text).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine decides)
        return None
    if "_XLPM." in text.upper():  # LET(n,COUNTA(B:B),COUNTIF(OFFSET(B1,0,0,n),">1")): n is one value
        names = _let_values(tokens, names)
    readers: list[str | None] = []  # the reading function each open call is inside, innermost last
    stack: list[list] = []  # each open call's name and the position of its argument the token is in
    for k, token in enumerate(tokens):
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            name = _bare_name(token.value[:-1]) if token.type == Token.FUNC else ""
            outer = readers[-1] if readers else None
            if name == "OFFSET" and (outer is not None or array or _in_array_argument(stack)):
                spans, _ = argument_spans(tokens, k)
                if any(may_be_array(tokens, a, b, names) for a, b in spans[1:]):
                    return outer or "OFFSET"
            readers.append(name if name in _READERS else outer)
            stack.append([name if name not in ("LET", "LAMBDA") else "", 0])  # their values: as they are
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY) and readers:
            readers.pop()
            stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
    return None


def _let_values(tokens: list[Token], names: dict[str, str]) -> dict[str, str]:
    """``names`` with each LET variable bound to an expression that cannot be an array named as one cell (the
    others, and LAMBDA's parameters, stay unknown: they may be arrays)."""
    names = dict(names)
    for k, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN and _bare_name(token.value[:-1]) == "LET":
            spans, _ = argument_spans(tokens, k)
            for (a, b), value in zip(spans[:-1:2], spans[1::2], strict=False):
                bound = [t for t in tokens[a:b] if t.type != Token.WSPACE]
                if len(bound) == 1 and not may_be_array(tokens, *value, names):
                    names[bound[0].value.lower()] = "$A$1"
    return names


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


#: Excel's functions the rewrites compute (``@`` stored as _xlfn.SINGLE, the LAMBDA helpers over ranges): never an
#: add-in's; one a rewrite leaves is listed on the rewritten formula (:mod:`.hidden_constructs`, :func:`reason_of`)
REWRITTEN = HELPERS | {"SINGLE"}


def _add_in_function(formula: str, cell: object, known: set[str]) -> tuple[str, str] | None:
    """(function, reason) when ``formula`` calls a function Excel does not have (an add-in's, a VBA macro's, an xlwings
    UDF: ``GET_MRR(..)``, ``_xll.FX_RATE(..)``) and the file stores a value other than ``#NAME?`` for the cell: Excel
    computed it with the add-in loaded; or the file stores no value at all (a workbook a script wrote): what it is
    cannot be known there (Excel with the add-in gives a number, without it ``#NAME?``), so it is no ``#NAME?`` with
    status ok. None where Excel stored ``#NAME?`` itself (a typo, ``SUMM``: Excel did not have it either)."""
    stored = getattr(cell, "cached", None)
    if type(stored) is CellError and stored.code == "#NAME?":
        return None  # Excel did not have it either: a typo's #NAME?, as Excel shows it
    for name, excels in _functions(formula):
        if name in FORMULAE or name in BY_NAME or name.lower() in known or name == "LAMBDA" or "_XLPM." in name:
            continue
        if engine_knows(name) or name in REWRITTEN or excels and stored is None:  # _xlfn.BYROW: Excel's own
            continue
        shown = name.removeprefix("_XLL.")
        return shown, (_NO_VALUE_REASON if stored is None else _ADD_IN_REASON).format(shown)
    return None


_ADD_IN_REASON = (
    "{} is not an Excel function: an add-in's, a macro's or a UDF's, which the embedded engine does not have"
)
_NO_VALUE_REASON = (
    "{} is not an Excel function: an add-in's, a macro's or a UDF's (or a misspelling), which Excel computes only "
    "where it is loaded; the file holds no value of it and the embedded engine does not have it"
)


def _name_verdict(name: str, formula: str, span: tuple[int, int], lacking: dict[str, str]) -> tuple[str, str]:
    """(function, reason) of a cell reading the defined ``name`` (lower case, at ``span`` of the lower-cased
    ``formula``) whose formula the engine could not compute: the function its formula calls that the engine lacks,
    with the name as the formula writes it, or the name itself (one defined through itself)."""
    function = lacking.get(name.upper())
    if function is None:
        return name, "a name defined by a formula the embedded engine cannot compute"
    written = formula[span[0] : span[1]] if len(formula) == len(formula.lower()) else name
    return function, NAME_REASON.format(name=written, function=function)


#: a cell reading a defined name whose formula calls a function the engine lacks (:mod:`.hidden_constructs`)
NAME_REASON = "reads the name {name}, defined by a formula calling {function}, which the embedded engine cannot compute"


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
        Unsupported(sheet, ref, function, _REFERENCE_ARRAY_REASON)
        for sheet, ref, function in _reference_arrays(formulas, reference_names, info)
    ]
    listed = {(u.sheet, u.ref) for u in found}
    foreign = []
    for sheet, ref, function, reason in [
        *foreign_format_cells(formulas, workbook.get_value),  # TEXT(A1,"TT.MM.JJJJ")
        *nested_totals(formulas),  # AGGREGATE(12,3,B2:B9) over a SUBTOTAL cell
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
    name_errors: dict[str, set[tuple[int, int]]] = {}
    for sheet, cells in result.values.items():
        for ref, value in cells.items():
            if type(value) is CellError and value.code == "#NAME?":
                name_errors.setdefault(sheet, set()).add(range_boundaries(ref)[1::-1])
    for sheet, cells in result.values.items():
        for ref, value in cells.items():
            if not isinstance(value, CellError):
                continue
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
            verdict = reason_of(formulas[sheet][(r, c)], kind, reference_names.get(sheet))
            if verdict is not None and verdict[0] == "formula" and kind in INTERNAL:  # the rewrite past its limits
                verdict = _too_long(workbook, sheet, r, c, formulas[sheet][(r, c)]) or verdict
            if verdict is None and kind == "name" and uses is not None:
                used = uses.search(formulas[sheet][(r, c)].lower())
                if used is not None:  # a name whose formula calls a function the engine lacks (GET.WORKBOOK), or
                    verdict = _name_verdict(used.group(0), formulas[sheet][(r, c)], used.span(), lacking_names())
            if verdict is None and kind == "name":  # every name exists: the engine's #NAME?, unless passed on
                verdict = kept.engine_name_error(formulas[sheet][(r, c)], known, engine_knows)
                if verdict is not None and kept.reads_name_error(workbook, sheet, ref, name_errors):
                    verdict = None
            if verdict is None and kind == "name":  # GET_MRR(..), _xll.FX_RATE(..): an add-in's, unless Excel's #NAME?
                verdict = _add_in_function(formulas[sheet][(r, c)], info.formulas.get(sheet, {}).get(ref), known)
            if verdict is not None and (sheet, ref) not in listed:
                found.append(Unsupported(sheet, ref, *verdict))
    listed = {(u.sheet, u.ref) for u in found}
    found += [u for u in _hidden_add_in_calls(formulas, info, known) if (u.sheet, u.ref) not in listed]
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
    return found


#: the engine's refusal of a formula longer than it reads: "Formula token limit exceeded (max 16384)"
_LIMIT = re.compile(r"Formula (source byte|token) limit exceeded \(max (\d+)\)")
#: the reason of a formula whose rewrite for the engine is longer than it reads (:func:`_too_long`)
TOO_LONG = (
    "written out in the forms the embedded engine computes (each name put in, arrays and lookups spelled out), this "
    "formula is longer than the engine reads ({what} limit of {limit} exceeded), so it is not computed; split it over "
    "several cells (={formula})"
)


def _too_long(workbook: fz.Workbook, sheet: str, row: int, column: int, formula: str) -> tuple[str, str] | None:
    """("formula", :data:`TOO_LONG`) where the engine refused the formula it was given at ``sheet``'s ``row``,
    ``column`` as longer than it reads (``#ERROR!: Malformed formula: ... Formula token limit exceeded (max 16384)``:
    a named dynamic range written in 10 times over gave 16,385 tokens, and the cell was listed as asking SEQUENCE
    for fewer than one row); None otherwise."""
    try:
        held = workbook.get_formula(sheet, row, column) or ""
    except Exception:  # noqa: BLE001  (a cell the engine cannot give: the general reason stays)
        return None
    found = _LIMIT.search(held) if "#ERROR!" in held[:20] else None
    if found is None:
        return None
    what = "its byte" if found.group(1) == "source byte" else "its token"
    shown = formula if len(formula) <= 60 else formula[:57] + "..."
    return "formula", TOO_LONG.format(what=what, limit=f"{int(found.group(2)):,}", formula=shown.removeprefix("="))


#: SHEET( or SHEETS( called (upper-case text)
_SHEET_CALL = re.compile(r"(?<![\w.])(?:_XLFN\.)?SHEETS?\(")
_SHEET_REASON = (
    "SHEET and SHEETS count chart, macro and dialog sheets too (Microsoft's pages), which the embedded engine does not "
    "read"
)


#: a call of a function by name (the prefilter of :func:`_hidden_add_in_calls`; upper-case text)


def _hidden_add_in_calls(formulas: dict[str, FormulaTexts], info: PackageInfo, known: set[str]) -> list[Unsupported]:
    """The cells calling an add-in's, a macro's or a UDF's function (:func:`_add_in_function`) whose own value is no
    #NAME?: the engine's #NAME? hidden by IFERROR(MyRate(A1),0), ISERROR(..), COUNT(..), where Excel computed the
    function (the file stores its value) or a script wrote the file (no value stored: what Excel gives depends on the
    add-in being loaded); they were 0, TRUE, ... with status ok, and Excel's stored value lost. Our
    own functions saved as Office.js calls (``_xldudf_CRR``) are ours (:func:`.package_facts.officejs_name`)."""
    found = []
    for sheet, texts in formulas.items():
        called = texts.called()
        unknown = {
            n
            for n in called
            if not (n in FORMULAE or n in BY_NAME or n.lower() in known or n == "LAMBDA" or "_XLPM." in n)
            and not (n.startswith("_XLDUDF_") and officejs_name(n.removeprefix("_XLDUDF_")) is not None)
            and not engine_knows(n)
            and n not in REWRITTEN
        }
        if not unknown:
            continue
        stored = info.formulas.get(sheet, {})
        for place, text in texts.master_texts():
            ref = texts.refs[place]
            cached = getattr(stored.get(ref), "cached", None)
            if type(cached) is CellError and cached.code == "#NAME?":
                continue  # Excel's own #NAME? of a typo: as the engine computes it
            name = next((n for n, excels in _functions(text) if n in unknown and not (excels and cached is None)), None)
            if name is not None:  # IFERROR(GET_MRR(A1),0) with no value stored: 0 only where the add-in is missing
                shown = name.removeprefix("_XLL.")
                reason = _NO_VALUE_REASON if cached is None else _ADD_IN_REASON
                found.append(Unsupported(sheet, ref, shown, reason.format(shown)))
    return found


#: the rewrites' own refusals (a call put in a formula's place, or in one of its branches), as reasons
_REFUSALS = (
    (
        "_XLR.UNPADDED(",
        "array arithmetic",
        "Excel pads an array to a whole column's 1,048,576 rows here (#N/A below the shorter one), which the "
        "embedded engine does not",
    ),
    (
        "_XLR.CHOSENARRAYS(",
        "CHOOSECOLS",
        "CHOOSECOLS or CHOOSEROWS is given an array of column (row) numbers here ({1,3}, a range of numbers); "
        "Microsoft's pages do not say what Excel returns for one, so the embedded engine does not compute it",
    ),
    (
        "_XLR.NOSEQUENCE(",
        "SEQUENCE",
        "SEQUENCE is asked for fewer than one row or column here (0, a blank cell, a negative number); Microsoft's "
        "SEQUENCE page does not say what Excel returns then, so the embedded engine does not compute it",
    ),
    (
        "_XLR.TAKEMORE(",
        "TAKE",
        "TAKE is given more rows or columns than its array has here; Microsoft's TAKE page does not say what Excel "
        "returns then (its errors are #CALC! for 0 and #NUM! for an array too large), so the embedded engine does not "
        "compute it",
    ),
    (
        "_XLR.MANYREFS(",
        "INDIRECT",
        "INDIRECT is given an array of texts here (one reference per element in Excel, as in a SUMIF over several "
        "sheets), which the embedded engine does not compute",
    ),
    (
        "_XLR.LONGREFUSED(",
        "criteria",
        "Excel compares a criterion here at 15 significant digits (a 16-digit id, a number with a fraction) in a "
        'form the embedded engine cannot compare that way (a "<>" criterion in AVERAGEIF(S), MAXIFS or MINIFS, two '
        "such criteria in one call, one beside a typed number's)",
    ),
    (
        "_XLR.ERRORCRITERION(",
        "criteria",
        "a criterion here is an error value (a cell or expression giving #N/A, or one typed in); whether Excel then "
        "counts the cells holding that error is not documented, so the embedded engine does not compute it",
    ),
    (
        "_XLR.FORMATTEDREFUSED(",
        "criteria",
        'a criterion here is a number written with %, $ or thousands separators ("10%": 0.1) and its range holds such '
        'text ("10%" as text); whether Excel matches that text is not documented, so the embedded engine does not '
        "compute it",
    ),
    (
        "_XLR.NUMBERTEXTREFUSED(",
        "criteria",
        "a criterion here is a number (0.1) and its range holds the same number as text written with %, $ or "
        'thousands separators ("10%"); whether Excel matches that text is not documented, so the embedded engine does '
        "not compute it",
    ),
)


_OUTSIDE = re.compile(re.escape(OUTSIDE_CRITERION) + r"\(([^()]*)\)")
_OUTSIDE_REASON = (
    "the criterion {range} is several cells where one value is taken: in a classic (non-array) formula Excel takes "
    "the one in the formula's own row or column, and {cell} is in neither, so the criterion is #VALUE!; whether Excel "
    "then counts the cells holding #VALUE! is not documented, so the embedded engine does not compute it (entered as "
    "an array formula, or in SUMPRODUCT, each of its cells is a criterion)"
)


def name_refusals(unsupported: list[Unsupported], rewritten: list[tuple[str, int, int, str]]) -> None:
    """Give a cell listed with the general reason ("cannot compute this formula") the reason its rewrite refused it
    for (:data:`_REFUSALS`), where the rewrite put one of those calls in."""
    general = {
        (u.sheet, u.ref): u
        for u in unsupported
        if u.function == "formula" and "longer than the engine reads" not in u.reason
    }
    if not general:
        return
    for sheet, r, c, new in rewritten:
        item = general.get((sheet, f"{get_column_letter(c)}{r}"))
        if item is None:
            continue
        outside = _OUTSIDE.search(new)
        if outside is not None:  # its criterion is an error value too: this reason alone says why
            item.function = "criteria"
            item.reason = _OUTSIDE_REASON.format(range=outside.group(1), cell=f"{written(item.sheet)}!{item.ref}")
            continue
        found = [
            (function, refused_criterion_reason(new, call) or reason)
            for call, function, reason in _REFUSALS
            if call in new
        ]
        if found:  # several a rewrite may have put in (branches): which one refused is not told apart
            item.function, item.reason = found[0][0], "; or ".join(dict.fromkeys(reason for _, reason in found))
