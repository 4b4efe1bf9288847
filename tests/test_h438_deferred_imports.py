"""``xl-retention recalc`` of a plain workbook imports none of the modules only other workbooks need (issue 14: a
command's imports are part of its time; bench/README.md, forty-third session): the formula rewrite (``.rewrite`` and
the ten modules it imports), the spill-size probe's ``.value_origins`` (and four more), the loops, stale readers and
table-row reasons of ``.listed_cells``, the refused formulas' reasons of ``.unsupported``, ``.own_cycles``,
``.stored_ulps``, ``.three_d``, a stopped engine's ``.engine_failures`` and ``.settled_spills``, the newer error
values' ``.newer_errors``, a locale's ``.literal_uses``, ``.blocked_spills``, and ``numpy.ma`` (which ``np.unique``
imports). A workbook needing them still gets them: its values and reasons are those of every other recalculation
test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

#: imported by a workbook needing them, never by a plain one's recalculation
DEFERRED = (
    "numpy.ma",
    "xl_retention.recalculation.blocked_spills",
    "xl_retention.recalculation.engine_failures",
    "xl_retention.recalculation.literal_uses",
    "xl_retention.recalculation.newer_errors",
    "xl_retention.recalculation.settled_spills",
    "xl_retention.recalculation.fractional_periods",
    "xl_retention.recalculation.literal_reasons",
    "xl_retention.recalculation.own_cycles",
    "xl_retention.recalculation.refused_cases",
    "xl_retention.recalculation.rewrite",
    "xl_retention.recalculation.settled_loops",
    "xl_retention.recalculation.stale_readers",
    "xl_retention.recalculation.stored_ulps",
    "xl_retention.recalculation.this_row_reasons",
    "xl_retention.recalculation.three_d",
    "xl_retention.recalculation.value_origins",
    "xl_retention.recalculation.arithmetic_origins",
)

CODE = """
import json, runpy, sys
sys.argv = ["xl_retention", "recalc", sys.argv[1], "--engine", "embedded", "--json", "--output-dir", sys.argv[2]]
try:
    runpy.run_module("xl_retention", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _recalc(tmp_path: Path, wb: openpyxl.Workbook) -> tuple[dict, set[str]]:
    """The command's JSON report of ``wb`` and the modules its process had imported at its end."""
    path = tmp_path / "book.xlsx"
    wb.save(path)
    done = subprocess.run(
        [sys.executable, "-c", CODE, str(path), str(tmp_path / "out")],
        capture_output=True, text=True, check=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    lines = done.stdout.strip().splitlines()
    return json.loads("\n".join(lines[:-1])), set(json.loads(lines[-1]))


def test_a_plain_workbook_imports_none_of_the_deferred_modules(tmp_path: Path) -> None:
    cells = {"A1": 500, "B1": 75, "C1": 535, "D1": "=CRR(C1,B1,A1)", "E1": '=IF(D1>0.95,"high","low")'}
    cells["F1"] = "=SUM(A1:C1)"
    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    for ref, value in cells.items():
        wb["Data"][ref] = value
    report, loaded = _recalc(tmp_path, wb)
    assert [(f["status"], f["formulas"]) for f in report["files"]] == [("ok", 3)]
    assert [m for m in DEFERRED if m in loaded] == []
    ws = openpyxl.load_workbook(tmp_path / "out" / "book.xlsx", data_only=True)["Data"]
    assert [ws["D1"].value, ws["E1"].value, ws["F1"].value] == [0.92, "low", 1110]


def test_a_workbook_needing_the_rewrite_and_three_d_still_gets_them(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Jan"
    wb["Jan"]["B2"] = 10
    wb.create_sheet("Feb")["B2"] = 20
    wb.create_sheet("Mar")["B2"] = 30
    total = wb.create_sheet("Total")
    total["A1"] = "=SUM(Jan:Mar!B2)"
    total["A2"] = "=SUMPRODUCT(Jan!B2:B3*2)"
    report, loaded = _recalc(tmp_path, wb)
    assert [(f["status"], f["formulas"]) for f in report["files"]] == [("ok", 2)]
    assert {"xl_retention.recalculation.three_d", "xl_retention.recalculation.rewrite"} <= loaded
    ws = openpyxl.load_workbook(tmp_path / "out" / "book.xlsx", data_only=True)["Total"]
    assert [ws["A1"].value, ws["A2"].value] == [60, 20]
