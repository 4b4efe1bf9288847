"""The cached-value writer on 100,000 formula cells, against openpyxl writing the same values.

Run by hand: ``python bench/bench_xlsx_values.py``. Prints the best of 5 for
:func:`xl_retention.recalculation.xlsx_values.write_cached_values` (rewrites only the formula
cells' ``<v>`` in the package), for the same writer with its plain-layout fast path
(``xlsx_plain``) switched off (the general path: what every sheet took before issue 14), and for
the peer, openpyxl loading the workbook and saving it with the values written as plain cells
(what a user script would do), and for the writer as it was before issue 14 (commit f2ee66c, read with
``git show`` and run on today's package; skipped where git or the commit is missing), interleaved in one
run, with the load average. Each figure is the best of 5: wall seconds, and the process's CPU seconds
(``time.process_time``), which a shared machine's load disturbs less.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import types
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import xlsx_plain
from xl_retention.recalculation.xlsx_values import write_cached_values

ROWS, COLUMNS = 10_000, "BCDEFGHIJK"


def _workbook(path: Path) -> dict[str, float]:
    wb = openpyxl.Workbook()
    wb.active.title = "Big"
    wb.save(path)
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c>'
        + "".join(f'<c r="{col}{r}"><f>A{r}*{k}</f><v>0</v></c>' for k, col in enumerate(COLUMNS, 1))
        + "</row>"
        for r in range(1, ROWS + 1)
    )
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    entries["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries.items():
            target.writestr(name, data)
    return {f"{col}{r}": r * k + 0.5 for r in range(1, ROWS + 1) for k, col in enumerate(COLUMNS, 1)}


ROOT = Path(__file__).resolve().parents[1]
BEFORE = "f2ee66c"  # the commit before issue 14's work (bench/README.md)


def _seconds(func) -> tuple[float, float]:
    """(wall, CPU) seconds of one call."""
    started, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - started, time.process_time() - cpu


def _module_at(commit: str, path: str, name: str, package: str) -> types.ModuleType | None:
    """The module ``path`` as it was at ``commit`` (its relative imports resolved in ``package``), or None."""
    try:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{commit}:{path}"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType(name)
    module.__package__ = package
    sys.modules[name] = module
    exec(compile(source, f"{commit}:{path}", "exec"), module.__dict__)  # noqa: S102  (our own code, by hand)
    return module


def _writer_before() -> types.ModuleType | None:
    """The cached-value writer of commit f2ee66c, with the atomic-output helper of that commit."""
    writer = _module_at(
        BEFORE, "xl_retention/recalculation/xlsx_values.py", "_xlsx_values_before", "xl_retention.recalculation"
    )
    files = _module_at(BEFORE, "xl_retention/_files.py", "_files_before", "xl_retention")
    if writer is None or files is None:
        return None
    writer.atomic_output = files.atomic_output
    return writer


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder, "big.xlsx"), Path(folder, "out.xlsx")
        values = _workbook(source)

        def ours() -> None:
            write_cached_values(source, target, {"Big": values})

        def general() -> None:
            plain = xlsx_plain.rewrite_plain_cells
            xlsx_plain.rewrite_plain_cells = lambda *args: None  # every sheet through the general path
            try:
                write_cached_values(source, target, {"Big": values})
            finally:
                xlsx_plain.rewrite_plain_cells = plain

        def peer() -> None:
            wb = openpyxl.load_workbook(source)
            ws = wb["Big"]
            for ref, value in values.items():
                ws[ref] = value
            wb.save(target)

        before_writer = _writer_before()

        def before() -> None:
            before_writer.write_cached_values(source, target, {"Big": values})

        runs = {"ours": ours, "general": general, "peer": peer}
        if before_writer is not None:
            runs["before"] = before
        load = os.getloadavg()[0]
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for _ in range(5):
            for name, func in runs.items():
                times[name].append(_seconds(func))
        cells = len(values)
        print(f"load average {load:.2f} -> {os.getloadavg()[0]:.2f}; {cells:,} formula cells; best of 5")
        print("| writer | wall s | us/cell | CPU s | us/cell | CPU ratio |")
        print("|---|---:|---:|---:|---:|---:|")
        mine = min(c for _, c in times["ours"])
        labels = {
            "ours": "`write_cached_values`",
            "before": f"the writer of commit {BEFORE} (before issue 14)",
            "general": "today's general path (the plain-layout fast path switched off)",
            "peer": "openpyxl load + save (what a user script would do)",
        }
        for name in ("ours", "before", "general", "peer"):
            if name not in times:
                continue
            wall, cpu = min(w for w, _ in times[name]), min(c for _, c in times[name])
            print(
                f"| {labels[name]} | {wall:.3f} | {wall / cells * 1e6:.2f} | {cpu:.3f} | {cpu / cells * 1e6:.2f} "
                f"| {cpu / mine:.1f}x |"
            )


if __name__ == "__main__":
    main()
