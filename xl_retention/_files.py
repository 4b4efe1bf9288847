"""Writing files whole or not at all: the one atomic-replace helper of the package, and how a failed write is said
(:class:`NotWritten`: the user's file and the cause in words, never a temporary file nor ``[Errno 28]``)."""

from __future__ import annotations

import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from typing import Any, BinaryIO

from ._interrupts import raise_pending

#: the causes of a failed write in words, by ``errno`` (else the system's own words, lower-cased)
_CAUSES = {
    errno.ENOSPC: "no space left on device",
    errno.EFBIG: "larger than the file size limit (ulimit -f) or its file system allows",
    errno.EROFS: "its folder is on a read-only file system",
    errno.EACCES: "no permission to write in its folder",
    errno.EPERM: "no permission to write in its folder",
    errno.ENOENT: "its folder does not exist",
    errno.ENOTDIR: "a part of its path is a file, not a folder",
    errno.EISDIR: "it is a folder: give a file's name",
    errno.ENAMETOOLONG: "its name is too long for its file system",
    errno.EIO: "input/output error (a failing disk or a lost network drive?)",
}
if hasattr(errno, "EDQUOT"):
    _CAUSES[errno.EDQUOT] = "disk quota exceeded"

#: the errors only a write gives (never the reading of an input): said as a write of the command's file wherever met
WRITE_ERRNOS = frozenset(e for e in (errno.ENOSPC, errno.EFBIG, errno.EROFS, getattr(errno, "EDQUOT", None)) if e)


class NotWritten(OSError):
    """``target`` could not be written, for ``cause`` (in words): nothing was written, an existing file is as it was.

    Raised instead of the system's error, which names a hidden temporary file (``.t.xlsx.ab12cd34.tmp``) or no file at
    all (``[Errno 28] No space left on device``). ``errno`` is the system's; ``place`` a folder other than the
    target's where the failing write was (the temporary folder), else None.

    >>> str(NotWritten("out/t.xlsx", "no space left on device", errno.ENOSPC, kept=True))
    'cannot write out/t.xlsx: no space left on device; the file is as it was'
    >>> str(NotWritten("n.xlsx", "disk quota exceeded", None, kept=False, place="/tmp"))
    'cannot write n.xlsx: disk quota exceeded (writing a temporary file in /tmp); nothing was written'
    """

    def __init__(
        self, target: str | os.PathLike[str], cause: str, code: int | None, kept: bool, place: str | None = None
    ):
        self.target, self.cause, self.kept, self.place = os.fspath(target), cause, kept, place
        where = f" (writing a temporary file in {place})" if place else ""
        end = "the file is as it was" if kept else "nothing was written"
        super().__init__(f"cannot write {self.target}: {cause}{where}; {end}")
        self.errno = code

    def __reduce__(self) -> tuple[Any, ...]:  # pickled by a worker process: rebuilt from its own arguments
        return NotWritten, (self.target, self.cause, self.errno, self.kept, self.place)


def cause(error: OSError) -> str:
    """Why a write failed, in words (:data:`_CAUSES`, else the system's text lower-cased, never ``[Errno 28]``).

    >>> cause(OSError(errno.EFBIG, "File too large")), cause(OSError(errno.EXDEV, "Invalid cross-device link"))
    ('larger than the file size limit (ulimit -f) or its file system allows', 'invalid cross-device link')
    """
    if isinstance(error, NotWritten):
        return error.cause
    if error.errno in _CAUSES:
        return _CAUSES[error.errno]
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def not_written(target: str | os.PathLike[str], error: OSError, place: str | None = None) -> NotWritten:
    """The :class:`NotWritten` of ``target`` for ``error``, met writing it or a file of the work for it.

    ``place``: the folder of the failing write where ``error`` names none (openpyxl's temporary files, unnamed in its
    errors). A folder inside ``target``'s own (a work folder beside it) is not named; another is, as the temporary
    folder where it is inside that.

    >>> inner = NotWritten("/tmp/tmpab12/new.xlsx", "no space left on device", errno.ENOSPC, kept=False)
    >>> print(not_written("/nonexistent/t.xlsx", inner))
    cannot write /nonexistent/t.xlsx: no space left on device (writing a temporary file in /tmp); nothing was written
    """
    if isinstance(error, NotWritten):
        folder = error.place or os.path.dirname(os.path.realpath(error.target))
    elif place is not None:
        folder = place
    elif isinstance(error.filename, (str, os.PathLike)):
        folder = os.path.dirname(os.path.realpath(error.filename))
    else:
        folder = None
    name = os.fspath(target)
    if folder is not None:
        folder = os.path.realpath(folder)
        temporary = os.path.realpath(tempfile.gettempdir())
        if _inside(folder, os.path.dirname(os.path.realpath(name))):
            folder = None
        elif _inside(folder, temporary):
            folder = temporary
    return NotWritten(name, cause(error), error.errno, os.path.isfile(name), folder)


def as_written(target: str | os.PathLike[str], error: BaseException) -> BaseException:
    """``error`` said as the failed write of ``target`` (a file or a folder the command writes) where it is one: a
    :class:`NotWritten` of another file (a temporary one), or an error only a write gives (:data:`WRITE_ERRNOS`);
    ``error`` itself otherwise, and where it already names ``target`` or a file in it."""
    if isinstance(error, NotWritten):
        named = os.path.realpath(error.target)
        return error if _inside(named, os.path.realpath(os.fspath(target))) else not_written(target, error)
    if isinstance(error, OSError) and error.errno in WRITE_ERRNOS:
        return not_written(target, error)
    return error


def told_not_written(message: str, target: str | os.PathLike[str]) -> NotWritten | None:
    """The :class:`NotWritten` of ``target`` that a report's ``message`` tells (a recalculation reports its failure
    as text), else None.

    >>> told_not_written("s.xlsx: cannot write w/d.xlsx: no space left on device; nothing was written", "w/d.xlsx")
    NotWritten('cannot write w/d.xlsx: no space left on device; nothing was written')
    >>> told_not_written("s.xlsx: circular reference: S!A1", "w/d.xlsx") is None
    True
    """
    head = f"cannot write {os.fspath(target)}: "
    rest = message.partition(head)[2]
    for end, kept in (("; the file is as it was", True), ("; nothing was written", False)):
        if rest.endswith(end):
            words, _, place = rest[: -len(end)].partition(" (writing a temporary file in ")
            return NotWritten(target, words, None, kept, place[:-1] or None)
    return None


def refuse_folder(target: str | os.PathLike[str]) -> None:
    """Refuse a ``target`` that is a folder (``new reports.xlsx`` where reports.xlsx is a folder) before any work: a
    :class:`NotWritten` naming it; ``--force`` would not help, so it is said before an "exists" refusal."""
    if os.path.isdir(os.fspath(target)):
        raise NotWritten(target, _CAUSES[errno.EISDIR], errno.EISDIR, kept=False)


@contextmanager
def writing_to(target: str | os.PathLike[str]) -> Iterator[None]:
    """A block that writes ``target``: a write failing in it, of ``target`` or of a temporary file of the work, raises
    the :class:`NotWritten` of ``target`` (:func:`as_written`); other errors pass as they are."""
    try:
        yield
    except OSError as error:
        said = as_written(target, error)
        if said is error:
            raise
        raise said from error


class _Output(io.FileIO):
    """The temporary file's raw stream: remembers the error of a failed write, which a buffered writer or a zip file
    over it may raise again as another error (or the zip file's own)."""

    failed: OSError | None = None

    def write(self, data: Any) -> int | None:
        try:
            return super().write(data)
        except OSError as error:
            self.failed = error
            raise


@contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A temporary file beside ``target`` that replaces it, synced, only if the block succeeds.

    A kill at any moment leaves the old ``target`` or the new one; on an exception the
    temporary file is removed. The result keeps an existing target's permissions; a new file
    gets the mode the umask gives any new file (0o666 & ~umask), never the temporary
    file's 0o600 nor an input's mode. A symlinked target is replaced at the file it points to.
    A read-only target (no write permission bit) raises ``PermissionError`` naming it.
    A failed write (a full disk, a file size limit, a read-only or missing folder, ``target`` a folder) raises
    :class:`NotWritten` naming ``target`` and the cause, never the temporary file.
    """
    name = os.fspath(target)
    path = os.path.realpath(name)
    directory = os.path.dirname(path)
    if os.path.isdir(path):
        raise NotWritten(name, _CAUSES[errno.EISDIR], errno.EISDIR, kept=False)
    if os.path.exists(path):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if not mode & 0o222:  # read-only for everyone: Excel would not save over it either (root could)
            raise PermissionError(f"{name} is read-only: make it writable to replace it")
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, temporary = tempfile.mkstemp(prefix=temporary_prefix(os.path.basename(path)), suffix=".tmp", dir=directory)
    except OSError as error:
        raise not_written(name, error) from error
    raw = _Output(fd, "w")
    written = False
    try:
        with io.BufferedWriter(raw) as stream:
            yield stream  # type: ignore[misc]
            written = True
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        raise_pending()  # a Ctrl+C or SIGTERM the engine took as a function's failure: nothing replaced after it
        os.replace(temporary, path)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        failed = raw.failed or (error if written and isinstance(error, OSError) else None)
        if failed is not None and not isinstance(error, NotWritten):
            raise not_written(name, failed) from error
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


def temporary_prefix(name: str) -> str:
    """The prefix of a hidden temporary file or folder beside the file ``name``: ``.NAME.``, the name cut to 200 bytes
    (:func:`_name_part`), so that a legal name of 255 bytes gives a legal temporary one.

    >>> temporary_prefix("t.xlsx"), len(temporary_prefix("n" * 240 + ".xlsx"))
    ('.t.xlsx.', 202)
    """
    return f".{_name_part(name)}."


def atomic_write(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all (see :func:`atomic_output`)."""
    with atomic_output(target) as stream:
        stream.write(data)


def atomic_write_all(files: Mapping[str | os.PathLike[str], bytes]) -> None:
    """Write every file of ``files`` (path -> bytes) or none: each to its temporary file beside it, synced, before the
    first replaces its target, so that a full disk met by the third leaves the first two as they were
    (:func:`atomic_output`'s :class:`NotWritten` names the third). Only a failed rename after that (the same folder:
    rare) would leave those before it replaced."""
    with ExitStack() as stack:
        for target, data in files.items():
            stream = stack.enter_context(atomic_output(target))
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())


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
