"""The earlier-template check's answer per formula shape kept from one ``xl-retention recalc`` command to the next.

:func:`.upgrade_file._may_hold_earlier` answers, per shape (a formula's row numbers made ``0``), whether it is a
formula an earlier template wrote (:func:`.upgrade_file._earlier_pattern`); a new process built that pattern from the
program's forms (importing the upgrade modules) and matched every distinct shape again: the 120-month template's 929,
about 0.03 s of its command's CPU (bench/README.md, thirty-fourth session). An answer is a function of the shape and
the program alone (the cache a process keeps for every workbook of a batch), so it is kept on the same terms as the
argument rewrites' shapes (:func:`.._imports.cache_shapes`): the file, ``xl_retention/__pycache__/earlier.<tag>.bin``,
is read only when written under the stamp that cache was read under (the same interpreter, package version, source
files and openpyxl tokenizer) and whole (a checksum), and written at the process's end when the command answered for
new shapes, atomically, only where Python would write bytecode. Installed by the first check of a process that
installed the shapes' cache (the command line, a batch's workers): nowhere else is anything read or written.
"""

from __future__ import annotations

import threading
from typing import Any

from .. import _imports

__all__ = ["cache_earlier"]

_LOCK = threading.Lock()
_STATE: dict[str, Any] = {"installed": False, "loaded": 0}
_MOST_ANSWERS = 5_000  # past this (about 1 MB) a cache keeps nothing: the template has 929 (the check keeps 50,000)


def cache_earlier(matched: dict[str, bool]) -> None:
    """Read the kept answers into ``matched`` (:data:`.upgrade_file._MATCHED`, while it is empty) and write it back at
    the process's end (see the module's docstring; the file's handling is :func:`.._imports.stamped_marshal_cache`'s);
    does nothing where the shapes' cache is not installed, or a second time."""
    stamp = _imports.shapes_cache_stamp(_STATE, _LOCK)
    if stamp is None:
        return
    known = _imports.stamped_marshal_cache("earlier", stamp, _well_formed, lambda: _to_write(matched))
    if known is not None and not matched:
        matched.update(known)
    _STATE["loaded"] = len(matched)


def _well_formed(known: object) -> bool:
    """Whether every entry is a shape (a text) and its answer (a bool).

    >>> _well_formed({'IF(D0="","",D0)': True, "B0*2": False}), _well_formed({"B0": 1}), _well_formed([])
    (True, False, False)
    """
    if not isinstance(known, dict):
        return False
    return all(type(shape) is str and type(answer) is bool for shape, answer in known.items())


def _to_write(matched: dict[str, bool]) -> dict[str, bool] | None:
    """The answers to write at the process's end, or None when this process made no new one (or past
    :data:`_MOST_ANSWERS`)."""
    count = len(matched)
    if count == _STATE["loaded"] or not count or count > _MOST_ANSWERS:
        return None
    return dict(matched)
