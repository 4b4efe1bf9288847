"""Lookups as Excel searches: approximate match by Excel's own binary search, also over unsorted data.

Excel's VLOOKUP, HLOOKUP, LOOKUP and MATCH (match_type 1) in approximate mode do not scan: they
bisect the lookup column as if it were sorted and return whatever the bisection lands on, so on
unsorted data, or data with blanks and mixed types, the answer depends on the search itself.
formualizer 0.13 answers #N/A there (or, for LOOKUP, a wrong cell). The bisection here is the
one Apache POI reverse-engineered from Excel (``LookupUtils.performBinarySearch``), checked
against the values Excel stored in the conformance corpus:

* the search keeps ``low`` (a position known to hold a value <= the key, -1 at first) and
  ``high`` (a position known to hold a larger value, the length at first), and looks at
  ``mid = low + (high - low) // 2``;
* a value of another type than the key (a blank, text against a number, an error) is stepped
  over forward to the next value of the key's type, which decides instead; when none is left
  before ``high``, ``high`` moves down to ``mid``;
* an equal value ends the search at the last of its run of equal values;
* the answer is ``low`` (-1: #N/A).

MATCH with match_type -1 does not bisect: it takes the values in order while they are >= the key,
an equal one ending the search (Excel's answer on ascending data, where it returns the last
position for a key below every value and #N/A for one above the first).

The rewrites in :mod:`.arguments` send the approximate calls here (``_XLR.VPOS``, ``_XLR.HPOS``,
``_XLR.MATCH``, ``_XLR.XLOOKUP``); LOOKUP, which always searches approximately, is registered
under its own name.

Exact matches find a number of the key's exact binary value (5E-17 is not 0, and 0.1+0.2 is not 0.3: "for match
and lookup functions, Excel compares the exact binary value", where its ``=`` rounds both sides to 15 digits;
Microsoft Q&A, an Excel MVP's answer). The engine's exact match takes numbers within 1E-12 of each other as equal
(``MATCH(0, {5E-17; 0}, 0)`` is 1 there, 2 in Excel), so :func:`exact_lookup`
rewrites an exact MATCH, VLOOKUP, HLOOKUP, XLOOKUP or XMATCH to keep the engine's fast answer when
the value it found is the key itself (``_XLR.SAME``, on two single values) and to search here
only when it is not: ``IF(_XLR.SAME(k, <found value>), <engine's call>, <this module's search>)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..text_literals import LITERALS
from ._core import ExcelError, boolean, check, excel_function, is_error, matrix, number
from .collation import order_key

#: the type of a value as lookups compare them: numbers, text and logicals only match their own kind
_NUMBER, _TEXT, _LOGICAL = 1, 2, 3


def _kind(value: Any) -> int | None:
    if isinstance(value, bool):
        return _LOGICAL
    if isinstance(value, (int, float)):
        return _NUMBER
    if isinstance(value, str):
        return _TEXT
    return None  # a blank or an error: never equal, never compared


class _Text(str):
    """A text lookup value as Excel orders it (its :func:`.collation.order_key`), keeping the text (for wildcards)."""

    text: str

    @classmethod
    def of(cls, value: str) -> _Text:
        key = cls(order_key(value))
        key.text = value
        return key


def _key(value: Any) -> tuple[int, Any]:
    """A lookup value as (kind, comparable): errors pass on, a blank looks up 0, text in Excel's order (.collation)."""
    if isinstance(value, list):
        value = value[0][0] if value and isinstance(value[0], list) else value[0]
    check(value)
    if value is None:
        return _NUMBER, 0.0
    kind = _kind(value)
    return kind, (_Text.of(value) if kind == _TEXT else value)


def _compare(key: tuple[int, Any], value: Any) -> int | None:
    """-1, 0 or 1 as the key is below, equal to or above ``value``; None when their types differ."""
    kind = _kind(value)
    if kind != key[0] or is_error(value):
        return None
    if kind != _TEXT:
        return -1 if key[1] < value else (1 if key[1] > value else 0)
    mine, other = key[1] if type(key[1]) is _Text else order_key(key[1]), order_key(value)
    return -1 if mine < other else (1 if mine > other else 0)


def _last_equal(key: tuple[int, Any], items: list[Any], first: int, high: int) -> int:
    for i in range(first + 1, high):
        if _compare(key, items[i]) != 0:
            return i - 1
    return high - 1


def bisect(key: tuple[int, Any], items: list[Any]) -> int:
    """Excel's approximate-match position of ``key`` in ``items`` (0-based; -1 when none), see the module doc.

    >>> bisect((1, 6.0), [None, 1.0, 2.0, None, 5.0, 6.0, 7.0, None, None])
    5
    >>> bisect((1, 4.0), [3.0, 1.0, 5.0, 2.0])  # unsorted: the bisection lands on 1.0
    1
    """
    low, high = -1, len(items)
    while high - low >= 2:
        mid = low + (high - low) // 2
        result = _compare(key, items[mid])
        if result is None:  # step forward over values of another type
            probe = mid
            while True:
                probe += 1
                if probe == high:
                    high = mid
                    break
                result = _compare(key, items[probe])
                if result is None:
                    continue
                if result < 0 and probe == high - 1:
                    high = mid
                    break
                if result == 0:
                    return _last_equal(key, items, probe, high)
                low, high = (low, probe) if result < 0 else (probe, high)
                break
            continue
        if result == 0:
            return _last_equal(key, items, mid, high)
        low, high = (low, mid) if result < 0 else (mid, high)
    return low


def _descending(key: tuple[int, Any], items: list[Any]) -> int:
    """MATCH(key, items, -1): the values in order while they are >= the key; an equal one ends the search."""
    found = -1
    for i, value in enumerate(items):
        result = _compare(key, value)
        if result is None:
            continue
        if result == 0:
            return i
        if result > 0:  # a value below the key: the descending run has ended
            break
        found = i
    return found


def wildcard_pattern(text: str) -> re.Pattern[str]:
    """Excel's wildcards in an exact text match: ``*`` any run, ``?`` one character, ``~`` escapes the character after
    it, whichever it is (``"x~y"`` is ``xy``: the VLOOKUP of a part number holding ``~`` finds another; LibreOffice's
    reading too); a ``~`` last is itself.

    >>> pairs = (("x~y", "xy"), ("x~y", "x~y"), ("a~*", "a*"), ("a~", "a~"))
    >>> [bool(wildcard_pattern(p).fullmatch(t)) for p, t in pairs]
    [True, False, True, True]
    """
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "~" and i + 1 < len(text):
            out.append(re.escape(text[i + 1]))
            i += 2
            continue
        out.append(".*" if char == "*" else "." if char == "?" else re.escape(char))
        i += 1
    return re.compile("".join(out), re.IGNORECASE | re.DOTALL)


def _equal(key: tuple[int, Any], value: Any) -> bool:
    """Whether an exact match finds ``value`` for ``key``: numbers of the same binary value (5E-17 is not 0, and
    0.1+0.2 is not 0.3: Excel's lookups compare the exact binary value, where its ``=`` rounds both sides to 15
    digits), text without case, logicals as they are."""
    return _compare(key, value) == 0


def _exact(key: tuple[int, Any], items: list[Any], wildcards: bool = True) -> int:
    if key[0] == _TEXT and wildcards and any(c in getattr(key[1], "text", key[1]) for c in "*?~"):
        pattern = wildcard_pattern(getattr(key[1], "text", key[1]))
        return next((i for i, v in enumerate(items) if isinstance(v, str) and pattern.fullmatch(v)), -1)
    return next((i for i, v in enumerate(items) if _equal(key, v)), -1)


def _vector(value: Any) -> list[Any]:
    """A one-row or one-column range as a flat list; #N/A for a two-dimensional one."""
    rows = matrix(value)
    if len(rows) == 1:
        return list(rows[0])
    if all(len(row) == 1 for row in rows):
        return [row[0] for row in rows]
    raise ExcelError("#N/A")


def _position(key: Any, items: Any, index: Any, size: Any, approximate: Any) -> float:
    """The 1-based position VLOOKUP/HLOOKUP find, after Excel's checks of the column/row index."""
    found_key = _key(key)
    wanted = int(number(index))
    if wanted < 1:
        raise ExcelError("#VALUE!")
    if wanted > int(number(size)):
        raise ExcelError("#REF!")
    values = _vector(items)
    i = bisect(found_key, values) if boolean(approximate) else _exact(found_key, values)
    if i < 0:
        raise ExcelError("#N/A")
    return float(i + 1)


@excel_function("_XLR.VPOS", 4, 5)
def vlookup_position(key: Any, first_column: Any, column: Any, columns: Any, approximate: Any = True) -> float:
    """The row VLOOKUP(key, table, column, [approximate]) takes: ``INDEX(table, _XLR.VPOS(...), column)``.

    ``first_column`` is ``INDEX(table, 0, 1)``, ``columns`` ``COLUMNS(table)``. A column below 1 is
    #VALUE!, beyond the table #REF!, a key not found #N/A, an error key its own error.

    >>> vlookup_position(4.0, [[3.0], [1.0], [5.0], [2.0]], 2.0, 2.0)
    2.0
    """
    return _position(key, first_column, column, columns, approximate)


@excel_function("_XLR.HPOS", 4, 5)
def hlookup_position(key: Any, first_row: Any, row: Any, rows: Any, approximate: Any = True) -> float:
    """The column HLOOKUP(key, table, row, [approximate]) takes: ``INDEX(table, row, _XLR.HPOS(...))``.

    >>> hlookup_position("plugh", [["a", "e", "i", "o", "u"]], 1.0, 3.0)
    4.0
    """
    return _position(key, first_row, row, rows, approximate)


@excel_function("_XLR.MATCH", 2, 3)
def match(key: Any, items: Any, match_type: Any = 1.0) -> Any:
    """MATCH(key, items, [match_type]) as Excel searches: 1 bisects, -1 scans descending, 0 exact (wildcards).

    A key that is a range gives one position per key (an array). ``items`` must be one row or column.

    >>> match(6.0, [[None], [1.0], [2.0], [None], [5.0], [6.0], [7.0]])
    6.0
    >>> match(0.0, [[0.0], [1.0], [2.0]], -1.0), match(-1.0, [[0.0], [1.0], [2.0]], -1.0)
    (1.0, 3.0)

    An error key is the result before the match type is read, as Excel reads the arguments in order (H7 10).
    """
    check(key)
    kind = number(match_type)
    values = _vector(items)
    search = bisect if kind > 0 else _descending if kind < 0 else _exact

    def one(value: Any) -> Any:
        try:
            i = search(_key(value), values)
        except ExcelError as error:
            return {"type": "Error", "kind": error.code}
        return float(i + 1) if i >= 0 else {"type": "Error", "kind": "#N/A"}

    return _each_key(key, one)


@excel_function("LOOKUP", 2, 3)
def lookup(key: Any, lookup_range: Any, result_range: Any = None) -> Any:
    """LOOKUP(key, lookup_vector, [result_vector]) and LOOKUP(key, array), searching as Excel does.

    The array form searches the first row of an array wider than tall (else the first column)
    and returns from the last row (column). A two-dimensional lookup vector is searched in its
    first column (first row when wider than tall); a two-dimensional result vector is #N/A.

    >>> lookup(6.0, [[None], [1.0], [2.0], [None], [5.0], [6.0], [7.0]])
    6.0
    >>> lookup(2.0, [[0.0, "a"], [1.0, "e"], [2.0, "i"]], [["x"], ["y"], ["z"]])
    'z'
    """
    rows = matrix(lookup_range)
    wide = len(rows[0]) > len(rows)
    searched = list(rows[0]) if wide else [row[0] for row in rows]
    if result_range is None:
        results = list(rows[-1]) if wide else [row[-1] for row in rows]
    else:
        results = _vector(result_range)

    def one(value: Any) -> Any:
        try:
            i = bisect(_key(value), searched)
        except ExcelError as error:
            return {"type": "Error", "kind": error.code}
        if i < 0 or i >= len(results):
            return {"type": "Error", "kind": "#N/A"}
        return results[i]  # a blank stays blank: the cell shows 0, as Excel shows a lookup of a blank cell

    return _each_key(key, one)


def _each_key(key: Any, one: Callable[[Any], Any]) -> Any:
    """``one(key)``, or for a key that is a range one answer per cell (an array); an error answer raised."""
    if isinstance(key, list) and sum(len(r) for r in matrix(key)) > 1:
        return [[one(v) for v in row] for row in matrix(key)]
    result = one(key)
    if is_error(result):
        raise ExcelError(result["kind"])
    return result


def _xlookup_position(key: tuple[int, Any], values: list[Any], mode: int, search: int) -> int:
    """XLOOKUP's position: exact, or exact-or-next-smaller (-1) / -larger (1), in search order; -1 when none."""
    if search in (2, -2):
        return _binary(key, values, mode, search == -2)
    order = range(len(values)) if search >= 0 else range(len(values) - 1, -1, -1)
    if mode == 2:
        return next((i for i in order if _exact(key, [values[i]]) == 0), -1)
    best, best_value = -1, None
    for i in order:
        value = values[i]
        result = _compare(key, value)
        if result is None:
            continue
        if result == 0 or (mode == 0 and _equal(key, value)):
            return i
        wanted = (mode == -1 and result > 0) or (mode == 1 and result < 0)
        if wanted:
            candidate = (_kind(value), _Text.of(value) if isinstance(value, str) else value)
            if (
                best < 0
                or (mode == -1 and _compare(candidate, best_value) > 0)
                or (mode == 1 and _compare(candidate, best_value) < 0)
            ):
                best, best_value = i, value
    return best


def _binary(key: tuple[int, Any], values: list[Any], mode: int, descending: bool) -> int:
    """XLOOKUP's binary search (search_mode 2 ascending, -2 descending) for an exact or next item."""
    low, high = 0, len(values) - 1
    below, above = -1, -1  # nearest positions holding a smaller / larger value
    while low <= high:
        mid = (low + high) // 2
        result = _compare(key, values[mid])
        if result is None:
            raise ExcelError("#N/A")
        if result == 0:
            return mid
        key_larger = result > 0
        if key_larger:
            below = mid
        else:
            above = mid
        if key_larger != descending:
            low = mid + 1
        else:
            high = mid - 1
    return below if mode == -1 else above if mode == 1 else -1


@excel_function("_XLR.XLOOKUP", 5, 6)
def xlookup(key: Any, lookup_range: Any, return_range: Any, mode: Any, search: Any, if_not_found: Any = None) -> Any:
    """XLOOKUP(key, lookup, return, [if_not_found], match_mode, search_mode) for the modes the engine misses.

    ``if_not_found`` comes last here, and only when the formula gives it. match_mode -1 (exact or
    next smaller) and 1 (exact or next larger) look at every item (the engine says #N/A on unsorted
    data); search_mode 2/-2 bisect ascending/descending data. The return range must have as many
    rows (columns) as the lookup column (row) has items (#VALUE!); a whole row (column) of it is returned.

    >>> xlookup(4.0, [[3.0], [1.0], [5.0], [2.0]], [["a"], ["b"], ["c"], ["d"]], -1.0, 1.0)
    'a'
    """
    found_key = _key(key)
    rows = matrix(lookup_range)
    vertical = len(rows) > 1 or len(rows[0]) == 1
    values = _vector(lookup_range) if len(rows) == 1 or all(len(r) == 1 for r in rows) else None
    if values is None:
        raise ExcelError("#VALUE!")
    back = matrix(return_range)
    if (len(back) if vertical else len(back[0])) != len(values):
        raise ExcelError("#VALUE!")
    mode_number, search_number = int(number(mode)), int(number(search))
    if mode_number not in (-1, 0, 1, 2) or search_number not in (-2, -1, 1, 2):
        raise ExcelError("#VALUE!")
    i = _xlookup_position(found_key, values, mode_number, search_number)
    if i < 0:
        if if_not_found is not None:
            return if_not_found
        raise ExcelError("#N/A")
    picked = [back[i]] if vertical else [[row[i]] for row in back]
    return picked[0][0] if len(picked) == 1 and len(picked[0]) == 1 else picked


def _index_number(value: Any) -> Any:
    if isinstance(value, list):
        return [[_index_number(item) for item in row] for row in matrix(value)]
    if isinstance(value, float) and value <= -1:
        return {"type": "Error", "kind": "#VALUE!"}
    return value


@excel_function("_XLR.INDEXED", 1, 1)
def index_number(value: Any) -> Any:
    """A row or column number of INDEX as Excel checks it: a negative one is #VALUE! (the engine says #REF!).

    Anything else passes as it is (errors too; numbers beyond the range stay #REF! in the engine).

    >>> index_number(-1.0), index_number(2.0), index_number([[-2.0, 1.0]])
    ({'type': 'Error', 'kind': '#VALUE!'}, 2.0, [[{'type': 'Error', 'kind': '#VALUE!'}, 1.0]])
    """
    return _index_number(value)


@excel_function("_XLR.SAME", 2, 2)
def same(key: Any, found: Any) -> bool:
    """Whether the engine's exact match may stand: ``found`` (the value it found) is the number ``key`` itself
    (its exact binary value). Anything but a number key (text, a logical, an error, an array) and an error found
    (nothing found: the engine's #N/A stands) is TRUE.

    >>> same(0.0, 5e-17), same(0.3, 0.1 + 0.2), same("a", "A"), same(0.0, {"type": "Error", "kind": "NA"})
    (False, False, True, True)
    """
    if isinstance(key, list) and len(key) == 1 and isinstance(key[0], list) and len(key[0]) == 1:
        key = key[0][0]
    if isinstance(found, list) and len(found) == 1 and isinstance(found[0], list) and len(found[0]) == 1:
        found = found[0][0]
    if _kind(key) != _NUMBER or isinstance(found, list) or is_error(found):
        return True
    return _kind(found) == _NUMBER and _equal((_NUMBER, key), found)


@excel_function("_XLR.XMATCH", 2, 4)
def xmatch(key: Any, items: Any, mode: Any = 0.0, search: Any = 1.0) -> Any:
    """XMATCH(key, items, [match_mode], [search_mode]) with numbers of one binary value equal in exact mode.

    >>> xmatch(0.0, [[5e-17], [0.0]]), xmatch(2.0, [[2.0], [1.0], [2.0]], 0.0, -1.0)
    (2.0, 3.0)
    """
    values = _vector(items)
    mode_number, search_number = int(number(mode)), int(number(search))
    if mode_number not in (-1, 0, 1, 2) or search_number not in (-2, -1, 1, 2):
        raise ExcelError("#VALUE!")

    def one(value: Any) -> Any:
        try:
            i = _xlookup_position(_key(value), values, mode_number, search_number)
        except ExcelError as error:
            return {"type": "Error", "kind": error.code}
        return float(i + 1) if i >= 0 else {"type": "Error", "kind": "#N/A"}

    return _each_key(key, one)


_EXACT_FLAGS = frozenset(("FALSE", "0", ""))
#: a key that is one call of a function giving one value from a range (MATCH(MAX(A1:A9),A1:A9,0))
_AGGREGATE_KEY = re.compile(
    r"(?i)\s*(?:_xlfn\.)?(?:MAX|MIN|LARGE|SMALL|SUM|AVERAGE|MEDIAN|COUNT|COUNTA|COUNTIFS?|SUMIFS?|MAXIFS|MINIFS)\("
)


def _single_key(key: str) -> bool:
    """Whether a lookup key is one value: no range in it, or one aggregate call over ranges (an array key, or one
    the engine intersects with the formula's row, stays with the engine)."""
    plain = LITERALS.sub('""', key).strip()
    if ":" not in plain:
        return True
    start = _AGGREGATE_KEY.match(plain)
    if start is None:
        return False
    depth = 0
    for i in range(start.end() - 1, len(plain)):
        depth += {"(": 1, ")": -1}.get(plain[i], 0)
        if depth == 0:
            return i == len(plain) - 1
    return False


def exact_lookup(name: str, args: list[str]) -> str | None:
    """An exact-match lookup call (``name`` without ``_xlfn.``, its rewritten ``args``) as Excel matches numbers,
    or None to leave the call as it is (another mode, or a text key typed in).

    The engine's own call stays the answer whenever the value it finds is the key itself; else
    this module searches (see the module docstring).

    >>> exact_lookup("MATCH", ["A3", "A1:A2", "0"])
    'IF(_XLR.SAME(A3,INDEX(A1:A2,MATCH(A3,A1:A2,0))),MATCH(A3,A1:A2,0),_XLR.MATCH(A3,A1:A2,0))'
    >>> exact_lookup("MATCH", ['"x"', "A1:A2", "0"]) is None, exact_lookup("MATCH", ["A3", "A1:A2"]) is None
    (True, True)
    >>> exact_lookup("MATCH", ["B1:B5", "A1:A2", "0"]) is None, exact_lookup("MATCH", ["MAX(A1:A2)", "A1:A2", "0"])[:3]
    (True, 'IF(')
    """
    if not args or args[0].strip().startswith('"') or not _single_key(args[0]):
        return None
    flags = [a.strip().upper() for a in args]
    k = args[0]
    if name == "MATCH" and len(args) == 3 and flags[2] in _EXACT_FLAGS:
        items = args[1]
        call = f"MATCH({k},{items},{args[2]})"
        return f"IF(_XLR.SAME({k},INDEX({items},{call})),{call},_XLR.MATCH({k},{items},0))"
    if name in ("VLOOKUP", "HLOOKUP") and len(args) == 4 and flags[3] in _EXACT_FLAGS:
        table, index = args[1], args[2]
        found = f"{name}({k},{table},1,FALSE)"
        call = f"{name}({k},{table},{index},FALSE)"
        if name == "VLOOKUP":
            search = f"INDEX({table},_XLR.VPOS({k},INDEX({table},0,1),{index},COLUMNS({table}),FALSE),{index})"
        else:
            search = f"INDEX({table},{index},_XLR.HPOS({k},INDEX({table},1,0),{index},ROWS({table}),FALSE))"
        return f"IF(_XLR.SAME({k},{found}),{call},{search})"
    if name == "XLOOKUP" and 3 <= len(args) <= 6:
        mode = flags[4] if len(args) > 4 and flags[4] else "0"
        direction = flags[5] if len(args) > 5 and flags[5] else "1"
        if mode != "0" or direction not in ("1", "-1"):
            return None
        items, back = args[1], args[2]
        found = f"_xlfn.XLOOKUP({k},{items},{items},,0,{direction})"
        missing = f",{args[3]}" if len(args) > 3 and args[3].strip() else ""
        call = f"_xlfn.XLOOKUP({','.join(args)})"
        return f"IF(_XLR.SAME({k},{found}),{call},_XLR.XLOOKUP({k},{items},{back},0,{direction}{missing}))"
    if name == "XMATCH" and 2 <= len(args) <= 4:
        mode = flags[2] if len(args) > 2 and flags[2] else "0"
        direction = flags[3] if len(args) > 3 and flags[3] else "1"
        if mode != "0" or direction not in ("1", "-1"):
            return None
        items = args[1]
        call = f"_xlfn.XMATCH({','.join(args)})"
        return f"IF(_XLR.SAME({k},INDEX({items},{call})),{call},_XLR.XMATCH({k},{items},0,{direction}))"
    return None
