"""recalc's earlier-template check keeps its answer per formula shape from one command to the next (issue 14, speed).

Before: every ``recalc`` of a tracker built the one pattern of every earlier template's forms (importing the upgrade
modules) and matched each distinct shape of the workbook's formulas again: the 120-month template's 929 shapes, about
0.03 s of its command. Now a command reads the answers an earlier one made (``workbook/earlier_cache.py``, the file
``earlier.<tag>.bin`` beside the package's bytecode, on the terms of the argument rewrites' shapes cache): the second
command builds no pattern and says the same; each kept answer is the pattern's; a library's caller reads and writes
nothing; an earlier template's formulas are still named.

Each test runs a copy of the package in a temporary folder (its own ``__pycache__``).
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from test_stamped_caches import _run  # a command in the copy's own interpreter

import xl_retention

PACKAGE = Path(xl_retention.__file__).parent
EARLIER = Path(__file__).parent / "data" / "template_before_2026-12-03.xlsx"


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "pkg" / "xl_retention", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "pkg"


@pytest.fixture(scope="module")
def tracker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from xl_retention.workbook import build_template

    path = tmp_path_factory.mktemp("tracker") / "t.xlsx"
    build_template(path, months=12)
    return path


RECALC = """
    import contextlib, io, json
    from xl_retention.cli import main
    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["recalc", {book!r}, "--engine", "embedded", "--json", "--output-dir", {out!r}])
    (report,) = json.loads(out.getvalue())["files"]
    from xl_retention.workbook import upgrade_file
    try:
        from xl_retention.workbook.earlier_cache import _STATE
    except ImportError:  # (before the cache: nothing loaded)
        _STATE = {{"loaded": 0}}
    built = upgrade_file._earlier_pattern.cache_info().currsize
    print(json.dumps([code, report["status"], report["message"], built, _STATE["loaded"], len(upgrade_file._MATCHED)]))
"""


def _cache(copy: Path) -> Path:
    return copy / "xl_retention" / "__pycache__" / f"earlier.{sys.implementation.cache_tag}.bin"


def test_a_second_command_reads_the_answers_the_first_made(copy: Path, tmp_path: Path, tracker: Path) -> None:
    first = json.loads(_run(copy, RECALC.format(book=str(tracker), out=str(tmp_path / "one"))))
    assert first[:5] == [0, "ok", "", 1, 0] and first[5] >= 100  # the pattern built, every shape matched
    assert _cache(copy).is_file()
    second = json.loads(_run(copy, RECALC.format(book=str(tracker), out=str(tmp_path / "two"))))
    assert second == [0, "ok", "", 0, first[5], first[5]]  # every answer read, no pattern built
    assert (tmp_path / "one" / "t.xlsx").read_bytes() == (tmp_path / "two" / "t.xlsx").read_bytes()
    # each kept answer is the pattern's, made afresh
    out = _run(
        copy,
        """
        import html, marshal
        from xl_retention.workbook import earlier_cache, upgrade_file
        from xl_retention._imports import cache_path
        kept = marshal.loads(cache_path("earlier").read_bytes().partition(b"\\n")[2])
        pattern = upgrade_file._earlier_pattern()
        same = sum(
            (pattern.fullmatch(upgrade_file.logical_constants("=" + html.unescape(shape))) is not None) is found
            for shape, found in kept.items()
        )
        print(same, len(kept))
        """,
    )
    same, total = map(int, out.split())
    assert same == total == first[5]


def test_an_earlier_templates_formulas_are_still_named_from_the_cache(copy: Path, tmp_path: Path, tracker: Path):
    _run(copy, RECALC.format(book=str(tracker), out=str(tmp_path / "one")))  # this version's shapes kept
    book = tmp_path / "earlier.xlsx"
    shutil.copy(EARLIER, book)
    code, status, message, *_ = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "two"))))
    assert code in (0, 1) and "holds formulas of an earlier xl-retention template" in message
    again = json.loads(_run(copy, RECALC.format(book=str(book), out=str(tmp_path / "three"))))
    assert again[:3] == [code, status, message]  # the same line with the answers kept


def test_a_library_caller_reads_and_writes_nothing(copy: Path, tmp_path: Path, tracker: Path) -> None:
    _run(copy, RECALC.format(book=str(tracker), out=str(tmp_path / "one")))
    written = _cache(copy).read_bytes()
    out = _run(
        copy,
        f"""
        from xl_retention.workbook import earlier_cache, upgrade_file
        print(upgrade_file.earlier_template_line({str(tracker)!r}), earlier_cache._STATE["installed"],
              upgrade_file._earlier_pattern.cache_info().currsize)
        """,
    )
    assert out == "None False 1"
    assert _cache(copy).read_bytes() == written


def test_nothing_is_written_where_python_writes_no_bytecode(copy: Path, tmp_path: Path, tracker: Path) -> None:
    done = json.loads(_run(copy, RECALC.format(book=str(tracker), out=str(tmp_path / "one")), write=False))
    assert done[:5] == [0, "ok", "", 1, 0]
    assert not _cache(copy).exists()
