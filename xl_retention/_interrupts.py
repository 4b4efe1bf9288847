"""Ctrl+C and SIGTERM remembered where the formula engine would lose them (H490's finding 01).

The embedded engine (formualizer, in Rust) calls the package's Python functions while it evaluates; a signal whose
handler raises inside such a call (``KeyboardInterrupt``) is taken by the engine as that call's failure, an error
value, and never reaches the command: it went on, replaced the workbook and exited 0, about one kill in fifteen.
:func:`interrupted` raises the interrupt and remembers it; :func:`raise_pending` raises it again where nothing may be
lost after it: before a file is replaced (:func:`.._files.atomic_output`) and when a command returns.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Terminated", "clear", "completed", "interrupted", "pending", "raise_pending"]


class Terminated(KeyboardInterrupt):
    """SIGTERM (``timeout``, ``kill``, systemd's or docker's stop, a CI job cancelled) raised as Ctrl+C is."""


#: the interrupt raised by a handler and not yet seen by the command (its first one)
_PENDING: list[KeyboardInterrupt] = []


def interrupted(interrupt: KeyboardInterrupt) -> KeyboardInterrupt:
    """``interrupt``, remembered until :func:`clear`: raise what this returns."""
    if not _PENDING:
        _PENDING.append(interrupt)
    return interrupt


def raise_pending() -> None:
    """Raise the interrupt a handler raised, if one did (it may have been lost inside the engine).

    >>> clear(); raise_pending()
    >>> try:
    ...     raise interrupted(Terminated())
    ... except KeyboardInterrupt:
    ...     pass
    >>> try:
    ...     raise_pending()
    ... except Terminated:
    ...     print("raised again")
    raised again
    >>> clear()
    """
    if _PENDING:
        raise _PENDING[0]


def pending() -> bool:
    """Whether a handler raised an interrupt not yet forgotten (:func:`clear`): a second SIGTERM (a pool's own, after
    the command's) then changes nothing, the first one is already ending the work.

    >>> clear(); pending()
    False
    >>> interrupted(Terminated()) and pending()
    True
    >>> clear()
    """
    return bool(_PENDING)


def completed(cleanup: Callable[[], object]) -> None:
    """Run ``cleanup`` (removing a hidden folder) to its end even when a second Ctrl+C or SIGTERM lands inside it,
    then raise that interrupt: a user pressing Ctrl+C twice, or a pool terminating a worker the command had already
    ended, left a half-removed ``.NAME.xlsx.XXXX.tmp`` folder (CI, stop 56). ``cleanup`` must be safe to call again.

    >>> calls = []
    >>> def removes():
    ...     calls.append(1)
    ...     if len(calls) == 1:
    ...         raise KeyboardInterrupt  # the second Ctrl+C, mid-removal
    >>> try:
    ...     completed(removes)
    ... except KeyboardInterrupt:
    ...     print("removed, then interrupted:", len(calls))
    removed, then interrupted: 2
    """
    interrupt: KeyboardInterrupt | None = None
    for _ in range(100):  # each pass a signal may cut short: the folder is gone once one ends
        try:
            cleanup()
            break
        except KeyboardInterrupt as caught:
            interrupt = interrupt or caught
    if interrupt is not None:
        raise interrupt


def clear() -> None:
    """Forget a remembered interrupt (a new command starts)."""
    _PENDING.clear()
