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
from .cohort_notes import move_notes, other_parts
from .cohort_refs import cohort_last_columns, cohort_last_rows, cohort_row_map, names_over, remap_cohort_refs
from .error_texts import as_error, error_type, in_error, with_ref
from .sheets import BDW_OWN_REASON, sbg_note
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
    if any(ip.formula_key(form) == ip.formula_key(theirs) for form in forms):
        return True
    # a note of the fit's error (CHOOSE(MIN(ERROR.TYPE(...)),8),"reason",...)): earlier templates worded the
    # reasons differently; the formula is the template's whatever its texts say
    if _REASONS not in theirs.upper():
        return False
    return any(ip.formula_key(_STRING.sub('""', form)) == ip.formula_key(_STRING.sub('""', theirs)) for form in forms)


_REASONS = "CHOOSE(MIN("  # ERROR.TYPE( or, for the BdW fit's, IFERROR(ERROR.TYPE(
_STRING = re.compile(r'"(?:[^"]|"")*"')


_BDW, _BDW_K = "INDEX(BDW_FIT(Cohort_Counts),1,1)", as_error(r"INDEX(BDW_FIT(Cohort_Counts),1,\1)")[1:]
_BDW_NOTE = (
    f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF({in_error(_BDW)},"no BdW fit: "&IF(AND(ISNUMBER('
    f'SBG_Alpha),{error_type(_BDW)}=6),"{BDW_OWN_REASON}",CHOOSE(MIN({error_type(_BDW)}\\2),"")))'
)
#: the BdW note before a #NUM! beside a fitted sBG was said as BdW's own (its likelihood not determining its
#: parameters: H213's finding 01), every #NUM! given the triangle's reasons, none of which applied (2026-12-04)
_BDW_NOTE_TRIANGLE_REASONS = re.compile(
    re.escape(
        f'=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",IF({in_error(_BDW)},"no BdW fit: "&CHOOSE(MIN('
        f"{error_type(_BDW)}"
    )
    + r'(,8\),.*),""\)\)\)',
    re.I | re.S,
)
#: the fits' cells before a failed fit's code as text (the classic add-in's SBG_FIT and BDW_FIT) was its error
#: (2026-12-03, :mod:`.error_texts`): the sBG alpha, the BdW figures and the BdW note
_FIT_ERRORS = (
    (re.compile(r'=IF\(COUNT\(Cohort_Counts\)=0,"",INDEX\(SBG_FIT\(Cohort_Counts\),1,1\)\)', re.I),
     f'=IF(COUNT(Cohort_Counts)=0,"",{as_error("INDEX(SBG_FIT(Cohort_Counts),1,1)")[1:]})'),
    (re.compile(r'=IF\(COUNT\(Cohort_Counts\)=0,"",IFERROR\(INDEX\(BDW_FIT\(Cohort_Counts\),1,(\d)\),""\)\)', re.I),
     f'=IF(COUNT(Cohort_Counts)=0,"",IFERROR({_BDW_K},""))'),
    (re.compile(r'=IF\(COUNT\(Cohort_Counts\)=0,"",IF\(ISNUMBER\(BDW_Alpha\),"",IF\(ISERROR\(INDEX\(BDW_FIT\(Cohort_'
                r'Counts\),1,1\)\),("no BdW fit: "&CHOOSE\(MIN\()ERROR\.TYPE\(INDEX\(BDW_FIT\(Cohort_Counts\),1,1\)\)'
                r'(,8\),.*),""\)\)\)', re.I | re.S),
     _BDW_NOTE),
    (_BDW_NOTE_TRIANGLE_REASONS, _BDW_NOTE.replace("\\2", "\\1")),  # its one group: the reasons
    # the sBG note before counts not whole (shares typed) and a triangle of text only were said (2026-12-04); no
    # backreference: recalc joins these patterns into one (upgrade_file._earlier_pattern), where \1 is another group
    (re.compile(r'=IF\(ISERROR\((B\d+)\),CHOOSE\(MIN\(ERROR\.TYPE\(B\d+\),8\),(.*)\),""\)', re.I | re.S),
     sbg_note("\\1", "\\2")),
    # ... and as 5b4ebba wrote them, #REF! made an error too (error_texts.with_ref)
    *((re.compile(re.escape(with_ref(form)), re.I), form.replace("\\", "\\\\")) for form in (
        f'=IF(COUNT(Cohort_Counts)=0,"",{as_error("INDEX(SBG_FIT(Cohort_Counts),1,1)")[1:]})',
        *(f'=IF(COUNT(Cohort_Counts)=0,"",IFERROR({as_error(f"INDEX(BDW_FIT(Cohort_Counts),1,{k})")[1:]},""))'
          for k in (1, 2, 3, 4)),
    )),
)  # fmt: skip
#: formulas of earlier templates' Cohorts sheets -> their current form
_OBSERVED_TO = r'=IF(OR(COUNT(\1)=0,N($B\2)=0),"",LOOKUP(2,1/ISNUMBER(\1),COLUMN(\1))-COLUMN($B\2))'
_EARLIER = (  # "Observed to month" before a cohort of 0 customers was left blank
    (re.compile(r'=IF\(COUNT\((\$B(\d+):\$[A-Z]+\2)\)=0,"",COUNT\(\1\)-1\)', re.I), _OBSERVED_TO),
    # ... and before a blank month inside the row counted the last filled month back (COUNT - 1)
    (re.compile(r'=IF\(OR\(COUNT\((\$B(\d+):\$[A-Z]+\2)\)=0,N\(\$B\2\)=0\),"",COUNT\(\1\)-1\)', re.I),
     _OBSERVED_TO),
    # the sBG beta and log-likelihood before they were blank without survivors (computed by any spreadsheet)
    (re.compile(r"=IF\(ISERROR\((B\d+)\),\1,(INDEX\(SBG_FIT\(Cohort_Counts\),1,\d\))\)", re.I),
     r'=IF(COUNT(Cohort_Counts)=0,"",IF(ISERROR(\1),\1,\2))'),
    # the BdW note before it was blank beside a fitted BdW without calling BDW_FIT
    (re.compile(r'=IF\(COUNT\(Cohort_Counts\)=0,"",(IF\(ISERROR\(INDEX\(BDW_FIT\(Cohort_Counts\),1,1\)\),.*)\)',
                re.I | re.S),
     r'=IF(COUNT(Cohort_Counts)=0,"",IF(ISNUMBER(BDW_Alpha),"",\1))'),
    # the retention shares before a month 0 pasted as the text "0" was blank as 0 is (it gave #DIV/0!)
    (re.compile(r'=IF\(OR\(([A-Z]+\d+)="",(\$[A-Z]+\d+)="",\2=0\),"",\1/\2\)', re.I),
     r'=IF(OR(\1="",\2="",IFERROR(\2+0=0,FALSE)),"",\1/\2)'),
    *_FIT_ERRORS,
)  # fmt: skip


def upgrade_observed_to(package: ip.Package, wb: Any) -> list[str]:
    """Give each "Observed to month" cell of the Cohorts sheet (renamed too) that holds exactly an earlier template's
    formula (COUNT - 1, which a blank month inside a cohort row counted back) this version's (the last filled month);
    returns the cells changed. For a tracker whose Cohorts sheet does not grow (growing writes the template's sheet).
    So are the fits' cells (B:G of their rows) that hold exactly the form before a failed fit's code as text was its
    error (:data:`_FIT_ERRORS`). A formula other cells share (Excel's shared or array formulas) is left as it is."""
    title = cohorts_title(wb)
    if title is None:
        return []
    sheet, changed = package.sheet(title), []
    for r, row in enumerate(wb[title].iter_rows(min_col=2, max_col=7, values_only=True), start=1):
        for column, value in zip("BCDEFG", row, strict=False):
            if not isinstance(value, str) or not value.startswith("="):
                continue
            forms = (*_EARLIER[:2], *_FIT_ERRORS) if column == "B" else _FIT_ERRORS
            current = next((p.sub(form, value) for p, form in forms if p.fullmatch(value)), None)
            if current is None:  # this version's formula or the user's: the cell's XML is not looked up
                continue
            ref = f"{column}{r}"
            element = sheet.cell(ref)
            if element is None or re.search(rb'\bt="(?:shared|array)"', element):
                continue
            sheet.put(ref, sheet.element(ref, sheet.style(ref), formula=current.removeprefix("=")))
            changed.append(f"{quote_sheetname(title)}!{ref}")
    return changed


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


def _style_key(cell: Any, seen: dict[tuple[int, ...], str] | None = None) -> str:
    """The look of ``cell``, comparable across workbooks; ``seen``: the looks found in its workbook so far, by its
    style ids (every cell of a look shares them: one repr per look, not per cell of the growing triangles)."""
    ids = tuple(getattr(cell, "_style", None) or ())  # openpyxl's style ids of the cell (none: the default look)
    if seen is not None and ids in seen:
        return seen[ids]
    look = repr((cell.font, cell.fill, cell.border, cell.number_format, cell.alignment, cell.protection))
    if seen is not None:
        seen[ids] = look
    return look


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


def _renamed(xml: bytes, title: str) -> bytes:
    """The fresh template's ``workbook.xml`` with its Cohorts sheet called ``title`` (the user's name for it)."""
    if title == COHORTS_TITLE:
        return xml
    attr = ip.escape(title).replace('"', "&quot;").encode()
    xml = re.sub(rb'(<(?:\w+:)?sheet\b[^>]*\sname=")Cohorts(")', lambda m: m[1] + attr + m[2], xml)
    return xml.replace(b"'Cohorts'!", ip.escape(quote_sheetname(title)).encode() + b"!")


def grow_cohorts(
    package: ip.Package, wb: Any, first: pd.Period, old: int, new: int, widened: list[str] | None = None
) -> dict[str, Triangle]:
    """Replace the Cohorts sheet of ``package`` (renamed or not) by the template's for ``new`` months; returns the
    new triangles. ``widened`` gets each formula, defined name and chart of the user's whose range over a table's
    cohorts or months now ends at the new last one (:func:`~.cohort_refs.remap_cohort_refs`).

    ``wb``: the user's workbook opened read-only (its Cohorts sheet laid out for ``old`` months from ``first``).
    Raises :class:`~.inplace.LayoutError` when the sheet was changed by hand (it cannot grow in place then).
    """
    how = "make a tracker that covers the data (xl-retention new) and import into it"
    title = cohorts_title(wb)  # a sheet renamed by hand ('Signups') grows under its name
    if title is None:
        raise ip.LayoutError(
            f"{package.path.name} has no sheet {COHORTS_TITLE!r}, so its cohort tables cannot grow to the {new} "
            f"months of the data: put a sheet {COHORTS_TITLE!r} back and import again, or {how}"
        )
    part = package.sheet_part(title)
    rels = f"{part.rsplit('/', 1)[0]}/_rels/{part.rsplit('/', 1)[1]}.rels"
    other = other_parts(package, part) if rels in package.data else None
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
    inputs = {name: triangle(before, name, "the template") for name in INPUT_NAMES}
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
    beside: dict[tuple[int, int], Any] = {}
    for r in range(1, rows + 1):
        for c in range(1, columns + 1):
            if (r, c) in inside:
                continue
            mine, theirs = user.get((r, c)), template.cell(r, c).value
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
                raise ip.LayoutError(
                    f"{ref} {'is blank' if mine is None else f'holds {mine!r}'} where the template has {theirs!r}: "
                    f"growing the tables to {new} months writes the template's sheet for them, which would "
                    f"{'put it back' if mine is None else 'lose that'}; put {theirs!r} back in {ref} (a text of yours "
                    "can go beside the tables: it moves with its row) and run again"
                )
    mine = package.sheet(title)
    for kind, ranges in _SHEET_RANGES:  # formats and validations are the template's, or it cannot grow
        own = [r for r in ranges.findall(mine.head + mine.tail) if r not in ranges.findall(template_xml)]
        if own:
            raise ip.LayoutError(
                f"{title} has {kind} of its own ({own[0].decode()}), which replacing the sheet by the "
                f"template's for the new months would lose; {how}"
            )
    kept = _beside(mine, title, beside, moved, after[COHORTS_TITLE], new)  # refused here when one is in the way
    styles, missing = _style_map(mine, template, after[COHORTS_TITLE])
    if missing:  # a look the user's sheet has no cell of (a 1-month tracker has no greyed future cells): added
        styles |= _add_styles(package, fresh_styles, {ref: _fresh_style(fresh_xml, ref) for ref in missing})
    # a formula of the user's own reading a Cohorts cell (=Cohorts!B16, the sBG alpha) follows its table down, and
    # so does a note on one
    ends = cohort_last_rows(template, after[COHORTS_TITLE])  # =SUM(Cohorts!B4:B6): B4:B9, listed
    months = cohort_last_columns(template, after[COHORTS_TITLE])  # a name or chart over B4:D6: B4:G9, listed
    remap_cohort_refs(package, title, moved, ends, widened, months, names_over(fresh_names, title))
    package.data[part] = move_notes(package, part, package.data[part], _restyle(fresh_xml, styles), moved)
    package.sheets.pop(title, None)
    _copy_names(package, fresh_names, title)
    grown = {name: triangle(after, name, "the template") for name in INPUT_NAMES}
    sheet = package.sheet(title)
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
    return {name: replace(t, title=title) for name, t in grown.items() if t is not None}


#: a formula that fills several cells (an array formula, a What-If data table): not moved cell by cell
_SPREAD = re.compile(rb"<(?:\w+:)?f\b[^>]*\bt=\"(?:array|dataTable)\"")
_R_ATTR = re.compile(rb'(<(?:\w+:)?c\b[^>]*?\sr=")[A-Z]+[0-9]+(")')


def _beside(sheet: ip.SheetXml, title: str, beside: dict[tuple[int, int], Any], moved: dict[int, int], fresh: Any,
            months: int) -> dict[str, bytes]:  # fmt: skip
    """The cells of the user's own beside the Cohorts tables (``beside``: (row, column) -> value or formula, as read)
    at their new places in the grown sheet ``fresh`` (``moved``: old row -> new row, :func:`.cohort_row_map`): new
    reference -> the cell's element (its style, value or formula; a formula's references to the sheet's own cells
    moved as the tables move). A figure typed beside a cohort's row stays beside that cohort (H188's finding 10: the
    import stopped, telling the user to make a new tracker). Raises :class:`~.inplace.LayoutError` naming the cell and
    what to do where the grown tables take its new place, or two of them would share one."""
    out: dict[str, bytes] = {}
    came: dict[str, str] = {}
    last = get_column_letter(fresh.max_column)
    for (r, c), value in sorted(beside.items()):
        ref, to = f"{get_column_letter(c)}{r}", f"{get_column_letter(c)}{moved.get(r, r)}"
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
            formula = _own_refs_moved(value, title, moved)
            element = sheet.element(to, sheet.style(ref), formula=formula.removeprefix("="))
        else:
            element = _R_ATTR.sub(lambda m, to=to: m[1] + to.encode() + m[2], element, count=1)
        out[to], came[to] = element, ref
    return out


def _own_refs_moved(formula: str, title: str, moved: dict[int, int]) -> str:
    """``formula`` (on the sheet ``title``) with its references to that sheet's cells, named with the sheet or not,
    moved by ``moved`` (old row -> new row; a row not in it stays); other sheets' references and texts left alone.

    >>> _own_refs_moved('=B38*2+SUM(Cohorts!C10:C12)+Other!B38&"B38"', "Cohorts", {38: 53, 10: 13, 12: 15})
    '=B53*2+SUM(Cohorts!C13:C15)+Other!B38&"B38"'
    """

    def area(match: re.Match[str], piece: str) -> str:
        name = match.group(1)
        if (name is not None and ip._unquote(name) != title) or (
            match.start() > 0 and piece[match.start() - 1] in "]!"
        ):
            return match.group(0)
        r1 = moved.get(int(match.group(5)), int(match.group(5)))
        out = f"{name + '!' if name else ''}{match.group(2)}{match.group(3)}{match.group(4)}{r1}"
        if match.group(7) is not None:
            r2 = moved.get(int(match.group(9)), int(match.group(9)))
            out += f":{match.group(6)}{match.group(7)}{match.group(8)}{r2}"
        return out

    return ip.areas_outside_text(formula, area)


def _date1904(package: ip.Package) -> bool:
    """Whether the workbook counts its dates from 1904 (Excel for Mac's "1904 date system")."""
    return re.search(rb"date1904\s*=\s*[\"'](?:1|true)[\"']", package.data.get("xl/workbook.xml", b"")) is not None


def _style_map(sheet: ip.SheetXml, template: Any, fresh: Any) -> tuple[dict[str, bytes], list[str]]:
    """Cell reference in the fresh template's sheet -> the user's style index for the same look; and the cells
    whose look no cell of the user's sheet has."""
    by_look: dict[str, bytes] = {}
    ours: dict[tuple[int, ...], str] = {}
    theirs: dict[tuple[int, ...], str] = {}
    for row in template.iter_rows():
        for cell in row:
            style = sheet.style(cell.coordinate)
            if style is not None:
                by_look.setdefault(_style_key(cell, ours), style)
    mapping: dict[str, bytes] = {}
    missing: list[str] = []
    for row in fresh.iter_rows():
        for cell in row:
            if not cell.has_style:
                continue
            look = _style_key(cell, theirs)
            if look in by_look:
                mapping[cell.coordinate] = by_look[look]
            else:
                missing.append(cell.coordinate)
    return mapping, missing


def _fresh_style(xml: bytes, ref: str) -> int:
    """The style index (``s``) of cell ``ref`` in the fresh template's sheet XML."""
    found = re.search(rb'<c\s+r="' + ref.encode() + rb'"[^>]*?\ss="([0-9]+)"', xml)
    if found is None:
        raise ip.LayoutError(f"{COHORTS_TITLE}: the template's cell {ref} has no style index")
    return int(found[1])


def _parts(xml: bytes, tag: str, child: str) -> tuple[re.Match[bytes] | None, list[bytes]]:
    """The ``<tag>`` list of a styles part and its ``<child>`` elements, as bytes (None: the part has no list)."""
    found = re.search(rb"<" + tag.encode() + rb"\b[^>]*?(?:/>|>(.*?)</" + tag.encode() + rb">)", xml, re.S)
    if found is None:
        return None, []
    child_re = rb"<" + child.encode() + rb"\b[^>]*?(?:/>|>.*?</" + child.encode() + rb">)"
    return found, re.findall(child_re, found[1] or b"", re.S)


def _add_styles(package: ip.Package, fresh: bytes, wanted: dict[str, int]) -> dict[str, bytes]:
    """Copy the fresh template's cell styles ``wanted`` ({cell: its style index there}) into the workbook's
    ``xl/styles.xml`` (their font, fill, border and number format with them); returns {cell: new style index}.

    Raises :class:`~.inplace.LayoutError` when the workbook's styles part cannot be read this way (no such
    part, a namespace prefix on its elements).
    """
    name = "xl/styles.xml"
    styles = package.data.get(name, b"")
    if b"<cellXfs" not in styles or b"<fonts" not in styles:
        first = next(iter(wanted))
        raise ip.LayoutError(f"{COHORTS_TITLE}: the template's style of {first} has no match in the workbook's styles")
    lists = {"fonts": "font", "fills": "fill", "borders": "border", "cellXfs": "xf", "numFmts": "numFmt"}
    theirs = {tag: _parts(fresh, tag, child)[1] for tag, child in lists.items()}
    ours = {tag: _parts(styles, tag, child)[1] for tag, child in lists.items()}
    codes = {ip.attribute(f, b"numFmtId"): ip.attribute(f, b"formatCode") for f in theirs["numFmts"]}
    mine = {ip.attribute(f, b"formatCode"): ip.attribute(f, b"numFmtId") for f in ours["numFmts"]}

    def index_of(tag: str, element: bytes) -> bytes:  # the same element in the workbook's list, else appended
        if element not in ours[tag]:
            ours[tag].append(element)
        return str(ours[tag].index(element)).encode()

    def with_attr(element: bytes, attr: bytes, value: bytes) -> bytes:
        return re.sub(rb"(\s" + attr + rb'=")[^"]*(")', lambda m: m[1] + value + m[2], element, count=1)

    added: dict[int, bytes] = {}
    for index in sorted(set(wanted.values())):
        xf = theirs["cellXfs"][index]
        for attr, tag in ((b"fontId", "fonts"), (b"fillId", "fills"), (b"borderId", "borders")):
            at = ip.attribute(xf, attr)
            if at is not None:
                xf = with_attr(xf, attr, index_of(tag, theirs[tag][int(at)]))
        fmt = ip.attribute(xf, b"numFmtId")
        if fmt is not None and int(fmt) >= 164:  # a custom number format: the workbook's own id for its code
            code = codes[fmt]
            if code not in mine:
                ids = [int(i) for i in mine.values() if i is not None] + [163]
                mine[code] = str(max(ids) + 1).encode()
                ours["numFmts"].append(b'<numFmt numFmtId="' + mine[code] + b'" formatCode="' + code + b'"/>')
            xf = with_attr(xf, b"numFmtId", mine[code])
        xf = with_attr(xf, b"xfId", b"0")  # the Normal cell style, which every workbook has first
        added[index] = index_of("cellXfs", xf)
    for tag in ("numFmts", "fonts", "fills", "borders", "cellXfs"):
        found, _ = _parts(styles, tag, lists[tag])
        opening = b"<" + tag.encode() + b' count="0">'
        if found is not None:  # the list's own attributes kept (Excel's x14ac:knownFonts), its count updated
            opening = re.match(rb"<[^>]*?(?=/?>)", found[0])[0].rstrip() + b">"
            opening = re.sub(rb'\scount="[0-9]*"', b"", opening)[:-1] + b' count="0">'
        opening = opening.replace(b'count="0"', b'count="%d"' % len(ours[tag]))
        body = opening + b"".join(ours[tag]) + b"</" + tag.encode() + b">"
        if found is not None:
            styles = styles[: found.start()] + body + styles[found.end() :]
        elif ours[tag]:  # numFmts, which a workbook without custom formats may lack: it goes before <fonts>
            at = styles.index(b"<fonts")
            styles = styles[:at] + body + styles[at:]
    package.data[name] = styles
    return {ref: added[index] for ref, index in wanted.items()}


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
