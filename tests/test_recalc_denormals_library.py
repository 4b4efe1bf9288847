"""H135's request: the C library setting the processor's denormal modes is the process's own (ctypes.CDLL(None));
ctypes.util.find_library, which runs `ldconfig -p` in a child process (4.6 ms of every recalc), only where that
library lacks fegetenv."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_process_c_library_is_used_without_find_library() -> None:
    code = (
        "import sys, xl_retention.recalculation.denormals as d; "
        "print(d.SUPPORTED, 'ctypes.util' in sys.modules, d.excel_arithmetic(lambda a, b: a * b)(1e-300, 1e-10))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    # Linux x86-64 here: the modes work (a denormal product is 0, as in Excel), find_library never ran
    assert run.stdout.split() == ["True", "False", "0.0"]
