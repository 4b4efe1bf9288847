"""LEFT, RIGHT, MID, LEN, REPT, LOWER, UPPER and their byte forms: one text cut, measured or changed, one result per
cell when the text argument is a range. Characters are counted as Excel counts them, in UTF-16 code units; the case is
changed character by character (:func:`simple_case`).

Split from :mod:`.text` verbatim.
"""

from __future__ import annotations

from typing import Any

from ._core import ExcelError, excel_function, from_utf16, integer, matrix, text, utf16
from .byte_forms import BYTE_FORMS, byte_form


def _each(fn):
    """Apply ``fn`` to each cell when the text argument is a range (Excel's array behaviour)."""

    def call(value: Any, *args: Any) -> Any:
        if isinstance(value, list):
            return [[_cell(fn, item, *args) for item in row] for row in matrix(value)]
        return fn(value, *args)

    call.__doc__ = fn.__doc__
    return call


def _cell(fn, item: Any, *args: Any) -> Any:
    try:
        return fn(item, *args)
    except ExcelError as error:
        return {"type": "Error", "kind": error.code}


def _count(value: Any) -> int:
    n = integer(value)
    if n < 0:
        raise ExcelError("#VALUE!")
    return n


def _left(value: Any, count: Any = 1.0) -> str:
    """LEFT(text, [num_chars]); characters are counted as Excel counts them, in UTF-16 code units (:func:`utf16`)."""
    return from_utf16(utf16(text(value))[: _count(count)])


def _right(value: Any, count: Any = 1.0) -> str:
    """RIGHT(text, [num_chars])."""
    n = _count(count)
    return from_utf16(utf16(text(value))[-n:]) if n else ""


def _mid(value: Any, start: Any, count: Any) -> str:
    """MID(text, start_num, num_chars): start below 1 or a negative count is #VALUE!."""
    first = integer(start)
    if first < 1:
        raise ExcelError("#VALUE!")
    return from_utf16(utf16(text(value))[first - 1 : first - 1 + _count(count)])


def _len(value: Any) -> float:
    """LEN(text)."""
    return float(len(utf16(text(value))))


def _rept(value: Any, times: Any) -> str:
    """REPT(text, number_times): more than 32,767 characters is #VALUE!."""
    result = text(value) * _count(times)
    if len(result) > 32767 or (not result.isascii() and len(utf16(result)) > 32767):
        raise ExcelError("#VALUE!")
    return result


def simple_case(value: str, upper: bool) -> str:
    """``value`` in upper or lower case as Excel changes it, character by character (Unicode's simple case mapping):
    a character whose full mapping is longer stays as it is, or takes its one-character form (ß stays ß, the ligature
    ﬁ stays ﬁ, ᾀ becomes ᾈ, İ lowers to i), so that the text keeps its length.

    >>> simple_case("Straße", True), simple_case("İzmir", False), simple_case("ﬁnance", True)
    ('STRAßE', 'izmir', 'ﬁNANCE')
    """
    full = value.upper() if upper else value.lower()
    if len(full) == len(value):  # no character grew: the full mapping is the simple one here
        return full
    out = []
    for character in value:
        mapped = character.upper() if upper else character.lower()
        if len(mapped) != 1:
            single = character.title() if upper else _SIMPLE_LOWER.get(character, character)
            mapped = single if len(single) == 1 else character
        out.append(mapped)
    return "".join(out)


#: the one character whose full lower-case mapping is longer (İ: i and a combining dot); its simple one is i
_SIMPLE_LOWER = {"\u0130": "i"}


def _lower(value: Any) -> str:
    """LOWER(text), character by character (:func:`simple_case`)."""
    return simple_case(text(value), upper=False)


def _upper(value: Any) -> str:
    """UPPER(text), character by character (:func:`simple_case`)."""
    return simple_case(text(value), upper=True)


for _name, _fn, _low, _high in (
    ("LEFT", _left, 1, 2),
    ("RIGHT", _right, 1, 2),
    ("MID", _mid, 3, 3),
    ("LEN", _len, 1, 1),
    ("REPT", _rept, 2, 2),
    ("LOWER", _lower, 1, 1),
    ("UPPER", _upper, 1, 1),
    # the byte forms: as the character forms in a single-byte language (Excel's docs); over a double-byte
    # character not computed (.byte_forms)
    ("LENB", _len, 1, 1),
    ("LEFTB", _left, 1, 2),
    ("RIGHTB", _right, 1, 2),
    ("MIDB", _mid, 3, 3),
):
    excel_function(_name, _low, _high)(_each(byte_form(_name, _fn) if _name in BYTE_FORMS else _fn))
