"""recalc() of paths holding no workbook is no success (H153's finding 12).

Before: ``xl_retention.recalc(["emptydir"])`` returned ``ok=True`` with no file and nothing said, while the command
exits 1 with "no .xlsx or .xlsm files in 'emptydir'": a script checking ``report.ok`` was told all went well after a
wrong folder name. Now ``ok`` is False and the report's message names the paths (in its dict too).
"""

from __future__ import annotations

from pathlib import Path

from xl_retention import recalc


def test_an_empty_folder_is_not_ok_and_named(tmp_path: Path) -> None:
    empty = tmp_path / "emptydir"
    empty.mkdir()
    report = recalc([str(empty)], engine="embedded")
    assert (report.ok, report.files) == (False, [])
    assert report.message == f"no .xlsx or .xlsm files in {str(empty)!r}"
    assert report.to_dict() == {"ok": False, "files": [], "message": report.message}


def test_paths_given_as_a_generator_are_read_once_each(tmp_path: Path) -> None:
    empty = tmp_path / "a"
    empty.mkdir()
    report = recalc((p for p in [str(empty)]), engine="embedded")
    assert (report.ok, report.message) == (False, f"no .xlsx or .xlsm files in {str(empty)!r}")
