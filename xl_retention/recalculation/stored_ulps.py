"""Excel's stored number kept where the engine's differs from it in the last binary digits only.

pycel's npv.xlsx, saved by Excel 16 and recalculated with its inputs unchanged: ``A7 =NPV(G7,H7:L7)`` is
41922.06155493237 in the file and 41922.06155493236 from the engine, one ulp lower (no order of summing the
discounted terms gives Excel's last digit in every row), and ``D7 =C7-A7`` (41922.06 - A7) cancels seven digits, so
D7 was -0.0015549323652521707 where Excel stored -0.0015549323725281283 (4.7e-9 relative) in a file reported ``ok``
(H383's finding 01). Where a formula cell's number is within :data:`ULPS` units in the last place of the number the
file stores there (saved by Excel with its values current), Excel's number is as right and is Excel's own: it is
kept, set in the engine in the cell's place, and the workbook evaluated again so that the cells reading it compute
from it (D7 then is Excel's -0.0015549323725281283 exactly). Rare: in the common case no cell is near but unequal,
and nothing is evaluated again.

Only a formula whose number the engine cannot reproduce bit for bit is so kept: one calling a function of
:data:`INEXACT` (evaluated through pow, exp, log, trigonometric series or iterations: NPV, PV, RATE, POWER, EXP, LN,
SIN, the distributions, LINEST...) or using the ``^`` operator. Plain arithmetic (``+ - * /`` on cells and numbers)
and exact functions (SUM, MIN, MAX, ABS, IF, ROUND, INDEX...) are IEEE-exact in both Excel and the engine: a
number a few ulps from the stored one there means an input changed since Excel saved the file (a program that keeps
the cached values, POI or an XML edit, changed A1 from 1e-10 to 3e-10 under ``B1 =1000000+A1``, an effect under
4 ulps of B1), and it is computed, not pinned to the stale stored number (H388's finding 1). Values alone cannot tell
float noise from a tiny input change; the formula can.

The regressions LINEST, LOGEST, TREND and GROWTH (:data:`REGRESSION`) are allowed :data:`REGRESSION_ULPS` (256)
units in the last place instead: Excel solves them by a QR decomposition it does not publish, the engine otherwise,
and the two differ by more than a few ulps though both are right to 15 digits. pycel's stats.xlsx, saved by Excel
and recalculated with its inputs unchanged (H434's finding 03), had 74 cells of its LINEST and TREND arrays off
Excel's by 1 to 48 ulps (``Stats!E3 {=TREND(J3:N3,J4:N4,E2:F2)}`` Excel -0.93289473684210633, the engine
-0.93289473684210455, 16 ulps; Stats!H3 and R16 48, Stats!P13 45, Stats!Q19 495.2353929214176 48), and with them
``Stats!O24 =M24*M22+N24*N22+O22`` over a LINEST array: 256 is over five times the largest (64, the next power of
two, would leave a margin of a third; the distance grows with how ill-conditioned the data is). FORECAST, SLOPE and
INTERCEPT gave Excel's numbers exactly there and keep :data:`ULPS`. An array formula (Ctrl+Shift+Enter, or a
dynamic array whose result has its stored range's size) is kept whole or not at all: every cell of its range within
its tolerance of the value stored there (its other values equal), one at least unequal; its formula in the engine
is then the array constant of Excel's values. The trade-off: a value changed after Excel saved the file that moves
every cell of a regression's result by less than 256 ulps (at most 5.7e-14 relative) leaves Excel's earlier
numbers in place, and the cells reading them compute from them; a change moving any cell of it more is computed
(J3 typed over from 1 to 1.000001 under ``{=LINEST(J3:N3,J4:N4)}`` moves its slope by some 10^9 ulps).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from .engine_results import cell_address, cell_value, cells_of, classic_members
from .formula_texts import position
from .package import stored_values

if TYPE_CHECKING:
    from .engine_results import Computed
    from .package import PackageInfo

__all__ = [
    "INEXACT",
    "REGRESSION",
    "REGRESSION_ULPS",
    "ULPS",
    "inexact",
    "near_arrays",
    "near_stored",
    "pin_stored",
    "tolerance",
]

#: the most units in the last place (:func:`math.ulp` of the larger) a computed number may be from the stored one
ULPS = 4
#: the regressions whose numbers Excel computes by an algorithm it does not publish (a QR decomposition)
REGRESSION = frozenset(("LINEST", "LOGEST", "TREND", "GROWTH"))
#: their tolerance in units in the last place: pycel's Excel-saved stats.xlsx had them up to 48 off (module docstring)
REGRESSION_ULPS = 256
#: the most rounds of pinning (a cell reading a pinned one may come within ulps of its stored number in turn)
_ROUNDS = 3
#: the most cells of an array formula kept whole (its values read from the package, its constant given the engine)
_MOST_CELLS = 10_000

#: the functions (without ``_xlfn.``) whose number the engine may give a few ulps from Excel's: evaluated through
#: pow, exp, log or trigonometric series, iterations or an algorithm (the order of a sum of products) Excel does
#: not publish. In pycel's, koala's and xlcalculator's Excel-saved workbooks NPV, PV, DB, POWER, SIN, LINEST and
#: TIMEVALUE were found a few ulps off (bench/bench_conformance.py's corpus); the others are of the same kinds.
INEXACT = frozenset(
    # financial
    "ACCRINT ACCRINTM AMORDEGRC AMORLINC COUPDAYS COUPDAYSNC CUMIPMT CUMPRINC DB DDB DISC DOLLARDE DOLLARFR "
    "DURATION EFFECT FV FVSCHEDULE INTRATE IPMT IRR ISPMT MDURATION MIRR NOMINAL NPER NPV ODDFPRICE ODDFYIELD "
    "ODDLPRICE ODDLYIELD PDURATION PMT PPMT PRICE PRICEDISC PRICEMAT PV RATE RECEIVED RRI SYD TBILLEQ "
    "TBILLPRICE TBILLYIELD VDB XIRR XNPV YIELD YIELDDISC YIELDMAT "
    # powers, logarithms, trigonometry, special functions
    "POWER EXP LN LOG LOG10 SQRTPI DEGREES RADIANS SIN COS TAN COT SEC CSC ASIN ACOS ATAN ATAN2 ACOT SINH COSH "
    "TANH COTH SECH CSCH ASINH ACOSH ATANH ACOTH FACT FACTDOUBLE COMBIN COMBINA PERMUT PERMUTATIONA MULTINOMIAL "
    "GAMMA GAMMALN GAMMALN.PRECISE ERF ERF.PRECISE ERFC ERFC.PRECISE BESSELI BESSELJ BESSELK BESSELY SERIESSUM "
    "MDETERM MINVERSE CONVERT "
    # means, spreads, regressions
    "GEOMEAN HARMEAN AVEDEV DEVSQ STDEV STDEV.P STDEV.S STDEVA STDEVP STDEVPA VAR VAR.P VAR.S VARA VARP VARPA "
    "SKEW SKEW.P KURT STANDARDIZE FISHER FISHERINV CORREL PEARSON RSQ COVAR COVARIANCE.P COVARIANCE.S SLOPE "
    "INTERCEPT STEYX FORECAST FORECAST.LINEAR TREND GROWTH LINEST LOGEST PERCENTILE PERCENTILE.INC "
    "PERCENTILE.EXC QUARTILE QUARTILE.INC QUARTILE.EXC PERCENTRANK PERCENTRANK.INC PERCENTRANK.EXC "
    # distributions and tests
    "BETADIST BETA.DIST BETAINV BETA.INV BINOMDIST BINOM.DIST BINOM.DIST.RANGE BINOM.INV CRITBINOM CHIDIST "
    "CHIINV CHITEST CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST CONFIDENCE CONFIDENCE.NORM "
    "CONFIDENCE.T EXPONDIST EXPON.DIST FDIST F.DIST F.DIST.RT FINV F.INV F.INV.RT FTEST F.TEST GAMMADIST "
    "GAMMA.DIST GAMMAINV GAMMA.INV GAUSS HYPGEOMDIST HYPGEOM.DIST LOGINV LOGNORM.DIST LOGNORM.INV LOGNORMDIST "
    "NEGBINOMDIST NEGBINOM.DIST NORMDIST NORM.DIST NORMINV NORM.INV NORMSDIST NORM.S.DIST NORMSINV NORM.S.INV "
    "PHI POISSON POISSON.DIST PROB TDIST T.DIST T.DIST.2T T.DIST.RT TINV T.INV T.INV.2T TTEST T.TEST WEIBULL "
    "WEIBULL.DIST ZTEST Z.TEST "
    # times read from text or made of hours, minutes and seconds (sums of fractions of a day)
    "TIME TIMEVALUE YEARFRAC".split()
)
_PREFIXES = ("_XLFN._XLWS.", "_XLFN.", "_XLWS.")


def tolerance(text: str) -> int:
    """The most ulps the formula ``text`` (stored, without ``=``) may compute from Excel's stored number and keep it:
    :data:`REGRESSION_ULPS` where it calls a function of :data:`REGRESSION`, :data:`ULPS` where it calls another of
    :data:`INEXACT` or uses ``^`` (outside strings and sheet names), 0 otherwise (computed, never kept) and for a
    formula the tokenizer cannot read.

    >>> tolerance("NPV(G7,H7:L7)"), tolerance("_xlfn.NORM.S.DIST(A1,TRUE)"), tolerance("A1^2"), tolerance("C7-A7")
    (4, 4, 4, 0)
    >>> tolerance("TREND(J3:N3,J4:N4,E2:F2)"), tolerance("INDEX(LINEST(A1:A5),1)*2"), tolerance("FORECAST(1,A:A,B:B)")
    (256, 256, 4)
    """
    try:
        tokens = Tokenizer("=" + text).items
    except Exception:  # noqa: BLE001  (openpyxl raises TokenizerError and others on text it cannot read)
        return 0
    most = 0
    for token in tokens:
        if token.type == Token.OP_IN and token.value == "^":
            most = max(most, ULPS)
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper().lstrip(":")
            for prefix in _PREFIXES:
                name = name.removeprefix(prefix)
            if name in REGRESSION:
                return REGRESSION_ULPS
            if name in INEXACT:
                most = max(most, ULPS)
    return most


def inexact(text: str) -> bool:
    """Whether the formula ``text`` (stored, without ``=``) calls a function of :data:`INEXACT` or uses ``^``
    (outside strings and sheet names); False for a formula the tokenizer cannot read (nothing kept, as before).

    >>> inexact("NPV(G7,H7:L7)"), inexact("_xlfn.NORM.S.DIST(A1,TRUE)"), inexact("A1^2"), inexact("C7-A7")
    (True, True, True, False)
    >>> inexact("1000000+A1"), inexact('IF(A1="NPV(",SUM(B1:B3),MOD(B1,1))'), inexact("'x^y'!A1*2")
    (False, False, False)
    """
    return tolerance(text) > 0


def _within(kept: object, value: object, ulps: int) -> bool | None:
    """None where ``value`` is ``kept`` (or the same error); True where both are finite numbers within ``ulps``
    ulps of each other; False otherwise."""
    if type(kept) is float and type(value) is float:
        if kept == value:
            return None
        if not math.isfinite(kept) or not math.isfinite(value):
            return False
        return abs(kept - value) <= ulps * math.ulp(max(abs(kept), abs(value)))
    if isinstance(kept, CellError) and isinstance(value, CellError):
        return None if kept.code == value.code else False
    return None if type(kept) is type(value) and kept == value else False


def _text(cells: dict[str, Any], cell: Any) -> str:
    """The formula text of ``cell`` (a shared formula's copy: its first cell's; the names called are the same)."""
    if cell.text is not None:
        return cell.text
    si = cell.attrs.get("si")
    return next((c.text for c in cells.values() if c.text is not None and c.attrs.get("si") == si), "")


def near_stored(info: PackageInfo, values: dict[str, dict[str, Any]]) -> list[tuple[str, str, float]]:
    """The formula cells (sheet, cell, Excel's stored number) whose computed number in ``values`` is within
    :func:`tolerance` ulps of the number the file stores there (0 for plain arithmetic) but not equal to it; array
    formulas are left out (:func:`near_arrays`: an array is kept whole or not at all).

    >>> from types import SimpleNamespace as N
    >>> info = N(formulas={"S": {"A7": N(cached=41922.06155493237, kind="normal", dynamic=False, text="NPV(G7,H7)"),
    ...                          "B1": N(cached=5.0, kind="normal", dynamic=False, text="NPV(G1,H1)"),
    ...                          "C1": N(cached=1e6 + 1e-10, kind="normal", dynamic=False, text="1000000+A1")}})
    >>> near_stored(info, {"S": {"A7": 41922.06155493236, "B1": 6.0, "C1": 1e6 + 3e-10}})
    [('S', 'A7', 41922.06155493237)]
    """
    near = []
    for sheet, cells in values.items():
        stored = info.formulas.get(sheet)
        if not stored:
            continue
        for ref, value in cells.items():
            if type(value) is not float:
                continue
            cell = stored.get(ref)
            if cell is None:
                continue
            kept = cell.cached
            if type(kept) is not float or kept == value or not math.isfinite(kept) or not math.isfinite(value):
                continue
            if abs(kept - value) > REGRESSION_ULPS * math.ulp(max(abs(kept), abs(value))):
                continue  # (the widest tolerance: the formula's text is read only for a number this near)
            if cell.kind in ("normal", "shared") and not cell.dynamic:
                if _within(kept, value, tolerance(_text(stored, cell))):
                    near.append((sheet, ref, kept))
    return near


def near_arrays(
    info: PackageInfo,
    computed: Callable[[str, str, Any], dict[str, Any] | None],
    members: dict[str, dict[str, object]],
) -> list[tuple[str, str, list[list[object]]]]:
    """The array formulas (sheet, first cell, Excel's stored values by rows) whose every cell's computed value is the
    stored one or a number within the formula's :func:`tolerance` of it, one at least unequal. ``computed(sheet,
    ref, cell)`` gives an array's cells as the engine computed them ({"E3": ..., "F3": ...}; None where its result
    is not of its stored range's size); ``members`` holds the values the file stores in the arrays' other cells
    (:func:`_array_members`); an array with one of them missing is left out.

    >>> from types import SimpleNamespace as N
    >>> array = N(cached=-0.93289473684210633, kind="array", dynamic=True, text="TREND(J3:N3,J4:N4,E2:F2)",
    ...           ref="E3:F3")
    >>> info, stored = N(formulas={"S": {"E3": array}}), {"S": {"F3": -1.3738721804511291}}
    >>> near_arrays(info, lambda *_: {"E3": -0.93289473684210455, "F3": -1.3738721804511271}, stored)
    [('S', 'E3', [[-0.9328947368421063, -1.3738721804511291]])]
    >>> near_arrays(info, lambda *_: {"E3": -0.93289473684210455, "F3": -1.2}, stored)
    []
    """
    near: list[tuple[str, str, list[list[object]]]] = []
    for sheet, cells in info.formulas.items():
        stored_members = members.get(sheet, {})
        for ref, cell in cells.items():
            if cell.kind != "array" or not cell.ref or not _sized(cell.ref):
                continue
            ulps = tolerance(cell.text or "")
            if not ulps:
                continue
            left, top, right, bottom = _box(cell.ref)
            grid: list[list[object]] = []
            answers = []
            values = None
            for r in range(top, bottom + 1):
                grid.append([])
                for c in range(left, right + 1):
                    address = cell_address(r, c)
                    kept = cell.cached if address == ref.upper() else stored_members.get(address, _MISSING)
                    if kept is _MISSING or kept is None:
                        answers.append(False)
                        break
                    if values is None:
                        values = computed(sheet, ref, cell)
                        if values is None:
                            answers.append(False)
                            break
                    grid[-1].append(kept)
                    answers.append(_within(kept, values.get(address, _MISSING), ulps))
                if False in answers:
                    break
            if False not in answers and True in answers:
                near.append((sheet, ref, grid))
    return near


_MISSING = object()


def _array_members(info: PackageInfo, path: str) -> dict[str, dict[str, object]]:
    """The values the file at ``path`` stores in the cells of its array formulas that :func:`tolerance` allows to
    keep, their first cells left out (their values are ``info``'s)."""
    wanted: dict[str, set[str]] = {}
    for sheet, cells in info.formulas.items():
        for ref, cell in cells.items():
            if cell.kind == "array" and cell.ref and _sized(cell.ref) and tolerance(cell.text or ""):
                refs = {cell_address(r, c) for r, c in cells_of(cell.ref.replace("$", ""))} - {ref.upper()}
                if refs:
                    wanted.setdefault(sheet, set()).update(refs)
    return stored_values(path, wanted) if wanted else {}


def _engine_cells(workbook: Any, sheet: str, ref: str, cell: Any) -> dict[str, Any] | None:
    """An array formula's cells as the engine computed them: a Ctrl+Shift+Enter array's as Excel fills its range
    (:func:`.engine_results.classic_members`), a dynamic array's where its spill is its stored range, else None."""
    if not cell.dynamic:
        return {**classic_members(workbook, sheet, ref, cell), ref.upper(): cell_value(workbook, sheet, *position(ref))}
    spill = workbook.inspect_cell("'" + sheet.replace("'", "''") + f"'!{ref}").to_dict()["cell"].get("spill") or {}
    extent = spill.get("extent") if spill.get("kind") == "Anchor" else None
    area = cell.ref.replace("$", "").upper()
    if _box(extent.rpartition("!")[2] if extent else ref) != _box(area):  # (E18:E18 is E18)
        return None
    return {cell_address(r, c): cell_value(workbook, sheet, r, c, "") for r, c in cells_of(area)}


def _box(area: str) -> tuple[int, int, int, int]:
    """The bounds of ``area`` ("E3:F3", "$E$18", "E18:E18")."""
    area = area.replace("$", "").upper()
    return range_boundaries(area if ":" in area else f"{area}:{area}")


def _sized(area: str) -> bool:
    """Whether the array over ``area`` has at most :data:`_MOST_CELLS` cells (a larger one is computed, not kept)."""
    left, top, right, bottom = _box(area)
    return (right - left + 1) * (bottom - top + 1) <= _MOST_CELLS


def _constant(grid: list[list[object]]) -> str | None:
    """The array constant of ``grid`` (``{1,2;3,4}``), each number as Python's shortest text reading back to it;
    None for a value no constant holds."""
    rows = []
    for row in grid:
        items = []
        for value in row:
            if type(value) is bool:
                items.append("TRUE" if value else "FALSE")
            elif type(value) in (int, float):
                items.append(repr(value))
            elif type(value) is str:
                items.append('"' + value.replace('"', '""') + '"')
            elif isinstance(value, CellError):
                items.append(value.code)
            else:
                return None
        rows.append(",".join(items))
    return "={" + ";".join(rows) + "}"


def pin_stored(
    workbook: Any,
    info: PackageInfo,
    result: Computed,
    read: Any,
    path: str | None = None,
    formulas: dict[str, Any] | None = None,
) -> Computed:
    """``result`` with each formula cell :func:`near_stored` finds set to Excel's stored number in the engine (and,
    given the file's ``path`` and the engine's ``formulas``, each array formula :func:`near_arrays` finds computing
    Excel's stored values: its formula in the engine the array constant of them, so that it stays an array of its
    range) and the workbook evaluated again (``read()``: the values read again), until no cell is near its stored
    number but unequal (at most a few rounds); ``result`` itself where none is (no evaluation). The file's formulas
    are written as they are."""
    members: dict[str, dict[str, object]] | None = None
    for _ in range(_ROUNDS):
        near = near_stored(info, result.values)
        arrays: list[tuple[str, str, list[list[object]]]] = []
        if path is not None and formulas is not None:
            if members is None:
                members = _array_members(info, path)
            arrays = near_arrays(info, lambda s, r, c: _engine_cells(workbook, s, r, c), members)
        if not near and not arrays:
            break
        for sheet, ref, kept in near:
            workbook.set_value(sheet, *position(ref), kept)
        if arrays:
            _set_arrays(workbook, info, formulas or {}, arrays)
        workbook.evaluate_all()
        result = read()
    return result


def _set_arrays(
    workbook: Any, info: PackageInfo, formulas: dict[str, Any], arrays: list[tuple[str, str, list[list[object]]]]
) -> None:
    """Each array's formula in the engine the constant of its stored values, the workbook evaluated, and the formulas
    reading its cells set again as they are (the caller evaluates them): the engine evaluated a cell reading two
    cells that read the array's (O24 =M24*M22+N24*N22+O22 of M22 =P10, N22 =Q10) before the second of them, from
    its earlier value, and did not again (pycel's stats.xlsx: O24 -1.3392857142857164, Excel's ...144)."""
    from .uncomputed_readers import dependents  # noqa: PLC0415  (only for a workbook with such an array)

    roots: dict[tuple[str, str], tuple[str, str]] = {}
    for sheet, ref, grid in arrays:
        constant = _constant(grid)
        if constant is None:
            continue
        workbook.sheet(sheet).set_formulas_batch(*position(ref), 1, 1, [[constant]])
        area = info.formulas[sheet][ref].ref.replace("$", "")
        roots.update(((sheet, cell_address(r, c)), (sheet, ref)) for r, c in cells_of(area))
    workbook.evaluate_all()
    for sheet, ref in dependents(workbook, roots, formulas, info):
        text = workbook.get_formula(sheet, *position(ref))
        if text:
            workbook.sheet(sheet).set_formulas_batch(
                *position(ref), 1, 1, [[text if text.startswith("=") else "=" + text]]
            )
