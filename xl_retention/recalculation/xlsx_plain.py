"""The cached-value writer's fast path for the plain cell layout that Excel and openpyxl write.

In that layout a formula cell is ``<c r="B2" s="3" t="str"><f>A2*2</f><v>4</v></c>``: the
reference first, at most a style and a type attribute, a formula without attributes (not
shared, not an array) and at most a ``<v>`` (openpyxl writes ``<v />``).
:func:`rewrite_plain_cells` handles a sheet whose formula cells ALL have that layout with a
few C-level passes over the sheet's bytes, and Python code per cell only for a value that is
not a finite number (text, an error, a blank...):

- :func:`untyped_cells`, the common case (no formula cell has a ``t`` attribute yet, and every
  one is requested): one ``split`` at the formula cells, whose groups hold each cell's reference,
  its start tag with its formula and its stored text (the formula's end and the value dropped),
  the new values' texts (numbers formatted at C level, :mod:`.excel_numbers`) put into their
  slots by slice assignment, one ``join``;
- :func:`typed_cells` otherwise: one ``split`` by a pattern whose groups cover each formula
  cell entirely (start tag, type, formula, value, end tag), the new values and types put into
  their slots of the list by slice assignment, one ``join``.

Both return ``None`` for any other sheet (a shared or array formula, another attribute, an
inline string, whitespace between elements, comments...), which the general path of
:mod:`.xlsx_values` then writes; all give the same bytes (tests/test_xlsx_plain.py). Every
byte outside the rewritten ``<v>`` elements and ``t`` attributes comes back unchanged. Numbers are
written as Excel writes them (``1000``, not ``1000.0``; zero and negative zero as ``0``).
"""

from __future__ import annotations

import math
import re
from itertools import compress, repeat
from operator import is_, not_

from .excel_numbers import kept_text, kept_texts, numbers_texts, same_number

__all__ = ["rewrite_plain_cells"]

# A formula cell in the plain layout, entirely in groups: (<c r=") (reference) ("+style) (type) (><f>formula</f>)
# (value) (</c>). split() gives: text, then these 7 pieces and the text after, for each formula cell.
_PLAIN_CELL = re.compile(
    rb'(<c r=")([A-Z]{1,3}[1-9][0-9]*)("(?: s="[0-9]+")?)((?: t="[a-z]+")?)(><f>[^<]*</f>)(<v>[^<]*</v>|<v\s*/>|)(</c>)'
)
# The same cell without a type, in groups: (<c r=") (reference) (the rest of its start tag, and its formula without
# its end) (the stored text of its value, None where it has none); split() drops the formula's end and the value
# (the new value takes their place, in the stored text's slot)
_UNTYPED_CELL = re.compile(
    rb'(<c r=")([A-Z]{1,3}[1-9][0-9]*)("(?: s="[0-9]+")?><f>[^<]*)</f>(?:<v>([^<]*)</v>|<v\s*/>|)</c>'
)
_UNTYPED_STEP = 5
_GROUPS = 7
_STEP = _GROUPS + 1
_MISSING = object()


def _formula_starts(segment: bytes) -> int:
    starts = segment.count(b"<f")
    if starts == segment.count(b"<f>"):  # one pass when every <f is a formula without attributes (rich text aside)
        return starts
    return segment.count(b"<f>") + segment.count(b"<f ") + segment.count(b"<f/")


def numbers_text(
    values: list[float], before: str = "<v>", after: str = "</v>", stored: list[str] | None = None
) -> bytes:
    """``before`` + the number + ``after`` for each finite float, joined by NUL: the number as Excel writes it
    (:func:`.excel_numbers.number_text`: 17 significant digits, ``1000`` not ``1000.0``, zero as ``0``), or its
    ``stored`` text (the cells' ``<v>`` texts, empty where none) where that reads back as it (Excel's ``2.1``)."""
    texts = numbers_texts(values) if stored is None else kept_texts(numbers_texts(values), stored, values)
    return (before + (after + "\0" + before).join(texts) + after).encode()


def rewrite_plain_cells(
    xml: bytes,
    title: str,
    cells: dict[bytes, object],
    start: int,
    end: int,
) -> tuple[bytes, int] | None:
    """``xml`` with the cached values of the requested formula cells replaced between ``start`` and ``end``
    (the inside of ``<sheetData>``), and the number of cells written; None when a formula cell there is not
    in the plain layout. ``cells``: {b"B2": value}, values as :func:`.xlsx_values.write_cached_values` takes
    them (a value it cannot store raises the same error, at the same cell); or {"B2": value}, references not
    yet checked: then None also when one of them is not a formula cell's reference of this sheet."""
    segment = xml[start:end]
    # a comment or CDATA section: markup the patterns below could be fooled by (a part without "!" has none: one byte
    # is looked for at memchr's speed, 0.16 ms over the 50,000 cells' 4.8 MB against 3.9 for the pair)
    if b"!" in segment and b"<!" in segment:
        return None
    starts = segment.count(b"<f")  # every "<f" (rich text's <family> too: then the exact count below)
    if not starts:
        return None
    done = untyped_cells(segment, title, cells, starts)
    if done is None:
        done = typed_cells(segment, title, cells, _formula_starts(segment))
    if done is None:
        return None
    new, written = done
    if not written:
        return xml, 0
    return xml[:start] + new + xml[end:], written


def _keys(refs: list[bytes], cells: dict) -> list:
    """The sheet's references as keys of ``cells`` (bytes, or text when its keys are text)."""
    if not cells or isinstance(next(iter(cells)), bytes):
        return refs
    return b"\n".join(refs).decode().split("\n")


def _values(cells: dict, keys: list) -> list:
    """The value of each key (``_MISSING`` for one not in ``cells``). When the caller's cells come in the sheet's
    order (the engine's do), one comparison of the two key lists replaces a lookup, and a hash, per cell."""
    if len(cells) == len(keys) and list(cells) == keys:
        return list(cells.values())
    return list(map(cells.get, keys, repeat(_MISSING, len(keys))))


def untyped_cells(segment: bytes, title: str, cells: dict[bytes, object], starts: int) -> tuple[bytes, int] | None:
    """The common case, formula cells without a ``t`` attribute, every one of them requested: one ``split`` at the
    formula cells (each cell's reference, its start tag and formula, and its stored text in groups; its formula's
    end and value dropped, the new ones take their place), then one ``join``; None for any other segment."""
    from .xlsx_values import Resized, _cached, value_tag

    pieces = _UNTYPED_CELL.split(segment)  # text, '<c r="', reference, start tag + formula, stored text, text, ...
    count = len(pieces) // _UNTYPED_STEP
    if count != starts or len(cells) != count:
        return None
    refs = pieces[2::_UNTYPED_STEP]
    keys: list = refs
    if cells and not isinstance(next(iter(cells)), bytes):  # the caller's references as text (one decode of them all)
        keys = b"\n".join(refs).decode("latin-1").split("\n")
    values = _values(cells, keys)
    stored = None
    if b"</f><v>" in segment:  # a formula cell's stored text (openpyxl writes none): kept where it reads back as
        # the number (Excel's 2.1), "" where none
        olds = pieces[4::_UNTYPED_STEP]
        stored = b"\0".join([b"" if old is None else old for old in olds]).decode("latin-1").split("\0")
    if set(map(type, values)) == {float} and math.isfinite(sum(values)):  # (finite floats whose sum overflows
        # take the path below) every value a finite number: its text as Excel writes it, in each cell's value slot
        pieces[4::_UNTYPED_STEP] = numbers_text(values, "</f><v>", "</v></c>", stored).split(b"\0")
        return b"".join(pieces), count
    odd = _odd(values)
    numbers = values.copy()
    for k in odd:  # a stand-in, its text replaced below: 1.0, not 0.0 (no zero to rewrite as 0 unless one is computed)
        numbers[k] = 1.0
    texts = numbers_text(numbers, "</f><v>", "</v></c>", stored).split(b"\0")
    # the same text in many cells ("high", "low"): escaped and tagged once, its type attribute made once
    texts_of: dict[str, tuple[bytes | None, bytes]] = {}
    for k in odd:
        value = values[k]
        if type(value) is str:
            done = texts_of.get(value)
            if done is None:
                kind, raw = _cached(value, title, refs[k])
                done = texts_of[value] = (
                    None if kind is None else b' t="' + kind + b'"',
                    b"</f>" + value_tag(b"", raw) + raw + b"</v></c>",
                )
            attribute, texts[k] = done
        elif value is _MISSING or isinstance(value, Resized):  # kept as it is, or a range: the other paths
            return None
        else:
            kind, raw = _cached(value, title, refs[k])
            if kind is None and stored is not None and same_number(stored[k], float(value)):  # an int, a numpy float
                raw = stored[k].encode("latin-1")
            attribute = None if kind is None else b' t="' + kind + b'"'
            texts[k] = b"</f>" + value_tag(b"", raw) + raw + b"</v></c>"
        if attribute is not None:  # the type goes at the end of the start tag: <c r="B2" s="3" t="str"><f>...
            at = _UNTYPED_STEP * k + 3
            head = pieces[at]
            tag = head.index(b"><f>")  # (a formula holds no "<": the start tag's end)
            pieces[at] = head[:tag] + attribute + head[tag:]
    pieces[4::_UNTYPED_STEP] = texts
    return b"".join(pieces), count


def _odd(values: list) -> list[int]:
    """The positions of the values that are not finite floats (text, errors, blanks, NaN, infinities...), found at C
    level when the floats' sum is finite (then none of them is NaN or infinite), one by one otherwise.

    >>> _odd([1.0, "high", 2.5, None, float("inf")]), _odd([1e308, 1e308, "x"])
    ([1, 3, 4], [2])
    """
    floats = list(map(is_, map(type, values), repeat(float)))
    if math.isfinite(sum(compress(values, floats))):
        return list(compress(range(len(values)), map(not_, floats)))
    return [k for k, value in enumerate(values) if type(value) is not float or value - value != 0]


def typed_cells(segment: bytes, title: str, cells: dict[bytes, object], starts: int) -> tuple[bytes, int] | None:
    """Any plain formula cells (with a ``t`` attribute, or not requested): one ``split`` whose groups cover each
    formula cell; None when a formula cell is not in the plain layout."""
    from .xlsx_values import Resized, _cached, value_tag

    pieces = _PLAIN_CELL.split(segment)
    count = len(pieces) // _STEP
    if count != starts:
        return None
    keys = pieces[2::_STEP]
    values = _values(cells, _keys(keys, cells))
    old = pieces[6::_STEP]  # the stored <v> elements: a text that reads back as the number stays (Excel's 2.1)
    stored = None
    if b"</f><v>" in segment:  # a formula cell's stored value (openpyxl writes <v />: none)
        stored = b"\0".join(v[3:-4] if v[:3] == b"<v>" else b"" for v in old).decode("latin-1").split("\0")
    if set(map(type, values)) == {float} and all(map(math.isfinite, values)):
        odd: list[int] = []
        texts = numbers_text(values, stored=stored).split(b"\0")
    else:
        odd = _odd(values)
        numbers = values.copy()
        for k in odd:  # a stand-in, its text replaced below (as in untyped_cells)
            numbers[k] = 1.0
        texts = numbers_text(numbers, stored=stored).split(b"\0")
    if cells and not isinstance(next(iter(cells)), bytes) and count - values.count(_MISSING) != len(cells):
        return None  # a requested reference that is no formula cell of this sheet: checked by the general path
    types = pieces[4::_STEP]
    new_types = [b""] * count
    written = count
    for k in odd:
        value = values[k]
        if value is _MISSING:  # not requested: the cell stays as it is
            texts[k] = pieces[_STEP * k + 6]
            new_types[k] = types[k]
            written -= 1
            continue
        if isinstance(value, Resized):  # a dynamic array's range: only the general path sets it (or refuses)
            return None
        kind, raw = _cached(value, title, keys[k])
        if kind is None:  # an int, a numpy float: its stored text kept where it reads back as the number
            raw = kept_text(old[k], float(value), raw)
        texts[k] = value_tag(b"", raw) + raw + b"</v>"
        if kind is not None:
            new_types[k] = b' t="' + kind + b'"'
            if not raw and old[k].endswith(b"/>") and new_types[k] == types[k]:  # <v/>, of the same type: kept
                texts[k] = old[k]
    if not written:
        return b"", 0
    pieces[6::_STEP] = texts
    pieces[4::_STEP] = new_types
    return b"".join(pieces), written
