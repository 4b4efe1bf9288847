"""``recalc FOLDER`` over a folder that also holds .xls/.xlsb/.ods workbooks and sub-folders of workbooks (H27 finding
02): they were left out without a word, "ok": true, exit 0. Each other-format workbook is now a failed file with the way
to save it (exit 1); each sub-folder holding workbooks is named ("skipped" in the JSON, a note on stderr)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "2025").mkdir(parents=True)
    book = openpyxl.Workbook()
    book.active["A1"] = 2
    book.active["B1"] = "=A1*3"
    book.save(folder / "q1.xlsx")
    book.save(folder / "2025" / "q4.xlsx")
    (folder / "old_format.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (folder / "legacy.xlsb").write_bytes(b"PK\x03\x04")
    (folder / "survey.ods").write_bytes(b"PK\x03\x04")
    (folder / "notes.txt").write_text("not a workbook", encoding="utf-8")
    (folder / "~$q1.xlsx").write_bytes(b"lock")
    return folder


def test_other_formats_in_a_folder_fail_by_name_and_sub_folders_are_named(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    report = recalc(folder, engine="embedded", output_dir=tmp_path / "out")
    assert [(Path(f.path).name, f.status) for f in report.files] == [
        ("legacy.xlsb", "failed"),
        ("old_format.xls", "failed"),
        ("q1.xlsx", "ok"),
        ("survey.ods", "failed"),
    ]
    assert report.files[0].message == (
        f"{folder / 'legacy.xlsb'} is an Excel Binary Workbook (.xlsb), not recalculated: save it as Excel Workbook "
        "(.xlsx) and give that"
    )
    assert not report.ok
    assert report.skipped == [
        {"path": str(folder / "2025"), "reason": "a sub-folder holding workbooks: not searched; give it to recalculate"}
    ]


def test_the_cli_says_so_in_json_and_exits_1(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "reports" / "out"  # an output folder inside the folder is no skipped sub-folder
    run = [sys.executable, "-m", "xl_retention", "recalc", str(folder), "--output-dir", str(out), "--json"]
    first = subprocess.run(run, capture_output=True, text=True, check=False)
    assert first.returncode == 1, first.stderr
    data = json.loads(first.stdout)
    assert [Path(f["path"]).name for f in data["files"] if f["status"] == "failed"] == [
        "legacy.xlsb",
        "old_format.xls",
        "survey.ods",
    ]
    assert data["skipped"] == [
        {"path": str(folder / "2025"), "reason": "a sub-folder holding workbooks: not searched; give it to recalculate"}
    ]
    assert f"xl-retention: note: {folder / '2025'}: a sub-folder holding workbooks" in first.stderr
    second = subprocess.run(run, capture_output=True, text=True, check=False)  # out/ now holds q1.xlsx
    assert [s["path"] for s in json.loads(second.stdout)["skipped"]] == [str(folder / "2025")]
