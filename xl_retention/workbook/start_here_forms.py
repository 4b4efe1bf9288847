"""The words earlier templates wrote on the Start here sheet under "Fill a month" (after its "Purchases and visits,
Lifetime value, Cohorts: type the yellow cells." row to the sheet's end), as ``git show
COMMIT:workbooks/retention_template.xlsx`` holds them, and how each line became this version's: what
:mod:`.start_here_upgrade` replaces (H459's task 1: an upgraded tracker kept words telling of the earlier behaviour).

>>> [len(form) for form in EARLIER_TAILS]
[8, 10, 10, 10, 12, 13, 14, 15, 15]
>>> all(tuple(line for group in groups(form) for line in group.lines) == TAIL for form in EARLIER_TAILS)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from .sheets import START_TEXT

__all__ = ["ANCHOR", "EARLIER_LITE", "EARLIER_TAILS", "LITE", "TAIL", "Group", "groups"]

#: the row the words follow, in every template
ANCHOR = "Purchases and visits, Lifetime value, Cohorts: type the yellow cells."
_LINES = tuple(text or None for text, _ in START_TEXT)
#: this version's words after :data:`ANCHOR` (None: a blank row)
TAIL = _LINES[_LINES.index(ANCHOR) + 1 :]
(MONTHS, REVENUE, FIRST, CHARTS, NPS, NOTES, _, COLOURS, YELLOW, GREY, _, REFERENCE, ERRORS, NAME, NAME_2) = TAIL
#: the xlwings Lite line of this version and of the templates before ac936941 (2026-11-30: xl-retention is no package
#: of PyPI, requirements.txt names the wheel's URL)
LITE = next(line for line in _LINES if line and line.startswith("Excel on macOS, Windows or the web"))
EARLIER_LITE = "Excel on macOS, Windows or the web: xlwings Lite add-in; requirements.txt: xl-retention;"

_MONTHS_ALL = "Months you have not filled stay blank; a partly filled month shows #VALUE! until it is complete."
_REVENUE_0 = (
    "Revenue: a movement left blank counts as 0: a month's MRR and NRR are final once all its movements are typed."
)
_CHARTS_GAPS = (
    "The Dashboard's charts leave months without data out (gaps), from hidden chart columns (#N/A = no data)."
)
_CHARTS_NA = "The Dashboard's charts leave months without data out (#N/A = no data; xl-retention recalc fits them)."
#: before H497: untrue of a first month typed with its start (the demo's, a tracker filled by hand): an import's only
_FIRST_NONE = "The first month with data has no customers or MRR at its start: its rates are blank, not #DIV/0!."
_NAME_ONE = "#NAME?: the functions are not loaded (LibreOffice: in each cell that stores an error, as the fit's #NUM!)."

#: an earlier line -> the lines of this version that say it now (a line not here is this version's, or gone)
SUCCESSORS: dict[str | None, tuple[str | None, ...]] = {
    _MONTHS_ALL: (MONTHS, REVENUE),  # b86fdae5: a Revenue movement left blank counts as 0, not #VALUE!
    _REVENUE_0: (REVENUE,),  # 32a277e6: a month with no movement typed shows its rates #VALUE!
    _CHARTS_GAPS: (CHARTS,),  # a5d38d1a, 89e21f6d: recalc fits the charts to the months with data
    _CHARTS_NA: (CHARTS,),
    _NAME_ONE: (NAME, NAME_2),  # cd417858: LibreOffice shows Err:504 in the sBG fit's cells
    _FIRST_NONE: (FIRST,),  # H497: the first month without rates is an import's
}
_END = (None, COLOURS, YELLOW, GREY, None, REFERENCE, ERRORS)
#: the earlier templates' words after :data:`ANCHOR`, oldest first
EARLIER_TAILS: tuple[tuple[str | None, ...], ...] = (
    (_MONTHS_ALL, *_END),  # 8b3d91a7 (2026-11-22), the first template
    (_MONTHS_ALL, _FIRST_NONE, _CHARTS_GAPS, *_END),  # a285f8be
    (_MONTHS_ALL, _FIRST_NONE, _CHARTS_NA, *_END),  # a5d38d1a, ac936941
    (_MONTHS_ALL, _FIRST_NONE, CHARTS, *_END),  # 89e21f6d
    (_MONTHS_ALL, _FIRST_NONE, CHARTS, NPS, NOTES, *_END),  # 5e843ac0
    (_MONTHS_ALL, _FIRST_NONE, CHARTS, NPS, NOTES, *_END, _NAME_ONE),  # f6646022 (tests/data's before 2026-12-03)
    (MONTHS, _REVENUE_0, _FIRST_NONE, CHARTS, NPS, NOTES, *_END, _NAME_ONE),  # b86fdae5
    (MONTHS, _REVENUE_0, _FIRST_NONE, CHARTS, NPS, NOTES, *_END, NAME, NAME_2),  # cd417858
    (MONTHS, REVENUE, _FIRST_NONE, CHARTS, NPS, NOTES, *_END, NAME, NAME_2),  # 32a277e6 (2026-12-06)
)
#: column A's width in those templates (openpyxl's units), and in this version's
EARLIER_WIDTHS = (100.0, 110.0, 136.0)


@dataclass(frozen=True)
class Group:
    """What one row of an earlier form becomes: ``lines`` (its successors, then the lines this version added after
    it), ``said``: how many of them say the row's own words anew (its successors)."""

    lines: tuple[str | None, ...]
    said: int


def groups(form: tuple[str | None, ...]) -> list[Group]:
    """Each row of ``form`` (one of :data:`EARLIER_TAILS`) as :data:`TAIL` has it: its :data:`SUCCESSORS` (itself
    where the line is this version's), followed by the lines of :data:`TAIL` added after them; joined they make
    :data:`TAIL`."""
    out: list[list[str | None]] = []
    said: list[int] = []
    at = 0
    for line in form:
        successors = SUCCESSORS.get(line, (line,))
        out.append([])
        said.append(len(successors))
        for wanted in successors:
            while TAIL[at] != wanted:  # a line this version added: after the previous row's
                out[-2 if len(out) > 1 and not out[-1] else -1].append(TAIL[at])
                at += 1
            out[-1].append(TAIL[at])
            at += 1
    out[-1].extend(TAIL[at:])
    return [Group(tuple(lines), n) for lines, n in zip(out, said, strict=True)]
