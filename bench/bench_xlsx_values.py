"""The cached-value writer on 100,000 formula cells, against openpyxl writing the same values.

Run by hand: ``python bench/bench_xlsx_values.py``. Prints the best of 5 for
:func:`xl_retention.recalculation.xlsx_values.write_cached_values` (rewrites only the formula
cells' ``<v>`` in the package), for the same writer with its plain-layout fast path
(``xlsx_plain``) switched off (the general path: what every sheet took before issue 14), and for
the peer, openpyxl loading the workbook and saving it with the values written as plain cells
(what a user script would do), interleaved in one run, with the load average.
"""

from __future__ import annotations

import os
import tempfile
import time
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


def _seconds(func) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


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

        load = os.getloadavg()[0]
        times: dict[str, list[float]] = {"ours": [], "general": [], "peer": []}
        for _ in range(5):
            for name, func in (("ours", ours), ("general", general), ("peer", peer)):
                times[name].append(_seconds(func))
        mine, before, theirs = (min(times[name]) for name in ("ours", "general", "peer"))
        cells = len(values)
        print(f"load average {load:.2f} -> {os.getloadavg()[0]:.2f}; {cells:,} formula cells; best of 5")
        print(f"write_cached_values     {mine:6.3f} s  {mine / cells * 1e6:5.2f} us/cell")
        print(
            f"general path (before)   {before:6.3f} s  {before / cells * 1e6:5.2f} us/cell  "
            f"(ratio {before / mine:.1f}x)"
        )
        ratio = theirs / mine
        print(f"openpyxl load+save      {theirs:6.3f} s  {theirs / cells * 1e6:5.2f} us/cell  (ratio {ratio:.1f}x)")


if __name__ == "__main__":
    main()
