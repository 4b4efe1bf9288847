"""Grow the Cohorts sheet to more months, in place, when it is still as the template made it.

The Cohorts sheet stacks tables whose size is the number of months (the survivors triangle,
the retention shares, the sBG fit, the projection, the order cohorts): adding a month moves
every table under the first. Rather than shifting rows and rewriting references, the sheet is
replaced by the template's own Cohorts sheet for the new number of months, when the user's
sheet holds nothing but what the template put there (its input triangles aside) and no
chart, picture or table of its own (its notes move with their cells: :mod:`.cohort_notes`);
otherwise growing refuses with one line naming the first cell that differs. The new sheet
takes the workbook's own styles: each template style is mapped to the style index of a cell
with the same look in the user's sheet. Its defined names (Cohort_Counts, SBG_Alpha, ...) are
updated, and the values typed in the old input triangles are carried over to the same signup
month and month since signup.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, quote_sheetname

from ..sheet_names import written
from . import inplace as ip
from .cohort_beside import carried_rules, carried_widths, right_of
from .cohort_column_refs import move_column_refs
from .cohort_columns import columns_right
from .cohort_formats import widened_template_range
from .cohort_marks import carried_marks
from .cohort_notes import move_notes, other_parts
from .cohort_refs import (
    cohort_last_columns,
    cohort_last_rows,
    cohort_row_map,
    names_over,
    remap_cohort_refs,
    remap_formula,
)
from .cohort_sbg_template import projection_rows, sbg_template_cells
from .cohort_styles import _add_styles, _fresh_style, _restyle, _style_map
from .cohort_upgrade import _EARLIER, _FIT_ERRORS, upgrade_observed_to  # noqa: F401 (upgrade_file, fill import them)
from .inserted_columns import moved_formula
from .long_texts import short_texts
from .template import COHORTS_TITLE, write_template

if TYPE_CHECKING:
    import pandas as pd

#: what beside the Cohorts sheet stops it growing (a relationship's type, its last word), in the user's words
_BESIDE = {
    "drawing": "a chart or picture of its own",
    "table": "a table (Insert > Table) of its own",
    "hyperlink": "hyperlinks of its own",
    "printerSettings": "printer settings of its own",
}


class TypedOverFormula(ip.LayoutError):
    """A value typed over one of the template's formulas on the Cohorts sheet (a retention share): the one cell to put
    back, refused as such by extend and import too where no cohort data comes (not as a sheet changed by hand, left
    at its months while the others grow: H189's finding 11)."""


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
    back = "put the sheet back (copy it from a new tracker: xl-retention new NEW.xlsx) or import into a "
    back += "tracker that has it"
    if "#REF!" in (defined.attr_text or "").upper() or (destinations and not destinations[0][1]):
        raise ip.LayoutError(
            f"{source}: the defined name {name!r} (a cohort table the data goes in) is {defined.attr_text}, the "
            f"cells it named deleted (the {COHORTS_TITLE!r} sheet or its rows): {back}"
        )
    if len(destinations) != 1:
        raise ip.LayoutError(f"{source}: the defined name {name!r} does not name one range")
    title, area = destinations[0]
    if title not in wb.sheetnames:
        raise ip.LayoutError(
            f"{source} has no sheet {title!r}, where the defined name {name!r} (a cohort table the data goes in) "
            f"points: {back}"
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
        rows[_month(month)] = r
        for c, value in enumerate(row[1:], start=left):
            if value is not None:
                values[(r, c)] = value
    return Triangle(title, top, left, bottom, right, rows, values)


def _month(value: Any) -> pd.Period:
    import pandas as pd  # here only: recalc's check of a tracker (upgrade_file) reads this module without pandas

    return pd.Period(value, freq="M")


def triangle_before(wb: Any, name: str, added: list[pd.Period]) -> Triangle | None:
    """The triangle ``name`` as it was before this import added months (and moved it down), None if none were."""
    if not added:
        return None
    try:
        return triangle(wb, name, "")
    except ip.LayoutError:
        return None


def _same_formula(mine: Any, theirs: Any) -> bool:
    """Whether two formulas are the same as LibreOffice re-saves them (:func:`.inplace.formula_key`),
    or ``mine`` is an earlier template's form of ``theirs`` (:data:`_EARLIER`: growing replaces it all the same)."""
    if not (isinstance(mine, str) and isinstance(theirs, str) and mine.startswith("=")):
        return False
    forms = [mine]
    for form in forms:  # an earlier form of an earlier form (the BdW note's of 2026-11, then of 2026-12-03)
        forms += [f for pattern, current in _EARLIER if pattern.fullmatch(form) and (f := pattern.sub(current, form))]
        if len(forms) > 4:
            break
    forms += [short_texts(form) for form in forms]  # an earlier note's long texts as the template's, in parts (H303)
    if any(ip.formula_key(form) == ip.formula_key(theirs) for form in forms):
        return True
    # a note of the fit's error (CHOOSE(MIN(ERROR.TYPE(...)),8),"reason",...)): earlier templates worded the
    # reasons differently; the formula is the template's whatever its texts say
    if _REASONS not in theirs.upper():
        return False
    return any(ip.formula_key(_texts_blank(form)) == ip.formula_key(_texts_blank(theirs)) for form in forms)


_REASONS = "CHOOSE(MIN("  # ERROR.TYPE( or, for the BdW fit's, IFERROR(ERROR.TYPE(
_STRING = re.compile(r'"(?:[^"]|"")*"')
_PARTS = re.compile(r'\((?:""&)+""\)')  # a text written in parts (long_texts.short_texts), blanked


def _texts_blank(formula: str) -> str:
    """``formula`` with each text blank (``""``), one written in parts joined with & too."""
    return _PARTS.sub('""', _STRING.sub('""', formula))


def _in_ext(tag: bytes) -> re.Pattern[bytes]:
    """The ``<xm:sqref>`` range of each Excel 2010 ``tag`` element (in the sheet's extLst: sparklines, data bars,
    icon sets, validations listing another sheet's cells), which openpyxl does not read."""
    return re.compile(
        rb"<(?:\w+:)?" + tag + rb"\b(?:(?!</(?:\w+:)?" + tag + rb"\s*>).)*?<(?:\w+:)?sqref>([^<]*)</", re.S
    )


#: what of a user's own on the Cohorts sheet replacing it would lose, by the ranges it covers
_SHEET_RANGES = (
    ("conditional formats", re.compile(rb"<(?:\w+:)?conditionalFormatting\b[^>]*\bsqref=\"([^\"]*)\"")),
    ("data validations", re.compile(rb"<(?:\w+:)?dataValidation\b[^>]*\bsqref=\"([^\"]*)\"")),
    ("sparklines", _in_ext(rb"sparkline")),
    ("conditional formats", _in_ext(rb"conditionalFormatting")),
    ("data validations", _in_ext(rb"dataValidation")),
    ("links", re.compile(rb"<(?:\w+:)?hyperlink\b[^>]*\bref=\"([^\"]*)\"")),
    ("merged cells", re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*\bref=\"([^\"]*)\"")),
)


def _renamed_cohorts(wb: Any) -> str | None:
    """The sheet the template's cohort names (Cohort_Counts, Cohort_Retention) point to, when it is not Cohorts."""
    for name in ("Cohort_Counts", "Cohort_Retention"):
        defined = wb.defined_names.get(name)
        for title, _ in defined.destinations if defined is not None else ():
            if title != COHORTS_TITLE and title in wb.sheetnames:
                return title
    return None


def cohorts_title(wb: Any) -> str | None:
    """The title of the workbook's Cohorts sheet: "Cohorts", or the sheet its cohort names point to when the user
    renamed it (Excel renames the names' references with it); None without one."""
    return COHORTS_TITLE if COHORTS_TITLE in wb.sheetnames else _renamed_cohorts(wb)


#: the first template's (8b3d91a7, 2026-11-22) Cohorts sheet: the survivors triangle and the retention shares alone,
#: where this version has them, under these titles (its shares' formula the earlier form :data:`_EARLIER` knows)
#: (rows above its first cohort, its header one of them)
_FIRST_TITLES = {
    "Cohort_Counts": ("Cohorts: customers still active, by signup month and months since signup", 3),
    "Cohort_Retention": ("Retention: share of each cohort still active", 2),
}


def _first_template(wb: Any) -> dict[str, tuple[int, int]]:
    """The first template's tables on the workbook's Cohorts sheet (no sBG fit, projection nor order cohorts): each
    table's name -> its title's row and its last row, read from its defined name; empty for a later tracker's."""
    names = wb.defined_names
    if any(names.get(name) is not None for name in ("Order_Cohort_Counts", "SBG_Alpha", "SBG_Projection")):
        return {}
    rows = {}
    for name in _FIRST_TITLES:
        defined = names.get(name)
        destinations = list(defined.destinations) if defined is not None else []
        if len(destinations) != 1 or ":" not in destinations[0][1]:
            return {}
        first, _, last = destinations[0][1].replace("$", "").partition(":")
        rows[name] = (ip.split_ref(first)[0] - _FIRST_TITLES[name][1], ip.split_ref(last)[0])
    return rows


def _expected(template: Any, r: int, c: int, early: dict[str, tuple[int, int]]) -> Any:
    """What the template put in row ``r``, column ``c`` of the Cohorts sheet (``template``: this version's for the
    tracker's months); of the first template's sheet when ``early`` holds its tables (:func:`_first_template`): their
    titles, no note under the first, nothing under the last."""
    if not early:
        return template.cell(r, c).value
    if r > max(last for _, last in early.values()):
        return None
    titles = {(top, 1): _FIRST_TITLES[name][0] for name, (top, _) in early.items()}
    if (r, c) in titles:
        return titles[(r, c)]
    return None if (r, c) == (2, 1) else template.cell(r, c).value


def _renamed(xml: bytes, title: str) -> bytes:
    """The fresh template's ``workbook.xml`` with its Cohorts sheet called ``title`` (the user's name for it)."""
    if title == COHORTS_TITLE:
        return xml
    attr = ip.escape(title).replace('"', "&quot;").encode()
    xml = re.sub(rb'(<(?:\w+:)?sheet\b[^>]*\sname=")Cohorts(")', lambda m: m[1] + attr + m[2], xml)
    return xml.replace(b"'Cohorts'!", ip.escape(quote_sheetname(title)).encode() + b"!")


def grow_cohorts(
    package: ip.Package,
    wb: Any,
    first: pd.Period,
    old: int,
    new: int,
    widened: list[str] | None = None,
    how: str = "make a tracker that covers the data (xl-retention new) and import into it",
    carried: list[str] | None = None,
) -> dict[str, Triangle]:
    """Replace the Cohorts sheet of ``package`` (renamed or not) by the template's for ``new`` months; returns the
    new triangles. ``widened`` gets each formula, defined name and chart of the user's whose range over a table's
    cohorts or months now ends at the new last one (:func:`~.cohort_refs.remap_cohort_refs`).

    ``wb``: the user's workbook opened read-only (its Cohorts sheet laid out for ``old`` months from ``first``).
    Raises :class:`~.inplace.LayoutError` when the sheet was changed by hand (it cannot grow in place then), ending
    with ``how`` where the refusal has no way of its own (``extend``'s differs: a tracker kept by hand has no data).
    ``carried`` gets a line for the cells of the user's right of the tables moved right as they grew
    (:mod:`.cohort_columns`), and one for a first template's sheet (its two tables alone: :func:`_first_template`),
    compared with what that template put there and grown into this version's sheet.
    """
    title = cohorts_title(wb)  # a sheet renamed by hand ('Signups') grows under its name
    if title is None:
        raise ip.LayoutError(
            f"{package.path.name} has no sheet {COHORTS_TITLE!r}, so its cohort tables cannot grow to the {new} "
            f"months of the data: put a sheet {COHORTS_TITLE!r} back and import again, or {how}"
        )
    part = package.sheet_part(title)
    rels = f"{part.rsplit('/', 1)[0]}/_rels/{part.rsplit('/', 1)[1]}.rels"
    other = other_parts(package, part, ("hyperlink",)) if rels in package.data else None  # links: carried
    if other is not None:  # its notes (comments) move with their cells; a chart, picture, table or link would not
        what = _BESIDE.get(other, f"a part of its own ({other})")
        raise ip.LayoutError(f"{title} has {what}, which its tables cannot grow with; {how}")
    with tempfile.TemporaryDirectory() as tmp:
        start = first.strftime("%Y-%m")
        before_path = write_template(Path(tmp, "old.xlsx"), start=start, months=old)
        before = load_workbook(before_path)
        after_path = write_template(Path(tmp, "new.xlsx"), start=start, months=new)
        after = load_workbook(after_path)
        with zipfile.ZipFile(after_path) as fresh:
            from ..recalculation.xlsx_values import _sheet_parts

            fresh_xml = fresh.read(_sheet_parts(fresh)[COHORTS_TITLE])
            fresh_names = _renamed(fresh.read("xl/workbook.xml"), title)
            fresh_styles = fresh.read("xl/styles.xml")
        with zipfile.ZipFile(before_path) as earlier:
            template_xml = earlier.read(_sheet_parts(earlier)[COHORTS_TITLE])
    ours, template = wb[title], before[COHORTS_TITLE]
    widest = template.max_column  # the template's last column, before template.cell() below creates more
    inputs = {name: triangle(before, name, "the template") for name in INPUT_NAMES}
    early = _first_template(wb)  # its two tables are this version's first two: the rest of the sheet is new
    sbg = sbg_template_cells(wb, first.to_timestamp().date(), old)  # 2026-11-22 11:19 .. 11-30's: what it wrote
    if early or sbg:  # its one triangle: the order cohorts' comes with the new tables
        inputs = {name: t if name == "Cohort_Counts" else None for name, t in inputs.items()}
    typed = {name: triangle(wb, name, package.path.name) for name in INPUT_NAMES}
    for name in INPUT_NAMES:
        if (inputs[name] is None) != (typed[name] is None) or (
            inputs[name]
            and (inputs[name].top, inputs[name].left, inputs[name].bottom, inputs[name].right)
            != (typed[name].top, typed[name].left, typed[name].bottom, typed[name].right)
        ):
            raise ip.LayoutError(f"{title}: the triangle {name} is not where the template puts it; {how}")
    inside = {
        (r, c) for t in inputs.values() if t for r in range(t.top, t.bottom + 1) for c in range(t.left, t.right + 1)
    }
    if hasattr(ours, "reset_dimensions"):  # a stale <dimension> (A1:N52) ended the cells read early: a value of the
        ours.reset_dimensions()  # user's right of it was not looked at, and lost with the sheet replaced (H188/10)
    user = {(r, c): v for r, row in enumerate(ours.iter_rows(values_only=True), 1)
            for c, v in enumerate(row, 1) if v is not None}  # fmt: skip
    rows = max([template.max_row, *(r for r, _ in user)])
    columns = max([template.max_column, *(c for _, c in user)])
    # the template's rows -> the grown sheet's, read before the loop below: template.cell() creates the cells it reads,
    # and a note of the user's two rows under the tables (A49) made row 49 the template's last, which did not move
    # (H213's finding 03: "would move with its row to Cohorts!A49", the same cell, and the import stopped)
    moved = cohort_row_map(template, after[COHORTS_TITLE])
    if sbg:  # its projection sat two rows higher (no BdW fit above it)
        moved |= projection_rows(wb, after, old)
    beside: dict[tuple[int, int], Any] = {}
    for r in range(1, rows + 1):
        for c in range(1, columns + 1):
            if (r, c) in inside:
                continue
            mine, theirs = user.get((r, c)), sbg.get((r, c)) if sbg else _expected(template, r, c, early)
            mine, theirs = (None if v == "" else v for v in (mine, theirs))  # "" is an empty header cell
            if theirs is None and mine is not None:  # a value or formula of the user's beside the tables: it moves
                beside[(r, c)] = mine  # with its row (as Excel's Insert Rows moves it), checked below
                continue
            if mine != theirs and not _same_formula(mine, theirs):
                typed = isinstance(mine, int | float | dt.date) or (isinstance(mine, str) and mine[:1] != "=")
                if typed and isinstance(theirs, str) and theirs.startswith("="):  # a value typed over a formula
                    ref = f"{get_column_letter(c)}{r}"
                    raise TypedOverFormula(
                        f"{written(title)}!{ref} holds {mine!r}, typed over the template's formula {theirs!r}: "
                        f"put that formula back in {written(title)}!{ref} (copy the cell beside it in its table) "
                        "and run again; nothing was changed"
                    )
                ref = f"{written(title)}!{get_column_letter(c)}{r}"
                if isinstance(mine, dt.date) and isinstance(theirs, dt.date):  # a month moved: sorted newest first
                    raise ip.LayoutError(
                        f"{ref} holds {mine:%Y-%m} where the template has {theirs:%Y-%m}: the signup months of the "
                        "Cohorts tables are the tracker's, oldest first (the tables below read the survivors' rows by "
                        f"position): sort the rows by signup month, oldest to newest, or put {theirs:%Y-%m} back in "
                        f"{ref} with its cohort's counts, and run again"
                    )
                raise ip.LayoutError(
                    f"{ref} {'is blank' if mine is None else f'holds {mine!r}'} where the template has {theirs!r}: "
                    f"growing the tables to {new} months writes the template's sheet for them, which would "
                    f"{'put it back' if mine is None else 'lose that'}; put {theirs!r} back in {ref} (a text of yours "
                    "can go beside the tables: it moves with its row) and run again"
                )
    mine = package.sheet(title)
    for at, (kind, ranges) in enumerate(_SHEET_RANGES):  # formats and validations are the template's, or it cannot grow
        theirs = ranges.findall(template_xml)
        own = [r for r in ranges.findall(mine.head + mine.tail) if r not in theirs]
        if kind == "conditional formats":  # the template's widened by a column inserted beside (H265's 05)
            own = [r for r in own if not widened_template_range(r, theirs)]
        if at < 2 or at > 4:  # a format, validation, merge or link of the user's right of the tables: carried over
            own = [r for r in own if not right_of(r, widest)]
        if own:
            raise ip.LayoutError(
                f"{title} has {kind} of its own ({own[0].decode()}), which replacing the sheet by the "
                f"template's for the new months would lose; {how}"
            )
    grown_last = after[COHORTS_TITLE].max_column  # read first: fresh[ref] below creates the cells it reads
    shifted = columns_right(package, part, title, beside, moved, after[COHORTS_TITLE], widest)
    by = grown_last - widest if shifted else 0  # the columns right of the tables move by
    # =SUM(B4:B15) of the user's beside the tables: over the new cohorts too, listed, as =SUM(Cohorts!B4:B15) on
    # another sheet is (H349's finding 04: left over the old cohorts, unlisted)
    ends = cohort_last_rows(template, after[COHORTS_TITLE])  # =SUM(Cohorts!B4:B6): B4:B9, listed
    months = cohort_last_columns(template, after[COHORTS_TITLE])  # a name or chart over B4:D6: B4:G9, listed
    grow = _Grow(ends, months, widened if widened is not None else [])
    kept = _beside(mine, title, beside, moved, after[COHORTS_TITLE], new, shifted, (widest + 1, by), grow)
    if shifted:  # a formula, name or chart elsewhere reading them: moved with them (checked by columns_right)
        move_column_refs(package, title, widest + 1, by, part)
    if shifted and carried is not None:
        cells = [(c, r) for r, c in beside if c in shifted]  # their bounding box: O3:P9 for O3:P6 and O9
        (c0, r0), (c1, r1) = (
            (min(c for c, _ in cells), min(r for _, r in cells)),
            (max(c for c, _ in cells), max(r for _, r in cells)),
        )
        old_area, new_area = f"{get_column_letter(c0)}{r0}", f"{get_column_letter(shifted[c0])}{moved.get(r0, r0)}"
        if (c1, r1) != (c0, r0):
            old_area += f":{get_column_letter(c1)}{r1}"
            new_area += f":{get_column_letter(shifted[c1])}{moved.get(r1, r1)}"
        carried.append(
            f"{written(title)}!{old_area} (yours, right of the tables) moved to {new_area}, right of the grown "
            "tables, as inserting columns would move it"
        )
    styles, missing = _style_map(mine, template, after[COHORTS_TITLE])
    if missing:  # a look the user's sheet has no cell of (a 1-month tracker has no greyed future cells): added
        styles |= _add_styles(package, fresh_styles, {ref: _fresh_style(fresh_xml, ref) for ref in missing})
    # a formula of the user's own reading a Cohorts cell (=Cohorts!B16, the sBG alpha) follows its table down, and
    # so does a note on one
    remap_cohort_refs(package, title, moved, ends, widened, months, names_over(fresh_names, title))
    notes_moved = move_notes(package, part, package.data[part], _restyle(fresh_xml, styles), moved, (widest + 1, by))
    package.data[part] = notes_moved
    package.sheets.pop(title, None)
    _copy_names(package, fresh_names, title)
    grown = {name: triangle(after, name, "the template") for name in INPUT_NAMES}
    sheet = package.sheet(title)  # the user's widths, formats and validations right of the tables, carried over
    sheet.head = carried_widths(mine.head, sheet.head, sheet.prefix, widest, grown_last, by)
    sheet.tail = carried_rules(mine.tail, sheet.tail, title, widest, moved, widest + 1, by)
    marks = (title, widest, moved, widest + 1, by)  # merged cells and hyperlinks right of the tables, carried over
    sheet.head, sheet.tail = carried_marks(mine.head, mine.tail, sheet.head, sheet.tail, *marks)
    for ref, element in kept.items():  # the user's cells beside the tables, at their rows' new places
        sheet.put(ref, element)
    if _date1904(package):  # the fresh sheet's month labels are 1900-system serials: 4 years late in a Mac book
        for row in after[COHORTS_TITLE].iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    sheet.set_value(cell.coordinate, ip.excel_serial(cell.value.date(), date1904=True))
    for name, old_triangle in typed.items():  # the values typed in the old triangles, to the same cohort and month
        if old_triangle is None or grown[name] is None:
            continue
        new_triangle = grown[name]
        for (r, c), value in old_triangle.values.items():
            month = next(m for m, row in old_triangle.rows.items() if row == r)
            at = (new_triangle.rows[month], new_triangle.left + c - old_triangle.left)
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ip.LayoutError(f"{title}!{get_column_letter(c)}{r}: {value!r} is not a count")
            sheet.set_value(f"{get_column_letter(at[1])}{at[0]}", value)
            new_triangle.values[at] = value
    if early and carried is not None:
        carried.append(
            f"{written(title)}: the first template's survivors and retention tables grown to {new} months, with this "
            "version's tables under them (the sBG and BdW fits, the projection, the order cohorts; the counts you "
            "typed kept)"
        )
    if sbg and carried is not None:
        carried.append(
            f"{written(title)}: the template of 2026-11-22..11-30's survivors and retention tables, sBG fit and "
            f"projection grown to {new} months as this version's (with its BdW fit and order cohorts; the counts you "
            "typed kept)"
        )
    return {name: replace(t, title=title) for name, t in grown.items() if t is not None}


#: a formula that fills several cells (an array formula, a What-If data table): not moved cell by cell
_SPREAD = re.compile(rb"<(?:\w+:)?f\b[^>]*\bt=\"(?:array|dataTable)\"")
_R_ATTR = re.compile(rb'(<(?:\w+:)?c\b[^>]*?\sr=")[A-Z]+[0-9]+(")')


@dataclass
class _Grow:
    """What a formula of the user's beside the tables widens by (:func:`.cohort_refs.remap_formula`), and the list of
    those widened (the import's report)."""

    ends: dict[int, int]
    months: list[tuple[int, int, int, int]]
    widened: list[str]

    def widen(self, formula: str, title: str, moved: dict[int, int]) -> str:
        """``formula`` (moved already: new rows) with its ranges over a table's cohorts or months to the last one
        ending at the new last one."""
        ends = {moved.get(old, old): new for old, new in self.ends.items()}
        months = [(moved.get(top, top), moved.get(end, end), last, new) for top, end, last, new in self.months]
        return remap_formula(formula, title, {}, ends, months, local=True)


def _beside(sheet: ip.SheetXml, title: str, beside: dict[tuple[int, int], Any], moved: dict[int, int], fresh: Any,
            months: int, shifted: dict[int, int] | None = None,
            columns: tuple[int, int] = (0, 0), grow: _Grow | None = None) -> dict[str, bytes]:  # fmt: skip
    """The cells of the user's own beside the Cohorts tables (``beside``: (row, column) -> value or formula, as read)
    at their new places in the grown sheet ``fresh`` (``moved``: old row -> new row, :func:`.cohort_row_map`): new
    reference -> the cell's element (its style, value or formula; a formula's references to the sheet's own cells
    moved as the tables move, and columns from ``columns[0]`` on ``columns[1]`` to the right: :mod:`.inserted_columns`).
    A figure typed beside a cohort's row stays beside that cohort (H188's finding 10: the import stopped, telling the
    user to make a new tracker). Raises :class:`~.inplace.LayoutError` naming the cell and
    what to do where the grown tables take its new place, or two of them would share one."""
    out: dict[str, bytes] = {}
    came: dict[str, str] = {}
    last = get_column_letter(fresh.max_column)
    for (r, c), value in sorted(beside.items()):
        ref, to = f"{get_column_letter(c)}{r}", f"{get_column_letter((shifted or {}).get(c, c))}{moved.get(r, r)}"
        element = sheet.cell(ref)
        where = f"{written(title)}!{ref} (holding {value!r}, outside the tables)"
        taken = fresh[to].value not in (None, "") or fresh[to].has_style
        if element is None or taken or to in came:
            what = f"{written(title)}!{came[to]} moves there too" if to in came else "the grown tables take that cell"
            goes = f"would move with its row to {written(title)}!{to}" if to != ref else "stays where it is"
            raise ip.LayoutError(
                f"{where} {goes} as the tables grow to {months} months, but {what}: move it right of column {last} "
                f"(where the grown tables end), below row {fresh.max_row} or to a sheet of your own, and run again"
            )
        if _SPREAD.search(element):
            raise ip.LayoutError(
                f"{where} holds a formula that fills several cells (an array formula or data table), which growing "
                f"the tables to {months} months cannot move: move it to a sheet of your own and run again"
            )
        if isinstance(value, str) and value.startswith("="):
            try:
                formula = moved_formula(value, title, moved, *columns)
            except ValueError as error:
                raise ip.LayoutError(f"{where}: {error}; move it to a sheet of your own and run again") from None
            if grow is not None and (wide := grow.widen(formula, title, moved)) != formula:
                at = f"{written(title)}!{to}" + (f" (was {ref})" if to != ref else "")
                grow.widened.append(f"{at} {value} -> {wide}")
                formula = wide
            element = sheet.element(to, sheet.style(ref), formula=formula.removeprefix("="))
        else:
            element = _R_ATTR.sub(lambda m, to=to: m[1] + to.encode() + m[2], element, count=1)
        out[to], came[to] = element, ref
    return out


def _date1904(package: ip.Package) -> bool:
    """Whether the workbook counts its dates from 1904 (Excel for Mac's "1904 date system")."""
    return re.search(rb"date1904\s*=\s*[\"'](?:1|true)[\"']", package.data.get("xl/workbook.xml", b"")) is not None


def _copy_names(package: ip.Package, fresh: bytes, title: str) -> None:
    """The fresh template's defined names over ``title`` written into the workbook's ``workbook.xml``.

    A workbook's name is found whatever the order of its attributes (LibreOffice writes ``function`` and
    ``hidden`` before ``name``); a sheet-local name (``localSheetId``) is the user's own and is left alone.
    """
    pattern = rb"<definedName\b([^>]*)>([^<]*)</definedName>"

    def global_name(match: re.Match[bytes]) -> bytes | None:
        attrs = match.group(1)
        return None if ip.attribute(attrs, b"localSheetId") is not None else ip.attribute(attrs, b"name")

    fresh_names = {global_name(m): m.group(2) for m in re.finditer(pattern, fresh) if title.encode() in m.group(2)}
    fresh_names.pop(None, None)

    def replace(match: re.Match[bytes]) -> bytes:
        name = global_name(match)
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
    package.data["xl/workbook.xml"] = _with_print_titles(xml, fresh, title)


def _print_titles(xml: bytes, title: str) -> tuple[int, bytes | None]:
    """The sheet ``title``'s index in ``workbook.xml`` and the text of its ``_xlnm.Print_Titles`` name (None: none)."""
    sheets = [ip.attribute(m.group(0), b"name") for m in re.finditer(rb"<(?:\w+:)?sheet\b[^>]*>", xml)]
    quoted = ip.escape(title).replace('"', "&quot;").encode()
    index = sheets.index(quoted) if quoted in sheets else -1
    for m in re.finditer(rb"<definedName\b([^>]*)>([^<]*)</definedName>", xml):
        local = ip.attribute(m.group(1), b"localSheetId")
        if ip.attribute(m.group(1), b"name") == b"_xlnm.Print_Titles" and local == str(index).encode():
            return index, m.group(2)
    return index, None


def _with_print_titles(xml: bytes, fresh: bytes, title: str) -> bytes:
    """The fresh template's repeated columns (print titles) of ``title`` given to the workbook's sheet when it has
    none: a triangle grown past a page across repeats its signup months on the next page."""
    index, mine = _print_titles(xml, title)
    _, theirs = _print_titles(fresh, title)
    if index < 0 or mine is not None or theirs is None or b"</definedNames>" not in xml:
        return xml
    name = b'<definedName name="_xlnm.Print_Titles" localSheetId="' + str(index).encode() + b'">' + theirs
    return xml.replace(b"</definedNames>", name + b"</definedName></definedNames>", 1)
