"""The Dashboard's charts of data the tracker has none of say so under their titles (H382's and H384's findings).

A tracker filled with orders only (a shop) or NPS answers only showed six (five) empty charts of subscriptions and
NPS, titled as if they held figures, and no word of why. After an import, each template chart
(:data:`~.chart_ranges.TEMPLATE_CHARTS`) whose inputs the tracker has none of gets a second line under its title
naming the import that fills it (:data:`NOTES`); a later import of that data takes the line away again. The title's
first line stays the template's, which is what recalc and import recognise the template's charts by
(:func:`~.chart_ranges.chart_title` reads that line only); charts of the user's are never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from . import inplace as ip
from .chart_ranges import _PARAGRAPH, _TEXT, _TITLE, chart_title, template_chart_parts
from .first_charts import first_charts

__all__ = ["NOTES", "SOURCES", "mark_empty_charts"]

#: the data each template chart draws: title -> its kind of input
SOURCES = {
    "Customers at end of month": "subscriptions",
    "MRR movements by month": "subscriptions",
    "Customer retention (CRR)": "subscriptions",
    "Net and gross revenue retention": "subscriptions",
    "MRR at end of month": "subscriptions",
    "NPS with its 95% margin of error": "nps",
    "Customer retention and churn": "subscriptions",  # the first template's (first_charts.FIRST_CHARTS)
    "Customer retention (CRR); churn = 1 - CRR": "subscriptions",  # that chart upgraded (first_charts.RETITLED)
}
#: the line under a chart's title when the tracker has none of its kind of input: short, as LibreOffice draws it as
#: large as the title (Excel in 9 points): one line of a chart half the Dashboard's width
NOTES = {
    "subscriptions": "none yet: import --subscriptions",
    "nps": "none yet: import --nps",
}


def _note_paragraph(prefix: bytes, note: str) -> bytes:
    """A title paragraph holding ``note``: 9 points, not bold (the title's first line is 14 points, bold)."""
    text = ip.escape(note)
    xml = (
        '<a:p><a:pPr><a:defRPr sz="900" b="0"/></a:pPr>'
        f'<a:r><a:rPr lang="en-US" sz="900" b="0"/><a:t>{text}</a:t></a:r></a:p>'
    )
    return xml.replace("<a:", "<" + prefix.decode()).replace("</a:", "</" + prefix.decode()).encode()


def noted(xml: bytes, note: str | None) -> bytes:
    """The chart part ``xml`` with its title's line under the first being ``note`` (None: no such line); any line of
    :data:`NOTES` it had is removed first, any other line of the title (the user's) kept.

    >>> xml = (b'<c:chartSpace><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>MRR at end of month</a:t>'
    ...        b'</a:r></a:p></c:rich></c:tx></c:title></c:chart></c:chartSpace>')
    >>> marked = noted(xml, NOTES["subscriptions"])
    >>> marked.count(b"<a:p>"), chart_title(marked), noted(marked, None) == xml
    (2, 'MRR at end of month', True)
    """
    found = _TITLE.search(xml)
    if found is None:
        return xml
    body = found.group(3)
    ours = {n.encode() for n in NOTES.values()}
    paragraphs = list(_PARAGRAPH.finditer(body))
    if not paragraphs:
        return xml
    kept = bytearray()
    at = 0
    for paragraph in paragraphs[1:]:  # a note of ours from an earlier import: out
        if b"".join(_TEXT.findall(paragraph.group(0))) in ours:
            kept += body[at : paragraph.start()]
            at = paragraph.end()
    new = bytes(kept) + body[at:]
    if note is not None:
        first = _PARAGRAPH.search(new)
        prefix = first.group(1)
        new = new[: first.end()] + _note_paragraph(prefix, note) + new[first.end() :]
    if new == body:
        return xml
    return xml[: found.start(3)] + new + xml[found.end(3) :]


def mark_empty_charts(package: ip.Package, has: Callable[[str], bool]) -> list[str]:
    """Note under the title of each template chart on the Dashboard whose kind of input (:data:`SOURCES`) the tracker
    has none of (``has(kind)`` False) that an import fills it; take the note away where it has some. Returns the
    titles of the charts noted (for the report), in the template's order."""
    said = []
    templates = template_chart_parts(package) or first_charts(package)
    for name in sorted(templates):
        title = chart_title(package.data[name])
        kind = SOURCES.get(title or "")
        if kind is None:
            continue
        empty = not has(kind)
        new = noted(package.data[name], NOTES[kind] if empty else None)
        if new != package.data[name]:
            package.data[name] = new
        if empty:
            said.append(title)
    return [t for t in SOURCES if t in said]


def has_data(wb: Any, sheets: Mapping[str, Any], answers: str | None, tables: Any, kind: str) -> bool:
    """Whether the tracker, once ``tables`` (an import's) are written, holds a kind of input of :data:`SOURCES`:
    ``subscriptions`` this import writes or a value in an input column of Customers or Revenue (``sheets``, as read
    before the import: :func:`~.in_progress.holds_month`); ``nps`` answers this import writes, an answer on the
    answers sheet ``answers`` or a value in an input column of the NPS sheet."""
    from .in_progress import holds_month
    from .template import CUSTOMERS, NPS_SUMMARY, REVENUE

    if kind == "subscriptions":
        if tables.movements is not None:
            return True
        own, answers = [CUSTOMERS.title, REVENUE.title], None
    else:
        if tables.scores is not None:
            return True
        own = [NPS_SUMMARY.title]
    found = {title: sheets[title] for title in own if title in sheets}
    months = sorted({month for sheet in found.values() for month in sheet.months})
    if kind == "nps" and NPS_SUMMARY.title in found and _typed_counts(found[NPS_SUMMARY.title]):
        return True  # a month's promoters, passives and detractors typed over the counts' formulas: its NPS
    return any(holds_month(wb, found, answers, month) for month in months)


#: the NPS sheet's counts, formulas of the answers that a month without answers has typed over (docs/metrics.md)
_COUNTS = ("promoters", "passives", "detractors")


def _typed_counts(sheet: Any) -> bool:
    """Whether a month of the NPS sheet ``sheet`` holds a count typed in (a number where the template has a formula):
    its NPS is drawn, as typed answers' is."""
    for month in sheet.months:
        row = sheet.row(month)
        for name in _COUNTS:
            if name in sheet.columns:
                value = sheet.value(row, sheet.columns[name])
                if isinstance(value, int | float) and not isinstance(value, bool):
                    return True
    return False
