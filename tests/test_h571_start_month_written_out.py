"""``new --start 2026-1`` (a month typed without its leading zero) is accepted and shown as 2026-01: the command
printed "2 months from 2026-1" (H571's notes), and the tracker's first month is January 2026 either way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from cli_process import run


def test_a_month_without_its_leading_zero_is_written_out(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    result = run("new", path, "--start", "2026-1", "--months", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"wrote workbook {path}: 2 months from 2026-01"]
    customers = openpyxl.load_workbook(path)["Customers"]
    assert [customers["A2"].value, customers["A3"].value] == [dt.datetime(2026, 1, 1), dt.datetime(2026, 2, 1)]
