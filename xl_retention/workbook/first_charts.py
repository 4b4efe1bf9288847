"""The first template's (8b3d91a7, 2026-11-22) three Dashboard charts, brought up to this version's by ``upgrade``.

That template drew "Customer retention and churn", "Net and gross revenue retention" and "NPS with its 95% margin of
error" from the figures' own columns (Customers F and G, Revenue M and N, NPS F and G), whose months without a figure
hold the formulas' ``""``: Excel and LibreOffice drew those months as 0 (CRR, churn, NRR and GRR 0% from the first
month without figures, an NPS of 0 in a month without answers: H455's finding 04), and recalc did not fit them, as
they read no "(chart)" column. Once ``upgrade`` has put back the hidden chart columns this version's template has
(:mod:`.upgrade_helpers`), :func:`upgrade_first_charts` points each series at its figure's chart column, as this
version's charts read (``#N/A`` for a month without a figure between months with one, spanned by the line), with
this version's small markers and settings (hidden cells plotted: the chart columns are hidden; months without a
figure spanned, #N/A as a gap), and recalc fits them to
the months with figures (:func:`.chart_ranges.fit_chart_ranges` takes them for the template's: :func:`first_charts`).
The churn line goes, with its axis: this version has no chart column of the churn rate (the churn rate is 1 - CRR),
and the chart is titled as the template after the first one titled it: "Customer retention (CRR); churn = 1 - CRR".

Only the three charts of the first template's Dashboard are changed, each at its own cell (:data:`FIRST_CHARTS`),
each of its series reading a figure of the template's (by its column's header) whose chart column the tracker has;
a chart with a series of the user's, or anything else, is left as it is.
"""

from __future__ import annotations

import re

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from . import inplace as ip
from .chart_ranges import (
    _DATA,
    _P,
    _TITLE,
    DASHBOARD,
    SERIES_FORMULA,
    _area,
    _Cells,
    _drawn_on,
    _unescape,
    blanks_as_gaps,
    chart_title,
    na_as_gap,
)
from .inplace import escape

__all__ = ["FIRST_CHARTS", "RETITLED", "first_charts", "upgrade_first_charts"]

#: the first template's three charts on its Dashboard: title -> the cell it drew each at, and nine rows down, where
#: ``upgrade`` moves them under the latest figures table (H399: its NPS chart had no line after an import of
#: subscriptions only)
FIRST_CHARTS = {
    "Customer retention and churn": ("A3", "A12"),
    "Net and gross revenue retention": ("K3", "K12"),
    "NPS with its 95% margin of error": ("A21", "A30"),
}
#: the title :func:`upgrade_first_charts` gives a first chart whose churn line it leaves out
RETITLED = {"Customer retention and churn": "Customer retention (CRR); churn = 1 - CRR"}
_FIRST_TITLE = {new: old for old, new in RETITLED.items()}
#: the header of a figure's column the first template's charts read -> the header of its chart column (None: a figure
#: this version draws no line of, left out)
CHART_COLUMNS: dict[str, str | None] = {
    "Retention (CRR)": "CRR (chart)",
    "Churn rate": None,
    "NRR": "NRR (chart)",
    "GRR": "GRR (chart)",
    "NPS": "NPS (chart)",
    "Margin of error (95%)": "Margin of error (chart)",
}
_SERIES = re.compile(rb"<(" + _P + rb")ser\b[^>]*>.*?</\1ser\s*>", re.S)
_GROUP = re.compile(rb"<(" + _P + rb")lineChart\b[^>]*>.*?</\1lineChart\s*>", re.S)
_AXIS = re.compile(rb"<(" + _P + rb")valAx\b[^>]*>.*?</\1valAx\s*>", re.S)
_AXIS_ID = re.compile(rb"<" + _P + rb"axId\s+val\s*=\s*[\"'](\d+)[\"']")
_VISIBLE_ONLY = re.compile(rb"(<" + _P + rb"plotVisOnly\s+)val\s*=\s*[\"'](?:1|true)[\"']")
_MARKER = re.compile(rb"<(" + _P + rb")marker\b[^>]*>.*?</\1marker\s*>|<(" + _P + rb")marker\b[^>]*/>", re.S)


def first_charts(package: ip.Package) -> set[str]:
    """The chart parts of the first template's Dashboard (:data:`FIRST_CHARTS`): each of its titles (or the one
    :data:`RETITLED` gives it) on the Dashboard at its own cell, all three there (a chart of that title elsewhere, or a
    Dashboard of some other layout: none)."""
    found = {
        chart: first
        for chart, (sheet, cell) in _drawn_on(package).items()
        if sheet == DASHBOARD and chart in package.data
        and cell in FIRST_CHARTS.get(first := _FIRST_TITLE.get(t := chart_title(package.data[chart]) or "", t), ())
    }  # fmt: skip
    return set(found) if sorted(found.values()) == sorted(FIRST_CHARTS) else set()


def _headers(cells: _Cells, sheet: str) -> dict[str, str]:
    """Header text -> column letter, of row 1 of ``sheet`` (the first column of a header written twice)."""
    out: dict[str, str] = {}
    for ref, _ in cells.package.sheet(sheet).cells_in_rows(1, 1):
        text = cells.text(sheet, ref)
        if text is not None:
            out.setdefault(text.strip(), get_column_letter(ip.split_ref(ref)[1]))
    return out


def _repointed(xml: bytes, cells: _Cells, churn: list[str]) -> bytes | None:
    """The chart part ``xml`` with every series reading its chart column and the churn series left out (each column
    it read, as ``Sheet!G``, added to ``churn``); None when a series reads anything else (a series of the user's) or
    the tracker lacks a chart column."""
    headers: dict[str, dict[str, str]] = {}
    moves: dict[str, str] = {}  # the range read -> the chart column's range
    gone: list[str] = []
    columns: list[str] = []  # where the churn series read, as the report names it
    for match in _DATA.finditer(xml):
        if match.group(2) == b"cat":
            continue
        f = SERIES_FORMULA.search(match.group(4))
        area = _area(_unescape(f.group(2))) if f else None
        if area is None or area.sheet not in cells.package.parts:
            return None
        header = cells.text(area.sheet, f"{area.column}1")
        if header is None or header.strip() not in CHART_COLUMNS:
            return None if header is None or not header.rstrip().endswith("(chart)") else xml  # this version's
        target = CHART_COLUMNS[header.strip()]
        if target is None:
            gone.append(_unescape(f.group(2)))
            columns.append(f"{written(area.sheet)}!{area.column}")
            continue
        letter = headers.setdefault(area.sheet, _headers(cells, area.sheet)).get(target)
        if letter is None:
            return None
        quoted = "'" + area.sheet.replace("'", "''") + "'"
        moves[_unescape(f.group(2))] = f"{quoted}!${letter}${area.first}:${letter}${area.last}"
    if not moves:
        return None
    churn.extend(c for c in columns if c not in churn)

    def data(match: re.Match[bytes]) -> bytes:
        f = SERIES_FORMULA.search(match.group(4))
        new = moves.get(_unescape(f.group(2))) if f else None
        if new is None:
            return match.group(0)
        body = match.group(4)
        body = body[: f.start(2)] + escape(new).encode() + body[f.end(2) :]
        return b"<" + match.group(1) + match.group(2) + match.group(3) + b">" + body + b"</" + match.group(1) + \
            match.group(2) + b">"  # fmt: skip

    def series(match: re.Match[bytes]) -> bytes:
        ser = match.group(0)
        vals = (SERIES_FORMULA.search(m.group(4)) for m in _DATA.finditer(ser) if m.group(2) == b"val")
        reads = [_unescape(f.group(2)) for f in vals if f]
        if any(r in gone for r in reads):
            return b""
        p = match.group(1).decode()
        marker = f'<{p}marker><{p}symbol val="circle"/><{p}size val="4"/></{p}marker>'.encode()  # this version's
        return _MARKER.sub(lambda _: marker, _DATA.sub(data, ser), count=1)

    xml = _SERIES.sub(series, xml)
    xml = _GROUP.sub(lambda g: g.group(0) if _SERIES.search(g.group(0)) else b"", xml)  # a line group left empty
    used = {i for g in _GROUP.finditer(xml) for i in _AXIS_ID.findall(g.group(0))}
    xml = _AXIS.sub(lambda a: a.group(0) if set(_AXIS_ID.findall(a.group(0))[:1]) <= used else b"", xml)
    xml = _VISIBLE_ONLY.sub(lambda v: v.group(1) + b'val="0"', xml, count=1)  # the chart columns are hidden
    return na_as_gap(blanks_as_gaps(xml))


def _retitled(xml: bytes) -> bytes:
    """The chart's title's text set to :data:`RETITLED`'s for its title (its first run; the others emptied)."""
    new = RETITLED.get(chart_title(xml) or "")
    found = _TITLE.search(xml)
    if new is None or found is None:
        return xml
    runs = list(re.finditer(rb"(<" + _P + rb"t\b[^>]*>)([^<]*)(</" + _P + rb"t\s*>)", found.group(3)))
    body = found.group(3)
    for i, run in reversed(list(enumerate(runs))):
        text = escape(new).encode() if i == 0 else b""
        body = body[: run.start(2)] + text + body[run.end(2) :]
    return xml[: found.start(3)] + body + xml[found.end(3) :]


def upgrade_first_charts(package: ip.Package) -> list[str]:
    """Point the first template's Dashboard charts (:func:`first_charts`) of ``package`` at this version's chart
    columns (see the module); returns the report's line (none when there was nothing to do)."""
    charts = first_charts(package)
    if not charts:
        return []
    cells = _Cells(package)
    changed: list[str] = []
    churned: list[str] = []  # the columns the churn line read (the sheet as named now, the column found by header)
    for name in sorted(charts):
        xml = package.data[name]
        try:
            found: list[str] = []
            new = _repointed(xml, cells, found)
        except ip.LayoutError:  # a sheet whose markup the reader does not know: leave the chart alone
            new = None
        if new is None or new == xml:
            continue
        package.data[name] = _retitled(new)
        churned.extend(found)
        changed.append(chart_title(xml) or name)
    if not changed:
        return []
    churn = "Customer retention and churn" in changed
    kept = " and ".join(churned) or "its column on the customers' sheet"
    titles = ", ".join(repr(t) for t in changed)
    left = (
        f"; 'Customer retention and churn' is now {RETITLED['Customer retention and churn']!r} (its churn line left "
        f"out: this version charts the CRR, the churn rate is 1 - CRR; {kept} keeps it)"
        if churn
        else ""
    )
    return [
        f"'{DASHBOARD}': the first template's charts {titles} read this version's hidden chart columns (a month "
        f"without a figure is a gap, never drawn as 0; recalc fits them to the months with figures){left}"
    ]
