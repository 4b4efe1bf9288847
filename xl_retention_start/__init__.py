"""The ``xl-retention`` command's entry point, light to import: a Ctrl+C or SIGTERM while the package is imported
(numpy, pandas, the engine: up to a second or two) ends in ``xl-retention: interrupted`` (exit 130, 143 for SIGTERM),
never a traceback (H490's finding 07). It imports nothing of the package until :func:`main` runs."""

from __future__ import annotations

import signal
import sys

__all__ = ["main"]


class _Terminated(KeyboardInterrupt):
    """SIGTERM while the command starts, raised as Ctrl+C is."""


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated


def main(argv: list[str] | None = None) -> int:
    """Import the command and run it (:func:`xl_retention.cli.main`); interrupted while importing: one line."""
    previous = signal.signal(signal.SIGTERM, _terminated) if hasattr(signal, "SIGTERM") else None
    try:
        try:
            from xl_retention._imports import cache_patterns

            cache_patterns()  # before the command's modules compile their regular expressions
            from xl_retention.cli import main as command
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        return command(argv)
    except KeyboardInterrupt as interrupt:  # the command catches its own; this is one while it was imported
        print("xl-retention: interrupted", file=sys.stderr)
        return 143 if isinstance(interrupt, _Terminated) else 130
