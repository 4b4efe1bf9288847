"""A tracker whose formulas an earlier template wrote, brought up by ``xl-retention import --into`` (tests' helper)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cli_process import run
from openpyxl.utils import get_column_letter

from xl_retention.workbook.monthly import MonthlySheet

#: Two months of a small subscriptions file: a and b in January, a and c in February.
SUBSCRIPTIONS = "customer_id,month,mrr\na,2026-01,100\nb,2026-01,50\na,2026-02,120\nc,2026-02,80\n"


def letters(spec: MonthlySheet) -> dict[str, str]:
    """Each column's letter on the monthly sheet ``spec``, by its key (as the template places them)."""
    return {c.key: get_column_letter(i) for i, c in enumerate(spec.columns, start=1)}


def template_formula(spec: MonthlySheet, key: str) -> str:
    """The formula this version's template writes in the column ``key`` of ``spec`` (its placeholders unfilled)."""
    return next(c for c in spec.columns if c.key == key).formula


def import_into(tmp_path: Path, path: Path, rows: str = SUBSCRIPTIONS) -> subprocess.CompletedProcess[str]:
    """``xl-retention import --subscriptions s.csv --into PATH`` (``rows`` written to ``tmp_path/s.csv``) as a process
    of its own: it must succeed."""
    csv = tmp_path / "s.csv"
    csv.write_text(rows)
    done = run("import", "--subscriptions", csv, "--into", path)
    assert done.returncode == 0, done.stderr
    return done


def brought_up(done: subprocess.CompletedProcess[str]) -> str:
    """The line of an import's output that lists the ranges whose formulas it brought up to this version's."""
    return next(line for line in done.stdout.splitlines() if line.startswith("brought the formulas"))
