"""The rewrite's reading of a criteria call (COUNTIF(S), SUMIF(S), AVERAGEIF(S), MAXIFS, MINIFS) from its arguments'
tokens, for :mod:`.arguments`: ranges of different sizes (#VALUE!, :func:`size_guard`), the empty cells the engine does
not reach (:func:`scanned_call`), criteria arrays over whole columns given their true size (:func:`each_shaped`).

Split from :mod:`.criteria` verbatim (which computes the criteria arrays, one answer each).
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from ._core import EACH
from .criteria import _STEP, CRITERIA, SHAPE, criteria_positions


def _reference(argument: list[Token]) -> str | None:
    """The text of an argument that is one A1 reference typed in (not a name); None for anything else."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) != 1 or inner[0].type != Token.OPERAND or inner[0].subtype != Token.RANGE:
        return None
    try:
        range_boundaries(inner[0].value.rpartition("!")[2].replace("$", ""))
    except (ValueError, TypeError):  # a name, not a reference
        return None
    return inner[0].value


def size_guard(name: str, parts: list[list[Token]]) -> str | None:
    """For a COUNTIFS, SUMIFS, AVERAGEIFS, MAXIFS or MINIFS call (its arguments' tokens) whose ranges are typed in: a
    condition, true when they differ in size, which Excel answers with #VALUE! (Microsoft's SUMIFS: "each
    criteria_range argument must contain the same number of rows and columns as the sum_range argument"); the engine
    computed over the overlap. None when there is nothing to check. The rewrite of :mod:`.arguments` computes it in the
    engine (row numbers are set aside while a formula's shape is rewritten, so it cannot be decided there).

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> size_guard("COUNTIFS", parts('=COUNTIFS(A1:A4,"x",B1:B3,"y")'))
    'OR(ROWS(B1:B3)<>ROWS(A1:A4),COLUMNS(B1:B3)<>COLUMNS(A1:A4))'
    >>> size_guard("SUMIF", parts('=SUMIF(A1:A4,"x",C1)')) is None
    True
    """
    name = name.removeprefix(EACH)
    if name not in _STEP:
        return None
    first = CRITERIA[name] - 1  # the first criteria range
    positions = ([0] if first == 1 else []) + [*range(first, len(parts), 2)]
    references = [_reference(parts[k]) for k in positions if k < len(parts)]
    if len(references) < 2 or None in references:
        return None
    one = references[0]
    tests = [f"ROWS({r})<>ROWS({one}),COLUMNS({r})<>COLUMNS({one})" for r in references[1:] if r != one]
    return f"OR({','.join(tests)})" if tests else None


# --- the empty cells the engine does not reach ----------------------------------------------------------------------
# The engine's COUNTIFS reads its ranges only as far as its FIRST range's sheet is in use (a whole column: as far as
# that column is), and SUMIF/AVERAGEIF as far as their criteria range is: COUNTIFS(A1:A10,"") 0 where A1:A5 are the
# sheet's last used rows (Excel 5), COUNTIFS(A:A,"") 0 (Excel 1,048,571), COUNTIFS(S!C1:C30,"",D!B1:B30,">0") 0
# when D's numbers lie below S's used rows, SUMIF(A:A,"",B:B) 0 (Excel sums B where A is empty). Every cell it does
# not reach is empty. COUNTIF and SUMIFS/AVERAGEIFS (read as far as their sum range) are right.

#: the COUNTIFS of more pairs than this with no criterion known not to match an empty cell are left to the engine
_MOST_PAIRS = 6
_ORDERINGS = ("<=", ">=", "<", ">")


def never_blank(argument: list[Token]) -> bool:
    """Whether a criterion (its tokens) certainly matches no empty cell, in Excel and in the engine: a number, logical
    or error typed in, typed text other than ``""``, ``"="`` and ``"<>x"``, or ``">="&F1`` (an ordering: empty cells
    never match ``<``, ``>``, ``<=``, ``>=``). A cell or any other expression may hold ``""`` or ``"<>x"``.

    >>> from openpyxl.formula import Tokenizer
    >>> def tokens(formula):
    ...     return list(Tokenizer(formula).items)
    >>> [never_blank(tokens(f)) for f in ('="x"', '=">=5"', '=">="&F1', "=5", '=""', '="="', '="<>x"', "=F1")]
    [True, True, True, True, False, False, False, False]
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner or inner[0].type != Token.OPERAND:
        return False
    first = inner[0]
    if len(inner) == 1 and first.subtype in (Token.NUMBER, Token.LOGICAL, Token.ERROR):
        return True
    if first.subtype != Token.TEXT or (len(inner) > 1 and inner[1].value != "&"):
        return False
    text = first.value[1:-1].replace('""', '"')
    if len(inner) > 1:  # ">="&F1: an ordering whatever follows (a lone "<" may become "<>")
        return text.startswith(_ORDERINGS) and text != "<" and not text.startswith("<>")
    if text.startswith("<>"):
        return text == "<>"
    return text.startswith(_ORDERINGS) or bool(text.removeprefix("="))


def _plain_range(argument: list[Token], text: str) -> bool:
    """Whether an argument is one reference typed in (``A1:A10``, ``Data!A:A``), as the rewrite left it."""
    reference = _reference(argument)
    return reference is not None and reference == text.strip()


def scanned_call(name: str, parts: list[list[Token]], args: list[str]) -> str | None:
    """A COUNTIFS, SUMIF or AVERAGEIF call (its arguments' tokens ``parts`` and rewritten texts ``args``) made to
    count the empty cells the engine does not reach (see above), or None to leave it as it is.

    - COUNTIFS with one pair is COUNTIF (Excel's own equivalence);
    - COUNTIFS with a criterion known to match no empty cell (:func:`never_blank`) is computed with that pair first:
      the cells it does not reach are empty in that range, so they match no row;
    - otherwise the largest of the counts with each pair first (each reaches as far as its own range), plus, when
      every criterion matches an empty cell (the engine's COUNTIF counts more of it than its COUNTIFS), the empty
      rows none of them reached: the least of COUNTIF(range,"=")-COUNTIFS(range,"=") over the ranges;
    - SUMIF(range, criteria, sum_range) and AVERAGEIF, when the criterion may match an empty cell and the ranges
      have one shape, SUMIFS(sum_range, range, criteria) (AVERAGEIFS), which reads as far as the sum range.

    Ranges must be references typed in; criteria arrays (one answer each, :func:`each_criteria`) are left alone.

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> scanned_call("COUNTIFS", parts('=COUNTIFS(A:A,"")'), ["A:A", '""'])
    'COUNTIF(A:A,"")'
    >>> scanned_call("COUNTIFS", parts('=COUNTIFS(A:A,"",B:B,"x")'), ["A:A", '""', "B:B", '"x"'])
    'COUNTIFS(B:B,"x",A:A,"")'
    >>> scanned_call("COUNTIFS", parts('=COUNTIFS(A:A,"x",B:B,"")'), ["A:A", '"x"', "B:B", '""']) is None
    True
    >>> scanned_call("SUMIF", parts('=SUMIF(A:A,"",B:B)'), ["A:A", '""', "B:B"])
    'IF(AND(ROWS(B:B)=ROWS(A:A),COLUMNS(B:B)=COLUMNS(A:A)),SUMIFS(B:B,A:A,""),SUMIF(A:A,"",B:B))'
    """
    if name not in ("COUNTIFS", "SUMIF", "AVERAGEIF") or len(parts) != len(args):
        return None
    ranges = range(0, len(args), 2) if name == "COUNTIFS" else (0, 2)
    if name == "COUNTIFS" and len(args) % 2 or name != "COUNTIFS" and len(args) != 3:
        return None
    if not all(_plain_range(parts[k], args[k]) for k in ranges):
        return None
    criteria = range(1, len(args), 2) if name == "COUNTIFS" else (1,)
    if any(_is_array(parts[k]) for k in criteria):
        return None
    if name != "COUNTIFS":
        if never_blank(parts[1]):
            return None
        area, criterion, summed = (a.strip() for a in args)
        same = f"AND(ROWS({summed})=ROWS({area}),COLUMNS({summed})=COLUMNS({area}))"
        return f"IF({same},{name}S({summed},{area},{criterion}),{name}({area},{criterion},{summed}))"
    pairs = [(args[k].strip(), args[k + 1].strip()) for k in range(0, len(args), 2)]
    if len(pairs) == 1:
        return f"COUNTIF({pairs[0][0]},{pairs[0][1]})"
    known = next((j for j, k in enumerate(criteria) if never_blank(parts[k])), None)
    if known is not None:
        if known == 0:
            return None
        ordered = [pairs[known], *pairs[:known], *pairs[known + 1 :]]
        return "COUNTIFS(" + ",".join(f"{r},{c}" for r, c in ordered) + ")"
    if len(pairs) > _MOST_PAIRS:
        return None
    names = [f"_xlr_c{chr(ord('a') + j)}" for j in range(len(pairs))]
    bound = ",".join(f"{n},{c}" for n, (_, c) in zip(names, pairs, strict=True))
    keyed = [(r, n) for n, (r, _) in zip(names, pairs, strict=True)]
    counts = [
        "COUNTIFS(" + ",".join(f"{r},{c}" for r, c in [keyed[j], *keyed[:j], *keyed[j + 1 :]]) + ")"
        for j in range(len(keyed))
    ]
    matched = ",".join(f"COUNTIF({r},{n})>COUNTIFS({r},{n})" for r, n in keyed)
    unread = ",".join(f'COUNTIF({r},"=")-COUNTIFS({r},"=")' for r, _ in keyed)
    return f"LET({bound},MAX({','.join(counts)})+IF(AND({matched}),MIN({unread}),0))"


def _is_array(argument: list[Token]) -> bool:
    """Whether a criterion may be an array: it holds a multi-cell range or an array typed in."""
    return any(
        (t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value) or t.type == Token.ARRAY
        for t in argument
    )


def _whole(argument: list[Token]) -> bool:
    """Whether an argument is a whole column or row typed in (``A:A``, ``Data!$B:$C``, ``3:3``)."""
    reference = _reference(argument)
    if reference is None:
        return False
    low_column, low_row, _, _ = range_boundaries(reference.rpartition("!")[2].replace("$", ""))
    return low_column is None or low_row is None


def each_shaped(name: str, parts: list[list[Token]], args: list[str], call: str) -> str | None:
    """An EACH criteria ``call`` (``_XLR.EACH.COUNTIFS(...)``, its arguments' tokens and rewritten texts) given the true
    size of its ranges when one is a whole column or row (:func:`shape_marker`): the engine passes each whole column
    cut to its own cells in use, so columns of different lengths did not line up and the empty cells below were lost
    (``SUM(COUNTIFS(A:A,{"<>5",10},B:B,"x"))`` 6 where Excel counts 9). None when no range is whole.

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(formula):
    ...     return [[t] for t in list(Tokenizer(formula).items)[1:-1] if t.type != Token.SEP]
    >>> each_shaped(EACH + "COUNTIF", parts("=COUNTIF(A:A,B1:B2)"), ["A:A", "B1:B2"], "_XLR.EACH.COUNTIF(A:A,B1:B2)")
    '_XLR.EACH.COUNTIF(A:A,B1:B2,_XLR.SHAPE(ROWS(A:A),COLUMNS(A:A)))'
    """
    base = name.removeprefix(EACH)
    if base not in CRITERIA or len(parts) != len(args) or not call.endswith(")"):
        return None
    positions = set(criteria_positions(base, len(args)))
    ranges = [k for k in range(len(args)) if k not in positions]
    if not ranges or not any(_whole(parts[k]) for k in ranges):
        return None
    first = args[ranges[0]].strip()
    return f"{call[:-1]},{SHAPE}(ROWS({first}),COLUMNS({first})))"


def not_one_value(argument: list[Token]) -> bool:
    """Whether a criterion is not one value read as a cell's is: an array typed in (``{"a","b"}``, each element a
    criterion of its own) or a call of the rewrite's own (``_XLR.OUTSIDECRITERION(D1:D3)``: it decides the value).
    A range (``D1:D1``) or a function over one (``INDEX(D1:D2,1)``, ``OFFSET(D1,0,0)``) is one value where a plain
    criteria call reaches the rewrite of :mod:`.arguments`: a classic formula's range of several cells is intersected
    and an array formula's call renamed ``_XLR.EACH.`` before (:mod:`..rewrite`); H553's 03: ``">=50%"`` held by
    D1 was read as ``>=0.5`` through D1 and matched nothing through ``D1:D1`` or ``INDEX(D1:D2,1)``.

    >>> from openpyxl.formula import Tokenizer
    >>> [not_one_value(list(Tokenizer(f).items)) for f in ("=D1:D1", "=INDEX(D1:D2,1)", '={"a","b"}')]
    [False, False, True]
    >>> not_one_value(list(Tokenizer("=_XLR.OUTSIDECRITERION(D1:D3)").items))
    True
    """
    inner = [t for t in argument if t.type != Token.WSPACE]
    if any(t.type == Token.ARRAY for t in inner):
        return True
    return bool(inner) and inner[0].type == Token.FUNC and inner[0].value.upper().startswith("_XLR.")
