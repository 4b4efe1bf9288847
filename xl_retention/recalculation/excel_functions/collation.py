"""Text in the order and equality Excel gives it: case-insensitive, accented letters beside their base letter.

Microsoft's "Default sort orders": text is sorted left to right, character by character, in the order
``0 1 2 3 4 5 6 7 8 9 (space) ! " # $ % & ( ) * , . / : ; ? @ [ \\ ] ^ _ ` { | } ~ + < = > A B C ... Z``,
uppercase and lowercase alike; "Apostrophes (') and hyphens (-) are ignored, with one exception: If two
text strings are the same except for a hyphen, the text with the hyphen is sorted last". Excel's
comparison operators, criteria (``COUNTIF(A1:A4,"<M")``) and approximate lookups compare text the
same way, with the locale's collation: an accented letter sorts with its base letter ("é" after "e",
before "f"; ``"Émilie"<"M"`` is TRUE). The engine compared code points after folding ASCII letters
only ("É" after "z", and ``="É"="é"`` FALSE).

:func:`order_key` turns text into a key whose plain code-point order (the engine's own, which leaves
the key's caseless characters alone) is that order: primary letters (accents removed with
:mod:`unicodedata`'s canonical decomposition, case folded), then the accents, then the ignored
hyphens and apostrophes. :func:`equal_key` is text as Excel tells it equal: case-insensitive (any
script), accents counting. ``_XLR.ORDERED`` and ``_XLR.COMPARED`` (:mod:`.maths`) put them in for the
operands of a comparison; the rewrite of :mod:`.arguments` puts those in, and keys for typed text.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from typing import Any

from ._core import (
    FUNCTIONS,
    ExcelError,
    Function,
    engine_call,
    error_code,
    fifteen,
    is_error,
    matrix,
    number_text,
    plain_number,
)
from .text import NOT_IMPLEMENTED

#: the documented order of digits, space and ASCII punctuation (hyphen and apostrophe are ignored)
_ASCII_ORDER = '0123456789 !"#$%&()*,./:;?@[\\]^_`{|}~+<=>'
_IGNORED = "'-"
#: letters canonical decomposition leaves whole, as the Latin letter they sort with
_LETTERS = {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ı": "i"}
_BASE = 0x4E00  # CJK ideographs: characters without case, so the engine's case folding leaves the key alone
_SEPARATOR = chr(_BASE)
_END = chr(_BASE + 1)  # the end of one letter's accents: below every accent
_LETTER_RANK = 0x1000  # ranks of a to z; other characters in between by code point, other scripts after


def _rank(char: str) -> int:
    position = _ASCII_ORDER.find(char)
    if position >= 0:
        return 1 + position
    if "a" <= char <= "z":
        return _LETTER_RANK + ord(char)
    if char.isalpha() or char.isdigit():
        return _LETTER_RANK + 0x100 + ord(char)  # other scripts after z, by code point
    return 0x100 + ord(char) % 0xE00  # other symbols after ">" and before the letters


def _code(rank: int) -> str:
    return chr(_BASE + 2 + rank // 4096) + chr(_BASE + 2 + rank % 4096)


@lru_cache(maxsize=65536)
def order_key(text: str) -> str:
    """A key of ``text`` whose code-point order is the order Excel compares text in (see the module docstring).

    >>> sorted(["Zoe", "Émilie", "Bob", "Ärzte", "apple", "Eve"], key=order_key)
    ['apple', 'Ärzte', 'Bob', 'Émilie', 'Eve', 'Zoe']
    >>> order_key("é") < order_key("f"), order_key("e") < order_key("é"), order_key("A") == order_key("a")
    (True, True, True)
    >>> order_key("coop") < order_key("co-op") < order_key("copa")
    True
    >>> order_key("A1") < order_key("A100") < order_key("A11")
    True
    """
    if not text:
        return ""
    primary, accents, ignored = [], [], []
    for position, char in enumerate(unicodedata.normalize("NFD", text.casefold())):
        if unicodedata.combining(char):
            if accents:
                accents[-1] += chr(_BASE + 2 + ord(char) % 20000)
            continue
        if char in _IGNORED:
            ignored.append(_code(position * 2 + (char == "-")))
            continue
        for letter in _LETTERS.get(char, char):
            primary.append(_code(_rank(letter)))
            accents.append("")
    return "".join(["".join(primary), _SEPARATOR, "".join(a + _END for a in accents), _SEPARATOR, "".join(ignored)])


def equal_key(text: str) -> str:
    """``text`` as Excel tells text equal: case-insensitive in every script (``"É"`` is ``"é"``), accents counting.

    >>> equal_key("ÉCOLE") == equal_key("école"), equal_key("é") == equal_key("e")
    (True, False)
    """
    return unicodedata.normalize("NFC", text).lower() if not text.isascii() else text.lower()


def _rounded(value: Any) -> Any:
    if isinstance(value, float) and math.isfinite(value):
        return fifteen(value)
    return value


#: :func:`fifteen` of the cells of a range compared element by element: the same range is read again by each
#: copy of a formula filled down (``SUMPRODUCT(--($A$2:$A$2001>=A2))``), 10 us a number otherwise
_fifteen_cell = lru_cache(maxsize=1 << 17)(fifteen)


def _keyed(value: list[Any], key: Any) -> list[list[Any]]:
    """An array operand: numbers at 15 significant digits, text through ``key``, the rest as it is."""
    rows = []
    for row in matrix(value):
        out = []
        for item in row:
            kind = type(item)
            if kind is float:
                out.append(_fifteen_cell(item) if item - item == 0 else item)
            elif kind is str:
                out.append(key(item))
            elif kind is list:
                out.append(_keyed(item, key))
            else:
                out.append(_rounded(item))
        rows.append(out)
    return rows


def ordered(value: Any) -> Any:
    """An operand of ``<``, ``>``, ``<=`` or ``>=`` as Excel orders it: a number at 15 significant digits, text as
    its :func:`order_key`, anything else as it is (element by element in an array).

    >>> ordered(0.1 + 0.2), ordered(True), ordered(None), ordered([["é", 1.0]]) == [[order_key("é"), 1.0]]
    (0.3, True, None, True)
    """
    if isinstance(value, list):
        return _keyed(value, order_key)
    if isinstance(value, str):
        return order_key(value)
    return _rounded(value)


def compared(value: Any) -> Any:
    """An operand of ``=`` or ``<>`` as Excel compares it: a number at 15 significant digits, text as its
    :func:`equal_key`, anything else as it is (element by element in an array).

    >>> compared(0.1 + 0.2), compared("a"), compared(None), compared([[1 / 3, True, "É"]])
    (0.3, 'a', None, [[0.333333333333333, True, 'é']])
    """
    if isinstance(value, list):
        return _keyed(value, equal_key)
    if isinstance(value, str):
        return equal_key(value)
    return _rounded(value)


def fifteen_digits(value: Any) -> Any:
    """An operand of a comparison with a range too large to take to 15 digits cell by cell (a whole column): its
    numbers at 15 significant digits, text and anything else as it is (element by element in an array), so that the
    engine compares it with the range's cells as they are. Excel's result where those cells hold numbers equal to their
    own 15 digits; :func:`..large_comparisons.unrounded_comparisons` takes the other cases to the full wrappers.

    >>> fifteen_digits(0.1 + 0.2), fifteen_digits("É"), fifteen_digits([[1 / 3, True]])
    (0.3, 'É', [[0.333333333333333, True]])
    """
    if isinstance(value, list):
        return _keyed(value, str)
    return _rounded(value)


#: the criteria functions: name -> (position of the first criteria range, step to the next pair)
_CRITERIA = {
    "COUNTIF": (0, 2), "SUMIF": (0, 3), "AVERAGEIF": (0, 3), "COUNTIFS": (0, 2), "SUMIFS": (1, 2),
    "AVERAGEIFS": (1, 2), "MAXIFS": (1, 2), "MINIFS": (1, 2),
}  # fmt: skip
ORDERED, COMPARED, ERROR_KEYS = "_XLR.ORDERED", "_XLR.COMPARED", "_XLR.ERRORKEYS"
#: Excel's error values, as a criterion names them
_ERRORS = frozenset(("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"))


def _error_key(code: str) -> str:
    """An error value as text no cell holds (a caseless CJK mark first), for criteria that name errors."""
    return _SEPARATOR + code


def error_keys(value: Any) -> Any:
    """A criteria range with each error value as its :func:`_error_key` text (the rest as it is), so that the engine's
    criteria match ``"#N/A"`` and ``"<>#N/A"`` as Excel does.

    >>> error_keys([[1.0, {"type": "Error", "kind": "Na"}, "x"]]) == [[1.0, _error_key("#N/A"), "x"]]
    True
    """
    if isinstance(value, list):
        return [[error_keys(item) for item in row] for row in matrix(value)]
    if is_error(value):
        return _error_key(error_code(value))
    return value


FUNCTIONS[ERROR_KEYS] = Function(ERROR_KEYS, error_keys, 1, 1)


def _keyed_criterion(criterion: str) -> tuple[str | None, str] | None:
    """(wrapper of the range, criterion as the engine should be given it) for a typed criterion the engine would
    match otherwise than Excel: text ordered (``"<M"``), text with other than ASCII letters (``"é*"``), an error
    value (``"#N/A"``, ``"<>#N/A"``: Excel matches the error cells, the engine none), or a number written with ``%``,
    ``$`` or thousands (``">50%"``: Excel reads it as a typed entry, 0.5; the range then stays as it is, None)."""
    from .text_numbers import text_to_number  # noqa: PLC0415  (text_numbers imports this package's core only; no cycle at import)

    operator = next((op for op in ("<=", ">=", "<>", "<", ">", "=") if criterion.startswith(op)), "")
    value = criterion[len(operator) :]
    if value.upper() in _ERRORS and operator in ("", "=", "<>"):  # "#N/A", "<>#N/A": error cells
        return ERROR_KEYS, operator + _error_key(value.upper()).replace("?", "~?")
    if formatted_number(criterion):
        number = text_to_number(value)
        return None, operator + number_text(number)  # type: ignore[arg-type]  # ">50%", ">=1,000", ">$40": a number
    if value.strip() and _plain_number(value.strip()) is None and not isinstance(number := text_to_number(value), str):
        return None, operator + number_text(number)  # ">=Jan 2024", "1 Mar 2024", "<12:00": the date, as typed (F25)
    if operator in ("<=", ">=", "<", ">"):
        if not value or not isinstance(text_to_number(value), str) or value.upper() in ("TRUE", "FALSE"):
            return None  # a number or a logical: compared as one
        return ORDERED, operator + order_key(value)
    if value.isascii():
        return None
    return COMPARED, operator + equal_key(value)


def formatted_number(criterion: str) -> bool:
    """Whether a typed criterion's value (after its operator) is a number written with ``%``, ``$`` or ``,``, which
    Excel reads as a typed entry (``">50%"`` is 0.5)."""
    from .text_numbers import text_to_number  # noqa: PLC0415

    operator = next((op for op in ("<=", ">=", "<>", "<", ">", "=") if criterion.startswith(op)), "")
    value = criterion[len(operator) :]
    return any(c in value for c in "%$,") and not isinstance(text_to_number(value), str)


def _plain_number(criterion: str) -> float | None:
    """The number of a criterion that is a number written plainly as text (``"0012345"``, ``"1.2345E4"``): Excel
    matches it as the number (numbers and number-like text), the engine as text only. Python's ``float()`` also reads
    ``"1_000"`` (and ``"nan"``, ``"inf"``, digits of other scripts), which are text to Excel: no number here.

    >>> _plain_number("0012345"), _plain_number("1.2345E4"), _plain_number("1_000"), _plain_number(" 5")
    (12345.0, 12345.0, None, None)
    """
    return plain_number(criterion)


def keyed_criteria(name: str, texts: list[str], literals: list[str | None]) -> list[str]:
    """The arguments of a criteria function (``COUNTIF``, ``SUMIFS``, ...; ``texts``) with each typed text criterion
    (``literals``: the typed text of each argument, None for others) the engine would match otherwise than Excel
    made a key, and its range given through ``_XLR.ORDERED`` or ``_XLR.COMPARED`` (see :mod:`.collation`).

    >>> keyed = keyed_criteria("COUNTIF", ["A1:A4", '"<M"'], [None, "<M"])
    >>> keyed == ["_XLR.ORDERED(A1:A4)", '"<' + order_key("M") + '"']
    True
    >>> keyed_criteria("COUNTIF", ["A1:A4", '"<5"'], [None, "<5"])
    ['A1:A4', '"<5"']

    A SUMIF or AVERAGEIF without a sum range whose range is so given sums the range itself (a key is text, which
    sums to nothing: ``SUMIF(B1:B4,"<>#DIV/0!")`` was the sum of the numbers where Excel gives a matched #N/A):

    >>> keyed_criteria("SUMIF", ["B1:B4", '"<>#N/A"'], [None, "<>#N/A"])[::2]
    ['_XLR.ERRORKEYS(B1:B4)', 'B1:B4']
    """
    layout = _CRITERIA.get(name)
    if layout is None:
        return texts
    first, step = layout
    out = list(texts)
    for k in range(first, len(texts) - 1, step):
        literal = literals[k + 1]
        if literal is not None and _plain_number(literal) is not None:  # "12345", "0012345": the number (F17)
            out[k + 1] = number_text(_plain_number(literal))  # type: ignore[arg-type]
            continue
        keyed = None if literal is None else _keyed_criterion(literal)
        if keyed is not None:
            wrapper, criterion = keyed
            if wrapper is not None:
                out[k] = f"{wrapper}({texts[k].strip()})"
            out[k + 1] = '"' + criterion.replace('"', '""') + '"'
    if name in ("SUMIF", "AVERAGEIF") and len(texts) == 2 and out[0] != texts[0]:
        out.append(texts[0].strip())  # the range's own values are summed, not its keys (its errors among them)
    return out


def typed_keys(solids: list[list[tuple[str, str]]], texts: list[str], ordering: bool) -> dict[int, str] | None:
    """For a comparison with typed text the engine would compare wrongly (non-empty text ordered, or text with
    other than ASCII letters tested for equality): each operand as the engine should be given it (typed text as
    its key, the others through ``_XLR.ORDERED`` or ``_XLR.COMPARED``, typed numbers and logicals as they are);
    None when no typed text needs it."""
    key = order_key if ordering else equal_key
    found = False
    out: dict[int, str] = {}
    for k, solid in enumerate(solids):
        if len(solid) == 1 and solid[0][0] == "text":
            value = solid[0][1][1:-1].replace('""', '"')
            found = found or (bool(value) if ordering else not value.isascii())
            out[k] = '"' + key(value).replace('"', '""') + '"'
        elif len(solid) == 1 and solid[0][0] == "literal" or not solid:
            out[k] = texts[k]
        else:
            out[k] = f"{ORDERED if ordering else COMPARED}({texts[k].strip()})"
    return out if found else None


def _constants(text: str) -> list[str]:
    """The elements of a one-row array typed in (``{2,3}`` -> ``["2", "3"]``), or ``[text]`` for anything else."""
    text = text.strip()
    if text.startswith("{") and text.endswith("}") and ";" not in text and '"' not in text:
        return [part.strip() for part in text[1:-1].split(",")]
    return [text]


def sorted_call(name: str, args: list[str]) -> str | None:
    """SORT or SORTBY (its rewritten ``args``) as ``_XLR.SORTED``, which sorts in Excel's order (:func:`sorted_rows`):
    SORT's sort columns (one, or several typed as ``{2,3}`` with orders ``{1,-1}``) taken with INDEX; None to leave the
    call as it is (by columns, or indexes or orders that are not one row typed in).

    >>> sorted_call("SORT", ["B1:C4", "{2,1}", "-1"])
    '_xlfn.LET(_xlr_s,B1:C4,_XLR.SORTED(_xlr_s,INDEX(_xlr_s,0,2),-1,INDEX(_xlr_s,0,1),-1))'
    >>> sorted_call("SORTBY", ["B1:C4", "C1:C4"])
    '_XLR.SORTED(B1:C4,C1:C4)'
    """
    if not args or not args[0].strip():
        return None
    if name == "SORTBY":
        return f"{SORTED}({','.join(a.strip() or '1' for a in args)})"
    indexes = _constants(args[1]) if len(args) > 1 and args[1].strip() else ["1"]
    orders = _constants(args[2]) if len(args) > 2 and args[2].strip() else ["1"]
    by_column = args[3].strip().upper() if len(args) > 3 and args[3].strip() else "FALSE"
    if len(orders) == 1:
        orders = orders * len(indexes)
    if by_column not in ("FALSE", "0") or len(orders) != len(indexes) or "{" in "".join(indexes + orders):
        return None  # by columns, or arrays of indexes the rewrite cannot read: the engine's SORT
    keys = ",".join(f"INDEX(_xlr_s,0,{i}),{o}" for i, o in zip(indexes, orders, strict=True))
    return f"_xlfn.LET(_xlr_s,{args[0].strip()},{SORTED}(_xlr_s,{keys}))"


def _sort_key(value: Any) -> tuple[int, Any]:
    """Microsoft's "Default sort orders": numbers, text, logicals (FALSE before TRUE), errors (all equal)."""
    if isinstance(value, bool):
        return 2, value
    if isinstance(value, (int, float)):
        return 0, float(value)
    if isinstance(value, str):
        return 1, order_key(value)
    return 3, 0


def sorted_rows(array: Any, *keys: Any) -> Any:
    """SORTBY(array, by_array1, [order1], ...): the rows of ``array`` sorted by each key in turn (ascending 1,
    descending -1), ties kept in order, in Microsoft's default sort order: numbers, text (:func:`order_key`), logicals,
    errors, and blanks last either way; a blank in the result shows as 0. A key of another height than the array is
    #VALUE!, an order other than 1 or -1 #VALUE!; a row of keys (sorting columns) is refused (reported, not guessed).

    >>> sorted_rows([["C1", 120.0], ["C3", 0.0], ["C4", 50.0]], [["North"], ["North"], ["East"]], 1.0,
    ...             [[120.0], [0.0], [50.0]], -1.0)
    [['C4', 50.0], ['C1', 120.0], ['C3', 0.0]]
    """
    from ._core import number  # noqa: PLC0415

    rows = matrix(array)
    pairs = [(keys[k], number(keys[k + 1]) if k + 1 < len(keys) else 1.0) for k in range(0, len(keys), 2)]
    order = list(range(len(rows)))
    for by, direction in reversed(pairs):
        if direction not in (1.0, -1.0):
            raise ExcelError("#VALUE!")
        grid = matrix(by)
        if any(len(row) != 1 for row in grid):  # a row of keys sorts columns: not done here
            raise ExcelError(NOT_IMPLEMENTED)
        column = [row[0] for row in grid]
        if len(column) != len(rows):
            raise ExcelError("#VALUE!")
        filled = [i for i in order if column[i] is not None]
        filled.sort(key=lambda i, column=column: _sort_key(column[i]), reverse=direction < 0)
        order = filled + [i for i in order if column[i] is None]  # blanks last, ascending or descending
    return [[0.0 if value is None else value for value in rows[i]] for i in order]


SORTED = "_XLR.SORTED"
FUNCTIONS[SORTED] = Function(SORTED, engine_call(sorted_rows), 2, 255)


def _row_key(row: list[Any]) -> tuple[Any, ...]:
    key: list[Any] = []
    for value in row:
        if isinstance(value, str):
            key.append(("text", equal_key(value)))
        elif is_error(value):
            key.append(("error", error_code(value)))
        elif value is None:
            key.append(("blank", None))
        else:
            key.append((type(value).__name__ == "bool", _rounded(value)))
    return tuple(key)


def unique(array: Any, by_column: Any = False, exactly_once: Any = False) -> Any:
    """UNIQUE(array, [by_col], [exactly_once]): the distinct rows (columns), in order of first occurrence, each as
    first spelled; text compared as Excel compares it, case-insensitively (Microsoft's UNIQUE; the engine told
    "North" from "north"). ``exactly_once``: only the rows occurring once. None left: #CALC!. A blank stays blank,
    shown as 0 where it spills, where ``UNIQUE(A1:A5)&""`` is "" in Excel (the value is blank until it is written in
    the sheet), and a blank and a 0 are two rows.

    >>> unique([["North"], ["South"], ["north"], [None], ["SOUTH"], [0.0]])
    [['North'], ['South'], [None], [0.0]]
    >>> unique([["a", "b", "A"]], True), unique([["x"], ["X"]], False, True)
    ([['a', 'b']], {'type': 'Error', 'kind': '#CALC!'})
    """
    from ._core import boolean  # noqa: PLC0415

    rows = matrix(array)
    columns = boolean(by_column) if by_column is not None else False
    once = boolean(exactly_once) if exactly_once is not None else False
    lines = [list(col) for col in zip(*rows, strict=True)] if columns else [list(r) for r in rows]
    counts: dict[tuple[Any, ...], list[Any]] = {}
    for line in lines:
        entry = counts.setdefault(_row_key(line), [line, 0])
        entry[1] += 1
    kept = [line for line, count in counts.values() if not once or count == 1]
    if not kept:
        return {"type": "Error", "kind": "#CALC!"}
    return [list(r) for r in zip(*kept, strict=True)] if columns else kept


FUNCTIONS["UNIQUE"] = Function("UNIQUE", engine_call(unique), 1, 3)
