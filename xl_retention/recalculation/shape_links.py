"""The text of a shape linked to a cell brought up to the recalculated cell (H543's finding 02: a text box whose formula
is ``=$B$1``, the KPI tile of a dashboard, kept "MRR 1" beside the cell's "MRR 10" under ``ok``).

Excel writes such a shape as ``<xdr:sp textlink="$B$1">`` in the drawing part of the sheet that holds it, its text
cached in a ``<a:fld type="TxLink">`` run; it shows the cell's value as the cell shows it (a number in its cell's
format). :func:`linked_texts` sets that run's text to the written value of the cell it links to (a reference of the
drawing's sheet, of another sheet, or a name of one cell), as :mod:`.chart_caches` sets a chart's points; a link to
anything else, a name of several cells say, is named in ``values.stale`` (the report says it). Every other byte of the
part stays as it was.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping

from ..sheet_names import SHEET, unquoted
from .chart_labels import LabelNotShown, label_text
from .chart_series import series_cells, series_text

__all__ = ["drawing_sheets", "linked_texts"]

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_SP = re.compile(rb"<(" + _P + rb")sp\b([^>]*)>(.*?)</\1sp\s*>", re.S)
_TEXTLINK = re.compile(rb"""\stextlink\s*=\s*(?:"([^"]*)"|'([^']*)')""")  # 'My Data'!$A$3 in double quotes
_FLD = re.compile(rb"<(" + _P + rb")fld\b([^>]*)>(.*?)</\1fld\s*>", re.S)
_TXLINK = re.compile(rb"""\stype\s*=\s*["']TxLink["']""")
_T = re.compile(rb"(<" + _P + rb"t\b[^>]*>)([^<]*)(</" + _P + rb"t\s*>)")
_T_EMPTY = re.compile(rb"<(" + _P + rb")t\s*/>")
_CELL = re.compile(r"^(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?([0-9]+)$")
#: relationship types' ends: a sheet's drawing, a drawing's chart, a chart's shapes drawn inside it
_DRAWING, _CHART, _USER_SHAPES = "/drawing", "/chart", "/chartUserShapes"


def drawing_sheets(package: zipfile.ZipFile) -> dict[str, str]:
    """{drawing part: the title of the sheet it is drawn on}: each sheet's drawing (``xl/drawings/drawing1.xml``) and
    the shapes drawn inside each of its charts (a chart's ``c:userShapes`` part, H543's finding 09: a chart's caption
    linked to a cell)."""
    from .xlsx_package import _relationships, _resolve, _sheet_parts  # noqa: PLC0415

    names = set(package.namelist())

    def targets(part: str, kind: str) -> list[str]:
        folder, _, file = part.rpartition("/")
        rels = f"{folder}/_rels/{file}.rels"
        if rels not in names:
            return []
        return [
            _resolve(folder, rel.get("Target", ""))
            for rel in _relationships(package.read(rels))
            if rel.get("Type", "").endswith(kind) and rel.get("TargetMode") != "External"
        ]

    found: dict[str, str] = {}
    for title, part in _sheet_parts(package).items():
        for drawing in targets(part, _DRAWING) if part is not None else []:
            found[drawing] = title
            for chart in targets(drawing, _CHART):
                for shapes in targets(chart, _USER_SHAPES):
                    found.setdefault(shapes, title)
    return found


def _linked_cell(link: str, sheet: str, values: object) -> tuple[str, str] | None:
    """The (sheet, cell) a shape's ``textlink`` names: ``$B$1`` on the drawing's ``sheet``, ``'My S'!$B$1``, or a
    name of one cell (``values``' names, :class:`.chart_series.ChartNames`)."""
    text = link.strip().removeprefix("=")
    match = _CELL.match(text)
    if match is not None:
        where = unquoted(match.group(1)) if match.group(1) else sheet
        return where, f"{match.group(2).upper()}{match.group(3)}"
    if "!" not in text and "(" not in text:
        quoted = sheet.replace("'", "''")
        text = f"'{quoted}'!{text}"  # a name as the sheet reads it: its own, else the workbook's
    found = series_cells(text.encode(), getattr(values, "names", None), None)
    if found is None or len(found[1]) != 1:
        return None
    return found[0], found[1][0]


def linked_texts(xml: bytes, sheet: str, values: Mapping[str, Mapping[str, object]]) -> bytes:
    """A drawing part of ``sheet`` with the text of each shape linked to a cell written in ``values`` (a
    :class:`.chart_caches.ChartValues`) set to that cell's value as the cell shows it; the part itself where none
    changes.

    >>> part = (b'<xdr:sp textlink="$B$1"><xdr:txBody><a:p><a:fld id="{1}" type="TxLink"><a:rPr/><a:t>MRR 1</a:t>'
    ...         b'</a:fld></a:p></xdr:txBody></xdr:sp>')
    >>> linked_texts(part, "S", {"s": {"B1": "MRR 10"}})[-53:]
    b'<a:t>MRR 10</a:t></a:fld></a:p></xdr:txBody></xdr:sp>'
    >>> linked_texts(part, "S", {"s": {"B2": 3.0}}) is part
    True
    """
    if b"textlink" not in xml:
        return xml
    formats = getattr(values, "formats", None)

    def shape(match: re.Match[bytes]) -> bytes:
        link = _TEXTLINK.search(match.group(2))
        written = (link.group(1) if link.group(1) is not None else link.group(2)) if link is not None else b""
        if not written.strip():
            return match.group(0)
        text = series_text(written)  # its entities (&apos;My Data&apos;, R&amp;D) as the sheet's name writes them
        found = _linked_cell(text, sheet, values)
        if found is None:
            stale = getattr(values, "stale", None)
            if stale is not None:
                stale.append(f"the shape linked to {text} (not one cell)")
            return match.group(0)
        where, cell = found
        own = values.get(where.lower())
        if not own or cell not in own:
            return match.group(0)  # a cell not recalculated: its text as Excel stored it
        value = own[cell]
        if isinstance(value, str):
            shown: str | None = value
        else:
            code = (lambda: formats(where.lower(), cell)) if formats is not None else (lambda: "General")
            try:
                shown = label_text(value, code, formats.date1904 if formats is not None else False)
            except LabelNotShown as error:  # kept as Excel stored it, and said (H543's finding 10)
                stale = getattr(values, "stale", None)
                if stale is not None:
                    stale.append(f"the shape linked to {text} ({error})")
                return match.group(0)
        new = (shown or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")

        def field(f: re.Match[bytes]) -> bytes:
            if _TXLINK.search(f.group(2)) is None:
                return f.group(0)
            body = f.group(3)
            if _T.search(body) is not None:
                body = _T.sub(lambda t: t.group(1) + new + t.group(3), body, count=1)
            else:
                body = _T_EMPTY.sub(lambda t: b"<" + t.group(1) + b"t>" + new + b"</" + t.group(1) + b"t>", body, 1)
            return f.group(0)[: f.start(3) - f.start(0)] + body + f.group(0)[f.end(3) - f.start(0) :]

        inner = _FLD.sub(field, match.group(3))
        if inner == match.group(3):
            return match.group(0)
        whole, start = match.group(0), match.start(0)
        return whole[: match.start(3) - start] + inner + whole[match.end(3) - start :]

    new = _SP.sub(shape, xml)
    return xml if new == xml else new
