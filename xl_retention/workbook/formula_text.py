"""Formula and reference text: XML escaping, a formula's comparable key, references outside quoted texts, and
ranges stretched to a grown table's new end (:func:`extend_refs`, over a part's names and chart references, its
``sqref`` ranges and filters). Split from :mod:`.inplace` (which re-exports every name here), which edits a package's
parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from openpyxl.utils import column_index_from_string, get_column_letter

from ..sheet_names import SHEET, unquoted
from .logical_calls import logical_constants


def escape(text: str) -> str:
    """XML text escaping as xml.sax.saxutils.escape does it, without importing urllib, http and ssl with it (17 ms
    of every recalculation's start, which reaches this module through the chart ranges)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(raw: bytes) -> str:
    """The text of an XML element's content (UTF-8 bytes): the five entities :func:`escape` and Excel write undone."""
    return raw.decode("utf-8").replace("&apos;", "'").replace("&quot;", '"').replace("&lt;", "<").replace(
        "&gt;", ">").replace("&amp;", "&")  # fmt: skip


_TEXT = re.compile(r'"(?:[^"]|"")*"')


def formula_key(formula: str) -> str:
    """A formula as compared with the template's: without case (LibreOffice re-saves add-in names in lower case),
    ``TRUE()``/``FALSE()`` as ``TRUE``/``FALSE`` as Excel parses them (LibreOffice re-saves the constants as calls;
    in a text they stay: :func:`.logical_calls.logical_constants`).

    >>> formula_key('=IFERROR(B4+0=0,false())&"No: FALSE()"')
    '=IFERROR(B4+0=0,FALSE)&"NO: FALSE()"'
    """
    return logical_constants(formula).upper()


def areas_outside_text(text: str, area: Callable[[re.Match[str], str], str]) -> str:
    """``text`` (a formula) with each reference :data:`_AREA` matches outside its quoted texts replaced by
    ``area(match, piece)`` (``piece``: the stretch of the formula between two texts it was found in); a reference
    written inside a text (``"C2:C25"``) is left as it is.

    >>> areas_outside_text('=SUM(A1:A3)&"A1:A3"', lambda m, piece: m.group(0).lower())
    '=SUM(a1:a3)&"A1:A3"'
    """
    out, position = [], 0
    for literal in (*_TEXT.finditer(text), None):
        end = literal.start() if literal is not None else len(text)
        piece = text[position:end]
        out.append(_AREA.sub(lambda m, piece=piece: area(m, piece), piece))
        if literal is not None:
            out.append(literal.group(0))
            position = literal.end()
    return "".join(out)


_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"
_ATTRS = rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
_AREA = re.compile(
    r"(?:(" + SHEET + r")!)?"
    r"(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?::(\$?)([A-Z]{1,3})(\$?)([0-9]+))?(?![\w(])"
)


def _unquote(sheet: str) -> str:
    return unquoted(sheet)


def other_workbook(match: re.Match[str]) -> bool:
    """Whether a reference :data:`_AREA` matched is to another workbook's sheet: ``[1]Customers!$C$2:$C$4`` (Excel's
    form of an external link, its sheet right after ``]``), which no change to this workbook's months moves.

    >>> [other_workbook(m) for m in _AREA.finditer("[1]Customers!C2:C4+Customers!C2:C4")]
    [True, False]
    """
    return match.group(1) is not None and match.start() > 0 and match.string[match.start() - 1] == "]"


def extend_refs(text: str, sheet: str | None, rows: tuple[int, int] | None = None,
                columns: tuple[int, int] | None = None, local: bool = False) -> str:  # fmt: skip
    """References in ``text`` to ``sheet`` stretched where they end at the table's old end.

    ``rows=(old_last, new_last)``: a range ``X{a}:Y{old_last}`` with ``a <= old_last`` ends at
    ``new_last`` instead (a single cell is left alone); ``columns`` likewise for columns. With
    ``local`` the references without a sheet name are the sheet's own (a ``sqref``).

    >>> extend_refs("Customers!$F$2:$F$25,Revenue!$B$2:$B$25", "Customers", rows=(25, 30))
    'Customers!$F$2:$F$30,Revenue!$B$2:$B$25'
    >>> extend_refs("B2:Y1001 A1", None, columns=(25, 27), local=True)
    'B2:AA1001 A1'
    >>> extend_refs("[1]Customers!$C$2:$C$25", "Customers", rows=(25, 30))  # another workbook's Customers
    '[1]Customers!$C$2:$C$25'
    """

    def stretch(match: re.Match[str]) -> str:
        name = match.group(1)
        if match.group(7) is None or (_unquote(name) != sheet if name is not None else not local):
            return match.group(0)
        if other_workbook(match):
            return match.group(0)
        c1, r1 = column_index_from_string(match.group(3)), int(match.group(5))
        c2, r2 = column_index_from_string(match.group(7)), int(match.group(9))
        if rows is not None and r2 == rows[0] and r1 <= rows[0]:
            r2 = rows[1]
        if columns is not None and c2 == columns[0] and c1 <= columns[0]:
            c2 = columns[1]
        head = f"{name}!" if name is not None else ""
        return (f"{head}{match.group(2)}{match.group(3)}{match.group(4)}{r1}:"
                f"{match.group(6)}{get_column_letter(c2)}{match.group(8)}{r2}")  # fmt: skip

    return _AREA.sub(stretch, text)


def extend_in_xml(xml: bytes, sheet: str | None, rows: tuple[int, int] | None = None,
                  columns: tuple[int, int] | None = None) -> bytes:  # fmt: skip
    """:func:`extend_refs` over the formula-like texts of a part: defined names, chart ``<c:f>`` references."""

    def text(match: re.Match[bytes]) -> bytes:
        inner = match.group(2).decode("utf-8").replace("&apos;", "'").replace("&amp;", "&")
        new = extend_refs(inner, sheet, rows, columns)
        if new == inner:
            return match.group(0)
        return match.group(1) + escape(new).encode() + match.group(3)

    pattern = rb"(<(?:" + _PREFIX + rb")(?:definedName|f)\b" + _ATTRS + rb"\s*>)([^<]*)(</)"
    return re.sub(pattern, text, xml)


def extend_sqrefs(xml: bytes, rows: tuple[int, int] | None = None, columns: tuple[int, int] | None = None) -> bytes:
    """A sheet part's validation and conditional-format ranges (``sqref``) and its filter (``autoFilter``, with the
    ``sortState`` and ``sortCondition`` a sort through it keeps) stretched as in :func:`extend_refs`: a filter over the
    months takes in the months added (merged cells, hyperlinks and other ``ref`` attributes are left alone)."""

    def attr(match: re.Match[bytes]) -> bytes:
        new = extend_refs(match.group(2).decode(), None, rows, columns, local=True)
        return match.group(1) + new.encode() + match.group(3)

    def element(match: re.Match[bytes]) -> bytes:
        return re.sub(rb"(\sref\s*=\s*\")([^\"]*)(\")", attr, match.group(0), count=1)

    xml = re.sub(rb"(\ssqref\s*=\s*\")([^\"]*)(\")", attr, xml)
    xml = re.sub(rb"<(?:" + _PREFIX + rb")(?:autoFilter|sortState|sortCondition)\b[^>]*>", element, xml)
    return re.sub(rb"(<(?:" + _PREFIX + rb")sqref>)([^<]*)(</)", attr, xml)
