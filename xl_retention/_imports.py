"""openpyxl's package initialisation deferred to its first use.

A recalculation uses three small modules of openpyxl: the formula tokenizer (``openpyxl.formula.tokenizer``), its
translator and the cell-address helpers (``openpyxl.utils.cell``). Importing any of them runs the package's
``__init__`` first, which loads the whole reader and writer (workbook, worksheet, styles, charts, drawings): about
0.15-0.25 s of every ``xl-retention recalc`` process's start on a 2-core machine, for nothing it uses
(bench/README.md, issue 14). :func:`defer_openpyxl_init`, called first by the command line (``xl-retention``) and by
a batch's worker processes, while they run one thread, registers the package with its ``__init__`` not yet run:
its submodules import as usual, and the first attribute read from the package itself (``openpyxl.load_workbook``,
``from openpyxl import Workbook``, ``openpyxl.__version__``) runs ``__init__`` then, once, under a lock. Code
using openpyxl sees the package exactly as a normal import gives it. Any other submodule (``openpyxl.reader.strings``,
``openpyxl.cell``) runs ``__init__`` before it is imported: openpyxl's own modules import each other in the order its
``__init__`` sets, and out of that order some fail as circular imports.

Two other costs of a command's start and end (bench/README.md, eighteenth session): :func:`lazy_pattern`, a module's
regular expression compiled on its first use (of the about 350 compiled at import by a recalculation, two thirds are
never used by a given workbook, and compiling them is about 0.06 s of every process), and :func:`freeze_at_exit`,
which spares the interpreter's last collections a walk over every object still alive when a command ends (about
0.03 s after the 50,000-cell recalculation).
"""

from __future__ import annotations

import atexit
import gc
import importlib.abc
import importlib.util
import re
import sys
import threading
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from pathlib import Path

_LOCK = threading.RLock()
LIGHT = frozenset(  # what a recalculation imports: none of them imports the package's reader or writer
    {
        "openpyxl.formula",
        "openpyxl.formula.tokenizer",
        "openpyxl.formula.translate",
        "openpyxl.utils",
        "openpyxl.utils.cell",
        "openpyxl.utils.exceptions",
        "openpyxl.utils.formulas",
    }
)


def defer_openpyxl_init() -> None:
    """Register ``openpyxl`` with its ``__init__`` deferred to the first read of one of its own attributes.

    Does nothing when openpyxl is already imported or cannot be found (the import then fails where it is used,
    as before). Marks the process as a command's, whose fits import scipy.optimize's ``minimize`` alone
    (:func:`scipy_minimize`).

    Also has the cyclic garbage collector look at the youngest objects every :data:`_YOUNG_COLLECTED` allocations, not
    every 700: a command allocates hundreds of thousands of objects, nearly all freed by their counts or kept to its
    end, and the 120-month template's 168 collections outside the evaluation (which pauses them) took 0.08-0.09 s of
    CPU for 2,200 objects freed; 10 collections take 0.035-0.04 s (bench/README.md, thirty-third session).
    """
    _COMMAND[0] = True
    threshold = gc.get_threshold()
    if threshold[0] and threshold[0] < _YOUNG_COLLECTED:  # (0: the collector's thresholds set off by the caller)
        gc.set_threshold(_YOUNG_COLLECTED, *threshold[1:])
    _defer_init("openpyxl", LIGHT.__contains__)


#: a command's allocations between two collections of the youngest objects (:func:`defer_openpyxl_init`)
_YOUNG_COLLECTED = 10_000

#: the packages registered by :func:`_defer_init` whose ``__init__`` has not run yet
_PENDING: set[str] = set()


def _defer_init(name: str, light: Callable[[str], bool], submodules_first: bool = False) -> ModuleType | None:
    """Register the package ``name`` (``openpyxl``, ``scipy.optimize``) with its ``__init__`` not yet run: run by
    the first read of one of its own attributes, or before the import of a submodule for which ``light`` is False.
    ``submodules_first``: a read of an attribute that is a submodule ``light`` lets through, not imported yet, does
    not run it but says the attribute is missing, so that ``from . import _lbfgsb`` in a submodule imports it.
    Returns the registered module; None, doing nothing, when the package is imported already or cannot be found."""
    if name in sys.modules:
        return None
    try:
        spec = importlib.util.find_spec(name)  # (imports a subpackage's parents, with their own __init__)
    except (ImportError, ValueError):  # not installed here (Pyodide without it), or a finder that refuses it
        return None
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return None
    module = importlib.util.module_from_spec(spec)
    loader = spec.loader
    parent, _, child = name.rpartition(".")
    prefix = name + "."
    done = False

    running = False

    def run_init() -> None:
        """Run the package's ``__init__`` once. Other threads wait on the lock until it has finished (never see a
        half-initialised package); the thread running it, re-entering through the package's own imports, returns."""
        nonlocal done, running
        with _LOCK:
            if done or running:
                return
            running = True
            try:
                loader.exec_module(module)
            except BaseException:
                sys.modules.pop(name, None)  # as a failed import leaves it: the next import retries
                _PENDING.discard(name)
                raise
            finally:
                running = False
            done = True
            _PENDING.discard(name)
            if module.__dict__.get("__getattr__") is attribute:  # (the package may define its own: kept)
                del module.__dict__["__getattr__"]
            if first in sys.meta_path:
                sys.meta_path.remove(first)

    def attribute(attribute_name: str) -> object:
        if submodules_first and not done and light(prefix + attribute_name) and _is_submodule(attribute_name):
            raise AttributeError(f"module {name!r} has no attribute {attribute_name!r} yet")  # imported next
        run_init()
        try:
            return module.__dict__[attribute_name]
        except KeyError:
            found = module.__dict__.get("__getattr__")  # the package's own (PEP 562), once its __init__ has run
            if found is not None and found is not attribute:
                return found(attribute_name)
            raise AttributeError(f"module {name!r} has no attribute {attribute_name!r}") from None

    class InitFirst(importlib.abc.MetaPathFinder):
        """Runs the package's ``__init__`` before any submodule that ``light`` refuses is imported."""

        def find_spec(
            self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
        ) -> ModuleSpec | None:
            if fullname.startswith(prefix) and not done and not light(fullname):
                run_init()
            return None  # found by the usual finders

    def _is_submodule(attribute_name: str) -> bool:
        from importlib.machinery import PathFinder

        return PathFinder.find_spec(prefix + attribute_name, spec.submodule_search_locations) is not None

    first = InitFirst()
    module.__getattr__ = attribute  # type: ignore[method-assign]  # PEP 562: read only for missing attributes
    sys.modules[name] = module
    _PENDING.add(name)
    if parent:
        setattr(sys.modules[parent], child, module)  # as an import sets it on its parent package
    sys.meta_path.insert(0, first)
    return module


#: the thread importing scipy.optimize's minimize with the package's __init__ deferred (:func:`scipy_minimize`)
_LIGHT_SCIPY: list[int | None] = [None]
#: whether :func:`defer_openpyxl_init` ran: a command's process (the command line, a batch's worker)
_COMMAND: list[bool] = [False]


def scipy_minimize() -> Callable[..., Any]:
    """``scipy.optimize.minimize`` (the same function); in a command's process, imported without running
    ``scipy.optimize``'s ``__init__`` where nothing imported the package yet.

    The models' fits use ``minimize`` alone, and the package's ``__init__`` imports every other solver (linear
    programming, global optimisers, ``scipy.spatial``, ``scipy.fft``): about 0.1 s of its 0.3 s import, in every
    process that fits a model (the template's Lifetime value sheet fits one in every ``recalc``; bench/README.md,
    thirty-second session). The submodules ``minimize`` imports load as usual; any other, or the first read of an
    attribute of ``scipy.optimize`` itself (``from scipy.optimize import brentq``), runs the package's ``__init__``
    then, once, as :func:`defer_openpyxl_init` does for openpyxl: code using the package sees it as a normal import
    gives it.

    Only in the processes where :func:`defer_openpyxl_init` ran (the command line, a batch's workers: they start no
    thread that imports scipy) and while one thread runs: a deferred package's ``__init__`` run by one thread while
    another imports one of its submodules could wait on each other's locks. Elsewhere (a library's caller, threads)
    the package is imported as usual.
    """
    if "scipy.optimize" in _PENDING:  # deferred here, its __init__ not run yet: minimize from its own module
        return importlib.import_module("scipy.optimize._minimize").minimize
    if "scipy.optimize" in sys.modules or not _COMMAND[0] or threading.active_count() != 1:
        from scipy.optimize import minimize  # (the package's: a caller's patch of it is used, as before)

        return minimize
    with _LOCK:
        _defer_init("scipy.optimize", lambda fullname: _LIGHT_SCIPY[0] == threading.get_ident(), True)
        _LIGHT_SCIPY[0] = threading.get_ident()
        try:
            found = importlib.import_module("scipy.optimize._minimize")
        finally:
            _LIGHT_SCIPY[0] = None
    return found.minimize


def is_initialised(module: ModuleType) -> bool:
    """Whether a module deferred by :func:`defer_openpyxl_init` has run its ``__init__`` (for tests)."""
    return "__getattr__" not in module.__dict__


AnyStr = TypeVar("AnyStr", str, bytes)
#: what a :class:`LazyPattern` takes from its compiled pattern on first use (then read without a look-up through it)
_DELEGATED = ("search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split", "scanner")
_DELEGATED += ("pattern", "flags", "groups", "groupindex")


class LazyPattern(Generic[AnyStr]):
    """``re.compile(pattern, flags)``, compiled on the first use of any of its attributes (``search``, ``sub``,
    ``pattern``, ...), which then answer as the compiled pattern's own, read as fast as a pattern's (the instance
    leaves the class whose ``__getattr__`` made the first use).

    For a module's constant that only its methods read: it is no :class:`re.Pattern` (``isinstance`` says so, and
    ``re.sub(PATTERN, ...)`` refuses it: pass :attr:`compiled`). A mistake in ``pattern`` raises :class:`re.error`
    at that first use, not at import (the module's tests meet it).
    """

    def __new__(cls, pattern: AnyStr, flags: int | re.RegexFlag = 0) -> LazyPattern[AnyStr]:
        return object.__new__(_Pending if cls is LazyPattern else cls)

    def __init__(self, pattern: AnyStr, flags: int | re.RegexFlag = 0) -> None:
        self._source = (pattern, flags)

    @property
    def compiled(self) -> re.Pattern[AnyStr]:
        """The compiled pattern (compiled now if it was not yet)."""
        found = self.__dict__.get("_compiled")
        if found is None:
            found = re.compile(*self._source)
            for name in _DELEGATED:  # read from the instance from now on
                self.__dict__[name] = getattr(found, name)
            self.__dict__["_compiled"] = found
            self.__class__ = LazyPattern  # type: ignore[assignment]  # no __getattr__ hook on every later read
        return found

    @property
    def is_compiled(self) -> bool:
        """Whether a first use has compiled it (for tests)."""
        return "_compiled" in self.__dict__

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"

    def __reduce__(self) -> tuple[type, tuple[AnyStr, int | re.RegexFlag]]:
        return LazyPattern, self._source


class _Pending(LazyPattern[AnyStr]):
    """A :class:`LazyPattern` not compiled yet: its first attribute read compiles it."""

    def __getattr__(self, name: str) -> Any:  # only for attributes not set yet: the first use
        if name.startswith("__") or name in ("_source", "_compiled"):
            raise AttributeError(name)
        return getattr(self.compiled, name)


def lazy_pattern(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> LazyPattern[AnyStr]:
    """``re.compile(pattern, flags)`` compiled on its first use (:class:`LazyPattern`): for a module's constant
    that a recalculation reads only for some workbooks."""
    return LazyPattern(pattern, flags)


_FREEZING = [False]


def freeze_at_exit() -> None:
    """At the process's exit, after the exit handlers registered later, move the objects still alive out of the cyclic
    garbage collector's reach (``gc.freeze``): the interpreter's last collections then skip them instead of walking
    them all (tens of thousands after a recalculation: about 0.03 s of a command). Objects freed by their reference
    counts are freed as before, and files are closed by the code that wrote them (``with``), never by a last collection.
    For a command's process only (the command line calls it once; again does nothing).
    """
    with _LOCK:
        if _FREEZING[0]:
            return
        _FREEZING[0] = True
    atexit.register(gc.freeze)  # atexit runs its handlers last in, first out: those registered later run before it


def cache_path(name: str) -> Path:
    """``xl_retention/__pycache__/<name>.<tag>.bin``: a cache file beside the package's bytecode, for this interpreter
    only (``<tag>`` is ``sys.implementation.cache_tag``, as in the bytecode's names)."""
    from pathlib import Path

    return Path(__file__).parent / "__pycache__" / f"{name}.{sys.implementation.cache_tag or 'none'}.bin"


def stamped_marshal_cache(
    name: str, stamp: bytes, well_formed: Callable[[Any], bool], to_write: Callable[[], object]
) -> Any:
    """Read the cache file :func:`cache_path` ``(name)`` and have it written again at the process's end: the caches
    that keep a command's work for the next one (:func:`cache_patterns`, :func:`cache_shapes`,
    :func:`.recalculation.decided_cache.cache_decided`), as Python keeps the modules' bytecode.

    The file is one line, ``stamp`` and the CRC-32 of the payload, then the payload, a ``marshal`` dump. Returns the
    payload when the file was written under ``stamp`` (what the kept values are valid for: the interpreter, the
    sources), is whole (its checksum) and ``well_formed`` (the shape its reader expects); else None (no file yet, not
    readable, damaged, another stamp's), and the values are made as usual.

    At the process's end, ``to_write()`` gives the value to keep, or None for nothing new (the file is left as it
    is); it is written atomically (a temporary file in the same folder, then renamed), with the permissions of the
    package's source as Python's bytecode has them, and only where Python writes bytecode
    (``PYTHONDONTWRITEBYTECODE`` unset, the folder writable: a read-only installation makes its values again, as it
    compiles its modules again). A value ``marshal`` refuses is not written.
    """
    import marshal
    import zlib

    target = cache_path(name)
    kept: Any = None
    try:
        head, _, payload = target.read_bytes().partition(b"\n")
        if head == stamp + b" %d" % zlib.crc32(payload):  # this stamp's, whole: else made as usual
            kept = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):  # none yet, or not readable: made as usual
        kept = None
    if kept is not None and not well_formed(kept):
        kept = None
    atexit.register(_write_cache, target, stamp, to_write)
    return kept


def _write_cache(target: Path, stamp: bytes, to_write: Callable[[], object]) -> None:
    """:func:`stamped_marshal_cache`'s writing at the process's end."""
    if sys.dont_write_bytecode:
        return
    value = to_write()
    if value is None:
        return
    import marshal
    import os
    import tempfile
    import zlib

    try:
        payload = marshal.dumps(value)
        target.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name.partition('.')[0]}-")
        try:
            os.chmod(temporary, os.stat(__file__).st_mode & 0o666)  # as Python's bytecode beside it: the source's
            with os.fdopen(handle, "wb") as out:
                out.write(stamp + b" %d\n" % zlib.crc32(payload) + payload)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):  # a read-only installation, or a value marshal refuses: made again next time
        return


#: the patterns cache of :func:`cache_patterns`: (pattern, flags) -> what ``_sre.compile`` takes besides the pattern
_PatternCode = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_PATTERNS: dict[str, Any] = {"installed": False, "known": {}, "new": {}, "used": set(), "file": None}
_MOST_PATTERNS = 3000  # a cache past this, or past _MOST_PATTERN_BYTES of codes, keeps only the writing run's patterns
_MOST_PATTERN_BYTES = 4 << 20  # about twice one version's (bench/README.md, H401): stale versions of a pattern dropped


def _pattern_cache_file() -> Path:
    """``xl_retention/__pycache__/patterns.<tag>.bin``: beside the package's bytecode, for this interpreter only."""
    return cache_path("patterns")


def _pattern_cache_stamp() -> bytes:
    """What the cached codes are valid for: this interpreter's build and its regular expression engine's format."""
    import _sre

    return repr((sys.version, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode, sys.byteorder)).encode()


def cache_patterns() -> None:
    """Keep the compiled form of the regular expressions that modules compile at their import, or on first use
    (:class:`LazyPattern`), from one command to the next, as Python keeps the modules' bytecode.

    Compiling about 380 patterns is 0.06-0.09 s of every ``xl-retention recalc`` process (Python's ``re`` parses and
    compiles each in Python, bench/README.md, twenty-first session); the cache reads their codes in about 2 ms and
    gives ``_sre.compile`` exactly what ``re``'s compiler would (``re.compile`` of a cached pattern is equal, ``==``,
    to one compiled afresh: same pattern, flags and code). Only patterns compiled by a module's own top-level code or
    a :class:`LazyPattern` are kept (the program's constants, never a pattern built from a workbook's names). The
    file, ``xl_retention/__pycache__/patterns.<tag>.bin``, is valid for one interpreter build (else not read), written
    at the process's end when new patterns were compiled, atomically, and only where Python would write bytecode
    (``PYTHONDONTWRITEBYTECODE`` unset, the folder writable); a file that cannot be read is ignored. For a command's
    process (the command line calls it; again does nothing).
    """
    with _LOCK:
        if _PATTERNS["installed"]:
            return
        _PATTERNS["installed"] = True
    import _sre
    import array
    from re import _compiler, _parser  # type: ignore[attr-defined]

    new: dict[tuple[str | bytes, int], _PatternCode] = {}
    known: dict[tuple[str | bytes, int], _PatternCode] = (
        stamped_marshal_cache("patterns", _pattern_cache_stamp(), _is_dict, _patterns_to_write) or {}
    )  # (an entry not of this engine's form is compiled as usual below)
    used: set[tuple[str | bytes, int]] = set()  # the entries read that this process compiled
    _PATTERNS.update(known=known, new=new, used=used, file=_pattern_cache_file())
    original = _compiler.compile
    kind = "I" if array.array("I").itemsize == _sre.CODESIZE else "L"
    lazy_code = LazyPattern.compiled.fget.__code__  # type: ignore[attr-defined]

    def compile(p: Any, flags: int = 0) -> Any:  # noqa: A001  (re._compiler.compile's own name)
        if type(p) not in (str, bytes) or type(flags) is not int or flags & re.DEBUG:
            return original(p, flags)
        found = known.get((p, flags))
        if found is None:
            caller = sys._getframe(1)
            while (
                caller is not None
                and caller.f_code.co_filename in (re.__file__, __file__)
                and (caller.f_code is not lazy_code)
            ):
                caller = caller.f_back
            if caller is None or (caller.f_code.co_name != "<module>" and caller.f_code is not lazy_code):
                return original(p, flags)  # compiled inside a function: possibly built from a workbook's text
            parsed = _parser.parse(p, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            packed = array.array(kind, code).tobytes()
            found = (int(flags | parsed.state.flags), packed, parsed.state.groups - 1, groupindex, tuple(indexgroup))
            new[(p, flags)] = found
        else:
            used.add((p, flags))
        try:
            return _sre.compile(p, found[0], array.array(kind, found[1]).tolist(), found[2], found[3], found[4])
        except (TypeError, ValueError, IndexError, RuntimeError):  # an entry not of this engine's form
            return original(p, flags)

    _compiler.compile = compile


def _is_dict(kept: object) -> bool:
    return isinstance(kept, dict)


def _patterns_to_write() -> dict | None:
    """The patterns cache to write at the process's end: the patterns read and those compiled since, or None when none
    was compiled. Past :data:`_MOST_PATTERNS` patterns or :data:`_MOST_PATTERN_BYTES` of codes, only this process's
    (those it read and used, those it compiled), even when none was compiled: a module-level pattern edited, or
    changed by an upgrade, left its earlier versions in the file, read by every command (8 versions of a 1.4 MB
    pattern made a 14 MB file, 0.02-0.04 s of each command's start: bench/README.md, H401)."""
    known, new, used = _PATTERNS["known"], _PATTERNS["new"], _PATTERNS["used"]
    kept = {**known, **new}
    if len(kept) <= _MOST_PATTERNS and sum(map(_code_bytes, kept.values())) <= _MOST_PATTERN_BYTES:
        return kept if new else None
    if not new and len(used) in (0, len(known)):  # nothing to drop, or nothing of this process's to keep
        return None
    return {**{key: known[key] for key in used}, **new}


def _code_bytes(entry: object) -> int:
    """The size of a cached pattern's code (0 for an entry not of this engine's form)."""
    return len(entry[1]) if type(entry) is tuple and len(entry) > 1 and type(entry[1]) is bytes else 0


#: the argument rewrites' shapes cache of :func:`cache_shapes`
_SHAPE_STATE: dict[str, Any] = {"installed": False, "loaded": 0, "file": None, "stamp": b""}
_MOST_SHAPES = 20_000  # as row_shapes keeps in a process


def shapes_cache_stamp(state: dict[str, Any], lock: threading.Lock) -> bytes | None:
    """The stamp :func:`cache_shapes`' file was read under, for a cache kept on its terms
    (:func:`.recalculation.decided_cache.cache_decided`, :func:`.workbook.earlier_cache.cache_earlier`), ``state``
    marked installed; None where the shapes' cache is not installed (a library's caller) or ``state`` is already."""
    stamp = _SHAPE_STATE.get("stamp") or b""
    if not _SHAPE_STATE.get("installed") or not stamp:
        return None
    with lock:
        if state["installed"]:
            return None
        state["installed"] = True
    return stamp


def _shape_cache_file() -> Path:
    """``xl_retention/__pycache__/shapes.<tag>.bin``: beside the package's bytecode, for this interpreter only."""
    return cache_path("shapes")


_SHA256: list[Any] = []


def sha256(data: bytes = b"") -> Any:
    """A SHA-256 hash object of ``data``, as ``hashlib.sha256(data)`` gives (the same digests), without ``hashlib``'s
    import, which loads OpenSSL's library (3-7 ms of every command on the 2-core machine, bench/README.md,
    twenty-fifth session): CPython's own SHA-256 module, ``hashlib``'s where it is missing.

    >>> import hashlib
    >>> sha256(b"x").hexdigest() == hashlib.sha256(b"x").hexdigest()
    True
    """
    if not _SHA256:
        try:
            from _sha2 import sha256 as made  # type: ignore[import-not-found]  # CPython 3.12 and later
        except ImportError:
            try:
                from _sha256 import sha256 as made  # type: ignore[import-not-found,no-redef]  # CPython 3.11
            except ImportError:
                from hashlib import sha256 as made  # type: ignore[assignment]  # another interpreter
        _SHA256.append(made)
    return _SHA256[0](data)


def _shape_cache_stamp() -> bytes:
    """What the cached rewrites are valid for: this interpreter's build, the package's version and every one of its
    source files (path, size and modification time, as Python's bytecode is checked), and openpyxl's tokenizer (the
    rewrites tokenize with it): a changed file, an upgrade or another interpreter makes the cache unread."""
    import os

    from . import __version__

    root = os.path.dirname(os.path.abspath(__file__))
    entries: list[tuple[str, int, int]] = []

    def walk(folder: str) -> None:
        with os.scandir(folder) as found:
            for entry in sorted(found, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        walk(entry.path)
                elif entry.name.endswith(".py"):
                    stat = entry.stat()
                    entries.append((entry.path[len(root) :], stat.st_size, stat.st_mtime_ns))

    walk(root)
    tokenizer: tuple[str, int, int] | None = None
    try:
        spec = importlib.util.find_spec("openpyxl")
        if spec is not None and spec.origin:
            path = os.path.join(os.path.dirname(spec.origin), "formula", "tokenizer.py")
            stat = os.stat(path)
            tokenizer = (path, stat.st_size, stat.st_mtime_ns)
    except (ImportError, ValueError, OSError):
        tokenizer = None
    described = repr((sys.version, __version__, entries, tokenizer))
    return sha256(described.encode("utf-8", "surrogatepass")).hexdigest().encode()


def cache_shapes() -> None:
    """Keep the argument rewrites' results per formula shape (:mod:`.recalculation.excel_functions.row_shapes`: a
    shape, its row numbers markers, and its rewritten pieces) from one recalculation command to the next, as
    :func:`cache_patterns` keeps compiled patterns.

    A new process tokenizes every distinct shape again: the 120-month template's 670 (its formulas differ by column
    letters across months), about 0.1-0.2 s of its 1.9 (bench/README.md, twenty-third session). A shape's rewrite is
    a function of its text and the program alone (the cache a process keeps for every workbook of a batch), so the
    file, ``xl_retention/__pycache__/shapes.<tag>.bin``, is read only when written by the same interpreter, package
    version and source files (:func:`_shape_cache_stamp`) and whole (a checksum), and written at the process's end
    when the command tokenized new shapes, atomically, only where Python would write bytecode. For a recalculation
    command's process (it imports the recalculation); again does nothing.
    """
    with _LOCK:
        if _SHAPE_STATE["installed"]:
            return
        _SHAPE_STATE["installed"] = True
    from .recalculation.excel_functions import row_shapes

    stamp = _shape_cache_stamp()
    known = stamped_marshal_cache("shapes", stamp, _well_formed, _shapes_to_write)
    if known is not None and not row_shapes._SHAPES:
        row_shapes._SHAPES.update(known)
    _SHAPE_STATE.update(loaded=len(row_shapes._SHAPES), file=_shape_cache_file(), stamp=stamp)


def _well_formed(known: object) -> bool:
    """Whether every entry is what row_shapes keeps: a shape and None, or its text pieces and their row indices."""
    if not isinstance(known, dict):
        return False
    for shape, done in known.items():
        if type(shape) is not str:
            return False
        if done is None:
            continue
        if type(done) is not tuple or len(done) != 2 or type(done[0]) is not list or type(done[1]) is not list:
            return False
        texts, places = done
        if len(texts) != len(places) + 1 or not all(type(t) is str for t in texts):
            return False
        if not all(type(p) is int and p >= 0 for p in places):
            return False
    return True


def _shapes_to_write() -> dict | None:
    """The shapes cache to write at the process's end, or None when this process tokenized no new shape (or more than
    :data:`_MOST_SHAPES`)."""
    from .recalculation.excel_functions import row_shapes

    shapes = dict(row_shapes._SHAPES)
    if len(shapes) == _SHAPE_STATE["loaded"] or not shapes or len(shapes) > _MOST_SHAPES:
        return None
    return shapes
