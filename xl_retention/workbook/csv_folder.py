"""The tables an earlier ``import --to-csv DIR`` wrote in ``DIR`` that this run does not write.

A monthly job writes its tables to one folder that a BI tool or a dbt seed reads. When a later run has fewer inputs
(the orders export is late), the earlier run's ``purchases.csv`` stayed beside this run's ``movements.csv``, ending a
month earlier, and was read as this run's (H54 finding 06). So each run lists the files it wrote, with their SHA-256,
and its inputs in ``DIR/.xl-retention-tables.json``. The next run replaces the tables it writes; of the listed tables
it does not write, those of an input it imports too (a table that input no longer gives) are removed, said in one
line each; those of an input it does not import (the subscriptions' tables in an orders run: a user who keeps one
folder for two imports) stop the run, naming them, unless ``--replace`` asks to remove them. It stops, naming the
file, where one was changed since (a user's edit is never deleted, nor replaced without ``--replace``) or where a
file of a table's name and header is there without the list (a folder an earlier version wrote): delete or move it.
A file of the name of a table this run writes is replaced only where the list holds it, unchanged (its SHA-256): a
file of the table's header in no list (the user's own, last month's table with their note, H413 finding 03) stops the
run, naming it, even with ``--replace``.
Nothing is written or removed when the run stops.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from .._files import atomic_write

__all__ = ["MANIFEST", "earlier_tables", "manifest", "write_manifest"]

#: The list of the files a run wrote, in the folder.
MANIFEST = ".xl-retention-tables.json"
_WRITER = "xl-retention import --to-csv"
#: Each table's input (the option that gives it).
_INPUTS = {"movements": "subscriptions", "customer_cohorts": "subscriptions", "revenue_cohorts": "subscriptions",
           "survivors": "subscriptions", "purchases": "orders", "order_cohorts": "orders",
           "order_revenue_cohorts": "orders", "visits": "visits", "nps": "nps"}  # fmt: skip


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _listed(directory: Path) -> tuple[dict[str, str], dict[str, str]] | None:
    """The files the last run listed (name: SHA-256) and its inputs (option: file name; none in a list an earlier
    version wrote), or None without a list; ``ValueError`` for a file of that name that is not one (not
    overwritten)."""
    path = directory / MANIFEST
    if not path.exists():
        return None
    try:
        listed = json.loads(path.read_text(encoding="utf-8"))
        files = listed["files"] if listed.get("written_by") == _WRITER else None
        inputs = listed.get("inputs") or {}
    except (ValueError, AttributeError, KeyError, TypeError):
        files = inputs = None
    if not isinstance(files, dict) or not isinstance(inputs, dict):
        raise ValueError(
            f"{path} exists and is not the list of the tables xl-retention import wrote: not overwritten; move it or "
            "choose another --to-csv folder"
        )
    return {str(k): str(v) for k, v in files.items()}, {str(k): str(v) for k, v in inputs.items()}


def _looks_like_a_table(path: Path) -> bool:
    """Whether ``path``'s first line is a header of the tables (``month,...``, ``cohort,...``, ``segment,...``)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    return first.startswith(("month,", "cohort,", "segment,month,", "segment,cohort,"))


def earlier_tables(directory: Path, written: set[str], given: Iterable[str] = (), replace: bool = False) -> list[Path]:
    """The files of ``directory`` an earlier run wrote (by :data:`MANIFEST`, unchanged) that this run, writing the
    file names ``written`` from the inputs ``given`` (options: ``subscriptions``, ...), does not: to be removed once
    this run's tables are written. ``ValueError`` naming a file that would pass for one of this run's tables and
    cannot be removed: changed since it was written, or a table's name and header without the list (an earlier
    version's run); naming a file of one of ``written``'s names that the list does not hold (a user's own
    ``movements.csv`` of the table's header, a table of a version that kept no list: not provably the tool's, never
    replaced, even with ``replace``); and, unless ``replace``, naming the tables of an input this run does not
    import (another import's tables, kept in the same folder)."""
    if not directory.is_dir():
        return []
    found = _listed(directory)
    listed, inputs = found if found is not None else (None, {})
    stale, unlisted = [], []
    for stem, option in _INPUTS.items():
        path = directory / f"{stem}.csv"
        if path.name in written and listed is not None and path.name in listed and path.is_file() and not replace:
            if _digest(path.read_bytes()) != listed[path.name]:  # a user's edit of a table this run writes again
                raise ValueError(
                    f"{path} is a table an earlier import --to-csv wrote, changed since: this import would replace "
                    "it, and your edit would be lost; nothing written: move the edited file, or pass --replace to "
                    "replace it"
                )
        if path.name in written and path.is_file() and (listed is None or path.name not in listed):
            unlisted.append(path)  # refused below, after the tables this run would leave beside its own
        if path.name in written or not path.is_file():
            continue
        how = f"its --{option} does not give it" if option in set(given) else f"no --{option} given"
        why = f"this import does not write it ({how}): read beside this run's tables it would pass for one"
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
    if unlisted:
        raise ValueError(_unlisted_line(unlisted[0], listed is None))
    others = [path for path in stale if _INPUTS[path.stem] not in set(given)]
    if others and not replace:
        raise ValueError(_others_line(directory, others, inputs))
    return stale


def _unlisted_line(path: Path, no_list: bool) -> str:
    """The refusal to replace ``path``, a file of a table's name and header that no list of this folder records as
    written by xl-retention (``no_list``: the folder has no :data:`MANIFEST`): a user's own file (last month's table
    kept with a note of theirs), or a table of a version that kept no list; either way not provably the tool's."""
    why = (f"the folder has no {MANIFEST}, the list of the tables xl-retention wrote there" if no_list
           else f"it is not in {path.parent / MANIFEST}, the list of the tables xl-retention wrote there")  # fmt: skip
    return (
        f"{path} exists and is not a table xl-retention import wrote ({why}): not overwritten, nothing written; move "
        "it away or choose another --to-csv folder"
    )


def _others_line(directory: Path, others: list[Path], inputs: dict[str, str]) -> str:
    """The refusal to remove ``others``, the tables of inputs this run does not import (``inputs``: the earlier
    run's, option: file name)."""
    options = list(dict.fromkeys(_INPUTS[path.stem] for path in others))
    named = [f"--{o} {inputs[o]}" if o in inputs else f"--{o}" for o in options]
    tables = ", ".join(path.name for path in others)
    return (
        f"{directory}: {tables} {'are tables' if len(others) > 1 else 'is a table'} of an earlier import's "
        f"{' and '.join(named)}, which this import does not give: not removed; import "
        f"{' and '.join('--' + o for o in options)} too, write this import to another --to-csv folder, or add "
        f"--replace to remove {'them' if len(others) > 1 else 'it'}"
    )


def write_manifest(directory: Path, contents: dict[Path, bytes], inputs: Mapping[str, Path] | None = None) -> None:
    """List the files this run wrote (``contents``: path and bytes) and its inputs (option: path) in
    :data:`MANIFEST`."""
    atomic_write(directory / MANIFEST, manifest(contents, inputs))


def manifest(contents: dict[Path, bytes], inputs: Mapping[str, Path] | None = None) -> bytes:
    """:data:`MANIFEST`'s bytes for the files ``contents`` (path and bytes) and the inputs (option: path): written with
    the tables, all or none (:func:`.._files.atomic_write_all`)."""
    files = {path.name: _digest(data) for path, data in contents.items()}
    given = {option: Path(path).name for option, path in (inputs or {}).items()}
    text = json.dumps({"written_by": _WRITER, "files": files, "inputs": given}, indent=1, sort_keys=True) + "\n"
    return text.encode()


def removal_line(path: Path, given: Iterable[str] = ()) -> str:
    """The line that says ``path`` was removed (``given``: this run's inputs)."""
    option = _INPUTS.get(path.stem, "")
    if option in set(given):  # its input no longer gives it
        return (
            f"removed {path}: an earlier run's table of --{option}, which this import's --{option} does not give; "
            "the folder holds this run's tables only"
        )
    return (
        f"removed {path}: an earlier run's table, which this import (no --{option}) does not write (--replace); the "
        "folder holds this run's tables only"
    )
