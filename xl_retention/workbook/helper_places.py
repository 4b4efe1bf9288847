"""Where ``upgrade``, ``extend`` and ``import --into`` write a template column the tracker lacks: never into a column
of the user's.

A formula column of this version's template that a monthly sheet lacks (no header of the template's: a first
template's tracker never had the hidden helper columns, or the user deleted them) is written where the template puts
it (:func:`.upgrade._put_back`, :func:`.upgrade_helpers.continue_helpers`). When the user has a column of their own
there (a header or any cell holding something other than the template's formula for it: Customers!H1 'Owner' with
values below), that wrote the template's formulas into its blank cells, visibly, and reported them as "hidden
helper columns" (H469's finding 02). :func:`clear_of_yours` gives each such hidden helper column the first columns
right of everything on the sheet instead (its header, hiding and defined name follow the letter:
:func:`.upgrade_helpers.restore_helpers`; the first template's charts find their chart column by header); a visible
column of the template there is not written at all.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.utils import column_index_from_string, get_column_letter

from . import inplace as ip
from .put_back import PutBack
from .template import FIRST_ROW, render_formula

if TYPE_CHECKING:
    from .found import FoundSheet

__all__ = ["Placed", "clear_of_yours", "left_out", "repoint_template_charts"]

_F = re.compile(rb"<(?:\w+:)?f\b[^>]*>([^<]*)</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>", re.S)
# a reference (a sheet's name, a cell or a range, $ or not, a whole column) as one mark: formulas of one skeleton are
# the template's whatever rows, columns or answers' sheet they read
_REFERENCE = re.compile(
    r"(?:'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}(?:\$?\d+)?(?::\$?[A-Z]{1,3}(?:\$?\d+)?)?(?![\w(])"
)


class Placed(dict[str, str]):
    """The letters of a sheet's template columns where they are written (key -> letter), with ``moved``: each hidden
    helper column put right of the user's columns, key -> the template's letter, which holds a column of the user's,
    and ``left``: each visible column left out, key -> the template's letter, which holds a column of the user's."""

    moved: dict[str, str]
    left: dict[str, str]


def _skeleton(formula: str) -> str:
    """``formula`` upper case, without spaces and the prefixes a save adds, each reference one ``#``."""
    text = formula.upper().removeprefix("=").replace("_XLFN.", "").replace("_XLUDF.", "").replace("_XLWS.", "")
    return _REFERENCE.sub("#", re.sub(r"\s+", "", text))


def _skeletons(column: Any, letters: dict[str, str], forms: tuple[str, ...]) -> set[str]:
    """The skeletons of the template's formula of ``column`` and its earlier ``forms`` (those that render)."""
    out = set()
    for form in (column.formula, *forms):
        try:
            out.add(_skeleton(render_formula(form, letters, FIRST_ROW + 1, {"scores": "A1"})))
        except KeyError:  # a column the form reads that the sheet lacks
            continue
    return out


def clear_of_yours(xml: ip.SheetXml, found: FoundSheet, spec: Any, letters: dict[str, str], earlier: Any) -> Placed:
    """``letters`` (key -> the column letter each of ``spec``'s columns is read and written at on ``found``'s sheet,
    ``xml``) with each formula column the sheet lacks whose letter holds a column of the user's (a cell with anything
    but the template's formula for it, or its earlier forms in ``earlier[(title, key)]``) moved: a hidden helper
    column to the first free column right of the sheet's cells, a visible one left out (not written)."""
    contents: dict[int, list[bytes]] = {}
    for ref, element in xml.cells_in_rows(1, max(xml.rows, default=0)):
        if ip.has_content(element):
            contents.setdefault(ip.split_ref(ref)[1], []).append(element)
    out = Placed(letters)
    out.moved = {}
    out.left = {}
    yours: list[Any] = []
    for column in spec.columns:
        if column.formula is None or column.key in found.columns or column.key in found.early:
            continue
        if column.key not in letters:
            continue
        cells = contents.get(column_index_from_string(letters[column.key]), [])
        if not cells:
            continue
        shapes = _skeletons(column, letters, tuple(earlier.get((spec.title, column.key), ())))
        texts = [ip.unescape(m.group(1)) for e in cells if (m := _F.search(e)) and m.group(1)]
        if any(_skeleton(text) in shapes for text in texts):
            continue  # the template's column, its header renamed or cleared
        yours.append(column)
    if not yours:
        return out
    for column in yours:
        del out[column.key]
    taken = set(contents) | {column_index_from_string(letter) for letter in out.values()}
    free = max(taken, default=0) + 1
    for column in yours:
        if column.hidden:
            out.moved[column.key] = letters[column.key]
            out[column.key] = get_column_letter(free)
            free += 1
        else:
            out.left[column.key] = letters[column.key]
    return out


# one reference to one sheet's cells or a range of them: the sheet (with its !), first column, first row, last column,
# last row
_ONE = re.compile(r"^((?:'(?:[^']|'')+'|[^'!]+)!)\$?([A-Z]{1,3})(\$?\d+)(?::\$?([A-Z]{1,3})(\$?\d+))?$")
_DEFINED = re.compile(rb"<(?:[\w.\-]+:)?definedName\b([^>]*)>([^<]*)</(?:[\w.\-]+:)?definedName\s*>")


def _reads(text: str, title: str, letter: str) -> bool:
    """Whether ``text`` is one reference to column ``letter`` of sheet ``title`` (a cell or a range within it)."""
    found = _ONE.match(text.strip())
    if found is None or found[1][:-1].strip("'").replace("''", "'") != title or found[2] != letter:
        return False
    return found[4] is None or found[4] == letter


def _text(package: ip.Package, element: bytes | None) -> str:
    """The text a cell ``element`` of ``package`` holds (a shared string or an inline one), or ""."""
    if element is None:
        return ""
    kind = ip.attribute(re.match(rb"<[^>]*>", element).group(0), b"t")  # type: ignore[union-attr]
    value = re.search(rb"<(?:\w+:)?v>([^<]*)<", element)
    if kind == b"s" and value is not None:
        from io import BytesIO

        from openpyxl.reader.strings import read_string_table

        part = next((n for n in package.data if n.lower() == "xl/sharedstrings.xml"), None)
        texts = [str(text) for text in read_string_table(BytesIO(package.data[part]))] if part else []
        index = int(value.group(1))
        return texts[index] if index < len(texts) else ""
    if kind in (b"inlineStr", b"str"):
        return ip.unescape(
            b"".join(re.findall(rb"<(?:\w+:)?t\b[^>]*>([^<]*)<", element)) or (value.group(1) if value else b"")
        )
    return ""


def left_out(package: ip.Package, found: FoundSheet, spec: Any, title: str, places: Placed) -> list[str]:
    """Each visible column of the template :func:`clear_of_yours` left out of sheet ``title`` (``places.left``: its
    place holds a column of the user's) as a :class:`.put_back.PutBack` (``"left out"``: the sheet and the template's
    letter, with ``header``, the template's, ``yours``, the user's header there, and ``name``, the template's defined
    name of the column, removed from ``package`` here where it read the user's column: Revenue_Quick_Ratio over
    'Revenue'!$O$2:$O$5, 'Budget', would otherwise give the user's figures as quick ratios)."""
    from openpyxl.utils import quote_sheetname

    out: list[str] = []
    for column in spec.columns:
        letter = getattr(places, "left", {}).get(column.key)
        if letter is None:
            continue
        removed = ""

        def drop(match: re.Match[bytes], name: str = column.name or "", letter: str = letter) -> bytes:
            nonlocal removed
            said = re.search(rb'\bname="([^"]+)"', match.group(1))
            if said is None or b"localSheetId" in match.group(1) or said.group(1).decode().upper() != name.upper():
                return match.group(0)
            if not _reads(ip.unescape(match.group(2)), title, letter):
                return match.group(0)
            removed = said.group(1).decode()
            return b""

        if column.name and "xl/workbook.xml" in package.data:
            package.edit("xl/workbook.xml", lambda data: _DEFINED.sub(drop, data))
        header = _text(package, package.sheet(title).cell(f"{letter}1"))
        ref = PutBack(f"{quote_sheetname(title)}!{letter}", "left out")
        ref.header, ref.name = column.header, removed
        ref.yours = header.strip()
        out.append(ref)
    return out


def repoint_template_charts(package: ip.Package, title: str, places: Placed) -> None:
    """Point each series of the template's own charts in ``package`` (:func:`.chart_ranges.template_chart_parts`) that
    reads a column :func:`clear_of_yours` moved on sheet ``title`` (the user's column now there: cleared and reused)
    at the column the template's is written in now; a chart of the user's is left as it is."""
    if not places.moved:
        return
    from .chart_ranges import SERIES_FORMULA, template_chart_parts

    to = {old: places[key] for key, old in places.moved.items()}

    def moved(text: str) -> str:
        found = _ONE.match(text.strip())
        if found is None or found[1][:-1].strip("'").replace("''", "'") != title or found[2] not in to:
            return text
        if found[4] is not None and found[4] != found[2]:
            return text  # a range over several columns: not the template's series
        new = to[found[2]]
        tail = f":${new}{found[5]}" if found[4] is not None else ""
        return f"{found[1]}${new}{found[3]}{tail}"

    for chart in sorted(template_chart_parts(package)):

        def f(match: re.Match[bytes]) -> bytes:
            text = ip.unescape(match.group(2))
            new = moved(text)
            return match.group(0) if new == text else match.group(1) + ip.escape(new).encode() + match.group(3)

        package.data[chart] = SERIES_FORMULA.sub(f, package.data[chart])
