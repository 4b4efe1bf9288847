"""H490's finding 07: a Ctrl+C right after Enter, while ``xl-retention`` imported the package (before ``main()``
entered its try), printed a ~20-line traceback ending in ``KeyboardInterrupt``. The console script's entry point
(``xl_retention_start:main``, light to import) catches it: ``xl-retention: interrupted``, exit 130 (143 SIGTERM)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: the console script pip writes for ``xl-retention = "MODULE:main"``, with the signal sent while the package's
#: xl_retention.cli is imported (a meta path finder sends it when that import starts)
SCRIPT = """
import os, signal, sys
class Signalled:
    def find_spec(self, name, path=None, target=None):
        if name == "xl_retention.cli":
            os.kill(os.getpid(), signal.{signal})
        return None
sys.meta_path.insert(0, Signalled())
from {module} import {function} as main
sys.exit(main())
"""


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_the_console_script_interrupted_while_importing_says_one_line(name: str, code: int) -> None:
    entry = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["xl-retention"]
    module, function = entry.split(":")
    script = SCRIPT.format(signal=name, module=module, function=function)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, "recalc", "none.xlsx"], capture_output=True, text=True, env=env
    )
    assert done.stderr == "xl-retention: interrupted\n"  # was: Traceback ... KeyboardInterrupt
    assert done.returncode == code


def test_python_m_runs_the_command() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "xl_retention", "--version"], capture_output=True, text=True, env=env)
    assert done.returncode == 0 and done.stdout.startswith("xl-retention ")
