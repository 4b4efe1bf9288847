"""The worker processes of a batch recalculated on several cores (split from :mod:`.batch`, which imports these
names): Ctrl-C held while the pool starts its workers, the caller's main module left out of what they run, and a
worker's own signals and deferred imports."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import FileReport

__all__ = ["ctrl_c_held", "main_left_out", "recalc_in_worker", "worker_signals"]

#: a worker is recalculating a file: SIGTERM then ends the file (its hidden folder removed) before the worker exits
_BUSY: list[bool] = [False]


@contextlib.contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT blocked in this thread) while the pool starts its workers, which inherit the blocked
    signal through exec: a Ctrl-C right after the command starts reaches no worker mid-import (a worker only ignores it
    once its initializer has run, after its imports), and is delivered to the command itself as the block ends."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: workers are started otherwise
        yield
        return
    # another thread of this process (a progress bar's, an engine's) may take the signal, and Python then raises it in
    # this thread whatever its mask, mid-start, before a worker has its start data (its EOFError traceback): the
    # command's own handler waits too, and the interrupt is raised as the block ends
    caught: list[int] = []
    main = threading.current_thread() is threading.main_thread()
    handler = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum)) if main else None
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        if main:
            signal.signal(signal.SIGINT, handler if handler is not None else signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt


@contextlib.contextmanager
def main_left_out() -> Iterator[None]:
    """While the pool starts its workers: the main module named neither by path nor by name, so that a spawned worker
    runs none of it (multiprocessing's spawn runs the main script again in each worker, "Safe importing of main
    module": a script without an ``if __name__ == "__main__":`` guard ran its side effects again in every worker, and
    the pool broke). A worker needs only this module's functions, which it imports by name."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {key: main.__dict__[key] for key in ("__file__", "__spec__") if key in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


def recalc_in_worker(*args: Any) -> FileReport:
    """:func:`.batch.recalc_file` in a worker: ended by the command's SIGTERM (its Ctrl+C or its own SIGTERM), the
    file's hidden ``.NAME.xlsx.XXXX.tmp`` folder is removed and the worker exits (H490's finding 06: a worker ended
    at once left it beside the user's results)."""
    from .._interrupts import raise_pending
    from .batch import recalc_file

    _BUSY[0] = True
    try:
        report = recalc_file(*args)
        raise_pending()  # a SIGTERM the engine took as a function's failure
        return report
    except KeyboardInterrupt:  # the file's folder is removed (recalc_file's finally): nothing more to do
        sys.stderr.flush()
        os._exit(143)
    finally:
        _BUSY[0] = False


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM in a worker: a file in progress is ended as the command ends its own (its folder removed, by
    :func:`recalc_in_worker`); an idle worker exits at once, silently."""
    if not _BUSY[0]:
        os._exit(143)
    from .._interrupts import Terminated, interrupted, pending

    if pending():  # a second SIGTERM (the pool's own, when another worker ended): the first is ending the file, and
        return  # raised again it cut the removal of the file's hidden folder short (CI, stop 56)

    raise interrupted(Terminated())


def worker_signals() -> None:
    """A worker leaves Ctrl-C to the command, which ends it (without a worker's traceback), and ends on SIGTERM
    removing its file's hidden folder; it defers openpyxl's reader and writer as the command does
    (:mod:`xl_retention._imports`)."""
    import signal

    from .._imports import cache_patterns, cache_shapes, defer_openpyxl_init

    cache_patterns()
    cache_shapes()  # the argument rewrites' shapes the command reads (H165's request): not tokenized again per worker
    defer_openpyxl_init()

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminated)
