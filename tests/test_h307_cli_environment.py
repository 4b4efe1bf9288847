"""The CLI's wording and its printing in an environment that is not UTF-8 (H302's findings 05, 02)."""

from __future__ import annotations

from pathlib import Path

from cli_process import run


def test_new_one_month_is_singular(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    result = run("new", path, "--start", "2026-01", "--months", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"wrote workbook {path}: 1 month from 2026-01"]
    result = run("new", tmp_path / "u.xlsx", "--start", "2026-01", "--months", "2")
    assert result.stdout.splitlines() == [f"wrote workbook {tmp_path / 'u.xlsx'}: 2 months from 2026-01"]
