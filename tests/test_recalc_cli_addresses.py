"""The CLI names the cells it could not recalculate as it names the cells in error, and as a formula writes them:
a sheet name with a space or an apostrophe quoted ('My Data''s'!D1), never My Data's!D1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl


def test_cells_not_recalculated_are_named_as_a_formula_writes_them(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "My Data's"
    ws["A1"] = 0
    ws["B1"] = "=1/A1"
    ws["D1"] = '=INFO("osversion")'  # a function the engine lacks, with no value stored
    path = tmp_path / "book.xlsx"
    wb.save(path)
    done = subprocess.run(
        [sys.executable, "-m", "xl_retention", "recalc", str(path), "--engine", "embedded"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "300"},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith(f"{path}: ")]
    assert lines == [
        f"{path}: 'My Data''s'!D1 not recalculated: unsupported function INFO",
        f"{path}: 'My Data''s'!B1 = #DIV/0!: 'My Data''s'!B1: the formula divides by 'My Data''s'!A1, which is 0 "
        "(#DIV/0!)",
    ]
