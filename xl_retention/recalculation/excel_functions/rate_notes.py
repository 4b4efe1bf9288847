"""Why IRR or XIRR gave #NUM!, noted while a cell is evaluated again for its reason (:mod:`..rate_reasons`).

The engine keeps an error's code only; these functions note the cause of their #NUM! here when asked
(:data:`NOTES` ``.active``): no positive and negative payment both, Newton's method not settling from the guess,
a date before the first date, values and dates of different counts.
"""

from __future__ import annotations

from typing import NoReturn

from ._core import ExcelError


class RateNotes:
    """The causes noted while :attr:`active` (one cell's evaluation), in order."""

    def __init__(self) -> None:
        self.active = False
        self.heard: list[str] = []


NOTES = RateNotes()


def refused(function: str, cause: str) -> NoReturn:
    """#NUM! from ``function`` (``"XIRR"``) for ``cause``, noted where a reason is asked for."""
    if NOTES.active:
        NOTES.heard.append(f"{function}: {cause}")
    raise ExcelError("#NUM!")
