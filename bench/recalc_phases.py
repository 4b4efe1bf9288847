"""``bench_recalc.py --phases``: where the CPU time of one recalculation goes, phase by phase (split out of
bench_recalc.py, past 600 lines, by H320): each phase's own CPU seconds in ``recalc_file``, the interpreter's start,
the command's imports and the interpreter's exit measured in fresh processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench_recalc import NEUTRAL, first_command_environment, measure

# (module, function, label): each phase's CPU time in recalc_file is its own, the phases called inside it taken out
# (the rewrite loop's own work is _rewrite_sheet's time less the texts, shapes and rewrites it calls). A function is
# patched in the module that calls it (the name it is called by there): a phase whose function moved to another
# module is reported as not found, not left out of the table unseen
PHASES = (
    ("batch", "check_readable", "reading check of the package (zip test)"),
    ("embedded", "scan", "package scan (formula cells, kinds, stored values, names, tables)"),
    ("embedded", "placeholders", "stored values all 0? (a program's placeholders)"),
    ("embedded", "defined_formulas", "defined names the engine cannot resolve"),
    ("embedded", "engine_package", "the package the engine reads (array members' values removed)"),
    ("embedded", "load", "formualizer loads the file, our functions registered"),
    ("embedded", "_rewrite_sheet", "the rewrite loop's own work (per formula: shape tests, copies passed over)"),
    ("embedded", "FormulaTexts", "stored texts by cell"),
    ("formula_texts", "shapes", "formula shapes (one substitution per sheet)"),
    ("embedded", "may_need_rewrite", "pre-tests of every formula (structure)"),
    ("embedded", "may_need_arguments", "pre-tests of every formula (arguments)"),
    ("embedded", "may_split", "pre-tests of every formula (SUBTOTAL)"),
    ("embedded", "rewrite", "structural rewrites"),
    ("filled_down", "rewrite_arguments", "argument rewrites"),
    ("embedded", "with_formulas", "rewritten formulas written into the package the engine loads"),
    ("embedded", "build_graph", "formualizer builds its dependency graph (formulas set after loading)"),
    ("workbook", "set_formulas_batch", "rewritten formulas set in the engine"),
    ("embedded", "column_calls", "our arithmetic functions computed a column at a time (engine values read)"),
    ("workbook", "evaluate_all", "evaluation: the engine and every Python call it makes"),
    ("embedded", "read_values", "reading the results"),
    ("embedded", "number_text_results", 'formula results that are number texts ("1,234")'),
    ("embedded", "spills_over_merged", "spills over merged cells"),
    ("listed_cells", "find_unsupported", "cells the engine could not compute (listed)"),
    ("listed_cells", "unsure_cells", "listings made afterwards (IFERROR-hidden gaps, IF in SUMPRODUCT, MROUND)"),
    ("listed_cells", "unsure_step_cells", "listings made afterwards (FLOOR, CEILING steps)"),
    ("listed_cells", "may_read_locale_texts", "texts of another locale? (the engine's used areas read)"),
    ("kept", "pad_classic_arrays", "Ctrl+Shift+Enter arrays padded"),
    ("listed_cells", "fit_arrays", "array results"),
    ("batch", "_issues", "error cells of the report"),
    ("xlsx_values", "write_cached_values", "writing the cached values"),
    ("chart_ranges", "fit_chart_ranges", "chart ranges fitted"),
    # the checks recalc_file makes around the computation (a tracker's, most of them)
    ("batch", "check_embedded_layout", "layout check (Strict, prefixes, macro sheets)"),
    ("batch", "check_replaceable", "output replaceable? (result marks)"),
    ("batch", "result_mark", "result mark made"),
    ("batch", "seal", "result sealed"),
    ("month_order", "tracker_rows", "tracker checks: the monthly sheets' rows read"),
    ("month_order", "sheets_out_of_order", "tracker checks: months out of order"),
    ("month_order", "skipped_month", "tracker checks: a month skipped"),
    ("cohort_order", "cohorts_out_of_order", "tracker checks: cohorts out of order"),
    ("overflowed_answers", "overflowed_cells", "NPS answers below the rows read"),
    ("signatures", "drop_signatures", "signatures over changed parts dropped"),
    ("typed_over", "typed_over_formulas", "tracker checks: values typed over formulas"),
    ("typed_over", "typed_over_cohorts", "tracker checks: shares typed over Cohorts"),
    ("checks", "unread_input", "tracker checks: an input no formula reads (workbook.checks)"),
    ("found", "copied_sheet_line", "tracker checks: a copied monthly sheet"),
    ("upgrade_file", "earlier_template_line", "tracker checks: an earlier template's formulas"),
    ("batch", "_publish", "the result copied to the output (atomic replace, fsync)"),
)


def phases(path: Path, work: Path, cold: bool = False) -> None:
    """Where the time of one recalculation goes: CPU seconds of each phase, the rest, the start and imports."""
    import functools

    from xl_retention.recalculation import (
        batch,
        cohort_order,
        embedded,
        engine,
        filled_down,
        formula_texts,
        kept,
        listed_cells,
        month_order,
        overflowed_answers,
        recalc_file,
        signatures,
        typed_over,
        xlsx_values,
    )
    from xl_retention.workbook import chart_ranges, checks, found, upgrade_file

    spent: dict[str, float] = {}
    callbacks = [0.0]
    inner = [0.0]  # the time of the timed calls made inside the one running (its own time is the rest)

    def timer(label: str, function):
        @functools.wraps(function)
        def timed_call(*args, **kwargs):
            outer = inner[0]
            inner[0] = 0.0
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.process_time() - started
                spent[label] = spent.get(label, 0.0) + elapsed - inner[0]
                inner[0] = outer + elapsed

        return timed_call

    class Timed:  # formualizer's Workbook and Sheet, with the phases' methods timed
        def __init__(self, inner) -> None:
            self._inner = inner

        def __getattr__(self, name: str):
            attr = getattr(self._inner, name)
            labels = {phase: label for module, phase, label in PHASES if module == "workbook"}
            if name == "sheet":
                return lambda *args: Timed(attr(*args))
            return timer(labels[name], attr) if name in labels else attr

    modules = {
        "batch": batch,
        "embedded": embedded,
        "filled_down": filled_down,
        "formula_texts": formula_texts,
        "kept": kept,
        "listed_cells": listed_cells,
        "xlsx_values": xlsx_values,
        "chart_ranges": chart_ranges,
        "month_order": month_order,
        "cohort_order": cohort_order,
        "overflowed_answers": overflowed_answers,
        "signatures": signatures,
        "typed_over": typed_over,
        "checks": checks,
        "found": found,
        "upgrade_file": upgrade_file,
    }
    missing = []  # phases whose function is no longer where PHASES says (moved or renamed): said, not hidden
    for module, name, label in PHASES:
        if module in modules and hasattr(modules[module], name):
            setattr(modules[module], name, timer(label, getattr(modules[module], name)))
        elif module != "workbook":
            missing.append(f"{module}.{name}")
    load = embedded.load
    embedded.load = lambda *args, **kwargs: Timed(load(*args, **kwargs))
    engine_function = engine._engine_function

    def counted(function):
        call = engine_function(function)

        def timed_callback(*args):
            started = time.process_time()
            try:
                return call(*args)
            finally:
                callbacks[0] += time.process_time() - started

        return timed_callback

    engine._engine_function = counted
    if not cold:
        recalc_file(path, work / "phases-warm.xlsx")  # first calls (function probes, caches) out of the way
    spent.clear()
    callbacks[0] = 0.0
    started = time.process_time()
    report = recalc_file(path, work / "phases.xlsx")
    total = time.process_time() - started
    start = min(float(measure("import json, time; result = {'cpu': time.process_time()}")["cpu"]) for _ in range(5))
    # the command's imports as it makes them (python -m xl_retention: the compiled patterns read, openpyxl's package
    # left uninitialised, chart_ranges only for a workbook with charts); the patterns cache is written first
    imports_code = (
        "import json, time, xl_retention; from xl_retention._imports import cache_patterns, defer_openpyxl_init; "
        "cache_patterns(); defer_openpyxl_init(); import xl_retention.cli, xl_retention.recalculation.batch, "
        "xl_retention.recalculation.embedded, xl_retention.recalculation.xlsx_values; "
        "result = {'cpu': time.process_time()}"
    )
    measure(imports_code, first_command_environment())
    imports = min(float(measure(imports_code)["cpu"]) for _ in range(5))
    print(f"load average {os.getloadavg()[0]:.2f}; {report.formulas:,} formula cells, status {report.status}")
    print()
    print("| phase | CPU s |")
    print("|---|---:|")
    print(f"| the interpreter's start (`python -c pass`) | {start:.3f} |")
    print(f"| imports, as the command makes them (CLI, recalculation, formualizer, numpy) | {imports - start:.3f} |")
    for _, _, label in PHASES:
        if label in spent:
            extra = f" (of which {callbacks[0]:.3f} s in our Python callbacks)" if "evaluation" in label else ""
            print(f"| {label}{extra} | {spent[label]:.3f} |")
    print(f"| the rest of recalc_file | {total - sum(spent.values()):.3f} |")
    if missing:
        print(f"| (phases not found, their time in the rest: {', '.join(missing)}) | |")
    print(f"| recalc_file in all ({'cold: the first in the process' if cold else 'warm'}) | {total:.3f} |")
    print(f"| the interpreter's exit after a recalculation (fresh process) | {exit_seconds(path, work):.3f} |")


def exit_seconds(path: Path, work: Path, runs: int = 3) -> float:
    """CPU seconds of a fresh process after its last statement (the interpreter's exit: exit handlers, its last
    collections, freeing the modules), after recalculating ``path`` as the command does; best of ``runs``."""
    code = (
        "import sys, time\nfrom xl_retention.cli import main\n"
        f"main(['recalc', {str(path)!r}, '--engine', 'embedded', '--json', '--output-dir', {str(work / 'exit')!r}])\n"
        "sys.stderr.write(f'{time.process_time()}\\n')"
    )
    found = []
    for _ in range(runs):
        process = subprocess.Popen(
            [sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=NEUTRAL
        )
        _, _, usage = os.wait4(process.pid, 0)
        assert process.stderr is not None
        last = float(process.stderr.read().decode().strip().splitlines()[-1])
        found.append(usage.ru_utime + usage.ru_stime - last)
    return min(found)
