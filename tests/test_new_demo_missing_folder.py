"""``new`` and ``demo`` into a folder that does not exist: refused in one line naming the missing folder, nothing made.

They made every missing folder of the path without a word (``xl-retention new typo_dir/sub/t.xlsx``), so a mistyped
folder gave a new folder tree and a workbook the user then could not find (H194's finding 05). extend and import
--into a tracker in a missing folder no longer suggest a ``new`` command that would be refused.
"""

from __future__ import annotations

import pytest
from cli_process import run

from xl_retention.workbook import build_template


@pytest.mark.parametrize("command", [("new", "--months", "2"), ("demo",)])
def test_a_missing_folder_is_refused_naming_it(tmp_path, command):
    target = tmp_path / "typo_dir" / "sub" / "t.xlsx"
    result = run(command[0], target, *command[1:])
    assert (result.returncode, result.stdout, result.stderr.splitlines()) == (1, "", [
        f"xl-retention: error: no such folder: {tmp_path / 'typo_dir'} (for {target}): make it first (mkdir -p "
        f"{tmp_path / 'typo_dir' / 'sub'}) or give a path in a folder that exists; nothing was written"
    ])  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_file_where_the_folder_should_be_is_named(tmp_path):
    (tmp_path / "reports").write_text("not a folder")
    result = run("new", tmp_path / "reports" / "q1.xlsx", "--months", "2")
    assert (result.returncode, result.stderr.splitlines()) == (1, [
        f"xl-retention: error: {tmp_path / 'reports'} is a file, not a folder (for {tmp_path / 'reports' / 'q1.xlsx'}"
        "): give a path in a folder; nothing was written"
    ])  # fmt: skip


def test_python_refuses_it_too_and_an_existing_folder_is_fine(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"^no such folder: .*missing \(for "):
        build_template(tmp_path / "missing" / "t.xlsx", months=2)
    assert not (tmp_path / "missing").exists()
    (tmp_path / "reports").mkdir()
    result = run("new", tmp_path / "reports" / "q1.xlsx", "--start", "2026-01", "--months", "2")
    assert (result.returncode, result.stdout.strip()) == (
        0,
        f"wrote workbook {tmp_path / 'reports' / 'q1.xlsx'}: 2 months from 2026-01",
    )


def test_extend_of_a_tracker_in_a_missing_folder_suggests_no_new_command(tmp_path):
    target = tmp_path / "typo" / "t.xlsx"
    result = run("extend", target, "--months", "1")
    assert (result.returncode, result.stderr.splitlines()) == (1, [
        f"xl-retention: error: no such workbook: {target} (there is no folder {tmp_path / 'typo'} either: check the "
        "path)"
    ])  # fmt: skip
