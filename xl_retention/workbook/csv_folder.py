"""The tables an earlier ``import --to-csv DIR`` wrote in ``DIR`` that this run does not write.

A monthly job writes its tables to one folder that a BI tool or a dbt seed reads. When a later run has fewer inputs
(the orders export is late), the earlier run's ``purchases.csv`` stayed beside this run's ``movements.csv``, ending a
month earlier, and was read as this run's (H54 finding 06). So each run lists the files it wrote, with their SHA-256,
in ``DIR/.xl-retention-tables.json``; the next run removes those of them it does not write, where they are unchanged
(its own files: said in one line each), and stops, naming the file, where one was changed since (a user's edit is
never deleted) or where a file of a table's name and header is there without the list (a folder an earlier version
wrote): delete or move it. Nothing is written or removed when the run stops.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .._files import atomic_write

__all__ = ["MANIFEST", "earlier_tables", "write_manifest"]

#: The list of the files a run wrote, in the folder.
MANIFEST = ".xl-retention-tables.json"
_WRITER = "xl-retention import --to-csv"
#: Each table's input (the option that gives it).
_INPUTS = {"movements": "subscriptions", "customer_cohorts": "subscriptions", "revenue_cohorts": "subscriptions",
           "survivors": "subscriptions", "purchases": "orders", "order_cohorts": "orders",
           "order_revenue_cohorts": "orders", "visits": "visits", "nps": "nps"}  # fmt: skip


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _listed(directory: Path) -> dict[str, str] | None:
    """The files the last run listed (name: SHA-256), or None without a list; ``ValueError`` for a file of that name
    that is not one (not overwritten)."""
    path = directory / MANIFEST
    if not path.exists():
        return None
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))
        files = listed["files"] if listed.get("written_by") == _WRITER else None
    except (ValueError, AttributeError, KeyError, TypeError):
        files = None
    if not isinstance(files, dict):
        raise ValueError(
            f"{path} exists and is not the list of the tables xl-retention import wrote: not overwritten; move it or "
            "choose another --to-csv folder"
        )
    return {str(k): str(v) for k, v in files.items()}


def _looks_like_a_table(path: Path) -> bool:
    """Whether ``path``'s first line is a header of the tables (``month,...``, ``cohort,...``, ``segment,...``)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    return first.startswith(("month,", "cohort,", "segment,month,", "segment,cohort,"))


def earlier_tables(directory: Path, written: set[str]) -> list[Path]:
    """The files of ``directory`` an earlier run wrote (by :data:`MANIFEST`, unchanged) that this run, writing the
    file names ``written``, does not: to be removed once this run's tables are written. ``ValueError`` naming a file
    that would pass for one of this run's tables and cannot be removed: changed since it was written, or a table's
    name and header without the list (an earlier version's run)."""
    if not directory.is_dir():
        return []
    listed = _listed(directory)
    stale = []
    for stem, option in _INPUTS.items():
        path = directory / f"{stem}.csv"
        if path.name in written or not path.is_file():
            continue
        why = (
            f"this import does not write it (no --{option} given): read beside this run's tables it would pass for one"
        )
        if listed is None or path.name not in listed:
            if not _looks_like_a_table(path):
                continue  # a user's own file of that name
            raise ValueError(
                f"{path} is a table an earlier import --to-csv wrote and {why}; not removed (this folder has no list "
                f"of the tables it wrote): delete or move it, or import the {option} too"
            )
        if _digest(path.read_bytes()) != listed[path.name]:
            raise ValueError(
                f"{path} is a table an earlier import --to-csv wrote, changed since, and {why}; not removed: delete "
                f"or move it, or import the {option} too"
            )
        stale.append(path)
    return stale


def write_manifest(directory: Path, contents: dict[Path, bytes]) -> None:
    """List the files this run wrote (``contents``: path and bytes) in :data:`MANIFEST`."""
    files = {path.name: _digest(data) for path, data in contents.items()}
    text = json.dumps({"written_by": _WRITER, "files": files}, indent=1, sort_keys=True) + "\n"
    atomic_write(directory / MANIFEST, text.encode())


def removal_line(path: Path) -> str:
    """The line that says ``path`` was removed."""
    option = _INPUTS.get(path.stem, "")
    return (
        f"removed {path}: an earlier run's table, which this import (no --{option}) does not write; the folder holds "
        "this run's tables only"
    )
