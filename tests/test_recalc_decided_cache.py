"""The structural rewrite's pre-check per formula shape kept from one ``xl-retention recalc`` command to the next
(``xl_retention.recalculation.decided_cache``, issue 14, thirty-first session): a second command reads the answers the
first made and writes the same workbook to the byte; each kept answer is the one made afresh; a changed source file,
a damaged file or a command where Python writes no bytecode neither reads a stale cache nor writes one; a process
that did not install the shapes' cache (a library's caller) reads and writes nothing. Each test runs a copy of the
package in a temporary folder (its own ``__pycache__``)."""

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
    """Months across columns (the template's way: one shape per column) whose formulas the pre-check reads: a
    LOOKUP of the last month with figures, a SUMPRODUCT and a ROW of ranges."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["month", *range(1, 13)])
    ws.append(["start", *[500 + 10 * k for k in range(12)]])
    ws.append(["end", *[520 + 9 * k for k in range(12)]])
    letters = "BCDEFGHIJKLM"
    ws.append(["last", *[f'=IFERROR(LOOKUP(2,1/($B$2:{c}2>0),$B$1:{c}1),"")' for c in letters]])
    ws.append(["sum", *[f"=SUMPRODUCT(($B$1:{c}1>3)*$B$3:{c}3)" for c in letters]])
    ws.append(["rows", *[f"=ROWS({c}1:{c}3)*{c}2" for c in letters]])
    wb.save(path)
    return path


RECALC = """
    import contextlib, io, json
    from xl_retention.cli import main
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["recalc", {book!r}, "--engine", "embedded", "--json", "--output-dir", {out!r}])
    report = json.loads(out.getvalue())
    from xl_retention.recalculation import decided_cache, rewrite_shapes
    answers = sum(len(found) for _, found in rewrite_shapes._DECIDED.values())
    print(json.dumps([code, report["files"][0]["status"], decided_cache._STATE["loaded"], answers]))
"""


def _cache(copy: Path) -> Path:
    return copy / "xl_retention" / "__pycache__" / f"decided.{sys.implementation.cache_tag}.bin"


def test_a_second_command_reads_the_answers_the_first_made(copy: Path, tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    first = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "one"))))
    assert first[:3] == [0, "ok", 0] and first[3] >= 36  # three rows of 12 columns: 36 shapes at least
    assert _cache(copy).is_file()
    second = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "two"))))
    assert second == [0, "ok", first[3], first[3]]  # every answer read, none made again
    assert (tmp_path / "one" / "book.xlsx").read_bytes() == (tmp_path / "two" / "book.xlsx").read_bytes()
    # each kept answer is the pre-check made afresh (its shape's formula, array or not, with no names)
    out = _run(
        copy,
        """
        import marshal
        from xl_retention.recalculation import decided_cache, rewrite_shapes
        kept = marshal.loads(decided_cache._cache_file().read_bytes().partition(b"\\n")[2])
        same = total = 0
        for context, (digits, answers) in kept.items():
            assert context == ((), (), ()) and digits is False
            for (shape, array), answer in answers.items():
                rewrite_shapes._DECIDED.clear()
                total += 1
                same += rewrite_shapes.decided(shape, [], array, None, None) is answer
        print(same, total)
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
    assert again[:3] == [0, "ok", 0] and again[3] == first[3]  # the answers made again, for the new sources
    assert cache.read_bytes() != written  # and kept under the new sources' stamp
    head, _, payload = cache.read_bytes().partition(b"\n")
    cache.write_bytes(head + b"\n" + payload[:-7] + b"damaged")
    damaged = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "three"))))
    assert damaged[:3] == [0, "ok", 0]
    assert (tmp_path / "one" / "book.xlsx").read_bytes() == (tmp_path / "three" / "book.xlsx").read_bytes()


def test_nothing_is_written_where_python_writes_no_bytecode(copy: Path, tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    done = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "one")), write=False))
    assert done[:3] == [0, "ok", 0] and done[3] >= 36
    assert not _cache(copy).exists()


def test_a_library_caller_reads_and_writes_nothing(copy: Path, tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    _run(copy, RECALC.format(book=str(book), out=str(tmp_path / "one")))  # a command: the file is written
    written = _cache(copy).read_bytes()
    other = _workbook(tmp_path / "other.xlsx")
    out = _run(
        copy,
        f"""
        from xl_retention.recalculation import decided_cache, recalc_file, rewrite_shapes
        report = recalc_file({str(other)!r}, {str(tmp_path / "lib.xlsx")!r})
        print(report.status, decided_cache._STATE["installed"], decided_cache._STATE["loaded"])
        """,
    )
    assert out == "ok False 0"
    assert _cache(copy).read_bytes() == written
