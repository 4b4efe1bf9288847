"""Which existing output a rerun may replace: an earlier result of the same input, unchanged since it was written.

Each result (not an in-place recalculation) carries a line in its zip comment, invisible to Excel: a digest of the
resolved path of the input it was recalculated from (never the path itself: no user or client folder name travels
with a result sent on) and a digest of its entries as written (:func:`seal`); the input's own comment is kept before
it byte for byte. A rerun replaces an output only when that
line is there and the entries still match it (:func:`check_replaceable`). An earlier result opened and saved by
another program (which drops the comment), or changed in place since, by ``import --into`` (which keeps the
comment) or by ``recalc --in-place``, holds the user's work: it is named and kept. A result written before the
digest was added (the input's line alone) is replaced as before, and so is one naming its input's path (written
before the path's digest replaced it).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .._imports import sha256

__all__ = ["check_replaceable", "result_mark", "seal"]


#: how every result's line starts (:func:`.batch_inputs._an_output` tells a folder's earlier results by it)
MARK = b"xl-retention recalc of "


def result_mark(path: Path) -> bytes:
    """The line this command writes into a result's zip comment: which input it was recalculated from, as a digest of
    the input's resolved path (the path itself would carry the user's and client's folder names with the file)."""
    resolved = str(path.resolve()).encode("utf-8", "surrogateescape")
    return MARK + b"sha256:" + sha256(resolved).hexdigest()[:32].encode()


def _marks(path: Path) -> tuple[bytes, bytes]:
    """The lines a result of ``path`` may carry: this command's (:func:`result_mark`) and the one earlier versions
    wrote, naming the path itself."""
    return result_mark(path), MARK + str(path.resolve()).encode("utf-8", "surrogateescape")


def _digest(package: zipfile.ZipFile) -> bytes:
    """A digest of the package's entries (name, CRC-32 and size of each, in order): any entry changed, added or
    removed changes it."""
    digest = sha256()
    for info in package.infolist():
        digest.update(f"{info.filename}\0{info.CRC}\0{info.file_size}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32].encode()


def seal(path: Path, output: Path) -> None:
    """Write into ``output``'s zip comment the line naming ``path`` with the digest of ``output``'s entries as they
    are now (call it once the result is complete: charts fitted)."""
    from .xlsx_values import marked

    with zipfile.ZipFile(output, "a") as package:
        package.comment = marked(package.comment, result_mark(path) + b"\t" + _digest(package))


def _sheet_titles(path: Path) -> list[str] | None:
    """The sheet titles of the workbook at ``path`` in their order, or None when it is no readable workbook."""
    from .xlsx_values import _sheet_parts

    try:
        with zipfile.ZipFile(path) as package:
            return list(_sheet_parts(package))
    except Exception:  # noqa: BLE001  (not a zip, damaged, no workbook part: not a workbook this command wrote)
        return None


def _state(path: Path, output: Path) -> str:
    """``"sealed"`` (an earlier result of ``path``, unchanged), ``"legacy"`` (one marked without a digest),
    ``"changed"`` (one changed since it was written) or ``"other"``."""
    try:
        with zipfile.ZipFile(output) as package:
            lines = package.comment.split(b"\n")
            marks = _marks(path)
            if any(mark in lines for mark in marks):
                return "legacy"
            sealed = [line for line in lines if line.startswith(tuple(mark + b"\t" for mark in marks))]
            if not sealed:
                return "other"
            digest = b"\t" + _digest(package)
            return "sealed" if any(mark + digest in sealed for mark in marks) else "changed"
    except Exception:  # noqa: BLE001  (not a zip: no mark)
        return "other"


def check_replaceable(path: Path, output: Path) -> None:
    """Refuse to replace an existing ``output`` that is not an earlier result of ``path`` unchanged since written.

    An earlier result of the same workbook (the input recalculated before, perhaps with other data or formulas since)
    is replaced, as a rerun should. Any other file there (another workbook of the same name in ``--output-dir``, even
    with the same sheets; an earlier result opened and saved by Excel, or imported into; a file that is no workbook)
    is the user's: it is named and kept.
    """
    if not output.exists() and not output.is_symlink():
        return
    if output.is_dir():
        raise ValueError(f"{path.name}: its output {output} is a folder: not replaced")
    theirs = _sheet_titles(output)
    state = _state(path, output) if theirs is not None else "other"
    if state == "changed":
        raise ValueError(
            f"{path.name}: its output {output} is an earlier result of {path.name} changed since this command wrote "
            "it (imported into, or recalculated in place): not replaced; move it or choose another output folder "
            "(--output-dir)"
        )
    if state == "other":
        what = (
            "no workbook" if theirs is None
            else f"a workbook with other sheets ({', '.join(theirs)})" if theirs != _sheet_titles(path)
            else "a workbook this command did not write from it (or saved by another program since)"
        )  # fmt: skip
        raise ValueError(
            f"{path.name}: its output {output} exists and is {what}, not an earlier result of {path.name}: not "
            "replaced; move it or choose another output folder (--output-dir)"
        )
