"""Where one fresh ``xl-retention recalc`` command's CPU goes, with the caches as the command has them.

Run by hand: ``python bench/bench_command_phases.py WORKBOOK [more recalc arguments]`` (``--engine embedded --json``
and a temporary ``--output-dir`` are added). ``bench_recalc.py --phases`` times ``recalc_file`` in a process of its
own, without the patterns and shapes caches the command line installs (its argument rewrites are those of a first
command); this runs the command line itself (``xl_retention.cli.main``) with CPU timers around a few functions, after
an untimed first command in a fresh process has written the caches where Python writes bytecode. Prints CPU seconds:
the start and imports, the command, and each timed function (called inside one another: they do not add up).
"""

from __future__ import annotations

import functools
import importlib
import os
import subprocess
import sys
import tempfile
import time

R = "xl_retention.recalculation."
TIMED = (
    (R + "batch", "_computed", "compute, in all"),
    (R + "embedded", "scan", "package scan"),
    (R + "embedded", "load", "engine load"),
    (R + "embedded", "_rewrite_sheet", "rewrite loop, in all"),
    (R + "embedded", "FormulaTexts", "stored texts (FormulaTexts)"),
    (R + "filled_down", "decided", "structural pre-check (rewrite_shapes.decided)"),
    (R + "embedded", "rewrite", "structural rewrites"),
    (R + "filled_down", "rewrite_arguments", "argument rewrites"),
    (R + "embedded", "with_formulas", "rewritten formulas into the engine's copy"),
    (R + "embedded", "_evaluate", "evaluation and the steps setting formulas after it"),
    (R + "embedded", "_listed", "listings after the evaluation"),
    (R + "xlsx_values", "write_cached_values", "writing the cached values"),
    ("xl_retention.models._optimize", "_controller", "scipy.optimize's import and threadpoolctl (a model's first fit)"),
    ("xl_retention.workbook.upgrade_file", "earlier_template_line", "earlier-template check"),
)


def _timed(spent: dict[str, float], module: str, name: str, label: str) -> None:
    owner = importlib.import_module(module)
    function = getattr(owner, name)

    @functools.wraps(function)
    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - started

    setattr(owner, name, timed)


def measured(arguments: list[str]) -> None:
    """In this process: the command with its functions timed."""
    from xl_retention._imports import cache_patterns

    cache_patterns()  # as python -m xl_retention does first
    from xl_retention.cli import main

    imported = time.process_time()
    spent: dict[str, float] = {}
    for module, name, label in TIMED:
        _timed(spent, module, name, label)
    main(arguments)
    command = time.process_time() - imported
    print(f"| start and imports | {imported:.3f} |\n| the command | {command:.3f} |", file=sys.stderr)
    for _, _, label in TIMED:
        if label in spent:
            print(f"| {label} | {spent[label]:.3f} |", file=sys.stderr)


def main() -> None:
    if sys.argv[1:2] == ["--measured"]:
        measured(sys.argv[2:])
        return
    out = tempfile.mkdtemp(prefix="xlr-phases-")
    arguments = [*sys.argv[1:], "--engine", "embedded", "--json", "--output-dir", out]
    first = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "xl_retention", "recalc", *arguments]
    subprocess.run(command, check=True, capture_output=True, env=first)  # the caches written, untimed
    print(f"load average {os.getloadavg()[0]:.2f}\n\n| phase | CPU s |\n|---|---:|", flush=True)
    run = subprocess.run([sys.executable, __file__, "--measured", "recalc", *arguments], capture_output=True, text=True)
    print(run.stderr.strip())


if __name__ == "__main__":
    main()
