"""The caches that keep a command's work for the next one, as Python keeps the modules' bytecode, each a stamped
``marshal`` file beside the package's bytecode (``xl_retention._imports.stamped_marshal_cache``, issue 14):

- the file's own handling: read back only under its stamp, whole and well formed; written at the process's end,
  atomically, only where Python writes bytecode and when there is something new;
- the compiled regular expressions (``_imports.cache_patterns``): a pattern read from the cache is the pattern ``re``
  compiles, only the program's own constants are kept, a damaged file is not read;
- the argument rewrites of formula shapes (``_imports.cache_shapes``) and the structural rewrite's pre-check per shape
  (``recalculation.decided_cache``): a second command reads what the first made and writes the same workbook to the
  byte; each kept entry is the one made afresh; a changed source file or a damaged file is not read; a process that
  did not install the shapes' cache (a library's caller) reads and writes no pre-check answers.

Each test runs a copy of the package in a temporary folder (its own ``__pycache__``), from one fixture.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
import textwrap
import zlib
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


# the file's own handling (stamped_marshal_cache)

HELPER = """
    import json, sys
    from xl_retention._imports import cache_path, stamped_marshal_cache
    stamp, value = {stamp!r}, {value!r}
    kept = stamped_marshal_cache("probe", stamp, lambda k: isinstance(k, dict), lambda: value)
    print(json.dumps([kept, str(cache_path("probe"))]))
"""


def _probe(copy: Path, stamp: bytes, value: object, write: bool = True) -> list:
    return json.loads(_run(copy, HELPER.format(stamp=stamp, value=value), write))


def test_stamped_cache_is_read_back_under_its_stamp_only(copy: Path) -> None:
    first, target = _probe(copy, b"one", {"a": [1, 2]})
    assert first is None  # nothing yet
    path = Path(target)
    assert path == copy / "xl_retention" / "__pycache__" / f"probe.{sys.implementation.cache_tag}.bin"
    head, _, payload = path.read_bytes().partition(b"\n")
    assert head == b"one %d" % zlib.crc32(payload) and marshal.loads(payload) == {"a": [1, 2]}
    assert _probe(copy, b"one", None)[0] == {"a": [1, 2]}  # read back; None to write: the file left as it is
    assert _probe(copy, b"one", None)[0] == {"a": [1, 2]}
    assert _probe(copy, b"two", None)[0] is None  # another stamp's: not read
    assert not list(path.parent.glob(".probe-*"))  # no temporary file left


def test_stamped_cache_damaged_or_ill_formed_is_not_read(copy: Path) -> None:
    _, target = _probe(copy, b"s", {"k": 1})
    path = Path(target)
    data = bytearray(path.read_bytes())
    data[-2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert _probe(copy, b"s", {"k": 2})[0] is None  # its checksum fails: not read (and written again)
    assert _probe(copy, b"s", [3])[0] == {"k": 2}
    assert _probe(copy, b"s", None)[0] is None  # a list, where the reader wants a dict: not read
    path.write_bytes(b"s 0")  # no payload line
    assert _probe(copy, b"s", None)[0] is None


def test_stamped_cache_writes_nothing_without_bytecode_or_for_a_value_marshal_refuses(copy: Path) -> None:
    folder = copy / "xl_retention" / "__pycache__"
    assert _probe(copy, b"s", {"k": 1}, write=False)[0] is None
    assert not list(folder.glob("probe.*"))
    code = """
        from xl_retention._imports import stamped_marshal_cache
        stamped_marshal_cache("probe", b"s", lambda k: True, lambda: {"f": open})
        """
    _run(copy, code)  # a builtin function: marshal refuses it, the process ends as usual
    assert folder.is_dir() and not list(folder.glob("probe.*")) and not list(folder.glob(".probe-*"))


# the compiled regular expressions (cache_patterns)


def _patterns_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["start", "gained", "end", "CRR", "flag"])
    ws.append([500, 75, 535, "=CRR(C2,B2,A2)", '=IF(D2>0.9,"high","low")'])
    wb.save(path)
    return path


PATTERNS_RECALC = """
    import contextlib, io, json, sys
    from xl_retention._imports import _PATTERNS, cache_patterns
    cache_patterns()
    from xl_retention.cli import main
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["recalc", {book!r}, "--engine", "embedded", "--json", "--output-dir", {out!r}])
    report = json.loads(out.getvalue())
    print(json.dumps([code, report["files"][0]["status"], len(_PATTERNS["known"]), len(_PATTERNS["new"])]))
"""


def test_patterns_a_second_command_reads_the_patterns_the_first_compiled(copy: Path, tmp_path: Path):
    book = _patterns_workbook(tmp_path / "book.xlsx")
    cache = copy / "xl_retention" / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.bin"
    first = json.loads(_run(copy, PATTERNS_RECALC.format(book=str(book), out=str(tmp_path / "one"))))
    assert first[:3] == [0, "ok", 0] and first[3] > 100
    assert cache.is_file()
    second = json.loads(_run(copy, PATTERNS_RECALC.format(book=str(book), out=str(tmp_path / "two"))))
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


def test_patterns_only_the_programs_constants_are_kept(copy: Path):
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


def test_patterns_a_damaged_file_is_not_read_and_its_patterns_are_compiled(copy: Path):
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


def test_patterns_nothing_is_written_where_python_writes_no_bytecode(copy: Path):
    code = """
        import re
        from xl_retention._imports import cache_patterns
        cache_patterns()
        print(re.compile(r"x(\\d)").match("x4").group(1))
        """
    assert _run(copy, code, write=False) == "4"
    assert not list((copy / "xl_retention").rglob("patterns.*.bin"))


# the argument rewrites of formula shapes (cache_shapes)


def _shapes_workbook(path: Path) -> Path:
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


SHAPES_RECALC = """
    import contextlib, io, json
    from xl_retention._imports import _SHAPE_STATE
    from xl_retention.cli import main
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["recalc", {book!r}, "--engine", "embedded", "--json", "--output-dir", {out!r}])
    report = json.loads(out.getvalue())
    from xl_retention.recalculation.excel_functions import row_shapes
    print(json.dumps([code, report["files"][0]["status"], _SHAPE_STATE["loaded"], len(row_shapes._SHAPES)]))
"""


def _shapes_cache(copy: Path) -> Path:
    return copy / "xl_retention" / "__pycache__" / f"shapes.{sys.implementation.cache_tag}.bin"


def test_shapes_a_second_command_reads_the_shapes_the_first_rewrote(copy: Path, tmp_path: Path) -> None:
    book = _shapes_workbook(tmp_path / "book.xlsx")
    first = json.loads(_run(copy, SHAPES_RECALC.format(book=str(book), out=str(tmp_path / "one"))))
    assert first[:3] == [0, "ok", 0] and first[3] >= 24  # two rows of 12 columns: 24 shapes at least
    assert _shapes_cache(copy).is_file()
    second = json.loads(_run(copy, SHAPES_RECALC.format(book=str(book), out=str(tmp_path / "two"))))
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


def _decided_workbook(path: Path) -> Path:
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


DECIDED_RECALC = """
    import contextlib, io, json
    from xl_retention.cli import main
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["recalc", {book!r}, "--engine", "embedded", "--json", "--output-dir", {out!r}])
    report = json.loads(out.getvalue())
    from xl_retention.recalculation import decided_cache, rewrite_shapes
    answers = sum(len(found) for _, found in rewrite_shapes._DECIDED.values())
    print(json.dumps([code, report["files"][0]["status"], decided_cache._STATE["loaded"], answers]))
"""


def _decided_cache(copy: Path) -> Path:
    return copy / "xl_retention" / "__pycache__" / f"decided.{sys.implementation.cache_tag}.bin"


def test_decided_a_second_command_reads_the_answers_the_first_made(copy: Path, tmp_path: Path) -> None:
    book = _decided_workbook(tmp_path / "book.xlsx")
    first = json.loads(_run(copy, DECIDED_RECALC.format(book=str(book), out=str(tmp_path / "one"))))
    assert first[:3] == [0, "ok", 0] and first[3] >= 36  # three rows of 12 columns: 36 shapes at least
    assert _decided_cache(copy).is_file()
    second = json.loads(_run(copy, DECIDED_RECALC.format(book=str(book), out=str(tmp_path / "two"))))
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


def test_decided_a_library_caller_reads_and_writes_nothing(copy: Path, tmp_path: Path) -> None:
    book = _decided_workbook(tmp_path / "book.xlsx")
    _run(copy, DECIDED_RECALC.format(book=str(book), out=str(tmp_path / "one")))  # a command: the file is written
    written = _decided_cache(copy).read_bytes()
    other = _decided_workbook(tmp_path / "other.xlsx")
    out = _run(
        copy,
        f"""
        from xl_retention.recalculation import decided_cache, recalc_file, rewrite_shapes
        report = recalc_file({str(other)!r}, {str(tmp_path / "lib.xlsx")!r})
        print(report.status, decided_cache._STATE["installed"], decided_cache._STATE["loaded"])
        """,
    )
    assert out == "ok False 0"
    assert _decided_cache(copy).read_bytes() == written


#: the two caches of a recalc command's answers: (its workbook, its command, its file, the least it keeps)
COMMAND_CACHES = {
    "shapes": (_shapes_workbook, SHAPES_RECALC, _shapes_cache, 24),
    "decided": (_decided_workbook, DECIDED_RECALC, _decided_cache, 36),
}


@pytest.mark.parametrize("kind", COMMAND_CACHES)
def test_a_changed_source_file_or_a_damaged_cache_is_not_read(copy: Path, tmp_path: Path, kind: str) -> None:
    workbook, recalc, cache_of, _ = COMMAND_CACHES[kind]
    book = workbook(tmp_path / "book.xlsx")
    first = json.loads(_run(copy, recalc.format(book=str(book), out=str(tmp_path / "one"))))
    cache = cache_of(copy)
    written = cache.read_bytes()
    module = copy / "xl_retention" / "recalculation" / "excel_functions" / "logical.py"
    module.write_text(module.read_text() + "\n# changed\n")
    again = json.loads(_run(copy, recalc.format(book=str(book), out=str(tmp_path / "two"))))
    assert again[:3] == [0, "ok", 0] and again[3] == first[3]  # made again, for the new sources
    assert cache.read_bytes() != written  # and kept under the new sources' stamp
    head, _, payload = cache.read_bytes().partition(b"\n")
    cache.write_bytes(head + b"\n" + payload[:-7] + b"damaged")
    damaged = json.loads(_run(copy, recalc.format(book=str(book), out=str(tmp_path / "three"))))
    assert damaged[:3] == [0, "ok", 0]
    assert (tmp_path / "one" / "book.xlsx").read_bytes() == (tmp_path / "three" / "book.xlsx").read_bytes()


@pytest.mark.parametrize("kind", COMMAND_CACHES)
def test_nothing_is_written_where_python_writes_no_bytecode(copy: Path, tmp_path: Path, kind: str) -> None:
    workbook, recalc, cache_of, least = COMMAND_CACHES[kind]
    book = workbook(tmp_path / "book.xlsx")
    done = json.loads(_run(copy, recalc.format(book=str(book), out=str(tmp_path / "one")), write=False))
    assert done[:3] == [0, "ok", 0] and done[3] >= least
    assert not cache_of(copy).exists()
