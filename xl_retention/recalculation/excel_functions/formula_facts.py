"""ISFORMULA and FORMULATEXT: facts of the file, not values, so they are typed into the formula before evaluation.

Microsoft's ISFORMULA: "Checks whether there is a reference to a cell that contains a formula, and returns TRUE or
FALSE"; FORMULATEXT: "Returns a formula as a string", #N/A when "the Reference argument is to a cell that does not
contain a formula". A function registered on the engine receives the referenced cell's value, never the cell, and
the engine's own ISFORMULA said FALSE and its FORMULATEXT printed its own parse (``=B1 * 2``, or our rewritten
form). :func:`formula_facts` therefore replaces ``ISFORMULA(J1)`` by TRUE or FALSE and ``FORMULATEXT(J1)`` by the
formula's text as Excel shows it (``"=B1*2"``: the stored text, without the file's ``_xlfn.`` prefixes) or
``NA()``, for a single cell typed in (another sheet's too). Any other use (a cell of an array formula for
FORMULATEXT, INDIRECT, a range) is left to the registered ISFORMULA and FORMULATEXT of this module, which refuse
it: the cell is reported as one the engine cannot compute, never given a wrong value.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from ..trim_refs import as_written
from ._core import FUNCTIONS, ExcelError, Function, engine_call
from .text import NOT_IMPLEMENTED

if TYPE_CHECKING:
    from ..formula_texts import FormulaTexts
    from ..package import PackageInfo

_CELL = re.compile(r"^(?:(?P<sheet>'(?:[^']|'')+'|[^'!:]+)!)?\$?(?P<cell>[A-Za-z]{1,3}\$?\d+)$")
#: a range of several cells, whole columns or whole rows (FORMULATEXT reads its upper-left cell)
_AREA = re.compile(
    r"^(?:(?P<sheet>'(?:[^']|'')+'|[^'!:]+)!)?(?P<area>\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+"
    r"|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)$"
)
_PREFIXES = re.compile(r"(?i)_xlfn\.|_xlws\.|_xlpm\.")
_NAMES = ("ISFORMULA", "FORMULATEXT")
_cache: dict[str, Any] = {}


def _texts(info: PackageInfo, sheet: str) -> FormulaTexts | None:
    from ..formula_texts import FormulaTexts  # noqa: PLC0415  (formula_texts imports this package)

    if _cache.get("info") is not info:
        _cache.clear()
        _cache["info"] = info
    if sheet not in _cache:
        cells = info.formulas.get(sheet)
        _cache[sheet] = None if cells is None else FormulaTexts(cells)
    return _cache[sheet]


#: a text typed in a formula or a quoted sheet name (left as they are: no storage prefix is in them)
_QUOTED = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'')


def _shown(text: str) -> str:
    """A stored formula as Excel shows it in the formula bar (Microsoft's FORMULATEXT: "returns what is displayed in
    the formula bar"): ``=`` and the text without the file's storage prefixes, its spaces and line breaks as typed
    (the tokenizer made each run of them one: ``=A1  +  B1`` was "=A1 + B1").

    >>> _shown('_xlfn.XLOOKUP(B1,  C1:C2,\\n\\n D1:D2)&"_xlfn.x"'), _shown("_xlfn.LET(_xlpm.x,1,_xlpm.x+1)")
    ('=XLOOKUP(B1,  C1:C2,\\n\\n D1:D2)&"_xlfn.x"', '=LET(x,1,x+1)')
    """
    if "_TRO_" in text.upper():  # a trim reference A1:.A20, stored _xlfn._TRO_TRAILING(A1:A20)
        text = as_written(text)
    out, end = [], 0
    for quoted in _QUOTED.finditer(text):
        out += [_PREFIXES.sub("", text[end : quoted.start()]), quoted.group()]
        end = quoted.end()
    return "=" + "".join(out) + _PREFIXES.sub("", text[end:])


def _fact(name: str, reference: str, sheet: str, info: PackageInfo, sheets: list[str]) -> str | None:
    """The typed value for ``name(reference)``, or None to leave the call (refused). FORMULATEXT of a range, whole
    columns or rows reads its upper-left cell (Microsoft's FORMULATEXT page: "a range or defined name containing more
    than one cell, FORMULATEXT returns the value in the upper left cell")."""
    match = _CELL.match(reference.strip())
    area = _AREA.match(reference.strip()) if match is None and name == "FORMULATEXT" else None
    if match is None and area is None:
        key = reference.strip().lower()  # a defined name of a reference (ISFORMULA: "a name that refers to a cell")
        target = info.names.get(sheet, {}).get(key) or info.names.get("", {}).get(key)
        return (
            None if target is None or target.strip() == reference.strip() else _fact(name, target, sheet, info, sheets)
        )
    target = (match or area)["sheet"] or sheet
    if target.startswith("'"):
        target = target[1:-1].replace("''", "'")
    by_lower = {s.lower(): s for s in [*info.formulas, *sheets]}
    if target.lower() not in by_lower:
        return None  # no such sheet: refused
    target = by_lower[target.lower()]
    col, row = range_boundaries((match["cell"] if match else area["area"]).replace("$", ""))[:2]
    col, row = col or 1, row or 1  # a whole row's first column, a whole column's first row
    cells = info.formulas.get(target, {})
    for cell in cells.values():  # a cell of an array formula or data table (not its first one)
        if cell.kind in ("array", "dataTable") and cell.ref and ":" in cell.ref:
            left, top, right, bottom = range_boundaries(cell.ref)
            if left <= col <= right and top <= row <= bottom:
                if name == "ISFORMULA":
                    return "TRUE"
                return None
    texts = _texts(info, target)
    if texts is None or (row, col) not in texts:
        return "FALSE" if name == "ISFORMULA" else "NA()"
    if name == "ISFORMULA":
        return "TRUE"
    return '"' + _shown(texts[(row, col)]).replace('"', '""') + '"'


def formula_facts(formula: str, sheet: str, info: PackageInfo, sheets: list[str] | None = None) -> str:
    """``formula`` with each ``ISFORMULA(cell)`` and ``FORMULATEXT(cell)`` of a single cell typed in replaced by its
    answer (see the module docstring); ``sheet`` holds the formula, ``info`` is the package scan, ``sheets`` every
    sheet's title (a sheet without formulas is not in ``info``).

    >>> from xl_retention.recalculation.package import FormulaCell, PackageInfo
    >>> info = PackageInfo({"S": {"J1": FormulaCell("normal", text="_xlfn.XLOOKUP(B1,C1:C2,D1:D2)")}}, [])
    >>> formula_facts("=ISFORMULA(J1)+ISFORMULA(B1)", "S", info)
    '=TRUE+FALSE'
    >>> formula_facts("=FORMULATEXT(S!$J$1)&FORMULATEXT(B1)", "S", info)
    '="=XLOOKUP(B1,C1:C2,D1:D2)"&NA()'
    >>> formula_facts("=IF( ISFORMULA(\\n J1 ), 1, 2 )", "S", info)
    '=IF( TRUE, 1, 2 )'
    """
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # not a formula the tokenizer understands: the registered functions refuse
        return formula
    changed = False
    solid = [k for k, token in enumerate(tokens) if token.type != Token.WSPACE]  # ISFORMULA( J1 ) as ISFORMULA(J1)
    for n, i in enumerate(solid[:-2]):
        token = tokens[i]
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _PREFIXES.sub("", token.value[:-1]).upper()
        inner, close = tokens[solid[n + 1]], tokens[solid[n + 2]]
        if name not in _NAMES or inner.type != Token.OPERAND or inner.subtype != Token.RANGE:
            continue
        if close.type != Token.FUNC or close.subtype != Token.CLOSE:
            continue
        fact = _fact(name, inner.value, sheet, info, sheets or [])
        if fact is not None:
            for k in range(i, solid[n + 2] + 1):
                tokens[k].value = ""
            inner.value, changed = fact, True
    return "=" + "".join(t.value for t in tokens) if changed else formula


def _refused(*_: Any) -> Any:
    raise ExcelError(NOT_IMPLEMENTED)  # a registered function cannot see which cell it was given


for _name in _NAMES:
    FUNCTIONS[_name] = Function(_name, engine_call(_refused), 1, 1)
