"""Statistical functions the engine lacks or gets wrong: PROB; MODE, MODE.SNGL and MODE.MULT; and the
element-by-element forms of LARGE, SMALL, PERCENTILE, QUARTILE and RANK (below).

MODE counts numbers equal at Excel's 15 significant digits as the same value, as the project's
comparisons do (``=0.1+0.2=0.3`` is TRUE); the engine counted numbers within 1E-12 of each
other as one, so MODE(5E-17, 5E-17, 0, 0) gave 0 where Excel gives 5E-17 (the first value to
reach the highest count).
"""

from __future__ import annotations

import math
from typing import Any

from ._core import EACH, FUNCTIONS, ExcelError, Function, broadcast, check, engine_call, excel_function, matrix, number


def _flat(value: Any) -> list[Any]:
    return [check(item) for row in matrix(value) for item in row]


@excel_function("PROB", 3, 4)
def prob(x_range: Any, prob_range: Any, lower: Any, upper: Any = None) -> float:
    """PROB(x_range, prob_range, lower_limit, [upper_limit]): probability that x lies in the limits.

    Probabilities must lie in (0, 1] and sum to 1 (#NUM!); ranges of different sizes are #N/A.
    Without ``upper_limit`` it is the probability of x = ``lower_limit``.

    >>> prob([[0.0, 1.0, 2.0, 3.0]], [[0.2, 0.3, 0.1, 0.4]], 2)
    0.1
    """
    xs, ps = _flat(x_range), _flat(prob_range)
    if len(xs) != len(ps):
        raise ExcelError("#N/A")
    pairs = [(x, p) for x, p in zip(xs, ps, strict=True) if isinstance(x, float) and isinstance(p, float)]
    if any(p <= 0 or p > 1 for _, p in pairs) or not math.isclose(sum(p for _, p in pairs), 1.0, abs_tol=1e-9):
        raise ExcelError("#NUM!")
    low = number(lower)
    high = low if upper is None else number(upper)
    return float(sum(p for x, p in pairs if low <= x <= high))


def _mode_counts(args: tuple[Any, ...]) -> list[tuple[float, int]]:
    """(first value, count) of each distinct number at 15 significant digits, in order of first occurrence.

    In a range only numbers count (text, logicals and blanks are left out, as Excel leaves them out); a
    single value counts when it is a number, a logical or numeric text (as the engine read them). Errors pass on.
    """
    counts: dict[float, list[Any]] = {}
    for arg in args:
        if isinstance(arg, list):
            items = [check(item) for row in matrix(arg) for item in row]
            values = [float(v) for v in items if isinstance(v, (int, float)) and not isinstance(v, bool)]
        else:
            check(arg)
            if arg is None:
                continue
            try:
                values = [number(arg)]
            except ExcelError:  # other text: left out
                continue
        for value in values:
            entry = counts.setdefault(float(f"{value:.15g}"), [value, 0])
            entry[1] += 1
    return [(first, count) for first, count in counts.values()]


def _modes(args: tuple[Any, ...]) -> list[float]:
    counts = _mode_counts(args)
    top = max((count for _, count in counts), default=0)
    if top < 2:
        raise ExcelError("#N/A")  # no number occurs twice
    return [value for value, count in counts if count == top]


@excel_function("MODE", 1, 255)
def mode(*args: Any) -> float:
    """MODE(number1, ...): the most frequent number; among equally frequent ones, the first. None twice: #N/A.

    >>> mode(5e-17, 5e-17, 0.0, 0.0), mode([[1.0, 2.0, 2.0, 1.0]]), mode([[0.1 + 0.2], [0.3], ["x"]])
    (5e-17, 1.0, 0.30000000000000004)
    """
    return _modes(args)[0]


excel_function("MODE.SNGL", 1, 255)(mode)


@excel_function("MODE.MULT", 1, 255)
def mode_mult(*args: Any) -> list[list[float]]:
    """MODE.MULT(number1, ...): every most frequent number, in order of first occurrence, as a column.

    >>> mode_mult([[3.0, "x", 3.0, 5.0, 5.0]])
    [[3.0], [5.0]]
    """
    return [[value] for value in _modes(args)]


# --- one answer per k: ``SUM(LARGE(A1:A9,{1,2,3}))``, ``SUMPRODUCT(RANK(A1:A9,A1:A9))`` ---------------------------
# The engine answers #NUM! (LARGE, SMALL) or the first k's value alone (PERCENTILE, QUARTILE) for an array of k, and
# #N/A for RANK of an array. :mod:`..rewrite` renames such a call ``_XLR.EACH.LARGE(...)`` where Excel lifts it (an
# array typed in, or anywhere Excel evaluates arrays); these forms take the data whole and every k in turn.


def _data(value: Any) -> list[float]:
    """The numbers of the data argument, sorted (text, logicals and blanks in a range left out; errors pass on)."""
    if not isinstance(value, list):
        check(value)
        return [] if value is None else [number(value)]
    return sorted(float(item) for item in _flat(value) if isinstance(item, (int, float)) and not isinstance(item, bool))


def _kth(data: Any, k: Any, largest: bool) -> float:
    xs = _data(data)
    position = math.floor(number(k) + 1e-9)  # a fractional k counts down, as the engine and LibreOffice take it
    if not 1 <= position <= len(xs):
        raise ExcelError("#NUM!")
    return xs[-position] if largest else xs[position - 1]


def _percentile(data: Any, k: Any, exclusive: bool = False) -> float:
    xs, p = _data(data), number(k)
    n = len(xs)
    if n == 0 or p < 0 or p > 1:
        raise ExcelError("#NUM!")
    if not exclusive:
        place = p * (n - 1)
    else:
        place = p * (n + 1) - 1
        if place < 0 or place > n - 1 or p in (0.0, 1.0):
            raise ExcelError("#NUM!")
    low = math.floor(place)
    if low + 1 >= n:
        return xs[-1]
    return xs[low] + (place - low) * (xs[low + 1] - xs[low])


def _quartile(data: Any, quart: Any, exclusive: bool = False) -> float:
    q = math.trunc(number(quart))
    if not (1 <= q <= 3 if exclusive else 0 <= q <= 4):
        raise ExcelError("#NUM!")
    return _percentile(data, q / 4, exclusive)


def _rank(value: Any, data: Any, order: Any = 0.0, average: bool = False) -> float:
    check(value)
    if isinstance(value, (str, bool)) or value is None:
        raise ExcelError("#VALUE!")
    x, xs = float(value), _data(data)
    if x not in xs:
        raise ExcelError("#N/A")
    before = sum(1 for v in xs if (v < x if order is not None and number(order) != 0 else v > x))
    ties = xs.count(x)
    return before + 1 + ((ties - 1) / 2 if average else 0)


#: the functions whose first argument is the data (taken whole) and whose second, k, is lifted
WHOLE_FIRST = frozenset(
    ("LARGE", "SMALL", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE", "QUARTILE.INC", "QUARTILE.EXC")
)
#: the functions whose second argument is the data (RANK's reference) and whose others are lifted
WHOLE_SECOND = frozenset(("RANK", "RANK.EQ", "RANK.AVG"))

_K_FORMS: dict[str, tuple[Any, int, int]] = {
    "LARGE": (lambda data, k: _kth(data, k, True), 2, 2),
    "SMALL": (lambda data, k: _kth(data, k, False), 2, 2),
    "PERCENTILE": (_percentile, 2, 2),
    "PERCENTILE.INC": (_percentile, 2, 2),
    "PERCENTILE.EXC": (lambda data, k: _percentile(data, k, True), 2, 2),
    "QUARTILE": (_quartile, 2, 2),
    "QUARTILE.INC": (_quartile, 2, 2),
    "QUARTILE.EXC": (lambda data, q: _quartile(data, q, True), 2, 2),
    "RANK": (_rank, 2, 3),
    "RANK.EQ": (_rank, 2, 3),
    "RANK.AVG": (lambda value, data, order=0.0: _rank(value, data, order, True), 2, 3),
}
for _name, (_fn, _low, _high) in _K_FORMS.items():
    _whole = frozenset({1}) if _name in WHOLE_SECOND else frozenset({0})
    FUNCTIONS[EACH + _name] = Function(EACH + _name, broadcast(engine_call(_fn), _whole), _low, _high)


# --- AGGREGATE's functions the engine lacks: 12 MEDIAN, 13 MODE.SNGL and the array form 14-19 ----------------------
# The engine answers #NIMPL! for AGGREGATE(12..19, ...). :mod:`..array_lifting` renames such a call
# ``_XLR.AGGREGATE.K(...)`` when its function number and options are typed in (and, for 12 and 13, every data argument
# is a reference, as Excel's reference form takes): options 2, 3, 6 and 7 leave error values out, the others pass the
# first one on; hidden rows (options 1, 3, 5, 7) are split out of the ranges before evaluation (:mod:`..hidden_rows`,
# which then gives the array form several ranges before k); nested SUBTOTAL and AGGREGATE cells (options 0-3) are
# listed there, not computed. k of the array form is lifted like LARGE's (``AGGREGATE(14,6,A1:A9,{1,2,3})``).

#: AGGREGATE's function numbers of its array form -> their forms above
AGGREGATE_K = {
    14: "LARGE",
    15: "SMALL",
    16: "PERCENTILE.INC",
    17: "QUARTILE.INC",
    18: "PERCENTILE.EXC",
    19: "QUARTILE.EXC",
}
#: AGGREGATE's function numbers the engine lacks that take references only: MEDIAN and MODE.SNGL
AGGREGATE_REFERENCES = frozenset((12, 13))
#: the name of the renamed call
AGGREGATE_NAME = "_XLR.AGGREGATE.K"
_SKIP_ERRORS = frozenset((2, 3, 6, 7))


def _aggregate_items(options: int, data: tuple[Any, ...]) -> list[list[Any]]:
    """The data arguments' items as one row; error values left out with ``options`` 2, 3, 6, 7, else passed on."""
    items = []
    for argument in data:
        for row in matrix(argument):
            for item in row:
                if isinstance(item, dict) and item.get("type") == "Error":
                    if options in _SKIP_ERRORS:
                        continue
                    check(item)
                items.append(item)
    return [items]


def _aggregate(function: Any, options: Any, *rest: Any) -> Any:
    """AGGREGATE(function 12-19, options, ...): 12 MEDIAN and 13 MODE.SNGL of the references, 14-19 LARGE ...
    QUARTILE.EXC of the data arguments before the last, k (an array of k: one answer each).

    >>> _aggregate(12.0, 6.0, [[0.05], [{"type": "Error", "kind": "#N/A"}], [0.03], [None], [0.04], [0.03]])
    0.035
    >>> _aggregate(13.0, 6.0, [[0.05], [0.03], [0.04], [0.03]]), _aggregate(14.0, 4.0, [[1.0, 3.0, 2.0]], [[1.0, 2.0]])
    (0.03, [[3.0, 2.0]])
    """
    code = int(number(function))
    chosen = 0 if options is None else int(number(options))
    if not 0 <= chosen <= 7:
        raise ExcelError("#VALUE!")
    if code in AGGREGATE_REFERENCES:
        data = _aggregate_items(chosen, rest)
        if code == 13:
            return _modes((data,))[0]
        xs = _data(data)
        if not xs:
            raise ExcelError("#NUM!")
        middle = len(xs) // 2
        return xs[middle] if len(xs) % 2 else (xs[middle - 1] + xs[middle]) / 2
    name = AGGREGATE_K.get(code)
    if name is None or len(rest) < 2:
        raise ExcelError("#VALUE!")
    data, k, form = _aggregate_items(chosen, rest[:-1]), rest[-1], _K_FORMS[name][0]
    if isinstance(k, list):
        each = engine_call(lambda item: form(data, item))
        return [[each(item) for item in row] for row in matrix(k)]
    return form(data, k)


FUNCTIONS[AGGREGATE_NAME] = Function(AGGREGATE_NAME, engine_call(_aggregate), 3, 255)
