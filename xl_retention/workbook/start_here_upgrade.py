"""``upgrade`` of the Start here sheet's words: an earlier template's Windows steps (Import Functions before the save
as .xlsm, no xlwings reference: H348's finding 01) replaced by this version's, where the sheet holds them exactly; and
the rows under "Fill a month" (:mod:`.start_here_forms`: a month typed in part, the charts, #NAME? in LibreOffice),
which told of an earlier template's behaviour, brought to this version's words but for the rows the user changed
(H459's task 1), and the xlwings Lite line that named no installable package."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import quote_sheetname

from . import inplace as ip
from .sheets import WINDOWS_EARLIER, WINDOWS_STEPS, WINDOWS_STEPS_IN_4

__all__ = ["REPLACED", "upgrade_start_here"]

#: the words of every note of :func:`upgrade_start_here` that changed the sheet
REPLACED = "in place of an earlier template's"

#: the rows of column A looked through: the template's text runs to row 40; rows a user inserted above it may move it
_ROWS = 80


def upgrade_start_here(package: ip.Package, wb: Any, title: str = "Start here") -> list[str]:
    """Replace the Windows steps of the Start here sheet ``title`` (column A) where its cells hold one of the earlier
    templates' forms (:data:`~.sheets.WINDOWS_EARLIER`) exactly, in consecutive rows, by this version's
    (:data:`~.sheets.WINDOWS_STEPS`; a 4-row form by :data:`~.sheets.WINDOWS_STEPS_IN_4`): each cell's style kept,
    no row added or moved. ``wb``: the workbook opened with openpyxl (read-only is fine). Returns a note naming the
    cells; none where the sheet is missing or its text is not an earlier form (edited by the user: kept).

    Example: a tracker of 2026-11-30's template, 'Start here'!A5:A9 reading "xlwings ribbon > Import Functions, then
    save as .xlsm" in A9, gets "Save the workbook as .xlsm first ..." in A7 and the References step in A8.
    """
    if title not in wb.sheetnames:
        return []
    rows = wb[title].iter_rows(min_row=1, max_row=_ROWS, min_col=1, max_col=1, values_only=True)
    texts = [row[0] if row else None for row in rows]
    for form in WINDOWS_EARLIER:
        for first in range(len(texts) - len(form) + 1):
            if tuple(texts[first : first + len(form)]) != form:
                continue
            steps = WINDOWS_STEPS if len(form) == len(WINDOWS_STEPS) else WINDOWS_STEPS_IN_4
            xml = package.sheet(title)
            for row, text in enumerate(steps, start=first + 1):
                xml.put(f"A{row}", xml.text_element(f"A{row}", xml.style(f"A{row}"), text))
            cells = f"{quote_sheetname(title)}!A{first + 1}:A{first + len(steps)}"
            return [
                f"{cells}: the Windows steps of this version (save as .xlsm before Import Functions, tick the "
                f"xlwings reference in the VBA editor), {REPLACED}",
                *_lite(package, title, texts),
                *_tail(package, wb, title, texts),
            ]
    return [*_lite(package, title, texts), *_tail(package, wb, title, texts)]


def _lite(package: ip.Package, title: str, texts: list[Any]) -> list[str]:
    """The xlwings Lite line of the templates before ac936941 ("requirements.txt: xl-retention;", a package PyPI does
    not have) as this version's, in place."""
    from .start_here_forms import EARLIER_LITE, LITE

    if EARLIER_LITE not in texts:
        return []
    ref = f"A{texts.index(EARLIER_LITE) + 1}"
    xml = package.sheet(title)
    xml.put(ref, xml.text_element(ref, xml.style(ref), LITE))
    return [f"{quote_sheetname(title)}!{ref}: the xlwings Lite line of this version (requirements.txt names the "
            f"xl-retention wheel's URL), {REPLACED}"]  # fmt: skip


def _tail(package: ip.Package, wb: Any, title: str, texts: list[Any]) -> list[str]:
    """The rows after "Purchases and visits, Lifetime value, Cohorts: type the yellow cells." as this version's
    (:func:`.start_here_forms.groups`) where they hold an earlier template's words, each row the user changed kept
    (with the rows this version adds after it); the sheet's print area, column A's width and its one page tall as
    this version's where they are the earlier template's. Nothing is written where the rows this version's words need
    below the earlier ones hold anything (a note says so)."""
    from .start_here_forms import ANCHOR, EARLIER_TAILS, TAIL, groups

    if ANCHOR not in texts:
        return []
    first = texts.index(ANCHOR) + 1  # the 0-based index of the first row after it
    rows = [text if text != "" else None for text in texts[first:]]

    def score(form: tuple[str | None, ...]) -> int:
        return sum(1 for i, line in enumerate(form) if line is not None and i < len(rows) and rows[i] == line)

    def words(form: tuple[str | None, ...]) -> int:
        return sum(1 for line in form if line is not None)

    # the form most of whose lines are there, then the one with fewest changed (of two alike, this version's)
    form = max([*EARLIER_TAILS, TAIL], key=lambda f: (score(f), score(f) - words(f), f is TAIL))
    if form is TAIL or 2 * score(form) < words(form):
        return []  # this version's words (yours in some rows), or no template's
    mine = [i for i, line in enumerate(form) if (rows[i] if i < len(rows) else None) != line]
    out: list[tuple[str | None, int | None]] = []  # each row's text and the earlier row whose style it takes
    for i, group in enumerate(groups(form)):
        said = group.lines[: group.said] if i not in mine else (rows[i] if i < len(rows) else None,)
        out += [(line, i) for line in said] + [(line, None) for line in group.lines[group.said :]]
    if [line for line, _ in out] == rows[: len(out)]:
        return []
    xml = package.sheet(title)
    a, end, was = first + 1, first + len(out), first + len(form)
    cells = f"{quote_sheetname(title)}!A{a}:A{end}"
    for row in range(was + 1, end + 1):
        element = xml.cell(f"A{row}")
        if element is not None and ip.has_content(element):
            return [f"{quote_sheetname(title)}!A{a}:A{was} keep an earlier template's words, which tell of its "
                    f"earlier behaviour: this version's need rows {a} to {end}, and A{row} holds text of yours "
                    "(move it, then run upgrade again)"]  # fmt: skip
    plain, attrs = xml.style(f"A{a}"), xml.row_attrs(a)
    styles = [xml.style(f"A{a + i}") for i in range(len(form))]
    for row, (line, source) in enumerate(out, start=a):
        style = styles[source] if source is not None else plain
        if line is None:
            xml.put(f"A{row}", None if style is None else xml.element(f"A{row}", style))
        else:
            xml.put(f"A{row}", xml.text_element(f"A{row}", style, line), row_attrs=attrs)
    _page(package, wb, title, was, end)
    kept = [f"A{row}" for row, (line, source) in enumerate(out, start=a) if source in mine and line is not None]
    yours = f"; {', '.join(kept)} kept as you wrote {'them' if len(kept) > 1 else 'it'}" if kept else ""
    return [f"{cells}: this version's words on filling a month, the charts and errors, {REPLACED} (A{a}:A{was}, "
            f"which told of its earlier behaviour){yours}"]  # fmt: skip


_PAGE_SETUP = re.compile(rb"<(?:\w+:)?pageSetup\b[^>]*>")


def _page(package: ip.Package, wb: Any, title: str, was: int, end: int) -> None:
    """The sheet's print area ``A1:A{was}`` (the earlier template's) as ``A1:A{end}``, its column A of an earlier
    template's width as this version's, and printed one page tall (as this version's) where the earlier template
    printed it one page wide and as many tall as it took, landscape where that was portrait."""
    from .dashboard_layout import print_area_of
    from .nps_widths import widened_columns
    from .sheets import START_TEXT
    from .start_here_forms import EARLIER_WIDTHS

    found = print_area_of(package, title)
    if found is not None and found[1].rsplit("!", 1)[-1] == f"$A$1:$A${was}":
        match, text = found
        area = ip.escape(f"{text.rsplit('!', 1)[0]}!$A$1:$A${end}").encode()
        workbook = package.data["xl/workbook.xml"]
        package.data["xl/workbook.xml"] = workbook[: match.start(3)] + area + workbook[match.end(3) :]
    xml = package.sheet(title)
    width = round(1.25 * max(len(text) for text, _ in START_TEXT))  # as sheets.start_here_sheet sets it
    xml.head, _ = widened_columns(xml.head, xml.prefix, {1: width}, EARLIER_WIDTHS)
    setup = _PAGE_SETUP.search(xml.tail)
    if setup is not None and ip.attribute(setup.group(0), b"fitToHeight") == b"0":
        one = setup.group(0).replace(b'fitToHeight="0"', b'fitToHeight="1"')
        if ip.attribute(one, b"orientation") == b"portrait" and ip.attribute(one, b"fitToWidth") == b"1":
            # a285f8be's (2026-11-30), whose lines ran past a portrait page in LibreOffice: landscape, as now
            one = one.replace(b'orientation="portrait"', b'orientation="landscape"')
        xml.tail = xml.tail[: setup.start()] + one + xml.tail[setup.end() :]
