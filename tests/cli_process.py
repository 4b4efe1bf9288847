"""``xl-retention`` run as a process of its own, as a user runs it (tests' helper)."""

from __future__ import annotations

import subprocess
import sys


def run(*args: object) -> subprocess.CompletedProcess[str]:
    """``python -m xl_retention ARGS`` (each argument as text): its exit status, stdout and stderr; never raises."""
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", *map(str, args)], capture_output=True, text=True, check=False
    )
