"""The steps naming an error's cause (recalculation/reasons.py's ``_STEPS``) are imported when a workbook has an error
to explain, not by every recalculation (issue 14: a command's imports are part of its time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

#: the steps' modules nothing else of a recalculation imports (value_origins, literal_reasons and reason_cells are read
#: by the spill checks of every recalculation, month_order by the tracker's checks)
STEPS = (
    "argument_counts",
    "compared_origins",
    "divisor_reasons",
    "error_arguments",
    "indirect_reasons",
    "lookup_reasons",
    "see_notes",
    "undefined_names",
)

CODE = """
import json, sys
import xl_retention
report = xl_retention.recalc([sys.argv[1]], engine="embedded", output_dir=sys.argv[2])
file = report.files[0]
loaded = sorted(m.rpartition(".")[2] for m in sys.modules if m.startswith("xl_retention.recalculation."))
print(json.dumps({"status": file.status, "errors": {e.address: e.reason for e in file.errors}, "loaded": loaded}))
"""


def _recalc(tmp_path: Path, formula: str) -> dict:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["A3"] = 100, 10, 105
    ws["B1"] = formula
    path = tmp_path / "book.xlsx"
    wb.save(path)
    run = subprocess.run(
        [sys.executable, "-c", CODE, str(path), str(tmp_path / "out")], capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_workbook_without_errors_imports_no_step_naming_a_cause(tmp_path: Path) -> None:
    done = _recalc(tmp_path, "=CRR(A3,A2,A1)")
    assert (done["status"], done["errors"]) == ("ok", {})
    assert [step for step in STEPS if step in done["loaded"]] == []


def test_an_error_is_still_given_its_reason(tmp_path: Path) -> None:
    done = _recalc(tmp_path, '=CRR(A3,A2,"n/a")')
    assert done["errors"] == {"S!B1": "CRR: customers_start must be a number, got 'n/a' (#VALUE!)"}
    assert [step for step in STEPS if step not in done["loaded"]] == []


def test_the_steps_are_names_of_the_module() -> None:
    from xl_retention.recalculation import reasons
    from xl_retention.recalculation.value_origins import value_origin

    assert reasons.value_origin is value_origin
    assert not hasattr(reasons, "no_such_step")
