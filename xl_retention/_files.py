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
    fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory)
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
