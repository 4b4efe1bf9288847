"""``xl-retention recalc`` of a plain workbook (no model fit, no import of exports) loads none of the heavy libraries
(issue 14): scipy (about 0.15 s of a command's CPU where a fit needs it), pandas, pyarrow, duckdb, ibis..., nor
openpyxl's reader and writer (deferred by ``xl_retention._imports``). The command is run as a user runs it
(``python -m xl_retention recalc FILE --engine embedded --json``) in a fresh process, under ``-X importtime``, whose
lines name every module the process imported: a change that imports one of them again fails here, not only in the
benchmark's figures."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl

#: packages a plain workbook's recalculation needs none of
HEAVY = ("scipy", "pandas", "pyarrow", "duckdb", "ibis", "polars", "sqlalchemy", "matplotlib", "xlwings")
#: smaller ones the Excel functions use in a few places only, imported there (IPMT, COUP* dates, texts with "&")
LIGHT_ON_USE = ("numpy_financial", "dateutil", "html")
#: openpyxl's reader and writer: the command uses its tokenizer and cell helpers only
OPENPYXL_HEAVY = ("openpyxl.reader", "openpyxl.writer", "openpyxl.workbook", "openpyxl.worksheet", "openpyxl.styles")
_IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$", re.M)


def _plain_workbook(path: Path) -> Path:
    """Four rows of the benchmark's 50,000-cell workbook: CRR, CHURN_RATE, NRR (ours) with IF and SUM (built-ins)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["start", "gained", "end", "lost_mrr", "expansion", "start_mrr", "CRR", "churn", "NRR", "flag", "sum"])
    for r, (start, gained, end) in enumerate([(500, 75, 535), (400, 20, 380), (1000, 0, 990), (300, 30, 330)], 2):
        ws.append([start, gained, end, 100, 80, 10_000])
        ws[f"G{r}"] = f"=CRR(C{r},B{r},A{r})"
        ws[f"H{r}"] = f"=CHURN_RATE(C{r},B{r},A{r})"
        ws[f"I{r}"] = f"=NRR(D{r},E{r},F{r})"
        ws[f"J{r}"] = f'=IF(G{r}>0.95,"high","low")'
        ws[f"K{r}"] = f"=SUM(A{r}:C{r})"
    wb.save(path)
    return path


def test_recalc_of_a_plain_workbook_imports_no_heavy_library(tmp_path: Path) -> None:
    path = _plain_workbook(tmp_path / "plain.xlsx")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "xl_retention", "recalc", str(path), "--engine", "embedded",
         "--json", "--output-dir", str(out)],
        capture_output=True, text=True, check=False, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert [(f["status"], f["formulas"]) for f in report["files"]] == [("ok", 20)]
    imported = set(_IMPORTED.findall(done.stderr))
    assert "xl_retention.recalculation.embedded" in imported and "formualizer" in imported  # the lines were read
    assert sorted(m for m in imported if m.split(".")[0] in HEAVY) == []
    assert sorted(m for m in imported if m.split(".")[0] in LIGHT_ON_USE) == []
    assert sorted(m for m in imported if m.startswith(OPENPYXL_HEAVY)) == []
    # the values it wrote, exactly
    ws = openpyxl.load_workbook(out / "plain.xlsx", data_only=True)["Data"]
    assert [[ws.cell(r, c).value for c in range(7, 12)] for r in range(2, 6)] == [
        [0.92, 0.08, 0.998, "low", 1110],
        [0.9, 0.1, 0.998, "low", 800],
        [0.99, 0.01, 0.998, "high", 1990],
        [1.0, 0.0, 0.998, "high", 660],
    ]
