"""The patterns cache (``_imports.cache_patterns``) drops the patterns no process uses any more (H401, issue 14).

A module-level pattern edited in a checkout, or changed by an upgrade, left each earlier version in
``xl_retention/__pycache__/patterns.<tag>.bin`` up to 3,000 patterns: 8 versions of a 1.4 MB pattern made a 14 MB
file that every command read at its start (0.02-0.04 s of CPU, bench/README.md). Past 4 MB of codes the file now
keeps only what the process writing it read and used, or compiled.
"""

from __future__ import annotations

import pytest

from xl_retention import _imports


def _entry(size: int) -> tuple:
    return (32, b"\0" * size, 0, {}, (None,))


@pytest.fixture()
def patterns(monkeypatch: pytest.MonkeyPatch) -> dict:
    state = {"installed": True, "known": {}, "new": {}, "used": set(), "file": None}
    monkeypatch.setattr(_imports, "_PATTERNS", state)
    return state


def test_an_oversized_cache_keeps_only_the_patterns_this_process_used(patterns: dict):
    stale, current = ("old-(\\d+)", 0), ("new-(\\d+)", 0)
    patterns["known"].update({stale: _entry(3 << 20), current: _entry(3 << 20)})
    patterns["used"].add(current)
    assert _imports._patterns_to_write() == {current: _entry(3 << 20)}
    compiled = ("another", 0)
    patterns["new"][compiled] = _entry(16)
    assert _imports._patterns_to_write() == {current: _entry(3 << 20), compiled: _entry(16)}


def test_a_cache_within_its_size_is_written_whole_and_only_when_a_pattern_was_compiled(patterns: dict):
    one, two = ("one", 0), ("two", 0)
    patterns["known"].update({one: _entry(100), two: _entry(100)})
    patterns["used"].add(one)
    assert _imports._patterns_to_write() is None  # nothing new: the file is left as it is
    patterns["new"][("three", 0)] = _entry(100)
    assert _imports._patterns_to_write() == {one: _entry(100), two: _entry(100), ("three", 0): _entry(100)}


def test_an_oversized_cache_is_left_alone_by_a_process_that_used_none_of_it(patterns: dict):
    patterns["known"].update({("a", 0): _entry(3 << 20), ("b", 0): _entry(3 << 20)})
    assert _imports._patterns_to_write() is None  # (python -c "import xl_retention": nothing to judge by)
    patterns["used"].update({("a", 0), ("b", 0)})
    assert _imports._patterns_to_write() is None  # every pattern used: nothing to drop
