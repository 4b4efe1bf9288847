"""``xl-retention demo``: a template filled with seeded sample data, recalculated, summarised."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from ._files import not_written, refuse_folder, told_not_written, writing_to
from .recalculation import FileReport, recalc_file
from .workbook import build_template, month_range
from .workbook.sample import sample_inputs
from .workbook.template import CUSTOMERS, NPS_SUMMARY, PURCHASES, REVENUE, MonthlySheet, check_folder, column_letter


def default_start(months: int, today: dt.date | None = None) -> str:
    """The first month of ``months`` months that end with last month."""
    today = today or dt.date.today()
    first = month_range(dt.date(today.year, today.month, 1), 1)[0]
    index = first.year * 12 + first.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _check_start(start: str, months: int, today: dt.date | None = None) -> None:
    """Refuse a ``--start`` whose ``months`` months run past the last full month (sample data of months that have not
    happened, its summary called "Last month"): a ``ValueError`` naming it and the latest start.

    >>> _check_start("2027-01", 24, dt.date(2026, 12, 3))
    Traceback (most recent call last):
    ...
    ValueError: --start 2027-01 with 24 months ends in 2028-12, after the last full month, 2026-11: give --start \
2024-12 or earlier
    """
    parts = start.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
        return  # the template's own check names a month it cannot read
    first = int(parts[0]) * 12 + int(parts[1]) - 1
    last, latest = first + months - 1, default_start(months, today)
    today = today or dt.date.today()
    full = today.year * 12 + today.month - 2  # the month before the current one
    if last > full:
        raise ValueError(
            f"--start {start} with {months} months ends in {last // 12:04d}-{last % 12 + 1:02d}, after the last full "
            f"month, {full // 12:04d}-{full % 12 + 1:02d}: give --start {latest} or earlier"
        )


def run_demo(path: str | os.PathLike[str], months: int = 24, start: str | None = None, overwrite: bool = False):
    """Build the sample workbook at ``path``, recalculated by the embedded engine.

    Returns the recalculation report and the key figures of the last month.
    """
    target = Path(path)
    if target.suffix and target.suffix.lower() not in (".xlsx", ".xlsm"):  # named as given, not the work file
        raise ValueError(f"path must end in .xlsx or .xlsm, got {str(path)!r}")
    refuse_folder(target)  # --force would not help
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} exists: pass --force to replace it")
    if start is not None:
        _check_start(str(start), months)
    check_folder(target)  # a mistyped folder is refused, naming it (not made without a word)
    inputs = sample_inputs(months)
    inputs["Lifetime value"].pop("arpa", None)  # the template's default: the data's own MRR per customer
    # built and recalculated in a folder of its own beside the target, then renamed over it: recalc never replaces
    # a file it did not write from the same input (an earlier demo, with --force, was refused)
    # a write failing (a full disk, a read-only folder) is said of `target`, never of the work files
    try:
        folder = tempfile.TemporaryDirectory(prefix=".demo.", dir=target.parent)
    except OSError as error:  # a read-only folder, or one the user may not write in
        raise not_written(target, error) from error
    with writing_to(target), folder as work:
        raw, out = Path(work, "sample" + (target.suffix or ".xlsx")), Path(work, "demo" + (target.suffix or ".xlsx"))
        first = start or default_start(months)
        build_template(raw, start=first, months=months, overwrite=True, inputs=inputs)
        _fill_order_cohorts(raw, inputs["Purchases and visits"], first)
        report = recalc_file(raw, out, engine="embedded")
        if report.status != "ok":
            raise told_not_written(report.message, out) or RuntimeError(f"recalculation failed: {report.message}")
        os.replace(out, target)
    report.output = str(target)
    return report, last_month_figures(target, months)


def _fill_order_cohorts(path: Path, purchases: dict[str, list[int]], start: str) -> None:
    """The order cohorts on **Cohorts**, from sample orders whose months give the Purchases sheet's buyers, written
    as ``xl-retention import --orders --into`` writes them (the Purchases figures too: equal, so kept as typed;
    orders that disagreed with them would be refused by :func:`fill_workbook`)."""
    from .workbook.importer import Tables, fill_workbook
    from .workbook.sample_orders import order_inputs, sample_orders

    bought, cohorts = order_inputs(sample_orders(purchases, start), start)
    fill_workbook(path, Tables(purchases=bought, order_cohorts=cohorts))


def last_month_figures(path: str | os.PathLike[str], months: int) -> dict[str, object]:
    """The last month's key figures, read from the stored values of a recalculated workbook."""
    from ._workbooks import open_read_only

    wb = open_read_only(path, data_only=True)
    row = months + 1

    def monthly(spec: MonthlySheet, key: str) -> object:  # the last month's row, located by the description
        return wb[spec.title][f"{column_letter(spec, key)}{row}"].value

    def named(name: str) -> object:
        (sheet, ref), *_ = wb.defined_names[name].destinations
        return wb[sheet][ref.replace("$", "")].value

    figures = {
        "month": monthly(CUSTOMERS, "month"),
        "customers_end": monthly(CUSTOMERS, "end"),
        "customers_gained": monthly(CUSTOMERS, "gained"),
        "customers_lost": monthly(CUSTOMERS, "lost"),
        "crr": monthly(CUSTOMERS, "crr"),
        "churn_rate": monthly(CUSTOMERS, "churn"),
        "mrr_end": monthly(REVENUE, "end"),
        "net_revenue_churn": monthly(REVENUE, "net_churn"),
        "nrr": monthly(REVENUE, "nrr"),
        "grr": monthly(REVENUE, "grr"),
        "quick_ratio": monthly(REVENUE, "quick_ratio"),
        "nps": monthly(NPS_SUMMARY, "nps"),
        "nps_moe": monthly(NPS_SUMMARY, "moe"),
        "nps_responses": monthly(NPS_SUMMARY, "responses"),
        "repeat_purchase_rate": monthly(PURCHASES, "rate"),
        "returning_customer_rate": monthly(PURCHASES, "returning_rate"),
        "returning_visitor_rate": monthly(PURCHASES, "visitor_rate"),
        "arpa": named("LTV_ARPA"),
        "churn_12m": named("LTV_Churn"),
        "lifetime": named("LTV_Lifetime"),
        "clv": named("LTV_CLV"),
    }
    wb.close()
    return figures


def cell_lines(path: str | os.PathLike[str], report: FileReport) -> list[str]:
    """The cells in error (and any the engine could not compute), one line per error and reason, named as
    ``xl-retention recalc`` names them: ``d.xlsx: Cohorts!B4:D4, 'Lifetime value'!B9:B10 (5 cells) = #NUM!: ...``
    (the sBG fit of fewer than 3 months of cohorts)."""
    from ._cli_recalc import cell_ranges, error_kinds

    lines = []
    for issue in report.unsupported:
        kept = "kept the value Excel stored" if issue.kept else "not recalculated"
        lines.append(f"{path}: {cell_ranges([issue.address])} {kept}: {issue.reason}")
    for error, reason, cells in error_kinds(report.errors):
        where = cell_ranges(cells) + (f" ({len(cells)} cells)" if len(cells) > 1 else "")
        lines.append(f"{path}: {where} = {error}" + (f": {reason}" if reason else ""))
    return lines


def format_figures(path: str | os.PathLike[str], report: FileReport, f: dict[str, object]) -> str:
    """The demo's printout: what was written, each cell in error with its reason, the last month's figures."""
    month = f["month"].strftime("%B %Y") if isinstance(f["month"], dt.date) else str(f["month"])
    return "\n".join(
        [
            f"wrote {path}: the template with sample data, recalculated by the embedded engine "
            f"({report.formulas} formulas, {len(report.errors)} in error, {report.seconds:.2f} s)",
            *cell_lines(path, report),
            f"Last month, {month}:",
            f"  customers        {f['customers_end']:,.0f} at end (+{f['customers_gained']:,.0f} gained, "
            f"-{f['customers_lost']:,.0f} lost)",
            f"  retention (CRR)  {f['crr']:.1%}    churn rate {f['churn_rate']:.1%}",
            f"  revenue          MRR {f['mrr_end']:,.2f}    NRR {f['nrr']:.1%}    GRR {f['grr']:.1%}    "
            f"net revenue churn {f['net_revenue_churn']:.2%}    quick ratio {f['quick_ratio']:.2f}",
            f"  NPS              {f['nps']:.1f} ± {f['nps_moe']:.1f} (95%), {f['nps_responses']:.0f} responses",
            f"  purchases        repeat purchase rate {f['repeat_purchase_rate']:.1%}    "
            f"returning customer rate {f['returning_customer_rate']:.1%}    "
            f"returning visitor rate {f['returning_visitor_rate']:.1%}",
            f"  lifetime value   CLV {f['clv']:,.2f} over {f['lifetime']:.1f} months "
            f"(ARPA {f['arpa']:,.2f}, churn {f['churn_12m']:.2%}: the average of up to 12 last months with a churn "
            "rate)",
        ]
    )
