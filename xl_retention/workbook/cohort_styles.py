"""The looks of a grown Cohorts sheet's cells: the user's own styles kept, the template's looks added where missing.

Growing a tracker writes the template's Cohorts sheet for the new months (:func:`~.cohort_sheet.grow_cohorts`), whose
cells name the fresh template's style ids. :func:`_style_map` maps each look of the template's sheet to the style the
user's sheet gives it (their fonts and fills kept), :func:`_add_styles` copies into the workbook's styles the looks
its sheet has no cell of (a 1-month tracker has no greyed future cells), and :func:`_restyle` writes the fresh sheet
with the workbook's style ids. Split from :mod:`.cohort_sheet`.
"""

from __future__ import annotations

import re
from typing import Any

from . import inplace as ip
from .style_keys import style_index
from .template import COHORTS_TITLE


def _style_key(cell: Any, seen: dict[tuple[int, ...], str] | None = None) -> str:
    """The look of ``cell``, comparable across workbooks; ``seen``: the looks found in its workbook so far, by its
    style ids (every cell of a look shares them: one repr per look, not per cell of the growing triangles)."""
    ids = tuple(getattr(cell, "_style", None) or ())  # openpyxl's style ids of the cell (none: the default look)
    if seen is not None and ids in seen:
        return seen[ids]
    look = repr((cell.font, cell.fill, cell.border, cell.number_format, cell.alignment, cell.protection))
    if seen is not None:
        seen[ids] = look
    return look


def _style_map(sheet: ip.SheetXml, template: Any, fresh: Any) -> tuple[dict[str, bytes], list[str]]:
    """Cell reference in the fresh template's sheet -> the user's style index for the same look; and the cells
    whose look no cell of the user's sheet has."""
    by_look: dict[str, bytes] = {}
    ours: dict[tuple[int, ...], str] = {}
    theirs: dict[tuple[int, ...], str] = {}
    for row in template.iter_rows():
        for cell in row:
            style = sheet.style(cell.coordinate)
            if style is not None:
                by_look.setdefault(_style_key(cell, ours), style)
    mapping: dict[str, bytes] = {}
    missing: list[str] = []
    for row in fresh.iter_rows():
        for cell in row:
            if not cell.has_style:
                continue
            look = _style_key(cell, theirs)
            if look in by_look:
                mapping[cell.coordinate] = by_look[look]
            else:
                missing.append(cell.coordinate)
    return mapping, missing


def _fresh_style(xml: bytes, ref: str) -> int:
    """The style index (``s``) of cell ``ref`` in the fresh template's sheet XML."""
    found = re.search(rb'<c\s+r="' + ref.encode() + rb'"[^>]*?\ss="([0-9]+)"', xml)
    if found is None:
        raise ip.LayoutError(f"{COHORTS_TITLE}: the template's cell {ref} has no style index")
    return int(found[1])


def _parts(xml: bytes, tag: str, child: str) -> tuple[re.Match[bytes] | None, list[bytes]]:
    """The ``<tag>`` list of a styles part and its ``<child>`` elements, as bytes (None: the part has no list)."""
    found = re.search(rb"<" + tag.encode() + rb"\b[^>]*?(?:/>|>(.*?)</" + tag.encode() + rb">)", xml, re.S)
    if found is None:
        return None, []
    child_re = rb"<" + child.encode() + rb"\b[^>]*?(?:/>|>.*?</" + child.encode() + rb">)"
    return found, re.findall(child_re, found[1] or b"", re.S)


def _add_styles(package: ip.Package, fresh: bytes, wanted: dict[str, int]) -> dict[str, bytes]:
    """Copy the fresh template's cell styles ``wanted`` ({cell: its style index there}) into the workbook's
    ``xl/styles.xml`` (their font, fill, border and number format with them); returns {cell: new style index}.

    Raises :class:`~.inplace.LayoutError` when the workbook's styles part cannot be read this way (no such
    part, a namespace prefix on its elements).
    """
    name = "xl/styles.xml"
    styles = package.data.get(name, b"")
    if b"<cellXfs" not in styles or b"<fonts" not in styles:
        first = next(iter(wanted))
        raise ip.LayoutError(f"{COHORTS_TITLE}: the template's style of {first} has no match in the workbook's styles")
    lists = {"fonts": "font", "fills": "fill", "borders": "border", "cellXfs": "xf", "numFmts": "numFmt"}
    theirs = {tag: _parts(fresh, tag, child)[1] for tag, child in lists.items()}
    ours = {tag: _parts(styles, tag, child)[1] for tag, child in lists.items()}
    codes = {ip.attribute(f, b"numFmtId"): ip.attribute(f, b"formatCode") for f in theirs["numFmts"]}
    mine = {ip.attribute(f, b"formatCode"): ip.attribute(f, b"numFmtId") for f in ours["numFmts"]}

    def index_of(tag: str, element: bytes) -> bytes:  # the same element in the workbook's list, else appended
        at = style_index(ours[tag], element)  # however written (LibreOffice's "true" for Excel's "1")
        if at is None:
            ours[tag].append(element)
            at = len(ours[tag]) - 1
        return str(at).encode()

    def with_attr(element: bytes, attr: bytes, value: bytes) -> bytes:
        return re.sub(rb"(\s" + attr + rb'=")[^"]*(")', lambda m: m[1] + value + m[2], element, count=1)

    added: dict[int, bytes] = {}
    for index in sorted(set(wanted.values())):
        xf = theirs["cellXfs"][index]
        for attr, tag in ((b"fontId", "fonts"), (b"fillId", "fills"), (b"borderId", "borders")):
            at = ip.attribute(xf, attr)
            if at is not None:
                xf = with_attr(xf, attr, index_of(tag, theirs[tag][int(at)]))
        fmt = ip.attribute(xf, b"numFmtId")
        if fmt is not None and int(fmt) >= 164:  # a custom number format: the workbook's own id for its code
            code = codes[fmt]
            if code not in mine:
                ids = [int(i) for i in mine.values() if i is not None] + [163]
                mine[code] = str(max(ids) + 1).encode()
                ours["numFmts"].append(b'<numFmt numFmtId="' + mine[code] + b'" formatCode="' + code + b'"/>')
            xf = with_attr(xf, b"numFmtId", mine[code])
        xf = with_attr(xf, b"xfId", b"0")  # the Normal cell style, which every workbook has first
        added[index] = index_of("cellXfs", xf)
    for tag in ("numFmts", "fonts", "fills", "borders", "cellXfs"):
        found, _ = _parts(styles, tag, lists[tag])
        opening = b"<" + tag.encode() + b' count="0">'
        if found is not None:  # the list's own attributes kept (Excel's x14ac:knownFonts), its count updated
            opening = re.match(rb"<[^>]*?(?=/?>)", found[0])[0].rstrip() + b">"
            opening = re.sub(rb'\scount="[0-9]*"', b"", opening)[:-1] + b' count="0">'
        opening = opening.replace(b'count="0"', b'count="%d"' % len(ours[tag]))
        body = opening + b"".join(ours[tag]) + b"</" + tag.encode() + b">"
        if found is not None:
            styles = styles[: found.start()] + body + styles[found.end() :]
        elif ours[tag]:  # numFmts, which a workbook without custom formats may lack: it goes before <fonts>
            at = styles.index(b"<fonts")
            styles = styles[:at] + body + styles[at:]
    package.data[name] = styles
    return {ref: added[index] for ref, index in wanted.items()}


def _restyle(xml: bytes, styles: dict[str, bytes]) -> bytes:
    """The fresh sheet with each cell's style index mapped to the workbook's; row and column styles dropped."""

    def cell(match: re.Match[bytes]) -> bytes:
        attrs = match.group(2)
        ref = ip.attribute(attrs, b"r")
        attrs = re.sub(rb'\ss="[0-9]+"', b"", attrs)
        if ref is not None and ref.decode() in styles:
            attrs += b' s="' + styles[ref.decode()] + b'"'
        return match.group(1) + attrs + match.group(3)

    xml = re.sub(rb"(<c)((?:\s+[^\s=/>]+\s*=\s*\"[^\"]*\")*)(\s*/?>)", cell, xml)
    xml = re.sub(rb'(<(?:row|col)\b[^>]*?)\s(?:style|s)="[0-9]+"', rb"\1", xml)
    return re.sub(rb'(<row\b[^>]*?)\scustomFormat="1"', rb"\1", xml)
