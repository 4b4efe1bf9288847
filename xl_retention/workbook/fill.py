"""Place the import's monthly tables in a tracking workbook's input cells, in place.

:func:`fill_package` reads the workbook's layout with openpyxl (read-only: headers, months, the values already there),
decides every cell to write, refuses with one line when the layout cannot be matched, and only then edits the package
(:mod:`.inplace`) and replaces the file.

Rules (the README's "Importing into a workbook you have edited"):

- Monthly sheets are found under their title or the one the user renamed them to (:func:`.found.monthly_titles`),
  input columns by their header in row 1 (:data:`~.template.MONTHLY_SHEETS`), the cohort triangle by the defined name
  ``Cohort_Counts``, NPS score columns by their month in row 1 of "NPS scores". A missing header refuses, naming the
  sheet and the header.
- Import owns the input cells of the months its data covers. A value there that differs from the data (typed by hand,
  or by an earlier import of other figures; also one typed over a template formula) refuses, naming the cells and
  their values, unless ``replace_typed`` (``--replace-typed``): then each replaced cell is listed with its old value
  (:mod:`.typed_values`). A month that still holds exactly what an earlier import wrote there (the import's record in
  the workbook, :mod:`.import_record`) is updated without the option, its cells listed in one line, where the value is
  of the month in progress at that import (the last month of its data) or a later one; a changed value of an earlier
  month, closed then, refuses (:func:`.typed_values.refuse_closed`: another source, a filtered export, today's prices
  over past months), unless every such value is an order's that the export gives back with the orders it marks
  refunded or cancelled since counted as paid (:mod:`.refunds_since`). Months outside
  the data stay as typed. Where typed months meet imported ones on Customers or
  Revenue, the seam must agree: typed months just before the data's first month refuse (the data has no customers
  before its first month, so every typed customer would be lost at the seam); typed months just after the data's last
  month are kept when the imported months do not change a value typed in the last of them, and (Customers) the typed
  month can follow the imported end (no customer from nowhere: start + gained >= end).
- Data past the workbook's last month adds months at the end of every monthly sheet and of "NPS scores" (and grows
  the Cohorts sheet); data before its first month refuses (growing backwards would move every row).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl.utils import get_column_letter, quote_sheetname

from .._workbooks import open_read_only
from . import inplace as ip
from .answers_sheet import answers_title, check_answer_ranges, response_rows, score_columns, scores_range, write_scores
from .chart_columns import add_movement_chart_columns
from .chart_ranges import CHART_PARTS, reset_chart_ranges
from .cohort_sheet import Triangle, triangle, triangle_before, upgrade_observed_to
from .cohorts_before_data import clear_before_data, why
from .dashboard_empty import has_data, mark_empty_charts
from .dashboard_upgrade import upgrade_dashboard
from .found import FoundSheet, check_cohort_headers, check_history, read_sheets
from .growth import grow_answers
from .import_record import Entry, digest, digests, last_month, read_record, write_record
from .in_progress import holds_month, mark_in_progress, mark_segment
from .layout_upgrade import upgrade_layout
from .monthly import template_formula_at
from .months_added import Scores, add_months, check_typed_beyond
from .own_starts import own_start, own_starts_line
from .refunds_since import refunds_since
from .report_lines import cleared_line, listed, months_added, upgraded_line
from .seams import check_seams, filled_in, is_formula, number
from .see_texts import follow_renamed_sheets
from .stale import holds, save_cleared
from .template import (
    CUSTOMERS,
    MONTH,
    NPS_RESPONSE_ROWS,
    NPS_SCORES_TITLE,
    NPS_SUMMARY,
    PURCHASES,
    REVENUE,
    column_letter,
    render_formula,
)
from .typed_values import (
    Replaced,
    refuse_closed,
    refuse_replacing,
    replaced_line,
    text_figure,
    texts_line,
    updated_line,
)
from .upgrade import upgrade_formulas, upgrade_lifetime

if TYPE_CHECKING:
    from .importer import Tables

# the template's input column key <- the table's column
CUSTOMER_INPUTS = {"gained": "gained", "end": "customers_end"}
REVENUE_INPUTS = {"new": "new_mrr", "expansion": "expansion_mrr", "reactivation": "reactivation_mrr",
                  "contraction": "contraction_mrr", "churned": "churned_mrr"}  # fmt: skip
# all three or none: the rates divide repeat purchasers and returning customers by buyers, so an older tracker
# (no repeat purchasers column; its "Repeat purchase rate" divided returning customers by buyers) is refused
PURCHASE_INPUTS = {"buyers": "buyers", "returning": "returning", "repeat": "repeat_purchasers"}
VISIT_INPUTS = {"visitors": "visitors", "returning_visitors": "returning"}
#: the import record's groups of the visits' columns (apart from the orders' of the same sheet and month) and of the
#: order cohorts (apart from the survivors of the same Cohorts row)
VISITS, ORDERS = "|visits", "|orders"
COHORT_NAME = "Cohort_Counts"  # survivors: the sBG model's triangle
ORDER_COHORT_NAME = "Order_Cohort_Counts"  # repeat-purchase cohorts from --orders: their own triangle


@dataclass
class Filled:
    """What :func:`fill_package` did: the workbook's months, the sheets written, months added, values replaced."""

    first: pd.Period
    months: int
    covered: tuple[pd.Period, pd.Period]
    sheets: list[str] = field(default_factory=list)
    added: list[pd.Period] = field(default_factory=list)
    #: the cells whose value (typed, or from an earlier import) the import replaced, with their old values
    replaced: list[Replaced] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    #: some month outside the imported ones holds figures (typed, or from an earlier import): kept as it was
    kept_others: bool = False
    #: the cells of months holding exactly what an earlier import wrote, updated to the data's values
    updated: list[Replaced] = field(default_factory=list)
    #: formula cells whose stored result (computed from the old inputs) the import cleared
    cleared: int = 0
    #: formula cells exactly as an earlier template wrote them, given this version's formula (workbook.upgrade)
    upgraded: list[str] = field(default_factory=list)
    #: no cell changed (the same data again): the file was not written, its results and fitted charts kept
    unchanged: bool = False

    def lines(self, path: str | Path, recalc: bool = False) -> list[str]:
        """The CLI's report, one line each (``recalc``: a recalculation stores the new results next)."""
        did = "nothing new for" if self.unchanged else "filled"  # not "filled" above "no cell changed" (H348's 03)
        out = [f"{did} {path}, a tracker of {self.months} months from {self.first}"]
        if self.added:
            out.append(f"added {months_added(self.added)} at the end of the monthly sheets")
        first, last = self.covered
        covered = (
            f"the month its data covers ({first})"
            if first == last
            else f"the months its data covers ({first} to {last})"
        )
        if self.unchanged:  # the same data again: "import wrote" beside "did not write the file" (H204's finding 02)
            kept = ", so the import did not write the file (its stored results and the Dashboard's charts fitted to "
            kept += "them are kept)"
            out.append(
                f"{Path(path).name} held every figure of this import already ({covered} on {', '.join(self.sheets)}): "
                f"no cell changed{'' if recalc else kept}"
            )
        else:
            out.append(
                f"import wrote {covered} on "
                f"{', '.join(self.sheets)}" + ("; the other months' figures are kept as they were" * self.kept_others)
            )
        if self.updated:
            out.append(updated_line(self.updated))
        if self.replaced:
            out.append(replaced_line(self.replaced))
        if self.restored:
            out.append(
                f"put the template's formula back in {len(self.restored)} formula cell"
                f"{'s' if len(self.restored) > 1 else ''} of the imported months that held a typed value or were "
                f"cleared: {listed(self.restored)}"
            )
        if self.cleared and not recalc:
            readers = "pandas or a file preview"
            out.append(cleared_line(self.cleared, " stored from the old inputs", readers, "the new ones"))
        if self.upgraded:
            why = " (numbers pasted as text are read as numbers; formulas of your own are kept)"
            out.append(upgraded_line(self.upgraded, why))
        return out + self.notes


class _Plan:
    """The cells to write, collected before the package is touched."""

    def __init__(self, package: ip.Package) -> None:
        self.package = package
        self.replaced: list[Replaced] = []
        self.restored: list[str] = []
        self.sheets: list[str] = []
        self.notes: list[str] = []
        #: cells holding the data's figure as a text (:func:`.typed_values.text_figure`), written as the number
        self.texts: list[Replaced] = []
        #: (cell, formula) of the user's formulas in cells the import writes: refused by :meth:`check_formulas`
        self.formulas: list[tuple[str, str]] = []
        #: (cell, formula) of the user's formulas in the imported months' starts, kept (:mod:`.own_starts`)
        self.own_starts: list[tuple[str, str]] = []
        #: (sheet, month) -> (cell, label, earlier address, value there, value written) of every cell written there:
        #: the import's record
        #: (the visits' cells of 'Purchases and visits' under the sheet's title + :data:`VISITS`, the order cohorts'
        #: under the triangle's title + :data:`ORDERS`: imports of each refreshed on their own)
        self.written: dict[tuple[str, str], list[tuple[str, Any, Any]]] = {}
        #: a grouped key -> the key an import before the groups recorded the cells under
        self.ungrouped: dict[tuple[str, str], tuple[str, str]] = {}

    def put(self, title: str, ref: str, value: Any, old: Any, month: pd.Period | None = None,
            at: pd.Period | None = None, group: str = "", label: str | None = None,
            was: str | None = None) -> None:  # fmt: skip
        """``value`` into ``title!ref`` (of ``month``; the figure of the month ``at`` where another: a Cohorts
        cell), ``old`` the value there (a different one is listed). ``label`` names the cell within its sheet and
        month by what it is, not where (a column's key, a cohort's month since its start): the record's digest reads
        it, so a column the user inserted or a cohort table moved down by added months is not a change; ``was``:
        where an earlier version's record (by address) may have had it (the template's column, the table before this
        import moved it down)."""
        element = self.package.sheet(title).cell(ref)
        if element is not None and (formula := _formula_in(element)) is not None:  # the user's link, not a figure
            self.formulas.append((f"{quote_sheetname(title)}!{ref}", formula))
            return
        value = number(value)
        if text_figure(old, value):  # '2 ' pasted where the data gives 2: that figure, written as the number
            self.texts.append(Replaced(title, f"{quote_sheetname(title)}!{ref}", month, old, new=value))
        elif old is not None and not _same_figure(old, value):
            self.replaced.append(
                Replaced(
                    title,
                    f"{quote_sheetname(title)}!{ref}",
                    month,
                    old,
                    new=value,
                    at=at,
                    group=group,
                    label=label or "",
                )
            )
        if not holds(self.package.sheet(title).cell(ref), value):  # the same figure again: the cell as it is
            self.package.sheet(title).set_value(ref, value)
        if month is not None:
            self.written.setdefault((title + group, str(month)), []).append((ref, label or ref, was or ref, old, value))
            if group:
                self.ungrouped[(title + group, str(month))] = (title, str(month))
        if title not in self.sheets:
            self.sheets.append(title)

    def check_formulas(self, covered: tuple[pd.Period, pd.Period]) -> None:
        """Refuse, naming the cells, where the import would write over formulas of the user's (``='My data'!A2`` in
        an input cell): a figure in their place would cut the link, silently, and lose the formula."""
        if not self.formulas:
            return
        cells = [cell for cell, _ in self.formulas]
        first = next(((cell, formula) for cell, formula in self.formulas if formula), None)
        example = f" ({first[0]} {first[1]})" if first else ""
        span = str(covered[0]) if covered[0] == covered[1] else f"{covered[0]} to {covered[1]}"
        raise ip.LayoutError(
            f"{listed(cells)} {'holds a formula' if len(cells) == 1 else 'hold formulas'} of yours{example} in "
            f"input cells where the import writes the figures of {span}: they would be replaced "
            "by numbers; nothing was written: clear those cells (or move the formulas out of the input cells) and "
            "import again, or import into a copy"
        )

    def earlier_import(self, last: pd.Period) -> tuple[list[Replaced], list[Replaced], str]:
        """Take out of :attr:`replaced` the values of months that still hold exactly what an earlier import wrote
        there (:mod:`.import_record`), returned with those of them of a month before the last month of that import's
        data (the month in progress then: closed; only ``--replace-typed`` updates them) and the latest such last
        month; then record what this import writes, its data's ``last`` month with it."""
        record = read_record(self.package)
        for key, before in self.ungrouped.items():  # recorded before the groups: the sheet's month, if only them
            if key not in record and before in record:
                record[key] = record[before]
        same = {key for key, cells in self.written.items() if key in record and record[key].digest in digests(cells)}
        earlier = [c for c in self.replaced if not c.over_formula and (c.sheet + c.group, str(c.month)) in same]
        self.replaced = [c for c in self.replaced if c not in earlier]
        lasts = {id(c): last_month(record, (c.sheet + c.group, str(c.month))) for c in earlier}
        closed = [c for c in earlier if c.of is not None and str(c.of) < (lasts[id(c)] or "")]
        through = max((lasts[id(c)] or "" for c in closed), default="")
        for key, cells in self.written.items():
            kept = max(str(last), last_month(record, key) or "") if key in record else str(last)
            record[key] = Entry(digest((label, new) for _, label, _, _, new in cells), kept)
        write_record(self.package, record)
        return earlier, closed, through

    def restore(self, title: str, ref: str, formula: str, old: Any = None, month: pd.Period | None = None) -> None:
        """The template's ``formula`` (with its ``=``) back in ``title!ref``, listed (``old``: a value typed there)."""
        sheet = self.package.sheet(title)
        if old not in (None, ""):
            self.replaced.append(Replaced(title, f"{quote_sheetname(title)}!{ref}", month, old, over_formula=True))
        sheet.put(ref, sheet.element(ref, sheet.style(ref), formula=formula.removeprefix("=")))
        self.restored.append(f"{quote_sheetname(title)}!{ref}")


_FORMULA = re.compile(rb"<(?:[\w.\-]+:)?f\b[^>]*?(?:/>|>(.*?)</(?:[\w.\-]+:)?f\s*>)", re.DOTALL)


def _formula_in(element: bytes) -> str | None:
    """The formula (with its ``=``) a ``<c>`` element holds, "" for a cell sharing another's, None for no formula."""
    match = _FORMULA.search(element)
    if match is None:
        return None
    text = ip.unescape(match.group(1)) if match.group(1) else ""
    return f"={text}" if text else ""


def _same_figure(old: Any, new: Any) -> bool:
    """Equal as Excel shows numbers (15 significant digits): a sum re-saved by another program is not a change; a
    logical is no number (a typed TRUE where the data gives 1 is replaced, so listed: Python's True == 1)."""
    if isinstance(old, bool) != isinstance(new, bool):
        return False
    if old == new:
        return True
    numbers = (int, float)
    if isinstance(old, numbers) and isinstance(new, numbers) and not isinstance(old, bool):
        return float(f"{old:.15g}") == float(f"{new:.15g}")
    return False


def fill_package(path: Path, tables: Tables, replace_typed: bool = False, recalc: bool = False) -> Filled:
    """See :func:`xl_retention.workbook.importer.fill_workbook`."""
    data = tables.months()
    if not len(data):
        raise ValueError(f"nothing to write into {path.name}: the input files give no months")
    try:
        wb = open_read_only(path)
    except Exception as error:  # openpyxl raises many kinds on a package it cannot read
        raise ValueError(f"{path.name} cannot be read as a workbook: {error}") from None
    try:
        sheets = read_sheets(wb, tables, path.name, given=str(path))
        base = next(iter(sheets.values()))
        package = ip.Package(path)
        fitted = {name: package.data[name] for name in package.names(CHART_PARTS)}
        reset_chart_ranges(package)  # charts a recalc fitted to its months with data: every month again, then grown
        # ... kept fitted where the import changes no cell (the same data again: H194's finding 01)
        refitted = {n: (fitted[n], package.data[n]) for n in fitted if package.data[n] != fitted[n]}
        plan = _Plan(package)
        plan.notes.extend(add_movement_chart_columns(package, sheets))  # an earlier tracker's bars: as drawn now
        first = base.months[0]
        if data[0] < first:
            source = _source_of(tables, data[0])
            raise ip.LayoutError(
                f"{source} starts in {data[0]}, before {path.name}'s first month {first}: import adds months only "
                f"after a workbook's last month; make a tracker that starts there (xl-retention new NEW.xlsx "
                f"--start {data[0]} --months {len(data)}) and import into it"
            )
        check_history(sheets, tables)
        added = list(pd.period_range(base.months[-1] + 1, data[-1], freq="M"))
        if added:  # Google's formulas kept as values over the months: not widened (H354, as extend refuses)
            from .google_extend import refuse_google_over_months

            refuse_google_over_months(path.name, package, sheets, base.months[-1], len(added), "import")
        answers = answers_title(wb, sheets.get(NPS_SUMMARY.title), path.name)  # 'NPS scores' or its new name
        scores_wb = wb[answers] if answers is not None else None
        scores_columns = score_columns(scores_wb) if scores_wb is not None else {}
        # typed by hand right of the last month, no NPS formula: the new months' columns go there
        check_typed_beyond(Scores(answers, scores_columns), base.months[-1], added)
        triangles: dict[str, Triangle] = {}
        summary = sheets.get(NPS_SUMMARY.title)
        answers = answers or NPS_SCORES_TITLE
        rows = response_rows(summary, answers, NPS_RESPONSE_ROWS) if summary is not None else NPS_RESPONSE_ROWS
        if tables.scores is not None and summary is not None:  # the formulas read where the answers go
            check_answer_ranges(summary, answers, scores_columns, rows, tables.scores.index)
        most = max((len(a) for a in tables.scores), default=0) if tables.scores is not None else 0
        if most > rows and summary is not None:  # more answers in a month than the NPS formulas read: room first
            grow_answers(package, summary, scores_columns, rows, most, answers)
            rows = most
        if added:
            scores = Scores(scores_wb.title if scores_wb is not None else None, scores_columns, rows)
            cohorts_needed = tables.survivors is not None or tables.order_cohorts is not None
            triangles = add_months(package, wb, sheets, added, scores, cohorts_needed, plan.notes)
            scores_columns = scores.columns
        monthly = upgrade_formulas(package, sheets, added=len(added))  # first: the Lifetime value reads its names
        lifetime, notes = upgrade_lifetime(package, wb)
        dashboard, more = upgrade_dashboard(package, wb, tables.purchases is not None or tables.visits is not None)
        more += upgrade_layout(package, wb, sheets)  # charts, print setup, NPS widths: this version's
        follow_renamed_sheets(package, wb, sheets.values())  # "see Customers!F3" after Customers was renamed
        upgraded = monthly + lifetime + dashboard
        if not added:  # a grown Cohorts sheet is the template's already
            upgraded += upgrade_observed_to(package, wb)
        plan.notes.extend(notes + more)
        in_progress_at = len(plan.notes)  # the month in progress's note: once the sheets written are known, below
        plan.notes.extend(mark_segment(package, wb, tables.segment))
        if tables.movements is not None:
            _write_movements(plan, sheets, tables)
            for title in (CUSTOMERS.title, REVENUE.title):
                _restore_formulas(plan, sheets[title], tables.movements.index)
        if tables.purchases is not None:
            _write_rows(plan, sheets[PURCHASES.title], tables.purchases, PURCHASE_INPUTS)
        if tables.visits is not None:
            _write_rows(plan, sheets[PURCHASES.title], tables.visits, VISIT_INPUTS, VISITS)
        bought = [f.index for f in (tables.purchases, tables.visits) if f is not None]
        if bought:
            _restore_formulas(plan, sheets[PURCHASES.title], bought[0].union(bought[-1]))
        if tables.scores is not None:
            source = tables.sources["nps"].name if "nps" in tables.sources else "the answers file"
            write_scores(plan, answers, scores_columns, tables.scores, rows, source, replace_typed)

            def read(month: pd.Period) -> dict[str, str]:
                return {"scores": scores_range(scores_columns[month], rows, answers)} if month in scores_columns else {}

            _restore_formulas(plan, sheets[NPS_SUMMARY.title], tables.scores.index, read)
        before_data: list[str] = []  # why cells of cohorts before the data are among those replaced
        wanted = [COHORT_NAME] if tables.survivors is not None else []
        wanted += [ORDER_COHORT_NAME] if tables.order_cohorts is not None and len(tables.order_cohorts) else []
        for name in wanted:
            if name not in triangles and (found := triangle(wb, name, path.name)) is not None:
                # counts go by position: the headers above must count from Month 0 (a grown one is checked by growing)
                check_cohort_headers(wb, found.title, found.top, found.left, found.right, name)
                triangles[name] = found
        if tables.survivors is not None:
            if COHORT_NAME not in triangles:
                raise ip.LayoutError(f"{path.name} has no defined name {COHORT_NAME!r} for the cohort triangle")
            _write_cohorts(
                plan, triangles[COHORT_NAME], tables.survivors, COHORT_NAME, triangle_before(wb, COHORT_NAME, added)
            )
            if tables.existing is not None:  # customers of every tenure: not a cohort of sign-ups (workbook.existing)
                _clear_cohort(plan, triangles[COHORT_NAME], tables.existing[0])
            found = triangles[COHORT_NAME]
            if cleared := clear_before_data(plan, found, tables.survivors, whole=replace_typed):
                source = _named(tables, "subscriptions")
                before_data.append(why(cleared, found.title, tables.survivors.index, source, replace_typed))
        if tables.order_cohorts is not None and len(tables.order_cohorts):
            if ORDER_COHORT_NAME in triangles:
                before = triangle_before(wb, ORDER_COHORT_NAME, added)
                _write_cohorts(plan, triangles[ORDER_COHORT_NAME], tables.order_cohorts, ORDER_COHORT_NAME, before)
                found, cohorts = triangles[ORDER_COHORT_NAME], tables.order_cohorts
                if cleared := clear_before_data(plan, found, cohorts, ORDERS, replace_typed):
                    source = _named(tables, "orders")
                    before_data.append(why(cleared, found.title, cohorts.index, source, replace_typed, "order cohorts"))
            else:
                plan.notes.append(
                    f"order cohorts not written: {path.name} has no order-cohort table ({ORDER_COHORT_NAME}; trackers "
                    "made by this version have one); they never go into the sBG survival triangle"
                )
        plan.check_formulas((data[0], data[-1]))  # the sheets it writes known: another input's month in progress
        plan.notes[in_progress_at:in_progress_at] = mark_in_progress(
            package, wb, data[-1], written={sheet for sheet, _ in plan.written},
            held=partial(holds_month, wb, sheets, answers),
        )  # fmt: skip
        # the charts of subscriptions or NPS of a tracker holding none say so under their titles (H382's finding)
        mark_empty_charts(package, partial(has_data, wb, sheets, answers, tables))
        updated, closed, through = plan.earlier_import(data[-1])
        purchases = sheets[PURCHASES.title].spec.title if PURCHASES.title in sheets else ""
        closed = refunds_since(closed, tables, purchases, PURCHASE_INPUTS, ORDERS, through, plan.notes)
        if not replace_typed:
            refuse_closed(closed, path.name, through)
            refuse_replacing(plan.replaced, path.name, "; ".join(before_data))
        plan.notes.extend(before_data if replace_typed else [])
        if plan.texts:
            plan.notes.append(texts_line(plan.texts))
        plan.notes.extend(n for n in tables.notes if n not in plan.notes)  # an NPS edge month's: once
        if plan.own_starts:  # starts of formulas of the user's: the import rewrote the ends, not them
            plan.notes.append(own_starts_line(plan.own_starts))
    finally:
        wb.close()
    cleared = save_cleared(package, path.name, refitted, charts=not recalc)  # recalc sets the charts' points
    plan.notes.extend(package.signature_lines("the imported figures"))
    unchanged = package.data == package.original and not package.removed  # the file was not written
    months = len(base.months) + len(added)
    filled = Filled(first, months, (data[0], data[-1]), plan.sheets, added, plan.replaced, plan.notes, plan.restored)
    filled.cleared = cleared
    filled.unchanged = unchanged
    filled.updated = updated
    filled.upgraded = upgraded
    filled.kept_others = any(
        filled_in(sheet, sheet.row(month), [c.key for c in sheet.spec.columns if c.formula is None and c is not MONTH])
        for title in plan.sheets
        if (sheet := sheets.get(title)) is not None
        for month in sheet.months
        if not data[0] <= month <= data[-1]
    )
    return filled


def _restore_formulas(plan: _Plan, sheet: FoundSheet, months: pd.Index,
                      extra: Callable[[pd.Period], dict[str, str]] | None = None) -> None:  # fmt: skip
    """The template's formula back in every formula cell of ``months`` that holds a typed value or nothing.

    A value typed over a formula (say 999 over February's customers at start) would otherwise stay and make the
    imported month's rates silently wrong. A formula of the user's own is left alone; so is a column whose formula
    reads a column the sheet lacks (an older tracker), and months the import added (written with the formulas).
    """
    letters = {key: get_column_letter(column) for key, column in sheet.columns.items()}
    for month in months:
        if month not in sheet.months:  # a month the import added: written with the formulas
            continue
        row = sheet.row(month)
        for column in sheet.spec.columns:
            if not template_formula_at(column, row) or column.key not in sheet.columns:
                continue
            old = sheet.value(row, sheet.columns[column.key])
            if is_formula(old) and column.key != "start":
                continue
            try:
                formula = render_formula(column.formula, letters, row, extra(month) if extra else None)
            except KeyError:
                continue
            if is_formula(old):  # a start of the user's formula: kept, said where not the template's (H332's 08)
                if own_start(column, letters, row, old, formula, sheet.spec.title):
                    plan.own_starts.append((f"{quote_sheetname(sheet.spec.title)}!{letters[column.key]}{row}", old))
                continue
            plan.restore(sheet.spec.title, f"{letters[column.key]}{row}", formula, old, month)


def _source_of(tables: Tables, month: pd.Period) -> str:
    frames = {"subscriptions": (tables.movements,), "orders": (tables.purchases,), "nps": (tables.nps,),
              "visits": (tables.visits,)}  # fmt: skip
    for kind, (frame,) in frames.items():
        if frame is not None and len(frame) and frame.index.min() == month and kind in tables.sources:
            return tables.sources[kind].name
    return "the data"


def _named(tables: Tables, kind: str) -> str:
    """The name of the input file of ``kind`` ("subscriptions", "orders")."""
    return tables.sources[kind].name if kind in tables.sources else f"the {kind}"


def _write_rows(plan: _Plan, sheet: FoundSheet, frame: pd.DataFrame, inputs: dict[str, str], group: str = "") -> None:
    """``frame``'s columns into the input columns ``inputs`` (key -> table column) of the months it covers
    (``group``: recorded apart from the sheet's other columns, :attr:`_Plan.written`).

    Every input column in ``inputs`` must be found by its header (else one line naming it, nothing written).
    """
    columns = {key: sheet.column(key) for key in inputs}
    for month, figures in frame.iterrows():
        row = sheet.row(month)
        for key, column in inputs.items():
            old = sheet.value(row, columns[key])
            ref = f"{get_column_letter(columns[key])}{row}"
            was = f"{column_letter(sheet.template, key)}{row}"
            plan.put(sheet.spec.title, ref, figures[column], old, month, group=group, label=key, was=was)


def _write_movements(plan: _Plan, sheets: dict[str, FoundSheet], tables: Tables) -> None:
    movements = tables.movements
    source = tables.sources.get("subscriptions", Path("the subscriptions")).name
    for spec, inputs, start, end in ((CUSTOMERS, CUSTOMER_INPUTS, "customers_start", "customers_end"),
                                     (REVENUE, REVENUE_INPUTS, "mrr_start", "mrr_end")):  # fmt: skip
        sheet = sheets[spec.title]
        check_seams(sheet, movements, inputs, start, end, source)
        _write_rows(plan, sheet, movements, inputs)
        first = movements.index[0]
        if first == sheet.months[0]:  # the workbook's first month: its start is an input
            column = sheet.column("start")
            old = sheet.value(2, column)
            ref = f"{get_column_letter(column)}2"
            was = f"{column_letter(sheet.template, 'start')}2"
            plan.put(sheet.spec.title, ref, movements[start].iloc[0], old, first, label="start", was=was)


def _clear_cohort(plan: _Plan, found: Triangle, cohort: pd.Period) -> None:
    """Blank the row of ``cohort`` in the triangle ``found`` (values written there before are listed as replaced)."""
    if cohort not in found.rows:
        return
    r = found.rows[cohort]
    for column in range(found.left, found.right + 1):
        if (old := found.values.get((r, column))) is not None:
            k = column - found.left
            plan.put(found.title, f"{get_column_letter(column)}{r}", None, old, cohort, cohort + k, label=f"+{k}")
    if found.title not in plan.sheets:
        plan.sheets.append(found.title)


def _write_cohorts(
    plan: _Plan, found: Triangle, cohorts: pd.DataFrame, name: str, before: Triangle | None = None
) -> None:
    """A cohort table (rows: signup months, columns: months since signup) into the triangle ``found`` (``before``:
    where it was before this import added months, for an earlier version's record)."""
    title = found.title
    for cohort, counts in cohorts.iterrows():
        if cohort not in found.rows:
            raise ip.LayoutError(
                f"{title}: no row for the {cohort} cohort in {name} ({min(found.rows)} to {max(found.rows)})"
            )
        r = found.rows[cohort]
        for k, count in enumerate(counts.to_numpy()):
            if pd.isna(count):
                continue
            if found.left + k > found.right:
                raise ip.LayoutError(
                    f"{title}: the {cohort} cohort has {k + 1} months, {name} {found.right - found.left + 1}"
                )
            old = found.values.get((r, found.left + k))
            ref = f"{get_column_letter(found.left + k)}{r}"
            group = ORDERS if name == ORDER_COHORT_NAME else ""
            at = before if before is not None and cohort in before.rows else found
            was = f"{get_column_letter(at.left + k)}{at.rows[cohort]}"
            plan.put(title, ref, count, old, cohort, cohort + k, group, label=f"+{k}", was=was)
    if title not in plan.sheets:
        plan.sheets.append(title)


__all__ = ["Filled", "fill_package", "number"]
