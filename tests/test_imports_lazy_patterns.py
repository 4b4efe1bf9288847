"""What a command's process pays at its start and end (issue 14, ``xl_retention._imports``): a regular expression
compiled on its first use (:func:`lazy_pattern`) answers exactly as ``re.compile``'s, and :func:`freeze_at_exit`
leaves the objects alive at the exit to the operating system without changing what the process wrote."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
import textwrap

import pytest

from xl_retention._imports import LazyPattern, lazy_pattern

CASES = [
    (r"(?<![\w.])NA\(\s*\)", re.IGNORECASE, "=IF(A1,na( ),B2)&NA()"),
    (r"(?P<col>\$?[A-Z]{1,3})(?P<row>\$?\d+)", 0, "=SUM(A1:B$22)+$C3"),
    (rb"<c r=\"([A-Z]+)(\d+)\"", 0, b'<c r="A1"><v>1</v></c><c r="B2"/>'),
    (r"\s*,\s*", 0, "a , b,c"),
]


@pytest.mark.parametrize(("pattern", "flags", "text"), CASES)
def test_a_lazy_pattern_answers_as_the_compiled_one(pattern, flags, text):
    lazy, compiled = lazy_pattern(pattern, flags), re.compile(pattern, flags)
    empty = text[:0]
    assert lazy.search(text).span() == compiled.search(text).span()
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.group(0) for m in lazy.finditer(text)] == [m.group(0) for m in compiled.finditer(text)]
    assert lazy.sub(empty, text) == compiled.sub(empty, text)
    assert lazy.subn(empty, text, count=1) == compiled.subn(empty, text, count=1)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.match(text) is None) == (compiled.match(text) is None)
    assert (lazy.fullmatch(text) is None) == (compiled.fullmatch(text) is None)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )
    assert lazy.compiled is lazy.compiled  # compiled once
    assert lazy.compiled.pattern == pattern


def test_nothing_is_compiled_before_the_first_use():
    lazy = lazy_pattern(r"LOOKUP\(")
    assert not lazy.is_compiled
    assert repr(lazy) == "LazyPattern('LOOKUP\\\\(', 0)"
    assert lazy.search("=XLOOKUP(1,A:A,B:B)").start() == 2
    assert lazy.is_compiled
    assert isinstance(lazy, LazyPattern) and not hasattr(type(lazy), "__getattr__")  # later reads: no hook
    assert lazy.search("=SUM(A1)") is None


def test_a_mistake_in_the_pattern_is_raised_at_the_first_use():
    lazy = lazy_pattern(r"SUM(")
    with pytest.raises(re.error, match="missing \\), unterminated subpattern"):
        lazy.search("=SUM(A1)")


def test_a_lazy_pattern_is_no_re_pattern_but_gives_one():
    lazy = lazy_pattern(r"\d+")
    assert not isinstance(lazy, re.Pattern)
    assert isinstance(lazy.compiled, re.Pattern)
    assert re.sub(lazy.compiled, "0", "A12+B3") == "A0+B0"
    with pytest.raises(AttributeError):
        lazy.no_such_method  # noqa: B018
    back = pickle.loads(pickle.dumps(lazy))
    assert isinstance(back, LazyPattern) and back.findall("A12+B3") == ["12", "3"]


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_freeze_at_exit_freezes_after_the_later_handlers_once(tmp_path):
    target = tmp_path / "written.txt"
    out = _run(
        f"""
        import atexit, gc
        from xl_retention._imports import freeze_at_exit
        # registered first, so run last: it sees what freeze_at_exit's handler left
        atexit.register(lambda: print("frozen at the end:", gc.get_freeze_count() > 0, flush=True))
        before = atexit._ncallbacks()
        freeze_at_exit()
        freeze_at_exit()  # again: nothing more
        print("handlers added:", atexit._ncallbacks() - before)
        atexit.register(lambda: print("later handler, nothing frozen yet:", gc.get_freeze_count() == 0))
        kept = [[k, {{"cell": k}}] for k in range(50_000)]  # alive at the exit
        with open(r"{target}", "w", encoding="utf-8") as handle:
            handle.write("x" * 100_000)
        print("done")
        """
    )
    assert out.splitlines() == [
        "handlers added: 1",
        "done",
        "later handler, nothing frozen yet: True",
        "frozen at the end: True",
    ]
    assert target.read_text(encoding="utf-8") == "x" * 100_000


def test_the_command_line_freezes_at_exit(tmp_path):
    """Every command (``xl_retention.cli.main``) leaves the objects alive at its end to the operating system."""
    out = _run(
        """
        import atexit, gc
        atexit.register(lambda: print("frozen at the end:", gc.get_freeze_count() > 0, flush=True))
        from xl_retention.cli import main
        import contextlib, io
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["functions"])
        print("exit", code)
        """
    )
    assert out.splitlines()[-1] == "frozen at the end: True"
