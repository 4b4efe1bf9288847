"""The structural rewrite's pre-check per formula shape kept from one ``xl-retention recalc`` command to the next.

:func:`.rewrite_shapes.decided` answers, per set of names and per shape (a formula's row numbers made ``0``), whether
a formula may need a structural rewrite; a new process tokenizes every distinct shape again: the 120-month template's
about 480, 0.32 s of its command's 2.7 s of CPU (bench/README.md, thirty-first session), where its argument rewrites'
shapes are read from :func:`.._imports.cache_shapes`' file. An answer is a function of the shape, whether the formula
is an array formula, the names of the workbook's tables and defined names, and the program alone (the cache a process
keeps for every workbook of a batch), so it is kept on the same terms as the shapes' cache: the file,
``xl_retention/__pycache__/decided.<tag>.bin``, is read only when written under the stamp that cache was read under
(the same interpreter, package version, source files and openpyxl tokenizer) and whole (a checksum), and written at
the process's end when the command answered for new shapes, atomically, only where Python would write bytecode.
Installed by the first recalculation of a process that installed the shapes' cache (the command line, a batch's
workers): nowhere else is anything read or written.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from .. import _imports
from . import rewrite_shapes

__all__ = ["cache_decided"]

_LOCK = threading.Lock()
_STATE: dict[str, Any] = {"installed": False, "loaded": 0, "file": None, "stamp": b""}
_MOST_ANSWERS = 40_000  # past this a cache keeps nothing (rewrite_shapes keeps 20,000 a context, 64 contexts)


def _cache_file() -> Path:
    """``xl_retention/__pycache__/decided.<tag>.bin``: beside the package's bytecode, for this interpreter only."""
    return _imports.cache_path("decided")


def _answers(known: dict) -> int:
    return sum(len(answers) for _, answers in known.values())


def cache_decided() -> None:
    """Read the kept answers into :data:`.rewrite_shapes._DECIDED` and write them back at the process's end (see the
    module's docstring; the file's handling is :func:`.._imports.stamped_marshal_cache`'s); does nothing where the
    shapes' cache is not installed, or a second time."""
    stamp = _imports.shapes_cache_stamp(_STATE, _LOCK)
    if stamp is None:
        return
    known = _imports.stamped_marshal_cache("decided", stamp, _well_formed, _to_write)
    if known is not None and not rewrite_shapes._DECIDED:
        rewrite_shapes._DECIDED.update(known)
    _STATE.update(loaded=_answers(rewrite_shapes._DECIDED), file=_cache_file(), stamp=stamp)


def _well_formed(known: object) -> bool:
    """Whether every entry is what rewrite_shapes keeps: (table names, names, defined names), each a tuple of texts ->
    (whether one has a digit, {(shape, array formula): answer}), every flag and answer a bool.

    >>> _well_formed({(("Sales",), (), ("rate",)): (False, {("=A0*2", False): True})})
    True
    >>> _well_formed({((), (), ()): (False, {("=A0*2", False): 1})}), _well_formed({("x",): (False, {})})
    (False, False)
    """
    if not isinstance(known, dict):
        return False
    for context, entry in known.items():
        if type(context) is not tuple or len(context) != 3:
            return False
        if not all(type(words) is tuple and all(type(w) is str for w in words) for words in context):
            return False
        if type(entry) is not tuple or len(entry) != 2 or type(entry[0]) is not bool or type(entry[1]) is not dict:
            return False
        for key, answer in entry[1].items():
            if type(key) is not tuple or len(key) != 2 or type(key[0]) is not str or type(key[1]) is not bool:
                return False
            if type(answer) is not bool:
                return False
    return True


def _to_write() -> dict | None:
    """The answers to write at the process's end, or None when this process made no new one (or past
    :data:`_MOST_ANSWERS`)."""
    known = {context: (digits, dict(answers)) for context, (digits, answers) in rewrite_shapes._DECIDED.items()}
    count = _answers(known)
    if count == _STATE["loaded"] or not count or count > _MOST_ANSWERS:
        return None
    return known
