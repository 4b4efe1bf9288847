"""Fresh ``xl-retention recalc`` processes of several copies of xl-retention, interleaved: CPU seconds of each.

Run by hand: ``python bench/bench_fresh.py WORKBOOK COPY [COPY ...] [--runs 8]``. Each COPY is a folder holding an
``xl_retention`` package (``git archive <commit> | tar -x -C COPY``); each run is the command a user runs,
``python -m xl_retention recalc WORKBOOK --engine embedded --json``, with ``PYTHONPATH=COPY``, in a fresh process
from a neutral folder, its CPU seconds (user + system of the process tree, from ``wait4``) recorded. The copies take
turns, in reversed order every other round, so that a machine's changing load falls on all of them alike; the best
and the median of each are printed, with the load average, and whether each copy's written workbook is the first
copy's to the byte. Bytecode is compiled first, as an installed copy's is (``PYTHONDONTWRITEBYTECODE`` would
otherwise have every run compile the package again), and an untimed first command of each copy writes its patterns
cache (``xl_retention._imports.cache_patterns``) as an installed copy's first command does.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def run(workbook: Path, copy: Path, out: Path, neutral: Path, environ: dict[str, str] | None = None) -> float:
    """CPU seconds of one fresh recalculation of ``workbook`` by the xl-retention in ``copy``."""
    command = [sys.executable, "-m", "xl_retention", "recalc", str(workbook), "--engine", "embedded", "--json",
               "--output-dir", str(out)]  # fmt: skip
    env = {**(os.environ if environ is None else environ), "PYTHONPATH": str(copy)}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=neutral, env=env)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{copy}: recalc failed: {errors.decode()[-500:]}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("workbook", type=Path)
    parser.add_argument("copies", type=Path, nargs="+", help="folders holding an xl_retention package")
    parser.add_argument("--runs", type=int, default=8, help="runs of each copy (interleaved)")
    args = parser.parse_args()
    workbook = args.workbook.resolve()
    copies = [copy.resolve() for copy in args.copies]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        code = "import compileall, os, xl_retention as x; compileall.compile_dir(os.path.dirname(x.__file__), quiet=1)"
        for copy in copies:
            subprocess.run(
                [sys.executable, "-c", code], check=True, cwd=work, env={**os.environ, "PYTHONPATH": str(copy)}
            )
        seconds: dict[Path, list[float]] = {copy: [] for copy in copies}
        outs = {copy: work / f"out{k}" for k, copy in enumerate(copies)}
        first = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        for copy in copies:  # untimed: its first command writes the patterns cache beside the bytecode, as installed
            run(workbook, copy, outs[copy], work, first)
        for turn in range(args.runs):
            for copy in copies if turn % 2 == 0 else copies[::-1]:
                seconds[copy].append(run(workbook, copy, outs[copy], work))
        print(f"load average {os.getloadavg()[0]:.1f}; {workbook.name}, {args.runs} fresh runs of each, CPU seconds")
        first = outs[copies[0]] / workbook.name
        for copy in copies:
            same = filecmp.cmp(first, outs[copy] / workbook.name, shallow=False)
            values = seconds[copy]
            print(
                f"{copy}: best {min(values):.3f}, median {statistics.median(values):.3f}"
                f"{'' if same else ' (written workbook differs from the first copy)'}"
            )


if __name__ == "__main__":
    main()
