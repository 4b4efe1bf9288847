"""``xl-retention extend``: months added at the end of a tracker kept by hand (:mod:`xl_retention.workbook.extend`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._cli_recalc import recalc_in_place


def missing_workbook(path: Path) -> FileNotFoundError:
    """The refusal of a tracker ``path`` that does not exist, with the ``new`` command that makes one: named as given
    when it ends in .xlsx or .xlsm, else as the .xlsx of that name (``new tracker.csv`` is refused: H172 finding 04).

    >>> str(missing_workbook(Path("tracker.csv")))
    "no such workbook: tracker.csv (a tracker's name ends in .xlsx or .xlsm; make one with: xl-retention new \
tracker.xlsx)"
    """
    if not path.parent.is_dir():  # ``new`` refuses a missing folder: no command to suggest, the folder named
        return FileNotFoundError(f"no such workbook: {path} (there is no folder {path.parent} either: check the path)")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return FileNotFoundError(f"no such workbook: {path} (make one with: xl-retention new {path})")
    return FileNotFoundError(
        f"no such workbook: {path} (a tracker's name ends in .xlsx or .xlsm; make one with: xl-retention new "
        f"{path.with_suffix('.xlsx')})"
    )


def _extend(args: argparse.Namespace) -> int:
    from .workbook.extend import extend_workbook

    if not args.path.exists():
        raise missing_workbook(args.path)
    done = extend_workbook(args.path, months=args.months, to=args.to)
    print("\n".join(done.lines(args.path, args.recalc)))
    return recalc_in_place(args.path) if args.recalc else 0


def add_extend(commands: Any, months: Callable[[str], int], month: Callable[[str], str]) -> None:
    """The ``extend`` command on the subcommands ``commands`` (``months``, ``month``: the parsers of a number of
    months and of a month, YYYY-MM, that ``new`` uses)."""
    extend = commands.add_parser(
        "extend",
        help="add months at the end of a tracker (one kept by hand too), keeping everything in it",
        description="Add months at the end of every monthly sheet, NPS scores and Cohorts of a tracker, with the "
        "template's formulas; your values, formulas, comments and sheets stay, and your formulas over the months "
        "(a total) take in the new ones.",
    )
    extend.add_argument("path", type=Path, help="the tracker (.xlsx or .xlsm), changed in place (atomic replace)")
    how_many = extend.add_mutually_exclusive_group(required=True)
    how_many.add_argument("--months", type=months, help="how many months to add")
    how_many.add_argument("--to", type=month, metavar="YYYY-MM", help="add the months through this one")
    extend.add_argument("--recalc", action="store_true", help="recalculate the workbook afterwards (without it, the "
                        "formulas' stored results are cleared; Excel recalculates on open)")  # fmt: skip
    extend.set_defaults(run=_extend)
