"""What every Excel function of this package shares: argument coercion, errors, registration.

formualizer hands a registered function its evaluated arguments as Python values: numbers as
floats (dates as serial numbers), text, booleans, ``None`` for an empty cell, a range as a list of
rows, and an error as ``{"type": "Error", "kind": "Div"}``. A function here raises
:class:`ExcelError` with Excel's code for an argument Excel refuses; :func:`excel_function`
turns that (and an error argument passed on, and a result that is not a finite number) into the
error value formualizer shows in the cell.
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

# formualizer's error kinds -> Excel's codes
ERROR_KINDS = {
    "div": "#DIV/0!",
    "num": "#NUM!",
    "value": "#VALUE!",
    "name": "#NAME?",
    "ref": "#REF!",
    "null": "#NULL!",
    "na": "#N/A",
    "n/a": "#N/A",
    "spill": "#SPILL!",
    "calc": "#CALC!",
}


#: formualizer's #CANCELLED!, which nothing else in a recalculation makes, stands for Excel's newer error values
#: (#FIELD!, #CONNECT!, ...) it has no kind for: :data:`CARRIED` holds those of the workbook being computed, in
#: sorted order (set by :func:`..engine.load`; :mod:`..newer_errors`)
CARRIER = "#CANCELLED!"
CARRIED: list[str] = []


def carried(code: str) -> str:
    """``code``, or the newer error value #CANCELLED! stands for when the workbook holds one such code."""
    return CARRIED[0] if code == CARRIER and len(CARRIED) == 1 else code


class ExcelError(Exception):
    """An Excel error value (``code`` such as ``"#NUM!"``) as the result of a function."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def is_error(value: Any) -> bool:
    """Whether ``value`` is formualizer's error value."""
    return isinstance(value, dict) and value.get("type") == "Error"


def error_code(value: dict[str, Any]) -> str:
    """Excel's code of formualizer's error value: ``{"kind": "Div"}`` -> ``"#DIV/0!"``."""
    kind = str(value.get("kind", "Value"))
    if kind.startswith("#"):
        return kind.upper()
    return ERROR_KINDS.get(kind.lower(), f"#{kind.upper()}!")


def not_computed(value: Any) -> bool:
    """Whether ``value`` is the engine's "not implemented" error (#NIMPL!: a cell or call listed as not computed)."""
    return isinstance(value, dict) and str(value.get("kind", "")).lower() == "nimpl"


def check(value: Any) -> Any:
    """``value`` itself, or raise its :class:`ExcelError` when it is an error (errors pass on)."""
    if is_error(value):
        raise ExcelError(error_code(value))
    return value


#: a plain number typed as text: digits with an optional sign, decimal point and exponent (ASCII, as Excel types
#: them; Python's float() also reads "1_000", "nan" and "inf", which no Excel does)
_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def plain_number(text: str) -> float | None:
    """The finite number ``text`` (stripped by the caller) is as typed, or None.

    >>> plain_number("1.5e3"), plain_number("-.5"), plain_number("1_000"), plain_number("nan"), plain_number("1E400")
    (1500.0, -0.5, None, None, None)
    """
    if _PLAIN.fullmatch(text) is None:
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def number(value: Any) -> float:
    """An argument as Excel reads a number: blank 0, TRUE 1, numeric text parsed as VALUE reads it ("10%", "$1,000",
    a date), other text #VALUE!."""
    check(value)
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        number = plain_number(value.strip())
        if number is not None:
            return number
        from .text_numbers import text_to_number  # text_numbers imports this module

        parsed = text_to_number(value)  # IPMT(A1,..) of "10%" in A1: 0.1, as the engine's PMT reads it
        if isinstance(parsed, str):
            raise ExcelError("#VALUE!") from None
        return float(parsed)
    if isinstance(value, list):  # a range where one value is expected: its first cell
        return number(value[0][0] if value and isinstance(value[0], list) else value[0])
    raise ExcelError("#VALUE!")


def integer(value: Any) -> int:
    """An argument as a whole number, truncated toward zero as Excel does (2.9 -> 2, -2.9 -> -2)."""
    return int(number(value))


def boolean(value: Any) -> bool:
    """An argument as a logical: numbers are TRUE unless 0, "TRUE"/"FALSE" text, other text #VALUE!."""
    check(value)
    if isinstance(value, str):
        upper = value.strip().upper()
        if upper in ("TRUE", "FALSE"):
            return upper == "TRUE"
        raise ExcelError("#VALUE!")
    return bool(number(value))


def text(value: Any) -> str:
    """An argument as text: numbers as Excel turns them into text (1.0 -> "1"), TRUE -> "TRUE", blank ""."""
    check(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return number_text(float(value))
    return str(value)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _pair(match: re.Match[str]) -> str:
    code = ord(match.group(0)) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def utf16(value: str) -> str:
    """``value`` as Excel counts its characters, in UTF-16 code units: a character beyond U+FFFF (an emoji) becomes
    its two surrogates, so that ``len``, slices and positions are Excel's (LEN of an emoji is 2); :func:`from_utf16`
    undoes it.

    >>> len(utf16("\U0001f642 smile")), utf16("abc") == "abc", from_utf16(utf16("\U0001f642 x")) == "\U0001f642 x"
    (8, True, True)
    """
    return _ASTRAL.sub(_pair, value) if not value.isascii() else value


#: how many texts :func:`from_utf16` found cut through a character (the cells are listed: :mod:`..refused_cases`)
HALVES_CUT = [0]


def from_utf16(value: str) -> str:
    """Text of :func:`utf16` back as characters: surrogate pairs joined. A lone half (an emoji cut by LEFT, MID,
    RIGHT or REPLACE) is "not computed" (``ExcelError("NImpl")``: the cell is listed): Excel keeps the half, and
    joins it back with the other half (``LEFT(A1,1)&MID(A1,2,9)`` is A1 again), which no text of the engine can hold;
    it was U+FFFD, written under ok (H570's finding 01).

    >>> from_utf16(utf16("\U0001f642 x")[:1])
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions._core.ExcelError: NImpl
    """
    if value.isascii():
        return value
    try:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        HALVES_CUT[0] += 1
        raise ExcelError("NImpl") from None


def fifteen(value: float) -> float:
    """A finite ``value`` at 15 significant digits rounded half away from zero from its exact binary value, as Excel
    compares it: a value exactly halfway (1.000030517578125 is 1 + 2^-15, 100000000000000.5) goes up, where Python's
    ``.15g`` gives the even digit (1.00003051757812, 1E14: then ``=(1E14+0.5)=100000000000001`` was FALSE).

    >>> fifteen(0.1 + 0.2), fifteen(1.000030517578125), fifteen(1e14 + 0.5), fifteen(-1e14 - 0.5), fifteen(1 / 3)
    (0.3, 1.00003051757813, 100000000000001.0, -100000000000001.0, 0.333333333333333)
    """
    # a tie ends the exact value at its 16th digit, 10^(e-15): value * 2^(15-e) is whole; checked with room to spare
    # (e from the binary exponent, one low at most) before the slower exact test, as few values pass
    if math.ldexp(value, 16 - math.floor((math.frexp(value)[1] - 1) * _LOG10_2)).is_integer():
        longer = f"{value:.15e}"  # 16 significant digits: an exact 5 last is a tie
        if longer[longer.index("e") - 1] == "5" and Decimal(value) == Decimal(longer):
            exact = Decimal(value)
            return float(exact.quantize(Decimal(1).scaleb(exact.adjusted() - 14), rounding=ROUND_HALF_UP))
    return float(f"{value:.15g}")


_LOG10_2 = math.log10(2)


def number_text(value: float) -> str:
    """A number as Excel turns it into text (``=""&A1``): 15 significant digits, no trailing zeros.

    The digits are rounded half away from zero from the exact binary value, and the notation is chosen by the
    rounded number: 999999999999999 is '999999999999999' (log10 of it rounds to 15: '9.99999999999999E+14' was
    given), 1E14+0.5 '100000000000001' (Python's ties to even gave '100000000000000'; INT of it is 100000000000001).

    >>> number_text(1 / 3), number_text(0.1 + 0.2), number_text(1e20), number_text(-2.0), number_text(1e-5)
    ('0.333333333333333', '0.3', '1E+20', '-2', '0.00001')
    >>> number_text(999999999999999.0), number_text(1e14 + 0.5), number_text(999999999999999.9), number_text(-2.5e-10)
    ('999999999999999', '100000000000001', '1E+15', '-2.5E-10')
    """
    if value == 0:
        return "0"
    if not math.isfinite(value):  # refused as math.floor(math.log10(value)) refused it before (#NUM! in engine_call)
        raise (ValueError if math.isnan(value) else OverflowError)(value)
    exact = Decimal(value)
    rounded = exact.quantize(Decimal(1).scaleb(exact.adjusted() - 14), rounding=ROUND_HALF_UP)
    exponent = rounded.adjusted()
    if -10 < exponent < 15:
        text = f"{rounded:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text
    mantissa, power = f"{rounded:.14E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E{int(power):+03d}" if abs(int(power)) < 100 else f"{mantissa}E{int(power):+d}"


def matrix(value: Any) -> list[list[Any]]:
    """An argument as a list of rows (a single value is a 1 x 1 matrix)."""
    if isinstance(value, list):
        return [row if isinstance(row, list) else [row] for row in value]
    return [[value]]


def numbers(value: Any) -> list[float]:
    """The numbers of a range argument, row by row (text, booleans and blanks left out; errors pass on)."""
    out = []
    for row in matrix(value):
        for item in row:
            check(item)
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                out.append(float(item))
    return out


def engine_value(result: Any) -> Any:
    """A Python result as the engine's value: numbers as floats (not finite: #NUM!), errors as Excel's."""
    return _to_engine(result)


def _to_engine(result: Any) -> Any:
    if type(result) is float and result - result == 0:  # a finite number, the common result: as it is
        return result
    if isinstance(result, bool) or isinstance(result, str) or result is None:
        return result
    if isinstance(result, (int, float)):
        if not math.isfinite(result):
            return {"type": "Error", "kind": "#NUM!"}
        return float(result)
    if isinstance(result, list):
        return [[_to_engine(v) for v in row] for row in result]
    if is_error(result):  # an error argument passed on as it is
        return {"type": "Error", "kind": error_code(result)}
    raise TypeError(f"an Excel function returned {type(result).__name__}: {result!r}")


@dataclass(frozen=True)
class Function:
    """An Excel function of this package: its name, argument counts and implementation."""

    name: str
    call: Callable[..., Any]
    min_args: int
    max_args: int | None


FUNCTIONS: dict[str, Function] = {}


def excel_function(name: str, min_args: int, max_args: int | None = None) -> Callable[[Callable], Callable]:
    """Register ``fn`` as Excel's function ``name``; the wrapper turns :class:`ExcelError` into Excel's error.

    ``ZeroDivisionError`` becomes ``#DIV/0!``, ``OverflowError`` and a result that is not a finite
    number ``#NUM!``.
    """

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        call = engine_call(fn)
        call.__name__ = call.__qualname__ = f"excel_{name.replace('.', '_')}"
        call.__doc__ = fn.__doc__
        FUNCTIONS[name] = Function(name, call, min_args, max_args)
        return fn

    return register


class _Quiet(threading.local):
    """Whether this thread is inside :func:`quiet_numpy` (numpy's floating-point warnings already off)."""

    on = False


_QUIET = _Quiet()


def quiet_numpy(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` run with numpy's floating-point warnings off (``np.errstate(all="ignore")``) once for its whole
    run, so that the functions the engine calls in it (:func:`engine_call`) need not enter the same state each call:
    entering it cost about 2.5 us a call, more than a comparison operand's own work (``_XLR.COMPARED``)."""

    @functools.wraps(function)
    def quiet(*args: Any, **kwargs: Any) -> Any:
        outer = _QUIET.on
        with np.errstate(all="ignore"):
            _QUIET.on = True
            try:
                return function(*args, **kwargs)
            finally:
                _QUIET.on = outer

    return quiet


def engine_call(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` as the engine calls it: its result as an engine value, an :class:`ExcelError` as Excel's error."""

    def call(*args: Any) -> Any:
        try:
            if _QUIET.on:  # inside quiet_numpy: its warnings are off already
                result = _to_engine(fn(*args))
            else:
                with np.errstate(all="ignore"):  # a division by zero inside numpy is a #NUM! result, not a warning
                    result = _to_engine(fn(*args))
        except ExcelError as error:
            result = {"type": "Error", "kind": error.code}
        except ZeroDivisionError:
            return {"type": "Error", "kind": "#DIV/0!"}
        except OverflowError:
            return {"type": "Error", "kind": "#NUM!"}
        if type(result) is dict and str(result.get("kind", "")).lower() == "nimpl":
            NOT_IMPLEMENTED.note(call.__name__)
        return result

    return call


class NotImplementedSeen:
    """The "not implemented" errors (``#NIMPL!``: the cell is listed) this package's functions gave: how many in all,
    and the first function giving one while :meth:`start` .. :meth:`stop` (a cell evaluated again for it)."""

    def __init__(self) -> None:
        self.count = 0
        self.noting = False
        self.function = ""

    def note(self, function: str) -> None:
        self.count += 1
        if self.noting and not self.function:
            self.function = function

    def start(self) -> None:
        self.noting, self.function = True, ""

    def stop(self) -> str:
        """The function noted since :meth:`start` ("" when none gave one)."""
        self.noting = False
        return self.function


#: the notes of this process (the engine calls the functions in it)
NOT_IMPLEMENTED = NotImplementedSeen()


#: the prefix of a function's element-by-element form: ``_XLR.EACH.MOD`` (see :func:`broadcast`)
EACH = "_XLR.EACH."

#: Argument positions an element-by-element form takes whole (LARGE's data: ``{"LARGE": frozenset({0})}``): every
#: ``EACH + name`` in :data:`FUNCTIONS` is used by the rewrite (``recalculation.array_lifting``) where one of its
#: other arguments may be an array. A module registering such a form says here which arguments are not lifted.
WHOLE_ARGUMENTS: dict[str, frozenset[int]] = {}


def broadcast(call: Callable[..., Any], whole: frozenset[int] = frozenset()) -> Callable[..., Any]:
    """An engine-level function of single values applied element by element over array arguments, as Excel does
    in an array formula: a single row or column stretches over the others, cells beyond a smaller array are #N/A.

    ``whole``: positions of arguments the function takes as a whole array (LARGE's array, WORKDAY's holidays),
    passed on as they are; the others are lifted.

    >>> broadcast(lambda a, b: a * b)([[1.0], [2.0]], [[10.0, 20.0]])
    [[10.0, 20.0], [20.0, 40.0]]
    >>> broadcast(lambda data, k: sorted(data[0])[int(k) - 1], whole=frozenset({0}))([[5.0, 3.0, 4.0]], [[1.0, 3.0]])
    [[3.0, 5.0]]
    """

    missing = {"type": "Error", "kind": "#N/A"}

    def each(*args: Any) -> Any:
        grids = [matrix(a) if isinstance(a, list) and a and k not in whole else None for k, a in enumerate(args)]
        arrays = [m for m in grids if m is not None]
        if not any(len(m) > 1 or len(m[0]) > 1 for m in arrays):
            return call(*[a if m is None else m[0][0] for a, m in zip(args, grids, strict=True)])
        rows = max(len(m) for m in arrays)
        cols = max(max(len(r) for r in m) for m in arrays)
        known: dict[tuple[Any, ...], Any] = {}  # the answer of each set of element values met (dates repeat)

        def once(values: list[Any]) -> Any:
            key = tuple((type(values[k]), values[k]) for k in lifted)
            try:
                return known[key]
            except KeyError:
                answer = known[key] = call(*values)
                return answer
            except TypeError:  # an error value (a dict): no key
                return call(*values)

        lifted = [k for k, m in enumerate(grids) if m is not None]
        if len(arrays) == 1 and len(args) == 1:  # one array argument, the common case
            return [[once([item]) for item in row] for row in arrays[0]]

        def pick(value: Any, m: list[list[Any]] | None, i: int, j: int) -> Any:
            if m is None:
                return value
            r, c = (0 if len(m) == 1 else i), (0 if len(m[0]) == 1 else j)
            return m[r][c] if r < len(m) and c < len(m[r]) else missing

        pairs = list(zip(args, grids, strict=True))
        return [[once([pick(a, m, i, j) for a, m in pairs]) for j in range(cols)] for i in range(rows)]

    return each
