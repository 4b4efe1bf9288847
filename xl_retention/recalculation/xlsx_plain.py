"""The cached-value writer's fast path for the plain cell layout that Excel and openpyxl write.

In that layout a formula cell is ``<c r="B2" s="3" t="str"><f>A2*2</f><v>4</v></c>``: the
reference first, at most a style and a type attribute, a formula without attributes (not
shared, not an array) and at most a ``<v>`` (openpyxl writes ``<v />``).
:func:`rewrite_plain_cells` handles a sheet whose formula cells ALL have that layout with a
few C-level passes over the whole sheet (two regular expressions, one ``split``, one
``join``), instead of a regular expression and a rebuilt element per cell: the new ``<v>``
texts are formatted in one ``join`` and woven between the pieces of the split. It returns
``None`` for any other sheet (a shared or array formula, another attribute, an inline string,
whitespace between elements, comments...), which the general path of :mod:`.xlsx_values` then
writes; both give the same bytes (tests/test_xlsx_plain.py).

The sheet is handled as latin-1 text (one character per byte), so every byte outside the
rewritten ``<v>`` elements and ``t`` attributes comes back unchanged.
"""

from __future__ import annotations

import math
import re

__all__ = ["rewrite_plain_cells"]

# a formula cell in the plain layout, from its start tag to its end: (reference, style and type attributes)
_PLAIN_CELL = re.compile(
    r'<c r="([A-Z]{1,3}[1-9][0-9]*)"((?: s="[0-9]+")?(?: t="[a-z]+")?)><f>[^<]*</f>(?:<v>[^<]*</v>|<v\s*/>)?</c>'
)
# the end of every formula cell whose <f> has a closing tag: its <v> (none, empty or with the stored value) is kept
_VALUE_END = re.compile(r"</f>(<v>[^<]*</v>|<v\s*/>|)</c>")
_TYPE = re.compile(r' t="[a-z]+"')
_MISSING = object()


def _formula_starts(segment: str) -> int:
    starts = segment.count("<f")
    if starts == segment.count("<f>"):  # one pass when every <f is a formula without attributes (rich text aside)
        return starts
    return segment.count("<f>") + segment.count("<f ") + segment.count("<f/")


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
    them (a value it cannot store raises the same error, at the same cell)."""
    from .xlsx_values import Resized, _cached

    segment = xml[start:end].decode("latin-1")
    if "<!--" in segment or "<![CDATA[" in segment:  # markup the patterns below could be fooled by
        return None
    found = _PLAIN_CELL.findall(segment)
    count = len(found)
    if not count or count != _formula_starts(segment):
        return None
    pieces = _VALUE_END.split(segment)  # text, old value, text, old value, ..., text
    if len(pieces) != 2 * count + 1:
        return None
    refs, attributes = zip(*found, strict=True)
    keys = "\n".join(refs).encode().split(b"\n")
    values = list(map(cells.get, keys, [_MISSING] * count))
    if (
        set(map(type, values)) == {float} and all(map(math.isfinite, values)) and " t=" not in "".join(attributes)
    ):  # every formula cell gets a finite number and has no type to change: no per-cell Python at all
        pieces[1::2] = ("</f><v>" + "</v></c>\0</f><v>".join(map(repr, values)) + "</v></c>").split("\0")
        return xml[:start] + "".join(pieces).encode("latin-1") + xml[end:], count
    written = 0
    for k, value in enumerate(values):
        if value is _MISSING:
            pieces[2 * k + 1] = "</f>" + pieces[2 * k + 1] + "</c>"
            continue
        if type(value) is float and math.isfinite(value):
            cell_type, text = None, repr(value)
        elif isinstance(value, Resized):  # a dynamic array's range: only the general path sets it (or refuses)
            return None
        else:
            kind, raw = _cached(value, title, keys[k])
            cell_type, text = (kind.decode() if kind is not None else None), raw.decode("latin-1")
        old = attributes[k]
        new = _TYPE.sub("", old) if " t=" in old else old
        if cell_type is not None:
            new += ' t="' + cell_type + '"'
        if new != old:  # the start tag ends the piece before this cell's value: <c r="B2" ...><f>...
            piece = pieces[2 * k]
            tag = piece.rindex('<c r="')
            head = '<c r="' + refs[k] + '"'
            pieces[2 * k] = piece[:tag] + head + new + piece[tag + len(head) + len(old) :]
        pieces[2 * k + 1] = "</f><v>" + text + "</v></c>"
        written += 1
    if not written:
        return xml, 0
    return xml[:start] + "".join(pieces).encode("latin-1") + xml[end:], written
