"""Two elements of a styles part (``<xf>``, ``<font>``, ``<fill>``, ``<border>``) told the same however written.

Excel writes ``wrapText="1"``, LibreOffice ``wrapText="true"``, each in its own attribute order; a style this version
adds to a workbook (a note's wrapped text, a template style for the grown Cohorts sheet) is looked up among the
workbook's own by :func:`style_key`, so a look it has already is reused rather than added again (an upgrade of a
LibreOffice-saved tracker added a copy of its wrapped-note style, H291 task 3).
"""

from __future__ import annotations

import re

__all__ = ["style_index", "style_key"]

_TAG = re.compile(rb"<(/?)(?:[\w.\-]+:)?([\w.\-]+)((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_ATTR = re.compile(rb"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_BOOLEANS = {b"true": b"1", b"false": b"0"}


def style_key(element: bytes) -> tuple[tuple[bytes, ...], ...]:
    """``element``'s tags in order, each with its attributes sorted and booleans as ``1``/``0``.

    >>> style_key(b'<xf applyAlignment="true" numFmtId="0"><alignment wrapText="true" vertical="top"/></xf>') == (
    ...     style_key(b'<xf numFmtId="0" applyAlignment="1"><alignment vertical="top" wrapText="1" /></xf>'))
    True
    """
    out: list[tuple[bytes, ...]] = []
    for match in _TAG.finditer(element):
        if match[1]:
            out.append((b"/",))
            continue
        attrs = sorted((name, _BOOLEANS.get(a or b, a or b)) for name, a, b in _ATTR.findall(match[3]))
        out.append((match[2], *(name + b"=" + value for name, value in attrs)))
        if match[4]:
            out.append((b"/",))
    return tuple(out)


def style_index(elements: list[bytes], element: bytes) -> int | None:
    """The index of the first of ``elements`` that is ``element`` however written (:func:`style_key`), else None."""
    key = style_key(element)
    return next((i for i, mine in enumerate(elements) if mine == element or style_key(mine) == key), None)
