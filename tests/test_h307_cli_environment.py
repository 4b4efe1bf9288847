"""The CLI's wording and its printing in an environment that is not UTF-8 (H302's findings 05, 02)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from cli_process import run


def test_new_one_month_is_singular(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    result = run("new", path, "--start", "2026-01", "--months", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"wrote workbook {path}: 1 month from 2026-01"]
    result = run("new", tmp_path / "u.xlsx", "--start", "2026-01", "--months", "2")
    assert result.stdout.splitlines() == [f"wrote workbook {tmp_path / 'u.xlsx'}: 2 months from 2026-01"]


def _ascii_run(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI where stdout is ASCII: the C locale with Python's UTF-8 coercion and mode off."""
    env = {**os.environ, "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "LANG": "C", "LC_ALL": "C"}
    env.pop("PYTHONIOENCODING", None)
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", *map(str, args)],
        capture_output=True,
        check=False,
        cwd=cwd,
        env=env,
        text=True,
        encoding="ascii",
    )


def test_ascii_console_prints_every_summary(tmp_path: Path) -> None:
    demo = _ascii_run("demo", "d.xlsx", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("wrote d.xlsx")
    assert "\\xb1" in demo.stdout  # the ± of the NPS line, escaped
    functions = _ascii_run("functions", "--markdown", cwd=tmp_path)
    assert functions.returncode == 0, functions.stderr
    assert "\\xb7" in functions.stdout
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ums\u00e4tze"
    sheet["A1"] = 0
    sheet["B1"] = "=1/A1"
    book.save(tmp_path / "u.xlsx")
    recalc = _ascii_run("recalc", "u.xlsx", cwd=tmp_path)
    assert recalc.returncode == 0, recalc.stderr
    assert "u.xlsx: Ums\\xe4tze!B1 = #DIV/0!" in recalc.stdout + recalc.stderr
    assert (tmp_path / "u.recalc.xlsx").exists()


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_import_reads_an_input_whose_name_is_not_utf8(tmp_path: Path, suffix: str) -> None:
    # a Latin-1 'é' (the byte 0xE9) as names unzipped from a Windows archive are: Python holds it as a surrogate
    source = tmp_path / os.fsdecode(b"abonn\xe9s" + suffix.encode())
    rows = [("c1", "2026-01-01", 10), ("c2", "2026-01-01", 20), ("c1", "2026-02-01", 10), ("c3", "2026-02-01", 30)]
    frame = pd.DataFrame(
        [*rows, ("c1", "2026-03-01", 10), ("c3", "2026-03-01", 30)], columns=["customer_id", "month", "mrr"]
    )
    with open(source, "wb") as handle:  # pyarrow's writer cannot take the name either
        frame.to_csv(handle, index=False) if suffix == ".csv" else frame.to_parquet(handle, index=False)
    result = run("import", "--subscriptions", source, "--to-csv", tmp_path / "tables")
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "tables" / "movements.csv").read_text(encoding="utf-8").splitlines()
    ends = [(line.split(",")[0], line.split(",")[6], line.split(",")[13]) for line in lines]
    assert ends == [
        ("month", "customers_end", "mrr_end"),
        ("2026-01", "2", "30.0"),
        ("2026-02", "2", "40.0"),
        ("2026-03", "2", "40.0"),
    ]


def test_long_legal_names_are_written(tmp_path: Path) -> None:
    # 245 bytes: legal (255 a name), but the hidden temporary file beside it once took 14 more and was refused
    name = "n" * 240 + ".xlsx"
    book = tmp_path / name
    result = run("new", book, "--start", "2026-01", "--months", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"wrote workbook {book}: 3 months from 2026-01"]
    extended = run("extend", book, "--months", "1")
    assert extended.returncode == 0, extended.stderr
    assert extended.stdout.startswith(f"extended {book}: added month 2026-04, a tracker of 4 months from 2026-01")
    recalc = run("recalc", book, "--in-place")
    assert recalc.returncode == 0, recalc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left
