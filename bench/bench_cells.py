"""Python time per xl-retention cell: the embedded engine's callback for plain numbers, against the general path.

Run by hand: ``python bench/bench_cells.py``. For =CRR, =CHURN_RATE, =NRR and =CLV with number
arguments, best of 7 runs of 50,000 calls each, interleaved in one run:

* ``callback``: what formualizer calls for the cell (``engine._engine_function``): plain numbers go
  straight to the core through :func:`xl_retention.cells.number_caller`;
* ``before``: the callback's path before issue 14, replayed: a type check of the arguments,
  :func:`~xl_retention.cells.evaluate`'s checks (function kind, argument count from the registry),
  its ``_call`` with the defaults and the conversion back, over the core with the validation
  helper of commit ``--before`` (default 8785015, before issue 14; read with ``git show``);
* ``core``: the bare core function (``xl_retention.crr(...)``), validation included.

Also one invalid cell (``=CRR(535, 75, 0)``: ``#DIV/0!`` with its message) through the callback.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import timeit
import types
from pathlib import Path

from xl_retention import cells, metrics
from xl_retention._validation import Inputs
from xl_retention.errors import RetentionInputError
from xl_retention.recalculation.engine import _engine_function, _to_engine
from xl_retention.registry import BY_NAME

CASES = [
    ("CRR", (535.0, 75.0, 500.0)),
    ("CHURN_RATE", (535.0, 75.0, 500.0)),
    ("NRR", (100.0, 80.0, 10000.0)),
    ("CLV", (50.0, 0.7, 0.1)),
    ("CRR", (535.0, 75.0, 0.0)),
]
CALLS = 50_000


def per_call(func, args) -> float:
    def call() -> None:
        try:
            func(*args)
        except RetentionInputError:
            pass  # the bare core raises where a cell shows an error

    return min(timeit.repeat(call, number=CALLS, repeat=7)) / CALLS * 1e6


def old_validation(commit: str) -> types.ModuleType:
    """xl_retention/_validation.py as it was at ``commit``, as a module of its own."""
    root = Path(__file__).resolve().parents[1]
    source = subprocess.run(
        ["git", "show", f"{commit}:xl_retention/_validation.py"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    module = types.ModuleType("old_validation")
    module.__dict__["__package__"] = "xl_retention"
    exec(compile(source, "old_validation.py", "exec"), module.__dict__)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="8785015", help="the commit whose validation helper 'before' uses")
    old = old_validation(parser.parse_args().before)
    print(f"load average {os.getloadavg()[0]:.2f}; microseconds per cell, best of 7 x {CALLS:,} calls")
    print()
    print("| formula | callback us | before us | core us | before / callback |")
    print("|---|---:|---:|---:|---:|")
    for name, args in CASES:
        function = BY_NAME[name]
        callback = _engine_function(function)

        def general(*values, function=function):
            if not set(map(type, values)) <= cells._NUMBERS:
                raise TypeError("numbers only here")
            if function.kind == "elementwise" and set(map(type, values)) <= cells._NUMBERS:
                if len(values) >= sum(not a.optional for a in function.args) and len(values) <= len(function.args):
                    defaults = (a.default for a in function.args[len(values) :])
                    return _to_engine(cells._call(function, *values, *defaults))
            raise TypeError("not the case measured")

        fast, core = per_call(callback, args), per_call(function.func, args)
        metrics.Inputs = old.Inputs  # the core's validation as it was
        try:
            slow = per_call(general, args)
        finally:
            metrics.Inputs = Inputs
        label = f"={name}({', '.join(f'{a:g}' for a in args)})"
        print(f"| {label} | {fast:.2f} | {slow:.2f} | {core:.2f} | {slow / fast:.1f}x |")


if __name__ == "__main__":
    main()
