"""Merged cells and hyperlinks of the user's right of the Cohorts tables, carried when the sheet grows (H311 task 3).

Growing the Cohorts sheet writes the template's sheet for the new months and puts the user's cells beside the tables
back at their new places (:func:`~.cohort_sheet.grow_cohorts`, :mod:`.cohort_beside`). A merged range of the user's
there (a comment over O4:P4) or a hyperlink on one of those cells stopped the growing ("Cohorts has merged cells of
its own"): the sheet's ``<mergeCells>`` and ``<hyperlinks>`` were the template's. :func:`carried_marks` carries each
that lies wholly right of the tables to the grown sheet, moved as its cells move (rows by the tables' row map, columns
from ``first`` on ``by`` to the right: :func:`.inserted_columns.moved_range`); a hyperlink to a web address keeps its
relationship (the sheet's relationships part is kept as it is), and the grown sheet declares the relationships'
namespace its ``r:id`` needs.
"""

from __future__ import annotations

import re

from .cohort_beside import _before, _outside_ext, right_of
from .inserted_columns import moved_range

__all__ = ["carried_marks"]

_MERGES = re.compile(rb"<(\w+:)?mergeCells\b([^>]*?)(?:/>|>(.*?)</\1?mergeCells\s*>)", re.S)
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?/>")
_LINKS = re.compile(rb"<(\w+:)?hyperlinks\b([^>]*?)(?:/>|>(.*?)</\1?hyperlinks\s*>)", re.S)
_LINK = re.compile(rb"<(\w+:)?hyperlink\b[^>]*?(?:/>|>.*?</\1?hyperlink\s*>)", re.S)
_REF = re.compile(rb'(\sref=")([^"]*)(")')
_ROOT = re.compile(rb"<(?:\w+:)?worksheet\b[^>]*>")
_RELATIONSHIPS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: what follows ``<mergeCells>`` and ``<hyperlinks>`` in a worksheet part (the schema's order)
_AFTER_MERGES = rb"(?:phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|"
_AFTER_MERGES += rb"headerFooter|rowBreaks|colBreaks|"
_AFTER_LINKS = rb"(?:printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|"


def _put(new_tail: bytes, group: re.Pattern[bytes], name: bytes, elements: list[bytes], after: bytes) -> bytes:
    """``new_tail`` with ``elements`` added to its ``<name>`` group (made where the schema puts it if it has none)."""
    theirs = group.search(_outside_ext(new_tail))
    if theirs is not None:
        inner = (theirs[3] or b"") + b"".join(elements)
        attrs = re.sub(rb'\scount="[0-9]*"', b"", theirs[2])
        if name == b"mergeCells":
            attrs += b' count="' + str(len(_MERGE.findall(inner))).encode() + b'"'
        p = theirs[1] or b""
        element = b"<" + p + name + attrs + b">" + inner + b"</" + p + name + b">"
        return new_tail[: theirs.start()] + element + new_tail[theirs.end() :]
    count = b' count="' + str(len(elements)).encode() + b'"' if name == b"mergeCells" else b""
    element = b"<" + name + count + b">" + b"".join(elements) + b"</" + name + b">"
    at = _before(new_tail, after)
    return new_tail[:at] + element + new_tail[at:]


def carried_marks(
    old_head: bytes,
    old_tail: bytes,
    new_head: bytes,
    new_tail: bytes,
    title: str,
    widest: int,
    rows: dict[int, int],
    first: int,
    by: int,
) -> tuple[bytes, bytes]:
    """``new_head`` and ``new_tail`` (the grown sheet's markup around its rows) with the merged ranges and hyperlinks
    of the old sheet (``old_head``, ``old_tail``) that lie wholly right of column ``widest`` (the user's own) added,
    moved (:func:`.inserted_columns.moved_range`)."""
    old = _outside_ext(old_tail)

    main = re.search(rb"<(\w+:)?worksheet\b", old_head)
    prefix = main[1] if main is not None and main[1] else None

    def moved(element: bytes) -> bytes:
        if prefix is not None:  # the old sheet's elements prefixed (<x:mergeCell>): the grown one's are not
            element = element.replace(b"<" + prefix, b"<").replace(b"</" + prefix, b"</")
        return _REF.sub(lambda m: m[1] + moved_range(m[2].decode(), title, rows, first, by).encode() + m[3], element, 1)

    def right(element: bytes) -> bool:
        ref = _REF.search(element)
        return ref is not None and right_of(ref[2], widest)

    found = _MERGES.search(old)
    merges = [moved(m[0]) for m in _MERGE.finditer(found[3] or b"") if right(m[0])] if found else []
    if merges:
        new_tail = _put(new_tail, _MERGES, b"mergeCells", merges, _AFTER_MERGES)
    found = _LINKS.search(old)
    links = [moved(m[0]) for m in _LINK.finditer(found[3] or b"") if right(m[0])] if found else []
    if links:
        new_tail = _put(new_tail, _LINKS, b"hyperlinks", links, _AFTER_LINKS)
        declared = _ROOT.search(old_head)
        name = re.search(rb'\sxmlns:([\w.\-]+)="' + re.escape(_RELATIONSHIPS) + b'"', declared[0]) if declared else None
        root = _ROOT.search(new_head)
        if name is not None and root is not None and b"xmlns:" + name[1] + b"=" not in root[0]:
            opened = root[0][:-1] + b" xmlns:" + name[1] + b'="' + _RELATIONSHIPS + b'">'
            new_head = new_head[: root.start()] + opened + new_head[root.end() :]
    return new_head, new_tail
