"""``xl-retention extend``: more months at the end of a tracker, without an import.

A tracker kept by hand (its months typed, no export behind it) reaches its last month; an import grows a tracker when
its data runs past that month, but a hand-kept one has no data to import. :func:`extend_workbook` adds the months by
the same routine an import uses (:func:`.months_added.add_months`): every monthly sheet gets its new month rows with
the template's formulas, "NPS scores" its new columns, the Cohorts sheet its new cohorts, and the user's formulas over
the months, names, charts, validations and tables follow them. Nothing typed is changed: every value, formula,
comment and sheet of the user's stays; the formulas' stored results are cleared (Excel recalculates on open; ``recalc``
or ``--recalc`` stores them), as an import does. The file is replaced atomically, or not at all.
"""

from __future__ import annotations

import os
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pandas as pd

from .._files import check_not_open, writing_to
from .._workbooks import open_read_only
from . import inplace as ip
from .answers_sheet import answers_title, response_rows, score_columns
from .chart_columns import add_movement_chart_columns
from .chart_ranges import reset_chart_ranges
from .dashboard_upgrade import upgrade_dashboard
from .found import read_sheets
from .google_extend import refuse_google_over_months
from .importer import Tables, check_package
from .layout_upgrade import upgrade_layout
from .months_added import BY_HAND, Scores, add_months, check_typed_beyond, cohort_months
from .report_lines import cleared_line, months_added, upgraded_line
from .see_texts import follow_renamed_sheets
from .stale import save_cleared
from .template import MOST_MONTHS, MOST_MONTHS_WHY, NPS_RESPONSE_ROWS, NPS_SUMMARY
from .upgrade import upgrade_formulas, upgrade_lifetime
from .widened import stretched_lines


@dataclass
class Extended:
    """What :func:`extend_workbook` did: the tracker's first month, its months now, the months added."""

    first: pd.Period
    months: int
    added: list[pd.Period]
    cleared: int = 0
    upgraded: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self, path: str | os.PathLike[str], recalc: bool = False) -> list[str]:
        """The CLI's report, one line each (``recalc``: a recalculation stores the new results next)."""
        if not self.added:  # Cohorts grown alone to the months of the other sheets
            out = [
                f"extended {path}: the Cohorts sheet to the {self.months} months from {self.first} of the other sheets "
                "(every value, formula and sheet of yours kept)"
            ]
        else:
            out = [
                f"extended {path}: added {months_added(self.added)}, a tracker of {self.months} months from "
                f"{self.first} (every value, formula and sheet of yours kept)"
            ]
        if self.cleared and not recalc:
            out.append(cleared_line(self.cleared, "", "pandas", "them"))
        if self.upgraded:
            why = ", as the new months have them (formulas of your own are kept)"
            out.append(upgraded_line(self.upgraded, why))
        return out + self.notes


def extend_workbook(
    path: str | os.PathLike[str], months: int | None = None, to: str | pd.Period | None = None
) -> Extended:
    """Add ``months`` months (or the months through ``to``, ``YYYY-MM``) at the end of the tracker at ``path``, in
    place. Raises ``ValueError`` (a :class:`~.inplace.LayoutError` where the layout is in the way) with one line, the
    file untouched, when it is not a tracker, ``to`` is not after its last month, or something of the user's is where
    the new months go. Example: ``extend_workbook("tracker.xlsx", months=12)``."""
    path = Path(path)
    if (months is None) == (to is None):
        raise ValueError("give the number of months to add or the month to add them through, not both")
    check_package(path, "workbook")
    check_not_open(path)  # Excel's next save would undo the new months
    try:
        # a failed write, of the tracker or of the template in the temporary folder whose formulas Cohorts takes, is
        # said of `path` (_files.NotWritten)
        with writing_to(path), warnings.catch_warnings():  # openpyxl reads the layout only ("Sparkline Group ...")
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            return _extend(path, months, to)
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError) as error:  # a part the layout needs is broken
        raise ValueError(f"{path.name}: cannot read the workbook's layout ({type(error).__name__}: {error})") from None


def _extend(path: Path, months: int | None, to: str | pd.Period | None) -> Extended:
    try:
        wb = open_read_only(path)
    except Exception as error:  # openpyxl raises many kinds on a package it cannot read
        raise ValueError(f"{path.name} cannot be read as a workbook: {error}") from None
    try:
        sheets = read_sheets(wb, Tables(), path.name, "extend", str(path))
        base = next(iter(sheets.values()))
        first, last = base.months[0], base.months[-1]
        end = last + months if months is not None else pd.Period(to, freq="M")
        behind = cohort_months(wb, first)
        if end == last and behind is not None and behind < len(base.months):  # Cohorts left behind: grown alone
            return _cohorts_alone(path, wb, first, behind, len(base.months))
        if end <= last:
            raise ValueError(f"{path.name} already runs to {last}: give a month after it (--to {last + 1})")
        added = list(pd.period_range(last + 1, end, freq="M"))
        if len(base.months) + len(added) > MOST_MONTHS:
            raise ValueError(
                f"{path.name} has {len(base.months)} months: {len(added)} more would be "
                f"{len(base.months) + len(added)}: {MOST_MONTHS_WHY}"
            )
        package = ip.Package(path)
        refuse_google_over_months(path.name, package, sheets, last, len(added))  # Google's formulas kept as values
        reset_chart_ranges(package)  # charts a recalc fitted to its months with figures: every month, then grown
        notes = add_movement_chart_columns(package, sheets)  # an earlier tracker's bars: as drawn now
        answers = answers_title(wb, sheets.get(NPS_SUMMARY.title), path.name)
        summary = sheets.get(NPS_SUMMARY.title)
        scores = Scores(answers, score_columns(wb[answers]) if answers is not None else {})
        scores.rows = response_rows(summary, answers, NPS_RESPONSE_ROWS) if summary and answers else NPS_RESPONSE_ROWS
        if answers is not None:  # a month's header alone right of the last month (its rows deleted): extend's own
            from openpyxl.utils import get_column_letter

            from .header_only_months import header_only_months

            for month in header_only_months(wb[answers], scores.columns, last, added):
                ref, xml = f"{get_column_letter(scores.columns.pop(month))}1", package.sheet(answers)
                xml.put(ref, xml.element(ref, xml.style(ref)))  # its header written again with the month's column
        check_typed_beyond(scores, last, added, "extend")
        add_months(package, wb, sheets, added, scores, False, notes, by_hand=True)
        monthly = upgrade_formulas(package, sheets, added=len(added))  # first: the Lifetime value reads its names
        lifetime, more = upgrade_lifetime(package, wb)
        dashboard, shop = upgrade_dashboard(package, wb, False)
        shop += upgrade_layout(package, wb, sheets)  # charts, print setup, NPS widths: this version's
        follow_renamed_sheets(package, wb, sheets.values())  # "see Customers!F3" after Customers was renamed
        upgraded = monthly + lifetime + dashboard
        notes.extend(more + shop)
    finally:
        wb.close()
    cleared = save_cleared(package, path.name)
    notes.extend(package.signature_lines("the new months"))
    return Extended(first, len(base.months) + len(added), added, cleared, upgraded, notes)


def _cohorts_alone(path: Path, wb: Any, first: pd.Period, old: int, months: int) -> Extended:
    """The Cohorts sheet of ``path``, left at ``old`` months by an earlier extend or import that could not grow it,
    grown to the ``months`` of the other sheets (``extend --to`` their last month, as recalc advises: H265's 05)."""
    from .cohort_sheet import grow_cohorts

    package = ip.Package(path)
    widened: list[str] = []
    carried: list[str] = []
    try:
        grow_cohorts(package, wb, first, old, months, widened, BY_HAND, carried)
    except ip.LayoutError as error:
        raise ip.LayoutError(
            f"{path.name}: the Cohorts sheet cannot grow from {old} to the {months} months of the other sheets: "
            f"{error}; nothing was changed"
        ) from None
    cleared = save_cleared(package, path.name)
    unsigned = package.signature_lines("the Cohorts sheet's new months")
    return Extended(first, months, [], cleared, [], stretched_lines(widened) + carried + unsigned)


__all__ = ["Extended", "extend_workbook"]
