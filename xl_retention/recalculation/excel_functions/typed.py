"""Text given to an aggregate as a value, not in a reference: Excel reads it as a number typed into the formula.

Microsoft's MAX, MIN, AVERAGE, SUM, COUNT, MAXA ... pages: "Logical values and text representations
of numbers that you type directly into the list of arguments are counted"; "If an argument is an
array or reference, only numbers in that array or reference are used"; "Arguments that are error
values or text that cannot be translated into numbers cause errors" (COUNT: "are not counted").
An argument that is an expression giving text (``TEXT(45294,"yyyy-mm-dd")``, ``TRIM(A1)``,
``A1&""``) is such a value, not a reference: ``=MAX(TEXT(45294,"yyyy-mm-dd"),0.025)`` is 45294 and
``=MAX(UPPER("abc"),1)`` #VALUE! in Excel, where the engine left the text out (0.025 and 1).

:func:`typed_argument` tells the rewrite of :mod:`.arguments` which arguments to wrap:

- a text literal of an aggregate: ``_XLR.EACH.VALUE("...")`` (VALUE as Excel reads text), or for COUNT
  ``_XLR.COUNTED("...")`` (a number when the text reads as one, else the text, which COUNT leaves out);
- an argument that may give text (it holds typed text, ``&`` or a function giving text, :data:`TEXT_RESULTS`)
  and certainly gives a value, not a reference (an operation, a call of a function giving a value, IF,
  CHOOSE, IFERROR, IFS whose results all do): ``_XLR.TYPED(...)``, or ``_XLR.COUNTED(...)`` in COUNT.
  These pass an array on as it is (text in an array is left out, as in a reference).

A cell, a range, a name, and functions that may give a reference (INDEX, OFFSET, INDIRECT, XLOOKUP, LET,
SWITCH, IF of a range, ...; the lookups, to be safe) are never wrapped: text in a reference is left out.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, ExcelError, Function, check, engine_call, engine_value, plain_number
from .call_arguments import call_parts
from .text_numbers import text_to_number

#: aggregates reading every argument as numbers: typed text is a number or #VALUE!
ALL_ARGUMENTS = frozenset(
    (
        "SUM", "AVERAGE", "MIN", "MAX", "PRODUCT", "MEDIAN", "STDEV", "STDEV.S", "STDEV.P", "STDEVP", "VAR", "VAR.S",
        "VAR.P", "VARP", "GEOMEAN", "HARMEAN", "AVEDEV", "DEVSQ", "KURT", "SKEW", "SUMSQ", "MODE", "MODE.SNGL",
        "MODE.MULT", "AVERAGEA", "MAXA", "MINA", "STDEVA", "STDEVPA", "VARA", "VARPA",
    )
)  # fmt: skip
#: functions whose first argument is an array of numbers
FIRST_ARGUMENT = frozenset(
    ("SMALL", "LARGE", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE", "QUARTILE.INC", "QUARTILE.EXC")
)
#: functions whose result is text (or an array), never a reference
TEXT_RESULTS = frozenset(
    (
        "TEXT", "TRIM", "UPPER", "LOWER", "PROPER", "LEFT", "LEFTB", "RIGHT", "RIGHTB", "MID", "MIDB", "SUBSTITUTE",
        "REPLACE", "REPLACEB", "CONCAT", "CONCATENATE", "TEXTJOIN", "REPT", "CHAR", "UNICHAR", "T", "FIXED", "DOLLAR",
        "CLEAN", "TEXTBEFORE", "TEXTAFTER", "REGEXEXTRACT", "REGEXREPLACE", "VALUETOTEXT", "ARRAYTOTEXT", "ROMAN",
        "BASE", "DEC2BIN", "DEC2HEX", "DEC2OCT", "ADDRESS", "_XLR.TEXT",
    )
)  # fmt: skip
#: the registered forms (see :func:`typed` and :func:`counted`)
TYPED, COUNTED, VALUE = "_XLR.TYPED", "_XLR.COUNTED", "_XLR.EACH.VALUE"
#: a reference given to MODE, whose numbers alone count (see :func:`referenced`)
REFERENCED = "_XLR.REFERENCED"
#: the forms reading a value typed into NPV's values and its rate (:mod:`.present_values`)
NPV_VALUE, NPV_RATE = "_XLR.NPVVALUE", "_XLR.NPVRATE"
#: the engine's functions giving #VALUE! for numeric text in a cell given as a number (``SLN(A2,A3,A4)`` of "2400",
#: "300", "10"), where Excel reads it as the number (as the engine's own ROUND, PMT, DB ... do): such a one-cell
#: argument is read through :data:`NUMBER_ARGUMENT` (:mod:`.present_values`)
NUMBER_READERS = frozenset(
    ("SLN", "SYD", "DDB", "EFFECT", "NOMINAL", "ISPMT", "RRI", "PDURATION", "CUMIPMT", "CUMPRINC", "TBILLPRICE",
     "TBILLYIELD", "TBILLEQ", "DOLLARDE", "DOLLARFR", "ACCRINTM", "PRICE", "YIELD")
)  # fmt: skip
NUMBER_ARGUMENT = "_XLR.NUMBERARGUMENT"
#: DDB's period, listed when it is not a whole number (:mod:`.present_values`)
WHOLE_PERIOD = "_XLR.WHOLEPERIOD"
#: the same test :data:`TEXT_RESULTS` makes, on the upper-cased formula text, before tokenizing
HINT = (
    r"(?<![A-Z0-9_.])(?:SUM|AVERAGE|MIN|MAX|PRODUCT|MEDIAN|STDEV|VAR|GEOMEAN|HARMEAN|AVEDEV|DEVSQ|KURT|SKEW|MODE"
    r"|COUNT|SMALL|LARGE|PERCENTILE|QUARTILE)[A-Z.]*\(.*(?<![A-Z0-9_])(?:TEXT|TRIM|UPPER|LOWER|PROPER|LEFTB?|RIGHTB?"
    r"|MIDB?|SUBSTITUTE|REPLACEB?|CONCAT|CONCATENATE|TEXTJOIN|REPT|U?N?I?CHAR|T|FIXED|DOLLAR|CLEAN|TEXTBEFORE"
    r"|TEXTAFTER|REGEXEXTRACT|REGEXREPLACE|VALUETOTEXT|ARRAYTOTEXT|ROMAN|BASE|DEC2[A-Z]+|ADDRESS)\("
    r"|(?<![A-Z0-9_.])NPV\("  # NPV("2",..): values typed into NPV (.present_values)
    r"|(?:(?<=_XLFN\.)|(?<![A-Z0-9_.]))MODE(?:\.SNGL|\.MULT)?\("  # MODE(A4,..): reference_numbers
    r"|(?<![A-Z0-9_.])(?:SLN|SYD|DDB|EFFECT|NOMINAL|ISPMT|RRI|PDURATION|CUMIPMT|CUMPRINC|TBILLPRICE|TBILLYIELD|TBILLEQ"
    r"|DOLLARDE|DOLLARFR|ACCRINTM|PRICE|YIELD)\("  # SLN(A2,..) of numeric text (NUMBER_READERS)
    r"|_XLR\.EACH\.DDB\("  # DDB over an array of periods: a period not whole listed (WHOLE_PERIOD)
)


#: functions whose result may be a reference (text in it is then left out): (function, result arguments) where the
#: result is one of the arguments given (IF's value_if_true ...), else None (INDEX, OFFSET, ...: never wrapped)
_PASSING = {"IF": slice(1, None), "IFERROR": slice(0, None), "IFNA": slice(0, None), "CHOOSE": slice(1, None),
            "IFS": slice(1, None, 2)}  # fmt: skip
_REFERENCES = frozenset(
    ("INDEX", "OFFSET", "INDIRECT", "XLOOKUP", "LET", "LAMBDA", "SINGLE", "SWITCH", "TAKE", "DROP", "CHOOSEROWS",
     "CHOOSECOLS", "TRIMRANGE", "VLOOKUP", "HLOOKUP", "LOOKUP")
)  # fmt: skip


def _bare(token: Token) -> str:
    name = token.value[:-1].upper()
    for prefix in ("_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name


def _split(inner: list[Token]) -> list[list[Token]] | None:
    """The arguments of ``inner`` when it is exactly one call (its opening token first), else None."""
    found = call_parts(inner, 0)
    return found[0] if found is not None and found[1] == len(inner) - 1 else None


def _value_only(inner: list[Token]) -> bool:
    """Whether an argument (its tokens, no spaces) certainly gives a value, not a reference: a constant, an operation
    (``A1&""``, ``-A1``), a call of a function giving a value, or IF/CHOOSE/IFERROR/IFS whose results all do."""
    if not inner:
        return False
    first = inner[0]
    if len(inner) == 1:
        return first.type == Token.OPERAND and first.subtype != Token.RANGE
    if first.type == Token.ARRAY and _split_array(inner):
        return False  # one array typed in: an array, its text left out
    depth = 0
    for token in inner:
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
        elif depth == 0 and token.type in (Token.OP_IN, Token.OP_POST) and token.value not in (":", ","):
            return True
    if first.type == Token.OP_PRE:
        return first.value == "-" or _value_only(inner[1:])
    if first.type == Token.PAREN and first.subtype == Token.OPEN:
        parts = _split([Token("(", Token.FUNC, Token.OPEN), *inner[1:]])
        return parts is not None and len(parts) == 1 and _value_only(parts[0])
    if first.type != Token.FUNC or first.subtype != Token.OPEN or ":" in first.value:
        return False  # A1:INDEX(A:A,n), the tokenizer's one opening token: a range, whose corner is computed
    parts = _split(inner)
    name = _bare(first)
    if parts is None or name in _REFERENCES:
        return False
    if name in _PASSING:
        results = parts[_PASSING[name]]
        return bool(results) and all(_value_only(part) for part in results if part)
    return True


def may_give_reference(argument: list[Token]) -> bool:
    """Whether an argument is one call (in brackets or not) that may give a reference: INDEX, OFFSET, INDIRECT, and
    IF, CHOOSE, IFS ... of references (not :func:`_value_only`); a cell, a range or a name alone is not asked here.

    >>> from openpyxl.formula import Tokenizer
    >>> [may_give_reference(list(Tokenizer("=" + t).items)) for t in ("INDEX(A1:A4,3)", "(IF(B1,A3,A4))", "TRIM(A3)")]
    [True, True, False]
    >>> [may_give_reference(list(Tokenizer("=" + t).items)) for t in ("A3", "INDEX(A1:A4,3)+0", "(A1,B1)")]
    [False, False, False]
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    while len(inner) > 2 and inner[0].type == Token.PAREN and inner[0].subtype == Token.OPEN:
        parts = _split([Token("(", Token.FUNC, Token.OPEN), *inner[1:]])
        if parts is None or len(parts) != 1:
            return False
        inner = parts[0]
    if not inner or inner[0].type != Token.FUNC or inner[0].subtype != Token.OPEN or _split(inner) is None:
        return False
    return not _value_only(inner)


def bracketed_reference(argument: list[Token]) -> bool:
    """Whether an argument is a cell, a range or a name in brackets (``(B2)``, ``((A1:A3))``): a reference still, whose
    text and logicals COUNT leaves out as it does ``B2``'s (Microsoft's COUNT page: "If an argument is an array or
    reference, only numbers in that array or reference are counted"); ``COUNT((B2))`` of the text "3" was 1.

    >>> from openpyxl.formula import Tokenizer
    >>> [bracketed_reference(list(Tokenizer("=" + t).items)) for t in ("(B2)", "((A1:A3))", "B2", "(B2+1)", "(1)")]
    [True, True, False, False, False]
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    depth = 0
    while len(inner) > 2 and (inner[0].type, inner[0].subtype, inner[-1].type) == (
        Token.PAREN,
        Token.OPEN,
        Token.PAREN,
    ):
        inner, depth = inner[1:-1], depth + 1
    return depth > 0 and len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.RANGE


def _split_array(inner: list[Token]) -> bool:
    depth = 0
    for k, token in enumerate(inner):
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
            if depth == 0:
                return k == len(inner) - 1
    return False


def _may_be_text(inner: list[Token]) -> bool:
    """Whether an argument may give text: it holds typed text, ``&`` or a call of a function giving text."""
    for token in inner:
        if token.type == Token.OPERAND and token.subtype == Token.TEXT:
            return True
        if token.type == Token.OP_IN and token.value == "&":
            return True
        if token.type == Token.FUNC and token.subtype == Token.OPEN and _bare(token) in TEXT_RESULTS:
            return True
    return False


def typed_argument(name: str, position: int, argument: list[Token], text: str) -> str:
    """Argument ``position`` of a call of ``name`` (its tokens, and its rewritten ``text``), wrapped when Excel reads
    it as a value typed into the formula (see the module docstring); else ``text`` itself.

    >>> from openpyxl.formula import Tokenizer
    >>> tokens = list(Tokenizer('=TRIM(" 5 ")').items)
    >>> typed_argument("MAX", 0, tokens, 'TRIM(" 5 ")'), typed_argument("IF", 0, tokens, 'TRIM(" 5 ")')
    ('_XLR.TYPED(TRIM(" 5 "))', 'TRIM(" 5 ")')
    """
    if name == "NPV":  # a value typed into NPV's values is counted, a reference's only when a number (.present_values)
        return _npv_argument(position, argument, text)
    if name in ("DDB", "_XLR.EACH.DDB") and position == 3:  # DDB(..,1.5): listed (.present_values)
        return text if _WHOLE_LITERAL.fullmatch(text) else f"{WHOLE_PERIOD}({text.strip()})"
    if name in NUMBER_READERS:  # SLN(A2,..) of "2400" in A2: the number (.present_values)
        inner = [t for t in argument if t.type != Token.WSPACE]
        cell = len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype in (Token.RANGE, Token.TEXT)
        return f"{NUMBER_ARGUMENT}({text.strip()})" if cell and ":" not in inner[0].value else text
    if name == "COUNT":
        wrapper, literal = COUNTED, COUNTED
    elif name in ALL_ARGUMENTS or (position == 0 and name in FIRST_ARGUMENT):
        wrapper, literal = TYPED, VALUE
    else:
        return text
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner:
        return text
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.TEXT:
        if literal == COUNTED and _number_of(inner[0].value[1:-1].replace('""', '"')) is None:
            return text  # COUNT("a"): left out as it is
        return (date_literal(text) if literal == VALUE else None) or f"{literal}({text.strip()})"
    over_range = any(t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value for t in inner)
    if _may_be_text(inner) and not over_range and _value_only(inner):  # over a range (A1:A4&""): an array
        return f"{wrapper}({text.strip()})"
    return text


def uncounted_error(argument: list[Token], text: str) -> str:
    """COUNT's argument ``text`` (its tokens ``argument``) that may be an error value, as COUNT leaves its error out:
    ``IFERROR(x,"")``; a call that may give a reference (``INDEX(A1:A4,3)``, ``IF(B1,A3,A4)``, ``OFFSET(..)``) kept a
    reference where it gives one, since IFERROR gives the value of a one-cell reference, which COUNT counts as typed
    (numeric text, a logical) where Excel counts a reference's numbers only.

    >>> from openpyxl.formula import Tokenizer
    >>> uncounted_error(list(Tokenizer("=INDEX(A1:A4,3)").items), "INDEX(A1:A4,3)")
    'IF(ISREF(INDEX(A1:A4,3)),INDEX(A1:A4,3),IFERROR(INDEX(A1:A4,3),""))'
    >>> uncounted_error(list(Tokenizer("=1/0").items), "1/0")
    'IFERROR(1/0,"")'
    """
    if may_give_reference(argument):
        inner = text.strip()
        return f'IF(ISREF({inner}),{inner},IFERROR({inner},""))'
    return f'IFERROR({text},"")'


def counted_error(argument: list[Token], text: str) -> str:
    """COUNTA's argument ``text`` (its tokens ``argument``): a call that may give a reference kept one where it gives
    one, else its error made a value COUNTA counts (Microsoft's COUNTA page: it counts error values; INDEX and OFFSET
    out of the range give #REF!, which the engine passed on as COUNTA's answer); other arguments as they are.

    >>> from openpyxl.formula import Tokenizer
    >>> counted_error(list(Tokenizer("=INDEX(A1:A3,9)").items), "INDEX(A1:A3,9)")
    'IF(ISREF(INDEX(A1:A3,9)),INDEX(A1:A3,9),IFERROR(INDEX(A1:A3,9),NA()))'
    >>> counted_error(list(Tokenizer("=1/0").items), "1/0")
    '1/0'
    """
    if not may_give_reference(argument):
        return text
    call = text.strip()
    return f"IF(ISREF({call}),{call},IFERROR({call},NA()))"


def reference_numbers(argument: list[Token], text: str) -> str:
    """MODE's argument ``text`` (its tokens ``argument``): a cell, a range, a name or a call that may give a reference
    read through ``_XLR.REFERENCED``, which leaves out the text and logicals of the one-cell reference the engine
    hands over as its value (``MODE(A4,1,2,2)`` of TRUE in A4 is 2, not 1); other arguments as they are.

    A range of several cells (``A:A``, ``A1:A9``), which the engine hands over whole, is left as it is, and so is a
    call's reference of several cells: only one cell goes through Python (a whole column would be copied there).

    >>> from openpyxl.formula import Tokenizer
    >>> [reference_numbers(list(Tokenizer("=" + t).items), t) for t in ("A4", "2", "A:A", "$B$2:B2", "(A4)")]
    ['_XLR.REFERENCED(A4)', '2', 'A:A', '_XLR.REFERENCED($B$2:B2)', '_XLR.REFERENCED((A4))']
    >>> reference_numbers(list(Tokenizer("=INDEX(A1:A4,3)").items), "INDEX(A1:A4,3)")
    'IF(ISREF(INDEX(A1:A4,3)),IF(ROWS(INDEX(A1:A4,3))*COLUMNS(INDEX(A1:A4,3))=1,_XLR.REFERENCED(INDEX(A1:A4,3)),\
INDEX(A1:A4,3)),INDEX(A1:A4,3))'
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    if bracketed_reference(inner):  # MODE((A4),1,2,2): the cell's reference still (its TRUE left out)
        inner = [t for t in inner if t.type == Token.OPERAND]
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.RANGE:
        corners = [part.replace("$", "").upper() for part in inner[0].value.rpartition("!")[2].split(":")]
        one = len(corners) == 1 or (len(set(corners)) == 1 and _ONE_CELL.fullmatch(corners[0]) is not None)
        return f"{REFERENCED}({text.strip()})" if one else text
    if may_give_reference(argument):
        call = text.strip()
        one = f"IF(ROWS({call})*COLUMNS({call})=1,{REFERENCED}({call}),{call})"
        return f"IF(ISREF({call}),{one},{call})"
    return text


_ONE_CELL = re.compile(r"[A-Z]{1,3}\d+")
#: a whole number typed in (DDB's period needs no check)
_WHOLE_LITERAL = re.compile(r"\s*\d+\s*")

#: the functions reading references through ``_XLR.REFERENCED`` (:func:`reference_arguments`): every argument of MODE,
#: the data of the forms answering each k (``SUM(LARGE(A3,{1,2}))``: .statistical, RANK's second argument)
_MODES = frozenset(("MODE", "MODE.SNGL", "MODE.MULT"))
_EACH_DATA = {
    **{f"_XLR.EACH.{name}": 0 for name in ("LARGE", "SMALL", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC")},
    **{f"_XLR.EACH.{name}": 0 for name in ("QUARTILE", "QUARTILE.INC", "QUARTILE.EXC")},
    **{f"_XLR.EACH.{name}": 1 for name in ("RANK", "RANK.EQ", "RANK.AVG")},
}


def reference_arguments(name: str, parts: list[list[Token]], args: list[str]) -> list[str]:
    """The rewritten arguments ``args`` (their tokens ``parts``) of a call of ``name``: COUNTA's through
    :func:`counted_error`, and those our functions read as references through :func:`reference_numbers`: the text
    and logicals of a one-cell reference, which the engine hands over as its value, are left out as Excel leaves them
    out of any reference (``MODE(A4,1,2,2)`` of TRUE in A4 is 2; ``SUM(LARGE(A3,{1}))`` of the text "3" #NUM!).

    >>> from openpyxl.formula import Tokenizer
    >>> reference_arguments("_XLR.EACH.LARGE", [list(Tokenizer("=A3").items), []], ["A3", "{1}"])
    ['_XLR.REFERENCED(A3)', '{1}']
    """
    if name == "COUNTA":  # COUNTA(INDEX(A1:A3,9)): INDEX's #REF! is an error value, counted
        return [counted_error(part, arg) for part, arg in zip(parts, args, strict=True)]
    if name in _MODES:
        return [reference_numbers(part, arg) for part, arg in zip(parts, args, strict=True)]
    data = _EACH_DATA.get(name)
    if data is not None and data < len(parts):
        args = list(args)
        args[data] = reference_numbers(parts[data], args[data])
    return args


def _npv_argument(position: int, argument: list[Token], text: str) -> str:
    """NPV's argument wrapped where the engine misreads it (:mod:`.present_values`): a value (not a reference) among
    the values in ``_XLR.NPVVALUE``, the rate when it is a cell or a value in ``_XLR.NPVRATE``; a typed number, a
    range and anything else unchanged.

    >>> from openpyxl.formula import Tokenizer
    >>> [_npv_argument(1, list(Tokenizer("=" + t).items), t) for t in ('"2"', "TRUE", "A1", "3", "{1,2}", "A1:A3")]
    ['_XLR.NPVVALUE("2")', '_XLR.NPVVALUE(TRUE)', 'A1', '3', '_XLR.NPVVALUE({1,2})', 'A1:A3']
    >>> [_npv_argument(0, list(Tokenizer("=" + t).items), t) for t in ("0.1", "A1", '"10%"', "A1:A3")]
    ['0.1', '_XLR.NPVRATE(A1)', '_XLR.NPVRATE("10%")', 'A1:A3']
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner:
        return text
    first = inner[0]
    if len(inner) == 1 and first.type == Token.OPERAND and first.subtype == Token.NUMBER:
        return text
    if position == 0:
        cell = (
            len(inner) == 1 and first.type == Token.OPERAND and first.subtype == Token.RANGE and ":" not in first.value
        )
        return f"{NPV_RATE}({text.strip()})" if cell or _value_only(inner) else text
    array = first.type == Token.ARRAY and _split_array(inner)
    return f"{NPV_VALUE}({text.strip()})" if array or _value_only(inner) else text


def index_of_value(argument: list[Token], call: str, args: list[str]) -> str:
    """INDEX (``call``, its rewritten ``args``) whose array is an expression giving a value (not a reference): when that
    value is an error, Excel's INDEX answers the error (``INDEX(1/0,1,4)`` is #DIV/0!), the engine #REF! (or the error
    of a row or column number, which Excel reads after the array). Such a call becomes ``LET(_xlr_i,call,IFERROR(
    _xlr_i,...))``: the engine's INDEX is the answer where it is no error; where it is #REF!, an error while a number is
    one too, or an array holding an error, the array is computed again (``_xlr_x``) and, when it is one error value
    (:data:`FAILED`), that error is the answer. Others come back as they are.

    The engine's INDEX comes first: the array is neither held in LET nor sent into Python for every cell (300 cells of
    ``INDEX(A$1:A$10000*1,ROW())`` took twice as long, H38), and an expression holding errors, which the engine
    computes slowly, is computed again only where its error may be the answer (not where INDEX picked an error).

    >>> from openpyxl.formula import Tokenizer
    >>> index_of_value(list(Tokenizer("=1/0").items), "INDEX(1/0,1,4)", ["1/0", "1", "4"])
    'LET(_xlr_i,INDEX(1/0,1,4),IFERROR(_xlr_i,IF(ROWS(_xlr_i)*COLUMNS(_xlr_i)=1,IF(OR(ERROR.TYPE(_xlr_i)=4,\
ISERROR(1),ISERROR(4)),LET(_xlr_x,1/0,IF(_XLR.FAILED(_xlr_x),_xlr_x,_xlr_i)),_xlr_i),\
LET(_xlr_x,1/0,IF(_XLR.FAILED(_xlr_x),_xlr_x,_xlr_i)))))'
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) < 2 or not _value_only(inner) or len(args) < 2:
        return call
    again = f"LET(_xlr_x,{args[0].strip()},IF({FAILED}(_xlr_x),_xlr_x,_xlr_i))"
    tests = ",".join(["ERROR.TYPE(_xlr_i)=4", *(f"ISERROR({a.strip()})" for a in args[1:] if a.strip())])
    one = f"IF(OR({tests}),{again},_xlr_i)"  # one error: the array's only where INDEX's error may be its
    return f"LET(_xlr_i,{call},IFERROR(_xlr_i,IF(ROWS(_xlr_i)*COLUMNS(_xlr_i)=1,{one},{again})))"


def size_of_value(argument: list[Token], call: str, arg: str) -> str:
    """ROWS or COLUMNS (``call``, its rewritten argument ``arg``) of an expression giving a value (not a reference):
    when that value is an error, Excel's answer is the error (``ROWS(1/0)`` is #DIV/0!, ``ROWS(#REF!)`` #REF!), the
    engine's 1. Such a call becomes ``LET(_xlr_x,arg,_xlr_n,ROWS(_xlr_x),IF(_xlr_n>1,_xlr_n,IF(COLUMNS(_xlr_x)>1,
    _xlr_n,IF(_XLR.FAILED(_xlr_x),_xlr_x,_xlr_n))))``: only a value of one row and one column can be an error, so only
    that one is sent into Python (:data:`FAILED`), not every array; a reference (``ROWS(A1)`` of a cell holding #N/A is
    1) comes back as it is.

    >>> from openpyxl.formula import Tokenizer
    >>> size_of_value(list(Tokenizer("=1/0").items), "ROWS(1/0)", "1/0")
    'LET(_xlr_x,1/0,_xlr_n,ROWS(_xlr_x),IF(_xlr_n>1,_xlr_n,IF(COLUMNS(_xlr_x)>1,_xlr_n,IF(_XLR.FAILED(_xlr_x),_xlr_x,_xlr_n))))'
    >>> size_of_value(list(Tokenizer("=A1").items), "ROWS(A1)", "A1")
    'ROWS(A1)'
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not _value_only(inner):
        return call
    head = call[: call.index("(")]
    other = "COLUMNS" if head.upper().endswith("ROWS") else "ROWS"
    size = f"IF(_xlr_n>1,_xlr_n,IF({other}(_xlr_x)>1,_xlr_n,IF({FAILED}(_xlr_x),_xlr_x,_xlr_n)))"
    return f"LET(_xlr_x,{arg.strip()},_xlr_n,{head}(_xlr_x),{size})"


def _failed(value: Any) -> bool:
    return isinstance(value, dict) and value.get("type") == "Error"


def _number_of(value: str) -> float | None:
    parsed = text_to_number(value)
    return None if isinstance(parsed, str) else float(parsed)


def typed(value: Any) -> Any:
    """A value typed into an aggregate's arguments: text read as a number (a date, "1,234.50", "10%") or #VALUE!;
    an array (or a range) passed on as it is; anything else unchanged.

    >>> typed("2024-01-03"), typed(" 1,234.50 "), typed([["x"]]), typed(True)
    (45294.0, 1234.5, [['x']], True)
    """
    if isinstance(value, str):
        number = _number_of(value)
        if number is None:
            raise ExcelError("#VALUE!")
        return number
    if isinstance(value, list):
        return value
    return check(value) if value is not None else None


def counted(value: Any) -> Any:
    """A value typed into COUNT's arguments: text that reads as a number becomes it (counted), other text stays
    text (left out), anything else unchanged.

    >>> counted("2024-01-03"), counted("abc"), counted(3.0)
    (45294.0, 'abc', 3.0)
    """
    if isinstance(value, str):
        number = _number_of(value)
        return value if number is None else number
    return value


def referenced(value: Any) -> Any:
    """A reference's value where the engine hands a Python function a one-cell reference as the value it holds: a
    number (or an error) stays, text, a logical or a blank is left out (None), as Excel leaves them out of a reference
    given to MODE; a range's rows pass on as they are.

    >>> referenced(True), referenced("3"), referenced(3.0), referenced([["3", 2.0]])
    (None, None, 3.0, [['3', 2.0]])
    """
    if isinstance(value, list) or (isinstance(value, dict) and value.get("type") == "Error"):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def _engine(fn: Any) -> Any:
    def call(value: Any) -> Any:
        try:
            return engine_value(fn(value))
        except ExcelError as error:
            return {"type": "Error", "kind": error.code}

    call.__name__ = f"excel_{fn.__name__}"
    return call


FUNCTIONS[TYPED] = Function(TYPED, _engine(typed), 1, 1)
FUNCTIONS[COUNTED] = Function(COUNTED, _engine(counted), 1, 1)
FUNCTIONS[REFERENCED] = Function(REFERENCED, referenced, 1, 1)
#: whether a value (not an array) is an error (see :func:`index_of_value`)
FAILED = "_XLR.FAILED"
FUNCTIONS[FAILED] = Function(FAILED, _failed, 1, 1)

#: words one of which every formula :func:`may_wrap` is True for holds (a cheap case-sensitive alternation; and the
#: ``^`` operator, rewritten by :mod:`.powers`)
TEXT_WORDS = (
    r"TEXT|TRIM\(|UPPER\(|LOWER\(|PROPER\(|LEFT|RIGHT|MID|SUBSTITUTE\(|REPLACE|CONCAT|REPT\(|CHAR\(|T\(|FIXED\("
    r"|DOLLAR\(|CLEAN\(|REGEX|ROMAN\(|BASE\(|DEC2|ADDRESS\(|SORT|\^|FORMULA|NPV\(|MODE|SLN\(|SYD\(|DDB\(|EFFECT\("
    r"|NOMINAL\(|ISPMT\(|RRI\(|PDURATION\(|CUMIPMT\(|CUMPRINC\(|TBILL|DOLLARDE\(|DOLLARFR\(|ACCRINTM\(|PRICE\(|YIELD\("
)
_TEXT_WORD = re.compile(TEXT_WORDS)
_MODE = re.compile(r"(?:(?<=_XLFN\.)|(?<![A-Z0-9_.]))MODE(?:\.SNGL|\.MULT)?\(")
_READERS = re.compile(r"(?<![A-Z0-9_.])(?:" + "|".join(sorted(NUMBER_READERS)) + r")\(")
_HINT = re.compile(HINT)


def may_wrap(upper: str) -> bool:
    """False when :func:`typed_argument` certainly wraps no argument of a formula holding no quote and no ``&`` (which
    other pre-tests catch), and it calls no SORT or SORTBY (:func:`.collation.sorted_call`) and has no ``^``
    (:mod:`.powers`) nor ISFORMULA/FORMULATEXT (:mod:`.formula_facts`): ``upper`` is the formula upper-cased.
    A cheap word test first, most formulas fail it.

    >>> may_wrap("SUM(TRIM(A3),1)"), may_wrap("MAX(D2-C2,0)"), may_wrap("ROUND(SUMPRODUCT(B2:B9),2)")
    (True, False, False)
    """
    if "SORT" in upper or "^" in upper or "FORMULA" in upper or "NPV(" in upper or _READERS.search(upper):
        return True  # .collation, .powers, .formula_facts; NPV("2",..), SLN(A2,..) of text (.present_values)
    if "MODE" in upper and _MODE.search(upper) is not None:  # MODE(A4,..): reference_numbers
        return True
    return _TEXT_WORD.search(upper) is not None and _HINT.search(upper) is not None


#: the registered function reading a date typed as text in the workbook's date system (see :func:`dated_value`)
DATED_VALUE = "_XLR.DATEDVALUE"
#: 1 January 1904 in the 1900 date system: ``DATE(1904,1,1)`` gives it in a 1900 workbook, 0 in a 1904 one
EPOCH_1904 = 1462


def date_serial(value: str) -> float | None:
    """The 1900-system serial of text that reads as a date (``"2024-01-15"``, ``"Jan 2024"``, ``"1/31/2024 12:00"``),
    None for anything else (a number, a time alone, other text).

    >>> date_serial("2024-01-15"), date_serial("Jan 2024"), date_serial("12:00"), date_serial("-5"), date_serial("x")
    (45306.0, 45292.0, None, None, None)
    """
    stripped = value.strip()
    if not stripped or not any(c.isalpha() or c in "/-" for c in stripped):
        return None
    if plain_number(stripped) is not None:
        return None
    number = text_to_number(stripped)
    return None if isinstance(number, str) or number < 1 else number


def date_literal(text: str) -> str | None:
    """A date typed as text (``'"2024-01-15"'``, the argument's text) read at run time in the workbook's date system:
    ``_XLR.DATEDVALUE(text, DATE(1904,1,1))`` (``DATE(1904,1,1)`` is 1462 in the 1900 system, 0 in the 1904 one, where
    Excel reads "2024-01-15" as 43844); None for anything else.

    >>> date_literal('"2024-01-15"'), date_literal('"12"')
    ('_XLR.DATEDVALUE("2024-01-15",DATE(1904,1,1))', None)
    """
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"' or date_serial(text[1:-1].replace('""', '"')) is None:
        return None
    return f"{DATED_VALUE}({text},DATE(1904,1,1))"


def dated_value(value: Any, epoch: Any) -> Any:
    """The serial number of a date typed as text in the workbook's date system (``epoch``: ``DATE(1904,1,1)`` there).

    >>> dated_value("2024-01-15", 1462.0), dated_value("2024-01-15", 0.0), dated_value("2/29/1900", 1462.0)
    (45306.0, 43844.0, 60.0)
    """
    check(value)
    serial = date_serial(value) if isinstance(value, str) else None
    if serial is None or not isinstance(epoch, (int, float)) or isinstance(epoch, bool):
        raise ExcelError("#VALUE!")
    serial -= EPOCH_1904 - float(epoch)
    if serial < 0:  # before 1 January 1904 in the 1904 date system: no date Excel reads ("2/29/1900")
        raise ExcelError("#VALUE!")
    return serial


FUNCTIONS[DATED_VALUE] = Function(DATED_VALUE, engine_call(dated_value), 2, 2)
