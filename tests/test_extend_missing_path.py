"""extend (and import --into) of a tracker that does not exist suggests a ``new`` command that works: for a name that
is no workbook's (tracker.csv, a mistyped extension) it suggested ``xl-retention new tracker.csv``, which ``new``
refuses ("path must end in .xlsx or .xlsm"; H172 finding 04)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xl_retention.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize(
    ("command", "named"),
    [
        (("extend", "tracker.csv", "--months", "1"), "tracker.xlsx"),
        (("extend", "tracker.xlsm", "--months", "1"), "tracker.xlsm"),
        (("import", "--subscriptions", "s.csv", "--into", "tracker.csv"), "tracker.xlsx"),
    ],
)
def test_the_suggested_new_command_makes_the_tracker(tmp_path, command, named):
    (tmp_path / "s.csv").write_text("customer_id,month,mrr\na,2026-01,10\n")
    result = run(tmp_path, *command)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert line.startswith(f"xl-retention: error: no such workbook: {command[1 if command[0] == 'extend' else 4]} (")
    suggested = re.search(r"make one with: xl-retention (new \S+)\)$", line)
    assert suggested is not None and suggested.group(1) == f"new {named}", line
    made = run(tmp_path, *suggested.group(1).split(), "--start", "2026-01", "--months", "3")
    assert made.returncode == 0, made.stderr
    assert (tmp_path / named).exists()
