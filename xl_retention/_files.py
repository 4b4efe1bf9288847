"""Writing files whole or not at all: the one atomic-replace helper of the package."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO


@contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A temporary file beside ``target`` that replaces it, synced, only if the block succeeds.

    A kill at any moment leaves the old ``target`` or the new one; on an exception the
    temporary file is removed. The result keeps an existing target's permissions; a new file
    gets the mode the umask gives any new file (0o666 & ~umask), never the temporary
    file's 0o600 nor an input's mode. A symlinked target is replaced at the file it points to.
    A read-only target (no write permission bit) raises ``PermissionError`` naming it.
    """
    path = os.path.realpath(os.fspath(target))
    directory = os.path.dirname(path)
    if os.path.exists(path):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if not mode & 0o222:  # read-only for everyone: Excel would not save over it either (root could)
            raise PermissionError(f"{os.fspath(target)} is read-only: make it writable to replace it")
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temporary = tempfile.mkstemp(prefix=f".{_name_part(os.path.basename(path))}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _fsync_directory(directory)


def _name_part(name: str, most: int = 200) -> str:
    """``name`` cut to at most ``most`` bytes (whole characters) for a temporary file's name beside it.

    A file system allows 255 bytes per name: a legal 245-byte ``NAME.xlsx`` would make ``.NAME.xlsx.XXXXXXXX.tmp``
    too long ("file name too long", naming a file the user never named).

    >>> _name_part("book.xlsx"), _name_part("n" * 240 + ".xlsx") == "n" * 200
    ('book.xlsx', True)
    >>> len(_name_part("\u65e5" * 80).encode())
    198
    """
    while len(os.fsencode(name)) > most:
        name = name[:-1]
    return name


def atomic_write(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all (see :func:`atomic_output`)."""
    with atomic_output(target) as stream:
        stream.write(data)


def _fsync_directory(directory: str) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def lock_files(path: str | os.PathLike[str]) -> list[str]:
    """The lock files beside ``path`` that say a spreadsheet program has it open (their paths, may be empty).

    Excel writes ``~$NAME`` beside an open workbook (its "owner file"), LibreOffice ``.~lock.NAME#``. Either one
    means the program holds the workbook's old contents: its next save would undo a replacement made now. A lock
    left behind by a crash looks the same (delete it then).

    >>> lock_files("/nonexistent/book.xlsx")
    []
    """
    folder, name = os.path.split(os.path.realpath(os.fspath(path)))
    names = [f"~${name}", f".~lock.{name}#"]
    return [os.path.join(folder, n) for n in names if os.path.isfile(os.path.join(folder, n))]


def check_not_open(path: str | os.PathLike[str]) -> None:
    """Raise ``PermissionError`` naming ``path`` and the lock file when a spreadsheet program has it open.

    For commands that replace a workbook in place (``import --into``, ``recalc --in-place``): refusing is the
    only safe answer, since the program's next save would overwrite the replacement with the old contents.

    Example: ``check_not_open("tracker.xlsx")`` raises when ``~$tracker.xlsx`` is beside it.
    """
    locks = lock_files(path)
    if locks:
        lock = os.path.basename(locks[0])
        program = "LibreOffice" if lock.startswith(".~lock.") else "Excel"
        who = _lock_owner(locks[0], program)
        raise PermissionError(
            f"{os.fspath(path)} is open in {program}{who} (its lock file {lock} is beside it): close it in "
            f"{program} first (its next save would undo this change); if {program} is not running, delete {lock}"
        )


def _lock_owner(lock: str, program: str) -> str:
    """`` by NAME`` from a lock file (Excel: a length byte, then the user name; LibreOffice: ``,NAME,host,...``)."""
    try:
        with open(lock, "rb") as stream:
            head = stream.read(256)
    except OSError:
        return ""
    if program == "Excel":
        name = head[1 : 1 + head[0]].decode("latin-1") if head and 0 < head[0] < len(head) else ""
    else:
        fields = head.decode("utf-8", "replace").split(",")
        name = fields[1] if len(fields) > 1 else ""
    name = name.strip()
    return f" by {name}" if name and name.isprintable() else ""
