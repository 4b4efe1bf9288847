"""Grow the Cohorts sheet to more months, in place, when it is still as the template made it.

The Cohorts sheet stacks tables whose size is the number of months (the survivors triangle,
the retention shares, the sBG fit, the projection, the order cohorts): adding a month moves
every table under the first. Rather than shifting rows and rewriting references, the sheet is
replaced by the template's own Cohorts sheet for the new number of months, when the user's
sheet holds nothing but what the template put there (its input triangles aside) and has no
comments or drawings; otherwise growing refuses with one line naming the first cell that
differs. The new sheet takes the workbook's own styles: each template style is mapped to the
style index of a cell with the same look in the user's sheet. Its defined names (Cohort_Counts,
SBG_Alpha, ...) are updated, and the values typed in the old input triangles are carried over
to the same signup month and month since signup.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from . import inplace as ip
from .template import COHORTS_TITLE, build_template

#: the input triangles of the Cohorts sheet, by defined name
INPUT_NAMES = ("Cohort_Counts", "Order_Cohort_Counts")


@dataclass
class Triangle:
    """An input triangle as laid out: its sheet, corners, signup month of each row and the values in it."""

    title: str
    top: int
    left: int
    bottom: int
    right: int
    rows: dict[pd.Period, int]
    values: dict[tuple[int, int], Any]


def triangle(wb: Any, name: str, source: str) -> Triangle | None:
    """The triangle named ``name`` in an openpyxl workbook (read-only is fine), or None if there is no such name."""
    defined = wb.defined_names.get(name)
    if defined is None:
        return None
    destinations = list(defined.destinations)
    if len(destinations) != 1:
        raise ip.LayoutError(f"{source}: the defined name {name!r} does not name one range")
    title, area = destinations[0]
    if title not in wb.sheetnames:
        raise ip.LayoutError(
            f"{source} has no sheet {title!r}, where the defined name {name!r} (a cohort table the data goes in) "
            "points: put the sheet back (copy it from a new tracker: xl-retention new NEW.xlsx) or import into a "
            "tracker that has it"
        )
    first, _, last = area.replace("$", "").partition(":")
    top, left = ip.split_ref(first)
    bottom, right = ip.split_ref(last or first)
    rows, values = {}, {}
    cells = wb[title].iter_rows(min_row=top, max_row=bottom, min_col=max(left - 1, 1), max_col=right, values_only=True)
    for r, row in enumerate(cells, start=top):
        month = row[0] if left >= 2 else None
        if not isinstance(month, dt.date | dt.datetime):
            raise ip.LayoutError(f"{title}!{get_column_letter(left - 1)}{r}: no signup month beside {name}")
        rows[pd.Period(month, freq="M")] = r
        for c, value in enumerate(row[1:], start=left):
            if value is not None:
                values[(r, c)] = value
    return Triangle(title, top, left, bottom, right, rows, values)


def _same_formula(mine: Any, theirs: Any) -> bool:
    """Whether two formulas are the same but for the case of their names (LibreOffice lower-cases add-in names)."""
    return isinstance(mine, str) and isinstance(theirs, str) and mine.startswith("=") and mine.upper() == theirs.upper()


def _style_key(cell: Any) -> str:
    return repr((cell.font, cell.fill, cell.border, cell.number_format, cell.alignment, cell.protection))


def grow_cohorts(package: ip.Package, wb: Any, first: pd.Period, old: int, new: int) -> dict[str, Triangle]:
    """Replace the Cohorts sheet of ``package`` by the template's for ``new`` months; returns the new triangles.

    ``wb``: the user's workbook opened read-only (its Cohorts sheet laid out for ``old`` months from ``first``).
    Raises :class:`~.inplace.LayoutError` when the sheet was changed by hand (it cannot grow in place then).
    """
    part = package.sheet_part(COHORTS_TITLE)
    rels = f"{part.rsplit('/', 1)[0]}/_rels/{part.rsplit('/', 1)[1]}.rels"
    how = "make a tracker that covers the data (xl-retention new) and import into it"
    if rels in package.data:
        raise ip.LayoutError(f"{COHORTS_TITLE} has comments or drawings of its own, so its tables cannot grow; {how}")
    with tempfile.TemporaryDirectory() as tmp:
        start = first.strftime("%Y-%m")
        before = load_workbook(build_template(Path(tmp, "old.xlsx"), start=start, months=old))
        after_path = build_template(Path(tmp, "new.xlsx"), start=start, months=new)
        after = load_workbook(after_path)
        with zipfile.ZipFile(after_path) as fresh:
            from ..recalculation.xlsx_values import _sheet_parts

            fresh_xml = fresh.read(_sheet_parts(fresh)[COHORTS_TITLE])
            fresh_names = fresh.read("xl/workbook.xml")
    ours, template = wb[COHORTS_TITLE], before[COHORTS_TITLE]
    inputs = {name: triangle(before, name, "the template") for name in INPUT_NAMES}
    typed = {name: triangle(wb, name, package.path.name) for name in INPUT_NAMES}
    for name in INPUT_NAMES:
        if (inputs[name] is None) != (typed[name] is None) or (
            inputs[name]
            and (inputs[name].top, inputs[name].left, inputs[name].bottom, inputs[name].right)
            != (typed[name].top, typed[name].left, typed[name].bottom, typed[name].right)
        ):
            raise ip.LayoutError(f"{COHORTS_TITLE}: the triangle {name} is not where the template puts it; {how}")
    inside = {
        (r, c) for t in inputs.values() if t for r in range(t.top, t.bottom + 1) for c in range(t.left, t.right + 1)
    }
    rows = max(ours.max_row or 0, template.max_row)
    columns = max(ours.max_column or 0, template.max_column)
    user = {(r, c): v for r, row in enumerate(ours.iter_rows(max_row=rows, max_col=columns, values_only=True), 1)
            for c, v in enumerate(row, 1) if v is not None}  # fmt: skip
    for r in range(1, rows + 1):
        for c in range(1, columns + 1):
            if (r, c) in inside:
                continue
            mine, theirs = user.get((r, c)), template.cell(r, c).value
            if mine != theirs and not _same_formula(mine, theirs):
                raise ip.LayoutError(
                    f"{COHORTS_TITLE}!{get_column_letter(c)}{r} holds {mine!r}, not the template's {theirs!r}: the "
                    f"sheet was changed by hand, so its tables cannot grow to the new months; {how}"
                )
    styles = _style_map(package.sheet(COHORTS_TITLE), template, after[COHORTS_TITLE])
    package.data[part] = _restyle(fresh_xml, styles)
    package.sheets.pop(COHORTS_TITLE, None)
    _copy_names(package, fresh_names, COHORTS_TITLE)
    grown = {name: triangle(after, name, "the template") for name in INPUT_NAMES}
    sheet = package.sheet(COHORTS_TITLE)
    for name, old_triangle in typed.items():  # the values typed in the old triangles, to the same cohort and month
        if old_triangle is None or grown[name] is None:
            continue
        new_triangle = grown[name]
        for (r, c), value in old_triangle.values.items():
            month = next(m for m, row in old_triangle.rows.items() if row == r)
            at = (new_triangle.rows[month], new_triangle.left + c - old_triangle.left)
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ip.LayoutError(f"{COHORTS_TITLE}!{get_column_letter(c)}{r}: {value!r} is not a count")
            sheet.set_value(f"{get_column_letter(at[1])}{at[0]}", value)
            new_triangle.values[at] = value
    return {name: t for name, t in grown.items() if t is not None}


def _style_map(sheet: ip.SheetXml, template: Any, fresh: Any) -> dict[str, bytes]:
    """Cell reference in the fresh template's sheet -> the user's style index for the same look."""
    by_look: dict[str, bytes] = {}
    for row in template.iter_rows():
        for cell in row:
            style = sheet.style(cell.coordinate)
            if style is not None:
                by_look.setdefault(_style_key(cell), style)
    mapping: dict[str, bytes] = {}
    for row in fresh.iter_rows():
        for cell in row:
            if not cell.has_style:
                continue
            look = _style_key(cell)
            if look not in by_look:
                raise ip.LayoutError(
                    f"{COHORTS_TITLE}: the template's style of {cell.coordinate} has no match in the workbook's sheet"
                )
            mapping[cell.coordinate] = by_look[look]
    return mapping


def _restyle(xml: bytes, styles: dict[str, bytes]) -> bytes:
    """The fresh sheet with each cell's style index mapped to the workbook's; row and column styles dropped."""

    def cell(match: re.Match[bytes]) -> bytes:
        attrs = match.group(2)
        ref = ip.attribute(attrs, b"r")
        attrs = re.sub(rb'\ss="[0-9]+"', b"", attrs)
        if ref is not None and ref.decode() in styles:
            attrs += b' s="' + styles[ref.decode()] + b'"'
        return match.group(1) + attrs + match.group(3)

    xml = re.sub(rb"(<c)((?:\s+[^\s=/>]+\s*=\s*\"[^\"]*\")*)(\s*/?>)", cell, xml)
    xml = re.sub(rb'(<(?:row|col)\b[^>]*?)\s(?:style|s)="[0-9]+"', rb"\1", xml)
    return re.sub(rb'(<row\b[^>]*?)\scustomFormat="1"', rb"\1", xml)


def _copy_names(package: ip.Package, fresh: bytes, title: str) -> None:
    """The fresh template's defined names over ``title`` written into the workbook's ``workbook.xml``."""
    pattern = rb'<definedName\s+name="([^"]+)"[^>]*>([^<]*)</definedName>'
    fresh_names = {m.group(1): m.group(2) for m in re.finditer(pattern, fresh) if title.encode() in m.group(2)}

    def replace(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        if name not in fresh_names:
            return match.group(0)
        start, end = match.span(2)
        offset = match.start()
        text = match.group(0)
        return text[: start - offset] + fresh_names.pop(name) + text[end - offset :]

    xml = re.sub(pattern, replace, package.data["xl/workbook.xml"])
    if fresh_names:  # names the workbook lacks (an older tracker): added
        extra = b"".join(b'<definedName name="' + n + b'">' + t + b"</definedName>" for n, t in fresh_names.items())
        if b"</definedNames>" in xml:
            xml = xml.replace(b"</definedNames>", extra + b"</definedNames>", 1)
    package.data["xl/workbook.xml"] = xml
