"""The argument rewrites of formula shapes kept from one ``xl-retention recalc`` command to the next
(``xl_retention._imports.cache_shapes``, issue 14): a second command reads the shapes the first tokenized and writes
the same workbook to the byte; each kept rewrite is the one the rewrite makes afresh; a changed source file, a damaged
file or a command where Python writes no bytecode neither reads a stale cache nor writes one. Each test runs a copy of
the package in a temporary folder (its own ``__pycache__``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest

import xl_retention

PACKAGE = Path(xl_retention.__file__).parent


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "pkg" / "xl_retention", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "pkg"


def _run(copy: Path, code: str, write: bool = True) -> str:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(copy)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=copy, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _workbook(path: Path) -> Path:
    """Months across columns (the template's way: one shape per column) with comparisons the rewrite changes."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["month", *range(1, 13)])
    ws.append(["start", *[500 + 10 * k for k in range(12)]])
    ws.append(["end", *[520 + 9 * k for k in range(12)]])
    letters = "BCDEFGHIJKLM"
    ws.append(["flag", *[f'=IF({c}3/{c}2>1.03,"up","flat")' for c in letters]])
    ws.append(["sum", *[f'=SUMIF($B$1:$M$1,">"&{c}1,$B$2:$M$2)' for c in letters]])
    wb.save(path)
    return path


RECALC = """
    import contextlib, io, json
    from xl_retention._imports import _SHAPE_STATE
    from xl_retention.cli import main
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["recalc", {book!r}, "--engine", "embedded", "--json", "--output-dir", {out!r}])
    report = json.loads(out.getvalue())
    from xl_retention.recalculation.excel_functions import row_shapes
    print(json.dumps([code, report["files"][0]["status"], _SHAPE_STATE["loaded"], len(row_shapes._SHAPES)]))
"""


def _cache(copy: Path) -> Path:
    return copy / "xl_retention" / "__pycache__" / f"shapes.{sys.implementation.cache_tag}.bin"


def test_a_second_command_reads_the_shapes_the_first_rewrote(copy: Path, tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    first = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "one"))))
    assert first[:3] == [0, "ok", 0] and first[3] >= 24  # two rows of 12 columns: 24 shapes at least
    assert _cache(copy).is_file()
    second = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "two"))))
    assert second == [0, "ok", first[3], first[3]]  # every shape read, none tokenized again
    assert (tmp_path / "one" / "book.xlsx").read_bytes() == (tmp_path / "two" / "book.xlsx").read_bytes()
    # each kept rewrite is the rewrite made afresh
    out = _run(
        copy,
        """
        import marshal
        from xl_retention._imports import _shape_cache_file
        from xl_retention.recalculation.excel_functions import row_shapes
        from xl_retention.recalculation.excel_functions.arguments import _checked_rewritten
        payload = _shape_cache_file().read_bytes().partition(b"\\n")[2]
        kept = marshal.loads(payload)
        fresh = {}
        for shape in kept:
            row_shapes.shaped(shape, _checked_rewritten, fresh)
        print(sum(fresh[shape] == done for shape, done in kept.items()), len(kept))
        """,
    )
    same, total = map(int, out.split())
    assert same == total == first[3]


def test_a_changed_source_file_or_a_damaged_cache_is_not_read(copy: Path, tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    first = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "one"))))
    cache = _cache(copy)
    written = cache.read_bytes()
    module = copy / "xl_retention" / "recalculation" / "excel_functions" / "logical.py"
    module.write_text(module.read_text() + "\n# changed\n")
    again = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "two"))))
    assert again[:3] == [0, "ok", 0] and again[3] == first[3]  # the rewrites made again, for the new sources
    assert cache.read_bytes() != written  # and kept under the new sources' stamp
    head, _, payload = cache.read_bytes().partition(b"\n")
    cache.write_bytes(head + b"\n" + payload[:-7] + b"damaged")
    damaged = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "three"))))
    assert damaged[:3] == [0, "ok", 0]
    assert (tmp_path / "one" / "book.xlsx").read_bytes() == (tmp_path / "three" / "book.xlsx").read_bytes()


def test_nothing_is_written_where_python_writes_no_bytecode(copy: Path, tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    done = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "one")), write=False))
    assert done[:3] == [0, "ok", 0] and done[3] >= 24
    assert not _cache(copy).exists()
