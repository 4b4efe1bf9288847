"""The ``xl-retention`` command: a thin shell over the package."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .errors import RetentionInputError


def _functions(args: argparse.Namespace) -> int:
    from .reference import as_markdown, as_text

    sys.stdout.write(as_markdown() if args.markdown else as_text())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xl-retention",
        description="Retention metrics for Excel: formulas, template workbooks, recalculation.",
    )
    parser.add_argument("--version", action="version", version=f"xl-retention {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    functions = commands.add_parser("functions", help="print the formula reference")
    functions.add_argument("--markdown", action="store_true", help="as Markdown (docs/functions.md)")
    functions.set_defaults(run=_functions)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except (RetentionInputError, OSError) as error:
        print(f"xl-retention: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("xl-retention: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
