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
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from openpyxl.formula.tokenizer import Token, Tokenizer

from .formula_texts import position

if TYPE_CHECKING:
    from .engine_results import Computed
    from .package import PackageInfo

__all__ = ["INEXACT", "ULPS", "inexact", "near_stored", "pin_stored"]

#: the most units in the last place (:func:`math.ulp` of the larger) a computed number may be from the stored one
ULPS = 4
#: the most rounds of pinning (a cell reading a pinned one may come within ulps of its stored number in turn)
_ROUNDS = 3

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


def inexact(text: str) -> bool:
    """Whether the formula ``text`` (stored, without ``=``) calls a function of :data:`INEXACT` or uses ``^``
    (outside strings and sheet names); False for a formula the tokenizer cannot read (nothing kept, as before).

    >>> inexact("NPV(G7,H7:L7)"), inexact("_xlfn.NORM.S.DIST(A1,TRUE)"), inexact("A1^2"), inexact("C7-A7")
    (True, True, True, False)
    >>> inexact("1000000+A1"), inexact('IF(A1="NPV(",SUM(B1:B3),MOD(B1,1))'), inexact("'x^y'!A1*2")
    (False, False, False)
    """
    try:
        tokens = Tokenizer("=" + text).items
    except Exception:  # noqa: BLE001  (openpyxl raises TokenizerError and others on text it cannot read)
        return False
    for token in tokens:
        if token.type == Token.OP_IN and token.value == "^":
            return True
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper().lstrip(":")
            for prefix in _PREFIXES:
                name = name.removeprefix(prefix)
            if name in INEXACT:
                return True
    return False


def _text(cells: dict[str, Any], cell: Any) -> str:
    """The formula text of ``cell`` (a shared formula's copy: its first cell's; the names called are the same)."""
    if cell.text is not None:
        return cell.text
    si = cell.attrs.get("si")
    return next((c.text for c in cells.values() if c.text is not None and c.attrs.get("si") == si), "")


def near_stored(info: PackageInfo, values: dict[str, dict[str, Any]]) -> list[tuple[str, str, float]]:
    """The formula cells (sheet, cell, Excel's stored number) whose computed number in ``values`` is within
    :data:`ULPS` ulps of the number the file stores there but not equal to it, and whose formula is :func:`inexact`;
    array formulas are left out (a value set in an array's first cell would end the array).

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
            if abs(kept - value) <= ULPS * math.ulp(max(abs(kept), abs(value))):
                if cell.kind in ("normal", "shared") and not cell.dynamic and inexact(_text(stored, cell)):
                    near.append((sheet, ref, kept))
    return near


def pin_stored(
    workbook: Any,
    info: PackageInfo,
    result: Computed,
    read: Any,
) -> Computed:
    """``result`` with each formula cell :func:`near_stored` finds set to Excel's stored number in the engine and
    the workbook evaluated again (``read()``: the values read again), until no cell is near its stored number but
    unequal (at most a few rounds); ``result`` itself where none is (no evaluation)."""
    for _ in range(_ROUNDS):
        near = near_stored(info, result.values)
        if not near:
            break
        for sheet, ref, kept in near:
            workbook.set_value(sheet, *position(ref), kept)
        workbook.evaluate_all()
        result = read()
    return result
