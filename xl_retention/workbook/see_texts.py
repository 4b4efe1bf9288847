"""The template's "see Customers!F3" follows a sheet the user renamed.

The Dashboard's figures say where an error is instead of showing it: ``"see Customers!"&ADDRESS(...)``, ``"see
Lifetime value!B8"`` (:func:`.dashboard.error_after`). The sheet's name is text in the formula, which Excel does not
rename with the sheet (its references and the template's names follow it, as extend and import do since 8780316):
after Customers was renamed Kunden, the Dashboard said "see Customers!F3", a sheet there is no more.
:func:`follow_renamed_sheets`, run by ``extend`` and ``import``, rewrites that text in every formula that has it to
the sheet's name now, where the template's sheet is renamed (gone under its title, found under another); a text of
the user's naming a sheet that is there is theirs, left as it is. The Dashboard's note under its figures says the
same in plain text ("(see Customers!F3)"): where it is the template's note, it names the sheet (and its CRR column)
as they are now.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter, quote_sheetname

from ..sheet_names import written
from . import inplace as ip
from .dashboard import EARLIER_FIGURES_NOTE_ENDS, figures_note
from .inplace import escape
from .monthly import COHORTS_TITLE
from .template import CUSTOMERS, LIFETIME_TITLE
from .upgrade import _lifetime_title

if TYPE_CHECKING:
    from .found import FoundSheet

#: the defined name of the cohort triangle (:data:`.fill.COHORT_NAME`), which follows the Cohorts sheet's renames
COHORT_COUNTS = "Cohort_Counts"

__all__ = ["follow_renamed_sheets", "notes_of_renamed", "renamed_titles", "see_text_renamed"]

_F = re.compile(rb"(<(?:\w+:)?f\b[^>]*>)([^<]*)(</(?:\w+:)?f\s*>)")


def see_text_renamed(formula: str, renamed: dict[str, str]) -> str:
    """``formula`` with each ``"see OLD!`` (a text the template writes) naming ``renamed[OLD]`` instead.

    >>> see_text_renamed('=IF(X,"see Customers!"&ADDRESS(1,2,4),Y)', {"Customers": "Kunden"})
    '=IF(X,"see Kunden!"&ADDRESS(1,2,4),Y)'
    >>> see_text_renamed('=IF(ISERROR(CLV),"see Lifetime value!B8",CLV)', {"Lifetime value": "CLV"})
    '=IF(ISERROR(CLV),"see CLV!B8",CLV)'
    >>> see_text_renamed('="see Customersheet!A1"', {"Customers": "Kunden"})
    '="see Customersheet!A1"'

    A name is written as a formula writes it, quoted where it has a space, and found so too:

    >>> see_text_renamed("=IF(ISERROR(CLV),\\"see 'Lifetime value'!B8\\",CLV)", {"Lifetime value": "Customer value"})
    '=IF(ISERROR(CLV),"see \\'Customer value\\'!B8",CLV)'
    """
    for old, new in renamed.items():
        now = written(new).replace(chr(34), chr(34) * 2)
        for was in dict.fromkeys((written(old), old)):
            formula = formula.replace(f'"see {was}!', f'"see {now}!')
            formula = formula.replace(f"which starts in {was}!", f"which starts in {now}!")
        for form in _PROSE:  # the sheet's name in a sentence, unquoted
            formula = formula.replace(form.format(old), form.format(new.replace(chr(34), chr(34) * 2)))
    return formula


#: the template's notes naming a sheet in a sentence (H486's finding 07: "the note beside the fit on Cohorts says
#: why" with Cohorts renamed Signups); "{}" is the sheet's name
_PROSE = (
    "the note beside the fit on {} says why",
    "'s: {} stops there",
    ", {} runs to ",
    "or fill {}: its default",
    "is no month of {}: add it there",
)
#: the sheet's name in each of those sentences, whatever it is now (:func:`prose_unnamed`)
_PROSE_NAMES = [
    re.compile(re.escape(form.split("{}")[0]) + r'[^"]*?' + re.escape(form.split("{}")[1])) for form in _PROSE
]


def prose_unnamed(formula: str) -> str:
    """``formula`` with the sheet's name left out of the template's sentences naming one (:data:`_PROSE`): the
    template's note and the same note after a sheet's rename (:func:`see_text_renamed`) read alike, so that it is
    known as the template's (H510's finding 01: Dashboard!E9 called "cells of yours" after Revenue became MRR).

    >>> prose_unnamed('=", Customers runs to 2027"'), prose_unnamed('=", Kunden runs to 2027"')
    ('=",  runs to 2027"', '=",  runs to 2027"')
    """
    for form, pattern in zip(_PROSE, _PROSE_NAMES, strict=True):
        formula = pattern.sub(form.replace("{}", ""), formula)
    return formula


#: what a formula holding one of those notes holds (the cells looked at)
_MARKS = (b"see ", b"which starts in ", b"says why", b"stops there", b"or fill ", b"is no month of ")


def _marked(raw: bytes) -> bool:
    return any(mark in raw for mark in _MARKS)


def _renamed(wb: Any, sheets: list[FoundSheet]) -> dict[str, str]:
    """The template's sheets the user renamed (gone under their titles): template title -> title now."""
    renamed = {s.template.title: s.spec.title for s in sheets if s.template.title != s.spec.title}
    lifetime = _lifetime_title(wb)
    if lifetime is not None and lifetime != LIFETIME_TITLE:
        renamed[LIFETIME_TITLE] = lifetime
    cohorts = _cohorts_title(wb)
    if cohorts is not None and cohorts != COHORTS_TITLE:
        renamed[COHORTS_TITLE] = cohorts
    return {old: new for old, new in renamed.items() if old not in wb.sheetnames}


def renamed_titles(wb: Any) -> dict[str, str]:
    """The template's sheets the user renamed (:func:`_renamed`), the monthly ones found by their names
    (:func:`.found.monthly_titles`); none where they cannot be told apart (a copy: refused where they are read)."""
    from .found import monthly_titles

    try:
        titles = monthly_titles(wb, "", "upgrade")
    except ip.LayoutError:
        titles = {}
    return {
        old: new
        for old, new in _renamed(wb, []).items() | {(t, n) for t, n in titles.items() if t != n}
        if old not in wb.sheetnames
    }


def _cohorts_title(wb: Any) -> str | None:
    """The title of the sheet holding the cohort triangle (the name ``Cohort_Counts``), None where there is none."""
    defined = wb.defined_names.get(COHORT_COUNTS)
    try:
        return next(iter(defined.destinations))[0] if defined is not None else None
    except (StopIteration, ValueError, TypeError, AttributeError):  # #REF! or a name of no cell
        return None


@functools.cache
def _cohorts_texts() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The Lifetime value sheet's fixed texts naming the Cohorts sheet (its sBG rows' labels, "sBG alpha (fitted on
    Cohorts)", and the notes under its figures): each as a pattern of the text naming any sheet (its one group), and
    the text with a NUL for the name. Taken from the template's sheet as :func:`.lifetime_value.lifetime_sheet`
    writes it."""
    from openpyxl import Workbook

    from .lifetime_value import lifetime_sheet

    ws = lifetime_sheet(Workbook(), LIFETIME_TITLE, {})
    texts = [cell.value for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    forms = [
        text.replace(COHORTS_TITLE, "\0")
        for text in texts
        if not text.startswith("=") and text.count(COHORTS_TITLE) == 1
    ]
    return tuple((re.compile("(.+)".join(re.escape(part) for part in form.split("\0"))), form) for form in forms)


def _cohorts_labels(wb: Any, renamed: dict[str, str]) -> tuple[str | None, list[tuple[str, str]]]:
    """The Lifetime value sheet's title and its fixed texts (:func:`_cohorts_texts`) that name another sheet than the
    Cohorts sheet's title now, where the user renamed it (H486's finding 07 for the labels: "sBG alpha (fitted on
    Cohorts)" beside a sheet renamed Signups): each cell and its text naming the sheet as it is now."""
    now, title = renamed.get(COHORTS_TITLE), _lifetime_title(wb)
    if now is None or title is None or not hasattr(wb[title], "iter_rows"):
        return title, []
    found = []
    for r, row in enumerate(wb[title].iter_rows(max_row=_LABEL_ROWS, max_col=3, values_only=True), start=1):
        for c, text in enumerate(row, start=1):
            if not isinstance(text, str) or text.startswith("="):
                continue
            for pattern, form in _cohorts_texts():
                named = pattern.fullmatch(text)
                if named is not None and named[1] != now:
                    found.append((f"{get_column_letter(c)}{r}", form.replace("\0", now)))
                    break
    return title, found


#: the rows the Lifetime value sheet's labels and notes are looked for in (the template's 19, with note rows inserted)
_LABEL_ROWS = 60


def notes_of_renamed(package: ip.Package, wb: Any, sheets: Iterable[FoundSheet]) -> tuple[dict[str, str], list[str]]:
    """The template's sheets renamed (:func:`_renamed`) and the formula cells whose ``"see SHEET!`` text still names
    one of them under its old title (``'Dashboard'!B4``): what :func:`follow_renamed_sheets` rewrites; nothing is
    changed (H189's finding 02: recalc said nothing of notes sending the user to a sheet the workbook no longer has)."""
    renamed = _renamed(wb, list(sheets))
    cells: list[str] = []
    if not renamed:
        return renamed, cells
    for xml in package.sheets_holding(_marked):
        for ref, element in xml.cells_where(_marked):
            found = _F.search(element)
            if found is not None and see_text_renamed(formula := ip.unescape(found.group(2)), renamed) != formula:
                cells.append(f"{quote_sheetname(xml.title)}!{ref}")
    title, labels = _cohorts_labels(wb, renamed)
    cells += [f"{quote_sheetname(title)}!{ref}" for ref, _ in labels]
    return renamed, cells


def follow_renamed_sheets(package: ip.Package, wb: Any, sheets: Iterable[FoundSheet]) -> list[str]:
    """Rewrite the template's ``"see SHEET!`` texts in the formulas of ``package`` (``wb``: the same workbook opened
    with openpyxl) for each monthly sheet of ``sheets`` and the Lifetime value sheet renamed by the user, and the
    Dashboard's note under its figures, whose example (``see Customers!F3``) is plain text. Returns a note for each
    note under the figures that held an earlier template's words (:func:`_follow_note`)."""
    sheets = list(sheets)
    renamed = _renamed(wb, sheets)
    customers = next((s for s in sheets if s.template.title == CUSTOMERS.title), None)
    notes: list[str] = []
    if customers is not None and (CUSTOMERS.title in renamed or customers.spec.title == CUSTOMERS.title):
        notes = _follow_note(package, wb, customers)
    if not renamed:
        return notes
    for xml in package.sheets_holding(_marked):
        for ref, element in xml.cells_where(_marked):
            found = _F.search(element)
            if found is None:
                continue
            formula = ip.unescape(found.group(2))
            new = see_text_renamed(formula, renamed)
            if new != formula:
                text = found.group(1) + escape(new).encode() + found.group(3)
                xml.put(ref, element[: found.start()] + text + element[found.end() :])
    title, labels = _cohorts_labels(wb, renamed)
    for ref, text in labels:  # "sBG alpha (fitted on Signups)"
        xml = package.sheet(title)
        xml.put(ref, xml.text_element(ref, xml.style(ref), text))
    return notes


def _follow_note(package: ip.Package, wb: Any, customers: FoundSheet) -> list[str]:
    """The Dashboard's note (A10, a text the template wrote) naming the Customers sheet, ``customers``, as it is
    now (renamed, Kunden) and its CRR column (G where the user inserted a column before it) instead of
    ``Customers!F3`` (or the name an earlier run wrote there); an earlier template's note (:data:`EARLIER_NOTES`,
    telling of charts that start after the data's first month) as this version's. Returns a note for each cell that
    held an earlier template's words, and for a note of the template's first words the user changed (kept)."""
    crr = customers.columns.get("crr")
    if crr is None:
        return []
    now = figures_note(f"{written(customers.spec.title)}!{get_column_letter(crr)}3")
    before, after = figures_note("\0").split("\0")
    forms = [(before, after)] + [(before, after.split(". ", 1)[0] + ". " + end) for end in EARLIER_FIGURES_NOTE_ENDS]
    notes: list[str] = []
    for title in wb.sheetnames:
        ws = wb[title]
        if not hasattr(ws, "iter_rows"):  # a chart sheet
            continue
        for row in ws.iter_rows(min_row=1, max_row=_NOTE_ROWS, max_col=_NOTE_COLUMNS):
            for cell in row:
                text = cell.value
                if (
                    isinstance(text, str)
                    and text != now
                    and any(
                        text.startswith(first)
                        and text.endswith(last)
                        and len(text) > len(first) + len(last)
                        and not set("()") & set(text[len(first) : len(text) - len(last)])
                        for first, last in forms
                    )
                ):  # the template's note (this one's or an earlier's), naming the sheet as it was when it was written
                    xml = package.sheet(title)
                    ref = f"{get_column_letter(cell.column)}{cell.row}"
                    xml.put(ref, xml.text_element(ref, xml.style(ref), now))
                    if not text.endswith(after):
                        notes.append(f"{quote_sheetname(title)}!{ref}: {_NOTE_NOW}")
                elif text in EARLIER_NOTES:  # before 258570c3 (2026-12-01): no "(see Customers!F3)"
                    xml = package.sheet(title)
                    ref = f"{get_column_letter(cell.column)}{cell.row}"
                    xml.put(ref, xml.text_element(ref, xml.style(ref), now))
                    notes.append(f"{quote_sheetname(title)}!{ref}: {_NOTE_NOW}")
                elif isinstance(text, str) and text != now and text.startswith(_FIRST_WORDS) and title == _DASHBOARD:
                    kept = "the note under the latest figures kept as you wrote it (this version's says where the"
                    notes.append(f"{quote_sheetname(title)}!{ref_of(cell)}: {kept} charts start: see a new tracker's)")
    return notes


def ref_of(cell: Any) -> str:
    """``A10`` of an openpyxl cell."""
    return f"{get_column_letter(cell.column)}{cell.row}"


_DASHBOARD = "Dashboard"
#: how the template's note under the latest figures starts, in every template that has one
_FIRST_WORDS = "Each figure is the last month that has it"
#: the words a note under the figures says in place of an earlier template's
_NOTE_NOW = (
    "this version's note under the latest figures (the charts start at the first month with a retention rate), "
    "in place of an earlier template's"
)
#: the notes under the latest figures of a285f8be and f4c6df82 (2026-11-30), before they named where an error is
EARLIER_NOTES = (
    "Each figure is the last month that has it; charts leave months without data out.",
    "Each figure is the last month that has it. Charts show the months whose movements are known: from the month "
    "after the data's first (nobody is a customer at its start) to the last month with data.",
)


#: where the note is looked for: the Dashboard's print area (A1:G54, earlier templates' A1:Q66), wherever it was moved
_NOTE_ROWS, _NOTE_COLUMNS = 66, 17
