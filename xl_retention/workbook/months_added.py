"""Months added at the end of a tracking workbook: by an import whose data runs past its last month
(:func:`.fill.fill_package`) and by ``xl-retention extend`` (:mod:`.extend`), which adds months to a tracker kept by
hand. One routine for both, so a hand-kept tracker grows exactly as an imported one does: every monthly sheet,
"NPS scores" and the Cohorts sheet, the user's formulas over the months, names, charts, validations and tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl.utils import get_column_letter, quote_sheetname

from ..reading.notes import collected
from . import inplace as ip
from .cohort_sheet import Triangle, TypedOverFormula, cohorts_title, grow_cohorts
from .growth import LEFT_BLANK, grow
from .merges import check_merges, move_note_merges
from .template import COHORTS_TITLE, NPS_SCORES_TITLE, NPS_SUMMARY
from .widened import stretched_lines

if TYPE_CHECKING:
    from .found import FoundSheet


#: what ``extend`` tells to do where the Cohorts sheet cannot grow (a tracker kept by hand has no data to import)
BY_HAND = "make it as the template has it there (what is yours can go to a sheet of your own) and run extend again"


@dataclass
class Scores:
    """The answers sheet of a tracker ("NPS scores", or the title the user renamed it to): its month columns and the
    answers each month's NPS formulas read (``rows``)."""

    title: str | None
    columns: dict[pd.Period, int] = field(default_factory=dict)
    rows: int = 0


def months_text(months: list[pd.Period]) -> str:
    """'the month 2025-04' or 'the months 2025-04 to 2025-06'."""
    return f"the month {months[0]}" if len(months) == 1 else f"the months {months[0]} to {months[-1]}"


def check_typed_beyond(scores: Scores, last: pd.Period, added: list[pd.Period], command: str = "import") -> None:
    """Refuse a month column typed by hand right of the tracker's last month on the answers sheet (no NPS formula
    reads it) where the new months' columns go, naming it (``command``: the one adding them, to run again)."""
    beyond = sorted((col, month) for month, col in scores.columns.items() if month > last)
    if beyond and added:
        col, month = beyond[0]
        raise ip.LayoutError(
            f"{quote_sheetname(scores.title)}!{get_column_letter(col)}1 is {month}, typed right of the tracker's last "
            f"month {last} (no NPS formula reads its answers), where {command} adds {months_text(added)}, formulas and "
            f"all: move that column's answers into an answers file (or clear it) and {command} again"
        )


def add_months(package: ip.Package, wb: Any, sheets: dict[str, FoundSheet], added: list[pd.Period], scores: Scores,
               cohorts_needed: bool, notes: list[str], by_hand: bool = False) -> dict[str, Triangle]:  # fmt: skip
    """Add the months ``added`` (after the tracker's last month) to every monthly sheet, the answers sheet and the
    Cohorts sheet of ``package`` (``wb``: the same workbook opened with openpyxl, read-only). ``scores.columns`` takes
    the new answer columns; ``notes`` gets the user's formulas widened and a Cohorts sheet that could not grow
    (refused instead where ``cohorts_needed``: the data has cohorts to write). Returns the grown cohort triangles.
    Raises :class:`~.inplace.LayoutError` with one line, the package unsaved, where something is in the way.
    ``by_hand`` (``extend``): a Cohorts sheet with counts typed in its triangles that cannot grow is refused too (its
    new months' cohorts would have no row, the fits leaving them out: H265's finding 05), with what to move."""
    name = package.path.name
    base = next(iter(sheets.values()))
    if NPS_SUMMARY.title in sheets and scores.title is None:  # its formulas read "NPS scores": none to grow
        raise ip.LayoutError(
            f"{name} has the sheet {NPS_SUMMARY.title!r} but not {NPS_SCORES_TITLE!r}, whose answers its "
            f"formulas read, so {months_text(added)} cannot be added to it: delete "
            f"{NPS_SUMMARY.title!r} too if you do not track NPS, or put {NPS_SCORES_TITLE!r} back (copy it "
            "from a new tracker: xl-retention new NEW.xlsx)"
        )
    check_merges(package, sheets, added)  # a merged range below the months would hide the new ones
    answers = scores.title or NPS_SCORES_TITLE
    with collected() as stretched:  # a formula of the user's over the months now reads the new ones too
        scores.columns |= grow(package, sheets, scores.columns, added, scores.rows, answers)
    own, at = [s for s in stretched if not s.startswith(LEFT_BLANK)], len(notes)
    notes.extend(stretched_lines(own))
    listed = len(notes) - at  # the lines of those formulas: a Cohorts range widened below joins them
    notes.extend(s for s in stretched if s.startswith(LEFT_BLANK))  # own columns not continued, one line each
    move_note_merges(package, sheets, added)
    n = len(base.months)
    if cohorts_title(wb) is None and not cohorts_needed:  # renamed ('Signups'): grown under its name
        notes.append(f"{name} has no sheet {COHORTS_TITLE!r}: no cohort table to add months to")
        return {}
    how = BY_HAND if by_hand else "make a tracker that covers the data (xl-retention new) and import into it"
    try:
        widened: list[str] = []  # =SUM(Cohorts!B4:B6) of the user's: B4:B9, listed as the other sheets' are
        old = cohort_months(wb, base.months[0]) or n  # a Cohorts left at fewer months than the others: from those
        carried: list[str] = []  # a column of the user's right of the tables, moved right as they grew
        triangles = grow_cohorts(package, wb, base.months[0], old, n + len(added), widened, how, carried)
        notes[at : at + listed] = stretched_lines(own + widened)
        notes.extend(carried)
        return triangles
    except TypedOverFormula:  # one cell to put back: refused, every sheet unchanged, not left behind the others
        raise
    except ip.LayoutError as error:
        if cohorts_needed:
            raise
        if by_hand and _typed_counts(wb):
            raise ip.LayoutError(
                f"{name}: the Cohorts sheet cannot grow to {added[-1]} with the other sheets, and the cohort counts "
                f"typed on it would have no row for the cohorts after {added[0] - 1} (the sBG and BdW fits and "
                f"projections leaving them out): {error}; nothing was changed"
            ) from None
        notes.append(f"Cohorts keeps its {n} months: {error}")
        return {}


def cohort_months(wb: Any, first: pd.Period) -> int | None:
    """How many cohorts the survivors triangle of ``wb`` (read-only) has from ``first``, where it starts there and has
    a row a month (a Cohorts sheet that could not grow with the monthly sheets: fewer), else None."""
    from .cohort_sheet import triangle

    try:
        found = triangle(wb, "Cohort_Counts", "")
    except ip.LayoutError:
        return None
    if found is None or not found.rows:
        return None
    months = sorted(found.rows)
    return len(months) if months == list(pd.period_range(first, periods=len(months), freq="M")) else None


def _typed_counts(wb: Any) -> bool:
    """Whether a cohort triangle of ``wb`` (read-only) holds a count typed (a tracker keeping its cohorts by hand)."""
    from .cohort_sheet import INPUT_NAMES, triangle

    for name in INPUT_NAMES:
        try:
            found = triangle(wb, name, "")
        except ip.LayoutError:  # a triangle moved or deleted: its counts are not where extend could carry them
            return True
        if found is not None and any(isinstance(v, int | float) for v in found.values.values()):
            return True
    return False
