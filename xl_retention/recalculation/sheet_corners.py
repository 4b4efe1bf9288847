"""A range written with its sheet on both corners, ``Cohorts!B2:Cohorts!B7``, ``'Q3 data'!A1:'Q3 data'!A5``,
``S!$A:S!$A``: Excel's range operator between two sheet-qualified references (valid syntax, which scripts and some
tools write, and Excel keeps as typed).

formualizer 0.13 reads such a range inside SUM but gives ``#REF!`` for it in arithmetic and arrays
(``=Cohorts!B2:Cohorts!B7*1``, ``{=SUM('Q3 data'!A1:'Q3 data'!A5*2)}``), which recalc listed with no reason under
status ok. :func:`same_sheet_corners` writes a range whose corners are on one sheet as that sheet's range
(``Cohorts!B2:B7``: the same cells). Corners on two sheets (``Cohorts!B2:Value!B7``) are no range to Excel: its range
operator takes references on one sheet and gives ``#VALUE!`` (IronCalc, which follows Excel, says the same: "Ranges
are in different sheets"); the engine is given ``#VALUE!`` there and :func:`cross_sheet_reasons` names the cell and
the range. A cell joined to a sheet's cell, ``A1:S!A3``, is that range too: S!A1:A3 on sheet S, ``#VALUE!`` on another
(it was read as a 3-D reference from a sheet 'A1', which Excel would write quoted). A defined name of corners on two
sheets (``'S'!$A$1:'T'!$A$2``) is the engine's ``#REF!``: :func:`named_cross_sheet_reasons` names the name and both
sheets, vouched for only where Excel stored ``#REF!`` too (:func:`.unexplained_refs.unvouched`).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ..cells import CellError
from ..sheet_names import NAME, SHEET, written
from .text_literals import LITERALS as _LITERAL

if TYPE_CHECKING:
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = [
    "NAMED_ACROSS_TAIL",
    "cross_sheet_ranges",
    "cross_sheet_reasons",
    "has_sheet_corners",
    "named_cross_sheet_reasons",
    "same_sheet_corners",
]

#: a corner of a range: a cell (``$B$2``), a column (``$A``) or a row (``7``), each with its ``$``
_CORNER = r"\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+"
#: two sheet-qualified corners joined by ``:`` (not a 3-D reference's last sheet, ``Jan:Mar!B2``; not a linked
#: workbook's ``[1]S!A1``; not a name or a call after them)
_PAIR = re.compile(
    r"(?<![\w.$!'\]\\:])(?P<left>" + SHEET + r")!(?P<first>" + _CORNER + r")(?![\w.$(!\[])"
    r"(?P<colon>\s*:\s*)(?P<right>" + SHEET + r")!(?P<second>" + _CORNER + r")(?![\w.$(!\[])"
)
#: a cell of the formula's own sheet joined by ``:`` to a sheet-qualified cell: ``A1:S!A3`` (a bare ``A1`` is no
#: sheet's name, which Excel writes quoted, ``'A1'!A3``: no 3-D reference)
_BARE = re.compile(
    r"(?<![\w.$!'\]\\:])(?P<first>\$?[A-Za-z]{1,3}\$?\d+)(?P<colon>\s*:\s*)(?P<right>" + SHEET + r")!"
    r"(?P<second>\$?[A-Za-z]{1,3}\$?\d+)(?![\w.$(!\[:])"
)
_CELL = re.compile(r"\$?[A-Za-z]{1,3}\$?\d+")
_COLUMN = re.compile(r"\$?[A-Za-z]{1,3}")


def _title(sheet: str) -> str:
    return sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet


def _kind(corner: str) -> str:
    return "cell" if _CELL.fullmatch(corner) else "column" if _COLUMN.fullmatch(corner) else "row"


def _pairs(text: str) -> list[re.Match[str]]:
    """The sheet-qualified corner pairs of ``text`` outside its quoted texts, both corners of one kind."""
    if "!" not in text or ":" not in text:
        return []
    masked = _LITERAL.sub(lambda m: '"' + "_" * (len(m.group(0)) - 2) + '"', text)
    return [m for m in _PAIR.finditer(masked) if _kind(m.group("first")) == _kind(m.group("second"))]


def has_sheet_corners(text: str) -> bool:
    """Whether ``text`` (a formula) joins two sheet-qualified corners with ``:`` (on one sheet or two), or a cell to a
    sheet-qualified one (``A1:S!A3``).

    >>> has_sheet_corners("=SUM(S!A1:S!A5*2)"), has_sheet_corners("=SUM(S!A1:A5*2)"), has_sheet_corners("=Jan:Mar!B2")
    (True, False, False)
    >>> has_sheet_corners("=SUM(A1:S!A3)")
    True
    """
    return bool(_pairs(text)) or bool(_bare(text))


def same_sheet_corners(
    text: str, across: bool = True, sheet: str | None = None, sheets: frozenset[str] | set[str] | None = None
) -> str:
    """``text`` (a formula) with each range written with its sheet on both corners written once, where both are on
    one sheet (its name compared as Excel does, without case or quotes); a range of corners on two sheets as the
    error value ``#VALUE!``, Excel's answer for it (``across`` False: left as it is, in a defined name's
    definition); ``text`` itself when it has neither. ``sheet``, the formula's own sheet: a cell of it joined to a
    sheet-qualified one (``A1:S!A3``, which the engine answers with #REF!) is that sheet's range (``S!A1:A3``) on
    sheet S, ``#VALUE!`` on another (``across``), unless the workbook's ``sheets`` (lower case) lack S (a sheet
    deleted or renamed: the engine's #REF!, :mod:`.missing_references` names it).

    >>> same_sheet_corners("=1-AVERAGE(Cohorts!C2:C7/Cohorts!B2:Cohorts!B7)")
    '=1-AVERAGE(Cohorts!C2:C7/Cohorts!B2:B7)'
    >>> same_sheet_corners("=SUM('Q3 data'!$A$1:'q3 DATA'!A5*2)+SUM(S!A:S!$A)+COUNT(S!1:'S'!3)")
    "=SUM('Q3 data'!$A$1:A5*2)+SUM(S!A:$A)+COUNT(S!1:3)"
    >>> same_sheet_corners('=SUM(A!A1:B!A5)&"A!A1:A!A5"'), same_sheet_corners("=SUM(Jan:Mar!B2)")
    ('=SUM(#VALUE!)&"A!A1:A!A5"', '=SUM(Jan:Mar!B2)')
    >>> same_sheet_corners("A!$A$1:B!$A$5", across=False), same_sheet_corners("'A'!$A$1:A!$A$5", across=False)
    ('A!$A$1:B!$A$5', "'A'!$A$1:$A$5")
    >>> same_sheet_corners("=SUM(A1:s!$A3)", sheet="S"), same_sheet_corners("=SUM(A1:S!A3)", sheet="T")
    ('=SUM(s!A1:$A3)', '=SUM(#VALUE!)')
    >>> same_sheet_corners("=SUM(A1:Gone!A3)", sheet="T", sheets={"t"}), same_sheet_corners("=SUM(A1:S!A3)")
    ('=SUM(A1:Gone!A3)', '=SUM(A1:S!A3)')
    """
    pairs = _pairs(text)
    if pairs:
        out, last = [], 0
        for match in pairs:
            out.append(text[last : match.start()])
            left, right = match.group("left"), match.group("right")
            if _title(left).lower() == _title(right).lower():
                out.append(f"{text[match.start('left') : match.end('colon')]}{match.group('second')}")
            else:
                out.append("#VALUE!" if across else text[match.start() : match.end()])
            last = match.end()
        out.append(text[last:])
        text = "".join(out)
    if sheet is None or "!" not in text:
        return text
    out, last = [], 0
    for match in _bare(text):
        right = _title(match.group("right")).lower()
        if right == sheet.lower():
            out += [
                text[last : match.start()],
                f"{match.group('right')}!{match.group('first')}:{match.group('second')}",
            ]
        elif across and (sheets is None or right in sheets):
            out += [text[last : match.start()], "#VALUE!"]
        else:
            continue
        last = match.end()
    return "".join(out) + text[last:] if out else text


def _bare(text: str) -> list[re.Match[str]]:
    """The ``A1:S!A3`` ranges of ``text`` (a cell of the formula's sheet, then a sheet's cell) outside its texts."""
    if "!" not in text or ":" not in text:
        return []
    return list(_BARE.finditer(_LITERAL.sub(lambda m: '"' + "_" * (len(m.group(0)) - 2) + '"', text)))


def cross_sheet_ranges(text: str, sheet: str | None = None) -> list[str]:
    """The ranges of ``text`` (a formula, on ``sheet`` when given) whose corners are on two sheets, as written.

    >>> cross_sheet_ranges("=SUM(Cohorts!B2:Value!B7)+SUM(S!A1:S!A3)"), cross_sheet_ranges("=SUM(A1:S!A3)", "T")
    (['Cohorts!B2:Value!B7'], ['A1:S!A3'])
    """
    found = [
        text[m.start() : m.end()]
        for m in _pairs(text)
        if _title(m.group("left")).lower() != _title(m.group("right")).lower()
    ]
    if sheet is not None:
        found += [text[m.start() : m.end()] for m in _bare(text) if _title(m.group("right")).lower() != sheet.lower()]
    return found


def cross_sheet_reasons(formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each ``#VALUE!`` cell without a reason whose formula joins corners on two sheets with ``:`` the reason
    naming the cell and the range ("Value!B3: the range Cohorts!B2:Value!B7 joins corners on two sheets, Cohorts and
    Value: Excel's range operator (:) takes references on one sheet and gives #VALUE! (#VALUE!)"; ``=SUM(A1:S!A3)``
    on sheet T: "the range A1:S!A3 joins T!A1, a cell of the formula's own sheet, and S!A3: ..."); returns how many
    got one."""
    from .formula_texts import position  # noqa: PLC0415  (formula_texts reads this module's pattern)

    named = 0
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.message or value.code != "#VALUE!":
                continue
            place = position(ref)
            if place not in texts:
                continue
            text = texts[place]
            if "!" not in text or ":" not in text:
                continue
            pairs = [m for m in _pairs(text) if _title(m.group("left")).lower() != _title(m.group("right")).lower()]
            bare = [m for m in _bare(text) if _title(m.group("right")).lower() != sheet.lower()]
            if pairs:
                first = pairs[0]
                joined = f"corners on two sheets, {_title(first.group('left'))} and {_title(first.group('right'))}"
            elif bare:
                first = bare[0]
                joined = (
                    f"{written(sheet)}!{first.group('first')}, a cell of the formula's own sheet, and "
                    f"{first.group('right')}!{first.group('second')}"
                )
            else:
                continue
            why = (
                f"{written(sheet)}!{ref}: the range {text[first.start() : first.end()]} joins {joined}: Excel's range "
                "operator (:) takes references on one sheet and gives #VALUE!; write both corners on the same sheet "
                "(#VALUE!)"
            )
            cells[ref] = CellError(value.code, why)
            named += 1
    return named


#: the end of :func:`named_cross_sheet_reasons`' reason, before the code: :func:`.unexplained_refs.unvouched` reads it
#: (the engine's #REF!, which Excel may not give: the file is ``ok`` only where Excel stored #REF! there too)
NAMED_ACROSS_TAIL = (
    "Excel's range operator (:) takes references on one sheet (a cell's formula joining two sheets' cells is "
    "#VALUE! in Excel), the embedded engine gives #REF!: write both corners on one sheet, or a 3-D reference "
    "(First:Last!$A$1:$A$2) for the cells of the sheets from First to Last"
)
_WORD = re.compile(r"(?<![\w.$!'\]\\])(" + NAME + r")(?![\w.(!\[])")


def named_cross_sheet_reasons(formulas: dict[str, FormulaTexts], result: Computed, path: str | os.PathLike[str]) -> int:
    """Give each ``#REF!`` cell without a reason whose formula uses a defined name whose definition joins corners on
    two sheets (``two`` = ``'S'!$A$1:'T'!$A$2``; the engine's #REF!) the reason naming the name, its definition and
    both sheets, ending in :data:`NAMED_ACROSS_TAIL`; returns how many got one."""
    from .formula_texts import position  # noqa: PLC0415  (formula_texts reads this module's pattern)

    waiting = [
        (sheet, ref)
        for sheet, cells in result.values.items()
        for ref, value in cells.items()
        if type(value) is CellError and not value.message and value.code == "#REF!" and sheet in formulas
    ]
    across = _names_across(path) if waiting else {}
    named = 0
    for sheet, ref in waiting if across else []:
        texts = formulas[sheet]
        place = position(ref)
        if place not in texts:
            continue
        text = texts[place]
        for match in _WORD.finditer(_LITERAL.sub('""', text)):
            found = across.get((sheet.lower(), match.group(1).lower())) or across.get(("", match.group(1).lower()))
            if found is None:
                continue
            name, definition, left, right = found
            result.values[sheet][ref] = CellError(
                "#REF!",
                f"{written(sheet)}!{ref}: the formula ={text} uses the name {name}, defined as {definition}, a range "
                f"joining corners on two sheets, {left} and {right}: {NAMED_ACROSS_TAIL} (#REF!)",
            )
            named += 1
            break
    return named


def _names_across(path: str | os.PathLike[str]) -> dict[tuple[str, str], tuple[str, str, str, str]]:
    """``{(scope: a sheet's title in lower case or "", name in lower case): (name, definition, first sheet, second
    sheet)}`` of the workbook's defined names whose definitions join corners on two sheets."""
    import zipfile  # noqa: PLC0415
    from xml.etree import ElementTree  # noqa: PLC0415

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    try:
        with zipfile.ZipFile(path) as package:
            root = ElementTree.fromstring(package.read("xl/workbook.xml"))
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    titles = [sheet.get("name", "") for sheet in root.iter(f"{main}sheet")]
    found = {}
    for element in root.iter(f"{main}definedName"):
        name, text = element.get("name") or "", (element.text or "").strip().removeprefix("=")
        pairs = [m for m in _pairs(text) if _title(m.group("left")).lower() != _title(m.group("right")).lower()]
        if not name or not pairs:
            continue
        local = element.get("localSheetId")
        scope = titles[int(local)].lower() if local is not None and local.isdigit() and int(local) < len(titles) else ""
        found[(scope, name.lower())] = (name, text, _title(pairs[0].group("left")), _title(pairs[0].group("right")))
    return found
