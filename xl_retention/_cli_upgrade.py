"""``xl-retention upgrade``: a tracker's formulas of an earlier template brought up to this version's
(:mod:`xl_retention.workbook.upgrade_file`), without importing or adding months."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._cli_extend import missing_workbook
from ._cli_recalc import recalc_in_place


def _upgrade(args: argparse.Namespace) -> int:
    from .workbook.upgrade_file import upgrade_workbook

    if not args.path.exists():
        raise missing_workbook(args.path)
    done = upgrade_workbook(args.path)
    print("\n".join(done.lines(args.path, args.recalc)))
    # --recalc recalculates whatever changed: a tracker whose formulas are this version's already may hold no stored
    # values (filled by a script), as extend --recalc and import --into --recalc of nothing new recalculate (H544's 02)
    return recalc_in_place(args.path) if args.recalc else 0


def add_upgrade(commands: Any) -> None:
    """The ``upgrade`` command on the subcommands ``commands``."""
    upgrade = commands.add_parser(
        "upgrade",
        help="bring a tracker's formulas of an earlier template up to this version's, keeping everything of yours",
        description="Give every formula of a tracker that is exactly one an earlier version of the template wrote "
        "this version's (as import --into and extend do): your values, formulas of your own, comments and sheets "
        "stay; no month is added. recalc never changes formulas, so it says when a tracker needs this.",
    )
    upgrade.add_argument("path", type=Path, help="the tracker (.xlsx or .xlsm), changed in place (atomic replace)")
    upgrade.add_argument("--recalc", action="store_true", help="recalculate the workbook afterwards, also when no "
                         "formula needed upgrading (without it, the "
                         "formulas' stored results are cleared; Excel recalculates on open)")  # fmt: skip
    upgrade.set_defaults(run=_upgrade)
