"""A batch's inputs: a file given more than once (by name and in a folder) is recalculated once, and two files
whose outputs would be the same file are told apart, naming both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc


def _book(path: Path, number: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    wb.active["A1"] = number
    wb.active["B1"] = "=A1*2"
    wb.save(path)
    return path


def test_a_file_given_twice_and_in_its_folder_is_recalculated_once_and_ok(tmp_path: Path) -> None:
    path = _book(tmp_path / "in" / "a.xlsx", 21)
    report = recalc([path, tmp_path / "in" / "." / "a.xlsx", tmp_path / "in"], engine="embedded")
    assert [(Path(f.path).name, f.status) for f in report.files] == [("a.xlsx", "ok")]
    assert report.ok
    assert report.skipped == [
        {"path": str(path), "reason": "given 3 times (by name or in a folder): recalculated once"}
    ]
    assert openpyxl.load_workbook(tmp_path / "in" / "a.recalc.xlsx", data_only=True).active["B1"].value == 42


def test_cli_a_file_given_twice_exits_zero_with_a_note(tmp_path: Path) -> None:
    path = _book(tmp_path / "a.xlsx", 1)
    done = subprocess.run(
        [sys.executable, "-m", "xl_retention", "recalc", str(path), str(path), "--engine", "embedded", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert [f["status"] for f in json.loads(done.stdout)["files"]] == ["ok"]
    assert done.stderr == f"xl-retention: note: {path}: given 2 times (by name or in a folder): recalculated once\n"


def test_two_files_of_one_name_into_one_folder_fail_the_second_naming_both(tmp_path: Path) -> None:
    first, second = _book(tmp_path / "x" / "a.xlsx", 1), _book(tmp_path / "y" / "a.xlsx", 2)
    report = recalc([first, second], engine="embedded", output_dir=tmp_path / "out")
    assert [f.status for f in report.files] == ["ok", "failed"]
    assert report.files[1].message == (
        f"{second}: its output {tmp_path / 'out' / 'a.xlsx'} is also the output of {first}; use separate folders"
    )
    assert openpyxl.load_workbook(tmp_path / "out" / "a.xlsx", data_only=True).active["B1"].value == 2


def test_an_earlier_result_open_in_excel_is_not_replaced(tmp_path: Path) -> None:
    """Excel's next save of the open result would undo the new one (and Windows refuses to replace an open file)."""
    path = _book(tmp_path / "a.xlsx", 1)
    assert recalc(path, engine="embedded", output_dir=tmp_path / "out").ok
    lock = tmp_path / "out" / "~$a.xlsx"
    lock.write_bytes(b"\x03Ann")
    _book(path, 5)
    report = recalc(path, engine="embedded", output_dir=tmp_path / "out")
    assert report.files[0].status == "failed"
    assert report.files[0].message == (
        f"{tmp_path / 'out' / 'a.xlsx'} is open in Excel by Ann (its lock file ~$a.xlsx is beside it): close it in "
        "Excel first (its next save would undo this change); if Excel is not running, delete ~$a.xlsx"
    )
    assert openpyxl.load_workbook(tmp_path / "out" / "a.xlsx", data_only=True).active["B1"].value == 2
    lock.unlink()
    assert recalc(path, engine="embedded", output_dir=tmp_path / "out").ok
    assert openpyxl.load_workbook(tmp_path / "out" / "a.xlsx", data_only=True).active["B1"].value == 10


def test_an_empty_file_is_named_as_empty(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(b"")
    report = recalc(tmp_path / "empty.xlsx", engine="embedded")
    assert (report.files[0].status, report.files[0].message) == (
        "failed",
        "empty.xlsx is empty (0 bytes), not a workbook",
    )
