"""``xl-retention recalc FOLDER --json`` of a folder holding no workbook exits 1 with its one-line error, and its JSON
says so too: ``"ok": false`` and the same message (H153's finding 12: it printed ``"ok": true`` with no file, and a
script reading the JSON was told all went well)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_json_of_a_folder_without_workbooks_is_not_ok(tmp_path: Path) -> None:
    folder = tmp_path / "emptydir"
    folder.mkdir()
    (folder / "notes.txt").write_text("nothing here", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "xl_retention", "recalc", str(folder), "--json", "--engine", "embedded"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    message = f"no .xlsx or .xlsm files in {str(folder)!r}"
    assert (run.returncode, run.stderr.strip()) == (1, f"xl-retention: error: {message}")
    assert json.loads(run.stdout) == {"ok": False, "files": [], "message": message}
