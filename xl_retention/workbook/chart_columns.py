"""The chart columns of the MRR movement bars, added to a tracker made before them when it is imported into.

Trackers made before 2026-12-01 have no "New MRR (chart)", "Expansion MRR (chart)" and "Reactivation MRR (chart)"
columns: the Dashboard's "MRR movements by month" bars read the New, Expansion and Reactivation inputs themselves, so
a new MRR typed as -40 was drawn as a bar below zero (a loss) while the month's MRR at end was #NUM!, where a tracker
made now draws a gap (the chart column holds #N/A for a negative amount, :func:`~.monthly._movement_chart`).
:func:`add_movement_chart_columns` writes the missing columns after the sheet's last used column (W:Y in an untouched
tracker, where the template puts them), hidden, with the template's formula in every month row, and points the
template's chart at them. A chart of the user's own (anything :func:`~.chart_ranges.template_chart_parts` does not
take for the template's) keeps reading what it read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter, quote_sheetname

from . import inplace as ip
from .chart_ranges import _P, SERIES_FORMULA, _area, _unescape, chart_title, template_chart_parts
from .monthly import REVENUE
from .template import render_formula

if TYPE_CHECKING:
    from .found import FoundSheet

__all__ = ["add_movement_chart_columns"]

#: the chart column -> the input whose bar it draws
MOVEMENTS = {"new_chart": "new", "expansion_chart": "expansion", "reactivation_chart": "reactivation"}
_TITLE = "MRR movements by month"
_VALUES = re.compile(rb"(<(" + _P + rb")val\b[^>]*>)(.*?)(</\2val\s*>)", re.S)
_COLS = re.compile(rb"</(" + _P + rb")cols\s*>")


def add_movement_chart_columns(package: ip.Package, sheets: dict[str, FoundSheet]) -> list[str]:
    """Add the chart columns of the new, expansion and reactivation bars to the Revenue sheet of an earlier tracker
    whose template chart reads those inputs (``sheets``: as found; the new columns join its columns, so months added
    get their formula too); returns what was done, for the import's report (empty when nothing was to do)."""
    revenue = sheets.get(REVENUE.title)
    if revenue is None or all(key in revenue.columns for key in MOVEMENTS):
        return []
    title = revenue.spec.title
    reads = {revenue.letter(source): key for key, source in MOVEMENTS.items() if key not in revenue.columns and
             source in revenue.columns}  # fmt: skip
    charts = [name for name in sorted(template_chart_parts(package)) if chart_title(package.data[name]) == _TITLE]
    drawn = {
        chart: [a for m in _VALUES.finditer(package.data[chart]) for f in [SERIES_FORMULA.search(m.group(3))] if f
                for a in [_area(_unescape(f.group(2)))] if a is not None and a.sheet == title and a.column in reads]
        for chart in charts
    }  # fmt: skip
    drawn = {chart: areas for chart, areas in drawn.items() if areas}
    if not drawn:
        return []
    xml = package.sheet(title)
    used = max(ip.split_ref(ref)[1] for ref, _ in xml.cells_in_rows(1, revenue.last_row))
    placed = {key: used + 1 + i for i, key in enumerate(k for k in MOVEMENTS if k in reads.values())}
    letters = {key: get_column_letter(column) for key, column in revenue.columns.items()}
    letters |= {key: get_column_letter(column) for key, column in placed.items()}
    like = revenue.letter("churned_chart") if "churned_chart" in revenue.columns else letters["churned"]
    specs = {c.key: c for c in REVENUE.columns}
    for key in placed:
        letter = letters[key]
        xml.put(f"{letter}1", xml.text_element(f"{letter}1", xml.style(f"{like}1"), specs[key].header))
        for month in revenue.months:
            row = revenue.row(month)
            formula = render_formula(specs[key].formula, letters, row).removeprefix("=")
            xml.put(f"{letter}{row}", xml.element(f"{letter}{row}", xml.style(f"{like}{row}"), formula=formula))
    xml.head = _hidden_columns(xml.head, min(placed.values()), max(placed.values()), specs["new_chart"].width)
    revenue.columns.update(placed)
    moved = {source: letters[key] for source, key in reads.items() if key in placed}
    for chart in drawn:
        package.edit(chart, lambda data: _VALUES.sub(lambda m: _repoint(m, title, moved), data))
    span = f"{letters[next(iter(placed))]}:{letters[list(placed)[-1]]}"
    return [
        f"added the chart columns {', '.join(repr(specs[k].header) for k in placed)} to {quote_sheetname(title)} "
        f"({span}, hidden) and pointed the Dashboard's {_TITLE!r} bars at them, as trackers made now draw them: a "
        "negative amount typed there is a gap, not a bar on the wrong side of zero"
    ]


def _repoint(match: re.Match[bytes], title: str, moved: dict[str, str]) -> bytes:
    """A chart's ``<val>`` element reading one of the inputs in ``moved`` (letter -> the chart column's) of sheet
    ``title``, reading the chart column instead (same rows)."""
    found = SERIES_FORMULA.search(match.group(3))
    area = _area(_unescape(found.group(2))) if found else None
    if area is None or area.sheet != title or area.column not in moved:
        return match.group(0)
    letter = moved[area.column]
    ref = f"{quote_sheetname(title)}!${letter}${area.first}:${letter}${area.last}"
    body = match.group(3)
    body = body[: found.start(2)] + ip.escape(ref).encode() + body[found.end(2) :]
    return match.group(1) + body + match.group(4)


def _hidden_columns(head: bytes, first: int, last: int, width: float) -> bytes:
    """``head`` (a sheet part's markup before its cells) with columns ``first`` to ``last`` hidden, ``width`` wide,
    unless a ``<col>`` covers them already."""
    for m in re.finditer(rb"<(?:\w+:)?col\s[^>]*>", head):
        low, high = ip.attribute(m.group(0), b"min"), ip.attribute(m.group(0), b"max")
        if low and high and int(low) <= last and int(high) >= first:
            return head
    closing = _COLS.search(head)
    if closing is None:
        return head
    prefix = closing.group(1)
    element = b"<" + prefix + f'col min="{first}" max="{last}" width="{width}" hidden="1" customWidth="1"/>'.encode()
    return head[: closing.start()] + element + head[closing.start() :]
