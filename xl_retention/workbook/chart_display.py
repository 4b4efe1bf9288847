"""How the template's charts draw a month without a figure, and their category axis, kept as the template writes
them after LibreOffice or openpyxl saved a tracker (split from :mod:`.chart_ranges`, which fits their months and
gives these on: :func:`blanks_as_gaps`, :func:`na_as_gap`, :func:`categories_as_set`).
"""

from __future__ import annotations

import re

__all__ = ["blanks_as_gaps", "categories_as_set", "na_as_gap"]

#: Excel 2016's "Show #N/A as an empty cell" (chart extension c16r3), which openpyxl cannot write: with the chart's
#: dispBlanksAs "span", a month whose chart cell is #N/A is then spanned by the line, never a point at 0
_NA_AS_GAP = (
    '<{p}extLst><{p}ext uri="{{56B9EC1D-385E-4148-901F-78D8002777C0}}" '
    'xmlns:c16r3="http://schemas.microsoft.com/office/drawing/2017/03/chart"><c16r3:dataDisplayOptions16>'
    '<c16r3:dispNaAsBlank val="1"/></c16r3:dataDisplayOptions16></{p}ext></{p}extLst>'
)
_DISP_BLANKS = re.compile(rb"<((?:\w+:)?)dispBlanksAs\b[^>]*/>")
_AFTER_BLANKS = re.compile(rb"<((?:\w+:)?)plotVisOnly\b[^>]*/>|</((?:\w+:)?)(?:legend|plotArea)\s*>")


def blanks_as_gaps(chart_xml: bytes) -> bytes:
    """A chart part that spans empty cells (``dispBlanksAs val="span"``, the template's setting): no month without a
    figure is drawn as 0.

    A tracker saved by LibreOffice says ``zero`` there: the empty row a chart without data reads, and the empty
    months of a fitted chart, were then drawn as points at 0; the template's earlier ``gap`` LibreOffice reads as
    ``zero`` too (a month left blank between filled ones drawn as 0 customers: H39 finding 01). The setting is added
    after ``plotVisOnly`` (or the legend, or the plot area: the schema's order) when the chart has none.

    >>> blanks_as_gaps(b'<c:chart><c:plotVisOnly val="1"/><c:dispBlanksAs val="zero"/></c:chart>').decode()
    '<c:chart><c:plotVisOnly val="1"/><c:dispBlanksAs val="span"/></c:chart>'
    >>> blanks_as_gaps(b'<c:chart><c:plotArea/><c:legend></c:legend></c:chart>').decode()
    '<c:chart><c:plotArea/><c:legend></c:legend><c:dispBlanksAs val="span"/></c:chart>'
    """
    found = _DISP_BLANKS.search(chart_xml)
    if found is not None:
        element = re.sub(rb"""\sval\s*=\s*["'][^"']*["']""", b' val="span"', found.group(0), count=1)
        if b'val="span"' not in element:  # no val attribute: the schema's default is "zero"
            element = element[:-2].rstrip() + b' val="span"/>'
        return chart_xml[: found.start()] + element + chart_xml[found.end() :]
    places = list(_AFTER_BLANKS.finditer(chart_xml))
    if not places:
        return chart_xml
    best = (
        next((m for m in places if m.group(1) is not None), None)
        or next((m for m in reversed(places) if b"legend" in m.group(0)), None)
        or places[-1]
    )
    prefix = best.group(1) if best.group(1) is not None else best.group(2)
    element = b"<" + prefix + b'dispBlanksAs val="span"/>'
    return chart_xml[: best.end()] + element + chart_xml[best.end() :]


def na_as_gap(chart_xml: bytes) -> bytes:
    """A chart part with Excel's "Show #N/A as an empty cell" on, added right after its ``dispBlanksAs``.

    Unchanged when the chart has it already, has no ``dispBlanksAs`` (the setting belongs beside it), or
    already carries other chart extensions there (only the template's own charts, which have none, get it).

    >>> na_as_gap(b'<chart><dispBlanksAs val="span" /></chart>').decode()[:61]
    '<chart><dispBlanksAs val="span" /><extLst><ext uri="{56B9EC1D'
    """
    if b"dispNaAsBlank" in chart_xml:
        return chart_xml
    found = _DISP_BLANKS.search(chart_xml)
    if found is None or chart_xml[found.end() :].lstrip().startswith(b"<" + found.group(1) + b"extLst"):
        return chart_xml
    extension = _NA_AS_GAP.format(p=found.group(1).decode()).encode()
    return chart_xml[: found.end()] + extension + chart_xml[found.end() :]


_CATEGORY_AXIS = re.compile(rb"<((?:\w+:)?)catAx\b.*?</\1catAx\s*>", re.S)
_AUTO = re.compile(rb"<(?:\w+:)?auto\s+val\s*=\s*[\"'](?:1|true)[\"']\s*/>")


def categories_as_set(chart_xml: bytes) -> bytes:
    """A chart part whose category axis carries no ``<c:auto val="1"/>``, which LibreOffice writes on saving a
    tracker and then reads so that it scaled the MRR movements' value axis to -400..400, cutting bars of 500 and 600
    (H172 finding 06); the template writes none.

    >>> categories_as_set(b'<c:catAx><c:axId val="1"/><c:auto val="1"/><c:lblAlgn val="ctr"/></c:catAx>').decode()
    '<c:catAx><c:axId val="1"/><c:lblAlgn val="ctr"/></c:catAx>'
    """
    return _CATEGORY_AXIS.sub(lambda axis: _AUTO.sub(b"", axis.group(0)), chart_xml)
