"""INDEX, ROWS and COLUMNS of an expression (``excel_functions.typed``): the test that the expression is an error.

Run by hand: ``nice python bench/bench_index_values.py [--rows 10000] [--cells 300] [--runs 3]``. Excel's INDEX,
ROWS and COLUMNS of an expression that is an error answer that error (``INDEX(1/0,1,4)`` is #DIV/0!, the engine's
#REF!); the rewrite of :func:`.typed.index_of_value` and :func:`.typed.size_of_value` tests for it. Until H44 the
test held the whole array in LET and sent it into Python (``_XLR.FAILED``) for every cell; now INDEX's test runs only
where the engine's own INDEX failed, and ROWS/COLUMNS send only a value of one cell. For each workload (``--cells``
formula cells over a column of ``--rows`` numbers) this prints the in-process CPU seconds (``time.process_time``,
which a shared machine's load disturbs less) of the embedded recalculation, best of ``--runs`` after a first run
that is not timed, with today's rewrite and with the rewrite as it was before (commit e77e16b, read with ``git
show``; skipped where git or the commit is missing), each in a fresh process, with the load average; both must give
the same values.

- ``INDEX(A$1:A$<rows>*1,ROW())``: every cell's INDEX gives a value (the common case);
- ``INDEX(A$1:A$<rows>/(A$1:A$<rows><>ROW()),ROW())``: every cell's INDEX picks an error of the array (the engine
  computes an array holding errors slowly; the picked error is the answer, the array is not computed again);
- ``ROWS(FILTER(A$1:A$<rows>,A$1:A$<rows>>ROW()))`` in an array formula: the size of a filtered array;
- ``INDEX(A$1:A$4*1,MOD(ROW(),4)+1)`` in ten times as many cells: a small array, where the Python call saved was
  cheap and today's longer formula costs the engine about as much.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.formula.tokenizer import Token
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation.embedded import compute
from xl_retention.recalculation.excel_functions import arguments, typed

BEFORE = "e77e16b"
#: label: (formula, an array formula, how many times ``--cells`` cells)
WORKLOADS = {
    "INDEX of an array, value found": ("INDEX(A$1:A${rows}*1,ROW())", False, 1),
    "INDEX of an array, error picked": ("INDEX(A$1:A${rows}/(A$1:A${rows}<>ROW()),ROW())", False, 1),
    "ROWS of a FILTER (array formula)": ("ROWS(_xlfn._xlws.FILTER(A$1:A${rows},A$1:A${rows}>ROW()))", True, 1),
    "INDEX of a 4-item array (10x cells)": ("INDEX(A$1:A$4*1,MOD(ROW(),4)+1)", False, 10),
}


def _before() -> tuple[Callable, Callable] | None:
    """index_of_value and size_of_value as they were at :data:`BEFORE` (None without git or the commit)."""
    path = "xl_retention/recalculation/excel_functions/typed.py"
    root = Path(__file__).resolve().parents[1]
    try:
        source = subprocess.run(
            ["git", "show", f"{BEFORE}:{path}"], cwd=root, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    names = {"Token": Token, "_value_only": typed._value_only, "FAILED": typed.FAILED}
    exec(source[source.index("def index_of_value") : source.index("def _failed")], names)  # noqa: S102
    return names["index_of_value"], names["size_of_value"]


def _book(path: Path, formula: str, rows: int, cells: int, array: bool) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for r in range(1, rows + 1):
        sheet.cell(r, 1, r)
    for r in range(1, cells + 1):
        text = "=" + formula.format(rows=rows)
        sheet.cell(r, 2).value = ArrayFormula(f"B{r}", text) if array else text
    book.save(path)
    return path


def _one(path: Path, runs: int, version: str) -> None:
    """Print the best CPU seconds and the values of one version's recalculation (a fresh process each: the
    rewrites are cached by formula shape within a process)."""
    if version == "before":
        before = _before()
        assert before is not None
        arguments.index_of_value, arguments.size_of_value = before
    compute(path)  # first calls (function probes, the rewrites' caches) out of the way
    best, values = float("inf"), {}
    for _ in range(runs):
        started = time.process_time()
        values = compute(path).values.get("S", {})
        best = min(best, time.process_time() - started)
    print(json.dumps({"seconds": best, "values": {k: repr(v) for k, v in values.items()}}))


def _measured(path: Path, runs: int, version: str) -> tuple[float, dict]:
    command = [sys.executable, __file__, "--one", str(path), version, "--runs", str(runs)]
    out = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    return out["seconds"], out["values"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--cells", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # a version's run in a fresh process
    options = parser.parse_args()
    if options.one:
        _one(Path(options.one[0]), options.runs, options.one[1])
        return
    before = _before() is not None
    print(f"load: {open('/proc/loadavg').read().split()[:3]}; {options.cells} cells over {options.rows:,} rows")
    with tempfile.TemporaryDirectory() as folder:
        for label, (formula, array, times) in WORKLOADS.items():
            path = _book(Path(folder) / "book.xlsx", formula, options.rows, options.cells * times, array)
            ours, got = _measured(path, options.runs, "today")
            line = f"{label:36} today {ours:6.2f} s CPU"
            if before:
                old, want = _measured(path, options.runs, "before")
                assert got == want, sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
                line += f", before ({BEFORE}) {old:6.2f} s, ratio {ours / old:.2f}"
            print(line, f"(B1 {got.get('B1')}, B2 {got.get('B2')})")


if __name__ == "__main__":
    main()
