"""The ``xl-retention`` command: a thin shell over the package."""

from __future__ import annotations

import argparse
import contextlib
import re
import signal
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from ._cli_extend import add_extend
from ._cli_import import add_import, column_map, date_formats
from ._cli_recalc import add_recalc, cell_ranges, error_kinds
from ._cli_upgrade import add_upgrade
from ._imports import cache_patterns, defer_openpyxl_init, freeze_at_exit
from ._interrupts import Terminated, clear, interrupted, raise_pending
from .errors import ReadingNoteWarning, RetentionInputError
from .relational import dialects

__all__ = ["build_parser", "cell_ranges", "column_map", "date_formats", "error_kinds", "main"]


def _functions(args: argparse.Namespace) -> int:
    from .reference import as_markdown, as_text

    sys.stdout.write(as_markdown() if args.markdown else as_text())
    return 0


#: what ``new`` says after writing an .xlsm: it holds no VBA project (as Excel saves a workbook without macros as
#: .xlsm), so the wrappers and the xlwings reference are still to come (README, "Windows: the classic xlwings add-in")
XLSM_NEXT = (
    "; no VBA in it yet, as Excel saves a workbook without macros: in Excel's VBA editor (Alt+F11) tick xlwings under "
    "Tools > References, click Import Functions on the xlwings ribbon and save (README: Windows: the classic xlwings "
    "add-in, steps 4-6)"
)


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
    months = "1 month" if args.months == 1 else f"{args.months} months"
    print(f"wrote {kind} {path}: {months} from {args.start}{XLSM_NEXT if path.suffix.lower() == '.xlsm' else ''}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from ._files import check_not_open
    from .demo import format_figures, run_demo

    if args.force and Path(args.path).exists():
        check_not_open(args.path)  # Excel's next save would bring the old workbook back
    report, figures = run_demo(args.path, months=args.months, start=args.start, overwrite=args.force)
    print(format_figures(args.path, report, figures))
    return 0


def _sql(args: argparse.Namespace) -> int:
    try:
        from .relational.sql import render
    except ImportError:
        raise ValueError("xl-retention sql needs ibis-framework: pip install 'xl-retention[duckdb]'") from None
    sys.stdout.write(render(args.dialect, tables=args.table, segment=args.segment))
    return 0


#: the most months ``new`` makes and ``extend`` grows a tracker to: workbook.template.MOST_MONTHS, written here so that
#: the command line starts without openpyxl (tests/test_cli.py checks that they are one)
MOST_MONTHS = 240


def _months(text: str) -> int:
    """``--months``: a whole number of months from 1 to :data:`MOST_MONTHS` (a tracker's limit: 20 years)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a whole number of months from 1 to {MOST_MONTHS}, got {text!r}"
        ) from None
    if not 1 <= number <= MOST_MONTHS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MOST_MONTHS} (a tracker holds 20 years), got {number}")
    return number


def _first_month(text: str) -> str:
    """``new --start``: YYYY-MM, no earlier than 1900-01 (Excel's first date)."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"must be a month as YYYY-MM, got {text!r}")
    if int(match.group(1)) < 1900:
        raise argparse.ArgumentTypeError(f"can be no earlier than 1900-01 (Excel's first date), got {text!r}")
    return f"{match.group(1)}-{int(match.group(2)):02d}"  # 2026-1 as 2026-01, as every line then shows it


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

    functions = commands.add_parser(
        "functions",
        help="print the formula reference",
        description="Print every Excel function xl-retention gives (=CRR, =NPS, the models, ...): its arguments in "
        "order, what it returns and its errors (the same as docs/functions.md).",
    )
    functions.add_argument("--markdown", action="store_true", help="as Markdown (docs/functions.md)")
    functions.set_defaults(run=_functions)

    new = commands.add_parser(
        "new",
        help="write a fresh tracking workbook from the template",
        description="Write a tracking workbook: monthly sheets (Customers, Revenue, NPS), Cohorts, Lifetime value and "
        f"a Dashboard, with their formulas, for --months months (1 to {MOST_MONTHS}) from --start. Fill it by hand "
        "or with xl-retention import --into, then recalc (or open it in Excel with the xlwings add-in).",
    )
    new.add_argument("path", help="the workbook to write: .xlsx, or .xlsm for the classic xlwings add-in")
    new.add_argument(
        "--start", type=_first_month, default=_this_month(), help="first month, YYYY-MM (default: this month)"
    )
    new.add_argument("--months", type=_months, default=24, help=f"number of months, 1 to {MOST_MONTHS} (default: 24)")
    new.add_argument("--force", action="store_true", help="replace PATH if it exists")
    new.set_defaults(run=_new)
    add_extend(commands, _months, _first_month)
    add_upgrade(commands)

    add_recalc(commands)
    add_import(commands)

    sql = commands.add_parser(
        "sql",
        help="print the SQL of every monthly table, for a warehouse or dbt",
        description="Print SELECT statements that compute the monthly tables import writes (movements, cohorts, "
        "purchases, visitors, NPS) inside your warehouse, over tables named subscriptions (customer_id, month, mrr), "
        "orders (customer_id, date, amount), visits (visitor_id, date) and answers (date, score); the SQL's header "
        "tells more. Nothing is run or connected to.",
    )
    sql.add_argument("--dialect", default=dialects.DEFAULT, help=dialects.dialect_help())
    sql.add_argument("--table", action="append", metavar="NAME", help="only this table (repeatable): movements, "
                     "subscription_cohorts, purchases, order_cohorts, visitors, nps")  # fmt: skip
    sql.add_argument("--segment", nargs="?", const=True, default=False, metavar="COLUMN", help="the tables per "
                     "segment: the inputs' column COLUMN (default: segment); one named as currencies (currency) "
                     "takes 'usd' and 'USD' as one, as import does")  # fmt: skip
    sql.set_defaults(run=_sql)

    demo = commands.add_parser(
        "demo",
        help="a sample tracking workbook, recalculated, with its key figures",
        description="Write a tracker filled with made-up data (a seeded sample: the same every run), recalculate it "
        "on the embedded engine and print its key figures: a quick look at what a filled tracker gives.",
    )
    demo.add_argument("path", nargs="?", default="retention_demo.xlsx", help="default: retention_demo.xlsx")
    demo.add_argument("--months", type=_months, default=24, help="number of months (default: 24)")
    demo.add_argument("--start", default=None, help="first month, YYYY-MM (default: --months months up to last month)")
    demo.add_argument("--force", action="store_true", help="replace PATH if it exists")
    demo.set_defaults(run=_demo)
    return parser


def _written(args: argparse.Namespace) -> str | None:
    """The file (a folder for ``import --to-csv``) the command writes, where it writes one the user named."""
    if args.command == "import":
        target = args.into if args.into is not None else args.to_csv
        return None if target is None else str(target)
    return str(args.path) if args.command in ("new", "demo", "extend", "upgrade") else None


def _describe(error: BaseException, written: str | None = None) -> str:
    """One line for the user: an OS error names its file first (``nope.csv: no such file or directory``); a failed
    write, the file the command writes (``written``) and why in words, never a temporary file nor ``[Errno 28]``."""
    if isinstance(error, OSError):
        from ._files import NotWritten, as_written

        if written is not None:
            error = as_written(written, error)
        if not isinstance(error, NotWritten) and error.strerror:
            said = error.strerror[0].lower() + error.strerror[1:]
            return f"{error.filename}: {said}" if error.filename is not None else said
    return str(error)


def _spark_ended() -> str | None:
    """The reason a command failed where its Spark session's Java process has ended (out of memory), else None."""
    if "pyspark" not in sys.modules:
        return None
    from .relational.backends import spark_ended

    return spark_ended()


def _java_reason(error: BaseException) -> str | None:
    """The reason in Spark's Java exception where ``error`` is one (py4j's first line names only the Java call)."""
    if "py4j" not in sys.modules:
        return None
    from .relational.backends import java_reason

    return java_reason(error)


def _print_any_character() -> None:
    """stdout and stderr write a character their encoding lacks as an escape (``\\xb1`` for ``±`` on an ASCII console).

    Where the locale is C/POSIX with Python's UTF-8 modes off, stdout is ASCII: a summary holding ``±`` or a sheet
    named ``Umsätze`` would end the command with a codec error after its files were written.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a caller's own stream object may not have it
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While a command runs, SIGTERM ends it as Ctrl+C does: its hidden result folders are removed and it prints
    ``interrupted`` (exit 143, 128 + SIGTERM), where the default action ended the process at once and left an empty
    ``.NAME.xlsx.XXXX.tmp`` folder beside the user's workbook. Only the main thread can set a handler: a command run
    from another thread keeps the caller's. A signal handled inside a function the formula engine calls is remembered
    (:mod:`._interrupts`): no file is replaced after it and the command ends as interrupted."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: object) -> NoReturn:
        raise interrupted(Terminated())

    def stopped(signum: int, frame: object) -> NoReturn:  # Ctrl+C: remembered too (lost inside the engine)
        raise interrupted(KeyboardInterrupt())

    clear()
    previous = signal.signal(signal.SIGTERM, terminated)
    previous_int = (
        signal.signal(signal.SIGINT, stopped) if signal.getsignal(signal.SIGINT) is signal.default_int_handler else None
    )
    try:
        yield
        raise_pending()  # a signal the engine took as a function's failure: the command ends as interrupted
    finally:
        clear()  # seen by this command: not raised again by a later one's write
        signal.signal(signal.SIGTERM, previous)
        if previous_int is not None:
            signal.signal(signal.SIGINT, previous_int)


def main(argv: Sequence[str] | None = None) -> int:
    _print_any_character()
    cache_patterns()  # regular expressions compiled in an earlier command: read, not compiled again
    freeze_at_exit()  # the objects alive at the end: left to the operating system, not walked by a last collection
    defer_openpyxl_init()  # a recalculation uses openpyxl's tokenizer only: its reader and writer load on first use
    # openpyxl only reads here ("Sparkline Group extension is not supported and will be removed": nothing is)
    warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
    # the commands print the reading's notes themselves (reading.notes.collected); one made again by a second reading
    # outside that block (the import's refresh check) is not a Python caller's warning
    warnings.filterwarnings("ignore", category=ReadingNoteWarning)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        with _sigterm_as_interrupt():
            return args.run(args)
    except BrokenPipeError:  # e.g. `xl-retention demo | head -2`: the reader has what it wanted
        sys.stderr.close()
        return 0
    except (RetentionInputError, OSError, ValueError, RuntimeError) as error:
        print(f"xl-retention: error: {_spark_ended() or _describe(error, _written(args))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as interrupt:
        print("xl-retention: interrupted", file=sys.stderr)
        return 143 if isinstance(interrupt, Terminated) else 130
    except Exception as error:  # noqa: BLE001  (a library's own error type: still one line, never a traceback)
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        said = _spark_ended() or _java_reason(error) or f"{type(error).__name__}: {first}"
        print(f"xl-retention: error: {said}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
