"""Excel's arithmetic without denormals, for every step of a formula: the processor flushes them to 0 while the
engine evaluates.

Excel holds no number below 2**-1022 (Microsoft KB 78113: no denormalized numbers; a result too small underflows to
0), and this holds for each step of a formula, not only for its result: ``=1E-300*1E-10*1E300`` is 0 in Excel
(1E-310 is 0, and 0 times 1E300 is 0) where IEEE 754's gradual underflow gives 1E-10, and ``=EXP(-720)*1E300`` is 0
where IEEE gives 2.3E-13. The engine (and this package's functions, in the same thread) compute with the processor's
own floating-point numbers, so :func:`flushing` sets the processor's "flush to zero" and "denormals are zero"
modes (x86-64's MXCSR bits FTZ and DAZ, AArch64's FPCR bit FZ) for the evaluation and puts the caller's modes back
after: each operation whose result would be a denormal gives 0, and a denormal read counts as 0, as in Excel.

This package's own functions (the metrics and model fits of :mod:`xl_retention.registry`) are not Excel's: Excel
calls them as add-in functions computed with Python's own arithmetic and flushes only their result. So
:func:`unflushed` runs such a function with the caller's modes put back (its steps keep IEEE's denormals, as the core
computes them outside the engine) and gives a denormal result as 0.

Where the modes cannot be set (another processor or C library), :func:`flushing` changes nothing; the
results that are denormals are still Excel's 0 (:func:`.unsure_results.underflows`), the steps inside a formula not.

>>> with flushing():
...     tiny = float("1e-300") * 1e-10
>>> tiny == 0.0 or not SUPPORTED, float("1e-300") * 1e-10 > 0
(True, True)
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import platform
import struct
import sys
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["SUPPORTED", "excel_arithmetic", "flushing", "unflushed"]

_MXCSR_FLUSH = 0x8040  # x86-64: FTZ (bit 15) and DAZ (bit 6)
_FPCR_FLUSH = 1 << 24  # AArch64: FZ


def _layout() -> tuple[Any, int, int, str, int] | None:
    """(C library, size of fenv_t, offset of the mode word, its struct format, the bits to set), or None."""
    machine = platform.machine().lower()
    if sys.platform.startswith("linux") and machine in ("x86_64", "amd64"):
        layout = (32, 28, "<I", _MXCSR_FLUSH)  # glibc's fenv_t: the x87 environment, then __mxcsr
    elif sys.platform.startswith("linux") and machine in ("aarch64", "arm64"):
        layout = (8, 0, "<I", _FPCR_FLUSH)  # glibc's fenv_t: __fpcr, __fpsr
    elif sys.platform == "darwin" and machine == "x86_64":
        layout = (16, 4, "<I", _MXCSR_FLUSH)  # __control, __status, __mxcsr, __reserved
    elif sys.platform == "darwin" and machine == "arm64":
        layout = (16, 8, "<Q", _FPCR_FLUSH)  # __fpsr, __fpcr
    else:
        return None
    try:  # the process's own C library first: find_library runs `ldconfig -p` in a child process (4.6 ms a recalc)
        library = ctypes.CDLL(None)
        library.fegetenv.argtypes = library.fesetenv.argtypes = [ctypes.c_void_p]
    except (OSError, AttributeError, TypeError):
        try:
            from ctypes.util import find_library

            library = ctypes.CDLL(find_library("m") or find_library("c"))
            library.fegetenv.argtypes = library.fesetenv.argtypes = [ctypes.c_void_p]
        except (OSError, AttributeError, TypeError):
            return None
    return (library, *layout)


_LAYOUT = _layout()


def _works() -> bool:
    """Whether setting the modes flushes a denormal product to 0 here (and putting them back does not)."""
    if _LAYOUT is None:
        return False
    try:
        with _flushed():
            flushed = float("1e-300") * float("1e-10")
    except OSError:
        return False
    return flushed == 0.0 and float("1e-300") * float("1e-10") > 0.0


#: per thread: (the caller's environment saved by :func:`flushing`, the flushing one), or None outside it
_STATE = threading.local()


@contextlib.contextmanager
def _flushed() -> Iterator[None]:
    library, size, offset, form, bits = _LAYOUT  # type: ignore[misc]
    saved = ctypes.create_string_buffer(size)
    if library.fegetenv(saved) != 0:
        raise OSError("fegetenv")
    flushing_env = ctypes.create_string_buffer(saved.raw, size)
    (word,) = struct.unpack_from(form, flushing_env, offset)
    struct.pack_into(form, flushing_env, offset, word | bits)
    if library.fesetenv(flushing_env) != 0:
        raise OSError("fesetenv")
    outer = getattr(_STATE, "envs", None)
    _STATE.envs = (saved, flushing_env)
    try:
        yield
    finally:
        _STATE.envs = outer
        library.fesetenv(saved)


#: whether :func:`excel_arithmetic` flushes denormals on this machine
SUPPORTED = _works()


@contextlib.contextmanager
def flushing() -> Iterator[None]:
    """Within: every floating-point step of this thread flushes a denormal to 0 (where :data:`SUPPORTED`)."""
    if not SUPPORTED:
        yield
        return
    with _flushed():
        yield


def excel_arithmetic(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` run with Excel's arithmetic without denormals (:func:`flushing`)."""

    @functools.wraps(function)
    def flushed(*args: Any, **kwargs: Any) -> Any:
        with flushing():
            return function(*args, **kwargs)

    return flushed


#: the smallest number Excel holds (2**-1022); a result nearer 0 is 0
_SMALLEST = 2.2250738585072014e-308


def unflushed(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` run with the modes the caller of :func:`flushing` had (IEEE's denormals at every step), its result
    a denormal made 0, as Excel flushes an add-in function's result: inside :func:`flushing` only (elsewhere
    ``function`` runs as it is).

    >>> halve = unflushed(lambda x: x / 2 * 1e10)
    >>> with flushing():
    ...     kept, tiny = halve(4e-308), unflushed(lambda: 1e-300 * 1e-10)()
    >>> kept == 2e-298 or not SUPPORTED, tiny
    (True, 0.0)
    """
    if not SUPPORTED:
        return function
    library = _LAYOUT[0]  # type: ignore[index]

    @functools.wraps(function)
    def run(*args: Any) -> Any:
        envs = getattr(_STATE, "envs", None)
        if envs is None:
            return function(*args)
        library.fesetenv(envs[0])
        try:
            result = function(*args)
        finally:
            library.fesetenv(envs[1])
        if type(result) is float and -_SMALLEST < result < _SMALLEST:
            return 0.0
        return result

    return run
