"""A tracker's own checks after its recalculation (split from :mod:`.batch`, which calls them): the rows of its
monthly sheets (months computed by formulas, values typed over its formulas, figures typed as texts, dates or
percentages) and the file's (an input no formula reads, a monthly sheet copied or a month deleted, an earlier
template's formulas, names Google Sheets dropped). Each adds its line before the report's message, naming the file;
a line that makes the file's figures wrong makes it ``incomplete``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from .batch_reports import FileReport
    from .month_order import MonthOrder, TrackerSheet

__all__ = ["check_tracker_file", "check_tracker_rows"]


def _said(report: FileReport, path: Path, line: str) -> None:
    """``line`` put before the report's message, after the file's name."""
    report.message = f"{path.name}: {line}" + (f"; {report.message}" if report.message else "")


def check_tracker_rows(
    report: FileReport,
    path: Path,
    tracker: dict[str, TrackerSheet],
    order: MonthOrder,
    values: dict[str, dict[str, Any]],
) -> None:
    """The checks of a tracker's monthly sheets (``tracker``: :func:`.month_order.tracker_rows` of the workbook at
    ``path``; ``order``: its :func:`.month_order.sheets_out_of_order`) against the formulas' computed ``values``."""
    from .month_order import sheets_out_of_order

    if tracker and order.unlabeled is not None:  # months of formulas stored without a value: as computed
        from .month_order import with_computed_months

        tracker = with_computed_months(tracker, values)  # (=EDATE(A2,1) copied down: not blank, H332's 10)
        order = sheets_out_of_order(tracker)
    for unread in (order.unlabeled, order.above):  # a row of figures without its month (dated 0 on the
        if unread is not None:  # Dashboard); a month inserted above the first (no formula reads it)
            report.status = "incomplete"
            _said(report, path, unread)
    if tracker:  # values typed over a tracker's formulas (a month's start typed over): its figures come from them
        from .typed_over import typed_over_cohorts, typed_over_formulas

        formula_cells = {sheet: dict(cells) for sheet, cells in values.items()}
        for issue in report.unsupported:  # cells the engine could not compute are formulas too
            sheet, _, ref = issue.address.rpartition("!")
            formula_cells.setdefault(sheet, {}).setdefault(ref, None)
        typed = typed_over_formulas(tracker, formula_cells)
        if typed.line is not None:
            report.status = "incomplete" if typed.wrong_start else report.status
            _said(report, path, typed.line)
        from .google_inputs import explain, google_error_inputs

        explain(report.errors, google_error_inputs(path, tracker, values))  # Google's IMPORTRANGE errors (H332)
        from .formula_starts import formula_starts_line

        starts = formula_starts_line(path, tracker, formula_cells)  # a start of a formula of the user's (Google's
        if starts is not None:  # frozen ARRAYFORMULA values) other than the month before's end (H332's 08)
            report.status = "incomplete"
            _said(report, path, starts)
        cohorts = typed_over_cohorts(path, formula_cells)  # a retention share typed over (Cohorts!C19)
        if cohorts is not None:
            _said(report, path, cohorts)
        from .cohort_booleans import cohort_booleans_line

        booleans = cohort_booleans_line(path)  # TRUE typed as survivors: a share of 1 customer (H495's finding 09)
        if booleans is not None:
            report.status = "incomplete"
            _said(report, path, booleans)
        from .typed_over_lifetime import typed_over_lifetime

        lifetime = typed_over_lifetime(path, formula_cells)  # a CLV typed over 'Lifetime value'!B8 (H415's 02)
        if lifetime is not None:
            _said(report, path, lifetime)
        from .typed_text_inputs import text_numbers_line

        texts = text_numbers_line(tracker, formula_cells)  # ' 120 ' pasted: read by the tracker, not by a SUM
        if texts is not None:
            report.message = (f"{report.message}; " if report.message else f"{path.name}: ") + texts
        from .dated_inputs import dated_inputs, dated_inputs_line, dated_readers, name_dated_inputs
        from .typed_text_inputs import misread_inputs

        dated = dated_inputs(tracker, formula_cells)  # 2026-03-15 typed as a churn: computed from 46096 (H397's 02)
        dated += misread_inputs(path, tracker, formula_cells)  # '5%' typed as a churn: 0.05 of money (H415's 01)
        if dated:  # named to the errors whose formulas read it (H416)
            name_dated_inputs(dated, report.errors, dated_readers(path, dated))
            report.status = "incomplete"
            _said(report, path, dated_inputs_line(dated))


def check_tracker_file(report: FileReport, path: Path, output: Path) -> None:
    """The checks of a workbook that may be a tracker (its names hold a month name), on the recalculated ``output``
    of the workbook at ``path``."""
    from ..workbook.checks import unread_input

    unread = unread_input(output, str(path))  # a tracker's input its formulas do not read; the file as given, for a
    if unread is not None:  # command to run on it
        report.status = "incomplete"
        _said(report, path, unread)
    else:  # a copy of a monthly sheet under its name: which one is read, said
        from ..workbook.found import copied_sheet_line

        unread = copied_sheet_line(path)
        if unread is None:  # a sheet's last month's row deleted (H397's finding 04)
            from ..workbook.deleted_months import uneven_months_line

            unread = uneven_months_line(path)
        if unread is not None:
            report.status = "incomplete"
            _said(report, path, unread)
    from ..workbook.upgrade_file import earlier_template_line

    # formulas of an earlier template, which recalc keeps: said, the status left as it is. The values are those of
    # the workbook's own formulas, computed right (a tracker made by an earlier version, typed as its README said, is
    # ok): the message says which cells this version computes otherwise
    earlier = earlier_template_line(path)
    if earlier is not None:
        _said(report, path, earlier)
    from ..workbook.names_back import missing_names_line

    # the template's names defined by a formula, which Google Sheets drops (H332's 01): the notes reading them (a bare
    # #N/A) get the reason, on the sheet under any title the user gave it
    missing = missing_names_line(path, report.errors)
    if missing is not None:
        _said(report, path, missing)
