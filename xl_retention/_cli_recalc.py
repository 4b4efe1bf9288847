"""``xl-retention recalc`` and the report of a recalculation (also after ``import --recalc`` and ``extend --recalc``):
the cells not computed and in error, grouped and as ranges."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .sheet_names import written


def _recalc(args: argparse.Namespace) -> int:
    import json

    from ._files import check_not_open
    from ._imports import cache_shapes
    from .recalculation import expand, recalc
    from .recalculation.batch_inputs import distinct

    cache_shapes()  # the argument rewrites of formula shapes an earlier command made: read, not made again
    files, _ = distinct(expand(args.paths))  # a file given twice is recalculated once (a note says so)
    if args.in_place and len(files) == 1 and not args.json:  # a workbook open in Excel: one line (recalc_file
        check_not_open(files[0])  # checks it too: of several, or with --json, that file is a `failed` entry)
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
        message = _no_workbooks(args.paths)
        if args.json:  # nothing recalculated is no success: "ok" false and the reason, as the exit status says
            print(json.dumps({**report.to_dict(), "ok": False, "message": message}, indent=2))
        print(f"xl-retention: error: {message}", file=sys.stderr)
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
        if f.status == "ok" and f.message:  # an ok file's message (a value typed over a formula): in the table's
            print(f.message)  # column only an incomplete or failed file's reason is shown, an ok one's output
        _print_cells(f)
    return 0 if report.ok else 1


def _no_workbooks(paths: Sequence[str]) -> str:
    """The message for paths holding no workbook: the folders named, and the subfolders (two levels down) that hold
    some (a folder's own files are recalculated, not its subfolders').

    >>> _no_workbooks(["no-such-folder"])
    "no .xlsx or .xlsm files in 'no-such-folder'"
    """
    from .recalculation.batch_inputs import SUFFIXES

    named = ", ".join(repr(str(p)) for p in paths)
    below = sorted(
        {
            str(p.parent)
            for raw in paths
            if Path(raw).is_dir()
            for depth in ("*/*", "*/*/*")
            for p in Path(raw).glob(depth)
            if p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))
        }
    )  # two levels down: a folder of years or of teams (a whole disk is not walked for a message)
    if not below:
        return f"no .xlsx or .xlsm files in {named}"
    shown = ", ".join(repr(b) for b in below[:3]) + (f" and {len(below) - 3} more" if len(below) > 3 else "")
    return f"no .xlsx or .xlsm files in {named} (subfolders are not searched; workbooks are in {shown}: give those)"


def recalc_in_place(path: Path) -> int:
    """``import --recalc`` and ``extend --recalc``: the tracker at ``path`` recalculated in place by the embedded
    engine and the report printed (an ok file's message too: a value typed over a formula); 1 where it is
    incomplete (some cells have no current value, as ``recalc``); a failed recalculation raises ``RuntimeError``."""
    from .recalculation import recalc_file

    report = recalc_file(path, path, engine="embedded", in_place=True, stored_current=False)
    if report.status == "failed":
        raise RuntimeError(f"recalculation failed: {report.message}")
    if report.status == "incomplete":
        print(f"incomplete: {report.message}")
    elif report.message:  # ok, with something to say (a value typed over a formula the figures are computed from)
        print(report.message)
    print(f"recalculated {report.formulas} formulas ({len(report.errors)} in error)")
    _print_cells(report)
    return 1 if report.status == "incomplete" else 0


def _print_cells(f: Any) -> None:
    """The first 10 cells the engine could not compute and the first 10 in error, each with its reason."""
    for issue in f.unsupported[:10]:
        kept = "kept the value Excel stored" if issue.kept else "not recalculated"
        print(f"{f.path}: {cell_ranges([issue.address])} {kept}: {issue.reason}")  # 'My data'!A1, as the errors
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
    ``#NUM!`` in Cohorts!B22 and in the four cells that read it is one kind. Every division by a cell holding 0 or
    blank (each cell's reason names its own divisor) is one kind too, its divisors named in its line
    (:func:`~.recalculation.divisor_reasons.division_line`). The cells an error starts in come first, then the
    others by sheet, row and column; kinds in the order of their first cell.
    Shape: ``[(error, reason, [address, ...]), ...]``.

    >>> from types import SimpleNamespace as Issue
    >>> error_kinds([Issue(address="S!B2", error="#NUM!", reason="fit failed"),
    ...              Issue(address="S!C2", error="#NUM!", reason="fit failed, from S!B2")])
    [('#NUM!', 'fit failed', ['S!B2', 'S!C2'])]
    >>> divides = "the formula divides by S!A{0}, which is {1} (#DIV/0!)"
    >>> error_kinds([Issue(address="S!B2", error="#DIV/0!", reason="S!B2: " + divides.format(2, 0)),
    ...              Issue(address="S!B3", error="#DIV/0!", reason="S!B3: " + divides.format(3, "blank"))])
    ... # doctest: +NORMALIZE_WHITESPACE
    [('#DIV/0!', 'formulas divide by a cell holding 0 or blank: S!A2, which is 0; S!A3, which is blank',
      ['S!B2', 'S!B3'])]
    """
    from .recalculation.divisor_reasons import DIVISIONS, division_kind, division_line

    kinds: dict[tuple[str, str], list[tuple[bool, tuple[str, int, str], str]]] = {}
    divisions: dict[str, list[str]] = {}  # the reasons of each error's divisions by 0 or blank
    for issue in errors:
        reason = issue.reason or ""
        root = _FROM_CELL.sub("", reason)
        kind = division_kind(reason)
        if kind is not None:
            divisions.setdefault(issue.error, []).append(reason)
        sheet, _, ref = issue.address.rpartition("!")
        sheet = sheet[1:-1].replace("''", "'") if sheet.startswith("'") else sheet  # ordered by the name itself
        match = re.fullmatch(r"\$?([A-Z]+)\$?([0-9]+)", ref)
        place = (sheet, int(match[2]), f"{match[1]:>3}") if match else (issue.address, 0, "")
        kinds.setdefault((issue.error, kind or root), []).append((root != reason, place, issue.address))
    # the engine lists cells in no fixed order: the cell an error starts in first, then by sheet, row and column
    ordered = sorted(kinds.items(), key=lambda kind: min(cell[:2] for cell in kind[1]))
    return [
        (error, division_line(divisions[error]) if reason == DIVISIONS else reason, [cell[2] for cell in sorted(cells)])
        for (error, reason), cells in ordered
    ]


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
        name = written(sheet) if sheet else sheet
        for top, bottom, left, right in sorted(boxes, key=lambda b: (b[0], b[2])):
            start, end = f"{get_column_letter(left)}{top}", f"{get_column_letter(right)}{bottom}"
            out.append(f"{name}!{start}" + (f":{end}" if end != start else "") if name else start)
    return ", ".join(out)


def _workers(text: str) -> int:
    """``--jobs``: a whole number 0 or more (argparse turns the ValueError into a one-line usage error)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number 0 or more (0: every core), got {text!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more (0: every core), got {number}")
    return number


def add_recalc(commands: Any) -> None:
    """The ``recalc`` command on the subcommands ``commands``."""
    rc = commands.add_parser(
        "recalc",
        help="compute every formula of workbooks and store the values",
        description="Compute every formula of each workbook and store the values Excel would show. The input is not "
        "changed: the result is written beside it as NAME.recalc.xlsx (or into --output-dir, or over the input with "
        "--in-place). Each file's status: ok (every formula cell holds Excel's value), incomplete (some cells could "
        "not be computed faithfully: they are named), failed (nothing written; one line says why). The exit code is "
        "0 when every file is ok, else 1.",
    )
    rc.add_argument(
        "paths", nargs="+", metavar="PATH", help="workbooks (.xlsx, .xlsm, templates .xltx, .xltm) or folders of them"
    )
    rc.add_argument(
        "--engine",
        choices=("auto", "excel", "embedded"),
        default="auto",
        help="auto: Excel where installed and it can compute the workbook's xl-retention formulas (Windows, the"
        " classic add-in's xlwings_udfs module), else the embedded engine (default)",
    )
    where = rc.add_mutually_exclusive_group()
    where.add_argument(
        "--output-dir",
        type=Path,
        help="write the results into this folder (default: NAME.recalc.xlsx beside each input)",
    )
    where.add_argument("--in-place", action="store_true", help="replace each input (atomically) with its result")
    rc.add_argument("--jobs", type=_workers, default=None, help="worker processes (0: every core; default 1)")
    rc.add_argument("--json", action="store_true", help="print the report as JSON")
    rc.set_defaults(run=_recalc)
