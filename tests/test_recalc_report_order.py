"""A recalculation's report lists the cells in error sheet by sheet in the workbook's order, the same in every run:
the computed values were read sheet by sheet from a set, whose order follows Python's string hashing, different in
each process (the 74 Excel-saved workbooks' reports came out in another order from one run to the next)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

SHEETS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]


def test_errors_listed_in_the_workbooks_sheet_order_whatever_the_hash_seed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in SHEETS:
        sheet = book.create_sheet(name)
        sheet["A1"], sheet["B1"] = 0, "=1/A1"
    path = tmp_path / "months.xlsx"
    book.save(path)
    for seed in ("0", "1", "2", "3"):
        run = subprocess.run(
            [sys.executable, "-m", "xl_retention", "recalc", str(path), "--json", "--engine", "embedded",
             "--output-dir", str(tmp_path / seed)],
            capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        errors = json.loads(run.stdout)["files"][0]["errors"]
        assert [e["address"] for e in errors] == [f"{name}!B1" for name in SHEETS], seed
