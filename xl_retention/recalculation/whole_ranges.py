"""Whole columns (``A:A``) and whole rows (``1:1``) inside array arithmetic, bounded as Excel sizes them.

In Excel ``A:A`` is 1,048,576 cells and ``1:1`` 16,384, whatever is in them. The engine cuts each whole column
to its own cells in use, so in array arithmetic two columns of different lengths do not match
(``SUMPRODUCT(A:A,B:B)`` #VALUE!, or one broadcast: a wrong number), empty cells vanish
(``SUMPRODUCT(--(A:A=""))`` 0 where Excel counts 1,048,571) and ``ROW(A:A)`` is one number.

:func:`bound_whole_ranges` writes the whole columns (rows) that take part in array arithmetic as explicit ranges,
all of one common height (width), so that they match:

- **bounded** to the rows in use on the sheets they name, plus one empty row, when the rows below can provably not
  change the result: every such row gives the same element (one empty row's), and the formula's use of it is
  unchanged by repeating it (summed as 0 or ignored by SUM/SUMPRODUCT/AVERAGE/COUNT, any constant in MAX/MIN,
  AND/OR, a FALSE filter in FILTER, once in UNIQUE): ``SUMPRODUCT((A:A>2)*B:B)``, ``MAX(ROW(A:A)*(A:A<>""))``,
  ``AVERAGE(IF(A:A="EU",B:B))``. The empty row included keeps an error it would give (``1/A:A``);
- an area of one column typed in beside whole columns (``{=SUM(IFERROR((A:A>0)*B1:B3,0))}``) is padded with #N/A
  below its rows in Excel: its element below is #N/A, and the bound covers its rows too (the rewrite then pads it,
  :mod:`.mismatched_sizes`);
- **whole** (``$A$1:$A$1048576``: Excel's result, slower) otherwise: ``SUMPRODUCT(--(A:A=""))`` counts the empty
  rows, ``MAX(IF(A:A="",ROW(A:A)))`` reads the last row number.

Whole columns taken whole by a function (``SUM(A:A)``, ``COUNTIF(A:A,"x")``, ``MATCH(x,A:A,0)``, ``INDEX(A:A,n)``)
and classic formulas outside array arguments are left to the engine, which computes them right (a classic
``=EDATE(B:B,1)`` was already intersected by :mod:`.rewrite`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

from .excel_functions.whole_slices import sliced
from .formula_tokens import _LAST_COLUMN, _LAST_ROW, _WHOLE
from .intersection import _ARRAY_ARGUMENTS
from .rewrite_shapes import shape
from .used_extents import UsedExtents
from .whole_arguments import _whole_names as _whole_names_of
from .whole_arguments import bound_whole_arguments

__all__ = ["UsedExtents", "bound_whole_ranges", "may_have_whole_ranges", "whole_names"]

#: functions taking a whole column or row as one range (the engine's own cut is right there): left as they are
_TAKEN_WHOLE = frozenset(
    (
        "SUM COUNT COUNTA COUNTBLANK AVERAGE AVERAGEA MAX MAXA MIN MINA COUNTIF COUNTIFS SUMIF SUMIFS AVERAGEIF "
        "AVERAGEIFS MAXIFS MINIFS MATCH XMATCH VLOOKUP HLOOKUP LOOKUP XLOOKUP INDEX ROWS COLUMNS SUBTOTAL PRODUCT "
        "MEDIAN STDEV STDEV.S STDEV.P VAR VAR.S VAR.P LARGE SMALL PERCENTILE QUARTILE RANK RANK.EQ RANK.AVG OFFSET"
    ).split()
)

#: the functions looking up their first argument in a range: a whole column there is a value per row (an array)
_LOOKUPS = frozenset("MATCH XMATCH VLOOKUP HLOOKUP XLOOKUP LOOKUP".split())
#: the criteria functions: (first criteria position, step) -- a whole column as criteria is a criterion per row
_CRITERIA_AT = {"COUNTIF": (1, 0), "SUMIF": (1, 0), "AVERAGEIF": (1, 0), "COUNTIFS": (1, 2), "SUMIFS": (2, 2),
                "AVERAGEIFS": (2, 2), "MAXIFS": (2, 2), "MINIFS": (2, 2)}  # fmt: skip


def _element_wise(name: str, position: int) -> bool:
    """Whether argument ``position`` of ``name`` (a function of :data:`_TAKEN_WHOLE`) takes one value, so that a
    range there is answered value by value (MATCH's lookup value, COUNTIF's criteria), not taken whole."""
    if name in _LOOKUPS:
        return position == 0
    first, step = _CRITERIA_AT.get(name, (-1, 0))
    return position == first if step == 0 else position >= first and (position - first) % step == 0


#: aggregates whose ranges' empty cells change nothing: a range of several whole columns (rows) is cut to the cells
#: in use on its sheet (``SUM(S!A:XFD)`` read 17 billion cells)
_IGNORE_BLANKS = frozenset(
    "SUM COUNT COUNTA AVERAGE AVERAGEA MAX MAXA MIN MINA PRODUCT MEDIAN STDEV STDEV.S STDEV.P VAR VAR.S VAR.P".split()
)

#: a tail: what every row below the rows in use gives. ("k", value) a known value (None: empty), ("row",) the row
#: number or a multiple of it (differs row by row), ("?",) unknown, ("x",) no tail at all (a value or array that
#: does not depend on the rows below: the engine's answer is Excel's)
_EXACT: tuple = ("x",)
_UNKNOWN: tuple = ("?",)
_ROW: tuple = ("row",)
_ERROR = "#ERROR"
_LOGICAL: tuple = ("b",)  # a logical (or an error), the same on every row below: which one is not known
_CONSTANT: tuple = ("c",)  # a value, the same on every row below: which one is not known
_TYPED = "typed"  # ("k", value, _TYPED): a value typed in the formula (a literal), the same on every row and below


#: a whole column or row somewhere in a formula (a superset: ``A:A``, ``$B:$C``, ``3:3``; also text that looks so)
_WHOLE_HINT = re.compile(r"(?<![\w.$])\$?(?:[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w(])|\d+:\$?\d+(?![\w.(]))")


def may_have_whole_ranges(text: str, names: dict[str, str] | None = None) -> bool:
    """A cheap superset test: whether ``text`` (a formula) may hold a whole column or row, or a name of ``names``
    (:func:`whole_names`: the names visible on its sheet referring to one, lower-cased).

    >>> may_have_whole_ranges("=SUMPRODUCT(A:A,B:B)"), may_have_whole_ranges("=SUM(A1:B2)")
    (True, False)
    >>> may_have_whole_ranges("=SBG_FIT(tri)", {"tri": "'C'!$C:$J"}), may_have_whole_ranges("=SBG_FIT(t)", {})
    (True, False)
    """
    if ":" in text and _WHOLE_HINT.search(text) is not None:
        return True
    return bool(names) and any(word.lower() in names for word in _WORD.findall(text))  # type: ignore[operator]


#: a word of a formula that may be a defined name
_WORD = re.compile(r"[A-Za-z_\\][\w.\\]*")


def whole_names(names: dict[str, str]) -> dict[str, str]:
    """The names of ``names`` (lower-cased) referring to one whole column or row, with that reference.

    >>> whole_names({"tri": "'C'!$C:$J", "one": "S!$A$1", "row": "=S!$2:$3"})
    {'tri': "'C'!$C:$J", 'row': 'S!$2:$3'}
    """
    return _whole_names_of(names)


def _bare(name: str) -> str:
    name = name.upper()
    for prefix in ("_XLFN._XLWS.", "_XLFN.", "_XLWS.", "_XLR.EACH."):
        name = name.removeprefix(prefix)
    return name


def _number(value: Any) -> float | str | None:
    """An element's number in arithmetic (empty 0, TRUE 1, a number's text its number); _ERROR when none."""
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, float | int):
        return float(value)
    if isinstance(value, str):
        if value == _ERROR:
            return _ERROR
        try:
            return float(value)
        except ValueError:
            return _ERROR
    return _ERROR


def _arithmetic(op: str, a: Any, b: Any) -> Any:
    x, y = _number(a), _number(b)
    if x == _ERROR or y == _ERROR:
        return _ERROR
    try:
        result = {"+": x + y, "-": x - y, "*": x * y}.get(op)  # type: ignore[operator]
        if result is None:
            result = x / y if op == "/" else x**y  # type: ignore[operator]
    except (ZeroDivisionError, OverflowError, ValueError):
        return _ERROR
    return _ERROR if isinstance(result, complex) or not math.isfinite(result) else result


def _rank(value: Any) -> tuple[int, Any]:
    if isinstance(value, bool):
        return 2, value
    if isinstance(value, str):
        return 1, value.lower()
    return 0, float(value)


def _compare(op: str, a: Any, b: Any) -> Any:
    """Excel's comparison of two elements (an empty one is 0, "" or FALSE as the other side's kind)."""
    if _ERROR in (a, b):
        return _ERROR
    if a is None:
        a = "" if isinstance(b, str) else False if isinstance(b, bool) else 0.0
    if b is None:
        b = "" if isinstance(a, str) else False if isinstance(a, bool) else 0.0
    ra, rb = _rank(a), _rank(b)
    return {
        "=": ra == rb,
        "<>": ra != rb,
        "<": ra < rb,
        ">": ra > rb,
        "<=": ra <= rb,
        ">=": ra >= rb,
    }[op]


def _is_zero(tail: tuple) -> bool:
    """An empty element, 0 or FALSE: its product with anything is 0 (or an error, which the empty row kept shows)."""
    return tail[0] == "k" and not isinstance(tail[1], str) and _number(tail[1]) == 0.0


def _fixed(tail: tuple) -> bool:
    """Whether ``tail`` does not depend on the rows below the rows in use: no whole range, or a value typed in."""
    return tail == _EXACT or len(tail) == 3


def _binary(op: str, left: tuple, right: tuple) -> tuple:
    if _fixed(left) and _fixed(right):  # SUMPRODUCT(..)+3: a value with a value typed in
        if left == _EXACT or right == _EXACT:
            return _EXACT
        return (*_binary(op, left[:2], right[:2])[:2], _TYPED)  # 1+2: still a value typed in
    if op == "*" and (_is_zero(left) or _is_zero(right)) and _UNKNOWN not in (left, right):
        return ("k", 0.0)  # ROW(A:A)*(A:A<>""): 0 on every empty row
    if _UNKNOWN in (left, right) or _ROW in (left, right):
        return _UNKNOWN
    if left[0] != "k" or right[0] != "k":  # a cell's value (the same on every row) with an element
        return _LOGICAL if op in ("=", "<>", "<", ">", "<=", ">=") else _CONSTANT
    a, b = left[1], right[1]
    if op in ("+", "-", "*", "/", "^"):
        return ("k", _arithmetic(op, a, b))
    if op in ("=", "<>", "<", ">", "<=", ">="):
        return ("k", _compare(op, a, b))
    if op == "&":
        return ("k", _ERROR if _ERROR in (a, b) else "".join("" if v is None else str(v) for v in (a, b)))
    return _UNKNOWN


#: one-value functions of an element whose value on an empty element is known
_OF_EMPTY: dict[str, Callable[[Any], Any]] = {
    "ISBLANK": lambda v: v is None,
    "ISNUMBER": lambda v: isinstance(v, float | int) and not isinstance(v, bool),
    "ISTEXT": lambda v: isinstance(v, str) and v != _ERROR,
    "ISNONTEXT": lambda v: not (isinstance(v, str) and v != _ERROR),
    "ISLOGICAL": lambda v: isinstance(v, bool),
    "ISERROR": lambda v: v == _ERROR,
    "ISERR": lambda v: v == _ERROR,
    "N": lambda v: _number(v) if not isinstance(v, str) else 0.0,
    "NOT": lambda v: _ERROR if _number(v) == _ERROR else _number(v) == 0.0,
    "LEN": lambda v: float(len("" if v is None else str(v))),
    "TRIM": lambda v: "" if v is None else v,
}


class _Tails:
    """The analysis of one formula's AST: which whole ranges to bound, and whether bounding is exact."""

    def __init__(self, array: bool, untake: bool = False) -> None:
        self.array = array
        #: a whole column given where one value is taken per row (MATCH's lookup value, COUNTIF's criteria) is bounded
        #: with the others (set where another whole range is bounded: else the engine's own cut of it is right)
        self.untake = untake
        self.per_row = False  # such a whole column was seen
        #: per whole range, in the formula's order: "array" (bound to one common size), "used" (a blank-ignoring
        #: aggregate's range of several columns or rows: cut to the cells in use on its sheet), "" (left as it is)
        self.bound: list[str] = []
        self.kinds: set[str] = set()  # "column" / "row": kinds of whole ranges bounded
        self.typed = False  # an area typed in (not whole, not one column) takes part in the array arithmetic
        self.padded: list[int] = []  # the heights of the areas of one column typed in that take part in it

    def walk(self, node: dict, context: bool, taken: str = "") -> tuple:
        kind = node.get("node_type")
        if kind == "Reference":
            match = _WHOLE.match(node.get("reference", "").replace(" ", ""))
            if match is None:
                reference = node.get("reference", "")
                if context and not taken and ":" in reference:
                    height = _column_height(reference)
                    if height is not None and height > 1:  # (A:A>0)*B1:B3: Excel pads B1:B3 with #N/A below
                        self.padded.append(height)
                        return ("k", _ERROR)
                    # an area of several columns beside them (A:A*B1:C3, or a size Excel refuses): Excel's full sizes
                    self.typed = True
                return _EXACT
            if taken:
                wide = match.group("c1") and match.group("c1").upper() != match.group("c2").upper()
                wide = wide or match.group("r1") and match.group("r1") != match.group("r2")
                self.bound.append("used" if wide and taken in _IGNORE_BLANKS else "")
                return _EXACT
            self.bound.append("array" if context else "")
            if not context:
                return _EXACT
            self.kinds.add("column" if match.group("c1") else "row")
            return ("k", None)
        if kind == "Literal":
            value = node.get("value")
            return ("k", value if isinstance(value, bool | float | int | str) else _ERROR, _TYPED)
        if kind == "UnaryOp":
            inner = self.walk(node["operand"], context)
            op = node.get("operator")
            if len(inner) == 3 and op in ("-", "+", "%"):  # -1: still a value typed in
                value = inner[1] if op == "+" else _arithmetic("*", inner[1], -1.0 if op == "-" else 0.01)
                return ("k", value, _TYPED)
            if inner in (_EXACT, _UNKNOWN) or op not in ("-", "+", "%"):
                return inner if inner in (_EXACT, _UNKNOWN) else _UNKNOWN
            if inner == _ROW:
                return _ROW if op == "-" else _UNKNOWN
            if inner in (_LOGICAL, _CONSTANT):
                return _CONSTANT
            if op == "+":
                return inner
            return ("k", _arithmetic("*", inner[1], -1.0 if op == "-" else 0.01))
        if kind == "BinaryOp":
            op = node.get("operator")
            left, right = self.walk(node["left"], context), self.walk(node["right"], context)
            if _ROW in (left, right):
                other = right if left == _ROW else left
                if op == "*" and _is_zero(other):
                    return ("k", 0.0)
                return _ROW if op in ("*", "+", "-") and other[0] in ("k", "x", "c", "row") else _UNKNOWN
            return _binary(op, left, right)
        if kind == "Function":
            return self._function(node, context)
        if kind == "Array":
            return _EXACT  # a constant array (its references, if any, are cells)
        return self._children(node, context)

    def _children(self, node: dict, context: bool) -> tuple:
        tails = [self.walk(child, context) for child in _child_nodes(node)]
        return _EXACT if all(t == _EXACT for t in tails) else _UNKNOWN

    def _function(self, node: dict, context: bool) -> tuple:
        name = _bare(node.get("name", ""))
        args = node.get("args", [])
        positions = _ARRAY_ARGUMENTS.get(name, frozenset()) if name in _ARRAY_ARGUMENTS else frozenset()
        tails = []
        for k, arg in enumerate(args):
            inner = context or name in _ARRAY_ARGUMENTS and (positions is None or k in positions)
            direct = arg.get("node_type") == "Reference"
            taken = name if direct and (name in _TAKEN_WHOLE or name in ("INDEX", "OFFSET") and k == 0) else ""
            if taken and inner and _element_wise(name, k) and _WHOLE.match(arg.get("reference", "").replace(" ", "")):
                self.per_row = True  # MATCH(A:A,D1:D9,0): a value looked up per row, not one range
                if self.untake:  # beside another whole column bounded: bounded alike (one size)
                    taken = ""
            tails.append(self.walk(arg, inner, taken))
        if all(_fixed(t) for t in tails):  # ROUND(2.5,0), IF(SUM(A:A)>0,1,2): no whole range's element in it
            return _EXACT
        if name in ("ROW", "COLUMN") and args and args[0].get("node_type") == "Reference":
            return _ROW if tails[0] != _EXACT else _EXACT
        return self._reduced(name, tails)

    def _reduced(self, name: str, tails: list[tuple]) -> tuple:
        first = tails[0] if tails else _EXACT
        if name in _OF_EMPTY and len(tails) == 1:
            if first[0] == "k":
                return ("k", _OF_EMPTY[name](first[1]))
            return (_LOGICAL if name.startswith("IS") else _CONSTANT) if first in (_LOGICAL, _CONSTANT) else _UNKNOWN
        if name == "IF":
            if first[0] != "k":
                return _UNKNOWN
            taken = _number(first[1]) if not isinstance(first[1], str) else _ERROR
            if taken == _ERROR:
                return ("k", _ERROR)
            if taken != 0.0:
                return tails[1] if len(tails) > 1 else ("k", True)
            return tails[2] if len(tails) > 2 else ("k", False)
        if name in ("IFERROR", "IFNA") and len(tails) == 2:
            if first[0] == "k":
                return tails[1] if first[1] == _ERROR else first
            return _UNKNOWN
        if name in _LOOKUPS and first[0] in ("k", "b", "c") and all(_fixed(t) for t in tails[1:]):
            return _CONSTANT  # an empty element looked up in the same range on every row below: the same answer
        if name in _CRITERIA_AT and len(tails) > 1:  # COUNTIF(A:A,A:A): an empty criterion on every row below
            places = [k for k in range(len(tails)) if _element_wise(name, k)]
            if all(tails[k][0] in ("k", "b", "c", "x") for k in places) and all(
                _fixed(t) for k, t in enumerate(tails) if k not in places
            ):
                return _CONSTANT
        if name in ("SUM", "SUMPRODUCT"):
            return self._summed(name, tails)
        if name in ("MAX", "MIN", "MAXA", "MINA", "AND", "OR"):  # a value repeated changes none of them
            return _EXACT if all(t[0] in ("x", "k", "b", "c") for t in tails) else _UNKNOWN
        if name in ("AVERAGE", "COUNT"):  # a number below the rows in use would count once per row
            ignored = all(
                t in (_EXACT, _LOGICAL) or t[0] == "k" and (t[1] is None or isinstance(t[1], bool | str)) for t in tails
            )
            return _EXACT if ignored else _UNKNOWN
        if name == "UNIQUE" and len(tails) == 1 and first[0] in ("k", "b", "c"):  # the value below once, either way
            return _EXACT
        if name == "FILTER" and len(tails) >= 2 and tails[1][0] == "k":
            include = tails[1][1]
            if include == _ERROR or include is None or include is False or _number(include) == 0.0:
                return _EXACT
        return _UNKNOWN

    @staticmethod
    def _summed(name: str, tails: list[tuple]) -> tuple:
        """SUM ignores text and logical values of arrays; SUMPRODUCT takes them as 0 and multiplies its arrays."""
        if any(t == _UNKNOWN for t in tails):
            return _UNKNOWN
        if name == "SUMPRODUCT":
            numbers = [t for t in tails if t != _EXACT]
            if any(t == _LOGICAL or t[0] == "k" and (t[1] is None or isinstance(t[1], bool | str)) for t in numbers):
                return _EXACT  # 0 (an error among them is in the empty row kept)
            if any(_is_zero(t) or t[0] == "k" and t[1] == _ERROR for t in numbers):
                return _EXACT
            return _UNKNOWN
        ok = all(
            t in (_EXACT, _LOGICAL) or t[0] == "k" and (not isinstance(t[1], float | int) or t[1] == 0) for t in tails
        )
        return _EXACT if ok else _UNKNOWN


def _column_height(reference: str) -> int | None:
    """The rows of an area of one column typed in (``B1:B3``, ``S!$B$2:$B$9``); None for anything else."""
    area = reference.rpartition("!")[2].replace("$", "")
    try:
        left, top, right, bottom = range_boundaries(area)
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom) or left != right:
        return None
    return bottom - top + 1


def _child_nodes(node: dict) -> list[dict]:
    children = []
    for value in node.values():
        if isinstance(value, dict) and "node_type" in value:
            children.append(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and "node_type" in item:
                    children.append(item)
                elif isinstance(item, list):
                    children.extend(i for i in item if isinstance(i, dict) and "node_type" in i)
    return children


#: shapes of formulas (.rewrite_shapes.shape) and whether array formulas, with whole ranges that need nothing
_NOTHING: set[tuple[str, bool]] = set()


def _sheet_of(match: re.Match[str], sheet: str) -> str:
    named = (match.group("sheet") or "")[:-1]
    return named[1:-1].replace("''", "'") if named.startswith("'") else named or sheet


def _used_cut(wholes: list[Token], bound: list[str], sheet: str, extent: Callable[[str, str], int | None]) -> bool:
    """The "used" ranges among ``wholes`` written as the areas in use on their sheets: one area per run of adjacent
    columns in use, each as tall as its columns' cells in use (``S!A:XFD`` over A1, B1, XFD1 and A1048576 is
    ``S!$A$1:$B$1048576,S!$XFD$1:$XFD$1``; the aggregates of :data:`_IGNORE_BLANKS` take several). False when a
    sheet's cells are unknown or the areas are too many for one call (then the formula is left as it is)."""
    columns_of = getattr(extent, "columns", None)
    if columns_of is None:
        return "used" not in bound
    for token, how in zip(wholes, bound, strict=True):
        match = _WHOLE.match(token.value)
        if how != "used" or match is None:
            continue
        spans = columns_of(_sheet_of(match, sheet))
        if spans is None:
            return False
        if match.group("c1"):
            left, right = sorted(column_index_from_string(match.group(c).upper()) for c in ("c1", "c2"))
            top, bottom = 1, _LAST_ROW
        else:
            top, bottom = sorted(int(match.group(r)) for r in ("r1", "r2"))
            left, right = 1, _LAST_COLUMN
        runs: list[list[int]] = []  # [first column, last column, first row, last row]
        for column in sorted(c for c in spans if left <= c <= right):
            first, last = max(top, spans[column][0]), min(bottom, spans[column][1])
            if first > last:
                continue
            if runs and runs[-1][1] == column - 1:
                run = runs[-1]
                run[1], run[2], run[3] = column, min(run[2], first), max(run[3], last)
            else:
                runs.append([column, column, first, last])
        if len(runs) > 64:
            return False
        prefix = match.group("sheet") or ""
        areas = [f"{prefix}${get_column_letter(a)}${t}:${get_column_letter(b)}${u}" for a, b, t, u in runs]
        token.value = ",".join(areas) or f"{prefix}${get_column_letter(left)}${top}"  # nothing in use: one empty cell
    return True


def bound_whole_ranges(
    text: str,
    sheet: str,
    array: bool,
    extent: Callable[[str, str], int | None],
    names: dict[str, str] | None = None,
) -> str:
    """``text`` (a formula with ``=``) with the whole columns and rows that take part in array arithmetic written as
    explicit ranges of one common size (see the module's docstring); ``text`` itself when there are none.

    ``sheet``: the formula's sheet; ``array``: an array formula (Ctrl+Shift+Enter or dynamic). ``extent(sheet,
    kind)``: the last row ("column") or column ("row") in use on ``sheet``, formulas included (:class:`UsedExtents`);
    None when unknown (then the formula is left as it is). ``names``: the defined names visible on ``sheet``
    (lower-cased) and their references, for our functions' arguments (:func:`.whole_arguments.bound_whole_arguments`).

    >>> bound_whole_ranges("=SUMPRODUCT(D!A:A,D!B:B)", "S", False, lambda s, k: 5)
    '=SUMPRODUCT(D!$A$1:$A$6,D!$B$1:$B$6)'
    >>> bound_whole_ranges('=SUMPRODUCT(--(D!A:A=""))', "S", False, lambda s, k: 5)
    '=SUMPRODUCT(--(D!$A$1:$A$1048576=""))'
    """
    if not may_have_whole_ranges(text, names):
        return text
    rows_in, columns_in = getattr(extent, "rows_in", None), getattr(extent, "columns_in", None)
    text = bound_whole_arguments(text, sheet, rows_in, columns_in, names)  # SBG_FIT(C:J): the rows in use
    if not may_have_whole_ranges(text):
        return text
    text = sliced(text)  # INDEX(A:B,0,1): the whole column A:A it gives, sized with the others (.whole_slices)
    key = (shape(text), array)
    if key in _NOTHING:  # =COUNTIF(A:A,A2) filled down: decided once
        return text
    try:
        import formualizer

        tree = formualizer.parse(text).to_dict()
        tokens = list(Tokenizer(text).items)
    except Exception:  # noqa: BLE001  (a formula the parser does not read: the engine decides)
        return text
    tails = _Tails(array)
    result = tails.walk(tree, array)
    if tails.per_row and "array" in tails.bound:  # (A:A>0)*ISNUMBER(MATCH(A:A,D1:D9,0)): both A:A of one size
        per_row = _Tails(array, untake=True)
        bounded = per_row.walk(tree, array)
        if bounded == _EXACT:  # else left to the engine's cut, beside a whole column (the rewrite lists it)
            tails, result = per_row, bounded
    if not any(tails.bound):
        if len(_NOTHING) >= 20000:
            _NOTHING.clear()
        _NOTHING.add(key)
        return text
    wholes = [t for t in tokens if t.type == Token.OPERAND and t.subtype == Token.RANGE and _WHOLE.match(t.value)]
    if len(wholes) != len(tails.bound):
        return text  # the parser and the tokenizer disagree: left to the engine
    if not _used_cut(wholes, tails.bound, sheet, extent):
        return text
    exact = result == _EXACT and len(tails.kinds) == 1 and not tails.typed
    exact = exact and (not tails.padded or tails.kinds == {"column"})  # a column typed in beside whole columns
    sizes: dict[str, int] = {}
    for kind in tails.kinds:
        last = _LAST_ROW if kind == "column" else _LAST_COLUMN
        size = last
        if exact:
            used = []
            for token, bound in zip(wholes, tails.bound, strict=True):
                match = _WHOLE.match(token.value)
                if bound == "array" and match is not None and ("column" if match.group("c1") else "row") == kind:
                    used.append(extent(_sheet_of(match, sheet), kind))
            if any(u is None for u in used):
                return text
            size = min(last, max([u for u in used if u is not None] + tails.padded) + 1)
        sizes[kind] = size
    for token, bound in zip(wholes, tails.bound, strict=True):
        match = _WHOLE.match(token.value)
        if bound != "array" or match is None:
            continue
        prefix = match.group("sheet") or ""
        if match.group("c1"):
            token.value = f"{prefix}${match.group('c1').upper()}$1:${match.group('c2').upper()}${sizes['column']}"
        else:
            last = get_column_letter(sizes["row"])
            token.value = f"{prefix}$A${match.group('r1')}:${last}${match.group('r2')}"
    return "=" + "".join(t.value for t in tokens)
