"""Every file the tool writes gets the umask's mode for a new file, or the mode of the file it replaces."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from xl_retention._files import atomic_write


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(umask: int, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = f"import os, sys; os.umask({umask}); from xl_retention.cli import main; sys.exit(main({list(args)!r}))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: int, expected: int) -> None:
    old = os.umask(umask)
    try:
        atomic_write(tmp_path / "new.bin", b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.bin") == expected


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "kept.bin"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert (target.read_bytes(), _mode(target)) == (b"new", 0o640)


def test_a_read_only_file_is_not_replaced_and_the_cli_says_so_in_one_line(tmp_path: Path) -> None:
    assert _run(0o022, "new", "tracker.xlsx", "--start", "2025-01", "--months", "3", cwd=tmp_path).returncode == 0
    tracker = tmp_path / "tracker.xlsx"
    tracker.chmod(0o444)
    before = tracker.read_bytes()
    (tmp_path / "subs.csv").write_text("customer_id,month,mrr\na,2025-01,10\n")
    result = _run(0o022, "import", "--subscriptions", "subs.csv", "--into", "tracker.xlsx", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1, "xl-retention: error: tracker.xlsx is read-only: make it writable to replace it\n")  # fmt: skip
    with pytest.raises(PermissionError, match="is read-only: make it writable to replace it"):
        atomic_write(tracker, b"new")
    assert tracker.read_bytes() == before and _mode(tracker) == 0o444


def test_demo_new_and_recalc_outputs_are_0644_under_umask_022(tmp_path: Path) -> None:
    assert _run(0o022, "demo", "demo.xlsx", cwd=tmp_path).returncode == 0
    assert _run(0o022, "new", "tracker.xlsx", "--start", "2025-01", "--months", "3", cwd=tmp_path).returncode == 0
    private = tmp_path / "private.xlsx"
    private.write_bytes((tmp_path / "tracker.xlsx").read_bytes())
    private.chmod(0o600)  # an input's own mode is not the output's
    result = _run(0o022, "recalc", "private.xlsx", "--engine", "embedded", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    modes = {name: _mode(tmp_path / name) for name in ("demo.xlsx", "tracker.xlsx", "private.recalc.xlsx")}
    assert modes == {"demo.xlsx": 0o644, "tracker.xlsx": 0o644, "private.recalc.xlsx": 0o644}


def test_an_output_folder_that_is_a_file_is_refused_in_one_line(tmp_path: Path) -> None:
    # `recalc t.xlsx --output-dir t.xlsx` said "[Errno 17] File exists: 't.xlsx'" as the file's failure.
    assert _run(0o022, "new", "t.xlsx", "--start", "2025-01", "--months", "3", cwd=tmp_path).returncode == 0
    before = (tmp_path / "t.xlsx").read_bytes()
    result = _run(0o022, "recalc", "t.xlsx", "--output-dir", "t.xlsx", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        "xl-retention: error: output_dir 't.xlsx' is a file, not a folder\n",
    )
    assert (tmp_path / "t.xlsx").read_bytes() == before


def test_demo_of_a_path_of_another_kind_names_that_path(tmp_path: Path) -> None:
    """`xl-retention demo report.csv` was refused naming the demo's work file ('.demo.XXXX/sample.csv'), a file the
    user never named (H169 finding 05): the path given is named, and nothing is left beside it."""
    done = subprocess.run(
        [sys.executable, "-m", "xl_retention", "demo", str(tmp_path / "report.csv")], capture_output=True, text=True
    )
    assert done.returncode == 1
    given = str(tmp_path / "report.csv")
    assert done.stderr == f"xl-retention: error: path must end in .xlsx or .xlsm, got {given!r}\n"
    assert list(tmp_path.iterdir()) == []
