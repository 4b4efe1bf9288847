"""Ctrl+C and SIGTERM remembered where the formula engine would lose them (H490's finding 01).

The embedded engine (formualizer, in Rust) calls the package's Python functions while it evaluates; a signal whose
handler raises inside such a call (``KeyboardInterrupt``) is taken by the engine as that call's failure, an error
value, and never reaches the command: it went on, replaced the workbook and exited 0, about one kill in fifteen.
:func:`interrupted` raises the interrupt and remembers it; :func:`raise_pending` raises it again where nothing may be
lost after it: before a file is replaced (:func:`.._files.atomic_output`) and when a command returns.
"""

from __future__ import annotations

__all__ = ["Terminated", "clear", "interrupted", "raise_pending"]


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


def clear() -> None:
    """Forget a remembered interrupt (a new command starts)."""
    _PENDING.clear()
