"""H490's finding 06: Ctrl+C or SIGTERM during ``recalc --jobs 2`` ended the workers mid-file at once (SIGTERM, no
handler), and each left its file's hidden ``.NAME.xlsx.XXXX.tmp`` folder in the output folder (README: a command
removes its hidden folder). A worker now ends its file as the command does, and the command waits for it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from xl_retention import cli

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and process groups")


@pytest.fixture(scope="module")
def trackers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    assert cli.main(["demo", str(folder / "t1.xlsx"), "--months", "48", "--start", "2020-01"]) == 0
    for i in (2, 3, 4):
        shutil.copy(folder / "t1.xlsx", folder / f"t{i}.xlsx")
    return folder


@pytest.mark.parametrize(("signum", "group", "code"), [(signal.SIGINT, True, 130), (signal.SIGTERM, False, 143)])
def test_no_hidden_folder_left_by_the_workers(
    trackers: Path, tmp_path: Path, signum: int, group: bool, code: int
) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(Path(cli.__file__).parents[1])}
    command = [sys.executable, "-m", "xl_retention", "recalc", str(trackers), "--output-dir", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True, env=env)
    started = time.monotonic()
    while not (out.is_dir() and any(p.name.startswith(".") for p in out.iterdir())):  # a worker has started a file
        assert process.poll() is None and time.monotonic() - started < 120
        time.sleep(0.02)
    time.sleep(0.3)
    hidden = [p.name for p in out.iterdir() if p.name.startswith(".")]
    if group:  # Ctrl+C in a terminal: SIGINT to the command and its workers
        os.killpg(process.pid, signum)
    else:  # `kill PID`, `timeout`: SIGTERM to the command alone
        process.send_signal(signum)
    err = process.communicate(timeout=60)[1]
    assert hidden and all(h.endswith(".tmp") for h in hidden)  # the folders there when the signal came
    assert process.returncode == code
    assert err.strip().splitlines()[-1] == "xl-retention: interrupted"
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []  # was: .t1.xlsx.XXXX.tmp, ...
