"""The compiled regular expressions kept from one command to the next (``xl_retention._imports.cache_patterns``,
issue 14): a pattern read from the cache is the pattern ``re`` compiles (equal: same pattern, flags and code), only
the program's own constants are kept, a damaged or foreign file is not read, and nothing is written where Python
would write no bytecode. Each test runs a copy of the package in a temporary folder (its own ``__pycache__``)."""

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
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["start", "gained", "end", "CRR", "flag"])
    ws.append([500, 75, 535, "=CRR(C2,B2,A2)", '=IF(D2>0.9,"high","low")'])
    wb.save(path)
    return path


RECALC = """
    import contextlib, io, json, sys
    from xl_retention._imports import _PATTERNS, cache_patterns
    cache_patterns()
    from xl_retention.cli import main
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["recalc", {book!r}, "--engine", "embedded", "--json", "--output-dir", {out!r}])
    report = json.loads(out.getvalue())
    print(json.dumps([code, report["files"][0]["status"], len(_PATTERNS["known"]), len(_PATTERNS["new"])]))
"""


def test_a_second_command_reads_the_patterns_the_first_compiled(copy: Path, tmp_path: Path):
    book = _workbook(tmp_path / "book.xlsx")
    cache = copy / "xl_retention" / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.bin"
    first = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "one"))))
    assert first[:3] == [0, "ok", 0] and first[3] > 100
    assert cache.is_file()
    second = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "two"))))
    assert second[:2] == [0, "ok"] and second[2] == first[3]
    assert (tmp_path / "one" / "book.xlsx").read_bytes() == (tmp_path / "two" / "book.xlsx").read_bytes()
    # every pattern read from the cache is the one re compiles afresh (Pattern equality compares the code)
    out = _run(
        copy,
        """
        import array, _sre, marshal, sys
        from re import _compiler
        from xl_retention._imports import _pattern_cache_file
        head, _, payload = _pattern_cache_file().read_bytes().partition(b"\\n")
        unequal = []
        for (pattern, flags), (final, code, groups, index, names) in marshal.loads(payload).items():
            cached = _sre.compile(pattern, final, array.array("I", code).tolist(), groups, index, names)
            fresh = _compiler.compile(pattern, flags)
            if cached != fresh or cached.groupindex != fresh.groupindex or cached.groups != fresh.groups:
                unequal.append(pattern)
        print(len(unequal))
        """,
    )
    assert out == "0"


def test_only_the_programs_constants_are_kept(copy: Path):
    out = _run(
        copy,
        """
        import re
        from xl_retention._imports import _PATTERNS, cache_patterns, lazy_pattern
        cache_patterns()
        at_import = re.compile(r"constant-(\\d+)")
        lazy = lazy_pattern(r"lazy-(\\w+)")
        def from_a_workbook(name):
            return re.compile(re.escape(name) + r"!(\\w+)")
        assert from_a_workbook("Secret sheet").match("Secret sheet!A1").group(1) == "A1"
        assert lazy.match("lazy-x").group(1) == "x" and at_import.match("constant-7").group(1) == "7"
        print(sorted(p for p, _ in _PATTERNS["new"]))
        """,
    )
    assert out == r"['constant-(\\d+)', 'lazy-(\\w+)']"


def test_a_damaged_file_is_not_read_and_its_patterns_are_compiled(copy: Path):
    code = """
        import re
        from xl_retention._imports import _PATTERNS, cache_patterns
        cache_patterns()
        pattern = re.compile(r"(?P<col>[A-Z]{1,3})(?P<row>[0-9]+)")
        print(len(_PATTERNS["known"]), pattern.fullmatch("AB12").group("row"))
        """
    assert _run(copy, code) == "0 12"
    assert _run(copy, code) == "1 12"
    cache = next((copy / "xl_retention" / "__pycache__").glob("patterns.*.bin"))
    data = bytearray(cache.read_bytes())
    data[-5] ^= 0xFF
    cache.write_bytes(bytes(data))
    assert _run(copy, code) == "0 12"  # not read: compiled as usual (and written again)
    assert _run(copy, code) == "1 12"


def test_nothing_is_written_where_python_writes_no_bytecode(copy: Path):
    code = """
        import re
        from xl_retention._imports import cache_patterns
        cache_patterns()
        print(re.compile(r"x(\\d)").match("x4").group(1))
        """
    assert _run(copy, code, write=False) == "4"
    assert not list((copy / "xl_retention").rglob("patterns.*.bin"))
