"""The ``xl-retention`` command's entry point, light to import: a Ctrl+C or SIGTERM while the package is imported
(numpy, pandas, the engine: up to a second or two) ends in ``xl-retention: interrupted`` (exit 130, 143 for SIGTERM),
never a traceback (H490's finding 07). It imports nothing of the package until :func:`main` runs."""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["main", "one_blas_thread"]

#: the thread counts OpenBLAS reads as numpy (or scipy) loads it: a user's own setting of any of them is kept
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def one_blas_thread(module: str = "xl_retention") -> None:
    """OpenBLAS kept to the command's own thread in its process and the processes it starts (``OPENBLAS_NUM_THREADS``
    1 unless the user set a thread count), when this process is the command: :func:`main`, or ``python -m`` of
    ``module`` (called by the package's ``__init__`` while ``python -m`` finds it, before numpy is imported).

    numpy's OpenBLAS starts a thread per core when it loads, which spins on its core for tens of milliseconds waiting
    for work the command never gives it (no BLAS call of a recalculation is large enough to be split): about 0.05 s of
    CPU a command, 5% of the 50,000-cell recalculation's (issue 14, bench/README.md). The model fits keep BLAS to one
    thread anyway (``models._optimize.one_blas_thread``), so no computed value changes.
    """
    if sys.argv[:1] == ["-m"]:  # python -m: only when the module run is this package (or one of its modules)
        args = list(getattr(sys, "orig_argv", []))
        run = next((args[k + 1] if a == "-m" else a[2:] for k, a in enumerate(args) if a.startswith("-m")), None)
        if run is None or run.split(".")[0] != module:
            return
    if not any(os.environ.get(name) for name in _BLAS_THREADS):
        os.environ["OPENBLAS_NUM_THREADS"] = "1"


class _Terminated(KeyboardInterrupt):
    """SIGTERM while the command starts, raised as Ctrl+C is."""


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated


def main(argv: list[str] | None = None) -> int:
    """Import the command and run it (:func:`xl_retention.cli.main`); interrupted while importing: one line."""
    one_blas_thread()  # before numpy is imported
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
