"""An import that adds months to a tracker holding formulas of the user's, run as a process (tests' helper)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import openpyxl

from xl_retention.workbook.template import build_template


def import_into(
    tmp_path: Path, mine: Mapping[str, str], edit: Callable[[Any], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """A 3-month tracker from 2026-01 (``t.xlsx``) with ``mine`` (cell -> formula) on a sheet of the user's, Mine, into
    which ``import --subscriptions subs.csv --into t.xlsx`` adds months up to 2026-06 (month n: customers c0 to c(n-1),
    MRR 10 each), run in ``tmp_path``: its exit status, stdout and stderr. ``edit(book)``: more of the user's (names,
    charts) put into the tracker (an openpyxl workbook) before it is saved."""
    tracker = tmp_path / "t.xlsx"
    build_template(tracker, start="2026-01", months=3)
    book = openpyxl.load_workbook(tracker)
    sheet = book.create_sheet("Mine")
    for ref, formula in mine.items():
        sheet[ref] = formula
    if edit is not None:
        edit(book)
    book.save(tracker)
    rows = ["customer_id,month,mrr"] + [f"c{c},2026-0{m},10" for m in range(1, 7) for c in range(m)]
    (tmp_path / "subs.csv").write_text("\n".join(rows) + "\n")
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--subscriptions", "subs.csv", "--into", "t.xlsx"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
