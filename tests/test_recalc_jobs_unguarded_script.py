"""``xl_retention.recalc(..., jobs=2)`` called at the top level of a script without an ``if __name__ == "__main__":``
guard (H171's finding 01): the workers are started without the script, which runs once (multiprocessing's spawn ran
it again in each worker, its side effects repeated, and the pool broke with a BrokenProcessPool traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import xl_retention

pytest.importorskip("formualizer")

SCRIPT = """\
import xl_retention

with open("log.txt", "a") as log:  # a side effect before the call
    log.write("run\\n")
report = xl_retention.recalc("books", engine="embedded", output_dir="out", jobs=2)
print(report.ok, sorted((Path(f.path).name, f.status) for f in report.files))
"""


def test_an_unguarded_script_runs_once_and_both_files_are_recalculated(tmp_path: Path) -> None:
    (tmp_path / "books").mkdir()
    for name, factor in (("a.xlsx", 2), ("b.xlsx", 3)):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws["A1"] = 21
        ws["B1"] = f"=A1*{factor}"
        wb.save(tmp_path / "books" / name)
    script = tmp_path / "batch.py"
    script.write_text("from pathlib import Path\n" + SCRIPT)
    root = str(Path(xl_retention.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert (tmp_path / "log.txt").read_text() == "run\n"
    assert done.stdout.strip() == "True [('a.xlsx', 'ok'), ('b.xlsx', 'ok')]"
    for name, value in (("a.xlsx", 42), ("b.xlsx", 63)):
        assert openpyxl.load_workbook(tmp_path / "out" / name, data_only=True).active["B1"].value == value
