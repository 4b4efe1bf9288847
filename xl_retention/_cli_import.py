"""``xl-retention import``: raw exports into a tracker (``--into``) or monthly CSV tables (``--to-csv``), and the
flags that say how to read them (:mod:`xl_retention.workbook.importer`)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ._cli_actions import Once
from ._cli_extend import missing_workbook
from ._cli_recalc import recalc_in_place
from .errors import RetentionInputError


def _import(args: argparse.Namespace) -> int:
    from ._files import check_not_open
    from .workbook.importer import check_package, fill_workbook, load_tables, write_csv

    if not any((args.subscriptions, args.orders, args.nps, args.visits)):
        raise ValueError("give at least one of --subscriptions, --orders, --nps, --visits")
    if args.segment is not None and "=" not in args.segment and args.into is not None:
        raise ValueError(f"--segment {args.segment} gives a table per segment: write them with --to-csv DIR, or fill "
                         f"a tracker with one segment: --segment {args.segment}=VALUE")  # fmt: skip
    if args.recalc and args.into is None:
        raise ValueError("--recalc goes with --into")
    if args.replace_typed and args.into is None:
        raise ValueError("--replace-typed goes with --into")
    if args.replace and args.to_csv is None:
        raise ValueError("--replace goes with --to-csv")
    through = None
    if args.through is not None:
        from .tables.through import through_argument

        through = through_argument(args.through)  # before reading the inputs: a wrong month fails fast
    if args.into is not None:
        if not args.into.exists():
            raise missing_workbook(args.into)
        check_package(args.into, "workbook")  # before reading the inputs: a wrong target fails fast
        check_not_open(args.into)
    given = {"subscriptions": args.subscriptions, "orders": args.orders, "nps": args.nps, "visits": args.visits}
    plain_columns, input_columns = column_maps(args.columns, given)
    from .reading.errors import command_line  # here: the reading imports pandas, which recalc does not
    from .tables.interval_snapshots import covered_through

    # --through: the user says the exports cover that month, so subscriptions without an end (or ending after it)
    # are active through it, where a subscriptions file's latest start or end is earlier (docs/metrics.md)
    covered = covered_through(through) if through is not None else contextlib.nullcontext()
    with command_line(), covered, reading_shown(given):  # refusals name the command's options (--decimal)
        tables = load_tables(
            args.subscriptions, args.orders, args.nps, args.visits, columns=plain_columns,
            sheet=args.sheet, options=_read_options(args), **_engine_options(args),
            existing_at_start=args.existing_at_start, input_columns=input_columns or None,
        )  # fmt: skip
    left_out = None if through is None else end_tables(tables, through, args.existing_at_start)
    if through is not None:  # a note on months of 0 buyers after --through's: those months are left out
        from .reading.covered_months import unpaid_after

        tables.notes = [n for n in tables.notes if not unpaid_after(n, through)]
    today = None if through is None else _ending(through)  # the notes' last full month: --through's
    if args.to_csv is not None:
        removed: list[str] = []
        for path in write_csv(tables, args.to_csv, removed, replace=args.replace):
            print(f"wrote {path}")
        for line in removed:
            print(line)
        if left_out is not None:
            print(left_out)
        from .workbook.last_month import last_month_notes  # no tracker's range: where each input's tables end

        for note in [*last_month_notes(tables, today), *tables.notes]:
            print(note)
        return 0
    if through is not None:
        refuse_filled_after(args.into, tables, through)
    kept = kept_after(args.into, tables, today)  # before the import: the later months an earlier one wrote
    filled = fill_workbook(args.into, tables, replace_typed=args.replace_typed, recalc=args.recalc)
    print("\n".join(filled.lines(args.into, args.recalc)))
    if left_out is not None:
        print(left_out)
    from .workbook.last_month import last_month_notes  # where each input's months end, before the last full month

    for note in last_month_notes(tables, today, kept):
        print(note)
    return recalc_in_place(args.into) if args.recalc else 0


def _terminal() -> Any:
    """A rich console on stderr when stderr is a terminal, else None (a pipe, a file, a test's capture: nothing
    shown, so that stderr holds only the refusals and notes)."""
    import sys

    if not sys.stderr.isatty():
        return None
    from rich.console import Console

    return Console(stderr=True)


@contextlib.contextmanager
def reading_shown(given: Mapping[str, Any]) -> Any:
    """While the block reads ``given`` (the import's inputs) and computes the tables, a line on a terminal's stderr
    saying so, a spinner and the time elapsed (rich, as recalc's progress bar), gone when it ends: a long import of
    millions of rows printed nothing for minutes (H385's finding 02). Nothing on stdout, nothing off a terminal."""
    console = _terminal()
    if console is None:
        yield
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    named = ", ".join(f"--{kind} {path}" for kind, path in given.items() if path is not None)
    columns = (SpinnerColumn(), TextColumn("{task.description}", markup=False), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:  # a path's [ or { read as it is
        bar.add_task(f"reading {named} and computing the tables", total=None)
        yield


def _ending(through: Any) -> Any:
    """The date whose last full month is ``through`` (its next month's first day), or None (the run's date) when
    ``through`` is the current month: the notes of an input ending early name ``through`` as the month to reach."""
    from .tables.subscriptions import current_month

    return None if through.ordinal >= current_month() else (through + 1).start_time.date()


def end_tables(tables: Any, through: Any, existing_at_start: bool = False) -> str:
    """``import --through``: every table of ``tables`` ended with ``through`` (:func:`xl_retention.tables.through.
    cut_tables`), the notes that read the tables' months (a month in progress, no customer lost, a first month of
    customers of every tenure) said again of the tables ended so; returns the console line saying what was left out.
    A month before an input's first month raises ``ValueError`` naming it."""
    from .tables.through import before_first_month, cut_tables
    from .workbook.existing import existing_note
    from .workbook.importer import in_progress_note, no_churn_note

    refusal = before_first_month(tables, through)
    if refusal is not None:
        raise ValueError(refusal)
    # the notes about the export (nobody lost, a first month of every tenure) only said again if the whole export
    # gave them: a loss after the month is in the export, so it does not hold active subscriptions only
    makers = [in_progress_note, no_churn_note] + ([] if existing_at_start else [existing_note])
    before = [make(tables) for make in makers]
    left = cut_tables(tables, through)
    for make, old in zip(makers, before, strict=True):
        new = make(tables)
        if old is not None and old in tables.notes:
            at = tables.notes.index(old)
            if new is None:
                del tables.notes[at]
            else:
                tables.notes[at] = new
        elif new is not None and make is in_progress_note:
            tables.notes.append(new)
    if not left:  # (subscriptions without an end run to it: covered_through; an input ending before it is noted)
        return f"--through {through}: no input has a month after it, nothing is left out"
    return f"--through {through}: the tables end with it, leaving out {'; '.join(left)}"


def refuse_filled_after(path: Path, tables: Any, through: Any) -> None:
    """Refuse (``ValueError``, one line) a tracker that holds figures in months after ``through`` (typed, or by an
    earlier import) where this import writes: the import writes its months only, so the later ones would stay beside
    them, its last month not the tracker's. A tracker the check cannot read is left to the import's own refusals."""
    try:
        held = _held_after(path, tables, through)
    except Exception:  # noqa: BLE001  (fill_workbook names what is wrong with the workbook)
        return
    if held:
        merged: dict[str, set[Any]] = {}
        for title, months in held:  # the two cohort triangles are on one sheet
            merged.setdefault(title, set()).update(months)
        shown = ", ".join(f"{title!r} ({_span(sorted(months))})" for title, months in merged.items())
        raise ValueError(
            f"{path.name} holds figures after --through {through} (typed or from an earlier import) in {shown}, "
            f"which the import would leave beside its months: clear those months there, or import without --through"
        )


#: (the input's kind, the Tables attributes of its tables): the sheets one input fills, for :func:`kept_after`
_INPUT_TABLES = (
    ("subscriptions", ("movements", "survivors")),
    ("orders", ("purchases", "order_cohorts")),
    ("visits", ("visits",)),
    ("nps", ("nps", "scores")),
)


def kept_after(path: Path, tables: Any, today: Any = None) -> dict[str, list[Any]]:
    """Each input's months after its last and up to the last full month (``today``'s previous, default the run's)
    that the tracker at ``path`` holds figures in on the sheets that input fills: an earlier, longer import's, which
    this one keeps (its months only are written), so the note on where the input ends names them as kept, not blank
    (:func:`~xl_retention.workbook.last_month.last_month_notes`). A tracker the check cannot read: none."""
    from types import SimpleNamespace

    import pandas as pd

    from .tables.subscriptions import current_month

    last_full = pd.Period(ordinal=current_month(today), freq="M") - 1
    names = {name for _, own in _INPUT_TABLES for name in own}
    kept: dict[str, list[Any]] = {}
    for kind, own in _INPUT_TABLES:
        frame = getattr(tables, own[0], None)
        if frame is None or not len(frame) or "month" not in (frame.index.names or []):
            continue
        last = pd.Period(frame.index.get_level_values("month").max(), freq="M")
        if last >= last_full:
            continue
        alone = SimpleNamespace(**{name: getattr(tables, name, None) if name in own else None for name in names})
        try:
            held = _held_after(path, alone, last)
        except Exception:  # noqa: BLE001  (fill_workbook names what is wrong with the workbook)
            continue
        months = sorted({m for _, ms in held for m in ms if m <= last_full})
        if months:
            kept[kind] = months
    return kept


def _span(months: list[Any]) -> str:
    return f"{months[0]}" if len(months) == 1 else f"{months[0]} to {months[-1]}"


def _held_after(path: Path, tables: Any, through: Any) -> list[tuple[str, list[Any]]]:
    """The sheets of the tracker at ``path`` this import writes with figures in months after ``through``, each with
    those months: the monthly sheets' input columns, the cohort triangles' cells, the NPS answers' columns."""
    from ._workbooks import open_read_only
    from .workbook.answers_sheet import answers_title, score_columns
    from .workbook.cohort_sheet import triangle
    from .workbook.fill import (
        COHORT_NAME,
        CUSTOMER_INPUTS,
        ORDER_COHORT_NAME,
        PURCHASE_INPUTS,
        REVENUE_INPUTS,
        VISIT_INPUTS,
    )
    from .workbook.found import read_sheets
    from .workbook.monthly import CUSTOMERS, NPS_SUMMARY, PURCHASES, REVENUE

    inputs: dict[str, list[str]] = {}
    if tables.movements is not None:
        inputs[CUSTOMERS.title], inputs[REVENUE.title] = list(CUSTOMER_INPUTS), list(REVENUE_INPUTS)
    for frame, keys in ((tables.purchases, PURCHASE_INPUTS), (tables.visits, VISIT_INPUTS)):
        if frame is not None:
            inputs.setdefault(PURCHASES.title, []).extend(keys)
    held: list[tuple[str, list[Any]]] = []
    wb = open_read_only(path)
    try:
        sheets = read_sheets(wb, tables, path.name, given=str(path))
        for title, keys in inputs.items():
            sheet = sheets[title]
            months = [
                m for m in sheet.months
                if m > through and any(sheet.value(sheet.row(m), sheet.columns[k]) not in (None, "") for k in keys
                                       if k in sheet.columns)
            ]  # fmt: skip
            if months:
                held.append((sheet.spec.title, months))
        names = [COHORT_NAME] if tables.survivors is not None else []
        names += [ORDER_COHORT_NAME] if tables.order_cohorts is not None else []
        for name in names:
            found = triangle(wb, name, path.name)
            if found is None:
                continue
            later = {
                cohort + (column - found.left)
                for cohort, r in found.rows.items()
                for column in range(found.left, found.right + 1)
                if cohort + (column - found.left) > through and found.values.get((r, column)) not in (None, "")
            }
            if later:
                held.append((found.title, sorted(later)))
        answers = answers_title(wb, sheets.get(NPS_SUMMARY.title), path.name) if tables.scores is not None else None
        if answers is not None:
            ws = wb[answers]
            later = {c: m for m, c in score_columns(ws).items() if m > through}
            found_in: set[Any] = set()
            for values in ws.iter_rows(min_row=2, values_only=True):
                found_in.update(m for c, m in later.items() if c <= len(values) and values[c - 1] not in (None, ""))
            months = sorted(found_in)
            if months:
                held.append((answers, months))
    finally:
        wb.close()
    return held


def column_map(values: Sequence[str] | None) -> dict[str, str]:
    """The ``--columns`` options (each ``OURS=YOURS,...``, repeatable) as one map of our names to yours.

    An item ``INPUT:OURS=YOURS`` is one input's (:func:`column_maps`); here refused.

    Items are split as CSV fields (:mod:`csv`): a name holding a comma goes in double quotes, the whole item
    (``"score=How likely, 0-10?"``) or its name (``score="How likely, 0-10?"``), a quote inside doubled. The options
    are merged; one of our names given twice with different columns raises
    :class:`~xl_retention.errors.RetentionInputError` naming both (no option silently replaces another).

    >>> column_map(['customer_id=Customer', 'score="How likely, 0-10?",date=Created'])
    {'customer_id': 'Customer', 'score': 'How likely, 0-10?', 'date': 'Created'}
    """
    plain, per_input = column_maps(values, None)
    if per_input:
        kind, own = next(iter(per_input.items()))
        ours = next(iter(own))
        raise RetentionInputError(
            f"--columns {kind}:{ours}={own[ours]}: an input's own map goes with import", "columns"
        )
    return plain


def column_maps(
    values: Sequence[str] | None, inputs: Mapping[str, Any] | None
) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """The ``--columns`` options as (the map for every input, {input: its own map}).

    An item ``INPUT:OURS=YOURS`` (INPUT: subscriptions, orders, nps, visits) is that input's only, read before the
    map for every input (:mod:`xl_retention.workbook.input_columns`); ``inputs`` maps each kind to its file (None:
    not given), an item for an input not given refused. Each map refuses one of our names given two columns.

    >>> column_maps(['orders:date=Created at,visits:date=serverDate', 'customer_id=Email'], None)
    ({'customer_id': 'Email'}, {'orders': {'date': 'Created at'}, 'visits': {'date': 'serverDate'}})
    """
    import csv
    import re

    from .reading import INPUT_KINDS

    mapping: dict[str, str] = {}
    per_input: dict[str, dict[str, str]] = {}
    for value in values or ():
        # OURS="THEIRS, ..." -> "OURS=THEIRS, ...": the csv module honours a quote only at a field's start
        text = re.sub(r'(^|,)\s*([A-Za-z_]\w*(?:\s*:\s*[A-Za-z_]\w*)?)\s*=\s*"', r'\1"\2=', value)
        try:
            fields = next(csv.reader([text], skipinitialspace=True, strict=True), [])
        except csv.Error as error:
            raise RetentionInputError(f"--columns {value!r}: {error} (quote a name with a comma: \"NAME, ...\")",
                                      "columns") from None  # fmt: skip
        for item in fields:
            if not item.strip():
                continue
            ours, sep, theirs = item.partition("=")
            ours, theirs = ours.strip(), theirs.strip()
            kind, colon, name = ours.partition(":")
            scope = mapping
            if colon and kind.strip().lower() in INPUT_KINDS:
                kind, ours = kind.strip().lower(), name.strip()
                if inputs is not None and inputs.get(kind) is None:
                    raise RetentionInputError(
                        f"--columns {kind}:{ours}={theirs}: no --{kind} file was given", "columns"
                    )
                scope = per_input.setdefault(kind, {})
            if not sep or not ours or not theirs:
                hint = '; a column name with a comma goes in double quotes: OURS="THEIR, NAME"' if not sep else ""
                raise RetentionInputError(
                    f"--columns: an item must be OUR_NAME=THEIR_NAME, got {item.strip()!r}{hint}", "columns"
                )
            if scope.get(ours, theirs) != theirs:
                what = f"{ours!r}" if scope is mapping else f"{ours!r} for {kind}"
                raise RetentionInputError(
                    f"--columns names {what} twice: {scope[ours]!r} and {theirs!r}; give one (inputs whose {ours} "
                    f"columns differ: give each its own, INPUT:{ours}=THEIRS, e.g. orders:{ours}={theirs})",
                    "columns",
                )
            scope[ours] = theirs
    return mapping, per_input


def _engine_options(args: argparse.Namespace) -> dict[str, Any]:
    """The import's engine flags: ``--backend``, ``--connection``, ``--segment``."""
    if args.backend is None and args.connection is None and args.segment is None:
        return {}
    return {"backend": args.backend or "pandas", "connection": args.connection, "segment": args.segment}


def _import_engine_flags(imp: argparse.ArgumentParser) -> None:
    """The import's flags that choose the engine, database tables as inputs and segments."""
    imp.add_argument(
        "--backend",
        choices=("pandas", "duckdb", "spark", "postgres"),
        default=None,
        help="the engine that computes the tables: pandas (default: in memory), duckdb (embedded; spills to disk), "
        "spark (--connection MASTER, default local[2]) or postgres (--connection URL)",
    )
    imp.add_argument(
        "--connection",
        metavar="URL",
        help="where the backend runs: postgres://user@host:port/db, a DuckDB database file, a Spark master; "
        "inputs given as table:NAME are tables there",
    )
    imp.add_argument(
        "--segment",
        metavar="COLUMN[=VALUE]",
        help="COLUMN: every table per segment (with --to-csv); COLUMN=VALUE: only that segment's customers "
        "(a customer counts in the segment of their first active month)",
    )


def _read_options(args: argparse.Namespace) -> Any:
    """The import's reading flags as :class:`xl_retention.reading.ReadOptions`."""
    from .reading import ReadOptions

    dayfirst = True if args.dayfirst else False if args.monthfirst else None
    inputs = {"subscriptions": args.subscriptions, "orders": args.orders, "nps": args.nps, "visits": args.visits}
    plain, per_input = date_formats(args.date_format, inputs)
    return ReadOptions(sep=args.sep, encoding=args.encoding, decimal=args.decimal, dayfirst=dayfirst,
                       date_format=plain, timezone=args.timezone, date_formats=per_input or None,
                       amounts=args.amounts)  # fmt: skip


def date_formats(values: Sequence[str] | None, inputs: dict[str, Any]) -> tuple[str | None, dict[str, str]]:
    """The ``--date-format`` options as (the format for every input, {input file's name: its own format}).

    Each value is ``FORMAT`` (every input without one of its own) or ``INPUT=FORMAT`` (INPUT: subscriptions,
    orders, nps, visits). ``inputs`` maps each kind to its file (None: not given). Refused with ValueError: two
    plain formats, two for one input, one for an input not given, and one for an input whose file has the name
    of another input's file (the format is found by the file's name).

    >>> date_formats(["orders=%d.%m.%Y"], {"orders": "in/orders.csv", "visits": "visits.csv"})
    (None, {'orders.csv': '%d.%m.%Y'})
    >>> date_formats(["%d/%m/%Y", "visits=%Y%m%d"], {"orders": "orders.csv", "visits": "visits.csv"})
    ('%d/%m/%Y', {'visits.csv': '%Y%m%d'})
    """
    from .reading import INPUT_KINDS

    plain: str | None = None
    per_input: dict[str, str] = {}
    names = {kind: Path(path).name for kind, path in inputs.items() if path is not None}
    for value in values or ():
        kind, sep, fmt = value.partition("=")
        kind = kind.strip().lower()
        if not (sep and kind in INPUT_KINDS):
            if plain is not None and plain != value:
                raise ValueError(f"--date-format given twice without an input ({plain!r}, {value!r}): use INPUT=FORMAT")
            plain = value
            continue
        if kind not in names:
            raise ValueError(f"--date-format {value}: no --{kind} file was given")
        name = names[kind]
        twins = [other for other, n in names.items() if n == name and other != kind]
        if twins:
            raise ValueError(f"--date-format {value}: --{kind} and --{twins[0]} are files of one name ({name}); "
                             f"rename one")  # fmt: skip
        if per_input.get(name, fmt) != fmt:
            raise ValueError(f"--date-format: two formats for {kind} ({per_input[name]!r} and {fmt!r})")
        per_input[name] = fmt
    return plain, per_input


def _import_reading_flags(imp: argparse.ArgumentParser) -> None:
    """The import's flags that say how to read the input files."""
    imp.add_argument(
        "--sheet",
        action="append",
        metavar="[INPUT=]SHEET",
        help="the sheet to read from Excel inputs: SHEET for every .xlsx input, or INPUT=SHEET for one "
        "(INPUT: subscriptions, orders, nps, visits); repeat for several",
    )
    order = imp.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", action="store_true", help="dates such as 03/04/2025 are day first (3 April)")
    order.add_argument("--monthfirst", action="store_true", help="dates such as 03/04/2025 are month first (4 March)")
    imp.add_argument(
        "--date-format",
        action="append",
        metavar="[INPUT=]FORMAT",
        help="the strftime format of the dates, e.g. %%d.%%m.%%Y: FORMAT for every input, or INPUT=FORMAT for one "
        "(INPUT: subscriptions, orders, nps, visits); repeat for several",
    )
    imp.add_argument(
        "--timezone", metavar="ZONE", help="convert timestamps with a UTC offset to ZONE (e.g. Europe/Paris) first"
    )
    imp.add_argument("--sep", metavar="CHAR", help="CSV separator: , ; tab | (default: sniffed)")
    imp.add_argument("--decimal", choices=(".", ","), help="decimal mark of CSV numbers (default: each column tells)")
    imp.add_argument("--encoding", help="CSV text encoding, e.g. utf-8, utf-16, cp1252 (default: detected)")
    imp.add_argument(
        "--amounts",
        choices=("cents", "units"),
        help="whole amounts of orders or billing prices are cents (4900 is 49.00) or units (default: cents only where "
        "the file is surely a billing API's, such as Stripe's amount_paid; refused where it may be either)",
    )


def add_import(commands: Any) -> None:
    """The ``import`` command on the subcommands ``commands``."""
    imp = commands.add_parser(
        "import",
        help="raw subscriptions, orders, surveys, visits into a tracking workbook",
        description="Read exports (billing systems, shops, surveys, web analytics: CSV, Excel .xlsx, Parquet) and "
        "write their monthly tables into a tracker (--into, one made by xl-retention new; your own content kept) "
        "or as CSV files (--to-csv). What cannot be read with certainty is refused with a reason naming the file, "
        "column or value.",
    )
    imp.register("action", None, Once)  # --orders jan.csv --orders feb.csv: refused, not January dropped
    imp.add_argument(
        "--subscriptions",
        type=Path,
        metavar="F",
        help="customer_id, month, mrr (snapshots) or customer_id, start, end, mrr (intervals); a billing export "
        "has amount, interval[, quantity, interval_count] instead of mrr. Any input may be table:NAME, a table "
        "where --connection points",
    )
    imp.add_argument("--orders", type=Path, metavar="F", help="customer_id, date[, amount]")
    imp.add_argument("--nps", type=Path, metavar="F", help="survey answers: date, score")
    imp.add_argument("--visits", type=Path, metavar="F", help="visitor_id, date")
    target = imp.add_mutually_exclusive_group(required=True)
    target.add_argument("--into", type=Path, metavar="WORKBOOK", help="a workbook made by xl-retention new")
    target.add_argument("--to-csv", type=Path, metavar="DIR", help="write the monthly tables as CSV files instead")
    imp.add_argument(
        "--columns",
        action="append",
        metavar="[INPUT:]OURS=YOURS,...",
        help="column names, e.g. customer_id=Customer,date=Created; repeatable; INPUT:OURS=YOURS for one input only "
        '(orders:date="Created at",visits:date=serverDate); a name with a comma in double quotes: '
        'score="How likely, 0-10?"',
    )
    _import_reading_flags(imp)
    _import_engine_flags(imp)
    imp.add_argument("--existing-at-start", action="store_true", help="the customers active in the subscriptions' "
                     "first month joined before the data starts: left out of the cohorts and the sBG fit, kept in the "
                     "monthly counts")  # fmt: skip
    imp.add_argument("--through", metavar="YYYY-MM", help="end the tables with this month (e.g. the last full "
                     "month): sign-ups, losses, orders, visits and answers after it are left out, and the console says "
                     "how many")  # fmt: skip
    imp.add_argument("--replace", action="store_true", help="with --to-csv: remove the tables an earlier import "
                     "wrote in DIR of inputs this one does not give, and replace those edited since (refused without "
                     "it)")  # fmt: skip
    imp.add_argument("--replace-typed", action="store_true", help="with --into: replace the values already in the "
                     "months the data covers (typed by hand or by an earlier import) that differ from it, each listed "
                     "with its old value (refused without it)")  # fmt: skip
    imp.add_argument("--recalc", action="store_true", help="recalculate the workbook afterwards (without it, the "
                     "formulas' results stored from the old inputs are cleared; Excel recalculates)")  # fmt: skip
    imp.set_defaults(run=_import)
