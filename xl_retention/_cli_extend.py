"""``xl-retention extend``: months added at the end of a tracker kept by hand (:mod:`xl_retention.workbook.extend`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._cli_recalc import recalc_in_place


def _extend(args: argparse.Namespace) -> int:
    from .workbook.extend import extend_workbook

    if not args.path.exists():
        raise FileNotFoundError(f"no such workbook: {args.path} (make one with: xl-retention new {args.path})")
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
