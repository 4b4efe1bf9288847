"""Whether a formula may need a structural rewrite (:mod:`.rewrite`), decided once per shape of formula.

:func:`decided` answers the cheap pre-check of :func:`.rewrite.rewrite`: ``False`` means the formula
is certainly given to the engine as it is; ``True`` that it is tokenized and looked at. Most formulas
of a workbook are filled-down copies of a few shapes, so the answer is kept per shape (see below).

>>> decided("=SUM(A1:C3 B2:D4)", [], False, None, None)
True
>>> decided("=IF(G2>0.95,1,0)", [], False, None, None)
False
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..sheet_names import CHARACTER
from .excel_functions.number_texts import MISREAD_LITERAL
from .long_chains import may_hold_long_chain
from .omitted_arguments import may_omit
from .package import Table
from .sheet_corners import has_sheet_corners
from .text_literals import LITERALS as _TEXT_ONLY  # text literals only

__all__ = [
    "DELETED_SHEET",
    "FIRST_CELL_CALL",
    "SCALAR_ARGUMENTS",
    "decided",
    "has_digit",
    "our_array_functions",
    "shape",
]

_LITERALS = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'')  # text literals and quoted sheet names
#: INDIRECT's second argument FALSE or 0 (R1C1-style text); a row number before ")" is never after a comma
_R1C1_STYLE = re.compile(r",\s*(?:0|FALSE)\s*\)")

#: a multi-cell range: an area, whole columns (``B:B``) or whole rows (``3:3``)
_AREA = (
    r"(?:\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w(])"
    r"|(?<![\w.$])\$?\d+:\$?\d+(?![\w.(]))"
)
_ADJACENT = re.compile(  # a range next to an operator, or alone in brackets (not a function's)
    r"[-+*/^&=<>]\s*(?:" + CHARACTER + r"+!|''!)?" + _AREA + r"|" + _AREA + r"\s*[-+*/^&=<>%]"
    r"|(?<![\w.])\(\s*(?:" + CHARACTER + r"+!|''!)?" + _AREA + r"\s*\)"
)
_WHOLE_RANGE = re.compile(r"=\(*(?:" + CHARACTER + r"+!|''!)?" + _AREA + r"\)*")
#: INDEX of a whole column or row of a range (a row or column number 0, or computed and maybe 0: not a MATCH),
#: which a classic formula intersects
_INDEX_WHOLE = re.compile(
    r"(?i)(?<![\w.])INDEX\([^(),]+,\s*(?:0?\s*[,)]|\d+\s*,\s*0?\s*\)|\d+\s*\))"
    r"|(?<![\w.])INDEX\([^(),]+(?:,[^(),]*)?,\s*(?!\d+\s*[,)]|(?:_xlfn\.)?X?MATCH\()[^\s)]"  # a computed number: 0?
)
#: INDEX of one reference given an area number, its arguments typed in (``INDEX(A1:B2,2,2,A3)``: .union_references)
_INDEX_AREA = re.compile(r"(?i)(?<![\w.])INDEX\([^(),]+(?:,[^(),]*){3}\)")
#: The single-value arguments of reference and lookup functions (0-based positions), beside the references and
#: arrays they take (never intersected: INDEX's first, OFFSET's first, XLOOKUP's second and third, ...)
_REFERENCE_NUMBERS: dict[str, frozenset[int] | None] = {
    "INDEX": frozenset({1, 2, 3}),
    "CHOOSE": frozenset({0}),
    "OFFSET": frozenset({1, 2, 3, 4}),
    "XLOOKUP": frozenset({0, 4, 5}),
    "XMATCH": frozenset({0, 2, 3}),
    "VLOOKUP": frozenset({0, 2, 3}),
    "HLOOKUP": frozenset({0, 2, 3}),
    "MATCH": frozenset({0, 2}),
    "LOOKUP": frozenset({0}),
    "SMALL": frozenset({1}),
    "LARGE": frozenset({1}),
    # the same in statistics and finance: the number ranked, the k of a percentile, the rates beside the cash flows
    **dict.fromkeys(("RANK", "RANK.EQ", "RANK.AVG"), frozenset({0, 2})),
    **dict.fromkeys(
        "PERCENTILE PERCENTILE.INC PERCENTILE.EXC QUARTILE QUARTILE.INC QUARTILE.EXC TRIMMEAN IRR".split(),
        frozenset({1}),
    ),
    **dict.fromkeys(("PERCENTRANK", "PERCENTRANK.INC", "PERCENTRANK.EXC", "ZTEST", "Z.TEST"), frozenset({1, 2})),
    "MIRR": frozenset({1, 2}),
    **dict.fromkeys(("NPV", "XNPV", "FVSCHEDULE", "FORECAST", "FORECAST.LINEAR"), frozenset({0})),  # rate, x
    "XIRR": frozenset({2}),
    "SERIESSUM": frozenset({0, 1, 2}),
}

#: Functions of single values only (Excel's function table gives each argument the value class; the newer names of
#: the same functions and those added since likewise): =NORMSDIST(A1:A3), =FV(C1:C3,2,-100), =ISEVEN(A1:A3) in row 2
#: read row 2's cell (H7 03's kind: the engine took the first cell, or gave #VALUE!)
_SINGLE_VALUED = (
    "ABS INT SQRT EXP LN LOG10 SIGN TRUNC ROUND ROUNDUP ROUNDDOWN MOD POWER EVEN ODD FACT DATE YEAR MONTH "
    "DAY WEEKDAY HOUR MINUTE SECOND EDATE EOMONTH LEFT RIGHT MID LEN UPPER LOWER PROPER TRIM VALUE NOT "
    "ISBLANK ISNUMBER ISTEXT ISERROR ISERR ISNA ISLOGICAL N T CHAR CODE DATEDIF DAYS DAYS360 WEEKNUM "
    "ISOWEEKNUM YEARFRAC DATEVALUE TIMEVALUE TIME LOG CEILING FLOOR MROUND QUOTIENT SIN COS TAN ASIN ACOS ATAN "
    "ATAN2 DEGREES RADIANS REPT SUBSTITUTE REPLACE FIND SEARCH EXACT FIXED DOLLAR CLEAN NUMBERVALUE TEXT "
    "ACOSH ASINH ATANH COSH SINH TANH ACOT ACOTH COT COTH CSC CSCH SEC SECH SQRTPI FACTDOUBLE COMBIN COMBINA PERMUT "
    "PERMUTATIONA ROMAN ARABIC BASE DECIMAL CEILING.MATH CEILING.PRECISE ISO.CEILING FLOOR.MATH FLOOR.PRECISE "
    "ISEVEN ISODD ISNONTEXT ERROR.TYPE ADDRESS HYPERLINK LEFTB RIGHTB MIDB LENB FINDB SEARCHB REPLACEB UNICHAR "
    "UNICODE ASC DBCS BAHTTEXT USDOLLAR "
    "PMT PV FV NPER RATE IPMT PPMT ISPMT CUMIPMT CUMPRINC DB DDB SLN SYD VDB EFFECT NOMINAL DOLLARDE DOLLARFR RRI "
    "PDURATION "
    "NORMDIST NORMSDIST NORMINV NORMSINV NORM.DIST NORM.S.DIST NORM.INV NORM.S.INV LOGNORMDIST LOGINV LOGNORM.DIST "
    "LOGNORM.INV BINOMDIST BINOM.DIST BINOM.INV CRITBINOM NEGBINOMDIST NEGBINOM.DIST POISSON POISSON.DIST EXPONDIST "
    "EXPON.DIST GAMMADIST GAMMAINV GAMMA.DIST GAMMA.INV GAMMALN GAMMALN.PRECISE GAMMA BETADIST BETAINV BETA.DIST "
    "BETA.INV CHIDIST CHIINV CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT FDIST FINV F.DIST F.DIST.RT F.INV "
    "F.INV.RT TDIST TINV T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T WEIBULL WEIBULL.DIST HYPGEOMDIST HYPGEOM.DIST "
    "FISHER FISHERINV STANDARDIZE CONFIDENCE CONFIDENCE.NORM CONFIDENCE.T PHI GAUSS "
    "DEC2BIN DEC2HEX DEC2OCT BIN2DEC BIN2HEX BIN2OCT HEX2BIN HEX2DEC HEX2OCT OCT2BIN OCT2DEC OCT2HEX BITAND BITOR "
    "BITXOR BITLSHIFT BITRSHIFT DELTA GESTEP CONVERT ERF ERFC ERF.PRECISE ERFC.PRECISE BESSELI BESSELJ BESSELK BESSELY "
    "COMPLEX IMABS IMAGINARY IMARGUMENT IMCONJUGATE IMCOS IMCOSH IMCOT IMCSC IMCSCH IMDIV IMEXP IMLN IMLOG10 IMLOG2 "
    "IMPOWER IMREAL IMSEC IMSECH IMSIN IMSINH IMSQRT IMSUB IMTAN BINOM.DIST.RANGE RANDBETWEEN "
    "ACCRINT ACCRINTM AMORDEGRC AMORLINC COUPDAYBS COUPDAYS COUPDAYSNC COUPNCD COUPNUM COUPPCD DISC DURATION INTRATE "
    "MDURATION ODDFPRICE ODDFYIELD ODDLPRICE ODDLYIELD PRICE PRICEDISC PRICEMAT RECEIVED TBILLEQ TBILLPRICE "
    "TBILLYIELD YIELD YIELDDISC YIELDMAT"
).split()

#: Functions whose arguments (all, or those at the given positions) are single values: a range given there
#: directly is intersected in a classic formula (``=ABS(A1:A3)`` in row 2 is ``ABS(A2)``).
SCALAR_ARGUMENTS: dict[str, frozenset[int] | None] = {
    **dict.fromkeys(_SINGLE_VALUED),
    "SUMIF": frozenset({1}),
    "COUNTIF": frozenset({1}),
    "AVERAGEIF": frozenset({1}),
    "SUMIFS": frozenset(range(2, 255, 2)),
    "AVERAGEIFS": frozenset(range(2, 255, 2)),
    "MAXIFS": frozenset(range(2, 255, 2)),
    "MINIFS": frozenset(range(2, 255, 2)),
    "COUNTIFS": frozenset(range(1, 255, 2)),
    "CONCATENATE": None,
    "WORKDAY": frozenset({0, 1}),
    "NETWORKDAYS": frozenset({0, 1}),
    "WORKDAY.INTL": frozenset({0, 1, 2}),
    "NETWORKDAYS.INTL": frozenset({0, 1, 2}),
    "IF": frozenset({0}),
    "SWITCH": frozenset({0}),
    "IFS": frozenset(range(0, 254, 2)),
    # the numbers of the reference and lookup functions (INDEX's row, column and area, CHOOSE's index, OFFSET's rows,
    # columns, height and width, the value XLOOKUP and XMATCH look up and their modes, VLOOKUP's column): one value
    # each, so ``INDEX(Price,Qty)`` in row 2 is ``INDEX(Price,S!$A$2)`` (H7 03)
    **_REFERENCE_NUMBERS,
}


#: a formula without a range or a name that may still be lifted: a spilled range (``A1#``, stored
#: ``_xlfn.ANCHORARRAY(A1)``; typed ``A1#``: a row number, then a ``#`` starting no error value) or a call giving an
#: array (.array_lifting.ARRAY_RESULTS that take no range, and OFFSET)
_ARRAY_MAKER = re.compile(
    r"(?<![\w.])(?:_XLFN\.)?(?:SEQUENCE|RANDARRAY|MAKEARRAY|TEXTSPLIT|ANCHORARRAY|OFFSET|INDIRECT)\(|\d#(?![A-Z/])"
)

#: functions giving an array (a superset of .array_lifting.ARRAY_RESULTS but the references)
_ARRAY_RESULT = re.compile(
    r"(?<![\w.])(?:_XLFN\.|_XLWS\.)*(?:FREQUENCY|TRANSPOSE|MMULT|MINVERSE|MUNIT|LINEST|LOGEST|TREND|GROWTH|MODE\.MULT"
    r"|UNIQUE|FILTER|SORT|SORTBY|TOCOL|TOROW|VSTACK|HSTACK|CHOOSECOLS|CHOOSEROWS|TAKE|DROP|EXPAND|WRAPROWS|WRAPCOLS"
    r"|MAP|SCAN|BYROW|BYCOL)\("
)

#: what Excel leaves of a reference to a deleted sheet: #REF!A1, #REF!$A$1:$B$2, #REF!A:A (upper case)
DELETED_SHEET = re.compile(r"#REF![$A-Z0-9]")

#: functions whose result is an argument passed on (a reference stays one): see intersection._PASS_THROUGH
_PASSING = ("IFERROR", "IFNA", "CHOOSE")

#: functions whose ranges are mostly references (INDEX(B:B,MATCH(..))): tested at their single-value positions only
_AT_POSITIONS = tuple(f for f in _REFERENCE_NUMBERS if f not in ("CHOOSE", "VLOOKUP", "HLOOKUP", "MATCH", "LOOKUP"))


def _by_first_positions(functions: tuple[str, ...]) -> dict[int, list[str]]:
    """``functions`` by each of their first two single-value positions (0, and the first other): a range after at
    least that many commas may be one of them."""
    found: dict[int, list[str]] = {}
    for f in functions:
        positions = SCALAR_ARGUMENTS[f] or frozenset({0})
        for k in {min(positions), min(positions - {0}, default=min(positions))}:
            found.setdefault(k, []).append(f)
    return found


#: an argument before the range: calls and brackets in it (three deep) skipped whole, with the commas inside them
#: (``IF(ABS(B2)>0,A1:A8,0)``: the range is IF's second argument)
_ARGUMENT = r"(?:[^(),]|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))*"
_SCALAR_CALL = re.compile(  # one of those functions with a range as an argument of its own (in brackets or not)
    r"(?i)(?<![\w.])(?:_xlfn\.)?(?:"
    + "|".join(map(re.escape, [*(f for f in SCALAR_ARGUMENTS if f not in _AT_POSITIONS), *_PASSING]))
    + r")\((?:"
    + _ARGUMENT
    + r",)*[\s(]*"
    r"(?:"
    + CHARACTER
    + r"+!|'[^']+'!|''!)?"
    + _AREA
    + r"[\s)]*[,)]"
    # INDEX(B1:B3,A1:A3), XLOOKUP(A1:A3,..): a range after at least as many commas as the position (a superset)
    + "".join(
        rf"|(?<![\w.])(?:_xlfn\.)?(?:{'|'.join(map(re.escape, names))})\({f'(?:[^,]*,){{{k},}}' if k else ''}[\s(]*"
        rf"(?:{CHARACTER}+!|'[^']+'!|''!)?{_AREA}[\s)]*[,)]"
        for k, names in _by_first_positions(_AT_POSITIONS).items()
    )
)


#: a bracket opening an argument with two items separated by a comma: a union of references (``COUNT((A1:A3,C1))``)
UNION = re.compile(r"[(,]\s*\(\s*[^(),\"]+,[^(),\"]+[,)]")

#: an XLOOKUP whose result is used as a reference: an end of a range, or what ROW, OFFSET, CELL, ... read (.rewrite)
_XLOOKUP_REFERENCE = re.compile(
    r"(?::\s*(?:_XLFN\.)?XLOOKUP\(|XLOOKUP\(.*\)\s*:|(?<![\w.])(?:ROWS?|COLUMNS?|ISREF|OFFSET|CELL|AREAS)\("
    r"(?:''\s*,\s*)?(?:_XLFN\.)?XLOOKUP\()"
)


@lru_cache(maxsize=1)
def our_array_functions() -> dict[str, bool]:
    """xl-retention's own functions that may give an array -> whether they always do: those of one value per cell
    (over ranges, a range of results: False) and those giving a row (the fits: True). A classic formula shows the
    first value of such a call's array (Excel 365 opens it as ``=@CRR(A1:A3,B1:B3,C1:C3)``), never spills it."""
    from ..registry import FUNCTIONS  # the metrics' own modules: loaded with the engine, not before

    return {f.name: f.returns == "row" for f in FUNCTIONS if f.kind == "elementwise" or f.returns == "row"}


@lru_cache(maxsize=1)
def _ours_over_ranges() -> re.Pattern[str]:
    """A call of one of :func:`our_array_functions` with a range after it (a superset: its own argument or not)."""
    alternatives = "|".join(sorted(our_array_functions(), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w.])(?:{alternatives})\(.*" + _AREA)


@lru_cache(maxsize=1)
def _ours_in_index() -> re.Pattern[str]:
    """One of :func:`our_array_functions` called as INDEX's first argument (``INDEX(NPS_BREAKDOWN(B2:B9),1,4)``, the
    template's NPS sheet): INDEX takes its whole array, and ``rewrite._array_valued`` passes INDEX by, so such a call
    alone makes no candidate (the 120-month template's 480 NPS formulas were tokenized for nothing: 1.1 s)."""
    alternatives = "|".join(sorted(our_array_functions(), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w.])INDEX\(\s*(?:{alternatives})\(")


#: a call of N or T (on a formula's text with its text literals blanked): may read a reference's first cell
#: (.first_cells)
FIRST_CELL_CALL = re.compile(r"(?<![\w.])[NT]\(")
_REFERENCE_CALL = re.compile(r"(?<![\w.])(?:OFFSET|INDIRECT|INDEX)\(")


_TWO_CORNERS = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)")


def _may_return_several(bare: str) -> bool:
    """Whether a formula calling XLOOKUP (its literals blanked) may have it return several cells (.xlookup_cells): a
    range of several rows and columns, or a call of four arguments or more (an if_not_found range).

    >>> _may_return_several("=XLOOKUP(A1,E1:E5,F1:F5)"), _may_return_several("=XLOOKUP(A1,E1:E5,E1:F5)")
    (False, True)
    >>> _may_return_several("=XLOOKUP(A1,E1:E5,F1:F5,F1:F5)"), _may_return_several("=XLOOKUP(A1,E1:E5,F1:F5,0)")
    (True, True)
    """
    if any(a.upper() != c.upper() and b != d for a, b, c, d in _TWO_CORNERS.findall(bare)):
        return True
    return bare.count(",") >= 3


def _candidate(text: str, tables: dict[str, Table], array: bool, names: dict[str, str]) -> bool:
    """Whether ``text`` may hold something to rewrite (cheap: most formulas need no tokenizing)."""
    if may_hold_long_chain(text):  # =A1+...+A300 (.long_chains)
        return True
    bare = _LITERALS.sub("''", text)
    upper = bare.upper()
    if "[" in bare or " " in bare or "LAMBDA" in upper or "_XLPM." in upper or "_XLETA." in upper:
        return True
    if "\n" in bare:  # a line break typed (Alt+Enter) is whitespace as a space is
        return True
    lower = bare.lower()
    if tables and _any_of(tuple(tables)).search(lower):
        return True
    if "SINGLE(" in upper or "INDIRECT(''" in upper or "IF(''" in upper or "NOT(''" in upper:
        return True
    if '"' in text and MISREAD_LITERAL.search(text) is not None:  # ="2/29/1900"+0: number_texts.number_literals
        return True
    if "((" in bare or ",(" in bare or ", (" in bare:  # a union of references: COUNT((A1:A3,C1)) (.intersection)
        if UNION.search(bare) is not None:
            return True
    if "AREAS(" in upper or "INDEX(" in upper and _INDEX_AREA.search(bare) is not None:  # (.union_references)
        return True  # AREAS' count of areas; INDEX(A1:B2,1,1,1): one area's number
    if FIRST_CELL_CALL.search(upper) is not None and (":" in bare or _REFERENCE_CALL.search(upper) is not None):
        return True  # N(A1:A7), T(OFFSET(..)): the first cell (.first_cells); a name is looked for below
    if "INDIRECT(" in upper:  # its text read as Excel reads it (#REF! for no reference; a sheet's own name: .indirect)
        return True
    if "INDIRECT(" in upper and (tables or _R1C1_STYLE.search(upper) is not None):  # R1C1 or table text computed
        return True
    if ("ROW(" in upper or "COLUMN(" in upper or "{" in bare or array or "SUMPRODUCT(" in upper) and (
        ":" in bare or "{" in bare
    ):
        return True
    if _ARRAY_MAKER.search(upper) is not None or "AGGREGATE(" in upper:  # may be lifted (.array_lifting)
        return True
    if not array and _ARRAY_RESULT.search(upper) is not None:  # a classic formula shows the array's first value
        return True
    # names are looked for with quoted sheet names kept: 'My Data'!Local is sheet My Data's own name Local
    named = _TEXT_ONLY.sub('""', text).lower() if names else ""
    if may_omit(bare):  # =NPS_MOE(A1:A6,), {=SUBSTITUTE("a-b","-",)}: an empty argument (.omitted_arguments)
        return True
    if DELETED_SHEET.search(upper) is not None:  # #REF!A1: a reference to a deleted sheet
        return True
    if "!" in bare and ":" in bare and has_sheet_corners(text):  # S!A1:S!A5: S!A1:A5 (.sheet_corners)
        return True
    if array:  # and a defined name (.array_lifting)
        return bool(names) and _any_of(tuple(names)).search(named) is not None
    if ":" in bare and (_ADJACENT.search(bare, 1) or _WHOLE_RANGE.fullmatch(bare) or _SCALAR_CALL.search(bare)):
        return True
    if "INDEX(" in upper and _INDEX_WHOLE.search(bare) or "OFFSET(" in upper:
        return True
    if "XLOOKUP(" in upper and _XLOOKUP_REFERENCE.search(upper):
        return True
    if not array and "XLOOKUP(" in upper and _may_return_several(bare):  # intersected where one value is expected
        return True
    if not array and ":" in bare and _ours_over_ranges().search(_ours_in_index().sub("INDEX((", bare)) is not None:
        return True  # =CRR(A1:A3,..): its first value
    return bool(names) and _any_of(tuple(names)).search(named) is not None


@lru_cache(maxsize=64)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any of ``words`` in a text (as ``any(w in text for w in words)``, in one pass)."""
    words = tuple(w for w in words if w)
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) if words else "(?!)")


# Formulas filled down a column differ only in their row numbers, and whether a formula may need a structural
# rewrite at all (``_candidate``, about 10 us of regular expressions) does not depend on them: its patterns
# take any run of digits after a letter or "$" alike, and the table and defined names it looks for are
# matched on the text around them. So the decision is kept per shape (the formula with every such run of
# digits made "0"), with the names it depends on: a column of =IF(G2>0.95,...) costs one decision, not one
# per row. A name with a digit after a letter could be changed by that (shape_may_change), so with one the
# shape is the formula itself.
# (the digit first, then the letter before it looked at: the same matches as ``(?<=[A-Za-z$])\d+``, fewer tries)
_ROW_NUMBER = re.compile(r"\d(?<=[A-Za-z$]\d)\d*(?![\w(!.\d])")
_HAS_DIGIT = re.compile(r"\d")


def shape(text: str) -> str:
    """``text`` with every row number (a run of digits after a letter or ``$``, not part of a function's or a
    sheet's name) made ``0``: the same for every filled-down copy of a formula.

    >>> shape("=IF($B$12>0,C12/B12,LOG10(D12))"), shape("=Sheet2!A7")
    ('=IF($B$0>0,C0/B0,LOG10(D0))', '=Sheet2!A0')
    """
    return _ROW_NUMBER.sub("0", text)


def shapes(texts: list[str]) -> list[str]:
    """:func:`shape` of each of ``texts`` (formulas, which hold no NUL), in one substitution over them all.

    >>> shapes(["A7*2", "=Sheet2!B12"])
    ['A0*2', '=Sheet2!B0']
    """
    if not texts:
        return []
    return _ROW_NUMBER.sub("0", "\0".join(texts)).split("\0")


def has_digit(text: str) -> bool:
    """Whether ``text`` (a name, or a pattern of names) has a digit."""
    return _HAS_DIGIT.search(text) is not None


_SHAPED_DIGIT = re.compile(r"[A-Za-z$]\d")


def shape_may_change(name: str) -> bool:
    """Whether a formula's :func:`shape` may change the table or defined name ``name`` in it: where it has a digit
    right after a letter (``Table1``, ``Q1_2024``), the start of a run :data:`_ROW_NUMBER` may take for a row
    number; a name's digits after ``_`` or ``.`` alone (``_xlr_nps_0_10``, the trackers' hidden name since 71e622d9)
    are never taken (a name starts with no digit, so each run of them is the name's own, with the name's own
    character before it), and with such names a formula's shape still stands for every filled-down copy of it.

    >>> shape_may_change("Table1"), shape_may_change("_xlr_nps_0_10"), shape_may_change("rate.2"), shape("x*_a_10")
    (True, False, False, 'x*_a_10')
    """
    return _SHAPED_DIGIT.search(name) is not None


#: (table names, defined names, names defined by a formula) -> (whether one of them has a digit,
#: {(shape, array formula): whether it may need a rewrite})
_DECIDED: dict[tuple[tuple[str, ...], ...], tuple[bool, dict[tuple[str, bool], bool]]] = {}


def decided(
    text: str,
    tables: list[Table],
    array: bool,
    names: dict[str, str] | None,
    defined: dict[str, str] | None,
) -> bool:
    """Whether ``text`` (a formula starting with ``=``) may need a structural rewrite: the cheap pre-check.

    ``tables``: the workbook's tables; ``array``: an array formula; ``names`` and ``defined``: the
    defined names visible here (lower case; only their names matter). The answer is the same as the
    uncached check's for every formula, computed once per shape (every row number made ``0``) and set of
    names; never raises (a text that is not a formula is only searched, not parsed).

    >>> decided("=A2:A9*2", [], False, None, None), decided("=A3:A10*2", [], False, None, None)
    (True, True)
    """
    context = (tuple(t.name for t in tables), tuple(names or ()), tuple(defined or ()))
    known = _DECIDED.get(context)
    if known is None:
        if len(_DECIDED) >= 64:
            _DECIDED.clear()
        known = _DECIDED[context] = (any(shape_may_change(w) for words in context for w in words), {})
    digits, answers = known
    key = (text if digits else shape(text), array)
    answer = answers.get(key)
    if answer is None:
        if len(answers) >= 20000:
            answers.clear()
        by_name = {t.name.lower(): t for t in tables}
        answer = answers[key] = _candidate(text, by_name, array, {**(names or {}), **(defined or {})})
    return answer
