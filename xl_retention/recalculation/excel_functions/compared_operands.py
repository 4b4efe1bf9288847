"""Comparisons and concatenations of a formula rewritten as Excel computes them, for :mod:`.arguments`.

Each operand of a comparison that is a cell, a range or an expression becomes ``_XLR.COMPARED(operand)`` (15
significant digits) or ``_XLR.ORDERED(operand)`` (text in Excel's order, :mod:`.collation`), element by element, the
same on both sides (``A2:A5>=A3`` had A3 at 15 digits against the raw range: 46053.99930555555>=itself FALSE), and
each operand of ``&`` that is not typed text ``_XLR.TEXT(operand)``. Split from :mod:`.arguments`; :mod:`.arguments`
re-exports ``_compares_numbers`` and ``_large_range``, which :mod:`..formula_texts` reads there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from contextvars import ContextVar

from openpyxl.utils.cell import range_boundaries

from ..text_literals import LITERALS as _STRING
from .collation import typed_keys

#: constants against which rounding an operand changes nothing: text, logicals, 0 (type differs or exact)
_TRIVIAL = re.compile(r"(?i)^(?:0|TRUE|FALSE)$")


_ANY_COMPARISON = re.compile(r"<>|<=|>=|=|<|>")

#: typed text next to <, >, <= or >= (not "" alone): the engine orders text otherwise than Excel
#: in a formula with text of other than ASCII letters: a comparison or criteria the engine would compare wrongly
_NON_ASCII_HINT = re.compile(r"<|>|=|IFS?\(")

_TEXT_ORDER = re.compile(r'(?<!<)[<>]=?\s*"(?!")|"\s*(?:<(?!>)|>)')

_TRIVIAL_COMPARISON = re.compile(r'(?i)(?:<>|<=|>=|=|<|>)\s*(?:""|0(?![\d.E%])|TRUE\b|FALSE\b)')

#: calls whose result either wrapper leaves as it is (whole numbers, logicals, rounded numbers). Not text: TEXT, LEFT,
#: UPPER, TRIM, ... give text, which ``_XLR.ORDERED`` makes a key and ``_XLR.COMPARED`` lower case, as the other side
_EXACT_RESULT = re.compile(
    r"(?i)(?:_xlfn\.)?(?:COUNT|COUNTA|COUNTBLANK|COUNTIFS?|LEN|ROWS?|COLUMNS?|MATCH|IS[A-Z]+|AND|OR|NOT"
    r"|YEAR|MONTH|DAY|WEEKDAY|HOUR|MINUTE|SECOND|INT|TRUNC|ROUND|ROUNDUP|ROUNDDOWN)\("
)

#: the registered function that turns an operand of & into text as Excel does (see .text)
TEXT_OPERAND = "_XLR.TEXT"

#: the whole of a chain of ``&``: #VALUE! past 32,767 characters (text.py)
JOINED = "_XLR.JOINED"

#: the registered function that takes an operand of a comparison to 15 significant digits (see .maths)
COMPARED_OPERAND = "_XLR.COMPARED"

#: the registered function that takes the numbers of an operand compared with a whole column to 15 significant digits,
#: text as it is (see .collation.fifteen_digits)
FIFTEEN_OPERAND = "_XLR.FIFTEEN"

#: the registered function that puts an operand of <, >, <= or >= in Excel's order (see .collation, .maths)
ORDERED_OPERAND = "_XLR.ORDERED"

_ORDERING = frozenset(("<", ">", "<=", ">="))


def _is_trivial(solid: list[tuple[str, str]]) -> bool:
    """An operand whose value either wrapper leaves as it is, and against which the other's wrapping changes no
    result: typed text (non-empty text ordered is keyed by :func:`.collation.typed_keys`), a logical, 0. A
    concatenation is text: it goes through the wrapper as the other side does."""
    kinds = [kind for kind, _ in solid]
    if kinds == ["text"]:
        return True
    return len(solid) == 1 and kinds[0] == "literal" and bool(_TRIVIAL.match(solid[0][1]))


def _large(solid: list[tuple[str, str]]) -> bool:
    """Whether an operand holds a range typed in of more cells than a comparison takes (:data:`_MOST_COMPARED`), or
    a whole column or row (``A:A``, ``Pay!1:1``)."""
    return any(kind == "range" and _cells(text) > _MOST_COMPARED for kind, text in solid)


def _comparison(operands: list[list[tuple[str, str]]], operators: list[str]) -> str:
    """``a = b`` (and <>, <, >, <=, >=) with each operand taken to 15 significant digits, as Excel compares, and text
    in Excel's order (``<``, ``>``, ...: ``_XLR.ORDERED`` and typed text as its key) or equality (case-insensitive
    in every script), see :mod:`.collation`.

    Both sides go through the same wrapper, whatever their shape: a cell, a range (element by element), an array
    expression (``B2:B5/3``), a call, a concatenation. Left as they are: typed constants, operands next to a typed
    constant the wrapper cannot matter against (text, a logical, 0), calls giving whole numbers or logicals. A
    comparison holding a range of more than :data:`_MOST_COMPARED` cells or a whole column leaves that range to the
    engine (a Python value per cell otherwise) and takes the numbers of every other side to 15 digits
    (``_XLR.FIFTEEN``): Excel's result where the range's numbers are their own 15 digits, which
    :func:`..large_comparisons.unrounded_comparisons` checks after the evaluation (:func:`full_comparisons` otherwise).
    Typed text the engine would order or compare wrongly is keyed with every other operand wrapped
    (:func:`.collation.typed_keys`).

    >>> _comparison([[("range", "A2:A5")], [("part", "A3")]], [">="])
    '_XLR.ORDERED(A2:A5)>=_XLR.ORDERED(A3)'
    >>> _comparison([[("range", "B2:B5"), ("part", "/"), ("literal", "3")], [("part", "C1")]], ["="])
    '_XLR.COMPARED(B2:B5/3)=_XLR.COMPARED(C1)'
    >>> _comparison([[("range", "A:A")], [("part", "A3")]], ["<"])
    'A:A<_XLR.FIFTEEN(A3)'
    """
    texts = [_concatenation(operand) for operand in operands]
    if not operators:
        return texts[0]
    solids = [[(kind, t.strip()) for kind, t in operand if t.strip()] for operand in operands]
    ordering = all(op in _ORDERING for op in operators)
    keyed = typed_keys(solids, texts, ordering) if ordering or all(op in ("=", "<>") for op in operators) else None
    if keyed is not None:
        return "".join(keyed[k] + op for k, op in enumerate([*operators, ""]))
    large = [_large(solid) for solid in solids]
    trivial = [_is_trivial(x) for x in solids]
    if any(large) and _FULL.get() is None:  # the large range as it is, every other side's numbers at 15 digits
        wrapped = [not (large[k] or trivial[k] or _left_as_is(solid)) for k, solid in enumerate(solids)]
        if not any(wrapped):  # A:A=5.3, A:A>COUNT(B:B): one wrapped all the same, the mark of a large comparison
            wrapped = [not (large[k] or trivial[k]) for k in range(len(solids))]
        return "".join(
            (f"{FIFTEEN_OPERAND}({t.strip()})" if wrapped[k] else t) + op
            for k, (t, op) in enumerate(zip(texts, [*operators, ""], strict=True))
        )
    noted = _FULL.get()
    if any(large) and noted is not None:  # full_comparisons: every side through the wrapper, the large ranges noted
        # a large range alone is compared as its cells are; in an expression (A:A*3) its cells tell nothing: ""
        noted.extend(solid[0][1] if len(solid) == 1 else "" for solid, big in zip(solids, large, strict=True) if big)
    # text against a typed number or logical orders by type alone: the order of text matters only between texts
    texts_meet = ordering and not any(len(x) == 1 and x[0][0] == "literal" for x in solids)
    wrapper = ORDERED_OPERAND if texts_meet else COMPARED_OPERAND
    out = []
    for k, (solid, text) in enumerate(zip(solids, texts, strict=True)):
        against_trivial = all(trivial[j] for j in (k - 1, k + 1) if 0 <= j < len(solids))
        if _left_as_is(solid) or trivial[k] or against_trivial:
            out.append(text)
        else:
            out.append(f"{wrapper}({text.strip()})")
    return "".join(t + op for t, op in zip(out, [*operators, ""], strict=True))


def _left_as_is(solid: list[tuple[str, str]]) -> bool:
    """An operand no wrapper changes: nothing, a typed number or logical, a call giving whole numbers or logicals."""
    kinds = [kind for kind, _ in solid]
    return kinds in ([], ["literal"]) or bool(
        len(solid) == 1 and kinds[0] == "part" and _EXACT_RESULT.match(solid[0][1])
    )


#: the large ranges compared, noted while :func:`full_comparisons` rewrites (None: the usual rewrite)
_FULL: ContextVar[list[str] | None] = ContextVar("_FULL", default=None)


def full_comparisons(formula: str, rewritten: Callable[[str], str]) -> tuple[str, list[str]]:
    """``formula`` rewritten by ``rewritten`` (the argument rewrite, :func:`.arguments.every_comparison_rewritten`)
    with a comparison's large ranges (a whole column, more than :data:`_MOST_COMPARED` cells) through the wrapper
    too, as every other operand: Excel's 15 digits cell by cell (about 1 s a million cells), for a range that holds
    numbers not equal to their own 15 digits (:func:`..large_comparisons.unrounded_comparisons`); and those ranges,
    as written.

    >>> full_comparisons("=A:A>=C1", lambda text: "=" + _comparison([[("range", "A:A")], [("part", "C1")]], [">="]))
    ('=_XLR.ORDERED(A:A)>=_XLR.ORDERED(C1)', ['A:A'])
    """
    token = _FULL.set([])
    try:
        text = rewritten(formula)
        return text, list(_FULL.get() or [])
    finally:
        _FULL.reset(token)


#: a comparison's operator (``=`` after the first character; text in quotes not skipped: a superset)
_A_COMPARISON = re.compile(r"[<>]|(?<=[^<>])=")
#: a whole column or row (``A:A``, ``$1:$3``): a linear scan (a sheet's name before it is not read)
_WHOLE_AREA = re.compile(r"(?<![\w.$:])\$?(?:[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\d+:\$?\d+)(?![\w(!:])")


def may_compare_large(formula: str) -> bool:
    """Whether ``formula`` (after the argument rewrite) may compare a whole column or row, or a range of more than
    :data:`_MOST_COMPARED` cells: it holds the rewrite's ``_XLR.FIFTEEN`` (:func:`_comparison`: a large range beside
    a small side), or two such ranges and a comparison (compared with each other: nothing to mark). A cheap
    superset test, linear in the formula's length; :func:`full_comparisons` tells.

    >>> may_compare_large("=SUMPRODUCT(--(A:A>=_XLR.FIFTEEN(C1)))"), may_compare_large("=MAX($K:$K)>MAX(K2:K9)")
    (True, False)
    >>> may_compare_large("=SUMPRODUCT(--(A:A=B:B))"), may_compare_large("=SUMPRODUCT(--(A1:A200000=B1:B200000))")
    (True, True)
    """
    if "_XLR.FIFTEEN(" in formula:
        return True
    if ":" not in formula or _A_COMPARISON.search(formula, 1) is None:
        return False
    large = len(_WHOLE_AREA.findall(formula))
    if large < 2:
        large += sum(abs(int(b) - int(a)) >= _MOST_COMPARED for a, b in _AREA_ROWS.findall(formula))
    return large >= 2


#: the most cells of a range an array comparison takes to 15 digits (:func:`_comparison`)
_MOST_COMPARED = 100_000


def _cells(reference: str) -> float:
    """The number of cells of an A1 range typed in (``S!$A$1:$B$5``: 10); infinity for whole columns or rows or
    anything else."""
    area = reference.rpartition("!")[2].replace("$", "")
    try:
        left, top, right, bottom = range_boundaries(area)
    except (ValueError, TypeError):
        return math.inf
    if None in (left, top, right, bottom):
        return math.inf
    return (right - left + 1) * (bottom - top + 1)


def _concatenation(items: list[tuple[str, str]]) -> str:
    """``a & b & ...`` with each operand that is not typed text turned into text as Excel does."""
    pieces: list[list[tuple[str, str]]] = [[]]
    for item in items:
        if item[0] == "amp":
            pieces.append([])
        else:
            pieces[-1].append(item)
    if len(pieces) == 1:
        return "".join(text for _, text in items)
    out = []
    for piece in pieces:
        text = "".join(t for _, t in piece)
        solid = [kind for kind, t in piece if t.strip()]
        if solid == ["literal"] and text.strip().isdigit() and len(text.strip()) <= 15:  # "<="&5: the text "5"
            out.append(f'"{int(text)}"')
            continue
        out.append(text if solid == ["text"] or not solid else f"{TEXT_OPERAND}({text.strip()})")
    if not any(TEXT_OPERAND in piece for piece in out):
        return "&".join(out)
    return f"{JOINED}({'&'.join(out)})"  # past 32,767 characters: #VALUE! (Excel's cell limit, H5)


def _compares_numbers(text: str) -> bool:
    """Whether a formula may compare two numbers (a comparison whose right side is not text, a logical or 0), or
    order typed text (``A1<"M"``), or compare text of other than ASCII letters (``A1="É"``): see :func:`_comparison`.
    """
    if '"' in text and (_TEXT_ORDER.search(text) or (not text.isascii() and _NON_ASCII_HINT.search(text.upper()))):
        return True
    plain = _STRING.sub('""', text[1:])
    return len(_ANY_COMPARISON.findall(plain)) > len(_TRIVIAL_COMPARISON.findall(plain))


_AREA_ROWS = re.compile(r"(?<![\w.])\$?[A-Za-z]{1,3}\$?(\d+):\$?[A-Za-z]{1,3}\$?(\d+)(?![\w(])")


def _large_range(text: str) -> bool:
    """Whether ``text`` holds a range typed in of more rows than a comparison takes to 15 digits (_MOST_COMPARED)."""
    if ":" not in text:  # no range (the pattern's look-behind scan costs 2 us a formula: =IF(G2>0.95,..) filled down)
        return False
    return any(abs(int(b) - int(a)) >= _MOST_COMPARED for a, b in _AREA_ROWS.findall(text))
