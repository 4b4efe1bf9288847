"""Text functions that edit, search and compare text, reading numbers as Excel turns them into text.

Excel turns a number argument of a text function into the text General shows: at most 15
significant digits, scientific from 1E+15 (``SUBSTITUTE(0.1+0.2, ".", ",")`` is "0,3",
``TRIM(123456789012345678)`` "1.23456789012346E+17"); the engine's built-ins write up to 17 digits
("0,30000000000000004"), so EXACT, FIND and SEARCH disagree too. Registered here, over the
engine's, with :func:`._core.text` (the one conversion every text function of this package uses):

* SUBSTITUTE, REPLACE (a start past the end appends: ``REPLACE("12", 5, 3, "Z")`` is "12Z"),
  TRIM (spaces only), CLEAN (codes 0-31), PROPER, EXACT (case-sensitive);
* FIND (case-sensitive) and SEARCH (case-insensitive, ``? * ~`` wildcards), with start_num
  checked as Excel does (below 1 or past the end: #VALUE!; the engine ignored it);
* the byte forms REPLACEB, FINDB, SEARCHB as in a single-byte language (Excel: the same as the
  character forms unless a DBCS language is the default);
* TEXTBEFORE and TEXTAFTER with every argument (instance_num from the end, match_mode,
  match_end, if_not_found, several delimiters; the engine refused the last three);
* TEXTSPLIT with several delimiters, ignore_empty, match_mode and pad_with;
* VALUETOTEXT and ARRAYTOTEXT (numbers with 15 digits, format 1 quotes text).

Each reads single values element by element over an array argument, as Excel does in an array formula
(TEXTBEFORE/TEXTAFTER over their text only: an array of delimiters is a list of delimiters).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ._core import (
    FUNCTIONS,
    ExcelError,
    Function,
    boolean,
    broadcast,
    engine_call,
    error_code,
    from_utf16,
    integer,
    is_error,
    matrix,
    not_computed,
    text,
    utf16,
)
from .byte_forms import BYTE_FORMS, byte_form
from .lookup import wildcard_pattern

#: Excel's longest text in a cell
_LONGEST = 32767


def _register(name: str, fn: Callable[..., Any], low: int, high: int | None, each: bool = True) -> None:
    """Register ``fn`` as ``name``: element by element over its array arguments (``each``), errors as Excel's."""
    engine = engine_call(fn)
    engine.__name__ = engine.__qualname__ = f"excel_{name}"  # its "not computed" noted by name (IFERROR(SEARCHB(..)))
    call = broadcast(engine) if each else engine
    call.__doc__ = fn.__doc__
    FUNCTIONS[name] = Function(name, call, low, high)


def _checked(result: str) -> str:
    if len(result) > _LONGEST or (not result.isascii() and len(utf16(result)) > _LONGEST):
        raise ExcelError("#VALUE!")
    return result


def substitute(value: Any, old: Any, new: Any, instance: Any = None) -> str:
    """SUBSTITUTE(text, old_text, new_text, [instance_num]): every (or the n-th) ``old_text`` replaced.

    An empty ``old_text`` changes nothing; an instance below 1 is #VALUE!.

    >>> substitute(0.1 + 0.2, ".", ","), substitute("aaa", "a", "b", 2.0), substitute(1e20, "0", "x")
    ('0,3', 'aba', '1E+2x')
    """
    source, find, replacement = text(value), text(old), text(new)
    if instance is None:
        return _checked(source.replace(find, replacement) if find else source)
    n = integer(instance)
    if n < 1:
        raise ExcelError("#VALUE!")
    if not find:
        return source
    at = -1
    for _ in range(n):
        at = source.find(find, at + (len(find) if at >= 0 else 1))
        if at < 0:
            return source
    return _checked(source[:at] + replacement + source[at + len(find) :])


def replace(value: Any, start: Any, count: Any, new: Any) -> str:
    """REPLACE(old_text, start_num, num_chars, new_text): ``num_chars`` characters from ``start_num`` replaced.

    A start past the end appends ``new_text``; a start below 1 or a negative count is #VALUE!.

    >>> replace("12", 5.0, 3.0, "Z"), replace(1 / 3, 1.0, 1.0, "x")
    ('12Z', 'x.333333333333333')
    """
    source, first, n, replacement = utf16(text(value)), integer(start), integer(count), utf16(text(new))
    if first < 1 or n < 0:
        raise ExcelError("#VALUE!")
    return _checked(from_utf16(source[: first - 1] + replacement + source[first - 1 + n :]))


def trim(value: Any) -> str:
    """TRIM(text): spaces (code 32 only) removed at both ends and runs of them inside made one.

    >>> trim("  a   b  "), trim(123456789012345678.0)
    ('a b', '1.23456789012346E+17')
    """
    return " ".join(part for part in text(value).split(" ") if part)


_CONTROL = re.compile("[\x00-\x1f]")


def clean(value: Any) -> str:
    """CLEAN(text): the characters of codes 0 to 31 removed (127 and above stay, as in Excel).

    >>> clean("a\\x07b\\x7f")
    'ab\\x7f'
    """
    return _CONTROL.sub("", text(value))


def proper(value: Any) -> str:
    """PROPER(text): each letter after a non-letter (or at the start) upper case, every other letter lower case.

    >>> proper("don't 76BudGet"), proper(True)
    ("Don'T 76Budget", 'True')

    Each character changes case on its own, as UPPER and LOWER change it (:func:`.text_slices.simple_case`): the text
    keeps its length (H570's finding 04: 'ﬁnance' was 'FInance', 'İSKELE' 'İski̇ele').

    >>> proper("ﬁnance oﬃce"), proper("KARAKÖY İSKELESİ"), proper("straße")
    ('ﬁnance Oﬃce', 'Karaköy İskelesi', 'Straße')
    """
    from .text_slices import simple_case  # noqa: PLC0415  (its sibling module: no import cycle at load)

    out, after_letter = [], False
    for char in text(value):
        out.append(simple_case(char, not after_letter))
        after_letter = char.isalpha()
    return "".join(out)


def exact(first: Any, second: Any) -> bool:
    """EXACT(text1, text2): whether the two texts are the same, case included.

    >>> exact(0.1 + 0.2, "0.3"), exact("a", "A")
    (True, False)
    """
    return text(first) == text(second)


def _start(start: Any, within: str) -> int:
    """start_num as an index into ``within``: below 1 or past the end + 1 is #VALUE!."""
    first = 1 if start is None else integer(start)
    if first < 1 or first > len(within) + 1:
        raise ExcelError("#VALUE!")
    return first - 1


def find(needle: Any, within: Any, start: Any = None) -> float:
    """FIND(find_text, within_text, [start_num]): the 1-based position of ``find_text``, case-sensitive.

    Not found, or a start below 1 or past the end, is #VALUE!; an empty ``find_text`` is found at the start.

    >>> find("3", 0.1 + 0.2), find("b", "abcb", 3.0)
    (3.0, 4.0)
    """
    wanted, haystack = utf16(text(needle)), utf16(text(within))  # in this order: an error in find_text comes first
    at = haystack.find(wanted, _start(start, haystack))
    if at < 0:
        raise ExcelError("#VALUE!")
    return float(at + 1)


def search(needle: Any, within: Any, start: Any = None) -> float:
    """SEARCH(find_text, within_text, [start_num]): as FIND, without case, with ``?``, ``*`` and ``~`` wildcards.

    >>> search("B?", "abc"), search("~*", "a*c"), search("*", "abc", 2.0)
    (2.0, 2.0, 2.0)
    """
    wanted, haystack = utf16(text(needle)), utf16(text(within))  # positions in UTF-16 code units, as Excel counts
    found = wildcard_pattern(wanted).search(haystack, _start(start, haystack))
    if found is None:
        raise ExcelError("#VALUE!")
    return float(found.start() + 1)


def _delimiters(value: Any) -> list[str]:
    items = [text(item) for row in matrix(value) for item in row]
    return items or [""]


def _occurrences(source: str, delimiters: list[str], ignore_case: bool) -> list[tuple[int, int]]:
    """(start, end) of each delimiter found in ``source``, left to right, not overlapping. Ignoring case, each
    character is lowered on its own (:func:`.text_slices.simple_case`), never folded to more characters: the positions
    stay the source's ('İstanbul-Ankara' cut after '-', not one character on; 'SS' is not 'ß': H570's finding 05).

    >>> _occurrences("İstanbul-Ankara", ["-"], True), _occurrences("Straße-X", ["SS"], True)
    ([(8, 9)], [])
    """
    from .text_slices import simple_case  # noqa: PLC0415  (its sibling module: no import cycle at load)

    haystack = simple_case(source, False) if ignore_case else source
    needles = [simple_case(d, False) if ignore_case else d for d in delimiters if d]
    out, at = [], 0
    while at <= len(haystack):
        hits = [(haystack.find(n, at), -len(n)) for n in needles]
        hits = [h for h in hits if h[0] >= 0]
        if not hits:
            break
        begin, size = min(hits)
        out.append((begin, begin - size))
        at = begin - size
    return out


def _split_at(value: Any, delimiter: Any, instance: Any, mode: Any, end: Any, missing: Any, before: bool) -> Any:
    source, delimiters = text(value), _delimiters(delimiter)
    n = 1 if instance is None else integer(instance)
    if n == 0 or (source and abs(n) > len(source)):
        raise ExcelError("#VALUE!")
    ignore_case = mode is not None and integer(mode) == 1
    if mode is not None and integer(mode) not in (0, 1):
        raise ExcelError("#VALUE!")
    if any(d == "" for d in delimiters):  # an empty delimiter matches at once, at the start (or the end)
        cut = (0, 0) if n > 0 else (len(source), len(source))
    else:
        found = _occurrences(source, delimiters, ignore_case)
        if end is not None and integer(end) == 1:
            found = [*found, (len(source), len(source))] if n > 0 else [(0, 0), *found]
        if abs(n) > len(found):
            if missing is not None:
                return missing
            raise ExcelError("#N/A")
        cut = found[n - 1] if n > 0 else found[n]
    return source[: cut[0]] if before else source[cut[1] :]


def textbefore(
    value: Any, delimiter: Any, instance: Any = None, mode: Any = None, end: Any = None, missing: Any = None
) -> Any:
    """TEXTBEFORE(text, delimiter, [instance_num], [match_mode], [match_end], [if_not_found]).

    The text before the n-th delimiter (from the end when n is negative; any of several delimiters);
    match_mode 1 ignores case, match_end 1 counts the end of the text as a delimiter. Not found:
    ``if_not_found`` or #N/A; n = 0 or beyond the text's length: #VALUE!.

    >>> textbefore("a-b-c", "-", -1.0), textbefore("a-b-c", [["b", "-"]]), textbefore(0.1 + 0.2, "3")
    ('a-b', 'a', '0.')
    """
    return _split_at(value, delimiter, instance, mode, end, missing, before=True)


def textafter(
    value: Any, delimiter: Any, instance: Any = None, mode: Any = None, end: Any = None, missing: Any = None
) -> Any:
    """TEXTAFTER(text, delimiter, [instance_num], [match_mode], [match_end], [if_not_found]): as TEXTBEFORE, after.

    >>> textafter("a-b-c", "-"), textafter("a-B-c", "b", 1.0, 1.0), textafter("a-b", "x", 1.0, 0.0, 0.0, "none")
    ('b-c', '-c', 'none')
    """
    return _split_at(value, delimiter, instance, mode, end, missing, before=False)


def _as_text(value: Any, strict: bool) -> str:
    if not_computed(value):  # a listed call's (no text "#NIMPL!"): an error, listed where it comes from a call in it
        raise ExcelError("#VALUE!")
    if is_error(value):
        return error_code(value)
    if isinstance(value, str):
        return f'"{value}"' if strict else value
    return text(value)


def _format(format_: Any) -> bool:
    strict = 0 if format_ is None else integer(format_)
    if strict not in (0, 1):
        raise ExcelError("#VALUE!")
    return strict == 1


def valuetotext(value: Any, format_: Any = None) -> str:
    """VALUETOTEXT(value, [format]): a value as text; format 1 quotes text. An error gives its code as text.

    >>> valuetotext(0.1 + 0.2), valuetotext("a", 1.0), valuetotext({"type": "Error", "kind": "Div"})
    ('0.3', '"a"', '#DIV/0!')
    """
    return _as_text(value, _format(format_))


def arraytotext(array: Any, format_: Any = None) -> str:
    """ARRAYTOTEXT(array, [format]): the values joined by ", " (format 0), or as an array constant (format 1).

    >>> arraytotext([[1.0, "a"], [True, 0.1 + 0.2]]), arraytotext([[1.0, "a"], [True, 2.0]], 1.0)
    ('1, a, TRUE, 0.3', '{1,"a";TRUE,2}')
    """
    strict = _format(format_)
    rows = matrix(array)
    if strict:
        return _checked("{" + ";".join(",".join(_as_text(v, True) for v in row) for row in rows) + "}")
    return _checked(", ".join(_as_text(v, False) for row in rows for v in row))


def _pieces(source: str, delimiters: list[str], ignore_case: bool, skip_empty: bool) -> list[str]:
    """``source`` cut at every delimiter (any of several), empty pieces left out with ``skip_empty``."""
    out, at = [], 0
    for begin, end in _occurrences(source, delimiters, ignore_case) if any(delimiters) else []:
        out.append(source[at:begin])
        at = end
    out.append(source[at:])
    return [piece for piece in out if piece] if skip_empty else out


def textsplit(
    value: Any,
    column_delimiter: Any,
    row_delimiter: Any = None,
    ignore_empty: Any = None,
    mode: Any = None,
    pad_with: Any = None,
) -> Any:
    """TEXTSPLIT(text, col_delimiter, [row_delimiter], [ignore_empty], [match_mode], [pad_with]): text as an array.

    Rows are cut at ``row_delimiter``, each row's columns at ``col_delimiter`` (several delimiters: any of
    them); ``ignore_empty`` TRUE leaves out empty pieces, match_mode 1 ignores case; short rows are padded
    with ``pad_with`` (default #N/A).

    A range of texts gives the first piece of each (Excel keeps no array of arrays).

    >>> textsplit(0.1 + 0.2, "."), textsplit("a,b;c", ",", ";", None, None, "-"), textsplit("a,,b", ",", None, True)
    ([['0', '3']], [['a', 'b'], ['c', '-']], [['a', 'b']])
    >>> textsplit([["a,b"], ["c,d"]], ",")
    [['a'], ['c']]
    """
    if isinstance(value, list) and sum(len(row) for row in matrix(value)) > 1:
        return [
            [_first(engine_call(textsplit)(item, column_delimiter, row_delimiter, ignore_empty, mode, pad_with))
             for item in row]
            for row in matrix(value)
        ]  # fmt: skip
    if isinstance(value, list):
        value = matrix(value)[0][0] if value else None
    source = text(value)
    ignore_case = mode is not None and integer(mode) == 1
    if mode is not None and integer(mode) not in (0, 1):
        raise ExcelError("#VALUE!")
    skip = ignore_empty is not None and boolean(ignore_empty)
    columns = [] if column_delimiter is None else [d for d in _delimiters(column_delimiter) if d]
    rows_at = [] if row_delimiter is None else [d for d in _delimiters(row_delimiter) if d]
    if not columns and not rows_at:
        raise ExcelError("#VALUE!")  # no delimiter at all
    lines = _pieces(source, rows_at, ignore_case, skip) if rows_at else [source]
    grid = [_pieces(line, columns, ignore_case, skip) if columns else [line] for line in lines]
    grid = [row for row in grid if row] or [[""]]
    width = max(len(row) for row in grid)
    pad = {"type": "Error", "kind": "#N/A"} if pad_with is None else pad_with
    out = [row + [pad] * (width - len(row)) for row in grid]
    if sum(len(row) for row in out) > 1048576 or sum(len(piece) for row in grid for piece in row) > _LONGEST:
        raise ExcelError("#VALUE!")
    return out


def _first(result: Any) -> Any:
    return result[0][0] if isinstance(result, list) else result


def _text_only(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` element by element over its first (text) argument only."""

    def call(value: Any, *args: Any) -> Any:
        if isinstance(value, list) and sum(len(row) for row in matrix(value)) > 1:
            return [[engine_call(fn)(item, *args) for item in row] for row in matrix(value)]
        return engine_call(fn)(value[0][0] if isinstance(value, list) and value else value, *args)

    call.__doc__ = fn.__doc__
    return call


for _name, _fn, _low, _high in (
    ("SUBSTITUTE", substitute, 3, 4),
    ("REPLACE", replace, 4, 4),
    ("REPLACEB", replace, 4, 4),
    ("TRIM", trim, 1, 1),
    ("CLEAN", clean, 1, 1),
    ("PROPER", proper, 1, 1),
    ("EXACT", exact, 2, 2),
    ("FIND", find, 2, 3),
    ("FINDB", find, 2, 3),
    ("SEARCH", search, 2, 3),
    ("SEARCHB", search, 2, 3),
):
    _register(_name, byte_form(_name, _fn) if _name in BYTE_FORMS else _fn, _low, _high)  # FINDB over '日': listed
FUNCTIONS["TEXTBEFORE"] = Function("TEXTBEFORE", _text_only(textbefore), 2, 6)
FUNCTIONS["TEXTAFTER"] = Function("TEXTAFTER", _text_only(textafter), 2, 6)
_register("TEXTSPLIT", textsplit, 2, 6, each=False)
_register("VALUETOTEXT", valuetotext, 1, 2)
_register("ARRAYTOTEXT", arraytotext, 1, 2, each=False)
