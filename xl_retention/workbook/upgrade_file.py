"""A tracker of an earlier template: told by ``recalc``, brought up to this version by ``xl-retention upgrade``.

``recalc`` keeps a workbook's formulas as they are, so a tracker made by an earlier version keeps the formulas of its
template: fixes to the template reach it only when :mod:`.upgrade` gives each formula that is exactly an earlier
template's this version's, which ``import --into`` and ``extend`` do. A tracker recalculated without them was ``ok``
over values this version computes differently (a month left blank skipped by the lifetime value's churn, a number
pasted as text read as 0). The workbook records no template version: an earlier template is told by its formulas,
those :mod:`.upgrade`, :mod:`.dashboard_upgrade` and :mod:`.cohort_sheet` know cell for cell.

:func:`earlier_template_line` finds them without changing anything (recalc's one line, naming the file's command);
:func:`upgrade_workbook` gives them this version's formulas in place, as an import does, and nothing else: no month
added, no value, formula of the user's own, comment or sheet changed; the file replaced atomically, or not at all.
"""

from __future__ import annotations

import os
import shlex
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook

from .._files import check_not_open
from . import inplace as ip
from .chart_columns import add_movement_chart_columns
from .cohort_sheet import upgrade_observed_to
from .dashboard_layout import relayout_dashboard
from .dashboard_upgrade import upgrade_dashboard
from .found import read_sheets
from .report_lines import cleared_line, listed, upgraded_line
from .see_texts import follow_renamed_sheets, notes_of_renamed
from .stale import save_cleared
from .upgrade import upgrade_formulas, upgrade_lifetime

__all__ = ["Upgraded", "earlier_formulas", "earlier_template_line", "upgrade_workbook"]


@dataclass
class Upgraded:
    """What :func:`upgrade_workbook` did: the formula cells given this version's formulas, notes, results cleared."""

    upgraded: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cleared: int = 0

    def lines(self, path: str | os.PathLike[str], recalc: bool = False) -> list[str]:
        """The CLI's report, one line each (``recalc``: a recalculation stores the new results next)."""
        renamed = [f"rewrote the notes that named the sheets {n.removeprefix(_RENAMED + ' ')}" for n in self.notes
                   if n.startswith(_RENAMED)]  # fmt: skip
        others = [n for n in self.notes if not n.startswith(_RENAMED)]
        if not self.upgraded and not renamed:
            return [f"{path}: its formulas are this version's already (nothing changed)", *others]
        kept = " (your values and formulas of your own are kept)"
        out = ([upgraded_line(self.upgraded, kept)] if self.upgraded else []) + renamed
        if self.cleared and not recalc:
            out.append(cleared_line(self.cleared, "", "pandas", "them"))
        return out + others


def _read(path: Path) -> Any:
    try:
        return load_workbook(path, read_only=True)
    except Exception as error:  # openpyxl raises many kinds on a package it cannot read
        raise ValueError(f"{path.name} cannot be read as a workbook: {error}") from None


def _bring_up(package: ip.Package, wb: Any, path: Path, check: bool = False) -> tuple[list[str], list[str]]:
    """Every upgrade an import makes, in ``package`` (not saved): the formula cells changed and the notes. ``check``:
    only the formulas whose values differ from this version's (not the charts' layout, print setup or a note's
    sheet name, nor a form that computes the same values faster: :data:`.upgrade.SAME_VALUES`)."""
    from .importer import Tables

    sheets = read_sheets(wb, Tables(), path.name, "upgrade")
    notes = [] if check else add_movement_chart_columns(package, sheets)  # an earlier tracker's bars: as drawn now
    lifetime, more = upgrade_lifetime(package, wb)
    dashboard, shop = upgrade_dashboard(package, wb, False)
    upgraded = upgrade_formulas(package, sheets, check) + lifetime + dashboard + upgrade_observed_to(package, wb)
    renamed, cells = notes_of_renamed(package, wb, sheets.values())  # notes naming a sheet the user renamed
    if cells:
        names = ", ".join(f"{old!r} (now {new!r})" for old, new in renamed.items())
        more.append(f"{_RENAMED} {names} by their old names, in {listed(cells)}")
    if not check:
        shop += relayout_dashboard(package, wb)  # an earlier template's charts and print setup: as this version's
        follow_renamed_sheets(package, wb, sheets.values())  # "see Customers!F3" after Customers was renamed
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


def earlier_template_line(path: str | os.PathLike[str]) -> str | None:
    """``recalc``'s line for a tracker holding formulas of an earlier template, naming the command that gives them
    this version's; None for a tracker of this version or a workbook that is not a tracker (or cannot be read as one:
    recalc's own checks speak of that)."""
    path = Path(path)
    try:
        upgraded, notes = earlier_formulas(path)
    except (ValueError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):  # not a tracker (ip.LayoutError too)
        return None
    command = f"xl-retention upgrade {shlex.quote(str(path))}"
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
    from .importer import check_package

    path = Path(path)
    check_package(path, "workbook")
    check_not_open(path)  # Excel's next save would undo the upgrade
    wb = _read(path)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            package = ip.Package(path)
            upgraded, notes = _bring_up(package, wb, path)
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError) as error:  # a part the layout needs is broken
        raise ValueError(f"{path.name}: cannot read the workbook's layout ({type(error).__name__}: {error})") from None
    finally:
        wb.close()
    package.flush()
    if not any(package.data.get(part) != package.original.get(part) for part in package.data):
        return Upgraded([], notes)  # this version's already: the file is not written
    return Upgraded(upgraded, notes, save_cleared(package, path.name))
