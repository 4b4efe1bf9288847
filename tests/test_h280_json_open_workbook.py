"""``recalc --in-place --json`` of a single workbook open in Excel prints the JSON report with that file ``failed``
(H279's finding 05).

stdout was empty (exit 1, an ``xl-retention: error:`` line on stderr) when the only workbook given was open in Excel
or LibreOffice, while beside another workbook the same file was a ``failed`` entry of the report: a script reading
the report crashed on empty stdout. README: "``recalc --json`` prints ``"ok": false`` with the message".
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli


def _book(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active["A1"], book.active["A2"] = 2, "=A1*3"
    path = tmp_path / "a.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("lock", "content", "program", "who"),
    [
        (
            "~$a.xlsx",
            bytes([3]) + b"Ana" + b" " * 51 + bytes([3, 0]) + "Ana".encode("utf-16-le") + bytes(100),
            "Excel",
            "Ana",
        ),
        (".~lock.a.xlsx#", b",Ana,host,04.12.2026 22:00,file:///home/ana/.config/libreoffice/4;", "LibreOffice", "Ana"),
    ],
    ids=["Excel", "LibreOffice"],
)
def test_json_report_of_the_only_workbook_open_elsewhere(
    tmp_path: Path, capsys, lock: str, content: bytes, program: str, who: str
) -> None:
    path = _book(tmp_path)
    (tmp_path / lock).write_bytes(content)
    before = path.read_bytes()
    code = cli.main(["recalc", str(path), "--in-place", "--json"])
    out = capsys.readouterr().out
    report = json.loads(out)
    assert code == 1
    assert report["ok"] is False
    [entry] = report["files"]
    assert (entry["path"], entry["status"], entry["output"]) == (str(path), "failed", None)
    assert entry["message"] == (
        f"{os.fspath(path)} is open in {program} by {who} (its lock file {lock} is beside it): close it in {program}"
        f" first (its next save would undo this change); if {program} is not running, delete {lock}"
    )
    assert path.read_bytes() == before


def test_without_json_the_one_line_stays(tmp_path: Path, capsys) -> None:
    path = _book(tmp_path)
    (tmp_path / "~$a.xlsx").write_bytes(bytes([3]) + b"Ana" + b" " * 51)
    assert cli.main(["recalc", str(path), "--in-place"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"xl-retention: error: {os.fspath(path)} is open in Excel by Ana")
