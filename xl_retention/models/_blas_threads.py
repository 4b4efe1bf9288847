"""The BLAS libraries kept to one thread while a model is fitted (:func:`one_blas_thread`; split from
:mod:`._optimize`, whose :func:`._optimize._maximize` enters it)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .._imports import scipy_minimize

__all__ = ["one_blas_thread"]

_blas_lock = threading.Lock()
_blas_state: dict[str, Any] = {"controller": None, "depth": 0, "limit": None}


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Keep the BLAS libraries loaded in this process (numpy's and scipy's OpenBLAS) to one thread inside.

    The optimiser works on 2-4 parameters: BLAS threads cannot speed that up, but on a busy
    machine they contend for the cores and each L-BFGS-B step then waits milliseconds for them
    (fits 5-25x slower, bench/README.md "Models on a busy machine"). The limit is process-wide
    (``threadpoolctl``), so nested and concurrent fits share one: the first to enter sets it,
    the last to leave restores the previous thread counts. Libraries are found once, at the
    first fit (after scipy.optimize is imported, which loads scipy's BLAS). Without
    threadpoolctl (Pyodide, where it is not a dependency) nothing is limited.

    >>> from threadpoolctl import threadpool_info
    >>> with one_blas_thread():
    ...     {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}
    {1}
    """
    with _blas_lock:
        if _blas_state["depth"] == 0:
            if _blas_state["controller"] is None:
                _blas_state["controller"] = _controller()
            if _blas_state["controller"]:
                _blas_state["limit"] = _blas_state["controller"].limit(limits=1, user_api="blas")
                _release_openblas()
        _blas_state["depth"] += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas_state["depth"] -= 1
            if _blas_state["depth"] == 0 and _blas_state["limit"] is not None:
                _blas_state["limit"].restore_original_limits()
                _blas_state["limit"] = None
                _release_openblas()


def _controller() -> Any:
    """threadpoolctl's controller of the BLAS libraries loaded now (scipy.optimize's minimize imported first, which
    loads scipy's), or False without threadpoolctl (Pyodide: WebAssembly BLAS has no threads to limit)."""
    scipy_minimize()

    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return False
    return ThreadpoolController()


def _release_openblas() -> None:
    """Let any thread set OpenBLAS' limit next: threadpoolctl >= 3.7 lets only one Python thread (the last to
    set it) change OpenBLAS' process-wide count, so the thread that restores it may differ from the one that
    set it. Only this thread's claim is released (never another user's)."""
    import threadpoolctl

    release = getattr(getattr(threadpoolctl, "OpenBLASController", None), "clear_controlling_thread", None)
    if release is not None:
        release()
