"""A tracker of an earlier template: told by ``recalc``, brought up to this version by ``xl-retention upgrade``.

``recalc`` keeps a workbook's formulas as they are, so a tracker made by an earlier version keeps the formulas of its
template: fixes to the template reach it only when :mod:`.upgrade` gives each formula that is exactly an earlier
template's this version's, which ``import --into`` and ``extend`` do. A tracker recalculated without them was ``ok``
over values this version computes differently (a month left blank skipped by the lifetime value's churn, a number
pasted as text read as 0). The workbook records no template version: an earlier template is told by its formulas,
those :mod:`.upgrade`, :mod:`.dashboard_upgrade` and :mod:`.cohort_sheet` know cell for cell.

:func:`earlier_template_line` finds them without changing anything (recalc's one line, naming the file's command);
:func:`upgrade_workbook` gives them this version's formulas in place, as an import does, and nothing else: no month
added (but a monthly sheet's last months' rows the user deleted, written back as ``extend`` writes a month:
:func:`.deleted_months.put_back_last_months`), no value, formula of the user's own, comment or sheet changed; the file
replaced atomically, or not at all.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from .._files import check_not_open
from . import inplace as ip
from .logical_calls import logical_constants

__all__ = ["Upgraded", "earlier_formulas", "earlier_template_line", "upgrade_workbook"]


@dataclass
class Upgraded:
    """What :func:`upgrade_workbook` did: the formula cells given this version's formulas, notes, results cleared."""

    upgraded: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cleared: int = 0
    #: the months' rows written back on a monthly sheet whose last rows were deleted (H417), one line each
    put_back: list[str] = field(default_factory=list)

    def lines(self, path: str | os.PathLike[str], recalc: bool = False) -> list[str]:
        """The CLI's report, one line each (``recalc``: a recalculation stores the new results next)."""
        from .names_back import NAMES_BACK
        from .nps_widths import NPS_WIDENED
        from .report_lines import cleared_line, upgraded_line
        from .start_here_upgrade import REPLACED

        kept = " (your values and formulas of your own are kept)"
        renamed = [f"rewrote the notes that named the sheets {n.removeprefix(_RENAMED + ' ')}" for n in self.notes
                   if n.startswith(_RENAMED)]  # fmt: skip
        others = [n for n in self.notes if not n.startswith(_RENAMED)]
        if self.put_back:  # the file changed whatever its formulas: what was put back said first
            back = [f"{path}: {line}" for line in self.put_back]
            if self.cleared and not recalc:
                back.append(cleared_line(self.cleared, "", "pandas", "them"))
            return back + ([upgraded_line(self.upgraded, kept)] if self.upgraded else []) + renamed + others
        if not self.upgraded and not renamed:
            if any(n.startswith(DELETED_COLUMN) for n in others):  # #REF! formulas are no version's (H265's 04)
                return [f"{path}: nothing changed", *others]
            if any(n.startswith((NPS_WIDENED, NAMES_BACK)) or REPLACED in n for n in others):  # the file changed
                return [f"{path}: its formulas are this version's already", *others]
            return [f"{path}: its formulas are this version's already (nothing changed)", *others]
        out = ([upgraded_line(self.upgraded, kept)] if self.upgraded else []) + renamed
        if self.cleared and not recalc:
            out.append(cleared_line(self.cleared, "", "pandas", "them"))
        return out + others


def _read(path: Path) -> Any:
    from .._workbooks import open_read_only

    try:
        return open_read_only(path)
    except Exception as error:  # openpyxl raises many kinds on a package it cannot read
        raise ValueError(f"{path.name} cannot be read as a workbook: {error}") from None


def _bring_up(package: ip.Package, wb: Any, path: Path, check: bool = False) -> tuple[list[str], list[str]]:
    """Every upgrade an import makes, in ``package`` (not saved): the formula cells changed and the notes. ``check``:
    only the formulas whose values differ from this version's (not the charts' layout, print setup or a note's
    sheet name, nor a form that computes the same values faster: :data:`.upgrade.SAME_VALUES`)."""
    from .chart_columns import add_movement_chart_columns
    from .cohort_lost import put_back_cohorts
    from .cohort_sheet import upgrade_observed_to
    from .dashboard_upgrade import upgrade_dashboard
    from .found import read_sheets
    from .importer import Tables
    from .layout_upgrade import upgrade_layout
    from .report_lines import listed
    from .see_texts import follow_renamed_sheets, notes_of_renamed
    from .upgrade import upgrade_formulas, upgrade_lifetime

    sheets = read_sheets(wb, Tables(), path.name, "upgrade")
    notes = [] if check else add_movement_chart_columns(package, sheets)  # an earlier tracker's bars: as drawn now
    if not check:  # the template's range names the formulas read, deleted (Google Sheets' Named ranges): H346
        from .range_names_back import range_names_back

        notes += range_names_back(package, wb, sheets)
        from .start_here_upgrade import upgrade_start_here

        notes += upgrade_start_here(package, wb)  # Import Functions after the save as .xlsm (H348's finding 01)
    monthly = upgrade_formulas(package, sheets, check)  # first: the helper columns' names it defines are read below
    lifetime, more = upgrade_lifetime(package, wb)
    dashboard, shop = upgrade_dashboard(package, wb, False, add_table=not check)  # an early tracker's table too
    upgraded = monthly + lifetime + dashboard + upgrade_observed_to(package, wb)
    upgraded += put_back_cohorts(package, wb)  # the fits and projections left =NA() by a save as .xls
    renamed, cells = notes_of_renamed(package, wb, sheets.values())  # notes naming a sheet the user renamed
    if cells:
        names = ", ".join(f"{old!r} (now {new!r})" for old, new in renamed.items())
        more.append(f"{_RENAMED} {names} by their old names, in {listed(cells)}")
    if not check:
        shop += upgrade_layout(package, wb, sheets)  # charts, print setup, NPS widths: this version's
        shop += follow_renamed_sheets(package, wb, sheets.values())  # "see Customers!F3" after Customers was renamed
    return upgraded, notes + more + shop


#: how the note on notes naming a renamed sheet starts
_RENAMED = "its notes name the sheets"


def earlier_formulas(path: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
    """The formula cells of the tracker at ``path`` that hold exactly an earlier template's formula computing other
    values than this version's (as ranges, ``'Revenue'!H3:H14``), and the notes of those this version cannot bring up
    (a column the tracker lacks); nothing is changed. Raises ``ValueError`` for a workbook that is not a tracker (no
    monthly sheet of the template)."""
    path = Path(path)
    wb = _read(path)
    try:
        with warnings.catch_warnings():  # openpyxl reads the layout only ("Sparkline Group extension ... removed")
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            upgraded, notes = _bring_up(ip.Package(path), wb, path, check=True)
    finally:
        wb.close()
    return upgraded, [n for n in notes if "earlier version of the template" in n or n.startswith(_RENAMED)]


_F_TEXT = re.compile(rb"<(?:[\w.\-]+:)?f\b[^>]*>([^<]+)</(?:[\w.\-]+:)?f\s*>")
_SHEET_NAME = re.compile(rb"<(?:[\w.\-]+:)?sheet\b[^>]*\bname=\"([^\"]*)\"")
_PLACEHOLDER = re.compile(r"\{[a-z_]+(?:-1|:[a-z]+)?\}")
#: an NPS form's month's answers (``{scores}``) as rendered in :func:`_earlier_pattern`, and what it matches there: a
#: range of any sheet ('NPS scores'!C$2:C$1001, on the sheet the user renamed it to, as many rows as import widened)
_SCORES_MARK = "@scores@"
_SCORES = r"(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+"
_REFERENCE = re.compile(r"(\$?[A-Z]{1,3}\$?)\d+")
#: the row numbers :data:`_REFERENCE` finds (a run of digits right after a capital letter, or after one and a ``$``),
#: matched from their first digit: replaced by a plain ``0`` (no template expanded in Python per match), each text
#: is :data:`_REFERENCE`'s ``\g<1>0`` shape, 4-5 times faster (Cohorts' 16,000 formulas of 120 months)
_ROW_NUMBER = re.compile(r"\d(?<=[A-Z]\d)\d*|\d(?<=[A-Z]\$\d)\d*")
#: shapes this process has matched against :func:`_earlier_pattern` (a batch's workers check many trackers of one
#: template): shape -> whether it matched; kept up to :data:`_MOST_SHAPES`
_MATCHED: dict[str, bool] = {}
_MOST_SHAPES = 50_000


@functools.cache
def _earlier_pattern() -> re.Pattern[str]:
    """One pattern matching (whole, without case) every formula an earlier template wrote that recalc names: the
    monthly sheets' forms (a column key standing for any reference), the Lifetime value's and the Dashboard's, and the
    Cohorts sheet's (their own patterns). A formula none of them matches is no earlier template's.

    Built from the program's own forms, never a workbook's, so compiled as a :func:`.._imports.lazy_pattern`: the
    patterns cache keeps its compiled code from one command to the next (compiling it is 0.1-0.4 s; read, 4 ms)."""
    from .._imports import lazy_pattern
    from .cohort_sheet import _EARLIER as COHORT_EARLIER
    from .dashboard_upgrade import EARLIER as DASHBOARD_EARLIER
    from .dashboard_upgrade import _before_error_texts, _current
    from .template import MONTHLY_SHEETS, column_letter, render_formula
    from .upgrade import EARLIER, LIFETIME_EARLIER, SAME_VALUES

    parts: list[str] = []
    for spec in MONTHLY_SHEETS:  # with the template's columns (a column inserted by the user: not told here)
        letters = {c.key: column_letter(spec, c.key) for c in spec.columns}
        for column in spec.columns:
            for form in EARLIER.get((spec.title, column.key), ()):
                if form in SAME_VALUES:
                    continue
                try:  # the NPS sheet's forms read the month's answers: any range there (H356)
                    rendered = render_formula(form, letters, 5, {"scores": _SCORES_MARK})
                except KeyError:
                    continue
                parts.append(_rows_any(rendered).replace(re.escape(_SCORES_MARK), _SCORES))
    forms = {form for forms in LIFETIME_EARLIER.values() for form in forms}
    current, previous = _current(), _current(incomplete=False)
    for ref, earlier in DASHBOARD_EARLIER.items():
        before = (*_before_error_texts(current[ref]), *_before_error_texts(previous[ref]), previous[ref])
        forms |= {f for f in (*earlier, *before) if isinstance(f, str) and f != current[ref]}
    parts += [
        "".join(_rows_any(text) if i % 2 == 0 else r"[$A-Za-z0-9:]+" for i, text in enumerate(_split(form)))
        for form in sorted(forms)
    ]
    parts += [pattern.pattern for pattern, _ in COHORT_EARLIER]
    return lazy_pattern("|".join(f"(?:{part})" for part in parts), re.I | re.S).compiled


def _rows_any(formula: str) -> str:
    """A pattern of ``formula`` (rendered in one row) in any row: each reference's row any number, the rest as is."""
    out, at = [], 0
    for match in _REFERENCE.finditer(formula):
        out += [re.escape(formula[at : match.start()]), re.escape(match[1]), r"\d+"]
        at = match.end()
    return "".join([*out, re.escape(formula[at:])])


def _split(form: str) -> list[str]:
    """A form's text and placeholders, alternately (text first)."""
    out, at = [], 0
    for match in _PLACEHOLDER.finditer(form):
        out += [form[at : match.start()], match.group(0)]
        at = match.end()
    return [*out, form[at:]]


def _may_hold_earlier(path: Path) -> bool:
    """Whether the workbook at ``path`` may hold what :func:`earlier_formulas` finds: a template's sheet gone under
    its title (renamed: its notes), or a formula an earlier template wrote (:func:`_earlier_pattern`). Read from the
    package's bytes, without openpyxl: about 0.05 s for a tracker of this version, where the whole check reads every
    sheet (0.2-1 s)."""
    from ..recalculation.xlsx_values import _sheet_parts
    from .earlier_cache import cache_earlier
    from .monthly import COHORTS_TITLE, LIFETIME_TITLE, MONTHLY_SHEETS

    with zipfile.ZipFile(path) as package:
        titles = {ip.unescape(m.group(1)) for m in _SHEET_NAME.finditer(package.read("xl/workbook.xml"))}
        if any(t not in titles for t in (*(s.title for s in MONTHLY_SHEETS), LIFETIME_TITLE, COHORTS_TITLE)):
            return True
        texts: set[bytes] = set()
        for part in _sheet_parts(package).values():
            if part is not None:
                texts.update(_F_TEXT.findall(package.read(part)))
    shape_of = _ROW_NUMBER.sub  # rows as 0 (_REFERENCE's shape): a column's months are one shape
    shapes = {shape_of("0", text.decode("utf-8", "replace")) for text in texts}
    matched = _MATCHED
    cache_earlier(matched)  # a command's process: the answers an earlier command made, read (once)
    for shape in shapes:
        found = matched.get(shape)
        if found is None:
            formula = logical_constants("=" + ip.unescape(shape.encode()))  # FALSE() as FALSE
            found = _earlier_pattern().fullmatch(formula) is not None
            if len(matched) < _MOST_SHAPES:
                matched[shape] = found
        if found:
            return True
    return False


def earlier_template_line(path: str | os.PathLike[str]) -> str | None:
    """``recalc``'s line for a tracker holding formulas of an earlier template, naming the command that gives them
    this version's; None for a tracker of this version or a workbook that is not a tracker (or cannot be read as one:
    recalc's own checks speak of that)."""
    path = Path(path)
    try:
        if not _may_hold_earlier(path):  # the formulas' texts first: a tracker of this version is not read further
            return None
        upgraded, notes = earlier_formulas(path)
    except (ValueError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):  # not a tracker (ip.LayoutError too)
        return None
    from .report_lines import listed

    command = f"xl-retention upgrade {shlex.quote(str(path))}"
    if path.suffix.lower() in (".xltx", ".xltm"):  # upgrade changes no template (package_kinds.template)
        kind = "Excel Macro-Enabled Workbook (.xlsm)" if path.suffix.lower() == ".xltm" else "Excel Workbook (.xlsx)"
        command = f"xl-retention upgrade on it saved as {kind} in Excel (then saved as a template again)"
    renamed = next((n for n in notes if n.startswith(_RENAMED)), None)
    if upgraded:
        also = f"; {renamed}" if renamed is not None else ""
        return (
            f"holds formulas of an earlier xl-retention template ({listed(upgraded)}), which this version computes "
            f"differently, and recalc keeps a workbook's formulas{also}: bring them up with {command} (your values "
            "and formulas of your own are kept), then recalculate"
        )
    if renamed is not None:
        return f"{renamed}: {command} makes them name the sheets as they are now (your values and formulas are kept)"
    return notes[0] if notes else None


def upgrade_workbook(path: str | os.PathLike[str]) -> Upgraded:
    """Give every formula of the tracker at ``path`` that is exactly an earlier template's this version's, in place
    (the upgrades ``import --into`` makes, without importing: :mod:`.upgrade`, the Dashboard, Cohorts and charts).
    Raises ``ValueError`` with one line, the file untouched, when it is not a readable tracker or is open in Excel
    or LibreOffice (``PermissionError``). Example: ``upgrade_workbook("tracker.xlsx").upgraded``."""
    from .deleted_months import put_back_last_months
    from .importer import check_package

    path = Path(path)
    check_package(path, "workbook")
    check_not_open(path)  # Excel's next save would undo the upgrade
    wb = _read(path)
    put_back: list[str] = []
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            package = ip.Package(path)
            put_back, widened = put_back_last_months(package, wb, path.name)  # a sheet's last rows deleted (H417)
            if put_back:  # read again as they are now: every check below sees the months put back
                wb.close()
                wb = _reread(package)
            upgraded, notes = _bring_up(package, wb, path)
            notes = widened + notes
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError) as error:  # a part the layout needs is broken
        raise ValueError(f"{path.name}: cannot read the workbook's layout ({type(error).__name__}: {error})") from None
    finally:
        wb.close()
    package.flush()
    if not any(package.data.get(part) != package.original.get(part) for part in package.data):
        left = [ref for ref in upgraded if getattr(ref, "why", None) == "left out"]  # still said (H480's 04)
        return Upgraded(left, _deleted_column(path, notes))  # this version's already: the file is not written
    from .stale import save_cleared

    cleared = save_cleared(package, path.name)
    unsigned = package.signature_lines("this version's formulas")
    return Upgraded(upgraded, _deleted_column(path, notes) + unsigned, cleared, put_back)


def _reread(package: ip.Package) -> Any:
    """The workbook of ``package`` as edited (not saved), opened read-only with openpyxl."""
    import io

    from .._workbooks import open_read_only

    package.flush()
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as copy:
        for info in package.infos:
            if info.filename not in package.removed:
                copy.writestr(info.filename, package.data[info.filename])
    stream.seek(0)
    return open_read_only(stream)


#: the start of :func:`upgrade_workbook`'s note on an input column deleted, which it cannot insert again
DELETED_COLUMN = "upgrade cannot insert a deleted column again"


def _deleted_column(path: Path, notes: list[str]) -> list[str]:
    """``notes`` and, where a template's name still points to #REF! after the upgrade (an input column deleted, the
    columns after it moved left: Revenue's 'Reactivation MRR', H265's finding 04), what to do, as recalc says it."""
    from .deleted_names import deleted_names

    left = deleted_names(path)
    return notes if left is None else [*notes, f"{DELETED_COLUMN}: {left}"]
