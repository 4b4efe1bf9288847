"""Whole columns in array arithmetic (recalculation.whole_ranges): cost against the same formulas bounded by hand.

Run by hand: ``nice python bench/bench_whole_ranges.py [--rows 100000] [--runs 3]``. Builds, for a sheet of
``--rows`` rows and for a 10-row sheet, one workbook whose formulas use whole columns (``SUMPRODUCT(
(Data!A:A="EU")*Data!B:B)``, ``SUMPRODUCT(Data!B:B,Data!C:C)``, ``SUMPRODUCT(MAX(ROW(Data!A:A)*(Data!A:A<>"")))``)
and a peer workbook with the same formulas over ranges a user would type (``Data!$A$1:$A$<rows>``), and reports the
best embedded recalculation time of each, their ratio, and one formula that needs Excel's full 1,048,576 rows
(``SUMPRODUCT(--(Data!A:A=""))``). Checks that both workbooks give the same values.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import openpyxl

from xl_retention.recalculation.embedded import compute

_WHOLE = [
    'SUMPRODUCT((Data!A:A="EU")*Data!B:B)',
    "SUMPRODUCT(Data!B:B,Data!C:C)",
    'SUMPRODUCT(MAX(ROW(Data!A:A)*(Data!A:A<>"")))',
    'SUMPRODUCT((Data!A:A="EU")*1,Data!B:B)+3',  # a value typed beside the arithmetic (H7 r32: 3 s a cell before)
]


def _book(path: Path, rows: int, formulas: list[str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for r in range(1, rows + 1):
        sheet.cell(r, 1, "EU" if r % 3 else "US")
        sheet.cell(r, 2, r % 97)
        if r <= rows - 2:
            sheet.cell(r, 3, r % 7)
    calc = book.create_sheet("Calc")
    for i, text in enumerate(formulas, 1):
        calc.cell(i, 1, "=" + text)
    book.save(path)
    return path


def _best(path: Path, runs: int) -> tuple[float, dict]:
    best, values = float("inf"), {}
    for _ in range(runs):
        start = time.perf_counter()
        values = compute(path).values.get("Calc", {})
        best = min(best, time.perf_counter() - start)
    return best, values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    print(f"load: {open('/proc/loadavg').read().split()[:3]}")
    with tempfile.TemporaryDirectory() as folder:
        for rows in (options.rows, 10):
            typed = [f.replace("A:A", f"$A$1:$A${rows}").replace("B:B", f"$B$1:$B${rows}") for f in _WHOLE]
            typed = [f.replace("C:C", f"$C$1:$C${rows}") for f in typed]
            ours, got = _best(_book(Path(folder) / f"whole{rows}.xlsx", rows, _WHOLE), options.runs)
            peer, want = _best(_book(Path(folder) / f"typed{rows}.xlsx", rows, typed), options.runs)
            assert got == want, (got, want)
            full, _ = _best(_book(Path(folder) / f"full{rows}.xlsx", rows, ['SUMPRODUCT(--(Data!A:A=""))']), 1)
            print(f"{rows:>7} rows: whole columns {ours:.2f} s, typed ranges {peer:.2f} s, ratio {ours / peer:.2f}; ")
            print(f"         one formula over the full 1,048,576 rows (counts empty cells): {full:.2f} s")


if __name__ == "__main__":
    main()
