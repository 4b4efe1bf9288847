"""The ``xl-retention`` command: a thin shell over the package."""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from ._cli_actions import Once
from ._cli_extend import add_extend
from ._imports import defer_openpyxl_init
from .errors import RetentionInputError


def _functions(args: argparse.Namespace) -> int:
    from .reference import as_markdown, as_text

    sys.stdout.write(as_markdown() if args.markdown else as_text())
    return 0


def _new(args: argparse.Namespace) -> int:
    from ._files import check_not_open
    from .workbook import build_template

    if args.force and Path(args.path).exists():
        check_not_open(args.path)
    try:
        path = build_template(args.path, start=args.start, months=args.months, overwrite=args.force)
    except FileExistsError:
        raise FileExistsError(f"{args.path} exists: pass --force to replace it") from None
    kind = "macro-enabled workbook (.xlsm)" if path.suffix.lower() == ".xlsm" else "workbook"
    print(f"wrote {kind} {path}: {args.months} months from {args.start}")
    return 0


def _recalc(args: argparse.Namespace) -> int:
    import json

    from ._files import check_not_open
    from .recalculation import expand, recalc

    files = expand(args.paths)
    if args.in_place and len(files) == 1:  # a workbook open in Excel: one line (recalc_file checks it too)
        check_not_open(files[0])  # of several, that one fails and the others complete (recalc_file)
    options = {"engine": args.engine, "output_dir": args.output_dir, "in_place": args.in_place, "jobs": args.jobs}
    if args.json or len(files) < 2:  # no progress bar to show: rich is not imported (a recalculation's start)
        report = recalc(args.paths, **options)
    else:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (TextColumn("recalculating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True)) as bar:
            task = bar.add_task("files", total=len(files))
            report = recalc(args.paths, **options, progress=lambda _: bar.advance(task))
    if not report.files:
        if args.json:
            print(json.dumps(report.to_dict(), indent=2))
        print(f"xl-retention: error: {_no_workbooks(args.paths)}", file=sys.stderr)
        return 1
    for skipped in report.skipped:  # sub-folders holding workbooks: named
        print(f"xl-retention: note: {skipped['path']}: {skipped['reason']}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
        return 0 if report.ok else 1
    from rich.console import Console
    from rich.table import Table

    table = Table(title="xl-retention recalc")
    for column in ("file", "status", "formulas", "errors", "seconds", "output or reason"):
        numeric = column in ("formulas", "errors", "seconds")
        table.add_column(column, justify="right" if numeric else "left", overflow="fold", no_wrap=numeric)
    for f in report.files:
        status = {"ok": "[green]ok[/green]", "incomplete": "[yellow]incomplete[/yellow]"}.get(
            f.status, "[red]failed[/red]"
        )
        table.add_row(
            Path(f.path).name,
            status,
            str(f.formulas),
            str(len(f.errors)),
            f"{f.seconds:.2f}",
            f.output if f.status == "ok" else f.message,
        )
    Console().print(table)
    for f in report.files:
        _print_cells(f)
    return 0 if report.ok else 1


def _no_workbooks(paths: Sequence[str]) -> str:
    """The message for paths holding no workbook: the folders named, and the subfolders (two levels down) that hold
    some (a folder's own files are recalculated, not its subfolders').

    >>> _no_workbooks(["no-such-folder"])
    "no .xlsx or .xlsm files in 'no-such-folder'"
    """
    named = ", ".join(repr(str(p)) for p in paths)
    below = sorted(
        {
            str(p.parent)
            for raw in paths
            if Path(raw).is_dir()
            for depth in ("*/*", "*/*/*")
            for p in Path(raw).glob(depth)
            if p.suffix.lower() in (".xlsx", ".xlsm") and not p.name.startswith(("~$", "."))
        }
    )  # two levels down: a folder of years or of teams (a whole disk is not walked for a message)
    if not below:
        return f"no .xlsx or .xlsm files in {named}"
    shown = ", ".join(repr(b) for b in below[:3]) + (f" and {len(below) - 3} more" if len(below) > 3 else "")
    return f"no .xlsx or .xlsm files in {named} (subfolders are not searched; workbooks are in {shown}: give those)"


def _print_cells(f: Any) -> None:
    """The first 10 cells the engine could not compute and the first 10 in error, each with its reason."""
    for issue in f.unsupported[:10]:
        kept = "kept the value Excel stored" if issue.kept else "not recalculated"
        print(f"{f.path}: {issue.address} {kept}: {issue.reason}")
    if len(f.unsupported) > 10:
        print(f"{f.path}: ... and {len(f.unsupported) - 10} more cells not recalculated")
    kinds = error_kinds(f.errors)  # one line per error and reason: the sBG's #NUM! is one line, not one per cell
    for error, reason, cells in kinds[:10]:
        where = cell_ranges(cells) + (f" ({len(cells)} cells)" if len(cells) > 1 else "")
        print(f"{f.path}: {where} = {error}" + (f": {reason}" if reason else ""))
    if len(kinds) > 10:
        print(f"{f.path}: ... and {sum(len(k[2]) for k in kinds[10:])} more cells in error")


_FROM_CELL = re.compile(r", from (?:'(?:[^']|'')+'|[^!,]+)![A-Z]+[0-9]+$")


def error_kinds(errors: Sequence[Any]) -> list[tuple[str, str, list[str]]]:
    """The cells in error grouped by their error and reason, in the order the report lists them.

    A reason's trailing ``, from Sheet!A1`` (the cell the error came from) is not part of the kind: the sBG fit's
    ``#NUM!`` in Cohorts!B22 and in the four cells that read it is one kind. The cells an error starts in come
    first, then the others by sheet, row and column; kinds in the order of their first cell.
    Shape: ``[(error, reason, [address, ...]), ...]``.

    >>> from types import SimpleNamespace as Issue
    >>> error_kinds([Issue(address="S!B2", error="#NUM!", reason="fit failed"),
    ...              Issue(address="S!C2", error="#NUM!", reason="fit failed, from S!B2")])
    [('#NUM!', 'fit failed', ['S!B2', 'S!C2'])]
    """
    kinds: dict[tuple[str, str], list[tuple[bool, tuple[str, int, str], str]]] = {}
    for issue in errors:
        reason = issue.reason or ""
        root = _FROM_CELL.sub("", reason)
        sheet, _, ref = issue.address.rpartition("!")
        match = re.fullmatch(r"\$?([A-Z]+)\$?([0-9]+)", ref)
        place = (sheet, int(match[2]), f"{match[1]:>3}") if match else (issue.address, 0, "")
        kinds.setdefault((issue.error, root), []).append((root != reason, place, issue.address))
    # the engine lists cells in no fixed order: the cell an error starts in first, then by sheet, row and column
    ordered = sorted(kinds.items(), key=lambda kind: min(cell[:2] for cell in kind[1]))
    return [(error, reason, [cell[2] for cell in sorted(cells)]) for (error, reason), cells in ordered]


def cell_ranges(addresses: Sequence[str]) -> str:
    """Cell addresses (``Sheet!B22``) as the fewest ranges: a run along a row or a column, or a rectangle.

    Each sheet's cells are joined row by row into runs of adjacent columns, then runs of the same columns in
    adjacent rows into rectangles; sheets are named as Excel names them (quoted when needed).

    >>> cell_ranges(["Cohorts!B22", "Cohorts!C22", "Cohorts!D22", "Lifetime value!B9", "Lifetime value!B10"])
    "Cohorts!B22:D22, 'Lifetime value'!B9:B10"
    """
    from openpyxl.utils import column_index_from_string, get_column_letter

    by_sheet: dict[str, set[tuple[int, int]]] = {}
    for address in addresses:
        sheet, _, ref = address.rpartition("!")
        match = re.fullmatch(r"\$?([A-Z]+)\$?([0-9]+)", ref)
        if match is None:
            by_sheet.setdefault(address, set())
            continue
        sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet
        by_sheet.setdefault(sheet, set()).add((int(match[2]), column_index_from_string(match[1])))
    out = []
    for sheet, cells in by_sheet.items():
        if not cells:
            out.append(sheet)  # not an address: as it was
            continue
        runs: list[list[int]] = []  # [first row, last row, first column, last column]
        for row, col in sorted(cells):
            last = runs[-1] if runs else None
            if last is not None and last[1] == row and last[3] == col - 1:
                last[3] = col
            else:
                runs.append([row, row, col, col])
        boxes: list[list[int]] = []
        for run in sorted(runs, key=lambda r: (r[2], r[3], r[0])):
            box = boxes[-1] if boxes else None
            if box is not None and (box[2], box[3]) == (run[2], run[3]) and box[1] == run[0] - 1:
                box[1] = run[1]
            else:
                boxes.append(run)
        name = sheet if not sheet or re.fullmatch(r"[A-Za-z_][\w.]*", sheet) else "'" + sheet.replace("'", "''") + "'"
        for top, bottom, left, right in sorted(boxes, key=lambda b: (b[0], b[2])):
            start, end = f"{get_column_letter(left)}{top}", f"{get_column_letter(right)}{bottom}"
            out.append(f"{name}!{start}" + (f":{end}" if end != start else "") if name else start)
    return ", ".join(out)


def _demo(args: argparse.Namespace) -> int:
    from ._files import check_not_open
    from .demo import format_figures, run_demo

    if args.force and Path(args.path).exists():
        check_not_open(args.path)  # Excel's next save would bring the old workbook back
    report, figures = run_demo(args.path, months=args.months, start=args.start, overwrite=args.force)
    print(format_figures(args.path, report, figures))
    return 0


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
    if args.into is not None:
        if not args.into.exists():
            raise FileNotFoundError(f"no such workbook: {args.into} (make one with: xl-retention new {args.into})")
        check_package(args.into, "workbook")  # before reading the inputs: a wrong target fails fast
        check_not_open(args.into)
    tables = load_tables(
        args.subscriptions, args.orders, args.nps, args.visits, columns=column_map(args.columns),
        sheet=args.sheet, options=_read_options(args), **_engine_options(args),
        existing_at_start=args.existing_at_start,
    )  # fmt: skip
    if args.to_csv is not None:
        for path in write_csv(tables, args.to_csv):
            print(f"wrote {path}")
        from .workbook.last_month import last_month_notes  # no tracker's range: where each input's tables end

        for note in [*last_month_notes(tables), *tables.notes]:
            print(note)
        return 0
    filled = fill_workbook(args.into, tables)
    print("\n".join(filled.lines(args.into, args.recalc)))
    if args.recalc:
        from .recalculation import recalc_file

        report = recalc_file(args.into, args.into, engine="embedded", in_place=True, stored_current=False)
        if report.status == "failed":
            raise RuntimeError(f"recalculation failed: {report.message}")
        if report.status == "incomplete":
            print(f"incomplete: {report.message}")
        print(f"recalculated {report.formulas} formulas ({len(report.errors)} in error)")
        _print_cells(report)
        if report.status == "incomplete":
            return 1  # as recalc: some cells have no current value
    return 0


def column_map(values: Sequence[str] | None) -> dict[str, str]:
    """The ``--columns`` options (each ``OURS=YOURS,...``, repeatable) as one map of our names to yours.

    Items are split as CSV fields (:mod:`csv`): a name holding a comma goes in double quotes, the whole item
    (``"score=How likely, 0-10?"``) or its name (``score="How likely, 0-10?"``), a quote inside doubled. The options
    are merged; one of our names given twice with different columns raises
    :class:`~xl_retention.errors.RetentionInputError` naming both (no option silently replaces another).

    >>> column_map(['customer_id=Customer', 'score="How likely, 0-10?",date=Created'])
    {'customer_id': 'Customer', 'score': 'How likely, 0-10?', 'date': 'Created'}
    """
    import csv
    import re

    mapping: dict[str, str] = {}
    for value in values or ():
        # OURS="THEIRS, ..." -> "OURS=THEIRS, ...": the csv module honours a quote only at a field's start
        text = re.sub(r'(^|,)\s*([A-Za-z_]\w*)\s*=\s*"', r'\1"\2=', value)
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
            if not sep or not ours or not theirs:
                hint = '; a column name with a comma goes in double quotes: OURS="THEIR, NAME"' if not sep else ""
                raise RetentionInputError(
                    f"--columns: an item must be OUR_NAME=THEIR_NAME, got {item.strip()!r}{hint}", "columns"
                )
            if mapping.get(ours, theirs) != theirs:
                raise RetentionInputError(
                    f"--columns names {ours!r} twice: {mapping[ours]!r} and {theirs!r}; give one (inputs whose "
                    f"{ours} columns differ: import them in separate runs, --into the same tracker)",
                    "columns",
                )
            mapping[ours] = theirs
    return mapping


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


def _sql(args: argparse.Namespace) -> int:
    try:
        from .relational.sql import render
    except ImportError:
        raise ValueError("xl-retention sql needs ibis-framework: pip install 'xl-retention[duckdb]'") from None
    sys.stdout.write(render(args.dialect, tables=args.table, segment=args.segment))
    return 0


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


def _workers(text: str) -> int:
    """``--jobs``: a whole number 0 or more (argparse turns the ValueError into a one-line usage error)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number 0 or more (0: every core), got {text!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more (0: every core), got {number}")
    return number


def _months(text: str) -> int:
    """``--months``: a whole number of months from 1 to 1200 (the template's limit)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of months from 1 to 1200, got {text!r}") from None
    if not 1 <= number <= 1200:
        raise argparse.ArgumentTypeError(f"must be from 1 to 1200, got {number}")
    return number


def _first_month(text: str) -> str:
    """``new --start``: YYYY-MM, no earlier than 1900-01 (Excel's first date)."""
    import re

    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"must be a month as YYYY-MM, got {text!r}")
    if int(match.group(1)) < 1900:
        raise argparse.ArgumentTypeError(f"can be no earlier than 1900-01 (Excel's first date), got {text!r}")
    return text.strip()


def _this_month() -> str:
    import datetime as dt

    return dt.date.today().strftime("%Y-%m")


class _Parser(argparse.ArgumentParser):
    """argparse's parser whose usage errors are one line naming the command and pointing to its ``--help`` (exit 2);
    ``--help`` itself prints the usage. Subcommands' parsers are of this class too (``add_subparsers``)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="xl-retention",
        description="Retention metrics for Excel: formulas, template workbooks, recalculation.",
    )
    parser.add_argument("--version", action="version", version=f"xl-retention {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    functions = commands.add_parser("functions", help="print the formula reference")
    functions.add_argument("--markdown", action="store_true", help="as Markdown (docs/functions.md)")
    functions.set_defaults(run=_functions)

    new = commands.add_parser("new", help="write a fresh tracking workbook from the template")
    new.add_argument("path", help="the workbook to write: .xlsx, or .xlsm for the classic xlwings add-in")
    new.add_argument(
        "--start", type=_first_month, default=_this_month(), help="first month, YYYY-MM (default: this month)"
    )
    new.add_argument("--months", type=_months, default=24, help="number of months (default: 24)")
    new.add_argument("--force", action="store_true", help="replace PATH if it exists")
    new.set_defaults(run=_new)
    add_extend(commands, _months, _first_month)

    rc = commands.add_parser("recalc", help="compute every formula of workbooks and store the values")
    rc.add_argument("paths", nargs="+", metavar="PATH", help="workbooks (.xlsx, .xlsm) or folders of them")
    rc.add_argument(
        "--engine",
        choices=("auto", "excel", "embedded"),
        default="auto",
        help="auto: Excel where installed, else the embedded engine (default)",
    )
    where = rc.add_mutually_exclusive_group()
    where.add_argument("--output-dir", type=Path, help="write the results into this folder")
    where.add_argument("--in-place", action="store_true", help="replace each input (atomically) with its result")
    rc.add_argument("--jobs", type=_workers, default=None, help="worker processes (0: every core; default 1)")
    rc.add_argument("--json", action="store_true", help="print the report as JSON")
    rc.set_defaults(run=_recalc)

    imp = commands.add_parser("import", help="raw subscriptions, orders, surveys, visits into a tracking workbook")
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
        metavar="OURS=YOURS,...",
        help="column names, e.g. customer_id=Customer,date=Created; repeatable; a name with a comma in double quotes: "
        'score="How likely, 0-10?"',
    )
    _import_reading_flags(imp)
    _import_engine_flags(imp)
    imp.add_argument("--existing-at-start", action="store_true", help="the customers active in the subscriptions' "
                     "first month joined before the data starts: left out of the cohorts and the sBG fit, kept in the "
                     "monthly counts")  # fmt: skip
    imp.add_argument("--recalc", action="store_true", help="recalculate the workbook afterwards (without it, the "
                     "formulas' results stored from the old inputs are cleared; Excel recalculates)")  # fmt: skip
    imp.set_defaults(run=_import)

    sql = commands.add_parser("sql", help="print the SQL of every monthly table, for a warehouse or dbt")
    sql.add_argument("--dialect", default="duckdb", help="duckdb (default), postgres, spark, snowflake, bigquery, "
                     "trino, databricks, mssql, mysql, oracle, ... (any SQL dialect Ibis compiles to)")  # fmt: skip
    sql.add_argument("--table", action="append", metavar="NAME", help="only this table (repeatable): movements, "
                     "subscription_cohorts, purchases, order_cohorts, visitors, nps")  # fmt: skip
    sql.add_argument("--segment", action="store_true", help="the tables per segment (inputs have a segment column)")
    sql.set_defaults(run=_sql)

    demo = commands.add_parser("demo", help="a sample tracking workbook, recalculated, with its key figures")
    demo.add_argument("path", nargs="?", default="retention_demo.xlsx", help="default: retention_demo.xlsx")
    demo.add_argument("--months", type=_months, default=24, help="number of months (default: 24)")
    demo.add_argument("--start", default=None, help="first month, YYYY-MM (default: 24 months up to last month)")
    demo.add_argument("--force", action="store_true", help="replace PATH if it exists")
    demo.set_defaults(run=_demo)
    return parser


def _describe(error: BaseException) -> str:
    """One line for the user: an OS error names its file first (``nope.csv: no such file or directory``)."""
    if isinstance(error, OSError) and error.filename is not None and error.strerror:
        return f"{error.filename}: {error.strerror[0].lower()}{error.strerror[1:]}"
    return str(error)


def main(argv: Sequence[str] | None = None) -> int:
    defer_openpyxl_init()  # a recalculation uses openpyxl's tokenizer only: its reader and writer load on first use
    # openpyxl only reads here ("Sparkline Group extension is not supported and will be removed": nothing is)
    warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except BrokenPipeError:  # e.g. `xl-retention demo | head -2`: the reader has what it wanted
        sys.stderr.close()
        return 0
    except (RetentionInputError, OSError, ValueError, RuntimeError) as error:
        print(f"xl-retention: error: {_describe(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("xl-retention: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001  (a library's own error type: still one line, never a traceback)
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        print(f"xl-retention: error: {type(error).__name__}: {first}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
