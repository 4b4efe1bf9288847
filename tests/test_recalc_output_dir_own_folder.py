"""An output folder that is the input's own folder would replace the input: the file is refused, nothing is written,
and the refusal names the options that exist (the CLI's --output-dir/--in-place, Python's output_dir=/in_place=True),
not an "in-place" no surface has (H199's finding 03)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

import xl_retention


def _workbook(folder: Path) -> Path:
    folder.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = 100
    ws["B1"] = "=A1*2"
    path = folder / "q1.xlsx"
    wb.save(path)
    return path


def test_python_output_dir_of_the_input(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "reports")
    before = path.read_bytes()
    report = xl_retention.recalc([str(path)], engine="embedded", output_dir=str(tmp_path / "reports"))
    assert report.files[0].status == "failed"
    assert report.files[0].message == (
        f"q1.xlsx: the output folder {str(tmp_path / 'reports')!r} is the input's own folder, so the output would"
        " replace the input: give another output folder (--output-dir, output_dir=), or replace the input in place"
        " (--in-place, in_place=True)"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["q1.xlsx"]


def test_cli_output_dir_of_the_input(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "reports")
    run = subprocess.run(
        [sys.executable, "-m", "xl_retention", "recalc", "reports/", "--output-dir", "reports/", "--engine", "embedded",
         "--json"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 1
    message = json.loads(run.stdout)["files"][0]["message"]
    assert "--in-place" in message and "--output-dir" in message and "use in-place" not in message
    assert path.exists()
