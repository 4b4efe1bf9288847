"""Issue 14 (H506): numpy's OpenBLAS started a thread per core in every ``xl-retention`` command, which spun on a
core waiting for work no recalculation gives it: about 0.05 s of CPU of the 50,000-cell recalculation's 0.97 s
(``perf``: ``blas_thread_server``). The command's process now runs OpenBLAS on its own thread
(``OPENBLAS_NUM_THREADS=1``, unless the user set a thread count); a program that imports the package keeps its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: run at the process's exit: the thread count the command's environment and its OpenBLAS have
REPORT = """
import atexit, os, sys

def _report():
    threads = None
    if "numpy" in sys.modules:
        from threadpoolctl import threadpool_info

        threads = [i["num_threads"] for i in threadpool_info() if i.get("internal_api") == "openblas"]
    sys.stderr.write(f"BLAS {os.environ.get('OPENBLAS_NUM_THREADS')} {threads}\\n")

atexit.register(_report)
"""


def _blas(tmp_path: Path, args: list[str], **extra: str) -> str:
    (tmp_path / "sitecustomize.py").write_text(REPORT)
    env = {
        k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")
    }
    env.update(extra, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stderr.splitlines()[-1]


def test_python_m_runs_openblas_on_one_thread(tmp_path: Path) -> None:
    assert _blas(tmp_path, ["-m", "xl_retention", "recalc", "--help"]) == "BLAS 1 [1]"  # was "BLAS None [2]"


def test_the_console_script_runs_openblas_on_one_thread(tmp_path: Path) -> None:
    script = "import sys; from xl_retention_start import main; sys.exit(main(['recalc', '--help']))"
    assert _blas(tmp_path, ["-c", script]) == "BLAS 1 [1]"


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="OpenBLAS starts one thread on one core")
def test_a_users_thread_count_is_kept(tmp_path: Path) -> None:
    assert _blas(tmp_path, ["-m", "xl_retention", "recalc", "--help"], OPENBLAS_NUM_THREADS="2") == "BLAS 2 [2]"
    assert _blas(tmp_path, ["-m", "xl_retention", "recalc", "--help"], OMP_NUM_THREADS="2") == "BLAS None [2]"


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="OpenBLAS starts one thread on one core")
def test_a_program_importing_the_package_keeps_its_threads(tmp_path: Path) -> None:
    setting, threads = _blas(tmp_path, ["-c", "import xl_retention"]).split(" ", 2)[1:]
    assert setting == "None" and threads != "[1]"  # OpenBLAS' own default: a thread per core
